import { defineCommand } from './define.ts';
import { context } from './context.ts';

// docker/cli@v27.3.1:cli/command/context/use.go
export default defineCommand({
  use: 'use CONTEXT',
  short: 'Set the current docker context',
  flags: [],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => context(['use', ...args], env),
});
