import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

// systemd@v255: src/shared/logs-show.c (short, short-iso, cat), src/journal/journalctl.c ("-- No entries --"),
// src/shared/journal-util.c (the hint for a user outside adm/systemd-journal); moby@v27.3.1 dockerd start-up lines.
describe('journalctl', () => {
  it('-u docker shows docker.service starting at the time of dockerd, with dockerd 27.3.1 start-up lines', async () => {
    const w = await world([]);
    const r = await sh(w, 'journalctl -u docker --no-pager');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Sep 16 08:12:39 node1 systemd[1]: Starting docker.service - Docker Application Container Engine...');
    expect(lines[1]).toMatch(/^Sep 16 08:12:39 node1 dockerd\[812\]: time="2024-09-16T08:12:39\.\d{9}Z" level=info msg="Starting up"$/);
    expect(r.stdout).toContain(' level=info msg="Docker daemon" commit=41ca978 containerd-snapshotter=false storage-driver=overlay2 version=27.3.1\n');
    expect(lines[lines.length - 2]).toBe('Sep 16 08:12:39 node1 systemd[1]: Started docker.service - Docker Application Container Engine.');
    expect((await sh(w, 'journalctl -u docker -n 1 -o cat')).stdout).toBe('Started docker.service - Docker Application Container Engine.\n');
    expect((await sh(w, 'journalctl -u docker -n 1 -o short-iso')).stdout).toBe(
      '2024-09-16T08:12:39+00:00 node1 systemd[1]: Started docker.service - Docker Application Container Engine.\n',
    );
  });
  it('-k reads the kernel ring buffer dmesg reads; -p err keeps the OOM killer report', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'journalctl -k -p err')).stdout).toBe('-- No entries --\n');
    await sh(w, 'docker run -d --name hog -m 64m alpine tail /dev/zero');
    await sh(w, 'sleep 5');
    // The bridge's info lines (net/bridge-log.ts) come first; the OOM killer's report is the one at err.
    const dmesg = (await sh(w, 'dmesg')).stdout.trim().split('\n');
    expect(dmesg.at(-2)).toMatch(/^\[\s*[\d.]+\] docker0: port \d+\(veth[0-9a-f]{7}\) entered forwarding state$/);
    expect((await sh(w, 'journalctl -k -o cat')).stdout).toBe(dmesg.map((l) => `${l.replace(/^\[\s*[\d.]+\] /, '')}\n`).join(''));
    expect((await sh(w, 'journalctl -k -p err -o cat')).stdout).toBe(`${(dmesg.at(-1) as string).replace(/^\[\s*[\d.]+\] /, '')}\n`);
  });
  it('a user outside adm and systemd-journal gets the hint and none of the system entries', async () => {
    const w = await world([]);
    // ubuntu is in adm (cloud-init's default groups): it reads the system's entries; www-data is in neither group.
    expect((await sh(w, "su ubuntu -c 'journalctl -u docker -n 1 -o cat'")).out).toBe((await sh(w, 'journalctl -u docker -n 1 -o cat')).out);
    expect((await sh(w, "su ubuntu -c 'journalctl -u docker -n 1 -o cat'")).out).not.toContain('Hint');
    const r = await sh(w, 'sudo -u www-data journalctl -u docker');
    expect(r.out).toBe(
      "Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n      Pass -q to turn off this notice.\n-- No entries --\n",
    );
    expect((await sh(w, 'journalctl --foo')).stderr).toBe("journalctl: unrecognized option '--foo'\n");
  });
  it('-f prints the last 10 entries, then waits until Ctrl-C (130)', async () => {
    const w = createWorld();
    const ac = new AbortController();
    let out = '';
    const r = await w.exec('journalctl -u docker -f', {
      signal: ac.signal,
      onOutput: (c) => {
        out += c.text;
        if (out.includes('Started docker.service')) setTimeout(() => ac.abort(), 0);
      },
    });
    expect(r.exitCode).toBe(130);
    expect(out.split('\n').filter(Boolean)).toHaveLength(10);
    expect(out.startsWith('Sep 16 08:12:39 node1 systemd[1]: Starting docker.service')).toBe(true);
  });
});
