/** The effective securityContext, with origins: pod defaults, container overrides, Kubernetes defaults. */
import { describe, expect, it } from 'vitest';
import { containersOf, describeOrigin, effective } from '../../src/checker/effective.ts';
import { parseManifests } from '../../src/checker/parse/yaml.ts';

const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile:
          type: RuntimeDefault
      initContainers:
      - name: init
        image: busybox:1.36
        securityContext:
          runAsUser: 0
      containers:
      - name: app
        image: nginx:1.25
      - name: sidecar
        image: envoy:1.30
        securityContext:
          runAsNonRoot: false
          readOnlyRootFilesystem: true
      ephemeralContainers:
      - name: debug
        image: busybox:1.36
`;

const m = parseManifests(text, 'dep.yaml');
const w = m.workloads[0]!;
const locate = (p: string) => m.locate(0, p);
const [init, app, sidecar, debug] = containersOf(w);

describe('effective securityContext', () => {
  it('visits init, regular and ephemeral containers', () => {
    expect(containersOf(w).map((c) => `${c.group}/${c.name} ${c.path}`)).toEqual([
      'initContainers/init /spec/template/spec/initContainers/0',
      'containers/app /spec/template/spec/containers/0',
      'containers/sidecar /spec/template/spec/containers/1',
      'ephemeralContainers/debug /spec/template/spec/ephemeralContainers/0',
    ]);
  });
  it('inherits pod-level values and says from where', () => {
    const e = effective(w, app!, 'runAsNonRoot', locate);
    expect(e).toEqual({
      value: true,
      origin: { from: 'pod', path: '/spec/template/spec/securityContext/runAsNonRoot', line: 9 },
      containerPath: '/spec/template/spec/containers/0/securityContext/runAsNonRoot',
    });
    expect(describeOrigin('runAsNonRoot', e)).toEqual({
      en: 'runAsNonRoot: true, from the pod spec, line 9',
      'zh-cn': 'runAsNonRoot: true，继承自 Pod 规约，第 9 行',
    });
    expect(effective(w, debug!, 'seccompProfile.type', locate).value).toBe('RuntimeDefault');
  });
  it('a container value overrides the pod value', () => {
    expect(effective(w, sidecar!, 'runAsNonRoot', locate)).toMatchObject({ value: false, origin: { from: 'container', line: 24 } });
    expect(effective(w, init!, 'runAsUser', locate)).toMatchObject({ value: 0, origin: { from: 'container', line: 17 } });
  });
  it('container-only fields never inherit and fall back to Kubernetes defaults', () => {
    expect(effective(w, app!, 'allowPrivilegeEscalation', locate)).toMatchObject({ value: true, origin: { from: 'default' } });
    expect(effective(w, app!, 'readOnlyRootFilesystem', locate)).toMatchObject({ value: false, origin: { from: 'default' } });
    expect(effective(w, sidecar!, 'readOnlyRootFilesystem', locate)).toMatchObject({ value: true, origin: { from: 'container' } });
    expect(describeOrigin('allowPrivilegeEscalation', effective(w, app!, 'allowPrivilegeEscalation')).en).toBe(
      'allowPrivilegeEscalation: true (Kubernetes default; not set anywhere)',
    );
  });
});

describe('workload kinds', () => {
  it('finds pod specs in every workload kind and in a List', () => {
    const kinds = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'];
    const docs = kinds.map((k) =>
      k === 'Pod'
        ? `kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x:1}]\n`
        : `kind: ${k}\nmetadata: {name: ${k.toLowerCase()}}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: x:1}]\n`,
    );
    docs.push(
      'kind: CronJob\nmetadata: {name: cron}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: x:1}]\n',
    );
    docs.push(
      'kind: List\nitems:\n- kind: Pod\n  metadata: {name: in-list}\n  spec:\n    containers: [{name: c, image: x:1}]\n- kind: Service\n  metadata: {name: svc}\n',
    );
    const p = parseManifests(docs.join('---\n'), 'all.yaml');
    expect(p.errors).toEqual([]);
    expect(p.workloads.map((x) => `${x.kind}/${x.name} ${x.podSpecPath}`)).toEqual([
      'Pod/p /spec',
      'Deployment/deployment /spec/template/spec',
      'StatefulSet/statefulset /spec/template/spec',
      'DaemonSet/daemonset /spec/template/spec',
      'ReplicaSet/replicaset /spec/template/spec',
      'Job/job /spec/template/spec',
      'CronJob/cron /spec/jobTemplate/spec/template/spec',
      'Pod/in-list /items/0/spec',
    ]);
    expect(p.objects.map((o) => o.kind)).toContain('Service');
    expect(p.locate(7, '/items/0/spec/containers/0/image')).toEqual({ line: 55, column: 28 });
  });
});
