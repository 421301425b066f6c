import type { ExecResult } from '../../api.ts';
import type { Proc, Program } from '../../kernel/types.ts';

/** Read through a function so TypeScript does not narrow the state we just set. */
const ended = (p: Proc): boolean => p.state === 'Z';
import type { CmdEnv, SimCommand } from '../types.ts';

/**
 * Runs the current command as a hog in the foreground until something kills it (OOM: the
 * shell prints `Killed`, status 137) or Ctrl-C (130; in virtual mode after VIRTUAL_BOUND_MS).
 */
export async function foregroundHog(env: CmdEnv, program: Program): Promise<ExecResult> {
  const p = env.self;
  p.program = program;
  p.state = 'R';
  const outcome = await env.host.waitUntil(() => ended(p) || !env.host.kernel.procs.has(p.pid), undefined, env.signal);
  if (ended(p) || p.killedBy) {
    const killed = p.killedBy === 9 ? 'Killed\n' : '';
    return { stdout: '', stderr: killed, exitCode: p.exitStatus ?? 137 };
  }
  p.program = { kind: 'idle' };
  p.rssBytes = 0;
  return { stdout: '', stderr: '', exitCode: outcome === 'aborted' ? 130 : 0 };
}

/** tail: `tail /dev/zero` is the memory hog of L6; anything else is just-bash's tail. */
export const tail: SimCommand = {
  name: 'tail',
  async run(args, env) {
    if (args.includes('/dev/zero')) return foregroundHog(env, { kind: 'memhog', bytesPerSec: 800 * 1024 * 1024 });
    if (args.length >= 2 && args[0] === '-f' && args[1] === '/dev/null') return foregroundHog(env, { kind: 'idle' });
    return env.orig ? env.orig(args) : { stdout: '', stderr: 'tail: not available\n', exitCode: 1 };
  },
};

/** `while :; do :; done` typed at a prompt: the shell itself spins on one CPU. */
export const BUSY_LOOP = /^\s*while\s+(:|true);\s*do\s+(:|true);?\s*done\s*$/;
