/**
 * A long session keeps only what its state needs: a removed container's root filesystem (its files, inodes and the
 * closures that read them) is dropped with the container, and docker stats' per-cgroup history keeps the two seconds it
 * reads. Before, the read-only check and the chown of every root ever built stayed in two per-host maps, so each
 * `docker run --rm` left its whole filesystem behind (~80 KB a container in a heap snapshot), and every cgroup kept
 * one number per simulated second (issue #10: a learner's session grows, and each scavenge copies more).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { chownerOf } from '../../src/sim/shell/simfs.ts';

interface Internals {
  runtime: { readOnlyCheck: Map<string, unknown>; bashes: Map<string, unknown> };
  host: { kernel: { cgroups: Map<string, { usageAtSecond: number[] }> } };
}

describe('what a removed container leaves behind', () => {
  it("drops a removed container's shell, read-only check and chown with it", async () => {
    const w = createWorld();
    const r = await w.exec('docker run -d --name web nginx');
    expect(r.exitCode).toBe(0);
    const id = r.stdout.trim();
    const rt = (w as unknown as Internals).runtime;
    await w.exec('docker exec web true');
    expect(rt.readOnlyCheck.has(id)).toBe(true);
    expect(chownerOf((w as unknown as { host: object }).host, id)).toBeDefined();
    expect((await w.exec('docker rm -f web')).exitCode).toBe(0);
    expect(rt.bashes.has(id)).toBe(false);
    expect(rt.readOnlyCheck.has(id)).toBe(false);
    expect(chownerOf((w as unknown as { host: object }).host, id)).toBeUndefined();
    // --rm: the container's root is built for its command and gone once it exits.
    const before = new Set(rt.readOnlyCheck.keys());
    expect((await w.exec('docker run --rm alpine true')).exitCode).toBe(0);
    expect(new Set(rt.readOnlyCheck.keys())).toEqual(before);
  });

  it('keeps two seconds of CPU usage per cgroup, and docker stats still reads a hog at its share', async () => {
    const w = createWorld();
    await w.exec('docker run -d --name hog --cpus 0.5 alpine sh -c "while :; do :; done"');
    for (let i = 0; i < 5; i++) await w.exec('true');
    const cgroups = (w as unknown as Internals).host.kernel.cgroups;
    for (const cg of cgroups.values()) expect(cg.usageAtSecond.length).toBeLessThanOrEqual(2);
    expect((await w.exec('docker stats --no-stream --format "{{.Name}} {{.CPUPerc}}" hog')).stdout).toBe('hog 50.00%\n');
  });
});
