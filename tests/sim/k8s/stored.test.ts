/**
 * What the API server stores is the object decoded from JSON into the Go types and encoded again (apiserver/stored.ts):
 * no two fields share an object, and empty omitempty maps and lists are not kept (apimachinery@v0.30.5
 * pkg/apis/meta/v1/types.go ObjectMeta; k8s.io/api@v0.30.5 core/v1/types.go ConfigMap.Data, BinaryData, Secret.Data).
 */
import { describe, expect, it } from 'vitest';
import { k8sWorld } from './helpers.ts';

describe('the stored object (#10)', () => {
  it("a JSON patch that removes a Deployment's own label leaves its selector and template alone", async () => {
    const w = k8sWorld();
    await w.exec('kubectl create deployment d --image=nginx');
    const r = await w.exec(`kubectl patch deploy d --type json -p '[{"op":"remove","path":"/metadata/labels/app"}]'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/d patched\n');
    expect((await w.exec("kubectl get deploy d -o jsonpath='{.metadata.labels}|{.spec.selector.matchLabels}|{.spec.template.metadata.labels}'")).stdout).toBe(
      '|{"app":"d"}|{"app":"d"}',
    );
  });

  it('labels: {} and data: {} in a manifest are not in kubectl get -o yaml; the last-applied text keeps them', async () => {
    const w = k8sWorld();
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {}\n  annotations: {}\ndata: {}\nbinaryData: {}\n';
    await w.exec(`printf '${manifest.replace(/\n/g, '\\n')}' > c.yaml`);
    expect((await w.exec('kubectl create -f c.yaml')).stdout).toBe('configmap/c created\n');
    const yaml = (await w.exec('kubectl get cm c -o yaml')).stdout;
    expect(yaml).not.toMatch(/^ *(labels|annotations|data|binaryData):/m);
    expect(yaml.startsWith('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  creationTimestamp:')).toBe(true);
    await w.exec('kubectl delete cm c');
    await w.exec('kubectl apply -f c.yaml');
    expect((await w.exec('kubectl get cm c -o yaml')).stdout).toContain(
      '      {"apiVersion":"v1","binaryData":{},"data":{},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{},"name":"c","namespace":"default"}}\n',
    );
  });
});
