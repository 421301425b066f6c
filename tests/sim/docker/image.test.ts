import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';
import { expectHelp, helpText } from './help.ts';

describe('docker image (the group)', () => {
  it('lists its commands, with or without --help', async () => {
    const w = await world([]);
    // Alone, image/cmd.go's RunE is command.ShowHelp(dockerCli.Err()): the same text on stderr.
    await expectHelp(w, 'docker image 2>&1', 'image');
    await expectHelp(w, 'docker image --help', 'image');
  });
  it("docker image ls --help has the group's usage line", async () => {
    const r = await sh(await world([]), 'docker image ls --help');
    expect(r.out.split('\n').slice(0, 2).join('\n')).toBe('\nUsage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]');
    expect(r.out.split('\n').slice(2)).toEqual(helpText('images').split('\n').slice(2));
  });
  it('volume rm: Long, cobra aliases under the parent, and the Examples section', async () => {
    await expectHelp(await world([]), 'docker volume rm --help', 'volume-rm');
  });
});
