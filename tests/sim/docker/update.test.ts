import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker update: the resource options it records', () => {
  it('--blkio-weight, --memory-reservation, --cpuset-mems and the real-time options land in HostConfig', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name up alpine sleep 100');
    const r = await sh(w, 'docker update --blkio-weight 300 --memory-reservation 10m --cpuset-mems 0 --cpu-rt-period 1000 --cpu-rt-runtime 500 up');
    expect(r.stdout).toBe('up\n');
    expect(
      (
        await sh(
          w,
          "docker inspect -f '{{.HostConfig.BlkioWeight}} {{.HostConfig.MemoryReservation}} {{.HostConfig.CpusetMems}} {{.HostConfig.CpuRealtimePeriod}} {{.HostConfig.CpuRealtimeRuntime}}' up",
        )
      ).stdout,
    ).toBe('300 10485760 0 1000 500\n');
  });

  // moby@v27.3.1:daemon/update.go: verifyContainerSettings' errors come back bare; only container/container_unix.go
  // UpdateContainer's (checks against the current settings) are wrapped by errCannotUpdate with the container's ID.
  it("refuses what moby's verifyPlatformContainerResources and UpdateContainer refuse", async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name up alpine sleep 100');
    const id = (await sh(w, "docker inspect -f '{{.Id}}' up")).stdout.trim();
    expect((await sh(w, 'docker update --blkio-weight 5 up')).stderr).toBe('Error response from daemon: Range of blkio weight is from 10 to 1000\n');
    expect((await sh(w, 'docker update --cpuset-mems 1 up')).stderr).toBe(
      'Error response from daemon: Requested memory nodes are not available - requested 1, available: 0\n',
    );
    expect((await sh(w, 'docker update -m 10m --memory-reservation 20m up')).stderr).toBe(
      'Error response from daemon: Minimum memory limit can not be less than memory reservation limit, see usage\n',
    );
    // Run without --memory, MemorySwap is 0: a memory limit alone is bigger than it (moby/moby#47874 is not in v27.3.1).
    expect((await sh(w, 'docker update -m 256m up')).stderr).toBe(
      `Error response from daemon: Cannot update container ${id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\n`,
    );
    expect((await sh(w, 'docker update -m 1m nosuch')).stderr).toBe('Error response from daemon: Minimum memory limit allowed is 6MB\n');
    expect((await sh(w, 'docker update -m 256m --memory-swap 512m up')).stdout).toBe('up\n');
    expect((await sh(w, "docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' up")).stdout).toBe('268435456 536870912\n');
    expect((await sh(w, 'docker container update --cpu-rt-period x up')).stderr).toBe(
      'invalid argument "x" for "--cpu-rt-period" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker container update --help\'.\n',
    );
  });
});

describe('docker build --iidfile', () => {
  it('writes the image ID, without a newline, when the build succeeds', async () => {
    const w = await world(['alpine']);
    await sh(w, "mkdir ctx && printf 'FROM alpine\\nRUN echo hi > /hi\\n' > ctx/Dockerfile");
    const r = await sh(w, 'docker build -q --iidfile /tmp/iid -t mine ctx');
    expect(r.exitCode, r.stderr).toBe(0);
    const id = (await sh(w, 'cat /tmp/iid')).stdout;
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.stdout).toBe(`${id}\n`);
  });
});
