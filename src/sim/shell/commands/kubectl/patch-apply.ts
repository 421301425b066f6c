/**
 * kubectl patch's patch text and its application (kubernetes/kubectl@v0.30.5:pkg/cmd/patch/patch.go RunPatch and
 * getPatchedJSON; kubernetes/apiserver@v0.30.5 pkg/endpoints/handlers/patch.go for the server's side):
 * - the text goes through k8s.io/apimachinery@v0.30.5 pkg/util/yaml ToJSON: one that starts with `{` (after white
 *   space) is JSON already and is sent as it is, so a broken one fails where it is decoded (`invalid JSON document`,
 *   `Invalid JSON Patch`, Go's `invalid character …`); anything else is YAML, its errors in go-yaml's words where
 *   patch-yaml.ts knows them, else the `yaml` package's after "yaml: line 1:";
 * - a strategic merge's errors are the client's `error: …` or, from the server, a 400, a 422 or a bare 500
 *   (`Error from server: map: … does not contain declared merge key: name`);
 * - the server then decodes the result into the typed object: a value of the wrong type is a 422 naming the patch
 *   (convert.ts); the client decodes it as unstructured and keeps any type.
 * Checked against kubectl v1.30.13 with `--local` (the client's words); the server's words are read in the sources.
 */
import { parse as parseYaml } from 'yaml';
import { goJsonError } from '../../../k8s/apiserver/gojson.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { omitEmptyMeta } from '../../../k8s/apiserver/stored.ts';
import { fromUnstructuredError } from '../../../k8s/patch/convert.ts';
import { goValue } from '../../../k8s/patch/gofmt.ts';
import { applyJsonPatch, decodeJsonPatch, mergePatch, PatchError } from '../../../k8s/patch/json-patch.ts';
import { StrategicError } from '../../../k8s/patch/errors.ts';
import { strategicMergePatch } from '../../../k8s/patch/strategic.ts';
import { isObj, type Obj } from './obj.ts';
import { goYamlError } from './patch-yaml.ts';

export type PatchType = 'json' | 'merge' | 'strategic';

/** The patch as sent: its JSON value, or the JSON syntax error of a `{…}` text that is not JSON. */
export type ReadPatch = { patch: unknown; syntax?: undefined } | { patch?: undefined; syntax: string };

/** A bare error from the server (no Status reason): kubectl prints `Error from server: …`. */
export class ServerError extends Error {}

/** Go's name for a JSON value's type in json.UnmarshalTypeError. */
const jsonType = (v: unknown) =>
  Array.isArray(v)
    ? 'array'
    : isObj(v)
      ? 'object'
      : typeof v === 'string'
        ? 'string'
        : typeof v === 'number'
          ? 'number'
          : typeof v === 'boolean'
            ? 'bool'
            : 'null';

/** The UTF-8 bytes of a text as a latin-1 string (gojson.ts reads bytes). */
const bytesOf = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));

