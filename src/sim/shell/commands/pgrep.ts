/**
 * pgrep and pkill, procps-ng 4.0.4 (the Ubuntu host): select processes by a POSIX extended
 * regular expression on the name (comm, 15 characters) or with -f the whole command line,
 * -x whole match, -i, -v, -u/-U users, -P parents, -n/-o newest/oldest, -c count; pgrep
 * lists PIDs (-l with the name, -a with the command line, -d delimiter), pkill sends -SIG or
 * --signal SIG (default SIGTERM; -e echoes). Exit 0 when something matched (pkill: was
 * signalled), 1 when nothing did, 2 on a usage error. Texts and logic:
 * procps-ng@v4.0.4:src/pgrep.c (usage, parse_opts, select_procs, output_numlist,
 * output_strlist, main), local/c.h USAGE_*; getopt's errors are glibc's.
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { parseSignal } from '../../kernel/signals.ts';
import type { Proc } from '../../kernel/types.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { selectors } from '../pgrep-select.ts';
import { accounts } from '../users.ts';

type Mode = 'pgrep' | 'pkill';

function usage(mode: Mode): string {
  const own =
    mode === 'pgrep'
      ? ' -d, --delimiter <string>  specify output delimiter\n -l, --list-name           list PID and process name\n -a, --list-full           list PID and full command line\n -v, --inverse             negates the matching\n -w, --lightweight         list all TID\n'
      : ' -<sig>                    signal to send (either number or name)\n -H, --require-handler     match only if signal handler is present\n -q, --queue <value>       integer value to be sent with the signal\n -e, --echo                display what is killed\n';
  return `\nUsage:\n ${mode} [options] <pattern>\n\nOptions:\n${own} -c, --count               count of matching processes\n -f, --full                use full process name to match\n -g, --pgroup <PGID,...>   match listed process group IDs\n -G, --group <GID,...>     match real group IDs\n -i, --ignore-case         match case insensitively\n -n, --newest              select most recently started\n -o, --oldest              select least recently started\n -O, --older <seconds>     select where older than seconds\n -P, --parent <PPID,...>   match only child processes of the given parent\n -s, --session <SID,...>   match session IDs\n     --signal <sig>        signal to send (either number or name)\n -t, --terminal <tty,...>  match by controlling terminal\n -u, --euid <ID,...>       match by effective IDs\n -U, --uid <ID,...>        match by real IDs\n -x, --exact               match exactly with the command name\n -F, --pidfile <file>      read PIDs from file\n -L, --logpidfile          fail if PID file is not locked\n -r, --runstates <state>   match runstates [D,S,Z,...]\n -A, --ignore-ancestors    exclude our ancestors from results\n --cgroup <grp,...>        match by cgroup v2 names\n --ns <PID>                match the processes that belong to the same\n                           namespace as <pid>\n --nslist <ns,...>         list which namespaces will be considered for\n                           the --ns option.\n                           Available namespaces: ipc, mnt, net, pid, user, uts\n\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see ${mode}(1).\n`;
}

const LONGS: LongOpt[] = [
  ['signal', 'required', 'SIGNAL'],
  ['count', 'none', 'c'],
  ['delimiter', 'required', 'd'],
  ['list-name', 'none', 'l'],
  ['list-full', 'none', 'a'],
  ['full', 'none', 'f'],
  ['pgroup', 'required', 'g'],
  ['group', 'required', 'G'],
  ['ignore-case', 'none', 'i'],
  ['newest', 'none', 'n'],
  ['oldest', 'none', 'o'],
  ['older', 'required', 'O'],
  ['parent', 'required', 'P'],
  ['session', 'required', 's'],
  ['terminal', 'required', 't'],
  ['euid', 'required', 'u'],
  ['uid', 'required', 'U'],
  ['inverse', 'none', 'v'],
  ['lightweight', 'none', 'w'],
  ['exact', 'none', 'x'],
  ['echo', 'none', 'e'],
  ['runstates', 'required', 'r'],
  ['ignore-ancestors', 'none', 'A'],
  ['pidfile', 'required', 'F'],
  ['logpidfile', 'none', 'L'],
  ['ns', 'required', 'NS'],
  ['nslist', 'required', 'NSLIST'],
  ['cgroup', 'required', 'CGROUP'],
  ['help', 'none', 'h'],
  ['version', 'none', 'V'],
].map(([name, arg, key]) => ({ name, arg, key }) as LongOpt);

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export async function procpsSelect(mode: Mode, argv: string[], env: CmdEnv): Promise<ExecResult> {
  const args = [...argv];
  let sig = 15;
  if (mode === 'pkill') {
    // signal_option: the first -NAME/-NUM that is a signal is taken out before getopt.
    const i = args.findIndex((a) => a.startsWith('-') && parseSignal(a.slice(1)) !== undefined && !/^-[a-z]+$/.test(a));
    if (i >= 0) sig = parseSignal((args.splice(i, 1)[0] as string).slice(1)) as number;
  }
  const parsed = getopt(
    args,
    `${mode === 'pkill' ? 'eq:' : 'lad:vw'}LF:cfinoxP:O:AHg:s:u:U:G:t:r:?Vh`,
    LONGS.filter((l) => (mode === 'pkill' ? !['d', 'l', 'a', 'v', 'w'].includes(l.key) : l.key !== 'e')),
  );
  if (!parsed.ok) return R('', `${mode}: ${parsed.error}\n${usage(mode)}`, 2);
  const o = new Map<string, string | undefined>(parsed.opts);
  if (o.has('h')) return R(usage(mode));
  if (o.has('V')) return R(`${mode} from procps-ng 4.0.4\n`);
  const passwd = await accounts(env);
  const ids = (list: string, what: 'uid'): number[] | string => {
    const out: number[] = [];
    for (const n of list.split(',')) {
      if (/^\d+$/.test(n)) out.push(Number(n));
      else {
        const u = passwd.find((x) => x.name === n);
        if (!u) return `${mode}: invalid user name: ${n}\n`;
        out.push(what === 'uid' ? u.uid : u.gid);
      }
    }
    return out;
  };
  // -u matches the effective uid, -U the real one (procps-ng@v4.0.4:src/pgrep.c select_procs: opt_euid, opt_ruid).
  const euids = o.has('u') ? ids(o.get('u') as string, 'uid') : undefined;
  if (typeof euids === 'string') return R('', `${euids}${usage(mode)}`, 2);
  const ruids = o.has('U') ? ids(o.get('U') as string, 'uid') : undefined;
  if (typeof ruids === 'string') return R('', `${ruids}${usage(mode)}`, 2);
  const users = euids ?? ruids;
  const sel = await selectors(o, env, mode);
  if (typeof sel === 'string') return R('', `${sel}${usage(mode)}`, 2);
  if (typeof sel !== 'function') return R('', sel.text, sel.status);
  const parents = o.has('P') ? (o.get('P') as string).split(',') : undefined;
  if (parents?.some((p) => !/^\d+$/.test(p))) return R('', `${mode}: not a number: ${parents.find((p) => !/^\d+$/.test(p))}\n${usage(mode)}`, 2);
  if (parsed.operands.length > 1) return R('', `${mode}: only one pattern can be provided\nTry \`${mode} --help' for more information.\n`, 2);
  const pattern = parsed.operands[0];
  const criteria =
    users || parents || o.has('t') || o.has('s') || o.has('g') || o.has('G') || o.has('r') || o.has('O') || o.has('F') || o.has('NS') || o.has('CGROUP');
  if (pattern === undefined && !criteria) return R('', `${mode}: no matching criteria specified\nTry \`${mode} --help' for more information.\n`, 2);
  if (o.has('SIGNAL')) {
    const s = parseSignal(o.get('SIGNAL') as string);
    if (s === undefined) return R('', `Unknown signal "${o.get('SIGNAL')}".${usage(mode)}`, 2);
    sig = s;
  }
  let re: RegExp | undefined;
  if (pattern !== undefined) {
    try {
      re = new RegExp(o.has('x') ? `^(${pattern})$` : pattern, o.has('i') ? 'i' : '');
    } catch {
      return R('', `${mode}: regex error: Invalid regular expression\n`, 2);
    }
  }
  const k = env.host.kernel;
  const viewer = env.self;
  const cmdline = (p: Proc) => (p.kthread ? `[${p.comm}]` : p.argv.join(' ') || `[${p.comm}]`);
  const ancestors = new Set<Proc>();
  if (o.has('A')) for (let a = k.procs.get(viewer.ppid); a && !ancestors.has(a); a = k.procs.get(a.ppid)) ancestors.add(a);
  let found = [...k.procs.values()]
    .filter((p) => p !== viewer && !ancestors.has(p))
    .map((p) => ({ p, pid: k.pidIn(p, viewer.ns.pid) as number }))
    .filter((x) => x.pid !== undefined)
    .filter(({ p }) => {
      let match = true;
      if (euids && !euids.includes(p.euid)) match = false;
      else if (ruids && !ruids.includes(p.uid)) match = false;
      else if (!sel(p)) match = false;
      else if (parents && !parents.map(Number).includes(k.procs.get(p.ppid) ? (k.pidIn(k.procs.get(p.ppid) as Proc, viewer.ns.pid) ?? 0) : 0)) match = false;
      else if (re && !re.test(o.has('f') ? cmdline(p) : p.comm.slice(0, 15))) match = false;
      return match !== o.has('v');
    })
    .sort((a, b) => a.pid - b.pid);
  if (o.has('n') && found.length) found = [found.reduce((a, b) => (b.p.startMs > a.p.startMs || (b.p.startMs === a.p.startMs && b.pid > a.pid) ? b : a))];
  if (o.has('o') && found.length) found = [found.reduce((a, b) => (b.p.startMs < a.p.startMs || (b.p.startMs === a.p.startMs && b.pid < a.pid) ? b : a))];
  let err = '';
  if (!found.length && !o.has('f') && pattern && pattern.length > 15 && !/[|[]/.test(pattern))
    err = `${mode}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${mode} -f' option to match against the complete command line.\n`;
  if (mode === 'pgrep') {
    if (o.has('c')) return R(`${found.length}\n`, err, found.length ? 0 : 1);
    const delim = o.get('d') ?? '\n';
    const item = (x: { p: Proc; pid: number }) => (o.has('a') ? `${x.pid} ${cmdline(x.p)}` : o.has('l') ? `${x.pid} ${x.p.comm}` : String(x.pid));
    return R(found.length ? `${found.map(item).join(delim)}\n` : '', err, found.length ? 0 : 1);
  }
  let out = '';
  let killed = 0;
  for (const { p, pid } of found) {
    // kill(2): another user's process needs CAP_KILL ("killing pid N failed: Operation not permitted").
    if (p.uid !== viewer.uid && !hasCap(viewer.caps, 'kill')) {
      err += `pkill: killing pid ${pid} failed: Operation not permitted\n`;
      continue;
    }
    killed++;
    if (o.has('e')) out += `${p.comm} killed (pid ${pid})\n`;
    if (p.state === 'Z') continue;
    const fromAncestor = k.ns(viewer.ns.pid).level < k.ns(p.ns.pid).level;
    const c = p.containerId && k.isNsInit(p) ? env.daemon.containers.get(p.containerId) : undefined;
    if (c && fromAncestor) env.daemon.signal(c, sig);
    else k.signal(p, sig, fromAncestor);
  }
  if (o.has('c')) out += `${found.length}\n`;
  return R(out, err, killed ? 0 : 1);
}

export const pgrep: SimCommand = { name: 'pgrep', run: (args, env) => procpsSelect('pgrep', args, env) };
