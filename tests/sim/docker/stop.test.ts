import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';
import { expectHelp } from './help.ts';

describe('docker stop --help', () => {
  it("prints docker/cli v27.3.1's help with its Options, byte for byte", async () => {
    await expectHelp(await world([]), 'docker stop --help', 'stop');
  });
});

describe('docker stop/restart --signal, docker rm --link', () => {
  it("--signal sends that signal instead of the stop signal; a bad one is moby/sys/signal's error", async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name s1 alpine sleep 1000');
    expect((await sh(w, 'docker stop -s BOGUS s1')).stderr).toBe('Error response from daemon: cannot stop container: s1: invalid signal: BOGUS\n');
    expect((await sh(w, 'docker restart --signal NOPE s1')).stderr).toBe('Error response from daemon: Cannot restart container s1: invalid signal: NOPE\n');
    // sleep as PID 1 ignores SIGTERM (no handler), so a plain stop waits; SIGKILL ends it at once.
    const r = await sh(w, 'docker stop --signal SIGKILL s1');
    expect(r.stdout).toBe('s1\n');
    expect((await sh(w, "docker inspect -f '{{.State.ExitCode}}' s1")).stdout).toBe('137\n');
  });

  it('rm --link: a container name is its own default link (moby rmLink); no other link exists', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name web alpine sleep 1000');
    const r = await sh(w, 'docker rm --link web');
    expect(r.stderr).toBe('Error response from daemon: Conflict, cannot remove the default link name of the container\n');
    expect(r.exitCode).toBe(1);
    expect((await sh(w, 'docker rm -l /web/db')).stderr).toBe('Error response from daemon: No such container: web/db\n');
    expect((await sh(w, "docker ps --format '{{.Names}}'")).stdout).toBe('web\n');
  });
});
