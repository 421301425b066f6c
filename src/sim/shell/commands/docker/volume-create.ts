import { defineCommand } from './define.ts';
import { VOLUME_SUBS } from './storage.ts';

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
    { long: 'sharing', type: 'string', default: 'none', usage: 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")', hidden: true, sim: false },
    { long: 'topology-preferred', type: 'list', usage: 'A topology that the Cluster Volume would be preferred in', hidden: true, sim: false },
    { long: 'topology-required', type: 'list', usage: 'A topology that the Cluster Volume must be accessible from', hidden: true, sim: false },
    { long: 'type', type: 'string', default: 'block', usage: 'Cluster Volume access type ("mount", "block")', hidden: true, sim: false },
    { long: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => VOLUME_SUBS.create!(args, env),
});