/** yaml.ToJSON: `{…}` kept as it is; YAML's failure is `unable to parse "PATCH": yaml: line N: …`. */
export function readPatch(text: string, shown: string): ReadPatch | { error: string } {
  if (/^\s*\{/.test(text)) {
    const err = goJsonError(bytesOf(text));
    return err ? { syntax: err } : { patch: JSON.parse(text) as unknown };
  }
  try {
    return { patch: parseYaml(text, { prettyErrors: false, uniqueKeys: false }) as unknown };
  } catch (e) {
    const err = e as { code?: string; message: string; pos?: [number, number]; linePos?: { line: number }[] };
    const go = goYamlError(text, err);
    if (go) return { error: `error: unable to parse ${JSON.stringify(shown)}: yaml: ${go}\n` };
    const line = err.linePos?.[0]?.line ?? 1;
    const msg = err.message
      .split('\n')[0]!
      .replace(/ at line \d+, column \d+:?$/, '')
      .toLowerCase();
    return { error: `error: unable to parse ${JSON.stringify(shown)}: yaml: line ${line}: ${msg}\n` };
  }
}

/** A strategic merge error as the server answers it (interpretStrategicMergePatchError). */
function serverStrategicError(e: StrategicError): Error {
  if (e.status === 400) return new ApiError('BadRequest', e.message);
  if (e.status === 422)
    return new ApiError('Invalid', 'the server rejected our request due to an error in our request', { causes: [{ field: '', message: e.message }] });
  return new ServerError(e.message);
}

/**
 * The server's PATCH of one object (patch.go applyPatch). kubectl sends no fieldValidation, which the server takes as
 * Warn (handlers/rest.go fieldValidation), so each patch is first decoded strictly: a JSON patch into
 * []handlers.jsonPatchOp, a merge patch into a map (`error decoding patch: …`), a strategic one into a map (the bare
 * json error), each a BadRequest. Then json (Apply's error is a 422 with it as its one cause), merge (RFC 7386;
 * jsonpatch.MergePatch's ErrBadJSONPatch for a patch that is not an object) or strategic.
 */
export function serverPatch(type: PatchType, live: Obj, read: ReadPatch): Obj {
  return omitEmptyMeta(patchOnServer(type, live, read));
}

function patchOnServer(type: PatchType, live: Obj, read: ReadPatch): Obj {
  if (read.syntax !== undefined) throw new ApiError('BadRequest', type === 'strategic' ? read.syntax : `error decoding patch: ${read.syntax}`);
  const patch = read.patch;
  if (type === 'json') {
    if (patch === null) return structuredClone(live);
    const bad = !Array.isArray(patch) ? jsonType(patch) : patch.find((op) => !isObj(op) && op !== null);
    if (bad !== undefined)
      throw new ApiError(
        'BadRequest',
        Array.isArray(patch)
          ? `error decoding patch: json: cannot unmarshal ${jsonType(bad)} into Go value of type handlers.jsonPatchOp`
          : `error decoding patch: json: cannot unmarshal ${bad} into Go value of type []handlers.jsonPatchOp`,
      );
    try {
      return applyJsonPatch(live, decodeJsonPatch(patch));
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      // errors.NewGenericServerResponse(422, …, err.Error()): reason Invalid, no kind or name, one cause without a field.
      throw new ApiError('Invalid', 'the server rejected our request due to an error in our request', { causes: [{ field: '', message: e.message }] });
    }
  }
  if (patch !== null && !isObj(patch)) {
    const msg = `json: cannot unmarshal ${jsonType(patch)} into Go value of type map[string]interface {}`;
    throw new ApiError('BadRequest', type === 'merge' ? `error decoding patch: ${msg}` : msg);
  }
  if (type === 'merge') {
    if (patch === null) throw new ApiError('BadRequest', 'Invalid JSON Patch');
    return mergePatch(live, patch) as Obj;
  }
  // kjson.UnmarshalStrict of `null` leaves the map empty.
  const patchMap = structuredClone(patch ?? {}) as Obj;
  let result: Obj;
  try {
    result = strategicMergePatch(live, patchMap);
  } catch (e) {
    if (e instanceof StrategicError) throw serverStrategicError(e);
    throw e;
  }
  // applyPatchToObject: FromUnstructuredWithValidation's error names the (merged-into) patch map with %+v. A stored
  // object that the course's models would already refuse is not held against the patch.
  const bad = fromUnstructuredError(result);
  if (bad && !fromUnstructuredError(live))
    throw new ApiError('Invalid', `"" is invalid: patch: Invalid value: ${JSON.stringify(goValue(patchMap))}: ${bad}`, {
      causes: [{ field: 'patch', message: `Invalid value: ${JSON.stringify(goValue(patchMap))}: ${bad}` }],
    });
  return result;
}

/** getPatchedJSON (--local, --dry-run=client): the same patch in the client, with its own words. */
export function clientPatch(type: PatchType, obj: Obj, read: ReadPatch): Obj {
  try {
    if (type === 'json') {
      if (read.syntax !== undefined) throw new PatchError(read.syntax);
      if (read.patch === null) return obj;
      return applyJsonPatch(obj, decodeJsonPatch(read.patch));
    }
    if (type === 'merge') {
      // jsonpatch.MergePatch: ErrBadJSONPatch unless an object or a list; a list replaces the document, which
      // runtime.Decode then refuses.
      if (read.syntax !== undefined || !(isObj(read.patch) || Array.isArray(read.patch))) throw new PatchError('Invalid JSON Patch');
      if (Array.isArray(read.patch)) throw new PatchError('json: cannot unmarshal array into Go value of type unstructured.detector');
      return mergePatch(obj, read.patch) as Obj;
    }
    // handleUnmarshal: anything but an object (or null) is mergepatch.ErrBadJSONDoc.
    if (read.syntax !== undefined || !(read.patch === null || isObj(read.patch))) throw new PatchError('invalid JSON document');
    return strategicMergePatch(obj, structuredClone(read.patch ?? {}) as Obj);
  } catch (e) {
    if (e instanceof StrategicError) throw new PatchError(e.message);
    if (!(e instanceof PatchError)) throw e;
    const ix = e.message.indexOf('doc is missing key');
    if (ix >= 0) {
      const key = e.message.slice(e.message.indexOf('key:', ix) + 5);
      throw new PatchError(`Object to be patched is missing field (${key})`);
    }
    throw e;
  }
}
