/** What the network commands share (kit: network-*.ts and port.ts are the commands), in the Docker CLI's wording. */
import type { ExecResult } from '../../../api.ts';
import type { Container } from '../../../docker/container.ts';
import type { Network } from '../../../net/networks.ts';
import type { CmdEnv } from '../../types.ts';
import { argsError } from './errors.ts';
import type { FilterArgs } from './filters.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
export const flagErr = (cmd: string, e: string) => R('', `${e}\nSee 'docker ${cmd} --help'.\n`, 125);
const countOf = (n: string) => {
  const m = /^(at least |at most |exactly )?(\d+) argument/.exec(n);
  return { kind: (m?.[1]?.trim() ?? 'exactly') as 'at least' | 'at most' | 'exactly', count: Number(m?.[2] ?? 1) };
};
export const needArgs = (cmd: string, usage: string, what: string, n: string) => argsError(`docker ${cmd}`, countOf(n).kind, countOf(n).count, usage, what);
export const notFound = (ref: string) => `Error response from daemon: network ${ref} not found\n`;

export function filterNet(n: Network, f: string): boolean | string {
  const eq = f.indexOf('=');
  if (eq < 0) return `bad format of filter (expected name=value)`;
  const [k, v] = [f.slice(0, eq), f.slice(eq + 1)];
  if (k === 'name') return n.name.includes(v);
  if (k === 'driver') return n.driver === v;
  if (k === 'id') return n.id.startsWith(v);
  if (k === 'type') return v === 'custom' ? !n.builtin : v === 'builtin' ? n.builtin : `invalid filter: 'type'='${v}'`;
  if (k === 'scope') return v === 'local';
  if (k === 'dangling') return n.endpoints.size === 0 && !n.builtin;
  return `invalid filter '${k}'`;
}

export function netAndContainer(env: CmdEnv, args: string[], cmd: string, what: string): { n: Network; c: Container } | ExecResult {
  if (args.length !== 2) return needArgs(`network ${cmd}`, '[OPTIONS] NETWORK CONTAINER', what, '2 arguments');
  const n = env.daemon.net.find(args[0] as string);
  if (!n) return R('', notFound(args[0] as string), 1);
  const c = env.daemon.find(args[1] as string);
  if (!c) return R('', `Error response from daemon: No such container: ${args[1]}\n`, 1);
  return { n, c };
}

/**
 * moby@v27.3.1:daemon/prune.go NetworksPrune: custom networks without endpoints, created no later
 * than `until`, whose labels match `label` and not `label!`; returns their names or the daemon's error.
 */
export function pruneNetworks(env: CmdEnv, filters: FilterArgs): { gone: string[] } | { error: string } {
  const bad = filters.validate(['label', 'label!', 'until']);
  if (bad) return { error: bad };
  const until = filters.until(env.host.clock.nowMs);
  if (until.error) return { error: until.error };
  const mgr = env.daemon.net;
  const used = new Set([...env.daemon.containers.values()].flatMap((c) => mgr.networksOf(c)));
  const gone = mgr.list().filter((n) => !n.builtin && !used.has(n) && !(until.ms !== undefined && n.createdMs > until.ms) && filters.matchLabels(n.labels));
  for (const n of gone) mgr.remove(n);
  return { gone: gone.map((n) => n.name) };
}

