/**
 * `> /dev/full` (#10): the open succeeds and only a write fails with ENOSPC (linux@v6.8:drivers/char/mem.c
 * write_full). bash's builtins say `bash: echo: write error: …` (bash@bash-5.2:builtins/common.c sh_wrerror),
 * coreutils `cat: write error: …` (gnulib lib/closeout.c close_stdout); a command that writes nothing succeeds.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

describe('/dev/full (#10)', () => {
  it('reports the failed write with the writing command, in bash and coreutils wording', async () => {
    const w = createWorld();
    expect(await sh(w, 'echo x > /dev/full')).toMatchObject({ out: '-bash: echo: write error: No space left on device\n', exitCode: 1 });
    expect(await sh(w, 'printf x >> /dev/full')).toMatchObject({ out: '-bash: printf: write error: No space left on device\n', exitCode: 1 });
    expect(await sh(w, 'cat /etc/hostname 1>/dev/full')).toMatchObject({ out: 'cat: write error: No space left on device\n', exitCode: 1 });
    expect(await sh(w, 'true > /dev/full')).toMatchObject({ out: '', exitCode: 0 });
    // A full standard error swallows the messages: nothing is shown.
    expect(await sh(w, 'echo ok 2>/dev/full')).toMatchObject({ out: 'ok\n', exitCode: 0 });
    expect(await sh(w, 'ls /nope 2>/dev/full')).toMatchObject({ out: '', exitCode: 2 });
    // Quoted text is not a redirection; the alias is not listed in /dev.
    expect((await sh(w, 'echo "a > /dev/full"')).out).toBe('a > /dev/full\n');
    expect((await sh(w, 'ls -a /dev | grep -c cc')).out).toBe('0\n');
  });
});
