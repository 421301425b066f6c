import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// od as coreutils 9.4 prints it (src/od.c; busybox od_bloaty.c is the same code): the expected
// texts are GNU od's own output for the same bytes (printf FORMAT | od ARGS).
const CASES: [string, string, string][] = [
  ['abc', '-c', '0000000   a   b   c\n0000003\n'],
  ['a\\nb\\n', '-An -tx1', ' 61 0a 62 0a\n'],
  ['abc', '', '0000000 061141 000143\n0000003\n'],
  ['abc', '-t x1 -t c', '0000000  61  62  63\n          a   b   c\n0000003\n'],
  ['abc', '-An -td1 -tu2', '   97   98   99\n     25185        99\n'],
  ['\\000\\001\\177 ~', '-a', '0000000 nul soh del  sp   ~\n0000005\n'],
  ['abc', '-Ax -tx1', '000000 61 62 63\n000003\n'],
  ['0123456789abcdefg', '-b', '0000000 060 061 062 063 064 065 066 067 070 071 141 142 143 144 145 146\n0000020 147\n0000021\n'],
  ['0123456789abcdefg', '-x', '0000000 3130 3332 3534 3736 3938 6261 6463 6665\n0000020 0067\n0000021\n'],
  ['0123456789abcdefg', '-d', '0000000 12592 13106 13620 14134 14648 25185 25699 26213\n0000020   103\n0000021\n'],
  [
    'abcdefghijklmnopabcdefghijklmnopabcdefghijklmnopXYZ',
    '-c',
    '0000000   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n*\n0000060   X   Y   Z\n0000063\n',
  ],
  [
    'abcdefghijklmnopabcdefghijklmnopabcdefghijklmnopXYZ',
    '-v -Ad -c',
    '0000000   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n0000016   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n0000032   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n0000048   X   Y   Z\n0000051\n',
  ],
  [
    '0123456789abcdefg',
    '-to4 -td4',
    '0000000 06314430460 06715432464 14230234470 14631262143\n          858927408   926299444  1650538808  1717920867\n0000020 00000000147\n                103\n0000021\n',
  ],
  [
    '0123456789abcdefg',
    '-tx8 -tc',
    '0000000                3736353433323130                6665646362613938\n          0   1   2   3   4   5   6   7   8   9   a   b   c   d   e   f\n0000020                0000000000000067\n          g\n0000021\n',
  ],
  ['0123456789abcdefg', '-j 2 -N 3 -c', '0000002   2   3   4\n0000005\n'],
  ['hi\\tthere\\r\\n', '-An -c', '   h   i  \\t   t   h   e   r   e  \\r  \\n\n'],
];

describe('od over bytes (#10)', () => {
  for (const [input, args, want] of CASES) {
    it(`printf '${input}' | od ${args}`, async () => {
      expect((await sh(createWorld(), `printf '${input}' | od ${args}`)).out).toBe(want);
    });
  }

  it('keeps bytes from 0x80 up as single bytes; * stands for repeated lines; a missing file is reported first', async () => {
    const w = createWorld();
    expect((await sh(w, 'head -c 8 /dev/urandom | od -An -tx1')).out).toMatch(/^( [0-9a-f]{2}){8}\n$/);
    expect((await sh(w, 'head -c 40 /dev/zero | od -c')).out).toBe(`0000000${'  \\0'.repeat(16)}\n*\n0000040${'  \\0'.repeat(8)}\n0000050\n`);
    const r = await sh(w, 'od -c /nonexistent /etc/hostname');
    expect([r.out, r.exitCode]).toEqual(['od: /nonexistent: No such file or directory\n0000000   n   o   d   e   1  \\n\n0000006\n', 1]);
  });
});
