/**
 * top (procps-ng 4.0.4, procps-ng@v4.0.4:src/top/top.c, top_nls.c, top.h) on node1; busybox 1.36.1's
 * top in alpine (top-busybox.ts). A frame is the summary (summary_show: LOADAV_line "%s -%s" with
 * the same procps_uptime_sprint as `uptime`, STATE_line_1_fmt, STATE_lin2x7_fmt, MEMORY_line1_fmt and
 * MEMORY_line2_fmt in MiB, the figures of /proc/meminfo that `free` prints), the message row (blank),
 * the column header and one row per task sorted on %CPU. The ~N colour marks of the formats are
 * dropped as batch mode's empty terminfo strings drop them.
 *
 * %CPU and the %Cpu(s) line cover the 100 ms top sleeps before its first frame (before():
 * usleep(LIB_USLEEP)), then each delay (-d, 3.0 s by default). Batch mode (-b) writes frames one
 * after another ("\n\n" between them, putp(Batch ? "\n\n" : Cap_home)) and a last "\n" (at_eoj); on
 * a terminal top draws each frame from the home position and leaves the last one on the screen.
 * At the terminal top reads keys between frames (top-keys.ts: q ends it, as Ctrl-C does through
 * sig_endpgm → bye_bye, status 0; M/N/P/T/R/c re-sort or show command lines; top-interact.ts: h, d/s,
 * k, u/U, i, 1, l, t, m and W). -i and -1 toggle as i and 1 do. Not simulated: threads (-H lists the processes,
 * headed "Threads"), -E/-e scaling, -S, -s and the keys top-interact.ts lists. PR and NI are those of ps and /proc/PID/stat (kernel/sched.ts), PR `rt` below -99
 * (procps-ng@v4.0.4:src/top/top.c task_show EU_PRI).
 */
import type { ExecResult } from '../../api.ts';
import type { Proc } from '../../kernel/types.ts';
import { cpuTicks, USER_HZ } from '../../fs/procstat.ts';
import { niceOf, priorityOf } from '../../kernel/sched.ts';
import { cpuStat, type CpuStat } from '../../fs/sysstats.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { memInfoKb } from './free.ts';
import { user } from '../pscolumns.ts';
import { busyboxTop } from './top-busybox.ts';
import { takeKeys } from './top-interact.ts';
import { splitKeys } from './top-keys.ts';
import { uptimeLine } from './uptime.ts';
import { cpuGraph, memGraph } from './top-graphs.ts';
import { type Account, accounts } from '../users.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

const LONGS: LongOpt[] = [
  ['batch-mode', 'none', 'b'],
  ['cmdline-toggle', 'none', 'c'],
  ['delay', 'required', 'd'],
  ['scale-summary-mem', 'required', 'E'],
  ['scale-task-mem', 'required', 'e'],
  ['threads-show', 'none', 'H'],
  ['help', 'none', 'h'],
  ['idle-toggle', 'none', 'i'],
  ['iterations', 'required', 'n'],
  ['list-fields', 'none', 'O'],
  ['sort-override', 'required', 'o'],
  ['pid', 'required', 'p'],
  ['accum-time-toggle', 'none', 'S'],
  ['secure-mode', 'none', 's'],
  ['filter-any-user', 'required', 'U'],
  ['filter-only-euser', 'required', 'u'],
  ['version', 'none', 'V'],
  ['width', 'optional', 'w'],
  ['single-cpu-toggle', 'none', '1'],
].map(([name, arg, key]) => ({ name, arg, key }) as LongOpt);

