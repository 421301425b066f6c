/** `docker network ls|create|inspect|rm|connect|disconnect|prune` and `docker port`, in the Docker CLI's wording. */
import type { ExecResult } from '../../../api.ts';
import type { Container } from '../../../docker/container.ts';
import { networkDoc } from '../../../net/inspect.ts';
import { isContainerMode } from '../../../net/manager.ts';
import type { Network } from '../../../net/networks.ts';
import { hostAddr } from '../../../net/ports.ts';
import { parseFlags, type FlagDef } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { tabwrite, templated } from './format.ts';
import { argsError, confirmed } from './errors.ts';
import { formatted } from './image.ts';
import { GoFunc } from '../../kit/template/index.ts';
import { goTimeString } from '../../kit/gotime.ts';
import { parseFilters, type FilterArgs } from './filters.ts';

type Sub = (args: string[], env: CmdEnv) => Promise<ExecResult>;
const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const flagErr = (cmd: string, e: string) => R('', `${e}\nSee 'docker ${cmd} --help'.\n`, 125);
const countOf = (n: string) => {
  const m = /^(at least |at most |exactly )?(\d+) argument/.exec(n);
  return { kind: (m?.[1]?.trim() ?? 'exactly') as 'at least' | 'at most' | 'exactly', count: Number(m?.[2] ?? 1) };
};
const needArgs = (cmd: string, usage: string, what: string, n: string) => argsError(`docker ${cmd}`, countOf(n).kind, countOf(n).count, usage, what);
const notFound = (ref: string) => `Error response from daemon: network ${ref} not found\n`;

const LS_FLAGS: FlagDef[] = [{ long: 'quiet', short: 'q', type: 'bool' }, { long: 'no-trunc', type: 'bool' }, { long: 'filter', short: 'f', type: 'list' }, { long: 'format', type: 'string' }];

/** moby@v27.3.1:daemon/network.go acceptedNetworkFilters. */
const NETWORK_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

/**
 * moby@v27.3.1:daemon/network/filter.go FilterNetworks: the values of one key are ORed (driver and scope exactly,
 * name and id as regular expressions), label values must all match, and the keys are ANDed.
 */
function filterNets(nets: Network[], f: FilterArgs): Network[] | string {
  const bad = f.validate(NETWORK_FILTERS);
  if (bad) return bad;
  let out = nets.filter((n) => f.exactMatch('driver', n.driver) && f.match('name', n.name) && f.match('id', n.id) && f.matchKVList('label', n.labels) && f.exactMatch('scope', 'local'));
  const dangling = f.get('dangling');
  if (dangling.length > 1) return 'got more than one value for filter key "dangling"';
  if (dangling.length) {
    if (!['0', 'false', '1', 'true'].includes(dangling[0] as string)) return 'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")';
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

const ls: Sub = async (args, env) => {
  const p = parseFlags(args, LS_FLAGS, true);
  if (!p.ok) return flagErr('network ls', p.error);
  let nets = env.daemon.net.list().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parsed = parseFilters(p.flags.filter as string[] | undefined, '-f, --filter');
  if (parsed.error) return R('', `${parsed.error}\nSee 'docker network ls --help'.\n`, 125);
  const kept = filterNets(nets, parsed.filters);
  if (typeof kept === 'string') return R('', `Error response from daemon: ${kept}\n`, 1);
  // docker/cli@v27.3.1:cli/command/network/list.go sorts what the daemon returned by name.
  nets = kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const id = (n: Network) => (p.flags['no-trunc'] ? n.id : n.id.slice(0, 12));
  if (p.flags.quiet) return R(nets.map((n) => `${id(n)}\n`).join(''));
  const fmt = p.flags.format as string | undefined;
  // docker/cli@v27.3.1:cli/command/network/formatter.go: networkContext's methods and header map.
  const row = (n: Network) => ({
    ID: id(n), Name: n.name, Driver: n.driver, Scope: 'local', IPv6: 'false', Internal: String(n.internal), Labels: '',
    CreatedAt: goTimeString(n.createdMs, true), Label: new GoFunc(['string'], () => ''),
  });
  if (fmt && fmt !== 'table') {
    return formatted(nets.map(row), fmt, {
      ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT',
    }, '*network.networkContext');
  }
  return R(tabwrite([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...nets.map((n) => [id(n), n.name, n.driver, 'local'])]));
};

const CREATE_FLAGS: FlagDef[] = [
  { long: 'driver', short: 'd', type: 'string' }, { long: 'subnet', type: 'list' }, { long: 'gateway', type: 'list' }, { long: 'internal', type: 'bool' },
  { long: 'label', type: 'list' }, { long: 'attachable', type: 'bool' }, { long: 'opt', short: 'o', type: 'list' },
];

const create: Sub = async (args, env) => {
  const p = parseFlags(args, CREATE_FLAGS, true);
  if (!p.ok) return flagErr('network create', p.error);
  if (p.rest.length !== 1) return needArgs('network create', '[OPTIONS] NETWORK', 'Create a network', '1 argument');
  const subnets = (p.flags.subnet as string[] | undefined) ?? [];
  const gateways = (p.flags.gateway as string[] | undefined) ?? [];
  if (gateways.length > subnets.length) return R('', 'Error response from daemon: every ip-range or gateway must have a corresponding subnet\n', 1);
  const labels = Object.fromEntries(((p.flags.label as string[] | undefined) ?? []).map((l) => [l.split('=')[0], l.includes('=') ? l.slice(l.indexOf('=') + 1) : '']));
  const net = env.daemon.net.create(p.rest[0] as string, { driver: p.flags.driver as string | undefined, subnet: subnets[0], gateway: gateways[0], internal: Boolean(p.flags.internal), labels });
  if (typeof net === 'string') return R('', `Error response from daemon: ${net}\n`, 1);
  return R(`${net.id}\n`);
};

const inspect: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'format', short: 'f', type: 'string' }, { long: 'verbose', short: 'v', type: 'bool' }], true);
  if (!p.ok) return flagErr('network inspect', p.error);
  if (!p.rest.length) return needArgs('network inspect', '[OPTIONS] NETWORK [NETWORK...]', 'Display detailed information on one or more networks', 'at least 1 argument');
  const docs: Record<string, unknown>[] = [];
  let err = '';
  for (const ref of p.rest) {
    const n = env.daemon.net.find(ref);
    if (n) docs.push(networkDoc(env.daemon.net, n, env.daemon.containers.values()));
    else err += notFound(ref);
  }
  return templated(docs, p.flags.format as string | undefined, err);
};

