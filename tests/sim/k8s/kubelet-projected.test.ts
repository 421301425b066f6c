/**
 * Projected and downward API volumes (kubernetes@v1.30.5 pkg/volume/projected/projected.go collectData,
 * pkg/volume/downwardapi/downwardapi.go CollectData): the ServiceAccount token volume every pod gets from admission
 * (kube-api-access-*), laid out by the atomic writer on tmpfs, and a token whose claims are pkg/serviceaccount/claims.go's.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const SA = '/var/run/secrets/kubernetes.io/serviceaccount';
const b64url = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));

describe('the ServiceAccount token volume', () => {
  it('ca.crt, namespace and token as links into ..data, on tmpfs (drwxrwxrwt, 40 + 20 per entry)', async () => {
    const w = createWorld();
    await w.exec('kubectl run b --image=busybox -- sleep 3600; sleep 3');
    const ls = (await w.exec(`kubectl exec b -- ls -la ${SA}`)).stdout.split('\n');
    expect(ls.slice(0, 3)).toEqual([
      'total 4',
      'drwxrwxrwt    3 root     root           140 Sep 16 11:45 .',
      'drwxr-xr-x    3 root     root          4096 Sep 16 11:45 ..',
    ]);
    expect(ls[3]).toMatch(/^drwxr-xr-x {4}2 root {5}root {11}100 Sep 16 11:45 \.\.2024_09_16_11_45_0\d\.\d+$/);
    expect(ls.slice(5, 8)).toEqual([
      'lrwxrwxrwx    1 root     root            13 Sep 16 11:45 ca.crt -> ..data/ca.crt',
      'lrwxrwxrwx    1 root     root            16 Sep 16 11:45 namespace -> ..data/namespace',
      'lrwxrwxrwx    1 root     root            12 Sep 16 11:45 token -> ..data/token',
    ]);
    expect((await w.exec(`kubectl exec b -- cat ${SA}/namespace`)).stdout).toBe('default');
    const ca = (await w.exec('kubectl get cm kube-root-ca.crt -o json')).stdout;
    expect((await w.exec(`kubectl exec b -- cat ${SA}/ca.crt`)).stdout).toBe(JSON.parse(ca).data['ca.crt']);
  });

  it('the token: RS256, claims sorted, bound to the pod, node and ServiceAccount, a year long, warned after 3607 s', async () => {
    const w = createWorld();
    await w.exec('kubectl run b --image=busybox -- sleep 3600; sleep 3');
    const [h, p, sig] = (await w.exec(`kubectl exec b -- cat ${SA}/token`)).stdout.split('.');
    expect(Object.keys(b64url(h!))).toEqual(['alg', 'kid']);
    expect(b64url(h!).alg).toBe('RS256');
    const claims = b64url(p!);
    expect(Object.keys(claims)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    const uid = async (what: string) => (await w.exec(`kubectl get ${what} -o jsonpath={.metadata.uid}`)).stdout;
    expect(claims['kubernetes.io']).toEqual({
      namespace: 'default',
      node: { name: 'node1', uid: await uid('node node1') },
      pod: { name: 'b', uid: await uid('pod b') },
      serviceaccount: { name: 'default', uid: await uid('sa default') },
      warnafter: claims.iat + 3607,
    });
    expect(claims).toMatchObject({
      aud: ['https://kubernetes.default.svc.cluster.local'],
      exp: claims.iat + 31536000,
      nbf: claims.iat,
      sub: 'system:serviceaccount:default:default',
    });
    expect(Buffer.from(sig!, 'base64url')).toHaveLength(256);
  });
});

describe('downwardAPI and projected volumes of a pod spec', () => {
  it('fieldRef files without a newline, labels as k="v" lines; a projected ConfigMap missing is FailedMount', async () => {
    const w = createWorld();
    const pod = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: d, labels: {app: d, tier: web}}',
      'spec:',
      '  containers: [{name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: info, mountPath: /info}, {name: all, mountPath: /all}]}]',
      '  volumes:',
      '  - name: info',
      '    downwardAPI: {items: [{path: name, fieldRef: {fieldPath: metadata.name}}, {path: labels, fieldRef: {fieldPath: metadata.labels}}]}',
      '  - name: all',
      '    projected: {sources: [{configMap: {name: later}}, {downwardAPI: {items: [{path: ns, fieldRef: {fieldPath: metadata.namespace}}]}}]}',
    ];
    await w.exec(`printf '%s\\n' ${pod.map((l) => `'${l}'`).join(' ')} | kubectl apply -f -; sleep 3`);
    expect((await w.exec('kubectl get events --field-selector involvedObject.name=d,reason=FailedMount -o jsonpath={.items[0].message}')).stdout).toBe(
      'MountVolume.SetUp failed for volume "all" : configmap "later" not found',
    );
    await w.exec('kubectl create configmap later --from-literal=k=v; sleep 10');
    expect((await w.exec('kubectl exec d -- cat /info/name /info/labels /all/k /all/ns')).stdout).toBe('dapp="d"\ntier="web"vdefault');
  });
});
