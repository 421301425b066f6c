/**
 * A pod's containers (the kubelet's, through containerd) get their image's modes and owners as Docker's do: the
 * layer tar headers (image/adapter.ts imagePaths), here alpine's /tmp 1777, /root 0700 and /etc/shadow 0640 root:shadow.
 */
import { expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

it("a pod's container shows its image's modes and owners", async () => {
  const w = createWorld(undefined, { clock: 'virtual' });
  expect((await w.exec('kubectl run a --image=alpine -- sleep 3600')).stdout).toBe('pod/a created\n');
  const r = await w.exec("kubectl exec a -- stat -c '%a %U:%G %h %n' /tmp /root /etc/shadow");
  expect(r.stdout).toBe('1777 root:root 2 /tmp\n700 root:root 2 /root\n640 root:shadow 1 /etc/shadow\n');
});
