/**
 * Every docker subcommand the simulator has, by name, each loaded on first use (`docker ps`
 * does not load `build`'s code), and the management groups as data. Adding a subcommand:
 * write its file (define.ts) and add one line here. The command tree is the whole of
 * docker/cli@v27.3.1:cli/command/commands/commands.go and each group's cmd.go (cli/command/container/cmd.go,
 * image/cmd.go …), cobra aliases beside each entry; the groups that only answer with the daemon's or the
 * notary's errors on node1 (swarm, plugin, trust …) are in registry-more.ts, with node1's one CLI plugin
 * (buildx, /usr/libexec/docker/cli-plugins/docker-buildx).
 */
import type { DockerCommand, DockerFlag } from './define.ts';
import { MORE_GROUPS } from './registry-more.ts';

type Load = () => Promise<{ default: DockerCommand }>;

export interface Entry {
  load: Load;
  /** The Use this entry has under its parent, when the group gives the command another one (cmd.Use = "ls [OPTIONS]"). */
  use?: string;
  /** cobra Aliases under this parent (`docker volume list`). */
  aliases?: readonly string[];
  /**
   * Left out of the help that lists it and of Tab completion, still runnable: hideUnsupportedFeatures
   * (docker/cli@v27.3.1:cmd/docker/docker.go) hides a "swarm": "manager" (or "active") command on a node
   * whose swarm is inactive, as node1's is.
   */
  hidden?: true;
}

export interface Group {
  short: string;
  /** cobra's Long, printed by the group's help instead of Short. */
  long?: string;
  subs: Record<string, Entry>;
  /** Groups inside this one (`docker trust key`). */
  groups?: Record<string, Group>;
  /** The "swarm" annotation: listed under "Swarm Commands:" by `docker --help` (cli/cobra.go orchestratorSubCommands). */
  swarm?: true;
  /** Hidden as an Entry is (a "swarm": "manager" group on node1). */
  hidden?: true;
  /**
   * The "experimental" annotation, on a daemon without experimental features (node1's): hidden, and every path
   * through it is refused (cmd/docker/docker.go areSubcommandsSupported). The names of its commands, with aliases.
   */
  experimentalDaemon?: readonly string[][];
  /** The "experimentalCLI" annotation: the usage template's EXPERIMENTAL block (cli/cobra.go usageTemplate). */
  experimentalCli?: true;
  /**
   * A CLI plugin (cli-plugins/manager/cobra.go AddPluginCommandStubs): listed with its decoratedName `NAME*`;
   * its commands answer with the plugin's own cobra tree, help and errors.
   */
  plugin?: {
    /** Flags every command of the plugin has (persistent), in its help's Options. */
    persistent: readonly DockerFlag[];
    /** Added to every help the plugin prints (its root's SetHelpTemplate). */
    helpFooter: string;
  };
}

/** Each module is imported once: a dynamic import() of a module already loaded still goes through the loader's resolve. */
const at = (load: Load, more: Omit<Entry, 'load'> = {}): Entry => {
  let loaded: ReturnType<Load> | undefined;
  const once: Load = () =>
    (loaded ??= load().catch((e: unknown) => {
      loaded = undefined;
      throw e;
    }));
  return { load: once, ...more };
};

const ps = () => import('./ps.ts');
const images = () => import('./images.ts');
const rmi = () => import('./rmi.ts');

/** `docker NAME`: the top-level commands. */
export const COMMANDS: Record<string, Entry> = {
  attach: at(() => import('./attach.ts')),
  build: at(() => import('./build.ts')),
  commit: at(() => import('./commit.ts')),
  cp: at(() => import('./cp.ts')),
  create: at(() => import('./create.ts')),
  diff: at(() => import('./diff.ts')),
  events: at(() => import('./events.ts')),
  exec: at(() => import('./exec.ts')),
  export: at(() => import('./export.ts')),
  history: at(() => import('./history.ts')),
  images: at(images),
  import: at(() => import('./import.ts')),
  info: at(() => import('./info.ts')),
  inspect: at(() => import('./inspect.ts')),
  kill: at(() => import('./kill.ts')),
  load: at(() => import('./load.ts')),
  login: at(() => import('./login.ts')),
  logout: at(() => import('./logout.ts')),
  logs: at(() => import('./logs.ts')),
  pause: at(() => import('./pause.ts')),
  port: at(() => import('./port.ts')),
  ps: at(ps),
  pull: at(() => import('./pull.ts')),
  push: at(() => import('./push.ts')),
  rename: at(() => import('./rename.ts')),
  restart: at(() => import('./restart.ts')),
  rm: at(() => import('./rm.ts')),
  rmi: at(rmi),
  run: at(() => import('./run.ts')),
  save: at(() => import('./save.ts')),
  search: at(() => import('./search.ts')),
  start: at(() => import('./start.ts')),
  stats: at(() => import('./stats.ts')),
  stop: at(() => import('./stop.ts')),
  tag: at(() => import('./tag.ts')),
  top: at(() => import('./top.ts')),
  unpause: at(() => import('./unpause.ts')),
  update: at(() => import('./update.ts')),
  version: at(() => import('./version.ts')),
  wait: at(() => import('./wait.ts')),
};

const C = COMMANDS;

