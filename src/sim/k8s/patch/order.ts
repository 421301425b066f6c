/**
 * The order of a merged list (k8s.io/apimachinery@v0.30.5 pkg/util/strategicpatch/patch.go): normalizeElementOrder,
 * mergeSortedSlice, partition…ByPresentInList, sliceElementType, and validatePatchWithSetOrderList for the
 * `$setElementOrder/<list>` directive (its precedence: $setElementOrder > the patch list's order > the live list's order).
 */
import { ErrBadArgType, ErrBadPatchFormatForSetElementOrderList, ErrNoListOfLists, ErrNoMergeKey, StrategicError } from './errors.ts';
import { goKindOf, goValue } from './gofmt.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** sliceElementType: the one kind of every item (map, slice, string, int64, …). */
export function sliceElementKind(...slices: unknown[][]): string {
  let prev: string | undefined;
  for (const s of slices)
    for (const v of s) {
      const t = v === null ? 'nil' : goKindOf(v);
      if (prev === undefined) {
        prev = t;
        if (prev === 'slice') throw ErrNoListOfLists();
      } else if (prev !== t) throw new StrategicError(`list element types are not identical: ${goValue(slices)}`);
    }
  if (prev === undefined) throw new StrategicError('no elements in any of the given slices');
  return prev;
}

/** index: by the merge key's value for maps, by the item itself otherwise. */
function index(l: unknown[], v: unknown, mergeKey: string, kind: string): number {
  const val = (x: unknown) => (kind === 'map' ? (isObj(x) ? x[mergeKey] : undefined) : x);
  const want = val(v);
  return l.findIndex((x) => val(x) === want);
}

/** partitionPrimitivesByPresentInList / partitionMapsByPresentInList: [in `by`, not in `by`]. */
export function partition(list: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inBy: unknown[] = [];
  const rest: unknown[] = [];
  for (const v of list) {
    let found: boolean;
    if (!mergeKey) found = by.includes(v);
    else {
      if (!isObj(v)) throw ErrBadArgType('map', v);
      if (!(mergeKey in v)) throw ErrNoMergeKey(v, mergeKey);
      found = by.some((b, k) => {
        if (!isObj(b)) throw new StrategicError(`value for key ${k} is not a map`);
        return mergeKey in b && b[mergeKey] === v[mergeKey];
      });
    }
    (found ? inBy : rest).push(v);
  }
  return [inBy, rest];
}

/** normalizeSliceOrder: `toSort` stably ordered by `order` ($patch: delete items last, every map with its key). */
function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: string): unknown[] {
  let items = toSort;
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    for (const list of [toSort, order])
      for (const item of list) {
        if (!isObj(item)) throw ErrBadArgType('map', item);
        if (!(mergeKey in item)) throw ErrNoMergeKey(item, mergeKey);
      }
    items = toSort.filter((v) => (v as Obj).$patch !== 'delete');
    toDelete = toSort.filter((v) => (v as Obj).$patch === 'delete');
  }
  // sort.SliceStable with a less that says true when either side is not in `order`: Go's insertion sort and
  // symMerge run it as written, so port the stable sort's comparisons (blocks of 20 by insertion, then merges).
  const less = (a: unknown, b: unknown) => {
    const ia = index(order, a, mergeKey, kind);
    if (ia < 0) return true;
    const ib = index(order, b, mergeKey, kind);
    return ib < 0 || ia < ib;
  };
  return [...stableSort([...items], less), ...toDelete];
}

