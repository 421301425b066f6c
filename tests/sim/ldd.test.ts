import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// glibc@glibc-2.39:elf/ldd.bash.in.
describe('ldd (glibc 2.39, #10)', { timeout: 60_000 }, () => {
  it("ldd: the loader's trace, static and missing files", async () => {
    const w = createWorld();
    expect((await sh(w, 'ldd /bin/ls')).stdout).toBe(
      '\tlinux-vdso.so.1 (0x00007ffd4a5f2000)\n\tlibselinux.so.1 => /lib/x86_64-linux-gnu/libselinux.so.1 (0x00007f3a9c7b4000)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3a9c400000)\n\tlibpcre2-8.so.0 => /lib/x86_64-linux-gnu/libpcre2-8.so.0 (0x00007f3a9c75a000)\n\t/lib64/ld-linux-x86-64.so.2 (0x00007f3a9c80c000)\n',
    );
    expect(await sh(w, 'ldd /usr/bin/docker')).toMatchObject({ stderr: '\tnot a dynamic executable\n', exitCode: 1 });
    expect(await sh(w, 'ldd /nope')).toMatchObject({ stderr: 'ldd: /nope: No such file or directory\n', exitCode: 1 });
    expect(await sh(w, 'ldd /tmp')).toMatchObject({ stderr: 'ldd: /tmp: not regular file\n', exitCode: 1 });
    expect(await sh(w, 'ldd')).toMatchObject({ stderr: "ldd: missing file arguments\nTry `ldd --help' for more information.\n", exitCode: 1 });
  });
});