const rm: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'force', short: 'f', type: 'bool' }], true);
  if (!p.ok) return flagErr('network rm', p.error);
  if (!p.rest.length) return needArgs('network rm', 'NETWORK [NETWORK...]', 'Remove one or more networks', 'at least 1 argument');
  let out = '';
  let err = '';
  for (const ref of p.rest) {
    const n = env.daemon.net.find(ref);
    if (!n) {
      if (!p.flags.force) err += notFound(ref);
      continue;
    }
    const e = env.daemon.net.remove(n);
    if (e) err += `Error response from daemon: ${e}\n`;
    else out += `${ref}\n`;
  }
  return R(out, err, err ? 1 : 0);
};

function netAndContainer(env: CmdEnv, args: string[], cmd: string, what: string): { n: Network; c: Container } | ExecResult {
  if (args.length !== 2) return needArgs(`network ${cmd}`, '[OPTIONS] NETWORK CONTAINER', what, '2 arguments');
  const n = env.daemon.net.find(args[0] as string);
  if (!n) return R('', notFound(args[0] as string), 1);
  const c = env.daemon.find(args[1] as string);
  if (!c) return R('', `Error response from daemon: No such container: ${args[1]}\n`, 1);
  return { n, c };
}

const connect: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'alias', type: 'list' }, { long: 'ip', type: 'string' }], true);
  if (!p.ok) return flagErr('network connect', p.error);
  const r = netAndContainer(env, p.rest, 'connect', 'Connect a container to a network');
  if ('exitCode' in r) return r;
  const { n, c } = r;
  const mgr = env.daemon.net;
  const mode = c.hostConfig.NetworkMode;
  if (mode === 'host' || isContainerMode(mode) || n.driver !== 'bridge' || mgr.networksOf(c).some((x) => x.driver !== 'bridge')) return R('', 'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n', 1);
  if (mgr.networksOf(c).includes(n)) return R('', `Error response from daemon: endpoint with name ${c.name} already exists in network ${n.name}\n`, 1);
  mgr.connect(c, n, c.status === 'running' && c.netns !== undefined ? env.host.kernel.namespaces.get(c.netns) : undefined);
  return R('');
};

