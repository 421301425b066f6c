/**
 * pgrep's and pkill's selections beyond name, user and parent (procps-ng@v4.0.4:src/pgrep.c parse_opts and
 * select_procs): -t terminals, -s sessions and -g process groups (0: pgrep's own, conv_sid/conv_pgrp), -G real
 * groups, -r run states, -O older than N seconds, -F a pidfile's PID, --ns PID with --nslist, --cgroup.
 */
import type { NamespaceType } from '../api.ts';
import { sessionIds } from '../fs/procstat.ts';
import type { Proc } from '../kernel/types.ts';
import { stateOf } from './pscolumns.ts';
import type { CmdEnv } from './types.ts';

/**
 * --ns without --nslist compares ns_flags 0x3f: the first six of library/namespace.c ns_names, in
 * library/include/misc.h's order (cgroup, ipc, mnt, net, pid, time), though the usage lists ipc..uts.
 */
const NS_ORDER: NamespaceType[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];

/** A fatal error without the usage: xerrx's text and status (EXIT_USAGE 2, EXIT_FAILURE 1, EXIT_FATAL 3). */
export interface Fatal {
  text: string;
  status: number;
}

/** A predicate over processes, the warning pgrep prints before its usage (status 2), or a fatal error. */
export async function selectors(o: Map<string, string | undefined>, env: CmdEnv, mode: string): Promise<((p: Proc) => boolean) | string | Fatal> {
  const k = env.host.kernel;
  const viewer = env.self;
  const list = (key: string) => (o.get(key) ?? '').split(',');
  const nums = (key: string, what: string, zero: () => number): number[] | string => {
    const out: number[] = [];
    for (const n of list(key)) {
      if (!/^[-+]?\d+$/.test(n)) return `${mode}: invalid ${what}: ${n}\n`;
      out.push(Number(n) === 0 ? zero() : Number(n));
    }
    return out;
  };
  const own = sessionIds(env.host, viewer, viewer);
  const sids = o.has('s') ? nums('s', 'session id', () => own.sid) : undefined;
  if (typeof sids === 'string') return sids;
  const pgrps = o.has('g') ? nums('g', 'process group', () => own.pgid) : undefined;
  if (typeof pgrps === 'string') return pgrps;
  let gids: number[] | undefined;
  if (o.has('G')) {
    gids = [];
    const groups = (await env.readFile('/etc/group').catch(() => '')).split('\n').map((l) => l.split(':'));
    for (const n of list('G')) {
      const row = groups.find((r) => r[0] === n);
      if (!row && !/^\d+$/.test(n)) return `${mode}: invalid group name: ${n}\n`;
      gids.push(row ? Number(row[2]) : Number(n));
    }
  }
  let pidfile: number | undefined;
  if (o.has('L') && !o.has('F')) return { text: `${mode}: -L without -F makes no sense\nTry \`${mode} --help' for more information.\n`, status: 2 };
  if (o.has('F')) {
    // read_pidfile: a regular file whose first bytes are a PID >= 1, then nothing or a space.
    const text = await env.readFile(o.get('F') as string).catch(() => undefined);
    const m = text === undefined ? null : /^\s*(\d+)(\s|$)/.exec(text.slice(0, 11));
    if (!m || Number(m[1]) < 1) return { text: `${mode}: pidfile not valid\nTry \`${mode} --help' for more information.\n`, status: 1 };
    pidfile = Number(m[1]);
  }
  let nsRef: Proc | undefined;
  let nsTypes = NS_ORDER.slice(0, 6);
  if (o.has('NSLIST')) {
    const names = list('NSLIST');
    if (names.some((n) => !NS_ORDER.includes(n as NamespaceType))) return '';
    nsTypes = names as NamespaceType[];
  }
  if (o.has('NS')) {
    const pid = Number.parseInt(o.get('NS') as string, 10) || 0;
    nsRef = [...k.procs.values()].find((p) => k.pidIn(p, viewer.ns.pid) === pid);
    if (!nsRef) return { text: `${mode}: Error reading reference namespace information\n\n`, status: 3 };
  }
  const older = o.has('O') ? Number.parseInt(o.get('O') as string, 10) || 0 : 0;
  const states = o.get('r');
  const terms = o.has('t') ? list('t') : undefined;
  const cgroups = o.has('CGROUP') ? list('CGROUP') : undefined;
  const seen = (p: Proc) => k.pidIn(p, viewer.ns.pid) ?? 0;
  return (p) => {
    const ids = sids || pgrps ? sessionIds(env.host, p, viewer) : undefined;
    if (pidfile !== undefined && seen(p) !== pidfile) return false;
    if (pgrps && !pgrps.includes(ids!.pgid)) return false;
    if (gids && !gids.includes(p.gid)) return false;
    if (sids && !sids.includes(ids!.sid)) return false;
    if (nsRef && nsTypes.some((t) => p.ns[t] !== nsRef.ns[t])) return false;
    if (older && (env.host.clock.nowMs - p.startMs) / 1000 < older) return false;
    if (terms && !terms.includes(p.tty)) return false;
    if (states !== undefined && !states.includes(stateOf(p))) return false;
    if (cgroups && !cgroups.includes(p.cgroup)) return false;
    return true;
  };
}
