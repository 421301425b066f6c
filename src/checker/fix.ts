/**
 * Applies a finding's suggested fix to the YAML text, keeping comments, layout and line
 * endings elsewhere. A fix applies only where the document has the shape it expects:
 * every parent on its path is a mapping (or a list, for a numeric step), or empty (null
 * or missing), which becomes a block mapping. Anything else (a list where a mapping is
 * expected, a scalar, an alias into shared content) is refused with a clear message, and
 * so is any result that would not parse back to exactly the intended value.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, YAMLMap, type Document, type Node } from 'yaml';
import { normalizeText, splitPointer } from './parse/yaml.ts';
import type { Fix, FixOp } from './types.ts';

export class FixError extends Error {}

type Step = string | number;

/**
 * A pointer's steps, numbers for list indexes. Every finding's fix is checked against its
 * document (fixProblem) and the same paths recur on every workload, so each path is split
 * once; the arrays are shared and only read. The cache is bounded (at most 4096 paths of
 * at most 512 characters, cleared when full).
 */
const stepCache = new Map<string, readonly Step[]>();

function steps(path: string): readonly Step[] {
  let out = stepCache.get(path);
  if (!out) {
    out = splitPointer(path).map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
    if (stepCache.size >= 4096) stepCache.clear();
    if (path.length <= 512) stepCache.set(path, out);
  }
  return out;
}

function keyOf(n: unknown): string | null {
  return isScalar(n) ? (typeof n.value === 'string' ? n.value : n.value === null ? null : `${n.value as number}`) : null;
}

function describe(n: unknown): string {
  if (isAlias(n)) return `an alias (*${n.source}), which shares its content`;
  if (isSeq(n)) return 'a list';
  if (isMap(n)) return 'a mapping';
  if (isScalar(n))
    return n.value === null ? 'empty' : `a ${typeof n.value === 'string' ? 'string' : typeof n.value === 'object' ? 'tagged value' : typeof n.value}`;
  return 'something else';
}

function isEmpty(n: unknown): boolean {
  return n === null || n === undefined || (isScalar(n) && n.value === null && !n.tag);
}

/**
 * Why `op` cannot be applied to `doc`, or null when it can. Walks the AST along the
 * path without changing anything: the engine offers a fix only when this is null.
 */
/** The pointer of the first `i` steps of a path, for a message. */
function prefix(path: readonly Step[], i: number): string {
  return `/${path.slice(0, i).join('/')}`;
}

export function fixProblem(doc: Document, op: FixOp): string | null {
  const path = steps(op.path);
  if (!path.length) return 'the fix has no path';
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if ((node as { anchor?: string } | null)?.anchor)
      return `${prefix(path, i)} is an anchor (&${(node as { anchor: string }).anchor}) whose content other places share`;
    if (isEmpty(node)) return op.op === 'remove' ? 'nothing to remove' : null; // created as block mappings
    if (isAlias(node)) return `${prefix(path, i)} is ${describe(node)}; the fix would change every copy`;
    if (isMap(node)) {
      const key = String(seg);
      const pair = node.items.find((p) => keyOf(p.key) === key);
      if (!pair && typeof seg === 'number') return `${prefix(path, i)} is a mapping, not a list`;
      if (!pair) return op.op === 'remove' && last ? 'nothing to remove' : null;
      if (!last && !isEmpty(pair.value) && !isMap(pair.value) && !isSeq(pair.value)) {
        return `/${path.slice(0, i + 1).join('/')} is ${describe(pair.value)}, not a mapping`;
      }
      if (last && isAlias(pair.value)) return `/${path.join('/')} is ${describe(pair.value)}`;
      if (last && (pair.value as { anchor?: string } | null)?.anchor) return `/${path.join('/')} is an anchor whose content other places share`;
      node = pair.value;
      continue;
    }
    if (isSeq(node)) {
      if (typeof seg !== 'number') return `${prefix(path, i)} is a list, not a mapping`;
      if (seg > node.items.length || (seg === node.items.length && !(last && op.op === 'add'))) return `${prefix(path, i)} has no item ${seg}`;
      node = node.items[seg];
      continue;
    }
    return `${prefix(path, i)} is ${describe(node)}, not a mapping`;
  }
  return null;
}

