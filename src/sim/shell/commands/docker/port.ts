import { defineCommand } from './define.ts';
import { port } from './network.ts';

// docker/cli@v27.3.1:cli/command/container/port.go
export default defineCommand({
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  aliases: 'docker container port, docker port',
  flags: [],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => port(args, env),
});
