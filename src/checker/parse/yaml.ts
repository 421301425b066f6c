/**
 * Parses Kubernetes manifests with eemeli/yaml, keeping every node's position,
 * and finds the workloads (the pod specs) in them. Bad input becomes an
 * {@link InputError} with a line and column, never an exception.
 */
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { LIMITS } from './limits.ts';
import { checkText } from './text.ts';
import type { InputError } from '../types.ts';

export interface YamlDoc {
  index: number;
  doc: Document.Parsed;
  value: unknown;
}

/** A pod-bearing object: where its pod spec and pod metadata are. */
export interface Workload {
  kind: string;
  name: string;
  apiVersion: unknown;
  /** Document index in the file. */
  doc: number;
  /** JSON pointer of the object inside its document ('' or '/items/3'). */
  base: string;
  object: Record<string, unknown>;
  podSpec: Record<string, unknown>;
  podSpecPath: string;
  podMeta: Record<string, unknown>;
  podMetaPath: string;
}

export interface ParsedManifests {
  file: string;
  docs: YamlDoc[];
  /** Every object with a kind (including non-workloads such as Service). */
  objects: { kind: string; name: string; doc: number; base: string; object: Record<string, unknown> }[];
  workloads: Workload[];
  errors: InputError[];
  lineCounter: LineCounter;
  locate: (doc: number, pointer: string) => { line: number; column: number };
}

/** Where the pod template sits in each workload kind. */
const podPaths: Record<string, string[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const WORKLOAD_KINDS = Object.keys(podPaths);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function splitPointer(p: string): string[] {
  if (p === '') return [];
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'string' ? 'string' : typeof v;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Walks the AST (without recursion) to find too-deep nesting and `__proto__` keys. */
function scanNodes(root: Node | null, lc: LineCounter, file: string): InputError | null {
  if (!root) return null;
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const at = () => lc.linePos(node.range?.[0] ?? 0);
    if ((isMap(node) || isSeq(node)) && depth > LIMITS.maxDepth) {
      const p = at();
      return { file, line: p.line, column: p.col, message: `nesting is deeper than ${LIMITS.maxDepth} levels` };
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (isScalar(k) && k.value === '__proto__') {
          const p = lc.linePos(k.range?.[0] ?? 0);
          return { file, line: p.line, column: p.col, message: 'key "__proto__" is not allowed' };
        }
        if (pair.value) stack.push([pair.value as Node, depth + 1]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item) stack.push([item as Node, depth + 1]);
    }
  }
  return null;
}

/**
 * A cheap pre-scan for nesting depth, so a 1000-deep document is refused before the
 * (recursive) YAML composer sees it. Counts block indentation levels, `- ` items and
 * flow brackets outside quotes; block scalars and multi-line plain scalars count at most one level.
 */
function preScanDepth(text: string, file: string): InputError | null {
  const indents: number[] = [];
  let flow = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const m = /^( *)((?:- +)*)(.*)$/.exec(line)!;
    const rest = m[3]!;
    if (flow === 0 && (rest === '' || rest.startsWith('#'))) continue;
    const indent = m[1]!.length;
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    const dashes = (m[2]!.match(/-/g) ?? []).length;
    let quote = '';
    for (let i = 0; i < rest.length; i++) {
      const ch = rest[i]!;
      if (quote) {
        if (ch === quote) quote = '';
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (i === 0 || rest[i - 1] === ' ')) break;
      else if (ch === '[' || ch === '{') flow++;
      else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
      if (indents.length + dashes + flow > LIMITS.maxDepth) {
        return { file, line: n + 1, column: indent + m[2]!.length + i + 1, message: `nesting is deeper than ${LIMITS.maxDepth} levels` };
      }
    }
    if (indents.length + dashes + flow > LIMITS.maxDepth) {
      return { file, line: n + 1, column: indent + 1, message: `nesting is deeper than ${LIMITS.maxDepth} levels` };
    }
  }
  return null;
}

