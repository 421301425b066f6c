/**
 * Parses Kubernetes manifests with eemeli/yaml, keeping every node's position,
 * and finds the workloads (the pod specs) in them. Bad input becomes an
 * {@link InputError} with a line and column, never an exception.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { LIMITS } from './limits.ts';
import { aliasTargets, checkAliasExpansion, parseBounded } from './yaml-bounds.ts';
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
const podPaths: ReadonlyMap<string, string[]> = new Map(
  Object.entries({
    Pod: [],
    Deployment: ['spec', 'template'],
    StatefulSet: ['spec', 'template'],
    DaemonSet: ['spec', 'template'],
    ReplicaSet: ['spec', 'template'],
    ReplicationController: ['spec', 'template'],
    Job: ['spec', 'template'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  }),
);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function splitPointer(p: string): string[] {
  if (p === '') return [];
  const segments = p.slice(1).split('/');
  return p.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'string' ? 'string' : typeof v;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Walks the AST (without recursion) to find too-deep nesting and `__proto__` keys. Also
 * says whether the document may hold an alias (an alias value or key, a key that is a
 * collection, or an item that is neither a scalar nor a collection): only then does the
 * alias-expansion bound need its own pass over the document.
 */
function scanNodes(root: Node | null, lc: LineCounter, file: string): InputError | { aliases: boolean } {
  if (!root) return { aliases: false };
  let aliases = false;
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isMap(node)) {
      if (depth > LIMITS.maxDepth) return deep(node, lc, file);
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (isScalar(k)) {
          if (k.value === '__proto__') {
            const p = lc.linePos(k.range?.[0] ?? 0);
            return { file, line: p.line, column: p.col, message: 'key "__proto__" is not allowed' };
          }
        } else if (k !== null) aliases = true;
        if (pair.value) stack.push([pair.value as Node, depth + 1]);
      }
    } else if (isSeq(node)) {
      if (depth > LIMITS.maxDepth) return deep(node, lc, file);
      for (const item of node.items) if (item) stack.push([item as Node, depth + 1]);
    } else if (!isScalar(node)) aliases = true;
  }
  return { aliases };
}

function deep(node: Node, lc: LineCounter, file: string): InputError {
  const p = lc.linePos(node.range?.[0] ?? 0);
  return { file, line: p.line, column: p.col, message: `nesting is deeper than ${LIMITS.maxDepth} levels` };
}

/**
 * Line breaks and byte-order marks as ordinary input: CRLF and lone CR become LF (so
 * line numbers are the ones an editor shows, and columns are unchanged), and a
 * leading BOM is dropped.
 */
