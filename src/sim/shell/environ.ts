/**
 * The environment a process of the shell sees: what `env` and `printenv` print, and the marker
 * `env` leaves when the environment it built has no PWD.
 */
import { BASHPID_VAR } from './forks.ts';
import type { CmdEnv } from './types.ts';

/** Set in the environment `env` gives its command: just-bash adds PWD, which that environment lacks. */
export const NO_PWD = '__CC_ENV_NO_PWD';

/** Variables just-bash keeps in its environment map that a real `env` does not show. */
const INTERNAL = new Set([
  NO_PWD,
  BASHPID_VAR,
  '?',
  'IFS',
  'OPTIND',
  'SHELLOPTS',
  'BASHOPTS',
  'OSTYPE',
  'MACHTYPE',
  'HOSTTYPE',
  'OLDPWD',
  'PPID',
  'UID',
  'EUID',
  'BASHPID',
]);

export function visible(env: CmdEnv): [string, string][] {
  // A container's main command runs without a shell: no PWD; on the host HOSTNAME is a shell variable.
  const direct = env.self.containerId !== undefined && env.self.nspid[env.self.nspid.length - 1] === 1 && env.session.proc === env.self;
  // Exported as the shell passes it (bash's export marks and a NAME=VALUE before the command); the session's marks otherwise.
  const passed = env.exported;
  const exported = env.session.exported;
  const isExported = (k: string) => (passed ? k in passed : !exported || exported.has(k));
  return [...env.env.entries()].filter(
    ([k]) =>
      !INTERNAL.has(k) &&
      (isExported(k) || k === 'PWD') &&
      !((direct || env.env.has(NO_PWD)) && k === 'PWD') &&
      !(env.session.root === 'host' && k === 'HOSTNAME'),
  );
}
