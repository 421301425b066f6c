import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../../src/sim/shell/commands/docker/define.ts';
import { flagUsages, leafHelp } from '../../../src/sim/shell/commands/docker/help.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('the help renderer (cobra usage template, pflag FlagUsagesWrapped)', () => {
  it('reproduces docker/cli@v27.3.1:e2e/stack/testdata/stack-deploy-help.golden byte for byte', () => {
    // The flags of docker/cli@v27.3.1:cli/command/stack/deploy.go, as data.
    const deploy = defineCommand({
      use: 'deploy [OPTIONS] STACK',
      short: 'Deploy a new stack or update an existing stack',
      flags: [
        { long: 'compose-file', short: 'c', type: 'stringSlice', default: '[]', usage: 'Path to a Compose file, or "-" to read from stdin' },
        { long: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to Swarm agents' },
        { long: 'prune', type: 'bool', usage: 'Prune services that are no longer referenced' },
        {
          long: 'resolve-image',
          type: 'string',
          default: 'always',
          usage: 'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
        },
        { long: 'detach', short: 'd', type: 'bool', default: 'true', usage: 'Exit immediately instead of waiting for the stack services to converge' },
        { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
      ],
      run: async () => ({ stdout: '', stderr: '', exitCode: 0 }),
    });
    // The e2e test runs without a terminal: 80 columns.
    expect(leafHelp({ def: deploy, parent: 'docker stack', use: deploy.use, cobraAliases: ['up'] }, 80)).toBe(fixture('stack-deploy-help.golden'));
  });

  it('prints the value type after the name, a back-quoted word instead, and a non-zero default', () => {
    const out = flagUsages(
      [
        { long: 'time', short: 't', type: 'int', usage: 'Seconds to wait' },
        { long: 'until', type: 'duration', default: '0s', usage: 'Until' },
        { long: 'name', type: 'string', usage: 'The `NAME` to use', default: 'x' },
        { long: 'sysctl', type: 'map', default: 'map[]', usage: 'Sysctl options' },
        { long: 'secret', type: 'bool', usage: 'hidden', hidden: true },
      ],
      79,
    );
    expect(out).toBe(
      [
        // The longest name, then three blanks (Fprintln's two and the padding's one).
        '      --name NAME        The NAME to use (default "x")',
        '      --sysctl map       Sysctl options (default map[])',
        '  -t, --time int         Seconds to wait',
        '      --until duration   Until',
        '',
      ].join('\n'),
    );
  });
});
