/**
 * stress 1.0.4 of progrium/stress, run in a container's shell: help, version, usage and a bad option as
 * runtime/stress-args.ts reads them; with hogs it runs in the foreground until a signal ends it (as PID 1 the
 * container's stress is runtime/programs.ts').
 */
import { stressExit } from '../../runtime/stress-args.ts';
import type { SimCommand } from '../types.ts';
import { foregroundHog } from './hogs.ts';

export const stress: SimCommand = {
  name: 'stress',
  async run(args, env) {
    const pid = env.self.nspid[env.self.nspid.length - 1] ?? env.self.pid;
    const done = stressExit('stress', args, pid);
    if (done) return done;
    return foregroundHog(env, { kind: 'cpuhog' });
  },
};
