/**
 * JSON Patch (RFC 6902) and JSON Merge Patch (RFC 7386) as the API server applies them: evanphx/json-patch
 * v4.12.0+incompatible (kubernetes/apiserver@v0.30.5 go.mod), patch.go and merge.go, with its error words:
 * - Apply runs the operations in order; findObject walks every part but the last and gives up (nil) on a missing one;
 * - `replace` of a missing object key sets it (partialDoc.get never fails), of a missing array index fails;
 * - errors wrap a cause (`…: missing value`, `…: invalid index referenced`) as github.com/pkg/errors Wrapf does.
 * fast-json-patch (npm, MIT) applies the same RFC but words its errors its own way and treats replace and add of a
 * missing parent differently, so the server's texts could not come from it.
 */
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export class PatchError extends Error {}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const wrap = (msg: string, cause: string) => new PatchError(`${msg}: ${cause}`);

/** decodePatchKey: `~1` is `/`, `~0` is `~`. */
const decodeKey = (k: string) => k.replaceAll('~1', '/').replaceAll('~0', '~');

type Container = Obj | unknown[];

/** strconv.Atoi's error for a key that is not a number. */
function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new PatchError(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  return Number(key);
}

function findObject(doc: Container, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    const k = decodeKey(part);
    let next: unknown;
    if (Array.isArray(cur)) {
      const i = /^\d+$/.test(k) ? Number(k) : -1;
      if (i < 0 || i >= cur.length) return undefined;
      next = cur[i];
    } else next = cur[k];
    if (!isObj(next) && !Array.isArray(next)) return undefined;
    cur = next;
  }
  return [cur, decodeKey(split.at(-1)!)];
}

function get(con: Container, key: string): unknown {
  if (!Array.isArray(con)) return con[key];
  const i = atoi(key);
  if (i < 0 || i >= con.length) throw wrap(`Unable to access invalid index: ${i}`, INVALID_INDEX);
  return con[i];
}

