/**
 * renice (util-linux 2.39.3 on node1): `renice [-n|--priority|--relative] N [-p|-g|-u] ID...` sets the nice value
 * of processes, process groups or users' processes and prints what changed (util-linux@v2.39.3:sys-utils/renice.c
 * main, donice). -n is absolute unless POSIXLY_CORRECT is set; --relative adds to the old value.
 */
import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import { niceOf, setNice } from '../../kernel/sched.ts';
import { sessionIds } from '../../fs/procstat.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { accounts } from '../users.ts';

/** util-linux@v2.39.3:sys-utils/renice.c usage, with include/c.h's USAGE_HEADER, USAGE_OPTIONS, USAGE_HELP_OPTIONS(24) and USAGE_MAN_TAIL. */
const HELP = `
Usage:
 renice [-n|--priority|--relative] <priority> [-p|--pid] <pid>...
 renice [-n|--priority|--relative] <priority>  -g|--pgrp <pgid>...
 renice [-n|--priority|--relative] <priority>  -u|--user <user>...

Alter the priority of running processes.

Options:
 -n <num>               specify the nice value
                          If POSIXLY_CORRECT flag is set in environment
                          then the priority is 'relative' to current
                          process priority. Otherwise it is 'absolute'.
 --priority <num>       specify the 'absolute' nice value
 --relative <num>       specify the 'relative' nice value
 -p, --pid              interpret arguments as process ID (default)
 -g, --pgrp             interpret arguments as process group ID
 -u, --user             interpret arguments as username or user ID

 -h, --help             display this help
 -V, --version          display version

For more details see renice(1).
`;

type Which = 'process ID' | 'process group ID' | 'user ID';
const ERRNO = { EPERM: 'Operation not permitted', EACCES: 'Permission denied', ESRCH: 'No such process' } as const;
const tryHelp = (msg: string): ExecResult => ({ stdout: '', stderr: `renice: ${msg}\nTry 'renice --help' for more information.\n`, exitCode: 1 });

/** The processes getpriority/setpriority(which, who) act on, as the caller's PID namespace names them (who 0: the caller's own). */
function targets(env: CmdEnv, which: Which, who: number): Proc[] {
  const k = env.host.kernel;
  const self = env.self;
  const seen = [...k.procs.values()]
    .filter((p) => !p.kthread || which === 'process ID')
    .filter((p) => p.state !== 'Z' && k.pidIn(p, self.ns.pid) !== undefined);
  if (which === 'process ID') return who === 0 ? [self] : seen.filter((p) => k.pidIn(p, self.ns.pid) === who);
  if (which === 'user ID') return seen.filter((p) => p.uid === (who === 0 ? self.uid : who));
  const group = who === 0 ? sessionIds(env.host, self, self).pgid : who;
  return seen.filter((p) => sessionIds(env.host, p, self).pgid === group);
}

export const renice: SimCommand = {
  name: 'renice',
  async run(argv, env): Promise<ExecResult> {
    let args = argv;
    if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) return { stdout: HELP, stderr: '', exitCode: 0 };
    if (args.length === 1 && ['-v', '-V', '--version'].includes(args[0] as string))
      return { stdout: 'renice from util-linux 2.39.3\n', stderr: '', exitCode: 0 };
    let relative = false;
    if (args[0] === '-n') {
      relative = env.env.has('POSIXLY_CORRECT');
      args = args.slice(1);
    } else if (args[0] === '--relative' || args[0] === '--priority') {
      relative = args[0] === '--relative';
      args = args.slice(1);
    }
    if (args.length < 2) return tryHelp('not enough arguments');
    // strtol(…, 10) with nothing left over; an empty string is 0 for strtol.
    const prioText = args[0] as string;
    if (!/^\s*[-+]?\d*$/.test(prioText) || /^\s*[-+]$/.test(prioText)) return tryHelp(`invalid priority '${prioText}'`);
    const prio = Number(prioText.trim() || '0');
    let which: Which = 'process ID';
    let stdout = '';
    let stderr = '';
    let errs = false;
    const users = await accounts(env);
    for (const a of args.slice(1)) {
      if (a === '-g' || a === '--pgrp') which = 'process group ID';
      else if (a === '-u' || a === '--user') which = 'user ID';
      else if (a === '-p' || a === '--pid') which = 'process ID';
      else {
        const named = which === 'user ID' ? users.find((u) => u.name === a)?.uid : undefined;
        const who = named ?? (/^[-+]?\d+$/.test(a) ? Number(a) : Number.NaN);
        if (!(who >= 0)) {
          stderr += which === 'user ID' ? `renice: unknown user ${a}\n` : `renice: bad ${which} value: ${a}\n`;
          errs = true;
          continue;
        }
        // donice: getpriority (the lowest nice of those matched), setpriority, getpriority again.
        const procs = targets(env, which, who);
        if (!procs.length) {
          stderr += `renice: failed to get priority for ${who} (${which}): ${ERRNO.ESRCH}\n`;
          errs = true;
          continue;
        }
        const old = Math.min(...procs.map(niceOf));
        let error: keyof typeof ERRNO | undefined;
        for (const p of procs) error = setNice(env.self, p, relative ? old + prio : prio) ?? error;
        if (error) {
          stderr += `renice: failed to set priority for ${who} (${which}): ${ERRNO[error]}\n`;
          errs = true;
          continue;
        }
        stdout += `${who} (${which}) old priority ${old}, new priority ${Math.min(...procs.map(niceOf))}\n`;
      }
    }
    return { stdout, stderr, exitCode: errs ? 1 : 0 };
  },
};
