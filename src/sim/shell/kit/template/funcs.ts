/**
 * The functions a Docker template can call: Go's builtins (go1.22 src/text/template/funcs.go)
 * and the Docker CLI's own (docker/cli@v27.3.1:templates/templates.go basicFunctions and
 * HeaderFunctions), with Go's error texts.
 */
import type { FuncDef } from './exec-types.ts';
import { sprint, sprintf, sprintln, sprintValue } from './fmt.ts';
import { GoCallError, GoFloat, GoFunc, GoNil, GoStruct, isInt, isTrue as truth, typeName } from './value.ts';

const fail = (msg: string): never => {
  throw new GoCallError(msg);
};

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'other';
function basicKind(v: unknown): Kind {
  if (v === undefined) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isInt(v) ? 'int' : 'float';
  if (v instanceof GoFloat) return 'float';
  return 'other';
}
const num = (v: unknown) => (v instanceof GoFloat ? v.value : (v as number));

// go1.22 funcs.go: errBadComparisonType, errBadComparison, errNoComparison.
const BAD_TYPE = 'invalid type for comparison';
const BAD_CMP = 'incompatible types for comparison';

function eq(a: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    let t = false;
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) fail(BAD_CMP);
    } else if (k1 === 'other') {
      if (a === null || b === null) t = a === b;
      else fail(`non-comparable types ${sprintValue(a)}: ${typeName(a)}, ${typeName(b)}: ${sprintValue(b)}`);
    } else if (k1 === 'invalid') t = true;
    else t = k1 === 'int' || k1 === 'float' ? num(a) === num(b) : a === b;
    if (t) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  if (k1 === 'invalid' || k1 === 'other') fail(BAD_TYPE);
  const k2 = basicKind(b);
  if (k2 === 'invalid' || k2 === 'other') fail(BAD_TYPE);
  if (k1 !== k2) fail(BAD_CMP);
  if (k1 === 'bool') fail(BAD_TYPE);
  if (k1 === 'string') return (a as string) < (b as string);
  return num(a) < num(b);
}

function indexArg(i: unknown, cap: number): number {
  if (i === undefined || i === null) fail('cannot index slice/array with nil');
  if (!isInt(i)) fail(`cannot index slice/array with type ${typeName(i)}`);
  const x = i as number;
  if (x < 0 || x > cap) fail(`index out of range: ${x}`);
  return x;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined) fail('index of untyped nil');
  let cur = item instanceof GoNil && item.kind !== 'ptr' ? null : item;
  for (const i of indexes) {
    if (cur === null) {
      // a nil slice or map
      if (isInt(i)) fail('reflect: slice index out of range');
      return undefined;
    }
    if (typeof cur === 'string') {
      const bytes = new TextEncoder().encode(cur);
      const x = indexArg(i, bytes.length);
      if (x === bytes.length) fail('reflect: string index out of range');
      cur = bytes[x];
    } else if (Array.isArray(cur)) {
      const x = indexArg(i, cur.length);
      if (x === cur.length) fail('reflect: slice index out of range');
      cur = cur[x];
    } else if (cur !== undefined && typeof cur === 'object' && !(cur instanceof GoStruct) && !(cur instanceof GoFunc) && !(cur instanceof GoFloat)) {
      if (typeof i !== 'string') fail(`value has type ${typeName(i)}; should be string`);
      const o = cur as Record<string, unknown>;
      if (Object.hasOwn(o, i as string)) cur = o[i as string];
      // The zero value of the map's element type: "" for map[string]string (Labels), else nil.
      else cur = Object.values(o).every((v) => typeof v === 'string') ? '' : undefined;
    } else fail(`can't index item of type ${typeName(cur)}`);
  }
  return cur;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined) fail('slice of untyped nil');
  if (item instanceof GoNil && item.kind === 'slice') item = null;
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length > 2) fail(`cannot 3-index slice a string`);
    len = new TextEncoder().encode(item).length;
  } else if (Array.isArray(item)) len = item.length;
  else if (item === null) len = 0;
  else return fail(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len];
  indexes.forEach((v, k) => {
    const x = indexArg(v, len);
    idx[k] = x;
  });
  if ((idx[0] as number) > (idx[1] as number)) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (typeof item === 'string') return new TextDecoder().decode(new TextEncoder().encode(item).slice(idx[0], idx[1]));
  return (item ?? []).slice(idx[0], idx[1]);
}

function length(v: unknown): number {
  if (v === undefined) fail('reflect: call of reflect.Value.Type on zero Value');
  if (v === null || (v instanceof GoNil && v.kind !== 'ptr')) return 0;
  if (typeof v === 'string') return new TextEncoder().encode(v).length;
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object' && !(v instanceof GoStruct) && !(v instanceof GoFunc) && !(v instanceof GoFloat)) return Object.keys(v).length;
  return fail(`len of type ${typeName(v)}`);
}

const evalArgs = (args: unknown[]) => (args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args));

