/**
 * Which of just-bash's own commands the runtime (runtime.ts) wraps, and how, and the sessions of
 * commands run once in a container root.
 */
import type { Flavor } from '../docker/images.ts';
import type { Proc } from '../kernel/types.ts';
import type { Session } from './types.ts';

/** just-bash commands whose output matches the real tools closely enough; wrapped so they run as their own process. */
export const WRAPPED = ['cat', 'grep', 'head', 'readlink', 'wc', 'sort', 'cut', 'tr', 'awk', 'sed', 'rm', 'find', 'uniq', 'xargs', 'tee', 'chmod', 'seq', 'basename', 'dirname', 'which', 'clear', 'expr'];

/**
 * just-bash commands taken over only so that a running line checks its budget and yields to
 * the page between them (Ctrl-C within 100 ms) and, on the terminal, writes in the order run.
 */
export const TICKED = ['echo', 'printf', 'true', 'false', 'test', '[', 'pwd'];

/** Shell built-ins never execve, so the argument-size limit does not apply to them. */
export const SHELL_BUILTINS = new Set(['kill', 'echo', 'printf', 'pwd', 'test', 'true', 'false', 'cd', 'export']);

/** The session of a command run once as process `proc` in a container root (not interactive: ash then says "line N:"). */
export function oneShotSession(proc: Proc, root: string, flavor: Flavor, hostname: string, env: Record<string, string>, cwd: string): Session {
  return { proc, root, flavor, shell: flavor === 'busybox' ? 'sh' : 'bash', hostname, env, cwd, status: 0, onExit: () => '', script: true };
}
