// docker/buildx@v0.17.1:commands/create.go: HideInheritedFlags(cmd, "builder"); the drivers that allow instances, by name (driver.GetFactories(true)). Running it is not simulated (buildx.ts).
import { defineCommand } from './define.ts';
import { HIDE_BUILDER, notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'create [OPTIONS] [CONTEXT|ENDPOINT]',
  short: 'Create a new builder instance',
  flags: [
    { long: 'name', type: 'string', usage: 'Builder instance name' },
    { long: 'driver', type: 'string', usage: 'Driver to use (available: "docker-container", "kubernetes", "remote")' },
    { long: 'node', type: 'string', usage: 'Create/modify node with given name' },
    { long: 'platform', type: 'stringArray', default: '[]', usage: 'Fixed platforms for current node' },
    { long: 'driver-opt', type: 'stringArray', default: '[]', usage: 'Options for the driver' },
    { long: 'buildkitd-flags', type: 'string', usage: 'BuildKit daemon flags' },
    { long: 'buildkitd-config', type: 'string', usage: 'BuildKit daemon config file' },
    { long: 'config', type: 'string', usage: 'BuildKit daemon config file', hidden: true },
    { long: 'bootstrap', type: 'bool', usage: 'Boot builder after creation' },
    { long: 'append', type: 'bool', usage: 'Append a node to builder instead of changing it' },
    { long: 'leave', type: 'bool', usage: 'Remove a node from builder instead of changing it' },
    { long: 'use', type: 'bool', usage: 'Set the current builder instance' },
    HIDE_BUILDER,
  ],
  run: notSimulated,
});
