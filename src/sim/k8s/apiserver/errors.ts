/**
 * API errors as metav1.Status (kubernetes@v1.30.0 staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go),
 * with what kubectl needs to print them (details.kind/name/causes for Invalid).
 */
export type Reason = 'BadRequest' | 'Forbidden' | 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'MethodNotAllowed';

export interface Cause {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly reason: Reason,
    message: string,
    readonly details: { kind?: string; name?: string; causes?: Cause[] } = {},
  ) {
    super(message);
  }
}

/** errors.NewNotFound: `pods "x" not found`. */
export const notFound = (resource: string, name: string) => new ApiError('NotFound', `${resource} "${name}" not found`);
/** errors.NewAlreadyExists: `pods "x" already exists`. */
export const alreadyExists = (resource: string, name: string) => new ApiError('AlreadyExists', `${resource} "${name}" already exists`);
/** errors.NewConflict with the storage's OptimisticLockErrorMsg: a resourceVersion that is not the live one. */
export const conflict = (resource: string, name: string) =>
  new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
/** errors.NewForbidden: `pods "x" is forbidden: <reason>`. */
export const forbidden = (resource: string, name: string, why: string) => new ApiError('Forbidden', `${resource} "${name}" is forbidden: ${why}`);
/**
 * errors.NewInvalid: `Pod "x" is invalid: [a, b]`, the kind qualified by its group (`Deployment.apps "x" is invalid`:
 * schema.GroupKind String); kubectl prints `The Deployment "x" is invalid` from the details instead, but a client that
 * wraps the error (create deployment's "failed to create deployment: %v") shows this message.
 */
export function invalid(kind: string, name: string, causes: Cause[], group = ''): ApiError {
  const list = causes.map((c) => `${c.field}: ${c.message}`);
  const msg = `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${list.length === 1 ? list[0] : `[${list.join(', ')}]`}`;
  return new ApiError('Invalid', msg, { kind, name, causes });
}
