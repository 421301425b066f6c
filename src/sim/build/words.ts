/**
 * Word evaluation for Dockerfile arguments and RUN scripts, using just-bash's
 * shell parser (no hand-written lexer): quotes, escapes and `$VAR` /
 * `${VAR}` / `${VAR:-default}` / `${VAR:+alt}` expansion, as Docker's shell
 * lexer does for ENV, LABEL, ARG, COPY, WORKDIR, USER, EXPOSE, FROM …
 * Globs are kept as text (the caller matches them); command substitution is
 * not evaluated (Docker does not evaluate it in instructions either).
 */
import { Bash, type ScriptNode, type SimpleCommandNode, type WordNode } from 'just-bash';

type WordPart = WordNode['parts'][number];
export type Env = ReadonlyMap<string, string>;

export class WordError extends Error {}

function param(p: Extract<WordPart, { type: 'ParameterExpansion' }>, env: Env): string {
  const v = env.get(p.parameter);
  const op = p.operation as { type: string; word?: WordNode; checkEmpty?: boolean } | null;
  if (!op) return v ?? '';
  const unsetOrEmpty = v === undefined || (op.checkEmpty !== false && v === '');
  if (op.type === 'DefaultValue' || op.type === 'AssignDefault') return unsetOrEmpty ? (op.word ? wordText(op.word, env) : '') : v!;
  if (op.type === 'UseAlternative') return unsetOrEmpty ? '' : op.word ? wordText(op.word, env) : '';
  return v ?? '';
}

function partText(part: WordPart, env: Env): string {
  switch (part.type) {
    case 'Literal':
    case 'SingleQuoted':
      return part.value;
    case 'Escaped':
      return part.value;
    case 'DoubleQuoted':
      return part.parts.map((p) => partText(p, env)).join('');
    case 'ParameterExpansion':
      return param(part, env);
    case 'Glob':
      return part.pattern;
    case 'TildeExpansion':
      return part.user ? `~${part.user}` : (env.get('HOME') ?? '/root');
    case 'BraceExpansion':
      return '';
    default:
      return '';
  }
}

/** The text of one word after quote removal and parameter expansion. */
export function wordText(w: WordNode, env: Env): string {
  return w.parts.map((p) => partText(p, env)).join('');
}

/** True when a word has an unquoted glob part (for `rm -rf /var/lib/apt/lists/*`). */
export function hasGlob(w: WordNode): boolean {
  return w.parts.some((p) => p.type === 'Glob');
}

// just-bash's browser build exports no `parse`. Its transform() parses, hands the AST to
// transform plugins, then serialises it back to text (which refuses a here-document whose
// body the builder cut away). A plugin that hands the AST out and stops there gives the
// parser's AST in Node and in the browser alike.
class Parsed {
  constructor(readonly ast: ScriptNode) {}
}
let parser: Bash | null = null;

function parse(text: string): ScriptNode {
  if (!parser) {
    parser = new Bash();
    parser.registerTransformPlugin({
      name: 'hand-out-ast',
      transform: ({ ast }) => {
        throw new Parsed(ast);
      },
    });
  }
  try {
    parser.transform(text);
  } catch (e) {
    if (e instanceof Parsed) return e.ast;
    throw e;
  }
  throw new WordError('the shell parser returned no syntax tree');
}

function parseScript(text: string): ScriptNode {
  try {
    return parse(text);
  } catch (e) {
    throw new WordError((e as Error).message);
  }
}

/** Splits and expands Dockerfile arguments into words (`COPY a "b c" $DEST`). */
export function expandWords(text: string, env: Env): string[] {
  if (text.trim() === '') return [];
  const script = parseScript(`: ${text.replace(/\n/g, ' ')}`);
  const cmd = script.statements[0]?.pipelines[0]?.commands[0] as SimpleCommandNode | undefined;
  if (!cmd || cmd.type !== 'SimpleCommand') throw new WordError(`cannot parse arguments: ${text}`);
  return cmd.args.map((w) => wordText(w, env));
}

/** Expands one value (an ENV/LABEL/ARG value, a FROM image) into a single string. */
export function expandValue(text: string, env: Env): string {
  return expandWords(text, env).join(' ');
}

export { parseScript };
