import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// coreutils-9.4 src/tr.c unquote: `\NNN` (one to three octal digits) is that byte, `\\` a backslash;
// od -c prints NUL as `\0` (coreutils src/od.c print_named_ascii / print_ascii).
describe('tr reads octal escapes in its sets (#10)', () => {
  it('\\0 and \\NNN name bytes; \\\\ is a backslash', async () => {
    const w = createWorld();
    expect((await sh(w, "printf 'a\\0b\\n' | tr '\\0' x")).out).toBe('axb\n');
    expect((await sh(w, "head -c 4 /dev/zero | tr '\\0' x")).out).toBe('xxxx');
    expect((await sh(w, "printf 'a\\nb\\n' | tr '\\n' '\\0' | od -c")).out).toBe('0000000   a  \\0   b  \\0\n0000004\n');
    expect((await sh(w, "printf 'a\\nb\\n' | tr -d '\\012'")).out).toBe('ab');
    expect((await sh(w, "printf 'abc' | tr '\\141' X")).out).toBe('Xbc');
    expect((await sh(w, "echo 'a\\b' | tr '\\\\' /")).out).toBe('a/b\n');
  });
});
