/**
 * What a Secret's type asks of its data, as the API server validates it (kubernetes@v1.30.5
 * pkg/apis/core/validation/validation.go ValidateSecret, the `switch secret.Type`; the keys are pkg/apis/core/types.go's
 * constants): service-account-token needs the annotation kubernetes.io/service-account.name; dockercfg and
 * dockerconfigjson need their key, holding JSON that json.Unmarshal takes into a map (the error text is Go's, the value
 * shown as `<secret contents redacted>`); basic-auth needs username or password (both named when neither is there);
 * ssh-auth a non-empty ssh-privatekey; tls both tls.crt and tls.key. Opaque and any other type ask nothing.
 */
import type { Cause } from './errors.ts';
import { goJsonError } from './gojson.ts';

const required = (field: string): Cause => ({ field, message: 'Required value' });

/** The bytes of a base64 value (latin-1 string of them), '' when absent or not base64. */
function bytesOf(b64: unknown): string {
  try {
    return atob(String(b64 ?? ''));
  } catch {
    return '';
  }
}

export function secretTypeCauses(type: string, data: Record<string, unknown>, annotations: Record<string, unknown>): Cause[] {
  const has = (k: string) => Object.hasOwn(data, k);
  const json = (key: string): Cause[] => {
    if (!has(key)) return [required(`data[${key}]`)];
    const err = goJsonError(bytesOf(data[key]));
    return err ? [{ field: `data[${key}]`, message: `Invalid value: "<secret contents redacted>": ${err}` }] : [];
  };
  switch (type) {
    case 'kubernetes.io/service-account-token':
      return String(annotations['kubernetes.io/service-account.name'] ?? '') ? [] : [required('metadata.annotations[kubernetes.io/service-account.name]')];
    case 'kubernetes.io/dockercfg':
      return json('.dockercfg');
    case 'kubernetes.io/dockerconfigjson':
      return json('.dockerconfigjson');
    case 'kubernetes.io/basic-auth':
      // "username or password might be empty, but the field must be present"
      return has('username') || has('password') ? [] : [required('data[username]'), required('data[password]')];
    case 'kubernetes.io/ssh-auth':
      return bytesOf(data['ssh-privatekey']).length ? [] : [required('data[ssh-privatekey]')];
    case 'kubernetes.io/tls':
      return [...(has('tls.crt') ? [] : [required('data[tls.crt]')]), ...(has('tls.key') ? [] : [required('data[tls.key]')])];
    default:
      return [];
  }
}

/** ValidateSecretUpdate: ValidateImmutableField(newSecret.Type, oldSecret.Type) (apimachinery's FieldImmutableErrorMsg). */
export function secretTypeUpdateCauses(oldType: unknown, newType: unknown): Cause[] {
  return String(oldType ?? '') === String(newType ?? '') ? [] : [{ field: 'type', message: `Invalid value: "${String(newType ?? '')}": field is immutable` }];
}
