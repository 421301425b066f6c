/**
 * ConfigMaps and Secrets as the API server keeps them:
 * - a Secret's stringData is merged into data, base64, and dropped (kubernetes@v1.30.5:pkg/apis/core/v1/conversion.go
 *   Convert_v1_Secret_To_core_Secret: "StringData overwrites Data"); its type defaults to Opaque (defaults.go
 *   SetDefaults_Secret);
 * - every key of data (and a ConfigMap's binaryData) must be a config key (pkg/apis/core/validation/validation.go
 *   ValidateConfigMap / ValidateSecret with IsConfigMapKey, k8s.io/apimachinery@v0.30.5
 *   pkg/util/validation/validation.go: the regex error's words, its examples joined by ",  or ");
 * - a Secret's type asks for its keys (secretTypeCauses, secret-types.ts);
 * - a Secret's data values must be base64: the JSON decoder's []byte refuses the body before validation (a 400,
 *   `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte N`, Go's
 *   encoding/base64 CorruptInputError: the first byte outside the alphabet, else where the last quantum starts).
 */
import { ApiError, type Cause } from './errors.ts';
import { secretTypeCauses, secretTypeUpdateCauses } from './secret-types.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
/** validation.IsConfigMapKey's messages for a key, none when it is valid. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key))
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** validation.IsEnvVarName's message (kubectl's env files, the kubelet's envFrom keys). */
export const envNameErrors = (name: string): string[] =>
  ENV_NAME.test(name)
    ? []
    : [
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
      ];

/** UTF-8 text as standard base64 (encoding/json's []byte). */
export const toBase64 = (text: string): string => {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
};

/** Standard base64 to UTF-8 text (what the kubelet hands a container from a Secret), or undefined when it is not base64. */
export function fromBase64(b64: string): string | undefined {
  try {
    const bin = atob(b64);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** Where Go's base64.StdEncoding.DecodeString fails, or -1. */
function corruptAt(s: string): number {
  const bad = s.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return bad;
  const pad = s.indexOf('=');
  if (pad >= 0 && (pad < s.length - 2 || s.length % 4 !== 0 || !/^=*$/.test(s.slice(pad)))) return pad;
  if (s.length % 4 !== 0) return s.length - (s.length % 4);
  return -1;
}

/**
 * Normalizes a ConfigMap or Secret in place: the validation causes (empty when it may be stored), or the decoder's
 * refusal of a Secret whose data is not base64.
 */
export function configDataCauses(obj: Obj): { causes: Cause[]; badRequest?: string } {
  const causes: Cause[] = [];
  if (obj.kind === 'Secret') {
    const data = (isObj(obj.data) ? obj.data : {}) as Record<string, unknown>;
    if (isObj(obj.stringData)) for (const [k, v] of Object.entries(obj.stringData)) data[k] = toBase64(String(v));
    delete obj.stringData;
    for (const v of Object.values(isObj(obj.data) ? obj.data : {})) {
      const at = corruptAt(String(v));
      if (at >= 0) return { causes, badRequest: `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${at}` };
    }
    if (Object.keys(data).length || isObj(obj.data)) obj.data = data;
    if (!obj.type) obj.type = 'Opaque';
    for (const k of Object.keys(data)) for (const m of configKeyErrors(k)) causes.push({ field: `data[${k}]`, message: `Invalid value: "${k}": ${m}` });
    causes.push(...secretTypeCauses(String(obj.type), data, isObj(obj.metadata) && isObj(obj.metadata.annotations) ? obj.metadata.annotations : {}));
  } else if (obj.kind === 'ConfigMap') {
    for (const field of ['data', 'binaryData'] as const) {
      const data = obj[field];
      if (!isObj(data)) continue;
      for (const k of Object.keys(data)) for (const m of configKeyErrors(k)) causes.push({ field: `${field}[${k}]`, message: `Invalid value: "${k}": ${m}` });
    }
    if (isObj(obj.data) && isObj(obj.binaryData))
      for (const k of Object.keys(obj.data))
        if (k in obj.binaryData) causes.push({ field: `data[${k}]`, message: `Invalid value: "${k}": duplicate of key present in binaryData` });
  }
  return { causes };
}

/** configDataCauses for the API server: its 400 thrown as the server answers it, else the causes. */
export function configData(obj: Obj, old?: Obj): Cause[] {
  const r = configDataCauses(obj);
  if (r.badRequest) throw new ApiError('BadRequest', r.badRequest);
  // ValidateSecretUpdate: the type may not change, checked before ValidateSecret's own causes.
  if (old && obj.kind === 'Secret') return [...secretTypeUpdateCauses(old.type, obj.type), ...r.causes];
  return r.causes;
}
