import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

// bash's printf writes \xHH and \NNN escapes as single bytes (builtins/printf.def tescape);
// text typed as UTF-8 stays UTF-8.
describe('printf writes escaped bytes as bytes', () => {
  it('keeps 0x80 and 0xff raw through a pipe and a redirect', async () => {
    const w = await world([]);
    expect((await sh(w, "printf '\\x80\\xff' | od -c")).out).toBe('0000000 200 377\n0000002\n');
    expect((await sh(w, "printf 'h\\351llo\\n' > /tmp/b; od -An -tx1 /tmp/b")).out).toBe(' 68 e9 6c 6c 6f 0a\n');
    expect((await sh(w, "printf 'h\u00e9llo %s\\n' x | od -An -tx1")).out).toBe(' 68 c3 a9 6c 6c 6f 20 78 0a\n');
  });
});
