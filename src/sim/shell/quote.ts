import type { CmdEnv } from './types.ts';

/**
 * How coreutils quotes a file name in messages: ‘x’ in a UTF-8 locale (the host sets
 * LANG=C.UTF-8), 'x' in the POSIX locale containers start with.
 */
export function q(env: Pick<CmdEnv, 'session'>, text: string): string {
  return env.session.root === 'host' ? `‘${text}’` : `'${text}'`;
}
