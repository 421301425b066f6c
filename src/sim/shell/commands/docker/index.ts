import type { ExecResult } from '../../../api.ts';
import type { CmdEnv, SimCommand } from '../../types.ts';
import { dockerExec } from './exec.ts';
import { inspect, kill, logs, prune, restart, rm, start, stats, stop, top } from './manage.ts';
import { dockerPs } from './ps.ts';
import { dockerRun } from './run.ts';
import { info, version } from './system.ts';
import { subUsage } from './usage.ts';

type Sub = (args: string[], env: CmdEnv) => Promise<ExecResult>;

const SUBS: Record<string, Sub> = {
  run: (a, e) => dockerRun(a, e),
  create: (a, e) => (a.includes('--help') ? Promise.resolve({ stdout: subUsage('create') ?? '', stderr: '', exitCode: 0 }) : dockerRun(a, e, true)),
  ps: dockerPs,
  inspect, stop, kill, start, restart, rm, logs, top, stats, exec: dockerExec, info, version,
};

const CONTAINER_SUBS: Record<string, Sub> = { ...SUBS, ls: dockerPs, list: dockerPs, prune };

export const DOCKER_SUBCOMMANDS = [...Object.keys(SUBS), 'container'].sort();

const USAGE = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  info        Display system-wide information

Management Commands:
  container   Manage containers

Commands:
  create      Create a new container
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  logs        Fetch the logs of a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  start       Start one or more stopped containers
  stats       Display a live stream of container(s) resource usage statistics
  stop        Stop one or more running containers
  top         Display the running processes of a container
  version     Show the Docker version information

Run 'docker COMMAND --help' for more information on a command.
`;

export const docker: SimCommand = {
  name: 'docker',
  noProcess: true,
  async run(args, env) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
    if (sub.startsWith('-')) return { stdout: '', stderr: `unknown flag: ${sub}\nSee 'docker --help'.\n`, exitCode: 125 };
    if (env.self.uid !== 0)
      return { stdout: '', stderr: 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.47/containers/json": dial unix /var/run/docker.sock: connect: permission denied\n', exitCode: 1 };
    const helpFor = (name: string, args: string[]) => (args.includes('--help') && name !== 'run' && name !== 'create' ? subUsage(name) : undefined);
    if (sub === 'container') {
      const [s2, ...r2] = rest;
      const h = s2 ? helpFor(s2 === 'ls' || s2 === 'list' ? 'ps' : s2, r2) : undefined;
      if (h) return { stdout: h, stderr: '', exitCode: 0 };
      const fn = s2 ? CONTAINER_SUBS[s2] : undefined;
      if (!fn) return { stdout: '', stderr: `docker: '${s2 ?? ''}' is not a docker command.\nSee 'docker --help'\n`, exitCode: 1 };
      return fn(r2, env);
    }
    const h = helpFor(sub, rest);
    if (h) return { stdout: h, stderr: '', exitCode: 0 };
    const fn = SUBS[sub];
    if (!fn) return { stdout: '', stderr: `docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`, exitCode: 1 };
    return fn(rest, env);
  },
};