/** Go's sort.SliceStable (insertionSort over blocks of 20, then symMerge), its comparisons kept for any less. */
function stableSort(a: unknown[], less: (x: unknown, y: unknown) => boolean): unknown[] {
  const n = a.length;
  const swap = (i: number, j: number) => {
    [a[i], a[j]] = [a[j], a[i]];
  };
  const insertion = (lo: number, hi: number) => {
    for (let i = lo + 1; i < hi; i++) for (let j = i; j > lo && less(a[j], a[j - 1]); j--) swap(j, j - 1);
  };
  const rotate = (m: number, lo: number, hi: number) => {
    const r = [...a.slice(m, hi), ...a.slice(lo, m)];
    for (let k = 0; k < r.length; k++) a[lo + k] = r[k];
  };
  const symMerge = (lo: number, m: number, hi: number): void => {
    if (m - lo === 1) {
      let i = m;
      let j = hi;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (less(a[h], a[lo])) i = h + 1;
        else j = h;
      }
      for (let k = lo; k < i - 1; k++) swap(k, k + 1);
      return;
    }
    if (hi - m === 1) {
      let i = lo;
      let j = m;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (!less(a[m], a[h])) i = h + 1;
        else j = h;
      }
      for (let k = m; k > i; k--) swap(k, k - 1);
      return;
    }
    const mid = (lo + hi) >>> 1;
    const nn = mid + m;
    let start: number;
    let r: number;
    if (m > mid) {
      start = nn - hi;
      r = mid;
    } else {
      start = lo;
      r = m;
    }
    const p = nn - 1;
    while (start < r) {
      const c = (start + r) >>> 1;
      if (!less(a[p - c], a[c])) start = c + 1;
      else r = c;
    }
    const end = nn - start;
    if (start < m && m < end) rotate(m, start, end);
    if (lo < start && start < mid) symMerge(lo, start, mid);
    if (mid < end && end < hi) symMerge(mid, end, hi);
  };
  let blockSize = 20;
  let lo = 0;
  let hi = blockSize;
  while (hi <= n) {
    insertion(lo, hi);
    lo = hi;
    hi += blockSize;
  }
  insertion(lo, n);
  while (blockSize < n) {
    lo = 0;
    hi = 2 * blockSize;
    while (hi <= n) {
      symMerge(lo, lo + blockSize, hi);
      lo = hi;
      hi += 2 * blockSize;
    }
    const m = lo + blockSize;
    if (m < n) symMerge(lo, m, n);
    blockSize *= 2;
  }
  return a;
}

/** mergeSortedSlice: server-only items (left) put among the patch's (right) by the live list's order. */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: string): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = index(serverOrder, left[i], mergeKey, kind);
      const ri = index(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** normalizeElementOrder. */
export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: string,
): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/** validatePatchWithSetOrderList: the patch list's items in the $setElementOrder list's relative order. */
export function validateSetOrder(patchList: unknown, setOrder: unknown, mergeKey: string): void {
  if (!Array.isArray(setOrder) || !Array.isArray(patchList)) throw ErrBadPatchFormatForSetElementOrderList();
  if (!setOrder.length || !patchList.length) return;
  let nonDelete = patchList;
  if (mergeKey) {
    for (const v of patchList) if (!isObj(v)) throw ErrBadArgType('map', v);
    nonDelete = patchList.filter((v) => (v as Obj).$patch !== 'delete');
  }
  const equal = (l: unknown, r: unknown) => {
    if (!mergeKey) return l === r;
    if (!isObj(l)) throw ErrBadArgType('map', l);
    if (!isObj(r)) throw ErrBadArgType('map', r);
    if (!(mergeKey in l)) throw ErrNoMergeKey(l, mergeKey);
    if (!(mergeKey in r)) throw ErrNoMergeKey(r, mergeKey);
    return l[mergeKey] === r[mergeKey];
  };
  let pi = 0;
  let si = 0;
  while (pi < nonDelete.length && si < setOrder.length) {
    if (isObj(nonDelete[pi]) && '$patch' in (nonDelete[pi] as Obj)) {
      pi++;
      continue;
    }
    if (equal(nonDelete[pi], setOrder[si])) pi++;
    si++;
  }
  if (pi < nonDelete.length && si >= setOrder.length)
    throw new StrategicError(`The order in patch list:\n${goValue(patchList)}\n doesn't match $setElementOrder list:\n${goValue(setOrder)}\n`);
}
