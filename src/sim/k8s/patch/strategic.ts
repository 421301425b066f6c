/**
 * Strategic merge patch as the API server applies it: a port of k8s.io/apimachinery@v0.30.5
 * pkg/util/strategicpatch/patch.go StrategicMergeMapPatch (MergeParallelList and IgnoreUnmatchedNulls on), the same
 * code kubectl's --local path runs (StrategicMergePatch):
 * - maps merge key by key; `null` removes a key; `$patch: replace|delete` on a map; `$retainKeys`;
 * - lists with `patchStrategy:"merge"` (patchmeta.ts) merge maps by their merge key (`$patch: delete|replace` items),
 *   and primitives as a set (finalizers); `$deleteFromPrimitiveList/<list>` removes primitives and
 *   `$setElementOrder/<list>` orders the merged list (order.ts); every other list is replaced;
 * - its errors keep Go's words (mergepatch/errors.go, patch.go): `map: map[image:x] does not contain declared merge
 *   key: name`, `unknown patch type: …`, `list element types are not identical: …`.
 * Go walks a map in random order; this walks it in the patch's order. Original and patch are mutated as Go mutates
 * them (StrategicMergeMapPatch's callers print the patch afterwards): pass copies.
 */
import {
  ErrBadArgType,
  ErrBadPatchFormatForPrimitiveList,
  ErrBadPatchFormatForRetainKeys,
  ErrBadPatchFormatForSetElementOrderList,
  ErrBadPatchType,
  ErrNoMergeKey,
  StrategicError,
} from './errors.ts';
import { goTypeOf } from './gofmt.ts';
import { normalizeElementOrder, partition, sliceElementKind, validateSetOrder } from './order.ts';
import { lookupSlice, lookupStruct, patchStrategy, type Schema, schemaOf } from './patchmeta.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** removeDirectives: a map with `$patch` is dropped (keep false); nested ones too. */
function removeDirectives(obj: unknown): { v: unknown; keep: boolean } {
  if (isObj(obj)) {
    if ('$patch' in obj) return { v: undefined, keep: false };
    for (const [k, x] of Object.entries(obj)) {
      const r = removeDirectives(x);
      if (r.keep) obj[k] = r.v;
      else delete obj[k];
    }
    return { v: obj, keep: true };
  }
  if (Array.isArray(obj)) return { v: obj.map(removeDirectives).flatMap((r) => (r.keep ? [r.v] : [])), keep: true };
  return { v: obj, keep: true };
}

/** discardNullValuesFromPatch. */
function discardNulls(v: unknown): void {
  if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else discardNulls(x);
    }
  } else if (Array.isArray(v)) for (const x of v) discardNulls(x);
}

