/**
 * The shell's own error messages in the wording of the shell a session runs: just-bash words
 * them as bash does (with its parser's "Parse error at L:C:" prefix); node1 and Debian images
 * run bash 5.2, alpine runs busybox 1.36 ash.
 */
import { dashWording } from './dash-wording.ts';
import type { Session } from './types.ts';

// busybox@1_36_1:shell/ash.c tokname_array: the tokens below TSEMI print bare, the others in double quotes.
const ASH_TOKENS = new Set([
  ';',
  '&',
  '&&',
  '||',
  '|',
  '(',
  ')',
  ';;',
  '`',
  '!',
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'then',
  'until',
  'while',
  '{',
  '}',
  '[[',
  ']]',
]);

/** bash 5.2's wording for just-bash's parse errors (parse.y: report_syntax_error). */
function bashParseErrors(stderr: string): string {
  return stderr
    .replace(/^bash: syntax error: Parse error at \d+:\d+: syntax error near unexpected token `(.*)'$/gm, "bash: syntax error near unexpected token `$1'")
    .replace(/^bash: syntax error: Parse error at \d+:\d+: (?:Expected .*, got EOF|Unexpected end of input.*)$/gm, 'bash: syntax error: unexpected end of file')
    .replace(/^bash: syntax error: Parse error at \d+:\d+: /gm, 'bash: syntax error: ');
}

/** just-bash's names of the closing token it wanted, as ash's tokname_array prints them. */
const EXPECTING: Record<string, string> = { FI: 'fi', THEN: 'then', DO: 'do', DONE: 'done', RBRACE: '}', RPAREN: ')' };

/**
 * An unterminated compound command: busybox@1_36_1:shell/ash.c parse_command calls
 * raise_error_unexpected_syntax(t), "unexpected %s (expecting %s)" with tokname(TEOF) = "end of
 * file". A `case` at end of file expects `)` after a pattern, or `;;` after a clause's commands
 * (the TRP / TENDCASE checks), which only the source tells apart.
 */
function ashExpecting(stderr: string, source: string): string {
  return stderr.replace(/^bash: syntax error: Parse error at \d+:\d+: Expected (\w+), got EOF$/gm, (m, tok: string) => {
    let want = EXPECTING[tok];
    if (tok === 'ESAC') {
      const tail = source.slice(source.search(/\bcase\b(?![\s\S]*\bcase\b)/));
      const clauses = tail.replace(/^case\s+\S+\s+in\b/, '').split(';;');
      want = (clauses[clauses.length - 1] ?? '').includes(')') ? ';;' : ')';
    }
    return want ? `sh: syntax error: unexpected end of file (expecting "${want}")` : m;
  });
}

/**
 * busybox ash's wording (busybox@1_36_1:shell/ash.c): ash_vmsg prints "sh: ", then for a builtin
 * its name, then "line N: " when the shell is not interactive (sh -c, a script), then the message.
 */
function ashWording(stderr: string, interactive: boolean, source: string): string {
  const line = interactive ? '' : 'line 1: ';
  return (
    bashParseErrors(ashExpecting(stderr, source))
      // find_command / shellexec: "%s: %s" with errmsg(e, "not found") (ENOENT and ENOTDIR read "not found").
      .replace(/^bash: (?:line \d+: )?(.+): command not found$/gm, 'sh: $1: not found')
      .replace(/^bash: (?:line \d+: )?(\S*\/\S*): No such file or directory$/gm, 'sh: $1: not found')
      .replace(/^bash: (?:line \d+: )?(\S*\/\S*): (Permission denied|Is a directory)$/gm, 'sh: $1: $2')
      // cdcmd: ash_msg_and_raise_perror("can't cd to %s", dest).
      .replace(/^bash: (?:line \d+: )?cd: (.+): (No such file or directory|Not a directory|Permission denied)$/gm, `sh: cd: ${line}can't cd to $1: $2`)
      // raise_error_syntax / raise_error_unexpected_syntax (tokname quotes keywords and operators; any other word is "word").
      .replace(
        /^bash: syntax error near unexpected token `(.*)'$/gm,
        (_m, tok: string) => `sh: syntax error: unexpected ${tok === 'newline' ? 'newline' : ASH_TOKENS.has(tok) ? `"${tok}"` : 'word'}`,
      )
      .replace(/^bash: syntax error: unexpected end of file$/gm, 'sh: syntax error: unexpected end of file')
      .replace(/^bash: (?:line \d+: )?unexpected EOF while looking for matching `["'`]'$/gm, 'sh: syntax error: unterminated quoted string')
      .replace(/^bash: syntax error: unexpected EOF while looking for matching '\}'$/gm, "sh: syntax error: missing '}'")
      // shell/math.c: errmsg = "arithmetic syntax error".
      .replace(/^bash: (?:.*: )?syntax error: (?:operand expected|invalid arithmetic operator).*$/gm, 'sh: arithmetic syntax error')
      .replace(/^bash: (?:line \d+: )?(\w+): unbound variable$/gm, 'sh: $1: parameter not set')
      .replace(/^bash: (?:line \d+: )?/gm, 'sh: ')
  );
}

/** The shell's messages in `stderr` in the wording of the session's shell. */
export function shellWording(stderr: string, session: Session, interactive: boolean, plainBash: boolean, source = ''): string {
  if (!stderr) return stderr;
  if (session.shell === 'sh') return ashWording(stderr, interactive, source);
  if (session.shell === 'dash') return dashWording(stderr, session.proc.argv[0] ?? 'sh', (session.lines ?? 1) - source.split('\n').length + 1);
  // unalias NAME that is no alias: bash-5.2:builtins/alias.def unalias_builtin → sh_notfound, a builtin_error ("bash: unalias: ");
  // just-bash leaves the shell's name out.
  const out = bashParseErrors(stderr).replace(/^unalias: (.+): not found$/gm, 'bash: unalias: $1: not found');
  if (!interactive) return out;
  // An interactive bash names no line (bash@bash-5.2:error.c error_prolog); a script's "line N" stays (notfound.ts).
  return loginWording(plainBash ? out.replace(/^bash: line \d+: /gm, 'bash: ') : out, session);
}

/** A stderr chunk written to the terminal as its command ends: a bash session's words (shellWording, not a line's "line N"). */
export function streamedWording(stderr: string, session: Session): string {
  return session.shell === 'bash' ? loginWording(shellWording(stderr, session, false, false), session) : stderr;
}

/**
 * An interactive bash names itself by $0 before its own errors (bash@bash-5.2:error.c error_prolog prints
 * get_name_for_error (), which is dollar_vars[0] for an interactive shell): a login shell's $0 is "-bash" (login(1),
 * sshd and `sudo -i`/`su -` put the dash before argv[0]), so node1's prompt says "-bash: nosuch: command not found",
 * as an SSH session to an Ubuntu server without the command-not-found package does. A script's "bash: line N: …"
 * (a `bash -c` the line ran) is another shell's and keeps its name.
 */
export function loginWording(stderr: string, session: Session): string {
  const zero = session.proc.argv[0];
  if (session.shell !== 'bash' || !zero?.startsWith('-') || !stderr.includes('bash: ')) return stderr;
  return stderr.replace(/^bash: (?!line \d+: )/gm, `${zero}: `);
}
