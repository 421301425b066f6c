/**
 * dash 0.5.12's words (/bin/sh on Ubuntu 24.04 and in Debian images) for the errors just-bash words as bash does, in a
 * script run by `sh -c` or `sh FILE`. dash@v0.5.12:src/error.c exvwarning2 prefixes every message with "%s: %d: ":
 * the shell's $0 and the line the error is on (1 for a one-line `-c` script), then for a builtin its name:
 * - exec.c: a command it cannot find, or a path that does not exist, is "%s: not found" (127);
 *   a path it may not run keeps strerror's text (126);
 * - cd.c: sh_error("can't cd to %s", dest) (2);
 * - parser.c synerror: "Syntax error: %s", with synexpect's "%s unexpected (expecting %s)" and tokname_array's names
 *   (mktokens: TEOF "end of file", TNL "newline", TWORD "word", operators and keywords in double quotes), and
 *   readtoken1's "Unterminated quoted string";
 * - var.c / expand.c: "%s: parameter not set" under `set -u`.
 */

/** mktokens: the tokens tokname_array prints bare; every other operator or keyword is quoted. */
const BARE: Record<string, string> = { newline: 'newline' };
const KEYWORDS = new Set(['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while', '{', '}']);
const OPERATORS = new Set([';', '&', '&&', '||', '|', '(', ')', ';;', '`']);

/** just-bash's names of the closing token it wanted (its parser's token kinds). */
const EXPECTING: Record<string, string> = { FI: 'fi', THEN: 'then', DO: 'do', DONE: 'done', RBRACE: '}', RPAREN: ')', ESAC: 'esac' };

const tokname = (tok: string) => BARE[tok] ?? (KEYWORDS.has(tok) || OPERATORS.has(tok) ? `"${tok}"` : 'word');

/**
 * `stderr` of a dash script (`zero` is its $0) in dash's words; lines that are not the shell's own pass unchanged.
 * `first`: the number of the script's first line (1; in an interactive dash, its count of the lines read before, plus 1).
 */
export function dashWording(stderr: string, zero: string, first = 1): string {
  if (!stderr.startsWith('bash: ') && !stderr.includes('\nbash: ')) return stderr;
  const at = (n: string | undefined) => `${zero}: ${first + Number(n ?? 1) - 1}: `;
  return (
    stderr
      .replace(/^bash: syntax error: Parse error at (\d+):\d+: Expected (\w+), got EOF$/gm, (m, n: string, tok: string) =>
        EXPECTING[tok] ? `${at(n)}Syntax error: end of file unexpected (expecting "${EXPECTING[tok]}")` : m,
      )
      .replace(
        /^bash: syntax error: Parse error at (\d+):\d+: (?:Unexpected end of input.*)$/gm,
        (_m, n: string) => `${at(n)}Syntax error: end of file unexpected`,
      )
      .replace(
        /^bash: (?:line (\d+): )?syntax error near unexpected token `(.*)'$/gm,
        (_m, n: string | undefined, tok: string) => `${at(n)}Syntax error: ${tokname(tok)} unexpected`,
      )
      .replace(
        /^bash: syntax error: Parse error at (\d+):\d+: syntax error near unexpected token `(.*)'$/gm,
        (_m, n: string, tok: string) => `${at(n)}Syntax error: ${tokname(tok)} unexpected`,
      )
      .replace(
        /^bash: (?:line (\d+): )?unexpected EOF while looking for matching `["'`]'$/gm,
        (_m, n: string | undefined) => `${at(n)}Syntax error: Unterminated quoted string`,
      )
      // The interpreter's own, bare "bash: " (one with "line N" is a bash script's run inside: notfound.ts words dash's own).
      .replace(/^bash: ([^:\n]+): command not found$/gm, (_m, cmd: string) => `${at(undefined)}${cmd}: not found`)
      .replace(/^bash: (?:line (\d+): )?(\S*\/\S*): No such file or directory$/gm, (_m, n: string | undefined, p: string) => `${at(n)}${p}: not found`)
      .replace(
        /^bash: (?:line (\d+): )?(\S*\/\S*): (Permission denied|Is a directory)$/gm,
        (_m, n: string | undefined, p: string, why: string) => `${at(n)}${p}: ${why}`,
      )
      .replace(/^bash: cd: (.+): (?:No such file or directory|Not a directory|Permission denied)$/gm, (_m, d: string) => `${at(undefined)}cd: can't cd to ${d}`)
      .replace(/^bash: (?:line (\d+): )?(\w+): unbound variable$/gm, (_m, n: string | undefined, v: string) => `${at(n)}${v}: parameter not set`)
  );
}
