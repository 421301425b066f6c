import type { ExecResult } from '../../api.ts';
import { type Job, JobTable } from '../jobs.ts';
import type { SimCommand } from '../types.ts';
import { badJob, waitFor } from './jobs.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

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
