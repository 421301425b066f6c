/**
 * The environment a process of the shell sees: what `env` and `printenv` print, and the marker
 * `env` leaves when the environment it built has no PWD.
 */
import { BASHPID_VAR } from './forks.ts';
import type { CmdEnv } from './types.ts';

/** Set in the environment `env` gives its command: just-bash adds PWD, which that environment lacks. */
export const NO_PWD = '__CC_ENV_NO_PWD';

/**
 * A new shell's export marks: the names of the environment it started with, and OLDPWD, which its first `cd` sets and
 * exports (bash@bash-5.2.21:variables.c initialize_shell_variables gives its invisible OLDPWD att_exported, so
 * `declare -p OLDPWD` says `declare -x OLDPWD`; dash@v0.5.12:src/cd.c and busybox@1_36_1:shell/ash.c setpwd set it
 * with VEXPORT).
 */
export function startMarks(names: Iterable<string>): Set<string> {
  return new Set([...names, 'OLDPWD']);
}

/** The shells a container's process may be: they set PWD as they start. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'busybox']);

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
  'PPID',
  'UID',
  'EUID',
  'BASHPID',
]);

export function visible(env: CmdEnv): [string, string][] {
  // A container's main command, or a `docker exec` one, started by runc without a shell: no PWD (runc@v1.1.14 hands the
  // process the spec's env, which has none). A shell does set it (dash@v0.5.12:src/cd.c setpwd, busybox@1_36_1:shell/ash.c
  // setpwd, with VEXPORT), so `sh -c env` as a container's process shows it. On the host HOSTNAME is a shell variable.
  const argv0 = env.self.argv[0] ?? '';
  const direct = env.self.containerId !== undefined && env.session.proc === env.self && !SHELLS.has(argv0.slice(argv0.lastIndexOf('/') + 1));
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
