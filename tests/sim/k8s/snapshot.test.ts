/** Pods in the World snapshot: what goals ask about (phase, readiness, restarts, container states, events). */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { k8sWorld, POD, write } from './helpers.ts';

describe('WorldSnapshot.pods', () => {
  it('is absent until kubectl has run (the Kubernetes code is not loaded)', async () => {
    const w = createWorld();
    await w.exec('echo hi');
    expect(w.snapshot().pods).toBeUndefined();
  });

  it('carries phase, readiness, status, restarts, containers and events', async () => {
    const w = k8sWorld();
    await write(w, 'p.yaml', POD('web'));
    await w.exec('kubectl apply -f p.yaml');
    const [pod] = w.snapshot().pods!;
    expect(pod).toMatchObject({
      namespace: 'default',
      name: 'web',
      phase: 'Running',
      ready: true,
      status: 'Running',
      restarts: 0,
      podIP: '10.244.0.10',
      containers: [{ name: 'web', image: 'nginx:1.27', ready: true, restartCount: 0, state: 'running' }],
    });
    expect(pod!.events.map((e) => `${e.type} ${e.reason} ${e.from}`)).toEqual([
      'Normal Scheduled default-scheduler',
      'Normal Pulled kubelet',
      'Normal Created kubelet',
      'Normal Started kubelet',
    ]);
  });

  it('shows a pod no kubelet has started as Pending', async () => {
    const w = k8sWorld(false);
    await write(w, 'p.yaml', POD('web'));
    await w.exec('kubectl apply -f p.yaml');
    expect(w.snapshot().pods).toMatchObject([{ name: 'web', phase: 'Pending', ready: false, status: 'Pending', containers: [{ state: 'unknown' }] }]);
  });
});
