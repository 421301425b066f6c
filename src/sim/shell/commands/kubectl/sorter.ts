/**
 * `kubectl get --sort-by=JSONPATH` (kubernetes/kubectl@v0.30.5:pkg/cmd/get/sorter.go): objects ordered by the first
 * result of the path, as the objects arrive from the server (unstructured JSON values):
 * - an object without the field sorts first (Less is true whenever its left side is missing);
 * - numbers by value, an int64 with an int64 and a float64 with a float64 (mixed, they are unsortable); strings as
 *   quantities when both parse (`250m` < `1`, `64Mi` < `1Gi`), else in natural order
 *   (github.com/fvbommel/sortorder NaturalLess: `web-9` < `web-10`; RFC 3339 timestamps sort as text);
 * - maps, lists and booleans are unsortable: klog.Exitf's fatal line, exit 1;
 * - no object with the field: `couldn't find any field with path "{.x}" in the list of objects`.
 * sort.Sort is Go's unstable pdqsort (kit/gosort.ts), so ties come out in a real kubectl's order.
 */
import { parseQuantity } from '../../../../k8s/quantity.ts';
import { relaxedJsonPath } from './custom-columns.ts';
import { goSort } from '../../kit/gosort.ts';
import { evalPath, JsonPathError } from './jsonpath.ts';
import { isObj } from './obj.ts';

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** sortorder.NaturalLess: runs of digits compare as numbers, digits before other bytes, bytes otherwise. */
export function naturalLess(s1: string, s2: string): boolean {
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1]!;
    const c2 = s2[i2]!;
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < s1.length && s1[i1] === '0') i1++;
    while (i2 < s2.length && s2[i2] === '0') i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (isDigit(s1[i1])) i1++;
    while (isDigit(s2[i2])) i2++;
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2;
    const n1 = s1.slice(nz1, i1);
    const n2 = s2.slice(nz2, i2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}

/** Go's %T of a JSON value held in an interface{}. */
const goType = (v: unknown) => (Array.isArray(v) ? '[]interface {}' : isObj(v) ? 'map[string]interface {}' : typeof v === 'boolean' ? 'bool' : 'string');

class Unsortable extends Error {}

/** sorter.go isLess for two values of Kind interface. */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  // UnstructuredJSONScheme decodes an integral number as int64 and any other as float64: isLess compares an int64 only
  // with an int64 and a float64 with a float64, else `unsortable interface: interface`.
  if (typeof a === 'number') {
    if (typeof b === 'number' && Number.isInteger(a) === Number.isInteger(b)) return a < b;
    throw new Unsortable('unsortable interface: interface');
  }
  if (typeof a === 'string') {
    if (typeof b !== 'string') throw new Unsortable('unsortable interface: interface');
    const qa = parseQuantity(a);
    const qb = qa ? parseQuantity(b) : null;
    return qa && qb ? qa.value < qb.value : naturalLess(a, b);
  }
  throw new Unsortable(`unsortable type: ${goType(a)}`);
}

export type SortResult<T> = { sorted: T[] } | { error: string } | { fatal: string; at: string };

/**
 * Sorts `items` by `field` (the flag's text); `table`: the human-readable path's TableSorter (its fatal line names
 * another line and type). `of` gives each item's object.
 */
export function sortBy<T>(items: T[], field: string, of: (t: T) => unknown, table: boolean): SortResult<T> {
  const relaxed = relaxedJsonPath(field);
  const path = typeof relaxed === 'string' ? relaxed : field;
  const inner = path.startsWith('{') && path.endsWith('}') ? path.slice(1, -1) : path;
  let keys: unknown[][];
  try {
    keys = items.map((t) => evalPath(of(t), inner));
  } catch (e) {
    if (e instanceof JsonPathError) return { error: e.message };
    throw e;
  }
  if (items.length && !keys.some((k) => k.length)) return { error: `couldn't find any field with path "${path}" in the list of objects` };
  const rows = items.map((t, i) => ({ t, k: keys[i]! }));
  const less = (x: (typeof rows)[number], y: (typeof rows)[number]) => {
    if (!x.k.length) return true;
    if (!y.k.length) return false;
    return isLess(x.k[0], y.k[0]);
  };
  try {
    const lessAt = (i: number, j: number) => less(rows[i]!, rows[j]!);
    const swapAt = (i: number, j: number) => {
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    };
    goSort(rows.length, { less: lessAt, swap: swapAt });
  } catch (e) {
    if (!(e instanceof Unsortable)) throw e;
    return {
      fatal: `Field ${path} in ${table ? '[][][]reflect.Value' : '*unstructured.Unstructured'} is an unsortable type: interface, err: ${e.message}`,
      at: table ? 'sorter.go:377' : 'sorter.go:331',
    };
  }
  return { sorted: rows.map((r) => r.t) };
}
