import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// coreutils@v9.4:src/head.c head_file / src/tail.c tail_file, busybox@1_36_1:libbb/wfopen.c (src/sim/shell/openerror.ts).
describe('head and tail of a file they cannot open', () => {
  it('"cannot open \'F\' for reading: Permission denied" for a file the user may not read', async () => {
    const w = createWorld();
    expect(await sh(w, "su ubuntu -c 'head /etc/shadow'")).toMatchObject({
      out: "head: cannot open '/etc/shadow' for reading: Permission denied\n",
      exitCode: 1,
    });
    expect((await sh(w, "su ubuntu -c 'tail -n1 /etc/shadow'")).out).toBe("tail: cannot open '/etc/shadow' for reading: Permission denied\n");
  });

  it('each error in its place among the headed files; a directory has its header, then "error reading"', async () => {
    const w = createWorld();
    expect((await sh(w, 'head -n1 /nosuch /etc/hostname /etc')).out).toBe(
      "head: cannot open '/nosuch' for reading: No such file or directory\n==> /etc/hostname <==\nnode1\n\n==> /etc <==\nhead: error reading '/etc': Is a directory\n",
    );
    expect((await sh(w, 'tail -n1 /etc/hostname /nosuch')).out).toBe(
      "==> /etc/hostname <==\nnode1\ntail: cannot open '/nosuch' for reading: No such file or directory\n",
    );
    expect((await sh(w, 'head -q -n1 /nosuch /etc/hostname')).out).toBe("head: cannot open '/nosuch' for reading: No such file or directory\nnode1\n");
  });

  it("busybox: \"can't open 'F': No such file or directory\"", async () => {
    const w = createWorld();
    const r = await sh(w, 'docker run --rm alpine head -n1 /nosuch /etc/alpine-release 2>&1 | tail -3');
    expect(r.out).toBe("head: can't open '/nosuch': No such file or directory\n==> /etc/alpine-release <==\n3.20.3\n");
  });
});
