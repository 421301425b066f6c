/**
 * `w`: procps-ng 4.0.4 (procps-ng@v4.0.4:src/w.c, Debian builds it with the FROM column on):
 * the uptime line, the header, then one line per logind session: user and tty ("%-9.8s" each),
 * the remote host (print_host, 16 wide), the login time (print_logintime), idle, JCPU and
 * PCPU (print_time_ival7; PCPU "   ?   " when the current process used no tick) and the
 * command of the tty's foreground process. alpine's busybox is built without utmp: no `w`.
 */
import type { ExecResult } from '../../api.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { loginSession, uptimeLine } from './uptime.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** print_time_ival7 in the default (not -o) style. */
function ival7(secs: number, centi: number): string {
  if (secs >= 48 * 3600) return ` ${String(Math.floor(secs / 86400)).padStart(2)}days`;
  if (secs >= 3600) return ` ${String(Math.floor(secs / 3600)).padStart(2)}:${two(Math.floor(secs / 60) % 60)}m`;
  if (secs > 60) return ` ${String(Math.floor(secs / 60)).padStart(2)}:${two(secs % 60)} `;
  return ` ${String(secs).padStart(2)}.${two(centi)}s`;
}

const USAGE =
  '\nUsage:\n w [options] [user]\n\nOptions:\n -h, --no-header     do not print header\n -u, --no-current    ignore current process username\n -s, --short         short format\n -f, --from          show remote hostname field\n -o, --old-style     old style output\n -i, --ip-addr       display IP address instead of hostname (if possible)\n -p, --pids          show the PID(s) of processes in WHAT\n\n     --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see w(1).\n';

export const w: SimCommand = {
  name: 'w',
  flavors: ['coreutils'],
  async run(args, env: CmdEnv): Promise<ExecResult> {
    let header = true;
    let longform = true;
    let from = true;
    let pids = false;
    let user: string | undefined;
    const long: Record<string, string> = {
      '--no-header': 'h',
      '--no-current': 'u',
      '--short': 's',
      '--from': 'f',
      '--old-style': 'o',
      '--ip-addr': 'i',
      '--pids': 'p',
      '--version': 'V',
    };
    for (const a of args) {
      if (a === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
      const opts = long[a] ? [long[a] as string] : a.startsWith('--') ? [`?${a}`] : a.startsWith('-') && a.length > 1 ? [...a.slice(1)] : undefined;
      if (!opts) {
        user ??= a;
        continue;
      }
      for (const o of opts) {
        if (o === 'h') header = false;
        else if (o === 's') longform = false;
        else if (o === 'f') from = !from;
        else if (o === 'i') from = true;
        else if (o === 'p') pids = true;
        else if (o === 'u' || o === 'o') continue;
        else if (o === 'V') return { stdout: 'w from procps-ng 4.0.4\n', stderr: '', exitCode: 0 };
        else {
          const msg = o.startsWith('?') ? `w: unrecognized option '${o.slice(1)}'\n` : `w: invalid option -- '${o}'\n`;
          return { stdout: '', stderr: msg + USAGE, exitCode: 1 };
        }
      }
    }
    const s = loginSession(env);
    const userlen = 8;
    const fromlen = 16;
    let maxcmd = Math.min(512, Math.max(7, env.tty ? env.columns : 512));
    maxcmd = Math.min(512, Math.max(7, maxcmd - (21 + userlen + (from ? fromlen : 0) + (longform ? 20 : 0))));
    let out = '';
    if (header) {
      out += `${await uptimeLine(env)}\n`;
      out += `${'USER'.padEnd(userlen)} TTY      ${from ? 'FROM'.padEnd(fromlen - 1) : ''}${longform ? '  LOGIN@   IDLE   JCPU   PCPU WHAT\n' : '   IDLE WHAT\n'}`;
    }
    if (user !== undefined && user !== s.user) return { stdout: out, stderr: '', exitCode: 0 };
    // The tty's processes: the login shell and what runs on it now (this w, the rest of its pipeline).
    const onTty = [...env.host.kernel.procs.values()].filter((p) => p.tty === s.tty && p.state !== 'Z');
    const jcpuUsec = onTty.reduce((t, p) => t + p.cpuUsec, 0);
    const self = env.self;
    const jcpuTicks = Math.floor(jcpuUsec / 10_000);
    const pcpuTicks = Math.floor(self.cpuUsec / 10_000);
    let row = `${s.user.slice(0, 8).padEnd(userlen + 1)}${s.tty.slice(0, 8).padEnd(9)}`;
    if (from) row += s.from.slice(0, fromlen).padEnd(fromlen);
    if (longform) {
      const login = new Date(s.startMs);
      row += ` ${two(login.getUTCHours())}:${two(login.getUTCMinutes())}  `;
      row += ival7(0, 0);
      row += ival7(Math.floor(jcpuTicks / 100), jcpuTicks % 100);
      row += pcpuTicks > 0 ? ival7(Math.floor(pcpuTicks / 100), pcpuTicks % 100) : '   ?   ';
    } else row += ival7(0, 0);
    const what = self.argv.join(' ');
    if (pids) {
      const text = ` ${env.host.loginShell.pid}/${self.pid}`;
      row += text;
      maxcmd = text.length > maxcmd ? 0 : maxcmd - text.length;
    }
    row += ` ${what.slice(0, maxcmd)}\n`;
    return { stdout: out + row, stderr: '', exitCode: 0 };
  },
};
