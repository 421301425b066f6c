import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// lsof-org/lsof@4.95.0:print.c print_file (columns sized, then printed: COMMAND %-*.*s cut to CMDL 9, PID, USER and FD
// right-aligned, DEVICE, SIZE/OFF, NODE, NAME); usage.c for a bad name. The sockets are ss's (ss.ts socketsOf).
describe('lsof (lsof 4.95.0, #10)', { timeout: 60_000 }, () => {
  it('-i lists the sockets ss shows, with the holding process and descriptor; -n -P keep numbers', async () => {
    const w = createWorld();
    const r = await sh(w, 'lsof -i -n -P');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'COMMAND    PID            USER FD   TYPE DEVICE SIZE/OFF NODE NAME',
      'systemd-r  530 systemd-resolve 14u  IPv4  23844      0t0  UDP 127.0.0.53:53',
    ]);
    expect((await sh(w, 'lsof -i :22')).stdout).toBe(
      'COMMAND  PID USER FD   TYPE DEVICE SIZE/OFF NODE NAME\nsshd     845 root 3u  IPv4  27298      0t0  TCP *:ssh (LISTEN)\nsshd     845 root 4u  IPv6  27299      0t0  TCP *:ssh (LISTEN)\nsshd    1987 root 4u  IPv4  39861      0t0  TCP node1:ssh->_gateway:52644 (ESTABLISHED)\n',
    );
    expect((await sh(w, 'lsof -t -i tcp:22')).stdout).toBe('845\n1987\n');
  });

  it("a published port is docker-proxy's; another user sees none of root's sockets; a missing path is a status error", async () => {
    const w = createWorld();
    await sh(w, 'docker run -d -p 8080:80 --name web nginx >/dev/null 2>&1');
    expect((await sh(w, 'lsof -i :8080 -P')).stdout).toMatch(
      /^COMMAND {5}PID USER FD {3}TYPE DEVICE SIZE\/OFF NODE NAME\ndocker-pr \d+ root 4u {2}IPv4 +\d+ +0t0 +TCP \*:8080 \(LISTEN\)\n/,
    );
    expect(await sh(w, 'su ubuntu -c "lsof -i"')).toMatchObject({ stdout: '', exitCode: 1 });
    const bad = await sh(w, 'lsof /nope');
    expect(bad.exitCode).toBe(1);
    expect(
      bad.stderr.startsWith('lsof: status error on /nope: No such file or directory\nlsof 4.95.0\n latest revision: https://github.com/lsof-org/lsof\n'),
    ).toBe(true);
  });
});
