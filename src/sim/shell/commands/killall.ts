/**
 * killall, psmisc 23.7 on the Ubuntu host (busybox's applet in alpine: killall-busybox.ts). Sources: psmisc's
 * src/killall.c and src/signals.c as released in 23.7 (gitlab.com/psmisc/psmisc; read here from the mirror
 * codacy-open-source-projects-scans/psmisc, snapshot 5e7ca3c of 2024-03-13, whose ChangeLog tops with "Changes in
 * 23.7"; killall.c there is the 23.7 file, the next change to it being "Use gettime instead of uptime" after 23.7).
 * - Options: getopt_long_only with "egy:o:ilqrs:u:vwZ:VIn:" and opterr = 0; a word getopt does not know comes back
 *   as '?' and killall reads it itself: `-KILL`/`-HUP` (upper case) is a signal name, `-9` a number, `-ve` verbose
 *   and exact, anything else the usage (exit 1). `-I…`/`-V…` other than `-I`/`-V` are signal names (ILL, VTALRM).
 * - Signals: the numeric `#define SIGxxx N` of glibc's <signal.h> in number order (Makefile.am's signames.h rule), so
 *   POLL and not IO; get_signal takes a number as atoi does, or a name with an optional SIG, case-sensitive:
 *   "%s: unknown signal; %s -l lists signals." and exit 1. list_signals wraps at 80 columns.
 * - Matching (kill_all, match_process_name): a name without '/' against the comm; a 15-character comm is checked
 *   against the command line's words (load_proc_cmdline), so `killall systemd-journald` finds systemd-journal; -e
 *   skips a partial match; -I ignores case; -r takes NAME as an extended regular expression; a name with '/' is
 *   stat()ed (perror on failure) and matched by the executable (modelled: an absolute argv[0], the sim has no
 *   /proc/PID/exe); -u by the real UID of /proc/PID/status; -y/-o by age (s m h d w M y); -n by PID namespace;
 *   -Z by /proc/PID/attr/current (no SELinux on Ubuntu: AppArmor's label); -g signals each process group once.
 * - Results: -v prints "Killed %s(%s%d) with signal %d" on stderr; a refused kill "%s(%d): %s"; each name that
 *   killed nothing "%s: no process found" (not with -q); exit 0 when every name killed something (no names: when
 *   anything was killed), else 1. -i asks "Kill %s(%s%d) ? (y/N) " (Signal … for another signal) on stdout and reads
 *   a line: rpmatch's y or n, an empty line or end of input is no. -w waits until the processes are gone.
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { Proc } from '../../kernel/types.ts';
import { sessionIds } from '../../fs/procstat.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { busyboxKillall } from './killall-busybox.ts';
import { type Opts, parseKillall } from '../killall-args.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
/** rpmatch on the answers piped in: 1 yes, 0 no, -1 neither (asked again). */
const rpmatch = (line: string) => (/^[yY]/.test(line) ? 1 : /^[nN]/.test(line) ? 0 : -1);

