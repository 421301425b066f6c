/**
 * bash's job-control builtins on the host: `jobs`, `wait`, `fg`, `bg` (the runtime renames them
 * to these internal names on host lines: just-bash has its own no-op `wait`, and no command of
 * these names may appear under /bin). The table is the shell's (jobs.ts); background.ts starts jobs.
 */
import type { ExecResult } from '../../api.ts';
import { shellFlags } from '../getopt.ts';
import { type Job, JobTable } from '../jobs.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { REALTIME_SLEEP_MS } from './sleep.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });
export const ended = (j: Job): boolean => !JobTable.running(j);

/**
 * Lets simulated time pass until every job of `jobs` has ended: a sleep's end is fast-forwarded to
 * (as a foreground `sleep` is), anything else is waited for in steps, bounded like a foreground
 * command (Ctrl-C, the line's time limit). 'aborted' when it was stopped first.
 */
export async function waitFor(env: CmdEnv, jobs: Job[]): Promise<'done' | 'aborted'> {
  const host = env.host;
  const ends = jobs.map((j) => (j.proc.program.kind === 'sleep' ? j.proc.program.untilMs : Infinity));
  const last = Math.max(...ends);
  if (Number.isFinite(last)) {
    // The kernel ends a sleep on the first 100 ms tick at or after its time.
    const ms = Math.max(0, Math.ceil((last - host.clock.nowMs) / 100) * 100);
    const fast = host.clock.mode === 'virtual' || ms > REALTIME_SLEEP_MS;
    if (fast) await host.fastForward(ms, env.signal, env.tick);
  }
  const outcome = await host.waitUntil(() => jobs.every(ended), undefined, env.signal);
  return outcome === 'done' ? 'done' : 'aborted';
}

export function badJob(name: string, spec: string, found: Job | 'ambiguous' | undefined): string {
  // bash-5.2:builtins/common.c sh_badjob "%s: no such job"; bash-5.2:builtins/common.c get_job_spec "%s: ambiguous job spec".
  return found === 'ambiguous' ? `bash: ${name}: ${spec}: ambiguous job spec\n` : `bash: ${name}: ${spec}: no such job\n`;
}

/** jobs [-lnprs] [jobspec ...] (bash-5.2:builtins/jobs.def). */
export const jobsBuiltin: SimCommand = {
  name: '__cc_jobs',
  noProcess: true,
  async run(args, env) {
    const table = env.session.jobs;
    let format: 'standard' | 'long' | 'pid' = 'standard';
    let state: 'running' | 'stopped' | undefined;
    let changed = false;
    const g = shellFlags(args, 'lpnrs');
    // bash-5.2:builtins/bashgetopt.c "%s: invalid option", then builtin_usage with jobs.def's $SHORT_DOC.
    if (g.bad !== undefined) return R('', `bash: jobs: -${g.bad}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`, 2);
    for (const ch of g.flags) {
      if (ch === 'l') format = 'long';
      else if (ch === 'p') format = 'pid';
      else if (ch === 'n') changed = true;
      else if (ch === 'r') state = 'running';
      else if (ch === 's') state = 'stopped';
    }
    const specs = g.operands;
    if (!table) return specs.length ? R('', specs.map((s) => badJob('jobs', s, undefined)).join(''), 1) : R('', '', 0);
    const home = env.session.env.HOME;
    let out = '';
    let err = '';
    if (specs.length) {
      for (const s of specs) {
        const j = table.find(s);
        if (!j || j === 'ambiguous') err += badJob('jobs', s, j);
        else out += table.line(j, format, env.cwd, home);
      }
    } else {
      for (const j of [...table.jobs]) {
        if (state === 'running' && !JobTable.running(j)) continue;
        if (state === 'stopped' && j.proc.state !== 'T') continue;
        if (changed && j.notified) continue;
        out += table.line(j, format, env.cwd, home);
      }
    }
    table.cleanup();
    return R(out, err, err ? 1 : 0);
  },
};
