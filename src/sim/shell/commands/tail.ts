import type { SimCommand } from '../types.ts';
import { openErrors } from '../openerror.ts';
import { foregroundHog } from './hogs.ts';

/** tail: `tail /dev/zero` is the memory hog of L6; anything else is just-bash's tail (a file it cannot open: openerror.ts). */
export const tail: SimCommand = {
  name: 'tail',
  async run(args, env) {
    if (args.includes('/dev/zero')) return foregroundHog(env, { kind: 'memhog', bytesPerSec: 800 * 1024 * 1024 });
    if (args.length >= 2 && args[0] === '-f' && args[1] === '/dev/null') return foregroundHog(env, { kind: 'idle' });
    if (!env.orig) return { stdout: '', stderr: 'tail: not available\n', exitCode: 1 };
    return openErrors('tail', await env.orig(args), operands(args), env.fs, env.cwd, env.flavor === 'busybox', headed(args));
  },
};

/** tail's file operands: the words that are no option nor an option's value (-n, -c, -s, --pid take one). */
function operands(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return [...out, ...args.slice(i + 1)];
    if (['-n', '-c', '-s', '--pid', '--lines', '--bytes', '--sleep-interval', '--max-unchanged-stats'].includes(a)) i++;
    else if (!a.startsWith('-') || a === '-') out.push(a);
  }
  return out;
}

/** Whether it prints `==> NAME <==` headers: more than one operand and no -q (coreutils print_headers), or -v. */
function headed(args: string[]): boolean {
  if (args.some((a) => a === '-v' || a === '--verbose')) return true;
  return operands(args).length > 1 && !args.some((a) => a === '-q' || a === '--quiet' || a === '--silent');
}
