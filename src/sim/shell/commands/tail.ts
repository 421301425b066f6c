import type { SimCommand } from '../types.ts';
import { foregroundHog } from './hogs.ts';

/** tail: `tail /dev/zero` is the memory hog of L6; anything else is just-bash's tail. */
export const tail: SimCommand = {
  name: 'tail',
  async run(args, env) {
    if (args.includes('/dev/zero')) return foregroundHog(env, { kind: 'memhog', bytesPerSec: 800 * 1024 * 1024 });
    if (args.length >= 2 && args[0] === '-f' && args[1] === '/dev/null') return foregroundHog(env, { kind: 'idle' });
    return env.orig ? env.orig(args) : { stdout: '', stderr: 'tail: not available\n', exitCode: 1 };
  },
};