/** top_nls.c HELP_cmdline_fmt, put with puts(). */
const HELP = `
Usage:
 top [options]

Options:
 -b, --batch-mode                run in non-interactive batch mode
 -c, --cmdline-toggle            reverse last remembered 'c' state
 -d, --delay =SECS [.TENTHS]     iterative delay as SECS [.TENTHS]
 -E, --scale-summary-mem =SCALE  set mem as: k,m,g,t,p,e for SCALE
 -e, --scale-task-mem =SCALE     set mem with: k,m,g,t,p for SCALE
 -H, --threads-show              show tasks plus all their threads
 -i, --idle-toggle               reverse last remembered 'i' state
 -n, --iterations =NUMBER        exit on maximum iterations NUMBER
 -O, --list-fields               output all field names, then exit
 -o, --sort-override =FIELD      force sorting on this named FIELD
 -p, --pid =PIDLIST              monitor only the tasks in PIDLIST
 -S, --accum-time-toggle         reverse last remembered 'S' state
 -s, --secure-mode               run with secure mode restrictions
 -U, --filter-any-user =USER     show only processes owned by USER
 -u, --filter-only-euser =USER   show only processes owned by USER
 -w, --width [=COLUMNS]          change print width [,use COLUMNS]
 -1, --single-cpu-toggle         reverse last remembered '1' state

 -h, --help                      display this help text, then exit
 -V, --version                   output version information & exit

For more details see top(1).
`;

/** top_nls.c Head_nlstab, in the order of top.h's pflag enum: what -O prints and -o accepts. */
export const FIELDS =
  'PID PPID UID USER RUID RUSER SUID SUSER GID GROUP PGRP TTY TPGID SID PR NI nTH P %CPU TIME TIME+ %MEM VIRT SWAP RES CODE DATA SHR nMaj nMin nDRT S COMMAND WCHAN Flags CGROUPS SUPGIDS SUPGRPS TGID OOMa OOMs ENVIRON vMj vMn USED nsIPC nsMNT nsNET nsPID nsUSER nsUTS LXC RSan RSfd RSlk RSsh CGNAME NU LOGID EXE RSS PSS PSan PSfd PSsh USS ioR ioRop ioW ioWop AGID AGNI STARTED ELAPSED %CUU %CUC nsCGROUP nsTIME'.split(
    ' ',
  );

interface Task {
  p: Proc;
  pid: number;
  user: string;
  /** CPU ticks over the sample, as %CPU (Irix mode: one busy CPU is 100). */
  cpu: number;
  res: number;
  shr: number;
  virt: number;
  mem: number;
  state: string;
  ticks: number;
}

/** The sort keys -o can name; any other field of FIELDS sorts as PID does here. */
const SORT: Record<string, (t: Task) => number | string> = {
  PID: (t) => t.pid,
  USER: (t) => t.user,
  '%CPU': (t) => t.cpu,
  '%MEM': (t) => t.mem,
  'TIME+': (t) => t.ticks,
  TIME: (t) => t.ticks,
  VIRT: (t) => t.virt,
  RES: (t) => t.res,
  SHR: (t) => t.shr,
  COMMAND: (t) => t.p.comm,
  S: (t) => t.state,
};