/** The JS value after the op, by JSON Patch rules (empty parents become mappings). */
function patched(value: unknown, op: FixOp): unknown {
  const path = steps(op.path);
  const root = structuredClone(value) as unknown;
  const holder: Record<string, unknown> = { v: root };
  let parent: Record<string | number, unknown> = holder;
  let key: string | number = 'v';
  let grand: Record<string | number, unknown> | undefined;
  let grandKey: string | number | undefined;
  for (const seg of path) {
    let here = parent[key];
    if (parent !== holder) {
      grand = parent;
      grandKey = key;
    } else {
      grand = undefined;
      grandKey = undefined;
    }
    if (here === null || here === undefined) here = parent[key] = {};
    parent = here as Record<string | number, unknown>;
    key = seg;
  }
  if (op.op === 'remove') {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
    // A mapping the removal empties is written as an empty value (`securityContext:`), not `{}`.
    if (!Array.isArray(parent) && Object.keys(parent).length === 0 && grand && grandKey !== undefined) grand[grandKey] = null;
  } else parent[key] = structuredClone(op.value);
  return holder.v;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function blockNode(doc: Document, value: unknown): Node {
  return doc.createNode(value, { flow: false }) as Node;
}

/** Applies one op in place; `fixProblem` has said it fits. */
function apply(doc: Document, op: FixOp): void {
  const path = steps(op.path);
  let holder: { get: () => unknown; set: (n: Node) => void } = {
    get: () => doc.contents,
    set: (n) => {
      doc.contents = n as never;
    },
  };
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    let node = holder.get();
    if (isEmpty(node)) {
      const map = new YAMLMap(doc.schema);
      const old = node as Scalar | null;
      if (old && isScalar(old)) map.comment = old.comment;
      holder.set(map);
      node = map;
    }
    // An empty flow mapping or list (`securityContext: {}`) becomes block style as it fills.
    if ((isMap(node) || isSeq(node)) && node.flow && node.items.length === 0) node.flow = false;
    if (isMap(node)) {
      const map = node;
      const pair = map.items.find((p) => keyOf(p.key) === String(seg));
      if (last) {
        if (op.op === 'remove') {
          if (pair) map.items.splice(map.items.indexOf(pair), 1);
          if (map.items.length === 0 && i > 0) {
            const empty = new Scalar(null);
            empty.anchor = map.anchor;
            empty.comment = map.comment;
            holder.set(empty as never);
          }
          return;
        }
        const existing = pair?.value;
        if (pair && isScalar(existing) && (op.value === null || typeof op.value !== 'object')) {
          existing.value = op.value; // keeps its comment
          existing.tag = undefined; // a !!binary or !!float tag would not fit the new value
          if (typeof op.value !== 'string' || (existing.type !== 'QUOTE_DOUBLE' && existing.type !== 'QUOTE_SINGLE')) existing.type = undefined;
        } else if (pair) pair.value = blockNode(doc, op.value);
        else map.add(doc.createPair(String(seg), blockNode(doc, op.value)));
        return;
      }
      if (!pair) {
        const child = new YAMLMap(doc.schema);
        map.add(doc.createPair(String(seg), child));
        holder = { get: () => child, set: () => undefined };
      } else
        holder = {
          get: () => pair.value,
          set: (n) => {
            pair.value = n;
          },
        };
      continue;
    }
    if (isSeq(node)) {
      const seq = node;
      const idx = seg as number;
      if (last) {
        if (op.op === 'remove') seq.items.splice(idx, 1);
        else if (idx === seq.items.length) seq.items.push(blockNode(doc, op.value));
        else {
          const existing = seq.items[idx];
          if (isScalar(existing) && (op.value === null || typeof op.value !== 'object')) {
            existing.value = op.value;
            existing.tag = undefined;
          } else seq.items[idx] = blockNode(doc, op.value);
        }
        return;
      }
      holder = {
        get: () => seq.items[idx],
        set: (n) => {
          seq.items[idx] = n;
        },
      };
      continue;
    }
    throw new FixError(`the fix does not fit the document at /${path.slice(0, i).join('/')}`);
  }
}

const PARSE = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

export function applyFix(input: string, fix: Fix): string {
  const crlf = input.includes('\r\n');
  const cr = !crlf && input.includes('\r');
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = normalizeText(input);
  const list = parseAllDocuments(text, PARSE) as unknown as Document.Parsed[];
  const docs = Array.isArray(list) ? list : [list as Document.Parsed];
  if (docs.some((d) => d.errors.length)) throw new FixError('the text does not parse; correct the YAML first');
  const doc = docs[fix.document];
  if (!doc) throw new FixError(`the fix targets document ${fix.document + 1}, but the text has ${docs.length}`);
  const before = docs.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
  let expected = before[fix.document];
  for (const op of fix.ops) {
    const problem = fixProblem(doc, op);
    if (problem) throw new FixError(`the fix does not apply here: ${problem}`);
    expected = patched(expected, op);
    apply(doc, op);
  }
  // Keep the author's sequence style: "key:\n- item" (not indented) or "key:\n  - item".
  const indentSeq = !/^( *)[^\s#-][^\n]*:[ \t]*\n\1- /m.test(text);
  const out = docs
    .map((d, i) => {
      const s = d.toString({ indentSeq, flowCollectionPadding: false });
      return i === 0 && !text.trimStart().startsWith('---') ? s.replace(/^---\n/, '') : s.startsWith('---') ? s : `---\n${s}`;
    })
    .join('');
  // The result must parse, and to exactly the intended documents.
  const again = parseAllDocuments(out, PARSE) as unknown as Document.Parsed[];
  const againDocs = Array.isArray(again) ? again : [again as Document.Parsed];
  const ok =
    againDocs.length === docs.length &&
    againDocs.every((d, i) => !d.errors.length && deepEqual(d.toJS({ maxAliasCount: 100 }), i === fix.document ? expected : before[i]));
  if (!ok) throw new FixError('the fix cannot be applied without changing other parts of the file; make the change by hand');
  const ended = cr ? out.replace(/\n/g, '\r') : crlf ? out.replace(/\n/g, '\r\n') : out;
  return bom ? `\ufeff${ended}` : ended;
}
