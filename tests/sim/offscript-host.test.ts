import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// Off-script commands on node1 (Ubuntu 24.04): GNU env and paste (coreutils 9.4), systemd-resolved's
// /etc/resolv.conf. Expected texts: coreutils@v9.4:src/env.c, src/paste.c; systemd@v255:src/resolve/resolved-resolv-conf.c.
describe('env (coreutils 9.4)', () => {
  it('runs the command with an empty, trimmed or extended environment', async () => {
    const w = createWorld();
    expect(await sh(w, 'env -i ls /')).toMatchObject({
      out: 'bin                etc                lib64       opt   sbin                sys\nbin.usr-is-merged  home               lost+found  proc  sbin.usr-is-merged  tmp\nboot               lib                media       root  snap                usr\ndev                lib.usr-is-merged  mnt         run   srv                 var\n',
      exitCode: 0,
    });
    expect(await sh(w, 'env -i PATH=/usr/bin ls -d /tmp')).toMatchObject({ out: '/tmp\n', exitCode: 0 });
    expect(await sh(w, 'env -i printenv')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'env -i FOO=1 B=2 env')).toMatchObject({ out: 'FOO=1\nB=2\n', exitCode: 0 });
    expect(await sh(w, 'env -u HOME printenv HOME')).toMatchObject({ out: '', exitCode: 1 });
    expect((await sh(w, 'env -u HOME env')).out).not.toContain('HOME=');
    expect(await sh(w, 'echo hi | env -i cat')).toMatchObject({ out: 'hi\n', exitCode: 0 });
    expect(await sh(w, 'env -C /tmp pwd')).toMatchObject({ out: '/tmp\n', exitCode: 0 });
    expect(await sh(w, 'env - A=1 env')).toMatchObject({ out: 'A=1\n', exitCode: 0 });
  });

  it('reports errors in coreutils words with its exit codes', async () => {
    const w = createWorld();
    expect(await sh(w, 'env foo')).toMatchObject({ out: "env: 'foo': No such file or directory\n", exitCode: 127 });
    expect(await sh(w, 'env -x')).toMatchObject({ out: "env: invalid option -- 'x'\nTry 'env --help' for more information.\n", exitCode: 125 });
    expect(await sh(w, 'env --unset')).toMatchObject({
      out: "env: option '--unset' requires an argument\nTry 'env --help' for more information.\n",
      exitCode: 125,
    });
    expect(await sh(w, 'env -u A=B true')).toMatchObject({ out: "env: cannot unset 'A=B': Invalid argument\n", exitCode: 125 });
    expect(await sh(w, 'env -C /tmp')).toMatchObject({
      out: "env: must specify command with --chdir (-C)\nTry 'env --help' for more information.\n",
      exitCode: 125,
    });
  });
});

describe('paste (coreutils 9.4)', () => {
  it('serial, parallel, stdin turns and delimiter escapes', async () => {
    const w = createWorld();
    expect((await sh(w, 'seq 3 | paste -sd,')).out).toBe('1,2,3\n');
    expect((await sh(w, 'seq 6 | paste - - -')).out).toBe('1\t2\t3\n4\t5\t6\n');
    expect((await sh(w, 'seq 5 | paste -d: - -')).out).toBe('1:2\n3:4\n5:\n');
    await sh(w, 'printf "a\\nb\\n" > /tmp/x; printf "1\\n2\\n3\\n" > /tmp/y');
    expect((await sh(w, 'paste /tmp/x /tmp/y')).out).toBe('a\t1\nb\t2\n\t3\n');
    expect((await sh(w, 'paste -d "\\t|" /tmp/x /tmp/y /tmp/x')).out).toBe('a\t1|a\nb\t2|b\n\t3|\n');
    expect((await sh(w, 'paste -s /tmp/x /tmp/y')).out).toBe('a\tb\n1\t2\t3\n');
    expect((await sh(w, 'seq 4 | paste -sd "\\0"')).out).toBe('1234\n');
    expect((await sh(w, 'printf "a\\nb" | paste -s --delimiters=+')).out).toBe('a+b\n');
  });

  it('errors', async () => {
    const w = createWorld();
    expect(await sh(w, 'paste /tmp/nope')).toMatchObject({ out: 'paste: /tmp/nope: No such file or directory\n', exitCode: 1 });
    expect(await sh(w, 'paste -d "a\\\\" /tmp/nope')).toMatchObject({ out: 'paste: delimiter list ends with an unescaped backslash: "a\\\\"\n', exitCode: 1 });
    expect(await sh(w, 'paste -q')).toMatchObject({ out: "paste: invalid option -- 'q'\nTry 'paste --help' for more information.\n", exitCode: 1 });
  });
});

