import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { isSessionLeader } from '../../fs/procstat.ts';
import { cpuC, cpuSeconds, cputime, dhms, elapsed, etime, pcpu } from '../pstime.ts';

/** A process's user as ps names it: from the /etc/passwd of the filesystem ps runs in, not the process's own. */
export function user(env: CmdEnv, p: Proc): string {
  const root = env.session.root;
  const passwd =
    root === 'host' ? env.host.fixture.users.map((u) => `${u.name}:x:${u.uid}:`).join('\n') : (env.host.runc.roots.get(root)?.files['/etc/passwd'] ?? '');
  return env.host.userName(p.uid, passwd);
}

const hm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
/**
 * A user name wider than its 8-cell column: 7 characters and '+' (procps-ng@v4.0.4:src/ps/output.c do_pr_name),
 * as in `systemd+`; a last column is not cut.
 */
export const userCell = (name: string): string => (name.length > 8 ? `${name.slice(0, 7)}+` : name);
function stat(env: CmdEnv, p: Proc): string {
  let s = p.kthread ? (p.comm.startsWith('kworker') ? 'I' : 'S') : p.state;
  if (isSessionLeader(env.host, p)) s += 's';
  if (p.threads > 1) s += 'l';
  if (p.transient && p.tty !== '?') s += '+';
  return s;
}

function cmdline(p: Proc): string {
  return p.kthread ? (p.argv[0] ?? '') : p.state === 'Z' ? `[${p.comm}] <defunct>` : p.argv.join(' ');
}

export const ps: SimCommand = {
  name: 'ps',
  async run(args, env): Promise<ExecResult> {
    const k = env.host.kernel;
    const viewer = env.self;
    const grepAlias = env.session.root === 'host';
    const peers = env.pipeline.map((argv) =>
      k.spawn({
        parent: env.session.proc,
        argv: grepAlias && argv[0] === 'grep' ? ['grep', '--color=auto', ...argv.slice(1)] : argv,
        transient: true,
        patch: {
          state: 'S',
          tty: env.session.proc.tty,
          rssBytes: 2_359_296,
          vszKb: 6_480,
          reaps: false,
          handlers: new Set(),
          threads: 1,
          program: { kind: 'idle' },
        },
      }),
    );
    try {
      return listProcesses(args, env, viewer);
    } finally {
      for (const p of peers.reverse()) k.unspawn(p);
    }
  },
};

