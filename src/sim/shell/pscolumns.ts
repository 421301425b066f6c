import type { Proc } from '../kernel/types.ts';
import { flagsOf, niceOf, priorityOf, processorOf, schedOf, wchanOf } from '../kernel/sched.ts';
import { isSessionLeader, sessionIds } from '../fs/procstat.ts';
import { cpuC, cpuSeconds, cputime, dhms, elapsed, etime, pcpu } from './pstime.ts';
import type { CmdEnv } from './types.ts';
import { HOST_PASSWD } from '../fs/hostusers.ts';

/** One process as ps lists it: the process and its PID in the viewer's namespace. */
export interface PsRow {
  p: Proc;
  pid: number;
}

/** A process's user as ps names it: from the /etc/passwd of the filesystem ps runs in, not the process's own. */
export function user(env: CmdEnv, p: Proc): string {
  const root = env.session.root;
  const passwd = root === 'host' ? HOST_PASSWD : (env.host.runc.roots.get(root)?.files['/etc/passwd'] ?? '');
  return env.host.userName(p.uid, passwd);
}

/** HH:MM of a time in UTC (node1's zone), worked out without a Date: ps calls it once per process row. */
export const hm = (ms: number) => {
  const m = (((Math.floor(ms / 60_000) % 1440) + 1440) % 1440) | 0;
  const h = (m / 60) | 0;
  const mm = m % 60;
  return `${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}`;
};
/**
 * A user name wider than its 8-cell column: 7 characters and '+' (procps-ng@v4.0.4:src/ps/output.c do_pr_name),
 * as in `systemd+`; a last column is not cut.
 */
export const userCell = (name: string): string => (name.length > 8 ? `${name.slice(0, 7)}+` : name);

/** The state letter, as stat field 3 and ps's S column show it. */
export const stateOf = (p: Proc): string => (p.kthread ? (p.comm.startsWith('kworker') ? 'I' : 'S') : p.state);

/** BSD STAT: the state and its modifiers (procps-ng@v4.0.4:src/ps/output.c pr_stat): <, N, s, l, +. */
export function stat(env: CmdEnv, p: Proc): string {
  let s = stateOf(p);
  const ni = niceOf(p);
  if (ni < 0) s += '<';
  else if (ni > 0) s += 'N';
  if (isSessionLeader(env.host, p)) s += 's';
  if (p.threads > 1) s += 'l';
  // '+': in its terminal's foreground process group (pgrp == tpgid).
  if (p.tty !== '?') {
    const ids = sessionIds(env.host, p, env.self);
    if (ids.pgid === ids.tpgid) s += '+';
  }
  return s;
}

export function cmdline(p: Proc): string {
  return p.kthread ? (p.argv[0] ?? '') : p.state === 'Z' ? `[${p.comm}] <defunct>` : p.argv.join(' ');
}

/** How a column is justified (procps-ng@v4.0.4:src/ps/output.c CF_RIGHT, CF_LEFT, CF_USER, CF_WCHAN, CF_UNLIMITED). */
type Just = 'right' | 'left' | 'user' | 'wchan' | 'unlimited';
export interface PsCol {
  head: string;
  width: number;
  just: Just;
  value: (x: PsRow) => string;
}

/**
 * The -o specifiers ps knows here: header, width and justification from procps-ng@v4.0.4:src/ps/output.c
 * format_array, values from the kernel model (kernel/sched.ts for NI, PRI, PSR, WCHAN, F). `w` is the PID
 * width (pid_max's digits on node1).
 */
