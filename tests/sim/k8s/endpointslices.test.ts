/**
 * EndpointSlices (src/sim/k8s/controllers/endpointslices.ts): the API server's `kubernetes` slice
 * (kubernetes@v1.30.5 pkg/controlplane/reconcilers/endpointsadapter.go endpointSliceFromEndpoints: label
 * kubernetes.io/service-name only, the node's address ready, port https 6443), the controller's `<service>-<5 chars>`
 * slices (k8s.io/endpointslice@v0.30.5 reconciler.go, utils.go newEndpointSlice, podToEndpoint, getEndpointPorts,
 * setEndpointSliceLabels) and their table (pkg/printers/internalversion/printers.go printEndpointSlice:
 * NAME ADDRESSTYPE PORTS ENDPOINTS AGE, formatDiscoveryPorts/Endpoints three at most then "+ N more...").
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

type Slice = { metadata: Record<string, unknown>; ports: unknown; endpoints: unknown[] };

describe('EndpointSlices', () => {
  it("get endpointslices -A: kubernetes and kube-dns from the cluster's start", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(await w.exec('kubectl get endpointslices -A')).toEqual({
      stdout: `NAMESPACE     NAME             ADDRESSTYPE   PORTS        ENDPOINTS                 AGE
default       kubernetes       IPv4          6443         10.0.0.11                 14d
kube-system   kube-dns-8ds9d   IPv4          53,53,9153   10.244.0.10,10.244.0.11   14d
`,
      stderr: '',
      exitCode: 0,
    });
    const master = JSON.parse((await w.exec('kubectl get endpointslice kubernetes -o json')).stdout) as Record<string, unknown>;
    expect(master.endpoints).toEqual([{ addresses: ['10.0.0.11'], conditions: { ready: true } }]);
    expect(master.ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
    expect((master.metadata as { labels: unknown }).labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(master.spec).toBeUndefined();
  });

  it("a Service's slice: its pods as endpoints, the controller's labels and owner, four addresses as three + 1 more", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('kubectl create deployment web --image nginx:1.25 --replicas 4 --port 80');
    await w.exec('kubectl expose deployment web');
    await w.exec('sleep 10');
    const table = (await w.exec('kubectl get endpointslices -l kubernetes.io/service-name=web')).stdout;
    expect(table).toMatch(
      /^NAME +ADDRESSTYPE +PORTS +ENDPOINTS +AGE\nweb-[bcdfghjklmnpqrstvwxz2456789]{5} +IPv4 +80 +10\.244\.0\.12,10\.244\.0\.13,10\.244\.0\.14 \+ 1 more\.\.\. +\d+s\n$/,
    );
    const list = JSON.parse((await w.exec('kubectl get endpointslices -l kubernetes.io/service-name=web -o json')).stdout) as { items: Slice[] };
    const slice = list.items[0]!;
    expect(slice.metadata.generateName).toBe('web-');
    expect(slice.metadata.labels).toEqual({
      app: 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    });
    expect(slice.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: 'web', uid: expect.any(String) },
    ]);
    expect(slice.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice.endpoints).toHaveLength(4);
    expect(slice.endpoints[0]).toEqual({
      addresses: ['10.244.0.12'],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: 'node1',
      targetRef: { kind: 'Pod', name: expect.stringMatching(/^web-/), namespace: 'default', uid: expect.any(String) },
    });
    // The garbage collector takes the slice with its Service.
    await w.exec('kubectl delete svc web');
    expect((await w.exec('kubectl get endpointslices')).stdout).not.toContain('web-');
  });
});
