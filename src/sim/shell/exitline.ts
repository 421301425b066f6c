/**
 * `exit` in the middle of a line typed at bash's prompt ends the shell there: `echo a; exit; echo b` prints a, and the
 * shell leaves as a line of `exit` alone does (world.ts: its EXIT trap, then the shell below it, or the login shell
 * kept). bash@bash-5.2:builtins/exit.def exit_builtin → exit_or_logout → jump_to_top_level (EXITPROG), whatever
 * the rest of the line; only a subshell's `exit` (`( exit 3 )`, `$(exit)`, a stage of a pipeline: each a forked child,
 * execute_cmd.c execute_in_subshell) ends that child alone.
 *
 * just-bash 3.4.2 ends the whole exec at `exit` too (its ExitError), but gives back the variables and directory the
 * Bash had before the line (Bash.exec: `env: Xe(this.state.env, …)` in its ExitError catch), so the prompt went to `/`.
 * The plugin puts `__cc_exiting` just before each `exit` the shell itself runs (at the prompt: notfound.ts's `__cc_sh
 * bashi` mark): it keeps the shell's state as the exit begins, which `takeExit` hands to execTopLine.
 */
import type * as JB from 'just-bash';
import { attached } from '../attached.ts';

type Node = { type?: string; [k: string]: unknown };
type Word = { type: 'Word'; parts: { type: string; value?: string }[] };

/** Per Bash: the state `__cc_exiting` saw. */
const exiting = attached<JB.Bash, { cwd: string; env: Record<string, string> }>('exiting');

/** Children bash forks, whose `exit` ends only them. */
const FORKED = new Set(['Subshell', 'CommandSubstitution', 'ProcessSubstitution']);

const isExit = (c: Node) =>
  c.type === 'SimpleCommand' && ((c.name as Word | null)?.parts ?? []).map((p) => (p.type === 'Literal' ? p.value : '\0')).join('') === 'exit';

/** `exit …` as `{ __cc_exiting; exit …; }` wherever the shell itself runs it in `n`. */
function mark(n: unknown): void {
  if (Array.isArray(n)) {
    for (const x of n) mark(x);
    return;
  }
  if (!n || typeof n !== 'object') return;
  const o = n as Node;
  if (FORKED.has(o.type ?? '')) return;
  if (o.type === 'Pipeline') {
    const cmds = o.commands as Node[];
    // Each stage of a pipeline of two or more is a child of its own.
    if (cmds.length > 1) return;
    const [c] = cmds;
    if (c && isExit(c)) {
      const stmt = (cmd: Node): Node => ({
        type: 'Statement',
        pipelines: [{ type: 'Pipeline', commands: [cmd], negated: false, timed: false, timePosix: false }],
        operators: [],
        background: false,
      });
      const marker: Node = {
        type: 'SimpleCommand',
        name: { type: 'Word', parts: [{ type: 'Literal', value: '__cc_exiting' }] },
        args: [],
        assignments: [],
        redirections: [],
      };
      cmds[0] = { type: 'Group', body: [stmt(marker), stmt(c)], redirections: [] };
      return;
    }
  }
  for (const v of Object.values(o)) if (v && typeof v === 'object') mark(v);
}

/** Marks the exits of a line typed at bash's prompt (its first command is the `__cc_sh bashi` mark); other scripts as they are. */
export function markExits(ast: unknown): void {
  const first = (ast as { statements?: { pipelines: { commands: Node[] }[] }[] }).statements?.[0]?.pipelines[0]?.commands[0];
  const words = ((first?.args ?? []) as Word[]).map((w) => w.parts[0]?.value);
  if ((first?.name as Word | undefined)?.parts[0]?.value !== '__cc_sh' || words[0] !== 'bashi') return;
  mark((ast as { statements: unknown[] }).statements.slice(1));
}

/** `__cc_exiting`: keeps the shell's state as its `exit` begins; its status stays the one `exit` reads. */
export function exitingCommand(bash: JB.Bash): JB.Command {
  return {
    name: '__cc_exiting',
    execute: async (_args, ctx) => {
      const env: Record<string, string> = {};
      ctx.env.forEach((v, k) => {
        env[k] = v;
      });
      exiting.set(bash, { cwd: ctx.cwd, env });
      return { stdout: '', stderr: '', exitCode: Number(ctx.env.get('?') ?? 0) };
    },
  };
}

/** The state the line's `exit` began with, once: the line ended the shell. */
export function takeExit(bash: JB.Bash): { cwd: string; env: Record<string, string> } | undefined {
  const s = exiting.get(bash);
  exiting.delete(bash);
  return s;
}
