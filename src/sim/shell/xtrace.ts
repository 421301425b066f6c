/**
 * `set -x` at bash's prompt: each trace line on the terminal before the output of the command it traces, with PS4's
 * first character once per level of indirection.
 *
 * bash writes a command's trace to stderr before it runs it (bash@bash-5.2:print_cmd.c xtrace_print_word_list,
 * xtrace_print_assignment, each beginning with indirection_level_string ()), and indirection_level_string repeats PS4's
 * first character `indirection_level` times, then the rest of PS4: the prompt's reader_loop (eval.c) makes the level 1,
 * and each parse_and_execute (builtins/evalstring.c `indirection_level++`: a command substitution, eval, a trap's action,
 * `source`) one more; a subshell `( … )` forks without parsing again and keeps its parent's level. So
 * `echo $(echo hi)` traces `++ echo hi`, then `+ echo hi`.
 *
 * just-bash 3.4.2 (node_modules/just-bash, interpreter/helpers/xtrace.ts traceSimpleCommand / traceAssignment) puts
 * the expanded PS4 and the words in the command's stderr string, which reaches the line's result after the output
 * the command wrote, and PS4 once whatever the level. It expands PS4 as a word each time it traces, though, so the
 * interpreter's PS4 is `$( (__cc_xt) )` while a line may trace (`xtraceEnv`): `__cc_xt` answers the prefix for the level
 * it is at (the host's command substitutions being run, forks.ts), and notes it in the line's output trace (ordered.ts)
 * as a chunk that takes the rest of its line, so the trace line takes its place among the line's output. From the
 * first trace on, the line's output is written at its end rather than as each command ends (runtime.ts inOrder).
 * The simulator's own `__cc_*` commands take their chunk back as they run (`untraceOwn`); execTopLine takes their lines
 * out of stderr (line.ts withoutOwnTrace).
 *
 * An `eval` adds a level (xtrace-marks.ts counts them in `trace.evals`). Not modelled: a trap's action and `source` add
 * no level (just-bash parses them without the transform plugins); a line that sets PS4 itself traces with just-bash's
 * own placement.
 */
import type * as JB from 'just-bash';
import type { OutputTrace } from './ordered.ts';
import type { Session } from './types.ts';
import { ansicQuote, ansicShouldQuote } from './ansic.ts';

/**
 * The interpreter's PS4 while a line may trace. In a subshell: a simple command run by PS4's expansion itself empties
 * the stderr the command's own substitutions left for it (just-bash executeSimpleCommandInner `expansionStderr = ""`),
 * which holds their trace lines; a subshell's commands run on a copy of that state.
 */
export const XTRACE_PS4 = '$( (__cc_xt) )';
/** The shell's own PS4, which `__cc_xt` answers from. */
const USER_PS4 = '__cc_ps4';

/** bash's PS4 when nothing set it (bash@bash-5.2:variables.c initialize_shell_variables: `set_if_not ("PS4", "+ ")`). */
const DEFAULT_PS4 = '+ ';

/** The own commands whose trace line stays, as the command typed (line.ts withoutOwnTrace renames them). */
const TYPED = new Set(['__cc_bi', '__cc_enable', '__cc_umask', '__cc_trap']);

