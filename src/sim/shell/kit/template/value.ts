/**
 * How template data looks to Go. Plain JSON-like values stand for Go values: string, number
 * (an integer is an int, otherwise a float64), boolean, null (a nil pointer/slice/interface),
 * arrays (slices), plain objects (map[string]interface {}). `undefined` is Go's invalid
 * reflect.Value ("<no value>"). A `GoStruct` is a typed Go value with fields and methods, as the
 * Docker CLI's formatter contexts are (`*formatter.ContainerContext`).
 */
export class GoStruct {
  private made: Record<string, unknown> | undefined;
  private readonly make: (() => Record<string, unknown>) | undefined;
  constructor(
    readonly typeName: string,
    /** Its fields, or how to make them: a large document's structs make theirs when a template first reaches them. */
    fields: Record<string, unknown> | (() => Record<string, unknown>),
    /** What fmt's %v prints for it (a Stringer), if not `{field field …}`; `depth` > 0 inside another value. */
    readonly stringer?: (depth?: number) => string,
    /** Its JSON (json tags, omitempty, MarshalJSON), if not the fields as they are. */
    readonly json?: () => unknown,
    /** The CLI's formatter.MarshalJSON uses json.Marshal, which escapes <, > and &. */
    readonly marshalEscapesHTML = false,
  ) {
    if (typeof fields === 'function') this.make = fields;
    else this.made = fields;
  }

  get fields(): Record<string, unknown> {
    this.made ??= (this.make as () => Record<string, unknown>)();
    return this.made;
  }
}

/**
 * A typed nil: a nil slice, map or pointer of a known Go type. fmt prints a nil slice `[]`, a nil
 * map `map[]` and a nil pointer `<nil>` (go1.22 src/fmt/print.go printValue); encoding/json writes
 * `null` for all three; text/template's IsTrue is false. Plain `null` stays the nil interface.
 */
export class GoNil {
  constructor(
    readonly kind: 'slice' | 'map' | 'ptr',
    /** The Go type, for %T and error messages: `strslice.StrSlice`, `*types.Health`. */
    readonly goType: string,
  ) {}
}

/** A Go function or method value: parameter types for Go's argument checks. */
export class GoFunc {
  constructor(
    readonly params: ParamType[],
    readonly fn: (...args: unknown[]) => unknown,
    readonly variadic?: ParamType,
    /** Go's name for the type, for `wrong number of args`/`%T`. */
    readonly returnsError = false,
  ) {}
}

export type ParamType = 'string' | 'int' | 'bool' | 'any' | '[]string' | 'float64';

/** An error a function returns (Go's second result), reported as `error calling f: msg`. */
export class GoCallError extends Error {}

export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && !Object.is(v, -0);

/** A boxed float64 so that 3.0 stays a float through the template. */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** reflect's type name of a value as Go prints it in errors. */
export function typeName(v: unknown): string {
  if (v === undefined) return '<nil>';
  if (v === null) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isInt(v) ? 'int' : 'float64';
  if (v instanceof GoFloat) return 'float64';
  if (Array.isArray(v)) return v.length && v.every((x) => typeof x === 'string') ? '[]string' : '[]interface {}';
  if (v instanceof GoStruct) return v.typeName;
  if (v instanceof GoNil) return v.goType;
  if (v instanceof GoFunc) return `func(${v.params.join(', ')}${v.variadic ? `${v.params.length ? ', ' : ''}...${v.variadic}` : ''})`;
  return 'map[string]interface {}';
}

/** text/template's IsTrue: the zero value of its type is false, as `if`, `and`, `or` and `not` see it. */
export function isTrue(v: unknown): boolean {
  if (v === undefined || v === null || v instanceof GoNil) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof GoFloat) return v.value !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoStruct || v instanceof GoFunc) return true;
  return Object.keys(v as object).length > 0;
}
