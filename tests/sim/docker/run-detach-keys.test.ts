import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { sh, world } from '../helpers.ts';

describe('docker run --sig-proxy, --detach-keys', () => {
  it('Ctrl-C with --sig-proxy=false ends the client (130), not the container', { timeout: 60_000 }, async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await sh(w, 'docker pull -q nginx');
    // The world's host, which the World interface does not name: its kernel's process table.
    const procs = (w as unknown as { host: { kernel: { procs: Map<number, { comm: string; state: string }> } } }).host.kernel.procs;
    const nginx = () => [...procs.values()].filter((p) => p.comm === 'nginx' && p.state !== 'Z').length;
    /** Runs `line` and presses Ctrl-C once one more nginx runs than before. */
    async function interrupt(line: string) {
      const before = nginx();
      const ac = new AbortController();
      const timer = setInterval(() => nginx() > before && ac.abort(), 5);
      const r = await w.exec(line, { signal: ac.signal });
      clearInterval(timer);
      return r;
    }
    // docker/cli@v27.3.1:cli/command/container/run.go runContainer: without sig-proxy no signal.Notify, so SIGINT ends docker.
    expect((await interrupt('docker run --name quiet --sig-proxy=false nginx')).exitCode).toBe(130);
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' quiet")).out).toBe('running\n');
    // With the default (true) Ctrl-C goes to nginx, which exits on SIGINT (status 0); the client, which caught it, ends
    // with that status (run.go runContainer: waitExitOrRemoved's status), not 130.
    expect((await interrupt('docker run --name loud nginx')).exitCode).toBe(0);
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' loud")).out).toBe('exited\n');
  });

  it('a detach key moby/term cannot read: the daemon answers 400 before the upgrade, the container stays created', async () => {
    const w = await world(['alpine']);
    // docker/cli#6742 shows 27.x's output: "unable to upgrade to tcp, received 400" (client/hijack.go setupHijackConn).
    const r = await sh(w, 'docker run --name dk --detach-keys ctrl-p,shift-a alpine true');
    expect(r.out).toBe('unable to upgrade to tcp, received 400\n');
    expect(r.exitCode).toBe(1);
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' dk")).out).toBe('created\n');
    // ctrl-@ … ctrl-_, DEL and single characters are keys; -d attaches nothing, so the keys are never read.
    expect((await sh(w, 'docker run --rm --detach-keys ctrl-x,DEL,a alpine echo ok')).out).toBe('ok\n');
    expect((await sh(w, 'docker run -d --name dd --detach-keys shift-a alpine true')).exitCode).toBe(0);
  });
});
