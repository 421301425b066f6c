import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';
import { expectHelp, helpText } from './help.ts';

describe('docker --help (the root)', () => {
  it('lists Common, Management and other commands the simulator has, then Global Options', async () => {
    const w = await world([]);
    await expectHelp(w, 'docker --help | cat', 'root');
    // Alone, the root's RunE is ShowHelp(dockerCli.Err()) (cmd/docker/docker.go): the same text on stderr.
    await expectHelp(w, 'docker 2>&1 | cat', 'root');
  });
  it('on a terminal the closing line is bold (cli/cobra.go additionalHelp)', async () => {
    const r = await sh(await world([]), 'docker --help');
    const plain = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';
    expect(r.out).toBe(helpText('root').replace(plain, `\x1b[1m${plain}\x1b[0m`));
  });
});
