/**
 * Go's words for the JSON values a strategic merge patch holds (map[string]interface{}, []interface{}, string, int64,
 * float64, bool, nil), for its errors: fmt's %v (go1.22 src/fmt/print.go: maps as `map[k:v …]` with sorted keys,
 * slices as `[a b]`, nil as `<nil>`, a float64 as strconv 'g' with the shortest digits and %e from exponent 6 or
 * below -4) and reflect.TypeOf's %s (`map[string]interface {}`, `int64`). An integral number is an int64, as
 * k8s.io/apimachinery/pkg/util/json and sigs.k8s.io/json decode one.
 */
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A float64 as %v prints it. */
function goFloat(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
  const [mant, e] = x.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(x);
}

/** fmt.Sprintf("%v", v). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  return String(v);
}

/** reflect.TypeOf(v) printed with %s. */
export function goTypeOf(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  if (isObj(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

/** reflect.Kind of a JSON value (interface values unwrapped). */
export function goKindOf(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (isObj(v)) return 'map';
  return goTypeOf(v);
}
