import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// procps-ng@v4.0.4:src/pgrep.c: output_numlist/output_strlist, pkill's "%s killed (pid %lu)", the usage errors.
describe('pgrep and pkill (procps-ng 4.0.4)', () => {
  it('lists matches by name, with -l/-a, -x, -d, -c and -P', async () => {
    const w = createWorld();
    expect(await sh(w, 'pgrep dockerd')).toMatchObject({ out: '812\n', exitCode: 0 });
    expect((await sh(w, 'pgrep -l containerd')).out).toBe('640 containerd\n');
    expect((await sh(w, 'pgrep -a sshd')).out).toBe('845 sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\n1987 sshd: root@pts/0\n');
    expect((await sh(w, 'pgrep -d, -x sshd')).out).toBe('845,1987\n');
    expect((await sh(w, 'pgrep -l -P 1 | head -3')).out).toBe('312 systemd-journal\n356 systemd-udevd\n512 systemd-network\n');
    expect(await sh(w, 'pgrep nothinghere')).toMatchObject({ out: '', exitCode: 1 });
    expect(await sh(w, 'pgrep -c nothinghere')).toMatchObject({ out: '0\n', exitCode: 1 });
  });

  it('pkill signals what matches; -e echoes; -n picks the newest', async () => {
    const w = createWorld();
    const r = await sh(w, 'sleep 300 & sleep 400 & pgrep -n -a sleep; pkill -e sleep; echo $?');
    expect(r.out).toBe(
      '[1] 2046\n[2] 2047\n2047 sleep 400\nsleep killed (pid 2046)\nsleep killed (pid 2047)\n0\n[1]-  Terminated              sleep 300\n[2]+  Terminated              sleep 400\n',
    );
    expect(await sh(w, 'pgrep sleep')).toMatchObject({ out: '', exitCode: 1 });
    expect(await sh(w, 'pkill sleep')).toMatchObject({ out: '', exitCode: 1 });
  });

  it('usage errors exit 2', async () => {
    const w = createWorld();
    expect(await sh(w, 'pgrep')).toMatchObject({ out: "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n", exitCode: 2 });
    expect(await sh(w, 'pgrep a b')).toMatchObject({ out: "pgrep: only one pattern can be provided\nTry `pgrep --help' for more information.\n", exitCode: 2 });
    const bad = await sh(w, 'pgrep -z x');
    expect(bad.exitCode).toBe(2);
    expect(
      bad.out.startsWith(
        "pgrep: invalid option -- 'z'\n\nUsage:\n pgrep [options] <pattern>\n\nOptions:\n -d, --delimiter <string>  specify output delimiter\n",
      ),
    ).toBe(true);
    expect(bad.out.endsWith('\nFor more details see pgrep(1).\n')).toBe(true);
    expect((await sh(w, 'pgrep averyveryverylongname')).out).toBe(
      "pgrep: pattern that searches for process name longer than 15 characters will result in zero matches\nTry `pgrep -f' option to match against the complete command line.\n",
    );
    expect((await sh(w, 'which pgrep pkill')).out).toBe('/usr/bin/pgrep\n/usr/bin/pkill\n');
  });
});