function listProcesses(args: string[], env: CmdEnv, viewer: Proc): ExecResult {
  const k = env.host.kernel;
  const visible = [...k.procs.values()]
    .map((p) => ({ p, pid: k.pidIn(p, viewer.ns.pid) }))
    .filter((x): x is { p: Proc; pid: number } => x.pid !== undefined)
    .sort((a, b) => a.pid - b.pid);
  const ppidOf = (p: Proc) => {
    const parent = k.procs.get(p.ppid);
    return parent ? (k.pidIn(parent, viewer.ns.pid) ?? 0) : 0;
  };
  if (env.flavor === 'busybox') {
    if (args.some((a) => a === '--help'))
      return {
        stdout: '',
        stderr:
          'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n',
        exitCode: 0,
      };
    const oi = args.indexOf('-o');
    if (oi >= 0) {
      const cols = (args[oi + 1] ?? '').split(',');
      const def: Record<string, [string, number, (x: { p: Proc; pid: number }) => string]> = {
        pid: ['PID', 5, (x) => String(x.pid)],
        ppid: ['PPID', 5, (x) => String(ppidOf(x.p))],
        user: ['USER', -8, (x) => user(env, x.p)],
        comm: ['COMMAND', 0, (x) => x.p.comm],
        args: ['COMMAND', 0, (x) => cmdline(x.p)],
        stat: ['STAT', -4, (x) => x.p.state],
        time: ['TIME', 5, (x) => cputime(x.p)],
        rss: ['RSS', 4, (x) => `${Math.round(x.p.rssBytes / 1024)}`],
        vsz: ['VSZ', 4, (x) => String(x.p.vszKb)],
      };
      const bad = cols.find((c) => !def[c]);
      if (bad)
        return {
          stdout: '',
          stderr: `ps: bad -o argument '${bad}', supported arguments: user,group,comm,args,pid,ppid,pgid,tty,vsz,sid,stat,rss\n`,
          exitCode: 1,
        };
      const line = (vals: string[]) =>
        vals
          .map((v, i) => {
            const w = def[cols[i]!]![1];
            return i === vals.length - 1 || w === 0 ? v : w > 0 ? v.padStart(w) : v.padEnd(-w);
          })
          .join(' ');
      return {
        stdout: [line(cols.map((c) => def[c]![0])), ...visible.map((x) => line(cols.map((c) => def[c]![2](x))))].map((l) => `${l}\n`).join(''),
        stderr: '',
        exitCode: 0,
      };
    }
    const rows = visible.map(({ p, pid }) => `${String(pid).padStart(5)} ${user(env, p).padEnd(8).slice(0, 8)} ${cputime(p).padStart(5)} ${cmdline(p)}`);
    return { stdout: `PID   USER     TIME  COMMAND\n${rows.map((r) => `${r}\n`).join('')}`, stderr: '', exitCode: 0 };
  }
  const w = env.session.root === 'host' ? 7 : 5;
  const joined = args.join(' ');
  let cols: string[] | undefined;
  let only: number[] | undefined;
  // -C cmdlist: select by command name, the comm (procps-ng@v4.0.4:src/ps/select.c, parser.c parse_sysv_option 'C').
  let byName: string[] | undefined;
  let all = false;
  let full = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-o' || a === '-eo') {
      cols = (args[++i] ?? '').split(',');
      if (a === '-eo') all = true;
    } else if (a === '-p' || a === '-q' || a === '--pid' || a === '--quick-pid') only = (args[++i] ?? '').split(',').map(Number);
    // -q pidlist: by PID in quick mode (procps-ng@v4.0.4:src/ps/parser.c parse_sysv_option 'q'); the list may follow at once.
    else if (/^-[pq]\d/.test(a)) only = a.slice(2).split(',').map(Number);
    else if (a === '-C') byName = (args[++i] ?? '').split(',');
    else if (/^-?[aux]+$/.test(a)) all = true;
    // Unix options grouped or apart: -e/-A every process, -f the full format (procps-ng@v4.0.4:src/ps/parser.c parse_sysv_option).
    else if (/^-[eAf]+[pqC]$/.test(a)) {
      // -fp 1: the grouped options, then the list the last one takes.
      const list = (args[++i] ?? '').split(',');
      if (a.endsWith('C')) byName = list;
      else only = list.map(Number);
      if (/[eA]/.test(a)) all = true;
      if (a.includes('f')) full = true;
    } else if (/^-[eAf]+$/.test(a)) {
      if (/[eA]/.test(a)) all = true;
      if (a.includes('f')) full = true;
    } else if (a === '--help')
      return {
        stdout:
          "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n",
        stderr: '',
        exitCode: 0,
      };
    else
      return {
        stdout: '',
        stderr: `error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`,
        exitCode: 1,
      };
  }
  let list = visible;
  if (only) list = list.filter((x) => only!.includes(x.pid));
  else if (byName) list = list.filter((x) => byName!.includes(x.p.comm));
  else if (!all) list = list.filter((x) => x.p.tty !== '?' && x.p.tty === env.session.proc.tty);
  // Nothing selected: the header alone (none with `-o pid=`), status 1 (procps-ng@v4.0.4:src/ps/output.c show_one_proc((proc_t *)-1): the header if due, then exit(1)).
  const missed = (only || byName) && !list.length ? 1 : 0;
  if (missed && !cols) return { stdout: `${'PID'.padStart(w)} TTY          TIME CMD\n`, stderr: '', exitCode: 1 };
  const totalKb = env.host.fixture.memTotalBytes / 1024;
  if (/(^|\s)-?aux\b/.test(joined)) {
    const head = `${'USER'.padEnd(8)} ${'PID'.padStart(w)} %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND`;
    const rows = list.map(({ p, pid }) => {
      const rss = Math.round(p.rssBytes / 1024);
      return `${userCell(user(env, p)).padEnd(8)} ${String(pid).padStart(w)} ${pcpu(env, p).padStart(4)} ${((rss / totalKb) * 100).toFixed(1).padStart(4)} ${String(p.kthread ? 0 : p.vszKb).padStart(6)} ${String(rss).padStart(5)} ${p.tty.padEnd(8)} ${stat(env, p).padEnd(4)} ${hm(p.startMs)} ${cputime(p).padStart(6)} ${cmdline(p)}`;
    });
    return { stdout: `${head}\n${rows.map((r) => `${r}\n`).join('')}`, stderr: '', exitCode: 0 };
  }
  if (cols) {
    const def: Record<string, [string, number, (x: { p: Proc; pid: number }) => string]> = {
      pid: ['PID', w, (x) => String(x.pid)],
      ppid: ['PPID', w, (x) => String(ppidOf(x.p))],
      stat: ['STAT', -4, (x) => stat(env, x.p)],
      user: ['USER', -8, (x) => user(env, x.p)],
      cmd: ['CMD', 0, (x) => cmdline(x.p)],
      command: ['COMMAND', 0, (x) => cmdline(x.p)],
      args: ['COMMAND', 0, (x) => cmdline(x.p)],
      comm: ['COMMAND', -15, (x) => x.p.comm],
      uid: ['UID', w, (x) => String(x.p.uid)],
      tty: ['TT', -8, (x) => x.p.tty],
      nlwp: ['NLWP', 4, (x) => String(x.p.threads)],
      // procps-ng@v4.0.4:src/ps/output.c format_array: header, width and alignment of each.
      time: ['TIME', 8, (x) => dhms(cpuSeconds(x.p))],
      cputime: ['TIME', 8, (x) => dhms(cpuSeconds(x.p))],
      times: ['TIME', 8, (x) => String(cpuSeconds(x.p))],
      bsdtime: ['TIME', 6, (x) => cputime(x.p)],
      etime: ['ELAPSED', 11, (x) => etime(elapsed(env, x.p))],
      etimes: ['ELAPSED', 7, (x) => String(elapsed(env, x.p))],
      pcpu: ['%CPU', 4, (x) => pcpu(env, x.p)],
      '%cpu': ['%CPU', 4, (x) => pcpu(env, x.p)],
      c: ['C', 2, (x) => cpuC(env, x.p)],
      rss: ['RSS', 5, (x) => String(x.p.kthread ? 0 : Math.round(x.p.rssBytes / 1024))],
      vsz: ['VSZ', 6, (x) => String(x.p.kthread ? 0 : x.p.vszKb)],
      ni: ['NI', 3, () => '0'],
      stime: ['STIME', 5, (x) => hm(x.p.startMs)],
      start_time: ['START', 5, (x) => hm(x.p.startMs)],
    };
    // `-o pid=,comm=`: the text after `=` is the column's header; when every header is empty
    // the header line is left out (procps-ng@v4.0.4:src/ps/sortformat.c format_parse).
    const labels = cols.map((c) => (c.includes('=') ? c.slice(c.indexOf('=') + 1) : undefined));
    cols = cols.map((c) => (c.includes('=') ? c.slice(0, c.indexOf('=')) : c));
    const noHeader = labels.every((l) => l === '');
    for (const c of cols)
      if (!def[c])
        return {
          stdout: '',
          stderr: `error: unknown user-defined format specifier "${c}"\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`,
          exitCode: 1,
        };
    const cell = (c: string, v: string, last: boolean) => {
      const [, width] = def[c]!;
      // A right-aligned column is padded even when last; a left-aligned last one is not (procps-ng@v4.0.4:src/ps/output.c show_one_proc).
      if (width === 0 || (last && width < 0)) return v;
      const text = c === 'user' ? userCell(v) : v;
      return width > 0 ? text.padStart(width) : text.padEnd(-width);
    };
    const line = (vals: string[]) => vals.map((v, i) => cell(cols![i]!, v, i === vals.length - 1)).join(' ');
    const header = line(cols.map((c, i) => labels[i] ?? def[c]![0]));
    const body = list.map((x) => line(cols!.map((c) => def[c]![2](x))));
    return { stdout: (noHeader ? body : [header, ...body]).map((l) => `${l}\n`).join(''), stderr: '', exitCode: missed };
  }
  if (full) {
    const rows = list.map(
      ({ p, pid }) =>
        `${userCell(user(env, p)).padEnd(8)} ${String(pid).padStart(w)} ${String(ppidOf(p)).padStart(w)} ${cpuC(env, p).padStart(2)} ${hm(p.startMs)} ${p.tty.padEnd(8)} ${dhms(cpuSeconds(p))} ${cmdline(p)}`,
    );
    return {
      stdout: `${'UID'.padEnd(8)} ${'PID'.padStart(w)} ${'PPID'.padStart(w)}  C STIME TTY          TIME CMD\n${rows.map((r) => `${r}\n`).join('')}`,
      stderr: '',
      exitCode: 0,
    };
  }
  const rows = list.map(({ p, pid }) => `${String(pid).padStart(w)} ${(p.tty === '?' ? '?' : p.tty).padEnd(8)} ${dhms(cpuSeconds(p)).padStart(8)} ${p.comm}`);
  return { stdout: `${'PID'.padStart(w)} TTY          TIME CMD\n${rows.map((r) => `${r}\n`).join('')}`, stderr: '', exitCode: 0 };
}
