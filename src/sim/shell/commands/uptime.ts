/**
 * `uptime`: procps-ng 4.0.4 on the host (procps-ng@v4.0.4:src/uptime.c, library/uptime.c
 * procps_uptime_sprint and procps_uptime_sprint_short), busybox 1.36.1 in alpine
 * (busybox@1_36_1:procps/uptime.c, built without utmp, so no user count). node1's clock is
 * UTC; the load averages are those of /proc/loadavg; the user count is systemd-logind's
 * sessions (sd_get_sessions): the learner's ssh session.
 */
import type { ExecResult } from '../../api.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { usageOf } from './usage.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** The learner's login session (systemd-logind's session-1: root on pts/0 over ssh from the gateway). */
export function loginSession(env: CmdEnv): { user: string; tty: string; from: string; startMs: number } {
  const shell = env.host.loginShell;
  return { user: 'root', tty: shell.tty, from: env.host.fixture.network.eth0.gateway, startMs: shell.startMs };
}

/** The three load averages /proc/loadavg gives. */
async function loads(env: CmdEnv): Promise<number[]> {
  const text = await env.readFile('/proc/loadavg').catch(() => '0.00 0.00 0.00');
  return text.split(' ').slice(0, 3).map(Number);
}

/** procps_uptime_sprint: ` 11:45:01 up  3:32,  1 user,  load average: 0.08, 0.03, 0.01`. */
export async function uptimeLine(env: CmdEnv): Promise<string> {
  const now = new Date(env.host.clock.nowMs);
  const secs = Math.floor((env.host.clock.nowMs - env.host.kernel.bootMs) / 1000);
  const days = Math.floor(secs / 86400);
  const hours = Math.floor(secs / 3600) % 24;
  const minutes = Math.floor(secs / 60) % 60;
  let s = ` ${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())} up `;
  if (days) s += `${days} ${days > 1 ? 'days' : 'day'}, `;
  s += hours ? `${String(hours).padStart(2)}:${two(minutes)}, ` : `${minutes} min, `;
  const users = 1;
  const [a = 0, b = 0, c = 0] = await loads(env);
  return `${s}${String(users).padStart(2)} ${users > 1 ? 'users' : 'user'},  load average: ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)}`;
}

/** procps_uptime_sprint_short: `up 3 hours, 32 minutes`. */
function pretty(secs0: number): string {
  let secs = secs0;
  const parts: string[] = [];
  const unit = (size: number, one: string, many: string) => {
    if (secs > size) {
      const n = Math.floor(secs / size);
      secs -= n * size;
      parts.push(`${n} ${n > 1 ? many : one}`);
    }
  };
  unit(60 * 60 * 24 * 365 * 10, 'decade', 'decades');
  unit(60 * 60 * 24 * 365, 'year', 'years');
  unit(60 * 60 * 24 * 7, 'week', 'weeks');
  unit(60 * 60 * 24, 'day', 'days');
  unit(60 * 60, 'hour', 'hours');
  let minutes = 0;
  if (secs > 60) {
    minutes = Math.floor(secs / 60);
    secs -= minutes * 60;
  }
  if (minutes || secs < 60) parts.push(`${minutes} ${minutes !== 1 ? 'minutes' : 'minute'}`);
  return `up ${parts.join(', ')}`;
}

/** procps-ng@v4.0.4:src/uptime.c usage (USAGE_HELP comes before -s there). */
const USAGE =
  '\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n';

async function procps(args: string[], env: CmdEnv): Promise<ExecResult> {
  let p = false;
  for (const a of args) {
    const opts =
      a === '--pretty'
        ? ['p']
        : a === '--since'
          ? ['s']
          : a === '--help'
            ? ['h']
            : a === '--version'
              ? ['V']
              : a.startsWith('--')
                ? ['?' + a]
                : a.startsWith('-') && a.length > 1
                  ? [...a.slice(1)]
                  : ['!'];
    for (const o of opts) {
      if (o === 'p') p = true;
      else if (o === 'h') return { stdout: USAGE, stderr: '', exitCode: 0 };
      else if (o === 'V') return { stdout: 'uptime from procps-ng 4.0.4\n', stderr: '', exitCode: 0 };
      else if (o === 's') {
        const boot = new Date(env.host.kernel.bootMs);
        return {
          stdout: `${boot.getUTCFullYear()}-${two(boot.getUTCMonth() + 1)}-${two(boot.getUTCDate())} ${two(boot.getUTCHours())}:${two(boot.getUTCMinutes())}:${two(boot.getUTCSeconds())}\n`,
          stderr: '',
          exitCode: 0,
        };
      } else if (o === '!') return { stdout: '', stderr: USAGE, exitCode: 1 };
      else {
        const msg = o.startsWith('?') ? `uptime: unrecognized option '${o.slice(1)}'\n` : `uptime: invalid option -- '${o}'\n`;
        return { stdout: '', stderr: msg + USAGE, exitCode: 1 };
      }
    }
  }
  if (p) return { stdout: `${pretty(Math.floor((env.host.clock.nowMs - env.host.kernel.bootMs) / 1000))}\n`, stderr: '', exitCode: 0 };
  return { stdout: `${await uptimeLine(env)}\n`, stderr: '', exitCode: 0 };
}

async function busybox(args: string[], env: CmdEnv): Promise<ExecResult> {
  const bad = args.flatMap((a) => (a.startsWith('-') && a.length > 1 ? [...a.slice(1)] : [])).find((c) => c !== 's');
  if (bad) return { stdout: '', stderr: `uptime: unrecognized option: ${bad}\n${usageOf('uptime', 'busybox')?.text ?? ''}`, exitCode: 1 };
  if (args.some((a) => a.startsWith('-s'))) {
    const boot = new Date(env.host.kernel.bootMs);
    return {
      stdout: `${boot.getUTCFullYear()}-${two(boot.getUTCMonth() + 1)}-${two(boot.getUTCDate())} ${two(boot.getUTCHours())}:${two(boot.getUTCMinutes())}:${two(boot.getUTCSeconds())}\n`,
      stderr: '',
      exitCode: 0,
    };
  }
  const now = new Date(env.host.clock.nowMs);
  const secs = Math.floor((env.host.clock.nowMs - env.host.kernel.bootMs) / 1000);
  const days = Math.floor(secs / 86400);
  const allMinutes = Math.floor(secs / 60);
  const hours = Math.floor(allMinutes / 60) % 24;
  const minutes = allMinutes % 60;
  let s = ` ${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())} up `;
  if (days) s += `${days} day${days !== 1 ? 's' : ''}, `;
  s += hours ? `${String(hours).padStart(2)}:${two(minutes)}` : `${minutes} min`;
  const [a = 0, b = 0, c = 0] = await loads(env);
  return { stdout: `${s},  load average: ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)}\n`, stderr: '', exitCode: 0 };
}

export const uptime: SimCommand = {
  name: 'uptime',
  async run(args, env) {
    return env.flavor === 'busybox' ? busybox(args, env) : procps(args, env);
  },
};
