/** What the network commands share (kit: network-*.ts and port.ts are the commands), in the Docker CLI's wording. */
import type { ExecResult } from '../../../api.ts';
import { networkEvent, pruneEvent } from '../../../docker/events.ts';
import type { Container } from '../../../docker/container.ts';
import type { Network } from '../../../net/networks.ts';
import type { CmdEnv } from '../../types.ts';
import { arity } from './errors.ts';
import type { Invocation } from './define.ts';
import type { FilterArgs } from './filters.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
export const notFound = (ref: string) => `Error response from daemon: network ${ref} not found\n`;

/** moby@v27.3.1:daemon/network.go acceptedNetworkFilters. */
const NETWORK_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

/**
 * moby@v27.3.1:daemon/network/filter.go FilterNetworks: the values of one key are ORed (driver and scope exactly,
 * name and id as regular expressions), label values must all match, and the keys are ANDed.
 */
export function filterNets(nets: Network[], f: FilterArgs): Network[] | string {
  const bad = f.validate(NETWORK_FILTERS);
  if (bad) return bad;
  let out = nets.filter(
    (n) =>
      f.exactMatch('driver', n.driver) && f.match('name', n.name) && f.match('id', n.id) && f.matchKVList('label', n.labels) && f.exactMatch('scope', 'local'),
  );
  const dangling = f.get('dangling');
  if (dangling.length > 1) return 'got more than one value for filter key "dangling"';
  if (dangling.length) {
    if (!['0', 'false', '1', 'true'].includes(dangling[0] as string))
      return 'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")';
    const only = dangling[0] === '1' || dangling[0] === 'true';
    out = out.filter((n) => (only ? !n.builtin && n.endpoints.size === 0 : n.builtin || n.endpoints.size > 0));
  }
  if (f.contains('type')) {
    const typed: Network[] = [];
    for (const v of f.get('type')) {
      if (v !== 'custom' && v !== 'builtin') return `invalid filter: 'type'='${v}'`;
      typed.push(...out.filter((n) => (v === 'builtin') === n.builtin));
    }
    out = typed;
  }
  return out;
}

export function netAndContainer(env: CmdEnv, args: string[], cmd: Invocation): { n: Network; c: Container } | ExecResult {
  const argErr = arity(cmd, args.length, 2);
  if (argErr) return argErr;
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
  for (const n of gone) {
    mgr.remove(n);
    networkEvent(env.daemon, n, 'destroy'); // DeleteNetwork → deleteNetwork
  }
  pruneEvent(env.daemon, 'network', 0); // NetworksPrune: reclaimed is always "0"
  return { gone: gone.map((n) => n.name) };
}
