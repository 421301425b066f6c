/**
 * `docker ps --filter`: moby@v27.3.1:daemon/list.go. The CLI collects the flags into a filters.Args (a set
 * of values per key); the daemon ORs the values of one key and ANDs the keys, except `label`, whose
 * values must all match (filters.Args.MatchKVList).
 */
import { containerLabels, stateString, type Container } from '../../../docker/container.ts';
import type { NetworkManager } from '../../../net/manager.ts';
import { portsMap } from '../../../net/ports.ts';
import type { FilterArgs } from './filters.ts';

/** moby@v27.3.1:daemon/list.go acceptedPsFilterTags. */
const ACCEPTED = [
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'health',
  'since',
  'volume',
  'network',
  'is-task',
  'publish',
  'expose',
];
/** moby@v27.3.1:container/state.go IsValidStateString. */
const STATES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited'];
/** moby@v27.3.1:container/health.go IsValidHealthString. */
const HEALTH = ['starting', 'healthy', 'unhealthy', 'none'];

/** moby@v27.3.1:daemon/list.go portOp: `80`, `80/udp` or `8000-8080[/proto]` into a set of `port/proto`. */
function ports(f: FilterArgs, key: string): { set: Set<string>; error?: string } {
  const set = new Set<string>();
  for (const value of f.get(key)) {
    if (value.includes(':')) return { set, error: `filter for '${key}' should not contain ':': ${value}` };
    const slash = value.indexOf('/');
    const proto = slash < 0 ? 'tcp' : value.slice(slash + 1).toLowerCase() || 'tcp';
    const range = slash < 0 ? value : value.slice(0, slash);
    const m = /^(\d+)(?:-(\d+))?$/.exec(range);
    const start = Number(m?.[1]);
    const end = m?.[2] === undefined ? start : Number(m[2]);
    // docker/go-connections@v0.5.0:nat/nat.go ParsePortRange wording.
    if (!m || start > 65535 || end > 65535) return { set, error: `error while looking up for ${key} ${value}: invalid port: ${range}` };
    if (end < start) return { set, error: `error while looking up for ${key} ${value}: invalid range specified for port: ${range}` };
    for (let i = start; i <= end; i++) set.add(`${i}/${proto}`);
  }
  return { set };
}

export interface PsFilter {
  test(c: Container): boolean;
}

/** foldFilter's checks, in its order; an error is the daemon's text (before/since are resolved by the caller). */
export function psFilter(
  f: FilterArgs,
  net: NetworkManager | undefined,
  mountsOf: (c: Container) => { Name?: string; Source: string; Destination: string }[],
): PsFilter | { error: string } {
  const invalid = f.validate(ACCEPTED);
  if (invalid) return { error: invalid };
  const exited: number[] = [];
  for (const v of f.get('exited')) {
    if (!/^[+-]?\d+$/.test(v)) return { error: `invalid filter 'exited=${v}': strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax` };
    exited.push(Number(v));
  }
  for (const v of f.get('status')) if (!STATES.includes(v)) return { error: `invalid filter 'status=${v}'` };
  const task = f.bool('is-task', false);
  if (task.error) return { error: task.error };
  for (const v of f.get('health')) if (!HEALTH.includes(v)) return { error: `unrecognized filter value for health: ${v}` };
  const publish = ports(f, 'publish');
  if (publish.error) return { error: publish.error };
  const expose = ports(f, 'expose');
  if (expose.error) return { error: expose.error };
  return {
    test(c) {
      if (!f.match('name', c.name) && !f.match('name', `/${c.name}`)) return false;
      if (!f.match('id', c.id)) return false;
      // No container on node1 is a swarm task.
      if (f.contains('is-task') && task.value) return false;
      if (!f.matchKVList('label', containerLabels(c))) return false;
      if (exited.length && !(c.status === 'exited' && exited.includes(c.exitCode) && c.startedMs > 0)) return false;
      if (!f.match('status', stateString(c))) return false;
      // moby@v27.3.1:daemon/list.go: the health status, "none" (types.NoHealthcheck) without a health check.
      if (f.contains('health') && !f.get('health').includes(c.health?.Status ?? 'none')) return false;
      if (f.contains('volume')) {
        const mounts = mountsOf(c);
        if (!f.get('volume').some((v) => mounts.some((m) => m.Destination === v || (m.Name || m.Source) === v))) return false;
      }
      if (f.contains('ancestor') && !f.get('ancestor').some((v) => c.imageArg === v || c.image?.ref === v || c.image?.repo === v)) return false;
      if (f.contains('network')) {
        const nets = c.hostConfig && net ? net.networksOf(c) : [];
        if (!f.get('network').some((v) => nets.some((n) => n.name === v || n.id.startsWith(v)))) return false;
      }
      if (publish.set.size || expose.set.size) {
        // container.Ports: the published bindings (PublicPort) and the exposed ports (PrivatePort).
        const published = c.ports.map((p) => `${p.hostPort}/${p.proto}`);
        const exposedPorts = [...c.ports.map((p) => `${p.containerPort}/${p.proto}`), ...Object.keys(portsMap(c))];
        if (!published.some((p) => publish.set.has(p)) && !exposedPorts.some((p) => expose.set.has(p))) return false;
      }
      return true;
    },
  };
}