export function parseManifests(text: string, file: string): ParsedManifests {
  const lc = new LineCounter();
  const result: ParsedManifests = {
    file, docs: [], objects: [], workloads: [], errors: [], lineCounter: lc,
    locate: (doc, ptr) => locateIn(result.docs[doc]?.doc, lc, ptr),
  };
  const bad = checkText(text, file);
  if (bad) {
    result.errors.push(bad);
    return result;
  }
  if (text.trim() === '') {
    result.errors.push({ file, line: 1, column: 1, message: 'file is empty' });
    return result;
  }
  const deep = preScanDepth(text, file);
  if (deep) {
    result.errors.push(deep);
    return result;
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false }) as Document.Parsed[];
  } catch (e) {
    result.errors.push({ file, line: 1, column: 1, message: `cannot parse YAML: ${(e as Error).message}` });
    return result;
  }
  if (!Array.isArray(docs)) docs = [docs as Document.Parsed];
  if (docs.length > LIMITS.maxDocuments) {
    result.errors.push({ file, line: 1, column: 1, message: `too many YAML documents (${docs.length}); the limit is ${LIMITS.maxDocuments}` });
    return result;
  }
  docs.forEach((doc, index) => {
    const err = doc.errors[0];
    if (err) {
      const p = err.linePos?.[0] ?? lc.linePos(err.pos[0]);
      result.errors.push({ file, line: p.line, column: p.col, message: firstLine(err.message) });
      return;
    }
    const scan = scanNodes(doc.contents as Node | null, lc, file);
    if (scan) {
      result.errors.push(scan);
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
    } catch (e) {
      const p = lc.linePos((doc.contents as Node | null)?.range?.[0] ?? 0);
      const message = /alias count/i.test((e as Error).message)
        ? `too many alias expansions (more than ${LIMITS.maxAliasCount}); this looks like a "billion laughs" attack`
        : `cannot read YAML: ${(e as Error).message}`;
      result.errors.push({ file, line: p.line, column: p.col, message });
      return;
    }
    result.docs.push({ index, doc, value });
    if (value === null || value === undefined) return; // an empty document, e.g. a trailing '---'
    const start = lc.linePos((doc.contents as Node | null)?.range?.[0] ?? 0);
    if (!isPlainObject(value)) {
      result.errors.push({ file, line: start.line, column: start.col, message: `document ${index + 1} is a ${typeName(value)}, not a Kubernetes object` });
      return;
    }
    collect(result, value, index, '', start);
  });
  return result;
}

function collect(result: ParsedManifests, obj: Record<string, unknown>, doc: number, base: string, start: { line: number; col: number }): void {
  const kind = obj.kind;
  if (typeof kind !== 'string' || kind === '') {
    const p = base ? result.locate(doc, base) : { line: start.line, column: start.col };
    result.errors.push({ file: result.file, line: p.line, column: p.column, message: `${base ? `list item ${base}` : `document ${doc + 1}`} has no "kind"` });
    return;
  }
  const meta = isPlainObject(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (kind === 'List' || (kind.endsWith('List') && Array.isArray(obj.items))) {
    const items = Array.isArray(obj.items) ? obj.items : [];
    items.forEach((item, i) => {
      const ptr = `${base}/items/${i}`;
      if (isPlainObject(item)) collect(result, item, doc, ptr, start);
      else {
        const p = result.locate(doc, ptr);
        result.errors.push({ file: result.file, line: p.line, column: p.column, message: `list item ${i + 1} is a ${typeName(item)}, not a Kubernetes object` });
      }
    });
    return;
  }
  result.objects.push({ kind, name, doc, base, object: obj });
  const path = podPaths[kind];
  if (!path) return;
  let template: unknown = obj;
  for (const seg of path) template = isPlainObject(template) ? template[seg] : undefined;
  const tpl = isPlainObject(template) ? template : {};
  const podSpec = isPlainObject(tpl.spec) ? tpl.spec : {};
  const podMeta = isPlainObject(tpl.metadata) ? tpl.metadata : {};
  const tplPath = base + pointer(...path);
  result.workloads.push({
    kind, name, apiVersion: obj.apiVersion, doc, base, object: obj, podSpec,
    podSpecPath: `${tplPath}/spec`, podMeta, podMetaPath: `${tplPath}/metadata`,
  });
}

/** Position of the deepest existing node on the pointer (a key's position for map entries). */
export function locateIn(doc: Document.Parsed | undefined, lc: LineCounter, ptr: string): { line: number; column: number } {
  if (!doc) return { line: 1, column: 1 };
  let node: unknown = doc.contents;
  let pos = (node as Node | null)?.range?.[0] ?? 0;
  for (const seg of splitPointer(ptr)) {
    if (isAlias(node)) node = (node as Alias).resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      pos = (pair.key as Node).range?.[0] ?? pos;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) break;
      pos = item.range?.[0] ?? pos;
      node = item;
    } else break;
  }
  const p = lc.linePos(pos);
  return { line: p.line, column: p.col };
}
