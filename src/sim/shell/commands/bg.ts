import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { badJob, ended } from './jobs.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

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
