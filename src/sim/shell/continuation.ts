/**
 * When bash asks for more input: after a line that leaves a here-document open (its
 * delimiter line not yet read), a quote or `$(` unclosed, a compound command unfinished
 * (`for … do` without `done`), or a trailing backslash, an interactive bash prints PS2
 * (`> `) and reads on before it runs anything (bash@bash-5.2:parse.y, shell_getc and
 * the here-document reader gather_here_documents). The terminal uses this to collect a
 * multi-line command, a here-document from a Run block included, and run it as one.
 * Decided by just-bash's own parser, the one that runs the command.
 */

import type * as JB from 'just-bash';

/** just-bash's parse errors that mean "the input ended too soon", not "the input is wrong". */
// (`Bash.transform`, the parser the browser bundle exports, throws the last one for a here-document still open.)
const ENDED_EARLY = /unexpected EOF|got EOF|end of input|unterminated here-document/i;

function openHereDoc(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(openHereDoc);
  const n = node as { type?: unknown; terminated?: unknown };
  if (n.type === 'HereDoc' && n.terminated === false) return true;
  return Object.values(node).some(openHereDoc);
}

export function needsMoreInput(parse: (text: string) => unknown, text: string): boolean {
  // An odd run of backslashes at the end: a backslash-newline, which joins the next line to this
  // one (inside single quotes the quote itself is still open, so bash reads on either way).
  if (/(^|[^\\])(\\\\)*\\$/.test(text)) return true;
  try {
    return openHereDoc(parse(text));
  } catch (e) {
    return ENDED_EARLY.test((e as Error).message);
  }
}

/**
 * A shell for parsing only, shared by the worlds (it keeps no state between parses): just-bash's browser bundle exports
 * no `parse`, but every Bash has `transform`. No commands, files or default layout: a Bash({}) wrote a script file for
 * each of its ~100 commands and the default directories into a filesystem of its own, which a parse never reads (issue #14).
 */
let parser: JB.Bash | undefined;

/** needsMoreInput with that shell's parser; `jb` is just-bash, loaded by the caller (World.needsMore). */
export function lineNeedsMore(jb: typeof JB, text: string): boolean {
  parser ??= new jb.Bash({ commands: [], files: {}, cwd: '/' });
  const p = parser;
  return needsMoreInput((t) => p.transform(t).ast, text);
}
