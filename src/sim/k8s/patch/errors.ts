/**
 * A strategic merge patch's errors in Go's words (k8s.io/apimachinery@v0.30.5 pkg/util/mergepatch/errors.go and
 * pkg/util/strategicpatch/patch.go), with the status the API server gives each.
 */
import { goTypeOf, goValue } from './gofmt.ts';

type Obj = Record<string, unknown>;

/**
 * A strategic merge's failure. `status`: how the API server answers it (handlers/patch.go
 * interpretStrategicMergePatchError): 400 for the format errors, 422 for lists of lists and retainKeys conflicts, else
 * the bare error (a 500 without a reason).
 */
export class StrategicError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 422 | 500 = 500,
  ) {
    super(message);
  }
}

export const ErrBadPatchFormatForPrimitiveList = () => new StrategicError('invalid patch format of primitive list', 400);
export const ErrBadPatchFormatForRetainKeys = () => new StrategicError('invalid patch format of retainKeys', 400);
export const ErrBadPatchFormatForSetElementOrderList = () => new StrategicError('invalid patch format of setElementOrder list', 400);
export const ErrNoListOfLists = () => new StrategicError('lists of lists are not supported', 422);
/** mergepatch.ErrNoMergeKey. */
export const ErrNoMergeKey = (m: Obj, k: string) => new StrategicError(`map: ${goValue(m)} does not contain declared merge key: ${k}`);
/** mergepatch.ErrBadArgType(expected, actual): `expected a map[string]interface {}, but received a string`. */
export const ErrBadArgType = (expected: 'map' | 'slice', actual: unknown) =>
  new StrategicError(`expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeOf(actual)}`);
export const ErrBadPatchType = (t: unknown, m: Obj) => new StrategicError(`unknown patch type: ${goValue(t)} in map: ${goValue(m)}`);
