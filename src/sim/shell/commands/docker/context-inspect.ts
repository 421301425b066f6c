import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';
import { inspectDoc } from './context.ts';
import { templated } from './format.ts';

// docker/cli@v27.3.1:cli/command/context/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
  short: 'Display detailed information on one or more contexts',
  flags: [{ long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP }],
  async run(flags, rest) {
    const names = rest.length ? rest : ['default'];
    const missing = names.filter((n) => n !== 'default');
    return templated(names.filter((n) => n === 'default').map(inspectDoc), flags.format, missing.map((n) => `context "${n}" does not exist\n`).join(''));
  },
});
