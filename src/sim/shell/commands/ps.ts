import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { cpuSeconds, cputime, dhms, pcpu } from '../pstime.ts';
import { cmdline, hm, layout, type PsRow, psColumns, stat, sysvFormat, user, userCell } from '../pscolumns.ts';
import { BSD_J, forest } from '../psforest.ts';

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
      if (env.flavor === 'busybox') return listProcesses(args, env, viewer);
      const { rest, width } = widthOf(args, env);
      const r = listProcesses(rest, env, viewer);
      if (width === undefined) return r;
      // output.c check_header_width: the line may be a multiple of the width, the least that holds the columns before the
      // last (whose header begins where the last word of the header line does) and 3 of it.
      const header = r.stdout.slice(0, r.stdout.indexOf('\n'));
      const fixed = header.search(/\S+$/) + 3;
      const active = width * Math.max(1, Math.ceil(fixed / width));
      return { ...r, stdout: r.stdout.replace(/^.*$/gm, (line) => line.slice(0, active)) };
    } finally {
      for (const p of peers.reverse()) k.unspawn(p);
    }
  },
};

/**
 * How wide ps's lines may be, and its arguments without the width options. procps-ng 4.0.4 cuts every line at the
 * terminal's width when stdout is a terminal; one `w` (BSD, or -w) makes it at least 132 columns, two no limit, and so
 * does output to a pipe or file (procps-ng@v4.0.4:src/ps/global.c set_screen_size and reset_global: max_line_width is
 * screen_cols on a tty, OUTBUF_SIZE otherwise; src/ps/parser.c counts w_count, `--width`/`--cols`/`--columns N` set it).
 */
function widthOf(args: string[], env: CmdEnv): { rest: string[]; width: number | undefined } {
  let wide = 0;
  let given: number | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const long = /^--(?:width|cols|columns)(?:=(.*))?$/.exec(a);
    if (long) given = Number(long[1] ?? args[++i]);
    else if (/^-w+$/.test(a)) wide += a.length - 1;
    else if (/^[auxjfw]+$/.test(a) && a.includes('w')) {
      wide += a.replace(/[^w]/g, '').length;
      if (a.replace(/w/g, '')) rest.push(a.replace(/w/g, ''));
    } else rest.push(a);
  }
  if (given !== undefined && Number.isFinite(given)) return { rest, width: given };
  if (!env.tty || wide >= 2) return { rest, width: undefined };
  return { rest, width: wide === 1 ? Math.max(132, env.columns) : env.columns };
}

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
  // SysV format flags: -f full, -l long, -F extra full, -y (with -l) RSS for ADDR (procps-ng@v4.0.4:src/ps/parser.c parse_sysv_option).
  const fmt = { f: false, l: false, F: false, y: false, j: false };
  const sysv = (a: string) => {
    if (/[eA]/.test(a)) all = true;
    for (const ch of 'flFyj') if (a.includes(ch)) fmt[ch as keyof typeof fmt] = true;
  };
  // BSD j (job control format) and f (ASCII art forest) (procps-ng@v4.0.4:src/ps/parser.c parse_bsd_option).
  const bsd = { j: false, f: false };
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
    else if (/^[auxjf]+$/.test(a)) {
      if (/[ax]/.test(a)) all = true;
      bsd.j ||= a.includes('j');
      bsd.f ||= a.includes('f');
    }
    // Unix options grouped or apart: -e/-A every process, -f the full format (procps-ng@v4.0.4:src/ps/parser.c parse_sysv_option).
    else if (/^-[eAfFlyj]+[pqC]$/.test(a)) {
      // -fp 1: the grouped options, then the list the last one takes.
      const list = (args[++i] ?? '').split(',');
      if (a.endsWith('C')) byName = list;
      else only = list.map(Number);
      sysv(a);
    } else if (/^-[eAfFlyj]+$/.test(a)) sysv(a);
    else if (a === '--help')
      return {
        stdout:
          "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n",
        stderr: '',
        exitCode: 0,
      };
    else return usageError('unsupported option (BSD syntax)');
  }
  // procps-ng@v4.0.4:src/ps/sortformat.c generate_sysv_list; the SysV pass's error is the one printed (parser.c arg_parse).
  if (fmt.y && !fmt.l) return usageError('modifier -y without format -l makes no sense');
  if (cols && (fmt.f || fmt.l || fmt.F)) return usageError('conflicting format options');
  const formatted = fmt.f || fmt.l || fmt.F || fmt.j;
  let list = visible;
  if (only) list = list.filter((x) => only!.includes(x.pid));
  else if (byName) list = list.filter((x) => byName!.includes(x.p.comm));
  else if (!all) list = list.filter((x) => x.p.tty !== '?' && x.p.tty === env.session.proc.tty);
  // Nothing selected: the header alone (none with `-o pid=`), status 1 (procps-ng@v4.0.4:src/ps/output.c show_one_proc((proc_t *)-1): the header if due, then exit(1)).
  const missed = (only || byName) && !list.length ? 1 : 0;
  if (missed && !cols && !formatted) return { stdout: `${'PID'.padStart(w)} TTY          TIME CMD\n`, stderr: '', exitCode: 1 };
  const totalKb = env.host.fixture.memTotalBytes / 1024;
  if (bsd.j || bsd.f) return bsdFormat(env, w, list, bsd.j ? BSD_J : /u/.test(joined) ? BSD_U : BSD_DEFAULT, bsd.f);
  if (/(^|\s)-?aux\b/.test(joined)) {
    const head = `${'USER'.padEnd(8)} ${'PID'.padStart(w)} %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND`;
    const rows = list.map(({ p, pid }) => {
      const rss = Math.round(p.rssBytes / 1024);
      return `${userCell(user(env, p)).padEnd(8)} ${String(pid).padStart(w)} ${pcpu(env, p).padStart(4)} ${((rss / totalKb) * 100).toFixed(1).padStart(4)} ${String(p.kthread ? 0 : p.vszKb).padStart(6)} ${String(rss).padStart(5)} ${p.tty.padEnd(8)} ${stat(env, p).padEnd(4)} ${hm(p.startMs)} ${cputime(p).padStart(6)} ${cmdline(p)}`;
    });
    return { stdout: `${head}\n${rows.map((r) => `${r}\n`).join('')}`, stderr: '', exitCode: 0 };
  }
  if (cols || formatted) {
    const def = psColumns(env, w);
    const specs = cols ?? sysvFormat(fmt);
    // `-o pid=,comm=`: the text after `=` is the column's header; when every header is empty
    // the header line is left out (procps-ng@v4.0.4:src/ps/sortformat.c format_parse).
    const labels = specs.map((c) => (c.includes('=') ? c.slice(c.indexOf('=') + 1) : undefined));
    const names = specs.map((c) => (c.includes('=') ? c.slice(0, c.indexOf('=')) : c));
    const noHeader = labels.every((l) => l === '');
    const bad = names.find((c) => !def[c]);
    if (bad !== undefined) return usageError(`unknown user-defined format specifier "${bad}"`);
    const chosen = names.map((c) => def[c]!);
    const header = layout(
      chosen,
      chosen.map((c, i) => labels[i] ?? c.head),
    );
    const body = list.map((x) =>
      layout(
        chosen,
        chosen.map((c) => c.value(x)),
      ),
    );
    return { stdout: (noHeader ? body : [header, ...body]).map((l) => `${l}\n`).join(''), stderr: '', exitCode: missed };
  }
  const rows = list.map(({ p, pid }) => `${String(pid).padStart(w)} ${(p.tty === '?' ? '?' : p.tty).padEnd(8)} ${dhms(cpuSeconds(p)).padStart(8)} ${p.comm}`);
  return { stdout: `${'PID'.padStart(w)} TTY          TIME CMD\n${rows.map((r) => `${r}\n`).join('')}`, stderr: '', exitCode: 0 };
}

