/**
 * The functions kubectl v1.30 gives its explain templates: kubernetes/kubectl@v0.30.5:pkg/explain/v2/funcs.go
 * WithBuiltinTemplateFuncs, on top of Go's builtins (go1.22 text/template). Each keeps the Go signature (the
 * parameter types text/template checks) and the behaviour, errors included.
 */
import { BUILTINS, GoCallError, sprintf, type FuncDef } from '../../../kit/template/index.ts';
import { execute } from '../../../kit/template/exec.ts';
import type { Tree } from '../../../kit/template/node.ts';
import { isInt } from '../../../kit/template/value.ts';
import { wrapString } from '../help.ts';

/** funcs.go explainError: what `throw` returns; Run passes it up on its own (errors.As), without the template's wrapping. */
export class ExplainError extends GoCallError {}

type Obj = Record<string, unknown>;
const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** reflect.DeepEqual over the JSON values of an OpenAPI document. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** encoding/json.Marshal: map keys sorted, <, > and & escaped. */
function marshal(v: unknown, indent: string, depth = 0): string {
  const nl = indent ? `\n${indent.repeat(depth + 1)}` : '';
  const end = indent ? `\n${indent.repeat(depth)}` : '';
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return v.length ? `[${v.map((x) => nl + marshal(x, indent, depth + 1)).join(',')}${end}]` : '[]';
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    return keys.length ? `{${keys.map((k) => `${nl}${marshal(k, indent)}:${indent ? ' ' : ''}${marshal(v[k], indent, depth + 1)}`).join(',')}${end}}` : '{}';
  }
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const listItems = (name: string, list: unknown): unknown[] => {
  if (list === undefined || list === null) throw new GoCallError('list is empty');
  if (!Array.isArray(list))
    throw new GoCallError(
      `${name} cannot be used on type: ${typeof list === 'string' ? 'string' : isInt(list) ? 'int' : isMap(list) ? 'map[string]interface {}' : typeof list}`,
    );
  if (list.length === 0) throw new GoCallError('list is empty');
  return list;
};

/** The function map for templates parsed into `tree` (`include` executes the tree's own templates). */
export function explainFuncs(tree: () => Tree): Record<string, FuncDef> {
  const funcs: Record<string, FuncDef> = {
    ...BUILTINS,
    throw: {
      params: ['string'],
      variadic: 'any',
      fn: (e, ...args) => {
        throw new ExplainError(sprintf(e as string, args));
      },
    },
    toJson: { params: ['any'], fn: (o) => marshal(o, '') },
    toPrettyJson: { params: ['any'], fn: (o) => marshal(o, '    ') },
    fail: {
      params: ['string'],
      fn: (message) => {
        throw new GoCallError(message as string);
      },
    },
    // term.NewWordWrapWriter: go-wordwrap's WrapString; a limit of 0 writes the text as it is.
    wrap: { params: ['int', 'string'], fn: (l, s) => ((l as number) === 0 ? s : wrapString(s as string, l as number)) },
    split: { params: ['string', 'string'], fn: (s, sep) => ((sep as string) === '' ? [...(s as string)] : (s as string).split(sep as string)) },
    join: { params: ['string'], variadic: 'string', fn: (sep, ...strs) => strs.join(sep as string) },
    include: {
      params: ['string', 'any'],
      fn: (name, data) => {
        const t = tree();
        const body = t.defines.get(name as string);
        if (!body) throw new GoCallError(`template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(t.name)}`);
        return execute({ ...t, root: body }, data, funcs);
      },
    },
    ternary: { params: ['any', 'any', 'bool'], fn: (a, b, condition) => (condition ? a : b) },
    first: { params: ['any'], fn: (list) => listItems('first', list)[0] },
    last: {
      params: ['any'],
      fn: (list) => {
        const l = listItems('last', list);
        return l[l.length - 1];
      },
    },
    indent: {
      params: ['int', 'string'],
      fn: (amount, str) => {
        const pad = ' '.repeat(amount as number);
        return pad + (str as string).replaceAll('\n', `\n${pad}`);
      },
    },
    dict: {
      params: [],
      variadic: 'any',
      fn: (...kv) => {
        if (kv.length % 2 !== 0) throw new GoCallError('expected even # of arguments');
        const res: Obj = {};
        for (let i = 0; i + 1 < kv.length; i += 2) {
          // funcs.go reports the type of the zero-valued `key`, which is always string.
          if (typeof kv[i] !== 'string') throw new GoCallError('key of type string is not a string as expected');
          res[kv[i] as string] = kv[i + 1];
        }
        return res;
      },
    },
    // funcs.go: an array (as opposed to a slice) falls through to false.
    contains: { params: ['any', 'any'], fn: (list, value) => Array.isArray(list) && list.some((x) => deepEqual(x, value)) },
    set: {
      params: ['any'],
      variadic: 'any',
      fn: (dict, ...kv) => {
        if (kv.length % 2 !== 0) throw new GoCallError('expected even number of arguments');
        const copy: Obj = { ...(isMap(dict) ? dict : {}) };
        for (let i = 0; i < kv.length; i += 2) {
          if (typeof kv[i] !== 'string') throw new GoCallError('keys must be strings');
          copy[kv[i] as string] = kv[i + 1];
        }
        return copy;
      },
    },
    list: { params: [], variadic: 'any', fn: (...values) => values },
    add: { params: ['int', 'int'], fn: (a, b) => (a as number) + (b as number) },
    sub: { params: ['int', 'int'], fn: (a, b) => (a as number) - (b as number) },
    mul: { params: ['int', 'int'], fn: (a, b) => (a as number) * (b as number) },
    // A fragment-only JSON reference ("#/components/schemas/…") walked through the document's maps; anything else is nil.
    resolveRef: {
      params: ['any', 'any'],
      fn: (refAny, doc) => {
        if (typeof refAny !== 'string' || !refAny.startsWith('#') || refAny.length < 2 || !isMap(doc)) return null;
        let cur: Obj = doc;
        for (const k of decodeURIComponent(refAny.slice(1)).split('/')) {
          if (k.length === 0) continue;
          const next = cur[k];
          if (!isMap(next)) return null;
          cur = next;
        }
        return cur;
      },
    },
  };
  return funcs;
}