/** applyRetainKeysDirective (MergeParallelList): the patch's keys must be listed; the original's others go. */
function applyRetainKeys(original: Obj, patch: Obj): void {
  if (!('$retainKeys' in patch)) return;
  const list = patch.$retainKeys;
  delete patch.$retainKeys;
  if (!Array.isArray(list)) throw ErrBadPatchFormatForRetainKeys();
  const keep = new Set(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith('$deleteFromPrimitiveList') || k.startsWith('$setElementOrder')) continue;
    if (!keep.has(k)) throw ErrBadPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** extractKey: `$deleteFromPrimitiveList/finalizers` → `finalizers`. */
function extractKey(s: string, prefix: '$deleteFromPrimitiveList' | '$setElementOrder'): string {
  const i = s.indexOf('/');
  if (i < 0 || s.slice(0, i) !== prefix) throw prefix === '$setElementOrder' ? ErrBadPatchFormatForSetElementOrderList() : ErrBadPatchFormatForPrimitiveList();
  return s.slice(i + 1);
}

/** Go's reflect.TypeOf equality for two JSON values. */
const sameType = (a: unknown, b: unknown) => goTypeOf(a) === goTypeOf(b);

export function mergeMap(original: Obj | undefined, patch: Obj, schema: Schema): Obj {
  if ('$patch' in patch) {
    // handleDirectiveInMergeMap
    if (patch.$patch === 'replace') {
      delete patch.$patch;
      return patch;
    }
    if (patch.$patch === 'delete') return {};
    throw ErrBadPatchType(patch.$patch, patch);
  }
  const orig = original ?? {};
  applyRetainKeys(orig, patch);
  mergePatchIntoOriginal(orig, patch, schema);
  for (const [key, patchV] of Object.entries(patch)) {
    let k = key;
    let isDeleteList = false;
    if (key.startsWith('$deleteFromPrimitiveList')) {
      k = extractKey(key, '$deleteFromPrimitiveList');
      isDeleteList = true;
    }
    if (patchV === null) {
      delete orig[k];
      continue;
    }
    if (!(k in orig) || !sameType(orig[k], patchV)) {
      if (!isDeleteList) {
        discardNulls(patchV);
        const r = removeDirectives(patchV);
        if (r.keep) orig[k] = r.v;
        else delete orig[k];
      }
      continue;
    }
    const cur = orig[k];
    if (isObj(cur)) {
      const { sub, meta } = lookupStruct(schema, k);
      const strategy = patchStrategy(meta);
      orig[k] = strategy !== 'replace' ? mergeMap(cur, patchV as Obj, sub) : patchV;
    } else if (Array.isArray(cur)) {
      const { sub, meta } = lookupSlice(schema, k);
      const strategy = patchStrategy(meta);
      orig[k] = strategy === 'merge' || isDeleteList ? mergeSlice(cur, patchV as unknown[], sub, meta.mergeKey, isDeleteList) : patchV;
    } else {
      const r = removeDirectives(patchV);
      if (r.keep) orig[k] = r.v;
      else delete orig[k];
    }
  }
  return orig;
}

/** mergeSliceHandler's type check, for $setElementOrder's call. */
function mergeSliceHandler(original: unknown, patch: unknown, schema: Schema, strategy: string, mergeKey: string, back: GoSlice): unknown[] {
  if (!Array.isArray(original)) throw ErrBadArgType('slice', original);
  if (!Array.isArray(patch)) throw ErrBadArgType('slice', patch);
  return strategy === 'merge' ? mergeSlice(original, patch, schema, mergeKey, false, back) : patch;
}

/** deleteFromSlice: the parallel list's primitives removed. */
const deleteFromSlice = (current: unknown[], toDelete: unknown[]) => current.filter((v) => !toDelete.includes(v));

/**
 * A Go slice: its backing array (as long as its capacity) and length. Go's append and in-place copies write into the
 * original list's array, which mergePatchIntoOriginal reads afterwards as the live order; a []interface{} decoded from
 * JSON (or protobuf, then ToUnstructured) has the capacity append gave it: 1, 2, 4, 8….
 */
interface GoSlice {
  arr: unknown[];
  len: number;
}
const goSlice = (items: unknown[]): GoSlice => {
  let cap = items.length ? 1 : 0;
  while (cap < items.length) cap *= 2;
  const arr = [...items];
  arr.length = cap;
  return { arr, len: items.length };
};
const view = (s: GoSlice) => s.arr.slice(0, s.len);
/** append(s, v): in place while there is room, else into a new array nobody else holds. */
function append(s: GoSlice, v: unknown): GoSlice {
  if (s.len < s.arr.length) {
    s.arr[s.len] = v;
    return { arr: s.arr, len: s.len + 1 };
  }
  return { arr: [...view(s), v], len: s.len + 1 };
}

/** deduplicateScalars over `both`, with its swap-from-the-end order (in `both`'s array). */
function deduplicateScalars(both: GoSlice): unknown[] {
  const s = both.arr;
  let n = both.len;
  let length = n - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        n = length;
        length--;
        j--;
      }
    }
  }
  return s.slice(0, n);
}

/** mergeSlice; `back`: the original list's slice, written as Go writes it. */
function mergeSlice(original: unknown[], patch: unknown[], schema: Schema, mergeKey: string, isDeleteList: boolean, back = goSlice(original)): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  let merged: unknown[];
  let orig = original;
  let pat = patch;
  if (kind !== 'map') {
    if (isDeleteList) return deleteFromSlice(original, patch);
    let both = back;
    for (const v of patch) both = append(both, v);
    merged = deduplicateScalars(both);
    orig = view(back);
  } else {
    if (mergeKey === '') throw new StrategicError(`cannot merge lists without merge key for ${schema.type ?? ''}`);
    const special = mergeSliceWithSpecialElements(back, patch as Obj[], mergeKey);
    orig = view(special.original);
    pat = special.patch;
    merged = mergeSliceWithoutSpecialElements(special.original, pat as Obj[], mergeKey, schema);
  }
  const [patchItems, serverOnly] = partition(merged, pat, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, pat, orig, mergeKey, kind);
}

