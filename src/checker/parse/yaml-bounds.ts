/**
 * Bounds on YAML that must hold before (and right after) the recursive composer
 * runs: nesting depth and document count, measured on yaml's own lexer tokens (so
 * quotes, plain scalars with apostrophes and explicit keys are read as YAML reads
 * them), and the number of nodes alias expansion adds, measured on the AST in one
 * linear pass (aliases resolved once per document, not by walking it per alias).
 */
import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isSeq,
  Lexer,
  Parser,
  type Alias,
  type CST,
  type Document,
  type DocumentOptions,
  type LineCounter,
  type Node,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { LIMITS } from './limits.ts';
import type { InputError } from '../types.ts';

/** Lexer control characters (yaml's CST): document start, scalar marker, end of a broken flow collection. */
const DOCUMENT = '\u0002';
const SCALAR = '\u001f';
const FLOW_END = '\u0018';

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** `/^ *$/.test(tok)`, without a regular expression: the scan asks it of every line's first token. */
function allSpaces(tok: string): boolean {
  for (let i = 0; i < tok.length; i++) if (tok.charCodeAt(i) !== 0x20) return false;
  return true;
}

/**
 * A conservative nesting depth (block indentation levels + `-`/`?` indicators on the
 * line + open flow brackets) and the document count, fed yaml's lexer tokens one at a
 * time. `feed` returns the first problem; `finish` checks the last line.
 */
class DepthScan {
  private readonly indents: number[] = [];
  private flow = 0;
  private onLine = 0; // '-' and '?' indicators on the current line (block context)
  private lineStart = true;
  private afterScalarMarker = false;
  private docs = 0;
  private offset = 0;
  private lineIndentOffset = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  private deep(at: number): InputError {
    return { file: this.file, ...lineCol(this.text, at), message: `nesting is deeper than ${LIMITS.maxDepth} levels` };
  }

  feed(tok: string): InputError | null {
    const max = LIMITS.maxDepth;
    const indents = this.indents;
    const at = this.offset;
    if (tok === DOCUMENT || tok === SCALAR || tok === FLOW_END) {
      // Lexer markers, not source text.
    } else this.offset += tok.length;
    if (tok === DOCUMENT || tok === '---') {
      this.docs++;
      if (this.docs > LIMITS.maxDocuments) {
        return {
          file: this.file,
          ...lineCol(this.text, at),
          message: `too many YAML documents (more than ${LIMITS.maxDocuments}); the limit is ${LIMITS.maxDocuments}`,
        };
      }
      return null;
    }
    if (tok === '\n' || tok === '\r\n') {
      if (this.flow === 0 && indents.length + this.onLine > max) return this.deep(this.lineIndentOffset);
      this.lineStart = true;
      this.onLine = 0;
      return null;
    }
    if (this.lineStart) {
      this.lineStart = false;
      const indent = allSpaces(tok) ? tok.length : 0;
      this.lineIndentOffset = at + indent;
      if (this.flow === 0) {
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
      if (indent && indent === tok.length) return null;
    }
    if (this.afterScalarMarker) {
      this.afterScalarMarker = false;
      if (indents.length + this.onLine + this.flow > max) return this.deep(at);
      if (tok.endsWith('\n')) {
        this.lineStart = true; // a block scalar's body ends with its line break
        this.onLine = 0;
      }
      return null;
    }
    if (tok === SCALAR) {
      this.afterScalarMarker = true;
      return null;
    }
    if (this.flow === 0 && (tok === '-' || tok === '?')) this.onLine++;
    else if (tok === '[' || tok === '{') {
      this.flow++;
      if (indents.length + this.onLine + this.flow > max) return this.deep(at);
    } else if (tok === ']' || tok === '}') this.flow = Math.max(0, this.flow - 1);
    else if (tok[0] === '"' || tok[0] === "'" || tok[0] === '*') {
      if (indents.length + this.onLine + this.flow > max) return this.deep(at);
    }
    return null;
  }

  finish(): InputError | null {
    if (this.flow === 0 && this.indents.length + this.onLine > LIMITS.maxDepth) return this.deep(this.lineIndentOffset);
    return null;
  }
}

/**
 * Lexes the text once: each lexer token goes to the depth and document-count scan, then
 * to yaml's CST parser. The first bound the text breaks is returned before the (recursive)
 * composer sees any of it; otherwise the CST is composed into documents, as
 * `parseAllDocuments` does (one lexing pass instead of a pre-scan and a parse).
 */
export function parseBounded(
  text: string,
  file: string,
  lineCounter: LineCounter,
  options: DocumentOptions & ParseOptions & SchemaOptions,
): { error: InputError } | { docs: Document.Parsed[] } {
  const scan = new DepthScan(text, file);
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0); // what Parser#parse does before its first token
  const cst: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const error = scan.feed(lexeme);
    if (error) return { error };
    for (const token of parser.next(lexeme)) cst.push(token);
  }
  const error = scan.finish();
  if (error) return { error };
  for (const token of parser.end()) cst.push(token);
  return { docs: Array.from(new Composer(options).compose(cst)) as Document.Parsed[] };
}

