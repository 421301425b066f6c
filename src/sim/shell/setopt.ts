/**
 * `set -o` and `set +o` in bash 5.2, where just-bash 3.4.2's set is not bash's: it lists its options as
 * `%-16s%s` with every one off but those it tracks, and answers an unknown `-o NAME` with a usage and an options
 * summary of its own, status 1. bash@bash-5.2.21:builtins/set.def:
 * - list_minus_o_opts / print_minus_o_option: `set -o` prints MINUS_O_FORMAT "%-15s\t%s\n" (name, "on"/"off") for each
 *   of o_options[] in order; `set +o` prints "set %co %s\n" ('-' when on, '+' when off) instead;
 * - set_minus_o_option: a name find_minus_o_option does not know is sh_invalidoptname (builtins/common.c:
 *   builtin_error "%s: invalid option name"), status EX_USAGE (2), with no usage line.
 * The bashsem.ts plugin turns such a `set` of bash (at the prompt or in a script) into `__cc_setlist -o|+o` or
 * `__cc_seterr KIND LINE NAME`, so their output is written in its place among the line's.
 * Which options are on: just-bash's $SHELLOPTS for those it keeps (it rebuilds it on every `set`), and bash's own
 * for the rest: an interactive shell has emacs editing (readline), history, history expansion and job control
 * (monitor) on (bash@bash-5.2.21:shell.c init_interactive, bashhist.c bash_history_enable; flags.c
 * jobs_m_flag set by set_job_control); any bash has braceexpand, hashall and interactive-comments on (flags.c
 * brace_expansion, hashing_enabled; shell.c interactive_comments).
 */
import type * as JB from 'just-bash';

/** bash 5.2's o_options[] names, in their order (builtins/set.def). */
const NAMES = [
  'allexport',
  'braceexpand',
  'emacs',
  'errexit',
  'errtrace',
  'functrace',
  'hashall',
  'histexpand',
  'history',
  'ignoreeof',
  'interactive-comments',
  'keyword',
  'monitor',
  'noclobber',
  'noexec',
  'noglob',
  'nolog',
  'notify',
  'nounset',
  'onecmd',
  'physical',
  'pipefail',
  'posix',
  'privileged',
  'verbose',
  'vi',
  'xtrace',
];

/** The options just-bash keeps in $SHELLOPTS (when it has one, the rest of the list is bash's defaults). */
const TRACKED = new Set([
  'allexport',
  'braceexpand',
  'errexit',
  'hashall',
  'interactive-comments',
  'noclobber',
  'noexec',
  'noglob',
  'nounset',
  'pipefail',
  'posix',
  'verbose',
  'xtrace',
]);
const INTERACTIVE_ON = new Set(['emacs', 'histexpand', 'history', 'monitor']);
const ALWAYS_ON = new Set(['braceexpand', 'hashall', 'interactive-comments']);

/** The list `set -o` (`reusable`: `set +o`) prints, from $SHELLOPTS and whether the shell is interactive. */
export function setListText(shellopts: string | undefined, interactive: boolean, reusable: boolean): string {
  const on = new Set((shellopts ?? '').split(':'));
  return NAMES.map((name) => {
    const value = shellopts !== undefined && TRACKED.has(name) ? on.has(name) : ALWAYS_ON.has(name) || (interactive && INTERACTIVE_ON.has(name));
    return reusable ? `set ${value ? '-' : '+'}o ${name}\n` : `${name.padEnd(15)}\t${value ? 'on' : 'off'}\n`;
  }).join('');
}

type Node = { type?: string; [k: string]: unknown };
type Word = { type: 'Word'; parts: { type: string; value?: string }[] };

const plain = (w: unknown): string | undefined => {
  const parts = (w as Word | null)?.parts;
  return parts?.length === 1 && parts[0]?.type === 'Literal' ? parts[0].value : undefined;
};
const word = (value: string): Word => ({ type: 'Word', parts: [{ type: 'Literal', value }] });

/**
 * A `set` simple command of bash (`kind` bash or bashi) as the commands of the file's head run it, or undefined to
 * leave it to just-bash: `set -o` / `set +o` alone, and `set ±o NAME` for a NAME bash does not have.
 */
export function rewriteSet(o: Node, kind: string): Node | undefined {
  if ((kind !== 'bash' && kind !== 'bashi') || plain(o.name) !== 'set') return undefined;
  const args = (o.args as unknown[]).map(plain);
  if (args.some((a) => a === undefined)) return undefined;
  const [flag, name] = args as string[];
  if (flag !== '-o' && flag !== '+o') return undefined;
  if (args.length === 1) return { ...o, name: word('__cc_setlist'), args: [word(kind), word(flag)] };
  if (args.length === 2 && !NAMES.includes(name as string))
    return { ...o, name: word('__cc_seterr'), args: [word(kind), word(String(o.line ?? 1)), word(name as string)] };
  return undefined;
}

/** `__cc_setlist KIND ±o` and `__cc_seterr KIND LINE NAME`; `done` hands a result to the runtime's trace. */
export function setCommands(done: (r: JB.ExecResult) => JB.ExecResult): JB.Command[] {
  const result = (stdout: string, stderr: string, exitCode: number) => done({ stdout, stderr, exitCode, env: {} } as unknown as JB.ExecResult);
  return [
    {
      name: '__cc_setlist',
      execute: async ([kind, flag], ctx) => result(setListText(ctx.env.get('SHELLOPTS'), kind === 'bashi', flag === '+o'), '', 0),
    },
    {
      name: '__cc_seterr',
      execute: async ([kind, line, name], ctx) => {
        // error_prolog: "line N: " after $0 when the shell is not interactive (bash@bash-5.2.21:error.c).
        const head = kind === 'bashi' ? 'bash: ' : `${ctx.env.get('0') || 'bash'}: line ${line}: `;
        return result('', `${head}set: ${name}: invalid option name\n`, 2);
      },
    },
  ];
}
