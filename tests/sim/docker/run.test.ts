import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';
import { expectHelp, helpText } from './help.ts';

describe('docker run --help and docker create --help', () => {
  it("print docker/cli v27.3.1's help with every option, byte for byte", async () => {
    const w = await world([]);
    await expectHelp(w, 'docker run --help', 'run');
    const viaGroup = (await sh(w, 'docker container run --help')).out;
    expect(viaGroup).toBe(helpText('run').replace('Usage:  docker run', 'Usage:  docker container run'));
    await expectHelp(w, 'docker create --help', 'create');
  });
  it('hide the Windows-only and MarkHidden flags, and list --help itself', () => {
    const run = helpText('run');
    for (const hidden of ['--cpu-count', '--cpu-percent', '--io-maxbandwidth', '--io-maxiops', '--net ']) expect(run).not.toContain(hidden);
    expect(run).toContain('      --help                             Print usage\n');
    expect(helpText('create')).not.toContain('--detach');
  });
  it('--help after the image belongs to the container command', async () => {
    const w = await world(['alpine']);
    const r = await sh(w, 'docker run --rm alpine uname --help');
    expect(r.out).toMatch(/^BusyBox v1\.36\.1 /);
    // So does a bool flag's =value (pflag parses --tty=0 only before the image).
    expect((await sh(w, 'docker run --rm alpine echo -t=1 -d=0')).out).toBe('-t=1 -d=0\n');
    expect((await sh(w, 'docker run --rm --tty=0 --name t0 alpine echo ok')).out).toBe('ok\n');
    expect((await sh(w, 'docker run --rm -t=maybe alpine true')).out).toBe(
      'invalid argument "maybe" for "-t, --tty" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'docker run --help\'.\n',
    );
  });
});