/** The management commands (cobra commands with subcommands), with their Short. */
export const GROUPS: Record<string, Group> = {
  // docker/cli@v27.3.1:cli/command/builder/cmd.go
  builder: { short: 'Manage builds', subs: { build: C.build as Entry, prune: at(() => import('./builder-prune.ts')) } },
  // cli/command/container/cmd.go; list.go newListCommand: Use "ls [OPTIONS]", Aliases ps, list; rm.go Aliases remove.
  container: {
    short: 'Manage containers',
    subs: {
      attach: C.attach as Entry,
      commit: C.commit as Entry,
      cp: C.cp as Entry,
      create: C.create as Entry,
      diff: C.diff as Entry,
      exec: C.exec as Entry,
      export: C.export as Entry,
      inspect: at(() => import('./container-inspect.ts')),
      kill: C.kill as Entry,
      logs: C.logs as Entry,
      ls: at(ps, { use: 'ls [OPTIONS]', aliases: ['ps', 'list'] }),
      pause: C.pause as Entry,
      port: C.port as Entry,
      prune: at(() => import('./container-prune.ts')),
      rename: C.rename as Entry,
      restart: C.restart as Entry,
      rm: at(() => import('./rm.ts'), { aliases: ['remove'] }),
      run: C.run as Entry,
      start: C.start as Entry,
      stats: C.stats as Entry,
      stop: C.stop as Entry,
      top: C.top as Entry,
      unpause: C.unpause as Entry,
      update: C.update as Entry,
      wait: C.wait as Entry,
    },
  },
  // cli/command/context/cmd.go; list.go Aliases list.
  context: {
    short: 'Manage contexts',
    subs: {
      inspect: at(() => import('./context-inspect.ts')),
      ls: at(() => import('./context-ls.ts'), { aliases: ['list'] }),
      show: at(() => import('./context-show.ts')),
      use: at(() => import('./context-use.ts')),
    },
  },
  // cli/command/image/cmd.go; list.go newListCommand: Use "ls [OPTIONS] [REPOSITORY[:TAG]]", Aliases list;
  // remove.go newRemoveCommand: Use "rm [OPTIONS] IMAGE [IMAGE...]", Aliases rmi, remove.
  image: {
    short: 'Manage images',
    subs: {
      build: C.build as Entry,
      history: C.history as Entry,
      import: C.import as Entry,
      inspect: at(() => import('./image-inspect.ts')),
      load: C.load as Entry,
      ls: at(images, { use: 'ls [OPTIONS] [REPOSITORY[:TAG]]', aliases: ['list'] }),
      prune: at(() => import('./image-prune.ts')),
      pull: C.pull as Entry,
      push: C.push as Entry,
      rm: at(rmi, { use: 'rm [OPTIONS] IMAGE [IMAGE...]', aliases: ['rmi', 'remove'] }),
      save: C.save as Entry,
      tag: C.tag as Entry,
    },
  },
  // cli/command/network/cmd.go; list.go and remove.go Aliases list, remove.
  network: {
    short: 'Manage networks',
    subs: {
      connect: at(() => import('./network-connect.ts')),
      create: at(() => import('./network-create.ts')),
      disconnect: at(() => import('./network-disconnect.ts')),
      inspect: at(() => import('./network-inspect.ts')),
      ls: at(() => import('./network-ls.ts'), { aliases: ['list'] }),
      prune: at(() => import('./network-prune.ts')),
      rm: at(() => import('./network-rm.ts'), { aliases: ['remove'] }),
    },
  },
  // cli/command/system/cmd.go
  system: {
    short: 'Manage Docker',
    subs: { df: at(() => import('./system-df.ts')), events: C.events as Entry, info: C.info as Entry, prune: at(() => import('./system-prune.ts')) },
  },
  ...MORE_GROUPS,
  // cli/command/volume/cmd.go; list.go and remove.go Aliases list, remove.
  volume: {
    short: 'Manage volumes',
    subs: {
      create: at(() => import('./volume-create.ts')),
      inspect: at(() => import('./volume-inspect.ts')),
      ls: at(() => import('./volume-ls.ts'), { aliases: ['list'] }),
      prune: at(() => import('./volume-prune.ts')),
      rm: at(() => import('./volume-rm.ts'), { aliases: ['remove'] }),
    },
  },
};

/** The names `docker <Tab>` offers: commands and groups, not the hidden ones (cobra completes available commands). */
export const DOCKER_SUBCOMMANDS: string[] = [
  ...Object.keys(COMMANDS),
  ...Object.entries(GROUPS)
    .filter(([, g]) => !g.hidden)
    .map(([n]) => n),
].sort();

/** A group's entry by name or cobra alias. */
export function findSub(group: Group, name: string): [string, Entry] | undefined {
  if (Object.hasOwn(group.subs, name)) return [name, group.subs[name] as Entry];
  return Object.entries(group.subs).find(([, e]) => e.aliases?.includes(name));
}

/** A group's group by name (`docker trust key`). */
export const findGroup = (group: Group, name: string): Group | undefined =>
  group.groups && Object.hasOwn(group.groups, name) ? group.groups[name] : undefined;

/** What `docker GROUP <Tab>` offers: the group's visible commands and groups. */
export const groupWords = (group: Group): string[] =>
  [
    ...Object.entries(group.subs)
      .filter(([, e]) => !e.hidden)
      .map(([n]) => n),
    ...Object.keys(group.groups ?? {}),
  ].sort();
