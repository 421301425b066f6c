/**
 * bash's job-control builtins on the host: `jobs`, `wait`, `fg`, `bg` (the runtime renames them
 * to these internal names on host lines: just-bash has its own no-op `wait`, and no command of
 * these names may appear under /bin). The table is the shell's (jobs.ts); background.ts starts jobs.
 */
import type { ExecResult } from '../../api.ts';
import { SIGINT } from '../../kernel/signals.ts';
import { type Job, JobTable, polite } from '../jobs.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { REALTIME_SLEEP_MS } from './sleep.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });
const ended = (j: Job): boolean => !JobTable.running(j);

/**
 * Lets simulated time pass until every job of `jobs` has ended: a sleep's end is fast-forwarded to
 * (as a foreground `sleep` is), anything else is waited for in steps, bounded like a foreground
 * command (Ctrl-C, the line's time limit). 'aborted' when it was stopped first.
 */
async function waitFor(env: CmdEnv, jobs: Job[]): Promise<'done' | 'aborted'> {
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

function badJob(name: string, spec: string, found: Job | 'ambiguous' | undefined): string {
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
    const specs: string[] = [];
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      for (const ch of a.slice(1)) {
        if (ch === 'l') format = 'long';
        else if (ch === 'p') format = 'pid';
        else if (ch === 'n') changed = true;
        else if (ch === 'r') state = 'running';
        else if (ch === 's') state = 'stopped';
        // bash-5.2:builtins/bashgetopt.c "%s: invalid option", then builtin_usage with jobs.def's $SHORT_DOC.
        else return R('', `bash: jobs: -${ch}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`, 2);
      }
    }
    specs.push(...args.slice(i));
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

/** wait [id ...]: `%N` a job, a number a PID (bash-5.2:builtins/wait.def, jobs.c wait_for_single_pid / wait_for_background_pids). */
export const waitBuiltin: SimCommand = {
  name: '__cc_wait',
  noProcess: true,
  async run(args, env) {
    const table = env.session.jobs;
    const home = env.session.env.HOME;
    const ids = args[0] === '--' ? args.slice(1) : args;
    if (!ids.length) {
      if (!table) return R('', '', 0);
      let err = '';
      // Each job that ends is reported as it ends (wait_for calls notify_and_cleanup).
      for (let j = table.jobs.find(JobTable.running); j; j = table.jobs.find(JobTable.running)) {
        if ((await waitFor(env, [j])) === 'aborted') return R('', err, 130);
        err += table.notices(env.cwd, home, true);
      }
      // POSIX lets `wait` with no operands forget every finished job (mark_dead_jobs_as_notified).
      for (const j of table.jobs) j.notified = true;
      table.cleanup();
      return R('', err, 0);
    }
    let status = 0;
    let err = '';
    for (const w of ids) {
      let job: Job | undefined;
      if (/^\d+$/.test(w)) {
        job = table?.byPid(Number(w));
        if (!job) {
          const known = table?.bgStatuses.get(Number(w));
          if (known !== undefined) {
            status = known;
            continue;
          }
          // bash-5.2:jobs.c wait_for_single_pid: "wait: pid %ld is not a child of this shell".
          err += `bash: wait: pid ${w} is not a child of this shell\n`;
          status = 127;
          continue;
        }
      } else if (w.startsWith('%')) {
        const found = table?.find(w);
        if (!found || found === 'ambiguous') {
          err += badJob('wait', w, found);
          status = 127;
          continue;
        }
        job = found;
      } else {
        // bash-5.2:builtins/common.c sh_badpid: "`%s': not a pid or valid job spec".
        err += `bash: wait: \`${w}': not a pid or valid job spec\n`;
        status = 1;
        continue;
      }
      if ((await waitFor(env, [job])) === 'aborted') return R('', err, 130);
      err += table!.notices(env.cwd, home, true);
      job.notified = true;
      status = job.proc.exitStatus ?? 0;
      table!.cleanup();
    }
    return R('', err, status);
  },
};

/** fg [job_spec]: prints the job's command, then waits for it in the foreground (bash-5.2:builtins/fg_bg.def, jobs.c start_job). */
export const fgBuiltin: SimCommand = {
  name: '__cc_fg',
  noProcess: true,
  async run(args, env) {
    const spec = args[0] === '--' ? args[1] : args[0];
    const table = env.session.jobs;
    const job = table?.find(spec);
    if (!table || !job || job === 'ambiguous') return R('', badJob('fg', spec ?? 'current', job), 1);
    // bash-5.2:jobs.c start_job: "%s: job has terminated".
    if (ended(job)) return R('', 'bash: fg: job has terminated\n', 1);
    table.setCurrent(job);
    job.foreground = true;
    job.notified = false;
    let head = job.text;
    if (job.wd !== env.cwd) head += `\t(wd: ${polite(job.wd, env.session.env.HOME)})`;
    head += '\n';
    let stdout = head;
    if (env.stream) {
      env.stream({ stream: 'stdout', text: head });
      stdout = '';
    }
    if ((await waitFor(env, [job])) === 'aborted' && JobTable.running(job)) {
      // Ctrl-C reaches the foreground job: SIGINT ends it, and bash says nothing about it.
      env.host.kernel.signal(job.proc, SIGINT, false);
      if (JobTable.running(job)) return R(stdout, '', 130);
    }
    const stderr = table.notices(env.cwd, env.session.env.HOME, true);
    job.notified = true;
    table.cleanup();
    return R(stdout, stderr, job.proc.exitStatus ?? 0);
  },
};

/** bg [job_spec]: every job here already runs in the background (bash-5.2:jobs.c start_job: "%s: job %d already in background"). */
export const bgBuiltin: SimCommand = {
  name: '__cc_bg',
  noProcess: true,
  async run(args, env) {
    const spec = args[0] === '--' ? args[1] : args[0];
    const job = env.session.jobs?.find(spec);
    if (!job || job === 'ambiguous') return R('', badJob('bg', spec ?? 'current', job), 1);
    if (ended(job)) return R('', 'bash: bg: job has terminated\n', 1);
    return R('', `bash: bg: job ${job.id} already in background\n`, 0);
  },
};