describe("/etc/resolv.conf: systemd-resolved's stub", () => {
  it('is a link to the stub file; the uplink file names the gateway', async () => {
    const w = createWorld();
    expect((await sh(w, 'readlink /etc/resolv.conf')).out).toBe('../run/systemd/resolve/stub-resolv.conf\n');
    const stub = (await sh(w, 'cat /etc/resolv.conf')).out;
    expect(stub.startsWith('# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\n# Do not edit.\n')).toBe(true);
    expect(stub.endsWith('# operation for /etc/resolv.conf.\n\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n')).toBe(true);
    expect((await sh(w, 'grep -v "^#" /run/systemd/resolve/resolv.conf')).out).toBe('\nnameserver 10.0.0.1\nsearch .\n');
  });
});

// coreutils@v9.4:src/groups.c, src/realpath.c; glibc@glibc-2.39:nss/getent.c.
describe('groups, getent, realpath', () => {
  it('name the users and groups of /etc/passwd and /etc/group', async () => {
    const w = createWorld();
    expect(await sh(w, 'groups')).toMatchObject({ out: 'root\n', exitCode: 0 });
    expect(await sh(w, 'groups ubuntu root')).toMatchObject({ out: 'ubuntu : ubuntu adm cdrom sudo dip lxd\nroot : root\n', exitCode: 0 });
    expect(await sh(w, 'groups bob')).toMatchObject({ out: "groups: 'bob': no such user\n", exitCode: 1 });
    expect(await sh(w, 'getent passwd root')).toMatchObject({ out: 'root:x:0:0:root:/root:/bin/bash\n', exitCode: 0 });
    expect(await sh(w, 'getent group 1000')).toMatchObject({ out: 'ubuntu:x:1000:\n', exitCode: 0 });
    expect(await sh(w, 'getent passwd bob')).toMatchObject({ out: '', exitCode: 2 });
    expect(await sh(w, 'getent foo')).toMatchObject({
      out: "Unknown database: foo\nTry `getent --help' or `getent --usage' for more information.\n",
      exitCode: 1,
    });
  });

  it('realpath follows links on merged /usr; -m, -s, --relative-to; errors', async () => {
    const w = createWorld();
    expect((await sh(w, 'realpath /bin/ls')).out).toBe('/usr/bin/ls\n');
    expect((await sh(w, 'cd /tmp && realpath ../etc/resolv.conf')).out).toBe('/run/systemd/resolve/stub-resolv.conf\n');
    expect((await sh(w, 'realpath -m /nope/x')).out).toBe('/nope/x\n');
    expect((await sh(w, 'realpath -s /bin/ls')).out).toBe('/bin/ls\n');
    expect((await sh(w, 'realpath --relative-to=/usr /usr/bin/ls')).out).toBe('bin/ls\n');
    expect(await sh(w, 'realpath /nope/x')).toMatchObject({ out: 'realpath: /nope/x: No such file or directory\n', exitCode: 1 });
    expect(await sh(w, 'realpath')).toMatchObject({ out: "realpath: missing operand\nTry 'realpath --help' for more information.\n", exitCode: 1 });
  });
});