const resolved = new WeakMap<Document, Map<Alias, Node | null>>();

/** Each alias of the document and the node it names: one in-order pass over the AST. */
export function aliasTargets(doc: Document): Map<Alias, Node | null> {
  const cached = resolved.get(doc);
  if (cached) return cached;
  const out = new Map<Alias, Node | null>();
  const anchors = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) {
      out.set(node, anchors.get(node.source) ?? null);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        stack.push(pair.value, pair.key);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) stack.push(node.value, node.key);
  }
  resolved.set(doc, out);
  return out;
}

/**
 * How many nodes alias expansion adds to the document; an error at the alias that
 * takes it past {@link LIMITS.maxAliasNodes}, or at an alias that contains itself.
 */
export function checkAliasExpansion(doc: Document, text: string, file: string): InputError | null {
  const targets = aliasTargets(doc);
  if (!targets.size) return null;
  const size = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const children = (n: unknown): unknown[] => {
    if (isAlias(n)) return [targets.get(n) ?? null];
    if (isMap(n)) return n.items.flatMap((p) => [p.key, p.value]);
    if (isSeq(n)) return n.items;
    return [];
  };
  /** Expanded size of `root` (each alias counted as its target), iteratively, memoised. */
  const sizeOf = (root: unknown): number | 'cycle' => {
    const stack: [unknown, boolean][] = [[root, false]];
    while (stack.length) {
      const [n, done] = stack.pop()!;
      if (!n || typeof n !== 'object' || size.has(n)) continue;
      if (done) {
        inProgress.delete(n);
        let s = 1;
        for (const c of children(n)) s += c && typeof c === 'object' ? (size.get(c) ?? 0) : 0;
        size.set(n, Math.min(s, Number.MAX_SAFE_INTEGER));
        continue;
      }
      if (inProgress.has(n)) return 'cycle';
      inProgress.add(n);
      stack.push([n, true]);
      for (const c of children(n))
        if (c && typeof c === 'object' && !size.has(c)) {
          if (inProgress.has(c)) return 'cycle';
          stack.push([c, false]);
        }
    }
    return size.get(root) ?? 0;
  };
  let added = 0;
  for (const [alias, target] of targets) {
    const s = target ? sizeOf(target) : 0;
    const at = lineCol(text, alias.range?.[0] ?? 0);
    if (s === 'cycle') return { file, ...at, message: `alias *${alias.source} refers to a node that contains it` };
    added += s;
  }
  if (added <= LIMITS.maxAliasNodes) return null;
  // Locate: the first alias (in document order) at which the running total passes the limit.
  let total = 0;
  for (const [alias, target] of targets) {
    total += target ? (size.get(target) ?? 0) : 0;
    if (total > LIMITS.maxAliasNodes) {
      return {
        file,
        ...lineCol(text, alias.range?.[0] ?? 0),
        message: `aliases expand to more than ${LIMITS.maxAliasNodes} nodes (at alias *${alias.source}); write the content out or use fewer aliases`,
      };
    }
  }
  return null;
}