function htmlEscape(s: string): string {
  return s.replace(/[&'<>"\0]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c] as string);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '<') out += '\\u003C';
    else if (ch === '>') out += '\\u003E';
    else if (ch === '&') out += '\\u0026';
    else if (ch === '=') out += '\\u003D';
    else if (c < 0x20 || c === 0x7f || (c > 0x7f && !/\p{L}|\p{N}|\p{P}|\p{S}|\p{Zs}|\p{M}/u.test(ch)))
      out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

function queryEscape(s: string): string {
  return [...new TextEncoder().encode(s)]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
      if (c === ' ') return '+';
      return `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

function call(fn: unknown, ...args: unknown[]): unknown {
  if (fn === undefined || fn === null) fail('call of nil');
  if (!(fn instanceof GoFunc)) return fail(`non-function ${sprintValue(fn)} of type ${typeName(fn)}`);
  const want = fn.params.length;
  if (fn.variadic ? args.length < want : args.length !== want) fail(`wrong number of args for ${sprintValue(fn)}: got ${args.length} want ${want}`);
  return fn.fn(...args);
}

/** Go's builtins (go1.22 builtins()). */
export const BUILTINS: Record<string, FuncDef> = {
  and: { params: ['any'], variadic: 'any', fn: () => undefined, lazy: 'and' },
  or: { params: ['any'], variadic: 'any', fn: () => undefined, lazy: 'or' },
  not: { params: ['any'], fn: (v) => !truth(v) },
  len: { params: ['any'], fn: length },
  index: { params: ['any'], variadic: 'any', fn: index },
  slice: { params: ['any'], variadic: 'any', fn: slice },
  print: { params: [], variadic: 'any', fn: (...a) => sprint(a) },
  printf: { params: ['string'], variadic: 'any', fn: (f, ...a) => sprintf(f as string, a) },
  println: { params: [], variadic: 'any', fn: (...a) => sprintln(a) },
  eq: { params: ['any'], variadic: 'any', fn: eq },
  ne: { params: ['any', 'any'], fn: (a, b) => !eq(a, b) },
  lt: { params: ['any', 'any'], fn: lt },
  le: { params: ['any', 'any'], fn: (a, b) => lt(a, b) || eq(a, b) },
  gt: { params: ['any', 'any'], fn: (a, b) => !(lt(a, b) || eq(a, b)) },
  ge: { params: ['any', 'any'], fn: (a, b) => !lt(a, b) },
  html: { params: [], variadic: 'any', fn: (...a) => htmlEscape(evalArgs(a)) },
  js: { params: [], variadic: 'any', fn: (...a) => jsEscape(evalArgs(a)) },
  urlquery: { params: [], variadic: 'any', fn: (...a) => queryEscape(evalArgs(a)) },
  call: { params: ['any'], variadic: 'any', fn: call },
};

/** encoding/json with SetEscapeHTML(false), as Docker's `json` function encodes. */
export function goJSON(v: unknown): string {
  const text = JSON.stringify(toJSONValue(v));
  if (v instanceof GoStruct && v.marshalEscapesHTML) return text.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  return text.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
function toJSONValue(v: unknown): unknown {
  if (v === undefined || v instanceof GoNil) return null;
  if (v instanceof GoFloat) return v.value;
  if (v instanceof GoStruct && v.json) return toJSONValue(v.json());
  if (v instanceof GoStruct)
    return Object.fromEntries(
      Object.entries(v.fields)
        .filter(([, x]) => !(x instanceof GoFunc))
        .map(([k, x]) => [k, toJSONValue(x)]),
    );
  if (v instanceof GoFunc) fail('json: unsupported type: func()');
  if (Array.isArray(v)) return v.map(toJSONValue);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJSONValue(x)]));
  return v;
}

/** strings.Title: the first letter of each word upper-cased. */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const sep = /^[A-Za-z0-9_]$/.test(prev) ? false : prev.codePointAt(0)! < 0x80 ? true : /\s/u.test(prev);
    out += sep ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

const goSplit = (s: string, sep: string) => (sep === '' ? [...s] : s.split(sep));

/** docker/cli@v27.3.1:templates/templates.go basicFunctions. */
export const DOCKER_FUNCS: Record<string, FuncDef> = {
  ...BUILTINS,
  json: { params: ['any'], fn: goJSON },
  split: { params: ['string', 'string'], fn: (s, sep) => goSplit(s as string, sep as string) },
  join: { params: ['[]string', 'string'], fn: (a, sep) => ((a as string[] | null) ?? []).join(sep as string) },
  title: { params: ['string'], fn: (s) => title(s as string) },
  lower: { params: ['string'], fn: (s) => (s as string).toLowerCase() },
  upper: { params: ['string'], fn: (s) => (s as string).toUpperCase() },
  // padWithSpace: whitespace around a non-empty input.
  pad: { params: ['string', 'int', 'int'], fn: (s, p, q) => (s === '' ? '' : ' '.repeat(p as number) + (s as string) + ' '.repeat(q as number)) },
  // truncateWithLength: by bytes, as Go slices a string.
  truncate: {
    params: ['string', 'int'],
    fn: (s, n) => {
      const b = new TextEncoder().encode(s as string);
      return b.length < (n as number) ? s : new TextDecoder().decode(b.slice(0, n as number));
    },
  },
};

/** docker/cli@v27.3.1:templates/templates.go HeaderFunctions: table headers stay intact. */
export const HEADER_FUNCS: Record<string, FuncDef> = {
  ...DOCKER_FUNCS,
  json: { params: ['string'], fn: (v) => v },
  split: { params: ['string', 'string'], fn: (v) => v },
  join: { params: ['string', 'string'], fn: (v) => v },
  title: { params: ['string'], fn: (v) => v },
  lower: { params: ['string'], fn: (v) => v },
  upper: { params: ['string'], fn: (v) => v },
  truncate: { params: ['string', 'int'], fn: (v) => v },
};
