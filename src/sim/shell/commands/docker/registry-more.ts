/**
 * The rest of docker/cli@v27.3.1:cli/command/commands/commands.go's management commands (manifest,
 * plugin, trust, the swarm ones) and node1's CLI plugin, buildx: each group's cobra definition
 * (cmd.go: Use, Short, Long, annotations) and its commands, one file each, loaded on first use like registry.ts's.
 */
import type { Entry, Group } from './registry.ts';

const at = (load: Entry['load'], more: Omit<Entry, 'load'> = {}): Entry => ({ load, ...more });
const HIDDEN = { hidden: true } as const;

// docker/buildx@v0.17.1:commands/root.go: the help template's addition (BUILDX_EXPERIMENTAL unset) and rootFlags, persistent
// (--builder defaults to $BUILDX_BUILDER, unset on node1). Kept here so that listing buildx loads none of its code.
const BUILDX_FOOTER = '\nExperimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n';
const BUILDX_PERSISTENT = [
  { long: 'builder', type: 'string', usage: 'Override the configured builder instance' },
  { long: 'debug', short: 'D', type: 'bool', usage: 'Enable debug logging' },
] as const;

export const MORE_GROUPS: Record<string, Group> = {
  // docker/buildx@v0.17.1:commands/root.go (Short "Docker Buildx", Long), addCommands; install and uninstall are Hidden,
  // the experimental commands (debug, the controller's) absent without BUILDX_EXPERIMENTAL.
  buildx: {
    short: 'Docker Buildx',
    long: 'Extended build capabilities with BuildKit',
    plugin: { persistent: BUILDX_PERSISTENT, helpFooter: BUILDX_FOOTER },
    subs: {
      bake: at(() => import('./buildx-bake.ts'), { aliases: ['f'] }),
      // commands/build.go is build.ts (`docker build` is buildx's build), whose Short under buildx is buildx's own.
      build: { load: async () => ({ default: { ...(await import('./build.ts')).default, short: 'Start a build' } }), aliases: ['b'] },
      create: at(() => import('./buildx-create.ts')),
      'dial-stdio': at(() => import('./buildx-dial-stdio.ts')),
      du: at(() => import('./buildx-du.ts')),
      inspect: at(() => import('./buildx-inspect.ts')),
      install: at(() => import('./buildx-install.ts'), HIDDEN),
      ls: at(() => import('./buildx-ls.ts')),
      prune: at(() => import('./buildx-prune.ts')),
      rm: at(() => import('./buildx-rm.ts')),
      stop: at(() => import('./buildx-stop.ts')),
      uninstall: at(() => import('./buildx-uninstall.ts'), HIDDEN),
      use: at(() => import('./buildx-use.ts')),
      version: at(() => import('./buildx-version.ts')),
    },
    groups: {
      // commands/imagetools/root.go
      imagetools: {
        short: 'Commands to work on images in registry',
        subs: { create: at(() => import('./buildx-imagetools-create.ts')), inspect: at(() => import('./buildx-imagetools-inspect.ts')) },
      },
    },
  },
  // docker/compose@v2.29.7:cmd/compose/compose.go RootCommand (Short, Long): listed as `compose*`; index.ts hands every
  // `docker compose …` to compose.ts, which has only its version command.
  compose: {
    short: 'Docker Compose',
    long: 'Define and run multi-container applications with Docker',
    plugin: { persistent: [], helpFooter: '' },
    subs: {},
  },
  // cli/command/checkpoint/cmd.go: annotated "experimental" (and ostype linux); create.go, list.go (Aliases list), remove.go
  // (Aliases remove). node1's daemon has no experimental features: hidden, and refused whatever is asked.
  checkpoint: {
    short: 'Manage checkpoints',
    hidden: true,
    experimentalDaemon: [['create'], ['ls', 'list'], ['rm', 'remove']],
    subs: {},
  },
  // cli/command/manifest/cmd.go: Long manifestDescription, the "experimentalCLI" annotation.
  manifest: {
    short: 'Manage Docker image manifests and manifest lists',
    long: 'The **docker manifest** command has subcommands for managing image manifests and\nmanifest lists. A manifest list allows you to use one name to refer to the same image\nbuilt for multiple architectures.\n\nTo see help for a subcommand, use:\n\n    docker manifest CMD --help\n\nFor full details on using docker manifest lists, see the registry v2 specification.',
    experimentalCli: true,
    subs: {
      annotate: at(() => import('./manifest-annotate.ts')),
      create: at(() => import('./manifest-create.ts')),
      inspect: at(() => import('./manifest-inspect.ts')),
      push: at(() => import('./manifest-push.ts')),
      rm: at(() => import('./manifest-rm.ts')),
    },
  },
  // cli/command/plugin/cmd.go; list.go Aliases list, remove.go Aliases remove.
  plugin: {
    short: 'Manage plugins',
    subs: {
      create: at(() => import('./plugin-create.ts')),
      disable: at(() => import('./plugin-disable.ts')),
      enable: at(() => import('./plugin-enable.ts')),
      inspect: at(() => import('./plugin-inspect.ts')),
      install: at(() => import('./plugin-install.ts')),
      ls: at(() => import('./plugin-ls.ts'), { aliases: ['list'] }),
      push: at(() => import('./plugin-push.ts')),
      rm: at(() => import('./plugin-rm.ts'), { aliases: ['remove'] }),
      set: at(() => import('./plugin-set.ts')),
      upgrade: at(() => import('./plugin-upgrade.ts')),
    },
  },
  // cli/command/trust/cmd.go, key.go, signer.go
  trust: {
    short: 'Manage trust on Docker images',
    subs: { inspect: at(() => import('./trust-inspect.ts')), revoke: at(() => import('./trust-revoke.ts')), sign: at(() => import('./trust-sign.ts')) },
    groups: {
      key: {
        short: 'Manage keys for signing Docker images',
        subs: { generate: at(() => import('./trust-key-generate.ts')), load: at(() => import('./trust-key-load.ts')) },
      },
      signer: {
        short: 'Manage entities who can sign Docker images',
        subs: { add: at(() => import('./trust-signer-add.ts')), remove: at(() => import('./trust-signer-remove.ts')) },
      },
    },
  },
  // cli/command/swarm/cmd.go: "swarm": "" (shown); its commands annotated "manager" (or "active": leave) are hidden on node1.
  swarm: {
    short: 'Manage Swarm',
    swarm: true,
    subs: {
      ca: at(() => import('./swarm-ca.ts'), HIDDEN),
      init: at(() => import('./swarm-init.ts')),
      join: at(() => import('./swarm-join.ts')),
      'join-token': at(() => import('./swarm-join-token.ts'), HIDDEN),
      leave: at(() => import('./swarm-leave.ts'), HIDDEN),
      unlock: at(() => import('./swarm-unlock.ts'), HIDDEN),
      'unlock-key': at(() => import('./swarm-unlock-key.ts'), HIDDEN),
      update: at(() => import('./swarm-update.ts'), HIDDEN),
    },
  },
  // cli/command/config/cmd.go … stack/cmd.go: "swarm": "manager", hidden on node1.
  config: {
    short: 'Manage Swarm configs',
    swarm: true,
    hidden: true,
    subs: {
      create: at(() => import('./config-create.ts')),
      inspect: at(() => import('./config-inspect.ts')),
      ls: at(() => import('./config-ls.ts'), { aliases: ['list'] }),
      rm: at(() => import('./config-rm.ts'), { aliases: ['remove'] }),
    },
  },
  node: {
    short: 'Manage Swarm nodes',
    swarm: true,
    hidden: true,
    subs: {
      demote: at(() => import('./node-demote.ts')),
      inspect: at(() => import('./node-inspect.ts')),
      ls: at(() => import('./node-ls.ts'), { aliases: ['list'] }),
      promote: at(() => import('./node-promote.ts')),
      ps: at(() => import('./node-ps.ts')),
      rm: at(() => import('./node-rm.ts'), { aliases: ['remove'] }),
      update: at(() => import('./node-update.ts')),
    },
  },
  secret: {
    short: 'Manage Swarm secrets',
    swarm: true,
    hidden: true,
    subs: {
      create: at(() => import('./secret-create.ts')),
      inspect: at(() => import('./secret-inspect.ts')),
      ls: at(() => import('./secret-ls.ts'), { aliases: ['list'] }),
      rm: at(() => import('./secret-rm.ts'), { aliases: ['remove'] }),
    },
  },
  service: {
    short: 'Manage Swarm services',
    swarm: true,
    hidden: true,
    subs: {
      create: at(() => import('./service-create.ts')),
      inspect: at(() => import('./service-inspect.ts')),
      logs: at(() => import('./service-logs.ts')),
      ls: at(() => import('./service-ls.ts'), { aliases: ['list'] }),
      ps: at(() => import('./service-ps.ts')),
      rm: at(() => import('./service-rm.ts'), { aliases: ['remove'] }),
      rollback: at(() => import('./service-rollback.ts')),
      scale: at(() => import('./service-scale.ts')),
      update: at(() => import('./service-update.ts')),
    },
  },
  // stack/cmd.go: Use "stack [OPTIONS]", its persistent --orchestrator deprecated (hidden); deploy Aliases up, rm remove, down.
  stack: {
    short: 'Manage Swarm stacks',
    swarm: true,
    hidden: true,
    subs: {
      config: at(() => import('./stack-config.ts')),
      deploy: at(() => import('./stack-deploy.ts'), { aliases: ['up'] }),
      ls: at(() => import('./stack-ls.ts'), { aliases: ['list'] }),
      ps: at(() => import('./stack-ps.ts')),
      rm: at(() => import('./stack-rm.ts'), { aliases: ['remove', 'down'] }),
      services: at(() => import('./stack-services.ts')),
    },
  },
};