export function psColumns(env: CmdEnv, w: number): Record<string, PsCol> {
  const k = env.host.kernel;
  const viewer = env.self;
  const ppidOf = (p: Proc) => {
    const parent = k.procs.get(p.ppid);
    return parent ? (k.pidIn(parent, viewer.ns.pid) ?? 0) : 0;
  };
  const col = (head: string, width: number, just: Just, value: (x: PsRow) => string): PsCol => ({ head, width, just, value });
  const rssKb = (p: Proc) => (p.kthread || p.state === 'Z' ? 0 : Math.round(p.rssBytes / 1024));
  const vszKb = (p: Proc) => (p.kthread || p.state === 'Z' ? 0 : p.vszKb);
  const fifo = (p: Proc) => schedOf(p).policy === 1;
  const time = (x: PsRow) => dhms(cpuSeconds(x.p));
  const args = (x: PsRow) => cmdline(x.p);
  const userName = (x: PsRow) => user(env, x.p);
  const totalKb = env.host.fixture.memTotalBytes / 1024;
  // pr_pmem: RSS × 1000 ÷ MemTotal, %2u.%u.
  const pmem = (x: PsRow) => {
    const v = Math.min(999, Math.floor((rssKb(x.p) * 1000) / totalKb));
    return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`;
  };
  return {
    pid: col('PID', w, 'right', (x) => String(x.pid)),
    tgid: col('TGID', w, 'right', (x) => String(x.pid)),
    ppid: col('PPID', w, 'right', (x) => String(ppidOf(x.p))),
    stat: col('STAT', 4, 'left', (x) => stat(env, x.p)),
    s: col('S', 1, 'left', (x) => stateOf(x.p)),
    state: col('S', 1, 'left', (x) => stateOf(x.p)),
    user: col('USER', 8, 'user', userName),
    euser: col('EUSER', 8, 'user', userName),
    uname: col('USER', 8, 'user', userName),
    uid_hack: col('UID', 8, 'user', userName),
    cmd: col('CMD', 27, 'unlimited', args),
    command: col('COMMAND', 27, 'unlimited', args),
    args: col('COMMAND', 27, 'unlimited', args),
    comm: col('COMMAND', 15, 'unlimited', (x) => x.p.comm),
    ucmd: col('CMD', 15, 'unlimited', (x) => x.p.comm),
    uid: col('UID', 5, 'right', (x) => String(x.p.euid)),
    euid: col('EUID', 5, 'right', (x) => String(x.p.euid)),
    ruid: col('RUID', 5, 'right', (x) => String(x.p.uid)),
    gid: col('GID', 5, 'right', (x) => String(x.p.egid)),
    tty: col('TT', 8, 'left', (x) => x.p.tty),
    tname: col('TTY', 8, 'left', (x) => x.p.tty),
    nlwp: col('NLWP', 4, 'right', (x) => String(x.p.threads)),
    time: col('TIME', 8, 'right', time),
    cputime: col('TIME', 8, 'right', time),
    times: col('TIME', 8, 'right', (x) => String(cpuSeconds(x.p))),
    bsdtime: col('TIME', 6, 'right', (x) => cputime(x.p)),
    etime: col('ELAPSED', 11, 'right', (x) => etime(elapsed(env, x.p))),
    etimes: col('ELAPSED', 7, 'right', (x) => String(elapsed(env, x.p))),
    pcpu: col('%CPU', 4, 'right', (x) => pcpu(env, x.p)),
    '%cpu': col('%CPU', 4, 'right', (x) => pcpu(env, x.p)),
    pmem: col('%MEM', 4, 'right', pmem),
    '%mem': col('%MEM', 4, 'right', pmem),
    c: col('C', 2, 'right', (x) => cpuC(env, x.p)),
    rss: col('RSS', 5, 'right', (x) => String(rssKb(x.p))),
    rssize: col('RSS', 5, 'right', (x) => String(rssKb(x.p))),
    rsz: col('RSZ', 5, 'right', (x) => String(rssKb(x.p))),
    vsz: col('VSZ', 6, 'right', (x) => String(vszKb(x.p))),
    vsize: col('VSZ', 6, 'right', (x) => String(vszKb(x.p))),
    // pr_sz: VM_SIZE in pages (page_size 4096).
    sz: col('SZ', 5, 'right', (x) => String(Math.floor(vszKb(x.p) / 4))),
    psr: col('PSR', 3, 'right', (x) => String(processorOf(x.p, env.host.fixture.cpus))),
    wchan: col('WCHAN', 6, 'wchan', (x) => wchanOf(k, x.p)),
    // pr_flag: (flags >> 6) & 7, octal.
    f: col('F', 1, 'right', (x) => ((flagsOf(x.p) >> 6) & 7).toString(8)),
    flag: col('F', 1, 'right', (x) => ((flagsOf(x.p) >> 6) & 7).toString(8)),
    flags: col('F', 1, 'right', (x) => ((flagsOf(x.p) >> 6) & 7).toString(8)),
    addr_1: col('ADDR', 1, 'left', () => '-'),
    // pr_nice: '-' outside SCHED_OTHER/SCHED_BATCH; pr_opri 60 + priority; pr_pri 39 - priority; pr_priority the raw value.
    ni: col('NI', 3, 'right', (x) => (fifo(x.p) ? '-' : String(niceOf(x.p)))),
    nice: col('NI', 3, 'right', (x) => (fifo(x.p) ? '-' : String(niceOf(x.p)))),
    opri: col('PRI', 3, 'right', (x) => String(60 + priorityOf(x.p))),
    pri: col('PRI', 3, 'right', (x) => String(39 - priorityOf(x.p))),
    priority: col('PRI', 3, 'right', (x) => String(priorityOf(x.p))),
    rtprio: col('RTPRIO', 6, 'right', (x) => (fifo(x.p) ? String(schedOf(x.p).rtprio) : '-')),
    cls: col('CLS', 3, 'right', (x) => (fifo(x.p) ? 'FF' : 'TS')),
    class: col('CLS', 3, 'left', (x) => (fifo(x.p) ? 'FF' : 'TS')),
    policy: col('POL', 3, 'left', (x) => (fifo(x.p) ? 'FF' : 'TS')),
    // pr_pgid, pr_sess, pr_tpgid: PIDMAX-wide, right.
    pgid: col('PGID', w, 'right', (x) => String(sessionIds(env.host, x.p, viewer).pgid)),
    pgrp: col('PGRP', w, 'right', (x) => String(sessionIds(env.host, x.p, viewer).pgid)),
    sess: col('SESS', w, 'right', (x) => String(sessionIds(env.host, x.p, viewer).sid)),
    session: col('SESS', w, 'right', (x) => String(sessionIds(env.host, x.p, viewer).sid)),
    sid: col('SID', w, 'right', (x) => String(sessionIds(env.host, x.p, viewer).sid)),
    tpgid: col('TPGID', w, 'right', (x) => String(sessionIds(env.host, x.p, viewer).tpgid)),
    stime: col('STIME', 5, 'right', (x) => hm(x.p.startMs)),
    start_time: col('START', 5, 'right', (x) => hm(x.p.startMs)),
  };
}

/**
 * One line of columns as show_one_proc lays it out (procps-ng@v4.0.4:src/ps/output.c): each column aims at its
 * place (`correct`); one that overflows pushes the next along, which then gives back its left padding; a column
 * before the last is cut to its width (a user name with '+', WCHAN and commands plainly); the last is never cut.
 */
export function layout(cols: PsCol[], cells: string[]): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = '';
  cols.forEach((c, i) => {
    const last = i === cols.length - 1;
    let text = cells[i] ?? '';
    if (!last && text.length > c.width) {
      if (c.just === 'user') text = `${text.slice(0, c.width - 1)}+`;
      else if (c.just === 'wchan' || c.just === 'unlimited') text = text.slice(0, c.width);
    }
    const leftpad = c.just === 'right' ? Math.max(0, c.width - text.length) : 0;
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    out += ' '.repeat(space) + text;
    actual += space + text.length;
    correct += c.width + 1;
    dospace = 1;
  });
  return out;
}

/**
 * The columns of the SysV formats, built as generate_sysv_list builds them (procps-ng@v4.0.4:src/ps/sortformat.c):
 * -f, -l, -F (f with SZ, RSS and PSR), -y (with -l: no F, RSS for ADDR), -j (PGID, SID), in any mix.
 */
export function sysvFormat(o: { f: boolean; l: boolean; F: boolean; y: boolean; j?: boolean }): string[] {
  const f = o.f || o.F;
  const cols: string[] = [];
  if (o.l) cols.push('f');
  if (o.l) cols.push('s');
  if (o.l && o.y) cols.shift();
  if (f) cols.push('uid_hack');
  else if (o.l) cols.push('uid');
  cols.push('pid');
  if (f || o.l) cols.push('ppid');
  // -j (FM_j): PGID and SID after PPID, before C.
  if (o.j) cols.push('pgid', 'sid');
  if (f || o.l) cols.push('c');
  if (o.l) cols.push('opri', 'ni', o.y ? 'rss' : 'addr_1');
  if (o.F || o.l) cols.push('sz');
  if (o.l) cols.push('wchan');
  if (o.F && !(o.l && o.y)) cols.push('rss');
  if (o.F) cols.push('psr');
  if (f) cols.push('stime');
  cols.push('tname', 'time', f ? 'cmd' : 'ucmd');
  return cols;
}
