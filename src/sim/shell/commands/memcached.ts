/**
 * memcached 1.6.29 of the memcached:1.6 image (/usr/local/bin/memcached; ENV MEMCACHED_VERSION=1.6.29). Its options as
 * memcached@1.6.29:memcached.c main reads them: `-V`/`--version` print `PACKAGE " " VERSION` and exit 0; run as root
 * without `-u`, it refuses with "can't run as root without the -u switch" and EX_USAGE (64). Started otherwise it
 * serves in the foreground until a signal ends it; the port it would bind is not checked here.
 */
import type { SimCommand } from '../types.ts';
import { foregroundHog } from './hogs.ts';

export const memcached: SimCommand = {
  name: 'memcached',
  async run(args, env) {
    const opts = args.filter((a) => a.startsWith('-'));
    if (opts.some((a) => a === '--version' || /^-[^-]*V/.test(a))) return { stdout: 'memcached 1.6.29\n', stderr: '', exitCode: 0 };
    // usage() and usage_license() are long texts behind #ifdefs of the build: not written out here.
    if (opts.some((a) => a === '--help' || a === '--license' || /^-[^-]*[hi]/.test(a)))
      return { stdout: '', stderr: 'memcached: the -h and -i texts are not simulated (memcached -V works)\n', exitCode: 1 };
    const user = opts.some((a) => a === '-u' || a.startsWith('--user') || /^-[^-]*u/.test(a));
    if (env.self.euid === 0 && !user) return { stdout: '', stderr: "can't run as root without the -u switch\n", exitCode: 64 };
    return foregroundHog(env, { kind: 'idle' });
  },
};
