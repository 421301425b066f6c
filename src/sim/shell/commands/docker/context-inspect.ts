import { defineCommand } from './define.ts';
import { inspectDoc } from './context.ts';
import { templated } from './format.ts';

// docker/cli@v27.3.1:cli/command/context/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
  short: 'Display detailed information on one or more contexts',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
  async run(flags, rest) {
    const names = rest.length ? rest : ['default'];
    const missing = names.filter((n) => n !== 'default');
    return templated(names.filter((n) => n === 'default').map(inspectDoc), flags.format, missing.map((n) => `context "${n}" does not exist\n`).join(''));
  },
});
