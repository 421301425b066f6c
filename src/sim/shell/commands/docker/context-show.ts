import { defineCommand } from './define.ts';
import { context } from './context.ts';

// docker/cli@v27.3.1:cli/command/context/show.go
export default defineCommand({
  use: 'show',
  short: 'Print the name of the current context',
  flags: [],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => context(['show', ...args], env),
});
