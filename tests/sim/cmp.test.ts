import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// GNU diffutils 3.10 src/cmp.c (main, cmp(), sprintc); the host's locale is C (no LANG), so the POSIX "char" wording.
describe('cmp (diffutils 3.10, #10)', { timeout: 60_000 }, () => {
  it('first difference, EOF, empty, -l, -b, -s and the exit statuses', async () => {
    const w = createWorld();
    await sh(w, 'printf "a\\nb\\nc\\n" > /tmp/a; printf "a\\nx\\nc\\n" > /tmp/b; printf "a\\nb\\n" > /tmp/c; : > /tmp/e; printf ab > /tmp/d');
    expect(await sh(w, 'cmp /tmp/a /tmp/b')).toMatchObject({ stdout: '/tmp/a /tmp/b differ: char 3, line 2\n', exitCode: 1 });
    expect(await sh(w, 'cmp /tmp/a /tmp/a')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(await sh(w, 'cmp /tmp/a /tmp/c')).toMatchObject({ stderr: 'cmp: EOF on /tmp/c after byte 4, line 2\n', exitCode: 1 });
    expect(await sh(w, 'cmp /tmp/d /tmp/a')).toMatchObject({ stdout: '/tmp/d /tmp/a differ: char 2, line 1\n', exitCode: 1 });
    expect(await sh(w, 'cmp /tmp/a /tmp/e')).toMatchObject({ stderr: 'cmp: EOF on /tmp/e which is empty\n', exitCode: 1 });
    expect(await sh(w, 'cmp -l /tmp/a /tmp/b')).toMatchObject({ stdout: '3 142 170\n', exitCode: 1 });
    expect(await sh(w, 'cmp -b /tmp/a /tmp/b')).toMatchObject({ stdout: '/tmp/a /tmp/b differ: byte 3, line 2 is 142 b 170 x\n', exitCode: 1 });
    expect(await sh(w, 'cmp -s /tmp/a /tmp/b')).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    expect(await sh(w, 'LANG=C.UTF-8 cmp /tmp/a /tmp/b')).toMatchObject({ stdout: '/tmp/a /tmp/b differ: byte 3, line 2\n' });
  });

  it('trouble: a missing file, no operand, a bad option (exit 2)', async () => {
    const w = createWorld();
    expect(await sh(w, 'cmp /etc/hostname /nope')).toMatchObject({ stderr: 'cmp: /nope: No such file or directory\n', exitCode: 2 });
    expect(await sh(w, 'cmp')).toMatchObject({ stderr: "cmp: missing operand after 'cmp'\ncmp: Try 'cmp --help' for more information.\n", exitCode: 2 });
    expect(await sh(w, 'cmp -z a b')).toMatchObject({ stderr: "cmp: invalid option -- 'z'\ncmp: Try 'cmp --help' for more information.\n", exitCode: 2 });
    expect((await sh(w, 'cmp --version')).stdout.split('\n')[0]).toBe('cmp (GNU diffutils) 3.10');
  });
});
