import type { ExecResult } from '../../api.ts';
import { SIGINT } from '../../kernel/signals.ts';
import { JobTable, polite } from '../jobs.ts';
import type { SimCommand } from '../types.ts';
import { badJob, ended, waitFor } from './jobs.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

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