function add(con: Container, key: string, val: unknown): void {
  if (!Array.isArray(con)) {
    con[key] = val;
    return;
  }
  if (key === '-') {
    con.push(val);
    return;
  }
  if (!/^[+-]?\d+$/.test(key))
    throw new PatchError(`value was not a proper array index: '${key}': strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  const i = Number(key);
  if (i < 0 || i > con.length) throw wrap(`Unable to access invalid index: ${i}`, INVALID_INDEX);
  con.splice(i, 0, val);
}

function remove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!(key in con)) throw wrap(`Unable to remove nonexistent key: ${key}`, MISSING);
    delete con[key];
    return;
  }
  const i = atoi(key);
  if (i < 0 || i >= con.length) throw wrap(`Unable to access invalid index: ${i}`, INVALID_INDEX);
  con.splice(i, 1);
}

/** jsonpatch.DecodePatch: a JSON array of operations (json.Unmarshal's error otherwise). */
export function decodeJsonPatch(patch: unknown): Obj[] {
  if (!Array.isArray(patch)) {
    const what = isObj(patch)
      ? 'object'
      : typeof patch === 'string'
        ? 'string'
        : typeof patch === 'number'
          ? 'number'
          : typeof patch === 'boolean'
            ? 'bool'
            : 'null';
    throw new PatchError(`json: cannot unmarshal ${what} into Go value of type jsonpatch.Patch`);
  }
  // Each item decodes into a jsonpatch.Operation (map[string]*json.RawMessage); a null one is an empty map, whose kind
  // is "unknown" (checked against kubectl v1.30.13 --local).
  return patch.map((op) => {
    if (op === null) return {};
    if (!isObj(op)) {
      const what = Array.isArray(op) ? 'array' : typeof op === 'string' ? 'string' : typeof op === 'number' ? 'number' : 'bool';
      throw new PatchError(`json: cannot unmarshal ${what} into Go value of type jsonpatch.Operation`);
    }
    return op;
  });
}

/** Patch.Apply over a copy of `doc`. */
export function applyJsonPatch(doc: Obj, ops: Obj[]): Obj {
  let root: Container = structuredClone(doc);
  for (const op of ops) {
    const kind = typeof op.op === 'string' ? op.op : 'unknown';
    const path = typeof op.path === 'string' ? op.path : undefined;
    const from = typeof op.from === 'string' ? op.from : undefined;
    const value = structuredClone(op.value);
    const at = (p: string) => findObject(root, p);
    switch (kind) {
      case 'add': {
        if (path === undefined) throw wrap('add operation failed to decode path', MISSING);
        const f = at(path);
        if (!f) throw wrap(`add operation does not apply: doc is missing path: "${path}"`, MISSING);
        try {
          add(f[0], f[1], value);
        } catch (e) {
          throw new PatchError(`error in add for path: '${path}': ${(e as Error).message}`);
        }
        break;
      }
      case 'remove': {
        if (path === undefined) throw wrap('remove operation failed to decode path', MISSING);
        const f = at(path);
        if (!f) throw wrap(`remove operation does not apply: doc is missing path: "${path}"`, MISSING);
        try {
          remove(f[0], f[1]);
        } catch (e) {
          throw new PatchError(`error in remove for path: '${path}': ${(e as Error).message}`);
        }
        break;
      }
      case 'replace': {
        if (path === undefined) throw wrap('replace operation failed to decode path', `operation missing path field: ${MISSING}`);
        if (path === '') {
          if (!isObj(value) && !Array.isArray(value)) throw new PatchError('replace operation value must be object or array');
          root = value as Container;
          break;
        }
        const f = at(path);
        if (!f) throw wrap(`replace operation does not apply: doc is missing path: ${path}`, MISSING);
        try {
          get(f[0], f[1]);
        } catch {
          throw wrap(`replace operation does not apply: doc is missing key: ${path}`, MISSING);
        }
        if (Array.isArray(f[0])) f[0][Number(f[1])] = value;
        else f[0][f[1]] = value;
        break;
      }
      case 'move':
      case 'copy': {
        if (from === undefined) throw wrap(`${kind} operation failed to decode from`, `operation, missing from field: ${MISSING}`);
        const src = at(from);
        if (!src) throw wrap(`${kind} operation does not apply: doc is missing from path: ${from}`, MISSING);
        let val: unknown;
        try {
          val = get(src[0], src[1]);
          if (kind === 'move') remove(src[0], src[1]);
        } catch (e) {
          throw new PatchError(
            kind === 'move' ? `error in move for path: '${src[1]}': ${(e as Error).message}` : `error in copy for from: '${from}': ${(e as Error).message}`,
          );
        }
        if (path === undefined) throw wrap(`${kind} operation failed to decode path`, MISSING);
        const dst = at(path);
        if (!dst) throw wrap(`${kind} operation does not apply: doc is missing destination path: ${path}`, MISSING);
        add(dst[0], dst[1], kind === 'copy' ? structuredClone(val) : val);
        break;
      }
      case 'test': {
        if (path === undefined) throw wrap('test operation failed to decode path', `operation missing path field: ${MISSING}`);
        const f = path === '' ? undefined : at(path);
        if (path !== '' && !f) throw wrap(`test operation does not apply: is missing path: ${path}`, MISSING);
        let cur: unknown;
        try {
          cur = f ? get(f[0], f[1]) : root;
        } catch (e) {
          throw new PatchError(`error in test for path: '${path}': ${(e as Error).message}`);
        }
        if (JSON.stringify(sortKeys(cur)) !== JSON.stringify(sortKeys(op.value))) throw wrap(`testing value ${path} failed`, 'test failed');
        break;
      }
      default:
        throw new PatchError(`Unexpected kind: ${kind}`);
    }
  }
  if (!isObj(root)) throw new PatchError('json: cannot unmarshal array into Go value of type map[string]interface {}');
  return root;
}

const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : isObj(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys(v[k])]),
        )
      : v;

/** jsonpatch.MergePatch (RFC 7386): objects merge, null removes a key, anything else replaces. */
export function mergePatch(doc: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return structuredClone(patch);
  const out: Obj = isObj(doc) ? structuredClone(doc) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
