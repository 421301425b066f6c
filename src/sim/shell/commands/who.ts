/**
 * `who`: coreutils 9.4 (coreutils@v9.4:src/who.c print_line; idle_string "  .  " under a minute: "%-8.*s%s %-12.*s %-*s%s%s %-8s%s"
 * with trailing spaces removed, times as "%Y-%m-%d %H:%M"). node1 has one login: the
 * learner's ssh session, root on pts/0 (what `ps` shows: sshd: root@pts/0 and its -bash).
 * alpine's busybox is built without utmp, so it has no `who`.
 */
import type { ExecResult } from '../../api.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { loginSession } from './uptime.ts';

const two = (n: number) => String(n).padStart(2, '0');

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** print_line: the idle and PID columns only with -u (" %-6s", " %10s"), trailing spaces removed. */
function line(user: string, tty: string, time: string, comment: string, idle?: { idle: string; pid: string }): string {
  const extra = idle ? ` ${idle.idle.padEnd(6)} ${idle.pid.padStart(10)}` : '';
  return `${user.padEnd(8)} ${tty.padEnd(12)} ${time.padEnd(16)}${extra} ${comment.padEnd(8)}`.replace(/ +$/, '');
}

const USAGE_TRY = "Try 'who --help' for more information.\n";

export const who: SimCommand = {
  name: 'who',
  flavors: ['coreutils'],
  async run(args, env: CmdEnv): Promise<ExecResult> {
    const f = new Set<string>();
    const operands: string[] = [];
    const long: Record<string, string> = {
      '--boot': 'b',
      '--heading': 'H',
      '--count': 'q',
      '--all': 'a',
      '--login': 'l',
      '--runlevel': 'r',
      '--short': 's',
      '--users': 'u',
      '--mesg': 'T',
      '--process': 'p',
      '--dead': 'd',
      '--time': 't',
    };
    for (const a of args) {
      if (long[a]) f.add(long[a] as string);
      else if (a.startsWith('--')) return { stdout: '', stderr: `who: unrecognized option '${a}'\n${USAGE_TRY}`, exitCode: 1 };
      else if (a.startsWith('-') && a.length > 1) {
        for (const c of a.slice(1)) {
          if (!'abdHlmpqrstuTw'.includes(c)) return { stdout: '', stderr: `who: invalid option -- '${c}'\n${USAGE_TRY}`, exitCode: 1 };
          f.add(c);
        }
      } else operands.push(a);
    }
    // `who am i` (two operands) is -m; more is an error.
    if (operands.length > 2) return { stdout: '', stderr: `who: extra operand '${operands[2]}'\n${USAGE_TRY}`, exitCode: 1 };
    if (operands.length === 2) f.add('m');
    const s = loginSession(env);
    const out: string[] = [];
    if (f.has('H') && !f.has('q')) out.push(line('NAME', 'LINE', 'TIME', 'COMMENT', f.has('u') ? { idle: 'IDLE', pid: 'PID' } : undefined));
    if (f.has('q')) return { stdout: `${s.user}\n# users=1\n`, stderr: '', exitCode: 0 };
    if (f.has('b')) out.push(line('', 'system boot', stamp(env.host.kernel.bootMs), ''));
    if (f.has('r')) out.push(line('', 'run-level 5', stamp(env.host.kernel.bootMs), ''));
    const onlyOther = ['b', 'r', 'd', 'l', 'p', 't'].some((x) => f.has(x));
    const ttyOfCaller = env.session.proc.tty;
    if (!onlyOther || f.has('a')) {
      if (!f.has('m') || ttyOfCaller === s.tty)
        out.push(line(s.user, s.tty, stamp(s.startMs), `(${s.from})`, f.has('u') ? { idle: '  .  ', pid: String(env.host.loginShell.pid) } : undefined));
    }
    return {
      stdout: out
        .filter((l) => l !== '')
        .map((l) => `${l}\n`)
        .join(''),
      stderr: '',
      exitCode: 0,
    };
  },
};
