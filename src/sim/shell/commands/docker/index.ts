import type { ExecResult } from '../../../api.ts';
import type { CmdEnv, SimCommand } from '../../types.ts';
import { dockerExec } from './exec.ts';
import { inspect, kill, logs, prune, restart, rm, start, stats, stop, top } from './manage.ts';
import { dockerPs } from './ps.ts';
import { dockerRun } from './run.ts';
import { info, version } from './system.ts';
import { build } from './build.ts';
import { history, IMAGE_SUBS, images, login, logout, pull, push, rmi, tag } from './image.ts';
import { commit, diff, systemPrune, VOLUME_SUBS } from './storage.ts';
import { subUsage } from './usage.ts';
import { NETWORK_SUBS, port } from './network.ts';
import { pause } from './pause.ts';
import { unpause } from './unpause.ts';
import { wait } from './wait.ts';
import { rename } from './rename.ts';
import { update } from './update.ts';
import { events } from './events.ts';
import { systemDf } from './system-df.ts';
import { context } from './context.ts';
import { builderPrune } from './builder-prune.ts';
import { cp } from './cp.ts';
import { save } from './save.ts';
import { load } from './load.ts';
import { exportContainer } from './export.ts';
import { importImage } from './import.ts';

type Sub = (args: string[], env: CmdEnv) => Promise<ExecResult>;

const SUBS: Record<string, Sub> = {
  run: (a, e) => dockerRun(a, e),
  create: (a, e) => (a.includes('--help') ? Promise.resolve({ stdout: subUsage('create') ?? '', stderr: '', exitCode: 0 }) : dockerRun(a, e, true)),
  ps: dockerPs,
  inspect, stop, kill, start, restart, rm, logs, top, stats, exec: dockerExec, info, version,
  pull, push, tag, images, history, rmi, login, logout, build, commit, diff,
  port, pause, unpause, wait, rename, update, events, cp, save, load, export: exportContainer, import: importImage,
};

const groupUsage = (name: string, what: string, cmds: [string, string][]) =>
  `\nUsage:  docker ${name} COMMAND\n\n${what}\n\nCommands:\n${cmds.map(([c, d]) => `  ${c.padEnd(12)}${d}\n`).join('')}\nRun 'docker ${name} COMMAND --help' for more information on a command.\n`;

const GROUP_USAGE: Record<string, string> = {
  image: groupUsage('image', 'Manage images', [
    ['build', 'Build an image from a Dockerfile'], ['history', 'Show the history of an image'], ['import', 'Import the contents from a tarball to create a filesystem image'], ['inspect', 'Display detailed information on one or more images'],
    ['load', 'Load an image from a tar archive or STDIN'], ['ls', 'List images'], ['prune', 'Remove unused images'], ['pull', 'Download an image from a registry'],
    ['push', 'Upload an image to a registry'], ['rm', 'Remove one or more images'], ['save', 'Save one or more images to a tar archive (streamed to STDOUT by default)'],
    ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
  ]),
  volume: groupUsage('volume', 'Manage volumes', [
    ['create', 'Create a volume'], ['inspect', 'Display detailed information on one or more volumes'], ['ls', 'List volumes'],
    ['prune', 'Remove unused local volumes'], ['rm', 'Remove one or more volumes'],
  ]),
  system: groupUsage('system', 'Manage Docker', [['df', 'Show docker disk usage'], ['events', 'Get real time events from the server'], ['info', 'Display system-wide information'], ['prune', 'Remove unused data']]),
  builder: groupUsage('builder', 'Manage builds', [['build', 'Build an image from a Dockerfile'], ['prune', 'Remove build cache']]),
};

/** `docker image` (no subcommand) or `docker image --help`: the group's usage. */
const groupHelp = (name: string): Sub => async () => ({ stdout: GROUP_USAGE[name] ?? '', stderr: '', exitCode: 0 });

/** `docker image|volume|system|builder SUBCOMMAND` (management groups over the image library). */
const GROUPS: Record<string, Record<string, Sub>> = {
  image: { ...IMAGE_SUBS, build, save, load, import: importImage, '--help': groupHelp('image') },
  volume: { ...VOLUME_SUBS, '--help': groupHelp('volume') },
  network: NETWORK_SUBS,
  system: { prune: systemPrune, info, df: systemDf, events, '--help': groupHelp('system') },
  builder: { build, prune: builderPrune, '--help': groupHelp('builder') },
  context: Object.fromEntries(['ls', 'list', 'show', 'inspect', 'use', '--help'].map((k) => [k, (a: string[], e: CmdEnv) => context([k, ...a], e)])),
};

const CONTAINER_SUBS: Record<string, Sub> = { ...SUBS, ls: dockerPs, list: dockerPs, prune };

export const DOCKER_SUBCOMMANDS = [...Object.keys(SUBS), 'container', ...Object.keys(GROUPS)].sort();

const USAGE = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  info        Display system-wide information

Management Commands:
  builder     Manage builds
  container   Manage containers
  context     Manage contexts
  image       Manage images
  network     Manage networks
  system      Manage Docker
  volume      Manage volumes

Commands:
  build       Build an image from a Dockerfile
  commit      Create a new image from a container's changes
  cp          Copy files/folders between a container and the local filesystem
  create      Create a new container
  diff        Inspect changes to files or directories on a container's filesystem
  events      Get real time events from the server
  export      Export a container's filesystem as a tar archive
  history     Show the history of an image
  images      List images
  import      Import the contents from a tarball to create a filesystem image
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  load        Load an image from a tar archive or STDIN
  login       Authenticate to a registry
  logout      Log out from a registry
  logs        Fetch the logs of a container
  pause       Pause all processes within one or more containers
  port        List port mappings or a specific mapping for the container
  pull        Download an image from a registry
  push        Upload an image to a registry
  rename      Rename a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  save        Save one or more images to a tar archive (streamed to STDOUT by default)
  start       Start one or more stopped containers
  stats       Display a live stream of container(s) resource usage statistics
  stop        Stop one or more running containers
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  top         Display the running processes of a container
  unpause     Unpause all processes within one or more containers
  update      Update configuration of one or more containers
  version     Show the Docker version information
  wait        Block until one or more containers stop, then print their exit codes

Run 'docker COMMAND --help' for more information on a command.
`;

export const docker: SimCommand = {
  name: 'docker',
  noProcess: true,
  async run(args, env) {
    const [sub, ...rest] = args;
    if (!sub || sub === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
    // docker/cli@v27.3.1:cli/cobra.go SetVersionTemplate; cmd/docker/docker.go "%s, build %s".
    if (sub === '--version' || sub === '-v') return { stdout: 'Docker version 27.3.1, build ce12230\n', stderr: '', exitCode: 0 };
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
    const group = GROUPS[sub];
    if (group) {
      const [s2, ...r2] = rest;
      const fn = group[s2 ?? '--help'];
      if (!fn) return { stdout: '', stderr: `docker: '${sub} ${s2 ?? ''}' is not a docker command.\nSee 'docker --help'\n`, exitCode: 1 };
      return fn(r2, env);
    }
    const h = helpFor(sub, rest);
    if (h) return { stdout: h, stderr: '', exitCode: 0 };
    const fn = SUBS[sub];
    if (!fn) return { stdout: '', stderr: `docker: '${sub}' is not a docker command.\nSee 'docker --help'\n`, exitCode: 1 };
    return fn(rest, env);
  },
};