/** BSD u ("OL_u") and the BSD default format (procps-ng@v4.0.4:src/ps/output.c macro_array, sortformat.c). */
const BSD_U = ['user', 'pid', 'pcpu', 'pmem', 'vsz', 'rss', 'tname', 'stat', 'start_time', 'bsdtime', 'args'];
const BSD_DEFAULT = ['pid', 'tname', 'stat', 'bsdtime', 'args'];

/** A BSD format's columns for `list`, in forest order with the command's prefix when `f` (psforest.ts). */
function bsdFormat(env: CmdEnv, w: number, list: PsRow[], specs: string[], trees: boolean): ExecResult {
  const def = psColumns(env, w);
  const chosen = specs.map((c) => def[c]!);
  const ppid = def.ppid!;
  const rows = trees ? forest(list, (x) => Number(ppid.value(x)), env.host.kernel.bootMs) : list.map((row) => ({ row, prefix: '' }));
  const body = rows.map(({ row, prefix }) =>
    layout(
      chosen,
      chosen.map((c, i) => (i === chosen.length - 1 ? prefix : '') + c.value(row)),
    ),
  );
  return {
    stdout: [
      layout(
        chosen,
        chosen.map((c) => c.head),
      ),
      ...body,
    ]
      .map((l) => `${l}\n`)
      .join(''),
    stderr: '',
    exitCode: 0,
  };
}

/** `error: WHAT` and the short usage on stderr, status 1 (procps-ng@v4.0.4:src/ps/parser.c arg_parse total_failure, help.c do_help). */
function usageError(what: string): ExecResult {
  return {
    stdout: '',
    stderr: `error: ${what}\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`,
    exitCode: 1,
  };
}
