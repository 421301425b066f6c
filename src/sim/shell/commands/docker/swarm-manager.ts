/**
 * The swarm-manager commands: config, node, secret, service and stack (docker/cli@v27.3.1:cli/command/
 * {config,node,secret,service,stack}/*.go, each group annotated "swarm": "manager"). On node1, whose
 * swarm is inactive, the CLI hides them from `docker --help` but runs them; each checks its arguments,
 * then asks the daemon, which answers errNoManager (swarm.ts). The few that fail earlier on the client
 * (stack deploy and config without a Compose file, stack names, node ps's default "self") do so here.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { arity } from './errors.ts';
import { FORMAT_HELP, INSPECT_FORMAT_HELP, type DockerFlag, type FlagValues, type Invocation } from './define.ts';
import { notManager } from './swarm.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

type Run = (flags: FlagValues<readonly DockerFlag[]>, rest: string[], env: CmdEnv, cmd: Invocation) => Promise<ExecResult>;

/** cobra Args bounds, then the daemon's answer. */
export const daemon =
  (min: number, max = Number.POSITIVE_INFINITY): Run =>
  async (_f, rest, _env, cmd) =>
    arity(cmd, rest.length, min, max) ?? notManager();

export const QUIET_IDS: DockerFlag = { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' };
export const LIST_FORMAT: DockerFlag = { long: 'format', type: 'string', usage: FORMAT_HELP };
export const FILTER: DockerFlag = { long: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' };
export const INSPECT: DockerFlag[] = [
  { long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
  { long: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' },
];
export const TASKS: DockerFlag[] = [
  { long: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
  { long: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names' },
  FILTER,
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display task IDs' },
];
export const DETACH: DockerFlag = { long: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' };

// stack/*.go: common.go validateStackName; loader.go GetConfigDetails; swarm/deploy.go checkDaemonIsSwarmManager.
export const COMPOSE: DockerFlag = {
  long: 'compose-file',
  short: 'c',
  type: 'stringSlice',
  default: '[]',
  usage: 'Path to a Compose file, or "-" to read from stdin',
};
export const stackName = (n: string) => (n.replace(/^[\s"']+|[\s"']+$/g, '') === '' ? R('', `invalid stack name: ${JSON.stringify(n)}\n`, 1) : undefined);
export const NO_COMPOSE = R('', 'Specify a Compose file (with --compose-file)\n', 1);
