import type { ExecResult } from '../../api.ts';
import type { Proc, Program } from '../../kernel/types.ts';

/** Read through a function so TypeScript does not narrow the state we just set. */
const ended = (p: Proc): boolean => p.state === 'Z';
import type { CmdEnv } from '../types.ts';

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

/** `while :; do :; done` typed at a prompt: the shell itself spins on one CPU. */
export const BUSY_LOOP = /^\s*while\s+(:|true);\s*do\s+(:|true);?\s*done\s*$/;
