import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// debianutils which.debianutils under dash (getopts as; "Illegal option -%c"; "Usage: $0 [-as] args", exit 2).
describe('which (debianutils), #10', { timeout: 60_000 }, () => {
  it('which: first match, -a every PATH match, -s silent, --version is an illegal option', async () => {
    const w = createWorld();
    expect((await sh(w, 'which ls; which -a ls')).stdout).toBe('/usr/bin/ls\n/usr/bin/ls\n/bin/ls\n');
    expect(await sh(w, 'which -s ls')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(await sh(w, 'which ls nosuch')).toMatchObject({ stdout: '/usr/bin/ls\n', exitCode: 1 });
    expect(await sh(w, 'which --version')).toMatchObject({ stdout: 'Usage: /usr/bin/which [-as] args\n', stderr: 'Illegal option --\n', exitCode: 2 });
  });
});
