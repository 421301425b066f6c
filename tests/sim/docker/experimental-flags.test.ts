/**
 * Flags annotated "experimental" (docker/cli@v27.3.1:cli/command/container/start.go --checkpoint, --checkpoint-dir):
 * node1's dockerd runs without experimental features, so cmd/docker/docker.go areFlagsSupported refuses them before
 * the command runs ("%q is only supported on a Docker daemon with experimental features enabled", one line a flag;
 * main prints the error and exits 1).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

describe('docker start --checkpoint', () => {
  it('is refused as an experimental flag, and the container is not started', async () => {
    const w = createWorld();
    await w.exec('docker create --name box alpine sleep 100');
    expect(await w.exec('docker start --checkpoint cp1 --checkpoint-dir /tmp/cp box')).toMatchObject({
      stdout: '',
      stderr:
        '"--checkpoint" is only supported on a Docker daemon with experimental features enabled\n"--checkpoint-dir" is only supported on a Docker daemon with experimental features enabled\n',
      exitCode: 1,
    });
    expect((await w.exec("docker inspect -f '{{.State.Status}}' box")).stdout).toBe('created\n');
  });
});
