import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';
import { expectHelp, helpText } from './help.ts';

describe('docker ps --help', () => {
  it("prints docker/cli v27.3.1's help with its Options, byte for byte", async () => {
    await expectHelp(await world([]), 'docker ps --help', 'ps');
  });
  it('as docker container ls: that usage line, the same aliases annotation and flags', async () => {
    const w = await world([]);
    await expectHelp(w, 'docker container ls --help', 'container-ls');
    await expectHelp(w, 'docker container list --help', 'container-ls');
    expect(helpText('container-ls').split('\n').slice(4)).toEqual(helpText('ps').split('\n').slice(4));
  });
  it('-h is the deprecated shorthand of --help; a flag the simulator lacks is still refused', async () => {
    const w = await world([]);
    const r = await sh(w, 'docker ps -h');
    expect(r.stdout).toBe(helpText('ps'));
    expect(r.stderr).toBe('Flag shorthand -h has been deprecated, use --help\n');
    expect((await sh(w, 'docker ps --bogus')).out).toBe("unknown flag: --bogus\nSee 'docker ps --help'.\n");
    expect((await sh(w, 'docker container ls --bogus')).out).toBe("unknown flag: --bogus\nSee 'docker container ls --help'.\n");
  });
  it('wraps the usage column at the terminal width minus one', async () => {
    const w = await world([]);
    const r = await w.exec('docker ps --help', { columns: 120 });
    expect(r.stdout).toContain("      --format string   Format output using a custom template:\n                        'table':            Print output in table format with column headers (default)\n");
    expect(r.stdout).toContain('  -n, --last int        Show n last created containers (includes all states) (default -1)\n');
  });
});