export function normalizeText(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

export function parseManifests(input: string, file: string): ParsedManifests {
  const text = normalizeText(input);
  const lc = new LineCounter();
  // Rules locate the same fields again and again (every finding on one container): each
  // pointer is walked once per document. The positions handed out are the cached ones:
  // callers only read them.
  const located = new Map<string, Readonly<{ line: number; column: number }>>();
  const result: ParsedManifests = {
    file,
    docs: [],
    objects: [],
    workloads: [],
    errors: [],
    lineCounter: lc,
    locate: (doc, ptr) => {
      const key = `${doc} ${ptr}`;
      let at = located.get(key);
      if (!at) {
        const d = documentAt(result, doc);
        at = locateIn(d, lc, ptr);
        if (d) located.set(key, at);
      }
      return at;
    },
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
  let docs: Document.Parsed[];
  try {
    // One lexing pass: the depth and document-count bounds are measured on the tokens the
    // parser reads, and the text is refused before the composer sees any of it.
    const parsed = parseBounded(text, file, lc, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
    if ('error' in parsed) {
      result.errors.push(parsed.error);
      return result;
    }
    docs = parsed.docs;
  } catch (e) {
    const message =
      e instanceof RangeError ? `nesting is too deep to read (the limit is ${LIMITS.maxDepth} levels)` : `cannot parse YAML: ${(e as Error).message}`;
    result.errors.push({ file, line: 1, column: 1, message });
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
    if ('message' in scan) {
      result.errors.push(scan);
      return;
    }
    const expansion = scan.aliases ? checkAliasExpansion(doc, text, file) : null;
    if (expansion) {
      result.errors.push(expansion);
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
        result.errors.push({
          file: result.file,
          line: p.line,
          column: p.column,
          message: `list item ${i + 1} is a ${typeName(item)}, not a Kubernetes object`,
        });
      }
    });
    return;
  }
  result.objects.push({ kind, name, doc, base, object: obj });
  const path = podPaths.get(kind);
  if (!path) return;
  let template: unknown = obj;
  for (const seg of path) template = isPlainObject(template) ? template[seg] : undefined;
  const tpl = isPlainObject(template) ? template : {};
  const podSpec = isPlainObject(tpl.spec) ? tpl.spec : {};
  const podMeta = isPlainObject(tpl.metadata) ? tpl.metadata : {};
  const tplPath = base + pointer(...path);
  checkShapes(result, doc, base, obj, path);
  result.workloads.push({
    kind,
    name,
    apiVersion: obj.apiVersion,
    doc,
    base,
    object: obj,
    podSpec,
    podSpecPath: `${tplPath}/spec`,
    podMeta,
    podMetaPath: `${tplPath}/metadata`,
  });
}

/** The parsed document with index `doc` in the file (documents with errors are not in `docs`). */
export function documentAt(m: ParsedManifests, doc: number): Document.Parsed | undefined {
  const at = m.docs[doc];
  return at?.index === doc ? at.doc : m.docs.find((d) => d.index === doc)?.doc;
}

/** `spec.containers[0].securityContext`, as kubectl prints a field path. */
function fieldPath(segments: (string | number)[]): string {
  let out = '';
  for (const seg of segments) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/**
 * The fields the checker reads must have the shape Kubernetes gives them: a mapping
 * where the API has an object, a list where it has a list (null means unset and is
 * fine). Anything else is a located error such as
 * `expected a mapping at spec.containers[0], found a string`.
 */
function checkShapes(result: ParsedManifests, doc: number, base: string, obj: Record<string, unknown>, tplPath: string[]): void {
  const problem = (segs: (string | number)[], want: 'mapping' | 'list', found: unknown) => {
    const p = result.locate(doc, base + pointer(...segs));
    result.errors.push({
      file: result.file,
      line: p.line,
      column: p.column,
      message: `expected a ${want} at ${fieldPath(segs)}, found ${found === '' ? 'an empty string' : `a ${typeName(found)}`}`,
    });
  };
  const expect = (v: unknown, segs: (string | number)[], want: 'mapping' | 'list'): boolean => {
    if (v === null || v === undefined) return false;
    if (want === 'mapping' ? isPlainObject(v) : Array.isArray(v)) return true;
    problem(segs, want, v);
    return false;
  };
  expect(obj.metadata, ['metadata'], 'mapping');
  let node: unknown = obj;
  const at: string[] = [];
  for (const seg of [...tplPath, 'spec']) {
    at.push(seg);
    node = (node as Record<string, unknown>)[seg];
    if (!expect(node, at, 'mapping')) return;
  }
  const spec = node as Record<string, unknown>;
  if (expect(spec.securityContext, [...at, 'securityContext'], 'mapping')) {
    const psc = spec.securityContext as Record<string, unknown>;
    expect(psc.seccompProfile, [...at, 'securityContext', 'seccompProfile'], 'mapping');
  }
  for (const group of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = spec[group];
    if (!expect(list, [...at, group], 'list')) continue;
    (list as unknown[]).forEach((c, i) => {
      const here = [...at, group, i];
      if (c === null || !expect(c, here, 'mapping')) {
        if (c === null) problem(here, 'mapping', c);
        return;
      }
      const csc = (c as Record<string, unknown>).securityContext;
      if (!expect(csc, [...here, 'securityContext'], 'mapping')) return;
      const sc = csc as Record<string, unknown>;
      expect(sc.seccompProfile, [...here, 'securityContext', 'seccompProfile'], 'mapping');
      if (!expect(sc.capabilities, [...here, 'securityContext', 'capabilities'], 'mapping')) return;
      const caps = sc.capabilities as Record<string, unknown>;
      for (const k of ['add', 'drop']) expect(caps[k], [...here, 'securityContext', 'capabilities', k], 'list');
    });
  }
}

/** Position of the deepest existing node on the pointer (a key's position for map entries). */
export function locateIn(doc: Document.Parsed | undefined, lc: LineCounter, ptr: string): { line: number; column: number } {
  if (!doc) return { line: 1, column: 1 };
  let node: unknown = doc.contents;
  let pos = (node as Node | null)?.range?.[0] ?? 0;
  for (const seg of splitPointer(ptr)) {
    if (isAlias(node)) node = aliasTargets(doc).get(node) ?? null;
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
