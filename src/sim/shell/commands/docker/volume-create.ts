import { arity } from './errors.ts';
import { labelMap } from './filters.ts';
import { R } from './storage.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/volume/create.go (the cluster-volume flags carry the "swarm" annotation: hideUnsupportedFeatures hides them off a swarm manager)
export default defineCommand({
  use: 'create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  flags: [
    { long: 'availability', type: 'string', default: 'active', usage: 'Cluster Volume availability ("active", "pause", "drain")', hidden: true, sim: false },
    { long: 'driver', short: 'd', type: 'string', default: 'local', usage: 'Specify volume driver name' },
    { long: 'group', type: 'string', usage: 'Cluster Volume group (cluster volumes)', hidden: true, sim: false },
    { long: 'label', type: 'list', usage: 'Set metadata for a volume' },
    { long: 'limit-bytes', type: 'bytes', usage: 'Minimum size of the Cluster Volume in bytes', hidden: true, sim: false },
    { long: 'opt', short: 'o', type: 'map', default: 'map[]', usage: 'Set driver specific options' },
    { long: 'required-bytes', type: 'bytes', usage: 'Maximum size of the Cluster Volume in bytes', hidden: true, sim: false },
    { long: 'scope', type: 'string', default: 'single', usage: 'Cluster Volume access scope ("single", "multi")', hidden: true, sim: false },
    { long: 'secret', type: 'map', default: 'map[]', usage: 'Cluster Volume secrets', hidden: true, sim: false },
    {
      long: 'sharing',
      type: 'string',
      default: 'none',
      usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")',
      hidden: true,
      sim: false,
    },
    { long: 'topology-preferred', type: 'list', usage: 'A topology that the Cluster Volume would be preferred in', hidden: true, sim: false },
    { long: 'topology-required', type: 'list', usage: 'A topology that the Cluster Volume must be accessible from', hidden: true, sim: false },
    { long: 'type', type: 'string', default: 'block', usage: 'Cluster Volume access type ("mount", "block")', hidden: true, sim: false },
    { long: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0, 1);
    if (argErr) return argErr;
    const driver = (flags.driver as string | undefined) ?? 'local';
    if (driver !== 'local')
      return R('', `Error response from daemon: create ${rest[0] ?? ''}: error looking up volume plugin ${driver}: plugin "${driver}" not found\n`, 1);
    const lib = await env.daemon.imageLib();
    const labels = labelMap(flags.label as string[] | undefined);
    const name = rest[0] ?? (flags.name as string | undefined);
    const vname = name ?? env.host.rng.hex(64);
    const r = lib.volumes.create(vname, { nowMs: env.host.clock.nowMs, anonymous: name === undefined, ...(Object.keys(labels).length ? { labels } : {}) });
    // The `create` event (driver=local) is the store's (volumes.ts onEvent), as for a volume a container's -v makes.
    return R(r.stdout, r.stderr, r.exitCode);
  },
});