async function killall(o: Opts, env: CmdEnv): Promise<ExecResult> {
  const k = env.host.kernel;
  const viewer = env.self;
  let uid: number | undefined;
  if (o.user !== undefined) {
    const row = (await env.readFile('/etc/passwd').catch(() => ''))
      .split('\n')
      .map((l) => l.split(':'))
      .find((r) => r[0] === o.user);
    if (!row) return R('', `Cannot find user ${o.user}\n`, 1);
    uid = Number(row[2]);
  }
  let err = '';
  let out = '';
  const paths = new Map<string, boolean>();
  for (const n of o.names)
    if (n.includes('/') && !o.regexp) {
      if (!(await env.fs.exists(n))) return R('', `${n}: No such file or directory\n`, 1);
      paths.set(n, true);
    }
  let regs: RegExp[] = [];
  if (o.regexp)
    try {
      regs = o.names.map((n) => new RegExp(n, o.ignoreCase ? 'i' : ''));
    } catch {
      const bad = o.names.find((n) => {
        try {
          new RegExp(n);
          return false;
        } catch {
          return true;
        }
      });
      return R('', `killall: Bad regular expression: ${bad}\n`, 1);
    }
  const nsOf = (pid: number) => [...k.procs.values()].find((p) => k.pidIn(p, viewer.ns.pid) === pid)?.ns.pid;
  const nsWanted = o.nsPid !== undefined ? nsOf(o.nsPid) : undefined;
  const eq = (a: string, b: string) => (o.ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  const nowMs = env.host.clock.nowMs;
  const answers = env.stdin.split('\n');
  const ask = (name: string, id: number): boolean => {
    for (;;) {
      out += `${o.sig === 15 ? 'Kill' : 'Signal'} ${name}(${o.group ? 'pgid ' : ''}${id}) ? (y/N) `;
      const line = answers.shift();
      if (line === undefined || line === '') return false;
      const r = rpmatch(line);
      if (r >= 0) return r === 1;
    }
  };
  const procs = [...k.procs.values()]
    .map((p) => ({ p, pid: k.pidIn(p, viewer.ns.pid) }))
    .filter((x): x is { p: Proc; pid: number } => x.pid !== undefined && x.p !== viewer)
    .sort((a, b) => a.pid - b.pid);
  let found = 0;
  const killed: Proc[] = [];
  const groups = new Set<number>();
  for (const { p, pid } of procs) {
    if (uid !== undefined && p.uid !== uid) continue;
    if (nsWanted !== undefined && p.ns.pid !== nsWanted) continue;
    if (o.context && !o.context.test(p.apparmor === 'unconfined' ? 'unconfined\n' : `${p.apparmor} (enforce)\n`)) continue;
    const age = (nowMs - p.startMs) / 1000;
    if (o.younger && age > o.younger) continue;
    if (o.older && age < o.older) continue;
    const comm = p.comm;
    // load_proc_cmdline: a 15-character comm may be a cut name: the first command-line word whose base starts with it.
    let command: string | undefined;
    if (comm.length === 15) {
      for (const a of p.kthread ? [] : p.argv) {
        if (!a) break;
        const base = a.slice(a.lastIndexOf('/') + 1);
        if (base.startsWith(comm)) {
          command = base;
          break;
        }
      }
      if (o.exact && command === undefined) {
        if (o.verbose) err += `killall: skipping partial match ${comm}(${pid})\n`;
        continue;
      }
    }
    const shown = command ?? comm;
    let which = -1;
    for (let j = 0; j < o.names.length && which < 0; j++) {
      const name = o.names[j] as string;
      if (o.regexp) {
        if (regs[j]!.test(shown)) which = j;
      } else if (paths.has(name)) {
        if (p.argv[0] === name) which = j;
      } else if (comm.length === 15 && name.length >= 15) {
        if (command !== undefined ? eq(name, command) : eq(name.slice(0, 15), comm)) which = j;
      } else if (eq(name, shown)) which = j;
    }
    if (o.names.length && which < 0) continue;
    const id = o.group ? sessionIds(env.host, p, viewer).pgid : pid;
    if (o.group) {
      if (groups.has(id)) continue;
      groups.add(id);
    }
    if (o.interactive && !ask(comm, id)) continue;
    const targets = o.group ? procs.filter((x) => sessionIds(env.host, x.p, viewer).pgid === id).map((x) => x.p) : [p];
    // kill(2): EPERM without CAP_KILL for another user's process; EINVAL for a number that is no signal.
    const refused =
      o.sig > 64 || o.sig < 0 ? 'Invalid argument' : targets.some((t) => t.uid !== viewer.uid && !hasCap(viewer.caps, 'kill')) ? 'Operation not permitted' : '';
    if (refused) {
      err += `${shown}(${id}): ${refused}\n`;
      continue;
    }
    for (const t of targets) send(env, t, o.sig);
    if (o.verbose) err += `Killed ${shown}(${o.group ? 'pgid ' : ''}${id}) with signal ${o.sig}\n`;
    if (which >= 0) found |= 1 << which;
    killed.push(...targets);
  }
  if (!o.quiet)
    o.names.forEach((n, i) => {
      if (!(found & (1 << i))) err += `${n}: no process found\n`;
    });
  const ok = o.names.length ? found === 2 ** o.names.length - 1 : killed.length > 0;
  if (o.wait && killed.length) {
    const outcome = await env.host.waitUntil(() => killed.every((p) => !k.procs.has(p.pid) || p.state === 'Z'), undefined, env.signal);
    if (outcome === 'aborted') return R(out, err, 130);
  }
  return R(out, err, ok ? 0 : 1);
}

/** Sends `sig` as kill(2) does from the caller's namespace (a container's init from outside through its runtime). */
export function send(env: CmdEnv, p: Proc, sig: number): void {
  if (sig === 0 || p.state === 'Z') return;
  const k = env.host.kernel;
  const fromAncestor = k.ns(env.self.ns.pid).level < k.ns(p.ns.pid).level;
  const c = p.containerId && k.isNsInit(p) ? env.daemon.containers.get(p.containerId) : undefined;
  if (c && fromAncestor) env.daemon.signal(c, sig);
  else k.signal(p, sig, fromAncestor);
}

export const killallCommand: SimCommand = {
  name: 'killall',
  async run(args, env) {
    if (env.flavor === 'busybox') return busyboxKillall(args, env);
    const o = parseKillall(args);
    return 'names' in o ? await killall(o, env) : o;
  },
};
