/**
 * node1's status as the kubelet keeps it after the reboot: the conditions' lastHeartbeatTime moves only when the kubelet
 * reports its status, every nodeStatusReportFrequency (5 min) while nothing changes (kubernetes@v1.30.5:
 * pkg/kubelet/kubelet_node_status.go tryUpdateNodeStatus), while the Lease in kube-node-lease is renewed every 10 s
 * (pkg/kubelet/kubelet.go: a quarter of NodeLeaseDurationSeconds 40). kubectl describe node prints both
 * (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNode: c.LastHeartbeatTime, lease.Spec.RenewTime).
 * The kubelet started 9 s after node1's boot at 08:12:31 (fixture.ts AFTER_BOOT), so at 08:12:40 + n × 5 min and + n × 10 s.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const beat = (text: string) => /\n {2}Ready {12}True {4}(.*?) {3}/.exec(text)?.[1];
const renew = (text: string) => /\n {2}RenewTime: {7}(.*)\n/.exec(text)?.[1];

describe('node1 heartbeat and lease', () => {
  it('describe node and get node agree; the heartbeat moves in 5-minute steps, the lease in 10-second steps', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    let node = (await w.exec('kubectl describe node node1')).stdout;
    // The session starts at 11:45:00: the last report was at 08:12:40 + 42 × 5 min.
    expect(beat(node)).toBe('Mon, 16 Sep 2024 11:42:40 +0000');
    expect(renew(node)).toBe('Mon, 16 Sep 2024 11:45:00 +0000');
    expect((await w.exec("kubectl get node node1 -o jsonpath='{.status.conditions[3].lastHeartbeatTime}'")).stdout).toBe('2024-09-16T11:42:40Z');
    await w.exec('sleep 25');
    node = (await w.exec('kubectl describe node node1')).stdout;
    expect(beat(node)).toBe('Mon, 16 Sep 2024 11:42:40 +0000');
    expect(renew(node)).toBe('Mon, 16 Sep 2024 11:45:20 +0000');
    await w.exec('sleep 300');
    node = (await w.exec('kubectl describe node node1')).stdout;
    expect(beat(node)).toBe('Mon, 16 Sep 2024 11:47:40 +0000');
    expect((await w.exec("kubectl get node node1 -o jsonpath='{.status.conditions[0].lastHeartbeatTime}'")).stdout).toBe('2024-09-16T11:47:40Z');
    // The reboot's node events (Starting kubelet, NodeHasSufficientMemory, NodeReady, RegisteredNode) are older than the
    // API server's --event-ttl (1 h default, kube-apiserver options) 3.5 h later: gone.
    expect(node).toMatch(/\nEvents: +<none>\n$/);
  });
});
