import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';
import { expectHelp } from './help.ts';

describe('docker images --help', () => {
  it("prints docker/cli v27.3.1's help with its Options, byte for byte", async () => {
    await expectHelp(await world([]), 'docker images --help', 'images');
  });
});

describe('docker images --tree (EXPERIMENTAL in docker/cli v27.3.1: cli/command/image/tree.go)', () => {
  it('one line per image of the classic store: names, ID, DISK USAGE, CONTENT SIZE, USED, newest first', async () => {
    const w = await world(['alpine', 'nginx']);
    await sh(w, 'docker tag alpine mine:1');
    const r = await sh(w, 'docker images --tree');
    expect(r.exitCode).toBe(0);
    const strip = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    const alpine = (await sh(w, 'docker images -q alpine')).stdout.trim();
    const nginx = (await sh(w, 'docker images -q nginx')).stdout.trim();
    expect(strip).toBe(
      "WARNING: This is an experimental feature. The output may change and shouldn't be depended on.\n\n" +
        'IMAGE           ID             DISK USAGE   CONTENT SIZE   USED\n' +
        `alpine:latest\nmine:1          ${alpine}        7.8MB             0B       \n` +
        `nginx:latest    ${nginx}        187MB             0B       \n`,
    );
    // On a terminal: aec's colours, one sequence per SGR (LightYellowF warning, DefaultF+Bold header, BlueF+Underline+Bold names).
    expect(r.stdout.startsWith('\x1b[93mWARNING: This is an experimental feature.')).toBe(true);
    expect(r.stdout).toContain('\x1b[39m\x1b[1mIMAGE\x1b[0m');
    expect(r.stdout).toContain('\x1b[34m\x1b[4m\x1b[1mnginx:latest\x1b[0m');
  });

  it('refuses the options it does not take yet, as runImages does (status 1)', async () => {
    const w = await world([]);
    for (const [opt, name] of [
      ['-q', '--quiet'],
      ['--no-trunc', '--no-trunc'],
      ['--digests', '--show-digest'],
      ["--format '{{.ID}}'", '--format'],
    ]) {
      const r = await sh(w, `docker images --tree ${opt}`);
      expect(r.stderr, opt).toBe(`${name} is not yet supported with --tree\n`);
      expect(r.exitCode, opt).toBe(1);
    }
  });
});
