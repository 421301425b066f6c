import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';
import { capFromText, capToText } from '../../src/sim/kernel/captext.ts';

const sh = (w: World, line: string) => w.exec(line, { locale: 'en' });
const text = (t: string) => {
  const s = capFromText(t);
  return s ? capToText(s) : 'EINVAL';
};

describe('file capabilities: getcap and setcap (libcap 2.66) on node1 (#10)', { timeout: 120_000 }, () => {
  it('cap_from_text and cap_to_text as libcap/cap_text.c parse and print them', () => {
    expect(text('cap_net_raw+ep')).toBe('cap_net_raw=ep');
    expect(text('cap_net_bind_service,cap_net_admin,cap_sys_nice=ep')).toBe('cap_net_bind_service,cap_net_admin,cap_sys_nice=ep');
    expect(text('all=ep')).toBe('=ep');
    expect(text('=ep cap_sys_admin-ep')).toBe('=ep cap_sys_admin-ep');
    // The most common combination is the base; the first group after a bare "=" takes its place.
    expect(text('cap_chown+ep cap_kill+i')).toBe('cap_kill=i cap_chown+ep');
    expect(text('13+p')).toBe('cap_net_raw=p');
    expect(text('CAP_NET_RAW+ep')).toBe('cap_net_raw=ep');
    expect(text('cap_net_raw=')).toBe('=');
    for (const bad of ['cap_bogus+ep', '+ep', 'cap_net_raw', 'cap_net_raw+x', 'cap_chown+p,cap_kill+ep']) expect(text(bad)).toBe('EINVAL');
  });

  it('getcap: /usr/bin/ping has cap_net_raw=ep as on Ubuntu 24.04; -v, -r, missing files', async () => {
    const w = createWorld();
    expect((await sh(w, 'getcap /usr/bin/ping')).stdout).toBe('/usr/bin/ping cap_net_raw=ep\n');
    expect((await sh(w, 'getcap /usr/bin/ls')).stdout).toBe('');
    expect((await sh(w, 'getcap -v /usr/bin/ls /usr/bin')).stdout).toBe('/usr/bin/ls\n/usr/bin (Not a regular file)\n');
    expect((await sh(w, 'getcap -r /usr/bin')).stdout).toBe('/usr/bin/ping cap_net_raw=ep\n');
    expect(await sh(w, 'getcap /nope')).toMatchObject({ stdout: '', stderr: '/nope (No such file or directory)\n', exitCode: 0 });
    expect(await sh(w, 'getcap')).toMatchObject({
      stderr: 'usage: getcap [-h] [-l] [-n] [-r] [-v] <filename> [<filename> ...]\n\n\tdisplays the capabilities on the queried file(s).\n',
      exitCode: 1,
    });
    expect((await sh(w, 'which getcap setcap')).stdout).toBe('/usr/sbin/getcap\n/usr/sbin/setcap\n');
  });

  it('setcap stores what getcap shows; -v verifies; -r removes; setcap.c and cap_file.c errors', async () => {
    const w = createWorld();
    await sh(w, 'cp /usr/bin/sleep /tmp/web');
    expect(await sh(w, 'setcap cap_net_bind_service+ep /tmp/web')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect((await sh(w, 'getcap /tmp/web')).stdout).toBe('/tmp/web cap_net_bind_service=ep\n');
    expect((await sh(w, 'cd /tmp && getcap web')).stdout).toBe('web cap_net_bind_service=ep\n');
    expect(await sh(w, 'setcap -v cap_net_bind_service=ep /tmp/web')).toMatchObject({ stdout: '/tmp/web: OK\n', exitCode: 0 });
    expect(await sh(w, 'setcap -v cap_net_raw=p /tmp/web')).toMatchObject({ stdout: '/tmp/web differs in [pe]\n', exitCode: 1 });
    // The xattr keeps one effective flag: an effective set without permitted bits reads back empty.
    await sh(w, 'setcap cap_chown+e /tmp/web');
    expect((await sh(w, 'getcap /tmp/web')).stdout).toBe('/tmp/web =\n');
    expect(await sh(w, 'setcap -r /tmp/web')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(await sh(w, 'setcap -r /tmp/web')).toMatchObject({ stderr: "File '/tmp/web' has no capablity to remove\n", exitCode: 1 });
    expect(
      (await sh(w, 'setcap cap_bogus+ep /tmp/web')).stderr.startsWith(
        'fatal error: Invalid argument\nusage: setcap [-h] [-q] [-v] [-n <rootid>] (-r|-|<caps>) <filename>',
      ),
    ).toBe(true);
    expect((await sh(w, 'setcap cap_kill+p /tmp')).stderr).toBe("Invalid file '/tmp' for capability operation\n");
    expect((await sh(w, 'ln -s /tmp/web /tmp/link && setcap cap_kill+p /tmp/link')).stderr).toBe("Invalid file '/tmp/link' for capability operation\n");
    expect((await sh(w, 'setcap cap_kill+p /nope')).stderr).toBe("Failed to set capabilities on file '/nope': No such file or directory\n");
    expect((await sh(w, "setcap 'cap_chown+e cap_kill+p' /tmp/web")).stderr).toBe(
      "NOTE: Under Linux, effective file capabilities must either be empty, or\n      exactly match the union of selected permitted and inheritable bits.\nInvalid file '/tmp/web' for capability operation\n",
    );
    const stdin = await sh(w, "printf 'cap_kill+ep\\n' | setcap - /tmp/web");
    expect([stdin.stderr, stdin.exitCode]).toEqual(['Please enter caps for file [empty line to end]:\n', 0]);
    expect((await sh(w, 'getcap /tmp/web')).stdout).toBe('/tmp/web cap_kill=ep\n');
  });
});