/** Whether a line of `session` may trace: xtrace on as it begins, or a `set` on it. */
function mayTrace(session: Session, line: string): boolean {
  return Boolean(session.shellState?.options.xtrace) || /(?:^|[\s;&|({])set\s/.test(line);
}

/** The variables a line of bash at the prompt runs with, for `set -x` (see the file's head); none when it cannot trace. */
export function xtraceEnv(session: Session, line: string): Record<string, string> {
  if (session.shell !== 'bash' || session.root !== 'host' || !mayTrace(session, line)) return {};
  return { PS4: XTRACE_PS4, [USER_PS4]: session.env.PS4 ?? DEFAULT_PS4 };
}

/** The line's variables with the shell's own PS4 back (or none, as before), unless the line set one. */
export function restorePs4(env: Record<string, string>, session: Session): Record<string, string> {
  if (env.PS4 !== XTRACE_PS4) return env;
  const out = { ...env };
  if (session.env.PS4 === undefined) delete out.PS4;
  else out.PS4 = session.env.PS4;
  return out;
}

/** bash@bash-5.2:print_cmd.c indirection_level_string: PS4's first character `level` times, then the rest of it. */
export function ps4Prefix(ps4: string, level: number): string {
  if (!ps4) return '';
  const [first = ''] = ps4;
  return first.repeat(level) + ps4.slice(first.length);
}

/**
 * `__cc_xt`, run by the expansion of PS4 (see the file's head): the prefix at the level of the command substitutions
 * being run (`forks`), noted in the line's `trace`, whose output from then on waits for the line's end (runtime.ts inOrder).
 */
export function xtraceCommand(trace: OutputTrace, forks: { readonly substitutions: number }): JB.Command {
  return {
    name: '__cc_xt',
    execute: async (_args, ctx) => {
      const text = ps4Prefix(ctx.env.get(USER_PS4) ?? DEFAULT_PS4, 1 + forks.substitutions + trace.evals);
      if (trace.skipNextLine) trace.skipNextLine = false;
      else trace.record([{ stream: 'stderr', text, line: true }]);
      trace.traced = true;
      return { stdout: text, stderr: '', exitCode: 0 };
    },
  };
}

type Entry = { name: string; execute: (args: string[], ctx: JB.CommandContext) => Promise<JB.ExecResult> };

/**
 * The Bash's own `__cc_*` commands, each taking back the trace chunk `__cc_xt` noted for it just before it runs (once the last of them
 * is registered).
 * just-bash keeps a Bash's commands in one map its interpreter reads at each command (Bash.commands, not public).
 */
export function untraceOwn(bash: JB.Bash, trace: OutputTrace): void {
  const commands = (bash as unknown as { commands?: Map<string, Entry> }).commands;
  if (!(commands instanceof Map)) return;
  for (const [name, entry] of commands) {
    if (!name.startsWith('__cc_') || name === '__cc_xt' || TYPED.has(name)) continue;
    const run = entry.execute;
    const execute: typeof entry.execute = (args, ctx) => {
      trace.unrecordLine();
      return run(args, ctx);
    };
    entry.execute = execute;
  }
}

/** bash@bash-5.2:lib/sh/shquote.c sh_contains_shell_metas. */
function hasMetas(s: string): boolean {
  return /[ \t\n'"\\|&;()<>!{}*[?\]^$`]/.test(s) || /(?:^|[=:])~/.test(s) || s.startsWith('#');
}

/** bash@bash-5.2:lib/sh/shquote.c sh_single_quote. */
const singleQuote = (s: string) => (s === "'" ? "\\'" : `'${s.replace(/'/g, "'\\''")}'`);

/** One word as bash's xtrace_print_word_list writes it (print_cmd.c): '', '…' with metacharacters, $'…' unprintable. */
function bashWord(word: string): string {
  if (word === '') return "''";
  if (hasMetas(word)) return singleQuote(word);
  return ansicShouldQuote(word) ? ansicQuote(word) : word;
}

/**
 * The words of one of just-bash's trace lines (interpreter/helpers/xtrace.ts quoteForTrace: bare, '', '…', "…" with
 * \\ \$ \` \" escaped, or $'…'), each with the text just-bash gave it; undefined when the line does not read that way.
 */
function traceWords(body: string): { word: string; text: string }[] | undefined {
  const out: { word: string; text: string }[] = [];
  let i = 0;
  while (i < body.length) {
    const start = i;
    let word = '';
    if (body.startsWith("$'", i)) {
      const end = body.indexOf("'", i + 2);
      if (end < 0) return undefined;
      word = body
        .slice(i + 2, end)
        .replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[nt\\])/g, (_m, e: string) =>
          e === 'n' ? '\n' : e === 't' ? '\t' : e === '\\' ? '\\' : String.fromCharCode(Number.parseInt(e.slice(1), 16)),
        );
      i = end + 1;
    } else if (body[i] === "'") {
      const end = body.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word = body.slice(i + 1, end);
      i = end + 1;
    } else if (body[i] === '"') {
      for (i++; i < body.length && body[i] !== '"'; i++) word += body[i] === '\\' && i + 1 < body.length ? body[++i] : body[i];
      if (body[i] !== '"') return undefined;
      i++;
    } else {
      while (i < body.length && body[i] !== ' ') word += body[i++];
    }
    if (i < body.length && body[i] !== ' ') return undefined;
    out.push({ word, text: body.slice(start, i) });
    i++;
  }
  return out;
}

/**
 * A trace line of just-bash's (`+ ` prefixes, then the words or an assignment) quoted as bash 5.2 quotes it:
 * xtrace_print_word_list single-quotes a word with shell metacharacters (`+ echo 'it'\''s'`, where just-bash has
 * `"it's"`); xtrace_print_assignment the value of an assignment (`+ y='a b'`, where just-bash has `y=a b`).
 */
export function bashTraceLine(line: string): string {
  const m = /^(\++ )(.*)$/.exec(line);
  if (!m) return line;
  const [, prefix = '', body = ''] = m;
  // A `for` head (xtrace-for.ts) is printed as typed.
  if (body.startsWith('for ')) return line;
  const assign = /^([A-Za-z_]\w*(?:\[[^\]]*\])?\+?=)(.*)$/s.exec(body);
  if (assign && !body.startsWith(`${assign[1]}(`)) {
    const value = assign[2] ?? '';
    const quoted = !value ? value : hasMetas(value) ? singleQuote(value) : ansicShouldQuote(value) ? ansicQuote(value) : value;
    return `${prefix}${assign[1]}${quoted}`;
  }
  const words = traceWords(body);
  return words ? prefix + words.map((w) => bashWord(w.word)).join(' ') : line;
}
