import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// psmisc@v23.7:src/pstree.c dump_tree (compact N*[name], {thread}, ─┬─/├─/└─), -p, -A, -T, dump_by_user.
describe('pstree (psmisc 23.7)', () => {
  it('draws node1 from PID 1 with compacted threads and the pipeline beside it', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web nginx >/dev/null 2>&1');
    expect((await sh(w, 'pstree -U | cat')).out).toBe(
      'systemd─┬─agetty\n' +
        '        ├─containerd───10*[{containerd}]\n' +
        '        ├─containerd-shim─┬─nginx───4*[nginx]\n' +
        '        │                 └─9*[{containerd-shim}]\n' +
        '        ├─cron\n        ├─dbus-daemon\n' +
        '        ├─dockerd───13*[{dockerd}]\n' +
        '        ├─kubelet───16*[{kubelet}]\n' +
        '        ├─sshd───sshd───bash─┬─cat\n' +
        '        │                    └─pstree\n' +
        '        ├─systemd-journal\n        ├─systemd-logind\n        ├─systemd-network\n        ├─systemd-resolve\n        ├─systemd-timesyn\n        └─systemd-udevd\n',
    );
    // To a pipe without -U: ASCII.
    expect((await sh(w, 'pstree 812 | cat')).out).toBe('dockerd---13*[{dockerd}]\n');
  });

  it('-p shows PIDs (no compaction), -A -T ASCII without threads, a PID or a user as the root', async () => {
    const w = createWorld();
    expect((await sh(w, 'pstree -p -U | head -3')).out).toBe(
      'systemd(1)─┬─agetty(830)\n           ├─containerd(640)─┬─{containerd}(641)\n           │                 ├─{containerd}(642)\n',
    );
    expect(await sh(w, 'pstree systemd-timesync')).toMatchObject({ out: 'systemd-timesyn\n', exitCode: 0 });
    expect((await sh(w, 'pstree -A -T 1987')).out).toBe('sshd---bash---pstree\n');
    expect((await sh(w, 'pstree messagebus')).out).toBe('dbus-daemon\n');
    expect(await sh(w, 'pstree alice')).toMatchObject({ out: 'No such user name: alice\n', exitCode: 1 });
    expect(await sh(w, 'pstree 99999')).toMatchObject({ out: '', exitCode: 1 });
    const bad = await sh(w, 'pstree -q');
    expect(bad.exitCode).toBe(1);
    expect(bad.out.startsWith("pstree: invalid option -- 'q'\nUsage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]\n")).toBe(true);
  });
});