/** "%u:%02u.%02u", minutes:seconds.hundredths (top.c scale_tics, TIME+). */
function timePlus(ticks: number): string {
  const s = Math.floor(ticks / USER_HZ);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.${String(ticks % USER_HZ).padStart(2, '0')}`;
}

/** STATE_lin2x7_fmt's shares of the CPU ticks that passed between two /proc/stat reads. */
function cpuLine(a: CpuStat, b: CpuStat): string {
  const d = (k: keyof CpuStat) => Math.max(0, b[k] - a[k]);
  const keys: (keyof CpuStat)[] = ['user', 'system', 'nice', 'idle', 'iowait', 'irq', 'softirq', 'steal'];
  const total = keys.reduce((n, k) => n + d(k), 0) || 1;
  const [us, sy, ni, id, wa, hi, si, st] = keys.map((k) => ((d(k) * 100) / total).toFixed(1).padStart(5));
  return `%Cpu(s):${us} us,${sy} sy,${ni} ni,${id} id,${wa} wa,${hi} hi,${si} si,${st} st `;
}

/** MiB with one decimal in 9 cells ("%#.1f " cut to %9.9s: the trailing space stays). */
const mib = (kb: number) => `${(kb / 1024).toFixed(1)} `.padStart(9).slice(0, 9);

export interface TopOpts {
  batch: boolean;
  cmdline: boolean;
  threads: boolean;
  delay: number;
  loops: number;
  sort: string;
  reverse: boolean;
  pids: number[];
  uid?: number;
  anyUid: boolean;
  width?: number;
  /** Show_IDLEPS ('i', -i): every task, or only those that used CPU since the last frame (isBUSY). */
  idle: boolean;
  /** View_CPUSUM off ('1', -1): a %Cpu line for each CPU. */
  perCpu: boolean;
  /** View_LOADAV ('l'): the first summary line. */
  showLoad: boolean;
  /** View_STATES and View_MEMORY ('t', 'm'): the task/CPU and memory lines; graph_cpus/graph_mems 1 bars, 2 blocks. */
  states: boolean;
  memory: boolean;
  graphCpus: number;
  graphMems: number;
  /** The last frame's message row (Msg_row: the blank row under the summary) and first task (k's default PID). */
  drawn?: { msgRow: number; firstPid: number };
}

/** Keys pressed while top waits: `woken` ends the wait, `take` handles them (true: `q`). */
interface KeyWait {
  woken: () => boolean;
  take: () => Promise<boolean>;
}

/** One frame of top's output, from two samples `wait` ms apart (or less, when a key wakes top); 'quit' on `q`. */
async function frame(env: CmdEnv, o: TopOpts, wait: number, keys?: KeyWait): Promise<string | undefined | 'quit'> {
  const k = env.host.kernel;
  const before = new Map([...k.procs.values()].map((p) => [p, cpuTicks(p).utime + cpuTicks(p).stime]));
  const s0 = cpuStat(env.host);
  const t0 = env.host.clock.nowMs;
  if ((await env.host.waitUntil(keys?.woken ?? (() => false), wait, env.signal)) === 'aborted') return undefined;
  // The keys are handled before the frame is made (main's loop: do_key, then frame_make).
  if (keys && (await keys.take())) return 'quit';
  if (env.signal?.aborted) return undefined;
  const ms = env.host.clock.nowMs - t0 || wait;
  const s1 = cpuStat(env.host);
  const m = memInfoKb(env.host);
  const tasks: Task[] = [];
  for (const p of k.procs.values()) {
    const pid = k.pidIn(p, env.self.ns.pid);
    if (pid === undefined) continue;
    const t = cpuTicks(p).utime + cpuTicks(p).stime;
    const res = p.kthread ? 0 : Math.round(p.rssBytes / 1024);
    tasks.push({
      p,
      pid,
      user: user(env, p),
      cpu: ((t - (before.get(p) ?? 0)) * 100) / ((ms / 1000) * USER_HZ || 1),
      res,
      // No figure for the shared part of a process's resident memory exists in the simulation: about 2/3 of it (a small daemon's share of libraries), in whole pages.
      shr: Math.floor((res * 2) / 3 / 4) * 4,
      virt: p.kthread ? 0 : p.vszKb,
      mem: (res * 100) / m.total,
      state: p.kthread ? (p.comm.startsWith('kworker') ? 'I' : 'S') : p.state,
      ticks: t,
    });
  }
  const count = (f: (t: Task) => boolean) => String(tasks.filter(f).length).padStart(3);
  // '1': WORD_eachcpu_fmt "%%Cp%c%-3d:" per CPU; no CPU's share of the ticks is simulated, each gets an equal one.
  const cpuRow = (pfx: string) => (o.graphCpus ? cpuGraph(s0, s1, pfx, o.graphCpus, env.columns) : cpuLine(s0, s1).replace('%Cpu(s):', pfx));
  const cpus = o.perCpu ? Array.from({ length: env.host.fixture.cpus }, (_, i) => cpuRow(`%Cpu${String(i).padEnd(3)}:`)) : [cpuRow('%Cpu(s):')];
  const mem = o.graphMems
    ? memGraph(m, { total: 0, used: 0 }, o.graphMems, env.columns)
    : [
        `MiB Mem : ${mib(m.total)}total, ${mib(m.free)}free, ${mib(m.used)}used, ${mib(m.buffers + m.cache)}buff/cache     `,
        `MiB Swap: ${mib(0)}total, ${mib(0)}free, ${mib(0)}used. ${mib(m.available)}avail Mem `,
      ];
  const head = [
    ...(o.showLoad ? [`top -${await uptimeLine(env)}`] : []),
    ...(o.states
      ? [
          `${o.threads ? 'Threads' : 'Tasks'}: ${count(() => true)} total, ${count((t) => t.state === 'R')} running, ${count((t) => 'SID'.includes(t.state))} sleeping, ${count((t) => t.state === 'T')} stopped, ${count((t) => t.state === 'Z')} zombie`,
          ...cpus,
        ]
      : []),
    ...(o.memory ? mem : []),
    '',
  ];
  let shown = tasks;
  if (o.pids.length) shown = shown.filter((t) => o.pids.includes(t.pid));
  if (o.uid !== undefined) shown = shown.filter((t) => t.p.euid === o.uid || (o.anyUid && t.p.uid === o.uid));
  if (!o.idle) shown = shown.filter((t) => t.cpu > 0);
  const key = SORT[o.sort] ?? SORT.PID!;
  // Highest first (Qsrt_NORMAL); ties in PID order.
  shown = [...shown].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = x === y ? 0 : x > y ? -1 : 1;
    return (o.reverse ? -c : c) || a.pid - b.pid;
  });
  const width = o.width ?? (env.tty ? env.columns : 80);
  const rows = o.batch ? shown : shown.slice(0, Math.max(0, env.rows - head.length - 1));
  o.drawn = { msgRow: head.length, firstPid: rows[0]?.pid ?? 0 };
  const cmd = (p: Proc) => (!o.cmdline ? p.comm : p.kthread ? `[${p.comm}]` : p.argv.join(' '));
  const lines = [
    '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
    ...rows.map(
      (t) =>
        `${String(t.pid).padStart(7)} ${(t.user.length > 8 ? `${t.user.slice(0, 7)}+` : t.user).padEnd(8)} ${prNi(t.p)} ${String(t.virt).padStart(7)} ${String(t.res).padStart(6)} ${String(t.shr).padStart(6)} ${t.state} ${t.cpu.toFixed(1).padStart(5)} ${t.mem.toFixed(1).padStart(5)} ${timePlus(t.ticks).padStart(9)} ${cmd(t.p)}`,
    ),
  ];
  // show_special and the task rows stop at the screen's width.
  // The blocks' graph lines carry their reverse-video sequences and are made to the screen's width (top-graphs.ts).
  return [...head, ...lines].map((l) => (l.includes('\x1b') ? l : l.slice(0, width))).join('\n');
}

/** parse_args: the options in top's order, errors through error_exit ("top: …", status 1). */
function parse(args: string[], env: CmdEnv, users: Account[]): TopOpts | ExecResult {
  const fail = (msg: string) => R('', `top: ${msg}\n`, 1);
  // GETOPTFIX: an optional argument may also be the next word when it does not start with '-' (`-w 100`).
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [a, next] = [args[i] as string, args[i + 1]];
    if ((a === '-w' || a === '--width') && next !== undefined && !next.startsWith('-')) {
      words.push(`--width=${next}`);
      i++;
    } else words.push(a);
  }
  const p = getopt(words, 'bcd:E:e:Hhin:Oo:p:SsU:u:Vw::1', LONGS);
  if (!p.ok) return R('', `top: ${p.error}\n`, 1);
  if (p.operands.length) return fail(`unknown option '${p.operands[0]}'`);
  const o: TopOpts = {
    batch: false,
    cmdline: false,
    threads: false,
    delay: 3,
    loops: -1,
    sort: '%CPU',
    reverse: false,
    pids: [],
    anyUid: false,
    idle: true,
    perCpu: false,
    showLoad: true,
    states: true,
    memory: true,
    graphCpus: 0,
    graphMems: 0,
  };
  for (const [k, v = ''] of p.opts) {
    if (k === 'h') return R(`${HELP}\n`, '', 0);
    if (k === 'V') return R('top from procps-ng 4.0.4\n', '', 0);
    if (k === 'O') return R(FIELDS.map((f) => `${f}\n`).join(''), '', 0);
    if (k === 'b') o.batch = true;
    else if (k === 'c') o.cmdline = !o.cmdline;
    else if (k === 'H') o.threads = true;
    else if (k === 'i') o.idle = !o.idle;
    else if (k === '1') o.perCpu = !o.perCpu;
    else if (k === 'd') {
      const n = Number(v);
      if (v.trim() === '' || Number.isNaN(n)) return fail(`bad delay interval '${v}'`);
      if (n < 0) return fail('-d requires positive argument');
      o.delay = n;
    } else if (k === 'n') {
      const n = Number(v);
      if (v.trim() === '' || Number.isNaN(n) || n < 1) return fail(`bad iterations argument '${v}'`);
      o.loops = Math.trunc(n);
    } else if (k === 'E' || k === 'e') {
      if (v.length !== 1 || !(k === 'E' ? 'kmgtpe' : 'kmgtp').includes(v.toLowerCase())) return fail(`bad memory scaling arg '${v}'`);
    } else if (k === 'o') {
      o.reverse = v.startsWith('-');
      const name = v.replace(/^[+-]/, '');
      if (!FIELDS.includes(name)) return fail(`unrecognized field name '${name}'`);
      o.sort = name;
    } else if (k === 'p') {
      if (o.uid !== undefined) return fail('conflicting process selections (U/p/u)');
      for (const part of v.split(',')) {
        if (!/^\s*\d+/.test(part) || /[+\-.]/.test(part)) return fail(`bad pid '${part}'`);
        const pid = Number.parseInt(part, 10) || (env.host.kernel.pidIn(env.self, env.self.ns.pid) ?? 0);
        if (!o.pids.includes(pid)) o.pids.push(pid);
      }
    } else if (k === 'u' || k === 'U') {
      if (o.pids.length || o.uid !== undefined) return fail('conflicting process selections (U/p/u)');
      // user_certify: a number is a uid, else getpwnam (top.c: BAD_username_txt "Invalid user").
      const named = users.find((u) => u.name === v);
      const uid = /^\d+$/.test(v) ? Number(v) : named?.uid;
      if (uid === undefined) return fail('Invalid user');
      o.uid = uid;
      o.anyUid = k === 'U';
    } else if (k === 'w') {
      const n = Number(v);
      if (v && (Number.isNaN(n) || n < 3 || n > 512)) return fail(`bad width arg '${v}'`);
      o.width = v ? Math.trunc(n) : Number(env.env.get('COLUMNS')) || 512;
    }
  }
  return o;
}

export const top: SimCommand = {
  name: 'top',
  async run(args, env) {
    if (env.flavor === 'busybox') return busyboxTop(args, env);
    const o = parse(args, env, await accounts(env));
    if (!('batch' in o)) return o;
    const stream = env.stream;
    let out = '';
    const put = (text: string) => {
      if (stream) stream({ stream: 'stdout', text });
      else out += text;
    };
    // Interactive: the cursor hidden (civis) while top draws; at the end, the cursor below the last frame and shown again (cnorm).
    if (!o.batch) put('\x1b[?25l');
    // At the terminal, top reads keys between frames (top-keys.ts).
    const keys: string[] = [];
    const release = !o.batch && env.tty ? env.keyboard?.claim((d) => keys.push(...splitKeys(d))) : undefined;
    let first = true;
    try {
      for (let n = 0; o.loops < 0 || n < o.loops; n++) {
        const wait = release
          ? {
              woken: () => keys.length > 0,
              take: () => takeKeys({ env, o, keys, put, msgRow: () => o.drawn?.msgRow ?? 6, firstPid: () => o.drawn?.firstPid ?? 0 }),
            }
          : undefined;
        const text = await frame(env, o, first ? 100 : Math.round(o.delay * 1000), wait);
        if (text === undefined || text === 'quit' || env.signal?.aborted) break;
        put(o.batch ? `${first ? '' : '\n\n'}${text}` : `\x1b[H\x1b[2J${text}`);
        first = false;
        // Virtual time: no one presses Ctrl-C, so an endless top ends at the line's time bound (the wait reports it).
        if (env.host.clock.mode === 'virtual' && o.loops < 0 && !release) {
          await env.host.waitUntil(() => false, undefined, env.signal);
          break;
        }
      }
    } finally {
      release?.();
    }
    if (env.signal?.aborted) env.host.caughtSigint = 0;
    put(o.batch ? '\n' : `\x1b[${env.rows + 1};1H\x1b[?12l\x1b[?25h`);
    return R(stream ? '' : out, '', 0);
  },
};

/** PR and NI, 3 cells each: the stat priority (`rt` for a real-time one below -99) and the nice value. */
function prNi(p: Proc): string {
  const pr = priorityOf(p);
  return `${(pr < -99 ? 'rt' : String(pr)).padStart(3)} ${String(niceOf(p)).padStart(3)}`;
}
