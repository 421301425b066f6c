/**
 * `docker swarm` (docker/cli@v27.3.1:cli/command/swarm/*.go): node1's daemon is not in a swarm
 * (docker info " Swarm: inactive"), so every subcommand that asks the daemon about its swarm gets the
 * daemon's error. `swarm init` and `swarm join` would succeed on a real node1 and turn it into a
 * swarm node (raft store, ingress network, docker_gwbridge, listening ports): the simulator does not
 * fake that. They parse their flags as the CLI does, then answer with one course line that swarm is
 * outside this host's scope, and status 1 (a value with no upstream source: the course's choice).
 */
import type { ExecResult } from '../../../api.ts';
import { arity, daemonErr } from './errors.ts';
import type { DockerFlag, Invocation } from './define.ts';
import type { CmdEnv } from '../../types.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

// moby@v27.3.1:daemon/cluster/cluster.go errNoManager, for a node with no swarm node at all.
const NOT_MANAGER = 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
// moby@v27.3.1:daemon/cluster/errors.go errNoSwarm.
export const NO_SWARM = 'This node is not part of a swarm';

/** The daemon's answer to a manager-only request on node1. */
export const notManager = (): ExecResult => R('', daemonErr(NOT_MANAGER), 1);

const SCOPE = {
  en: 'swarm mode is outside this simulated host’s scope: node1 stays a standalone Docker host (docker info says Swarm: inactive).',
  zh: 'Swarm 模式不在这台模拟主机的范围内：node1 始终是单机 Docker 主机（docker info 显示 Swarm: inactive）。',
};

/** init and join: the course line instead of a swarm (see the file's comment). */
export function outOfScope(env: CmdEnv): ExecResult {
  env.note?.(SCOPE);
  return R('', '', 1);
}

/** runInit/runJoin: --availability is checked before the daemon is asked. */
export function badAvailability(v: string | undefined): ExecResult | undefined {
  if (v === undefined || ['active', 'pause', 'drain'].includes(v.toLowerCase())) return undefined;
  return R('', `invalid availability ${JSON.stringify(v)}, only active, pause and drain are supported\n`, 1);
}

// cli/command/swarm/opts.go: the flags of init, join and update.
export const LISTEN: DockerFlag = {
  long: 'listen-addr',
  type: 'node-addr',
  default: '0.0.0.0:2377',
  usage: 'Listen address (format: "<ip|interface>[:port]")',
};
export const ADVERTISE: DockerFlag = { long: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' };
export const DATA_PATH_ADDR: DockerFlag = {
  long: 'data-path-addr',
  type: 'string',
  usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")',
};
export const AVAILABILITY: DockerFlag = {
  long: 'availability',
  type: 'string',
  default: 'active',
  usage: 'Availability of the node ("active", "pause", "drain")',
};
// addSwarmFlags.
export const SWARM_FLAGS: DockerFlag[] = [
  { long: 'task-history-limit', type: 'int64', default: '5', usage: 'Task history retention limit' },
  { long: 'dispatcher-heartbeat', type: 'duration', default: '5s', usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)' },
  { long: 'cert-expiry', type: 'duration', default: '2160h0m0s', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)' },
  { long: 'external-ca', type: 'external-ca', usage: 'Specifications of one or more certificate signing endpoints' },
  { long: 'max-snapshots', type: 'uint64', usage: 'Number of additional Raft snapshots to retain' },
  { long: 'snapshot-interval', type: 'uint64', default: '10000', usage: 'Number of log entries between Raft snapshots' },
];

export const ROTATE_QUIET = (what: string): DockerFlag[] => [
  { long: 'rotate', type: 'bool', usage: `Rotate ${what}` },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display token' },
];

/** A manager-only command without arguments: the daemon's error. */
export const managerOnly = async (_f: unknown, rest: string[], _env: CmdEnv, cmd: Invocation) => arity(cmd, rest.length, 0) ?? notManager();