/**
 * mergeSliceWithSpecialElements: `$patch: delete` items remove every match (deleteMatchingEntries: append(s[:k],
 * s[k+1:]...), in the array), `$patch: replace` makes the list the patch's other items.
 */
function mergeSliceWithSpecialElements(original: GoSlice, patch: Obj[], mergeKey: string): { original: GoSlice; patch: Obj[] } {
  const plain: Obj[] = [];
  let orig = original;
  let replace = false;
  for (const v of patch) {
    if (!('$patch' in v)) {
      plain.push(v);
      continue;
    }
    const t = v.$patch;
    if (t === 'delete') {
      if (!(mergeKey in v)) throw ErrNoMergeKey(v, mergeKey);
      for (;;) {
        const k = findByKey(view(orig), mergeKey, v[mergeKey]);
        if (k < 0) break;
        orig.arr.copyWithin(k, k + 1, orig.len);
        orig = { arr: orig.arr, len: orig.len - 1 };
      }
    } else if (t === 'replace') replace = true;
    else if (t === 'merge') throw new StrategicError('merging lists cannot yet be specified in the patch');
    else throw ErrBadPatchType(t, v);
  }
  return replace ? { original: goSlice(plain), patch: [] } : { original: orig, patch: plain };
}

/** findMapInSliceBasedOnKeyValue's index. */
function findByKey(list: unknown[], mergeKey: string, value: unknown): number {
  return list.findIndex((o, k) => {
    if (!isObj(o)) throw new StrategicError(`value for key ${k} is not a map`);
    return mergeKey in o && o[mergeKey] === value;
  });
}

/** mergeSliceWithoutSpecialElements: each patch item merged into its match, else appended. */
function mergeSliceWithoutSpecialElements(original: GoSlice, patch: Obj[], mergeKey: string, schema: Schema): unknown[] {
  let orig = original;
  for (const v of patch) {
    if (!(mergeKey in v)) throw ErrNoMergeKey(v, mergeKey);
    const i = findByKey(view(orig), mergeKey, v[mergeKey]);
    if (i >= 0) orig.arr[i] = mergeMap(orig.arr[i] as Obj, v, schema);
    else orig = append(orig, v);
  }
  return view(orig);
}

/** StrategicMergeMapPatch over copies of the object and the patch; `patch` is left as Go leaves its own. */
export function strategicMergePatch(original: Obj, patch: Obj): Obj {
  const schema = schemaOf(String(original.apiVersion ?? ''), String(original.kind ?? ''));
  return mergeMap(structuredClone(original), patch, schema);
}

/** mergePatchIntoOriginal: each `$setElementOrder/<list>` merged with its list and ordered, both taken from the patch. */
function mergePatchIntoOriginal(original: Obj, patch: Obj, schema: Schema): void {
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith('$setElementOrder')) continue;
    delete patch[key];
    if (!Array.isArray(order)) throw ErrBadArgType('slice', order);
    const field = extractKey(key, '$setElementOrder');
    const foundOriginal = field in original;
    const foundPatch = field in patch;
    const origList = original[field];
    const patchList = patch[field];
    if (foundOriginal && !Array.isArray(origList)) throw ErrBadArgType('slice', origList);
    if (foundPatch && !Array.isArray(patchList)) throw ErrBadArgType('slice', patchList);
    const { sub, meta } = lookupSlice(schema, field);
    const strategy = patchStrategy(meta);
    validateSetOrder(patchList ?? [], order, meta.mergeKey);
    // originalFieldValue: the original list's slice, which the merge may have written into.
    const back = goSlice((origList as unknown[] | undefined) ?? []);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = origList as unknown[];
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList).v as unknown[];
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(origList, patchList, sub, strategy, meta.mergeKey, back);
    else continue;
    const originalFieldValue = view(back);
    const [patchItems, serverOnly] = partition(merged, order, meta.mergeKey);
    const kind = sliceElementKind(originalFieldValue, (patchList as unknown[] | undefined) ?? []);
    original[field] = normalizeElementOrder(patchItems, serverOnly, order, originalFieldValue, meta.mergeKey, kind);
    delete patch[field];
  }
}
