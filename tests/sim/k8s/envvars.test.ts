import { describe, expect, it } from 'vitest';
import { configDataCauses, configKeyErrors, fromBase64, toBase64 } from '../../../src/sim/k8s/apiserver/configdata.ts';
import { expand, makeEnv } from '../../../src/sim/k8s/kubelet/envvars.ts';
import type { KObject } from '../../../src/sim/k8s/types.ts';

// kubernetes@v1.30.5 third_party/forked/golang/expansion/expand.go: a known name, an unknown one kept as written, $$, an
// unclosed reference, a lone $ (cases in the manner of its expand_test.go TestMapping).
describe('expansion.Expand', () => {
  const m = (n: string) => ({ VAR_A: 'A', VAR_B: 'B', VAR_C: 'C', VAR_EMPTY: '' })[n];
  it.each([
    ['$(VAR_A)', 'A'],
    ['___$(VAR_B)___', '___B___'],
    ['$(VAR_A)-$(VAR_A)', 'A-A'],
    ['$(VAR_EMPTY)', ''],
    ['$(VAR_DNE)', '$(VAR_DNE)'],
    ['$$(VAR_A)', '$(VAR_A)'],
    ['$$$(VAR_A)', '$A'],
    ['$(VAR_A', '$(VAR_A'],
    ['$VAR_A', '$VAR_A'],
    ['$', '$'],
    ['foo$', 'foo$'],
    ['$()', '$()'],
  ])('%j → %j', (input, want) => expect(expand(input, m)).toBe(want));
});

const pod = (env: unknown[], envFrom: unknown[] = []): [KObject, Record<string, unknown>] => {
  const c = { name: 'c', image: 'busybox', env, envFrom, resources: { limits: { cpu: '250m', memory: '64Mi' } } };
  return [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns', uid: 'u-1', labels: { app: 'p', tier: 'web' } },
      spec: { nodeName: 'node1', containers: [c] },
    } as unknown as KObject,
    c,
  ];
};
const objects: Record<string, KObject> = {
  'ConfigMap/cfg': { kind: 'ConfigMap', data: { color: 'blue', '1bad': 'x' } } as unknown as KObject,
  'Secret/sec': { kind: 'Secret', data: { pw: toBase64('hunter2') } } as unknown as KObject,
};
const src = { lookup: (k: string, _ns: string, n: string) => objects[`${k}/${n}`], podIP: '10.244.0.9', hostIP: '10.0.0.10', node: { cpu: 2, memory: 4e9 } };

describe('makeEnvironmentVariables (kubelet_pods.go)', () => {
  it('envFrom, then env in order with $(VAR) from what came before, valueFrom sources, then the service links', () => {
    const warnings: string[] = [];
    const [p, c] = pod(
      [
        { name: 'GREETING', value: 'hi $(color) $(LATER)' },
        { name: 'PW', valueFrom: { secretKeyRef: { name: 'sec', key: 'pw' } } },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'TIER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'LATER', value: 'x' },
      ],
      [{ configMapRef: { name: 'cfg' } }],
    );
    const r = makeEnv(p, c, [['KUBERNETES_SERVICE_HOST', '10.96.0.1']], { ...src, warn: (_r, m) => warnings.push(m) });
    expect(r).toEqual({
      vars: [
        ['color', 'blue'],
        ['GREETING', 'hi blue $(LATER)'],
        ['PW', 'hunter2'],
        ['POD', 'p'],
        ['TIER', 'web'],
        ['IP', '10.244.0.9'],
        ['CPU', '1'],
        ['MEM', '64'],
        ['LATER', 'x'],
        ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
      ],
    });
    expect(warnings).toEqual(['Keys [1bad] from the EnvFrom configMap ns/cfg were skipped since they are considered invalid environment variable names.']);
  });

  it("a missing object or key is the container's CreateContainerConfigError, unless optional", () => {
    const one = (e: unknown) => makeEnv(...pod([e]), [], src);
    expect(one({ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } })).toEqual({ error: 'configmap "nope" not found' });
    expect(one({ name: 'X', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } })).toEqual({ error: 'secret "nope" not found' });
    expect(one({ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } })).toEqual({ error: "couldn't find key k in ConfigMap ns/cfg" });
    expect(one({ name: 'X', valueFrom: { secretKeyRef: { name: 'sec', key: 'k', optional: true } } })).toEqual({ vars: [] });
  });
});

describe('ConfigMap and Secret data (validation.go IsConfigMapKey, conversion.go StringData)', () => {
  it('keys, stringData merged as base64, type Opaque, data that is not base64 refused', () => {
    expect(configKeyErrors('a.b-C_9')).toEqual([]);
    expect(configKeyErrors('..x')).toEqual(["must not start with '..'"]);
    const s = { kind: 'Secret', stringData: { pw: 'hunter2' }, data: { u: toBase64('admin') } } as Record<string, unknown>;
    expect(configDataCauses(s)).toEqual({ causes: [] });
    expect(s).toEqual({ kind: 'Secret', data: { u: 'YWRtaW4=', pw: 'aHVudGVyMg==' }, type: 'Opaque' });
    expect(fromBase64('aHVudGVyMg==')).toBe('hunter2');
    expect(configDataCauses({ kind: 'Secret', data: { pw: 'hunter2' } }).badRequest).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    );
  });
});
