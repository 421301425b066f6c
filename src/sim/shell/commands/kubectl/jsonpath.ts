/**
 * kubectl's JSONPath templates (staging/src/k8s.io/client-go/util/jsonpath): text with `{…}`
 * actions: fields `.a.b` and `['a']`, indexes `[0]` `[-1]` `[*]` `[1:3]`, recursive `..name`,
 * filters `[?(@.name=="app")]`, `{range …}…{end}`, and quoted literals `{"\n"}`. Several results
 * of one action are joined by a space; maps and lists print as encoding/json writes them (keys sorted).
 */
import { isObj } from './obj.ts';

export class JsonPathError extends Error {}

type Node = { t: 'text'; s: string } | { t: 'expr'; path: string } | { t: 'range'; path: string; body: Node[] };

function parseTemplate(src: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{', i);
    if (open < 0) {
      stack.at(-1)!.push({ t: 'text', s: src.slice(i) });
      break;
    }
    if (open > i) stack.at(-1)!.push({ t: 'text', s: src.slice(i, open) });
    let depth = 0;
    let j = open;
    let quote = '';
    for (; j < src.length; j++) {
      const c = src[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (j >= src.length) throw new JsonPathError(`unclosed action`);
    const body = src.slice(open + 1, j).trim();
    i = j + 1;
    if (body.startsWith('range ')) {
      const node: Node = { t: 'range', path: body.slice(6).trim(), body: [] };
      stack.at(-1)!.push(node);
      stack.push(node.body);
    } else if (body === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (/^"(?:[^"\\]|\\.)*"$/.test(body)) stack.at(-1)!.push({ t: 'text', s: JSON.parse(body) as string });
    else stack.at(-1)!.push({ t: 'expr', path: body });
  }
  return root;
}

/** Splits `.items[*].metadata['name']` into steps. */
function steps(path: string): string[] {
  const out: string[] = [];
  let i = path.startsWith('$') ? 1 : 0;
  while (i < path.length) {
    const c = path[i]!;
    if (c === '.') {
      if (path[i + 1] === '.') {
        out.push('..');
        i += 2;
        continue;
      }
      i++;
      // `\.` keeps a dot inside a key (`.metadata.annotations.deployment\.kubernetes\.io/revision`).
      const m = /^(?:\\.|[^.[\s\\])*/.exec(path.slice(i))![0];
      if (m) out.push(`.${m.replace(/\\\./g, '.')}`);
      i += m.length;
    } else if (c === '[') {
      let depth = 0;
      let j = i;
      for (; j < path.length; j++) {
        if (path[j] === '[') depth++;
        else if (path[j] === ']' && --depth === 0) break;
      }
      out.push(path.slice(i, j + 1));
      i = j + 1;
    } else if (/\s/.test(c)) i++;
    else {
      const m = /^[^.[\s]*/.exec(path.slice(i))![0];
      out.push(`.${m}`);
      i += m.length;
    }
  }
  return out;
}

function descend(v: unknown): unknown[] {
  const all: unknown[] = [v];
  if (Array.isArray(v)) for (const x of v) all.push(...descend(x));
  else if (isObj(v)) for (const k of Object.keys(v).sort()) all.push(...descend(v[k]));
  return all;
}

function filterMatch(item: unknown, cond: string): boolean {
  const m = /^@((?:\.[\w-]+|\[[^\]]*\])*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(cond.trim());
  if (!m) {
    const exists = /^@((?:\.[\w-]+)*)$/.exec(cond.trim());
    if (exists) return evalPath(item, exists[1]!).length > 0;
    throw new JsonPathError(`unrecognized filter "${cond}"`);
  }
  const [, p, op, rawRight] = m as unknown as [string, string, string, string];
  const left = evalPath(item, p);
  const r = rawRight.trim();
  const right: unknown = /^['"]/.test(r) ? r.slice(1, -1) : Number.isNaN(Number(r)) ? r : Number(r);
  return left.some((l) => {
    switch (op) {
      case '==':
        return l === right || String(l) === String(right);
      case '!=':
        return String(l) !== String(right);
      case '<':
        return Number(l) < Number(right);
      case '>':
        return Number(l) > Number(right);
      case '<=':
        return Number(l) <= Number(right);
      default:
        return Number(l) >= Number(right);
    }
  });
}

export function evalPath(data: unknown, path: string): unknown[] {
  let cur: unknown[] = [data];
  for (const st of steps(path)) {
    const next: unknown[] = [];
    if (st === '..') {
      for (const v of cur) next.push(...descend(v));
      cur = next;
      continue;
    }
    if (st.startsWith('.')) {
      const key = st.slice(1);
      for (const v of cur) {
        if (key === '*') {
          if (isObj(v))
            next.push(
              ...Object.keys(v)
                .sort()
                .map((k) => v[k]),
            );
          else if (Array.isArray(v)) next.push(...v);
        } else if (isObj(v) && key in v) next.push(v[key]);
      }
      cur = next;
      continue;
    }
    const inner = st.slice(1, -1).trim();
    for (const v of cur) {
      if (inner.startsWith('?(') && inner.endsWith(')')) {
        if (Array.isArray(v)) next.push(...v.filter((x) => filterMatch(x, inner.slice(2, -1))));
      } else if (/^['"]/.test(inner)) {
        for (const k of inner.split(',').map((x) => x.trim().slice(1, -1))) if (isObj(v) && k in v) next.push(v[k]);
      } else if (inner === '*') {
        if (Array.isArray(v)) next.push(...v);
        else if (isObj(v))
          next.push(
            ...Object.keys(v)
              .sort()
              .map((k) => v[k]),
          );
      } else if (inner.includes(':')) {
        if (!Array.isArray(v)) continue;
        const [a, b] = inner.split(':').map((x) => (x.trim() === '' ? undefined : Number(x)));
        const n = v.length;
        const s = a === undefined ? 0 : a < 0 ? Math.max(0, n + a) : Math.min(a, n);
        const e = b === undefined ? n : b < 0 ? Math.max(0, n + b) : Math.min(b, n);
        next.push(...v.slice(s, e));
      } else if (/^-?\d+$/.test(inner)) {
        if (!Array.isArray(v)) continue;
        const i = Number(inner);
        const idx = i < 0 ? v.length + i : i;
        if (idx < 0 || idx >= v.length) throw new JsonPathError(`array index out of bounds: index ${i}, length ${v.length}`);
        next.push(v[idx]);
      } else throw new JsonPathError(`invalid array index ${inner}`);
    }
    cur = next;
  }
  return cur;
}

/**
 * A map or a list prints as json.Marshal writes it (kubernetes/client-go@v0.30.5:util/jsonpath/jsonpath.go PrintResults:
 * outputJSON for the Map, Array, Slice and Struct kinds): compact, a map's keys sorted by their bytes at every depth, and
 * <, >, & and U+2028/9 escaped (golang/go@go1.22.0:src/encoding/json/encode.go mapEncoder, appendString's HTML escaping).
 */
const goJson = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : goJson(x))).join(',')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${goJson(k)}:${goJson(v[k])}`).join(',')}}`;
  }
  return (JSON.stringify(v) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
};

const show = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? goJson(v) : String(v));

/** Runs a template; a field that does not exist is an error, as kubectl's allowMissingKeys=false for -o jsonpath. */
export function runJsonPath(template: string, data: unknown): string {
  const nodes = parseTemplate(template);
  const run = (list: Node[], d: unknown): string => {
    let s = '';
    for (const n of list) {
      if (n.t === 'text') s += n.s;
      else if (n.t === 'expr') {
        const r = evalPath(d, n.path);
        s += r.map(show).join(' ');
      } else {
        const items = evalPath(d, n.path);
        const flat = items.length === 1 && Array.isArray(items[0]) ? (items[0] as unknown[]) : items;
        for (const it of flat) s += run(n.body, it);
      }
    }
    return s;
  };
  return run(nodes, data);
}