const disconnect: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'force', short: 'f', type: 'bool' }], true);
  if (!p.ok) return flagErr('network disconnect', p.error);
  const r = netAndContainer(env, p.rest, 'disconnect', 'Disconnect a container from a network');
  if ('exitCode' in r) return r;
  const { n, c } = r;
  const mgr = env.daemon.net;
  if (!mgr.networksOf(c).includes(n)) return R('', `Error response from daemon: container ${c.id} is not connected to network ${n.name}\n`, 1);
  if (n.driver !== 'bridge') return R('', 'Error response from daemon: container cannot be disconnected from host network or connected to host network\n', 1);
  mgr.disconnect(c, n);
  return R('');
};

const prune: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'force', short: 'f', type: 'bool' }, { long: 'filter', type: 'list' }], true);
  if (!p.ok) return flagErr('network prune', p.error);
  const { filters, error } = parseFilters(p.flags.filter as string[] | undefined);
  if (error) return flagErr('network prune', error);
  const warn = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';
  if (!p.flags.force && !confirmed(env.stdin)) return R(warn);
  const prefix = p.flags.force ? '' : warn;
  const r = pruneNetworks(env, filters);
  if ('error' in r) return R(prefix, `Error response from daemon: ${r.error}\n`, 1);
  return R(r.gone.length ? `${prefix}Deleted Networks:\n${r.gone.map((n) => `${n}\n`).join('')}\n` : prefix);
};

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

const USAGE = `
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Connect a container to a network
  create      Create a network
  disconnect  Disconnect a container from a network
  inspect     Display detailed information on one or more networks
  ls          List networks
  prune       Remove all unused networks
  rm          Remove one or more networks

Run 'docker network COMMAND --help' for more information on a command.
`;

/** `docker network <sub> --help`: the usage line, summary and aliases Docker 27 prints first. */
const SUB_HELP: Record<string, [string, string, string?]> = {
  ls: ['docker network ls [OPTIONS]', 'List networks', 'docker network ls, docker network list'],
  create: ['docker network create [OPTIONS] NETWORK', 'Create a network'],
  inspect: ['docker network inspect [OPTIONS] NETWORK [NETWORK...]', 'Display detailed information on one or more networks'],
  rm: ['docker network rm NETWORK [NETWORK...]', 'Remove one or more networks', 'docker network rm, docker network remove'],
  connect: ['docker network connect [OPTIONS] NETWORK CONTAINER', 'Connect a container to a network'],
  disconnect: ['docker network disconnect [OPTIONS] NETWORK CONTAINER', 'Disconnect a container from a network'],
  prune: ['docker network prune [OPTIONS]', 'Remove all unused networks'],
};

const withHelp = (name: string, fn: Sub): Sub => async (args, env) => {
  const h = SUB_HELP[name];
  if (!args.includes('--help') || !h) return fn(args, env);
  return R(`\nUsage:  ${h[0]}\n\n${h[1]}\n${h[2] ? `\nAliases:\n  ${h[2]}\n` : ''}`);
};

export const NETWORK_SUBS: Record<string, Sub> = {
  ls: withHelp('ls', ls), list: withHelp('ls', ls), create: withHelp('create', create), inspect: withHelp('inspect', inspect), rm: withHelp('rm', rm), remove: withHelp('rm', rm),
  connect: withHelp('connect', connect), disconnect: withHelp('disconnect', disconnect), prune: withHelp('prune', prune), '--help': async () => R(USAGE),
};

/** `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`. */
export const port: Sub = async (args, env) => {
  if (!args.length) return needArgs('port', 'CONTAINER [PRIVATE_PORT[/PROTO]]', 'List port mappings or a specific mapping for the container', 'at least 1 argument');
  const c = env.daemon.find(args[0] as string);
  if (!c) return R('', `Error response from daemon: No such container: ${args[0]}\n`, 1);
  const want = args[1];
  if (want !== undefined) {
    const key = want.includes('/') ? want : `${want}/tcp`;
    const hits = c.ports.filter((b) => `${b.containerPort}/${b.proto}` === key);
    if (!hits.length) return R('', `Error: No public port '${key}' published for ${args[0]}\n`, 1);
    return R(hits.map((b) => `${hostAddr(b)}\n`).join(''));
  }
  return R(c.ports.map((b) => `${b.containerPort}/${b.proto} -> ${hostAddr(b)}\n`).join(''));
};
