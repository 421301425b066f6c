/**
 * pidof (procps-ng 4.0.4 on node1; Debian's procps ships it since sysvinit-utils dropped it): the PIDs of the
 * processes running each program, newest first, on one line (procps-ng@v4.0.4:src/pidof.c main, select_procs).
 * A process matches by argv[0] (its base name or whole, a login shell's '-' dropped), by its executable's name,
 * by its comm when argv[0] holds a space (setproctitle, as sshd's); -x also by a script's argv[1]; kernel threads
 * (no command line) only with -w.
 */
import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import type { SimCommand } from '../types.ts';

const LONGS: LongOpt[] = [
  ['check-root', 'none', 'c'],
  ['single-shot', 'none', 's'],
  ['omit-pid', 'required', 'o'],
  ['separator', 'required', 'S'],
  ['quiet', 'none', 'q'],
  ['with-workers', 'none', 'w'],
  ['lightweight', 'none', 't'],
  ['help', 'none', 'h'],
  ['version', 'none', 'V'],
].map(([name, arg, key]) => ({ name, arg, key }) as LongOpt);

/** usage(), with procps' include/c.h USAGE_HEADER, USAGE_OPTIONS, USAGE_SEPARATOR, USAGE_HELP, USAGE_VERSION, USAGE_MAN_TAIL. */
const USAGE =
  '\nUsage:\n pidof [options] [program [...]]\n\nOptions:\n -s, --single-shot         return one PID only\n -c, --check-root          omit processes with different root\n -q,                       quiet mode, only set the exit code\n -w, --with-workers        show kernel workers too\n -x                        also find shells running the named scripts\n -o, --omit-pid <PID,...>  omit processes with PID\n -t, --lightweight         list threads too\n -S, --separator SEP       use SEP as separator put between PIDs\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see pidof(1).\n';

const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);

export const pidof: SimCommand = {
  name: 'pidof',
  async run(args, env): Promise<ExecResult> {
    const parsed = getopt(args, 'scnqxwtmo:S:d:?Vh', LONGS);
    if (!parsed.ok) return { stdout: '', stderr: `pidof: ${parsed.error}\n${USAGE}`, exitCode: 1 };
    const o = new Map(parsed.opts);
    if (o.has('V')) return { stdout: 'pidof from procps-ng 4.0.4\n', stderr: '', exitCode: 0 };
    if (o.has('h') || o.has('?')) return o.has('h') ? { stdout: USAGE, stderr: '', exitCode: 0 } : { stdout: '', stderr: USAGE, exitCode: 1 };
    const k = env.host.kernel;
    const self = env.self;
    let stderr = '';
    const omitted = new Set<number>();
    for (const [key, v] of parsed.opts)
      if (key === 'o')
        for (const item of (v as string).split(/[,;:]/).filter(Boolean)) {
          const parent = k.procs.get(self.ppid);
          if (item === '%PPID') omitted.add(parent ? (k.pidIn(parent, self.ns.pid) ?? 0) : 0);
          else if (/^\d+$/.test(item)) omitted.add(Number(item));
          else stderr += `pidof: illegal omit pid value (${item})!\n\n`;
        }
    const quiet = o.has('q');
    const single = quiet || o.has('s');
    const sep = parsed.opts.filter(([key]) => key === 'S' || key === 'd').pop()?.[1] ?? ' ';
    const visible = [...k.procs.values()]
      .map((p) => ({ p, pid: k.pidIn(p, self.ns.pid) }))
      .filter((x): x is { p: Proc; pid: number } => x.pid !== undefined && x.p.state !== 'Z')
      .sort((a, b) => a.pid - b.pid);
    const matches = (program: string, p: Proc): boolean => {
      const argv = p.kthread ? [] : p.argv;
      if (!argv.length && !o.has('w')) return false;
      let arg0 = argv[0] ?? '';
      if (arg0.startsWith('-')) arg0 = arg0.slice(1);
      // The executable's name: modelled as the comm (the kernel's copy of the exec'd file's base name).
      if ([base(arg0), arg0].includes(program) || base(program) === arg0 || program === p.comm || (o.has('w') && program === p.comm)) return true;
      const arg1 = argv[1];
      if (o.has('x') && arg1 && base(arg1).startsWith(p.comm) && (program === base(arg1) || base(program) === arg1 || program === arg1)) return true;
      return arg0.includes(' ') && program === p.comm;
    };
    const found: number[] = [];
    for (const program of parsed.operands) {
      if (!program) continue;
      const pids = visible.filter((x) => !omitted.has(x.pid) && matches(program, x.p)).map((x) => x.pid);
      // Printed last-found first; -s stops at one.
      const shown = pids.reverse();
      found.push(...(single ? shown.slice(0, 1) : shown));
    }
    const stdout = found.length && !quiet ? `${found.join(sep)}\n` : '';
    return { stdout, stderr, exitCode: found.length ? 0 : 1 };
  },
};
