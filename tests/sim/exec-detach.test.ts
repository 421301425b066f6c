import { expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

it('docker exec -d starts the process in the background and returns at once', async () => {
  const w = createWorld();
  await w.exec('docker run -d --name kubia kubia 2>/dev/null');
  expect(await w.exec('docker exec -dit kubia bash')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  expect(w.prompt()).toBe('root@node1:~# ');
  const top = (await w.exec('docker top kubia')).stdout.trim().split('\n');
  expect(top[2]).toMatch(/^root +23830 +23795 .* pts\/0 +00:00:00 +bash$/);
  expect((await w.exec('grep NSpid /proc/23830/status')).stdout).toBe('NSpid:\t23830\t19\n');
  expect(await w.exec('docker exec -d kubia touch /tmp/made-in-background')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  expect((await w.exec('docker exec kubia ls /tmp')).stdout).toBe('made-in-background\n');
});
