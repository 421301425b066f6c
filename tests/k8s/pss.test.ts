/**
 * src/k8s/pss against kubernetes/pod-security-admission's own test tables
 * (policy/check_*_test.go at v0.37.0-alpha.2): the same verdicts, reasons and details,
 * and the version boundaries where the checks change. The full fixture corpus
 * (test/testdata, 4,537 pods over v1.0–v1.37) is run by `scripts/pss-conformance.ts`.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checksFor, evaluatePod, forbiddenDetail, LATEST, MAX_VERSION, parseVersion, v, violatesMessage } from '../../src/k8s/pss/index.ts';
import type { Level, Version } from '../../src/k8s/pss/index.ts';

/** Evaluates a pod written as YAML (metadata + spec). */
function run(yaml: string, level: Level = 'restricted', version: Version = LATEST) {
  const pod = parse(yaml) as { metadata?: unknown; spec?: unknown };
  return evaluatePod(pod.metadata, pod.spec, level, version);
}
const only = (yaml: string, check: string, level: Level = 'restricted', version: Version = LATEST) => run(yaml, level, version).find((x) => x.check === check);

const GOOD_RESTRICTED = `
spec:
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
  containers:
  - name: a
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
`;

describe('Pod Security Standards by version', () => {
  it('latest is v1.37, the newest version any check names', () => {
    expect(MAX_VERSION).toEqual(v(37));
    expect(parseVersion('v1.29')).toEqual({ version: v(29) });
    expect(parseVersion('1.29')).toEqual({ error: 'must be "latest" or "v1.x"' });
    expect(parseVersion('v1.029')).toEqual({ error: 'must be "latest" or "v1.x"' });
  });

  it('a well-formed restricted pod passes at every version', () => {
    for (let minor = 0; minor <= 40; minor++) expect(run(GOOD_RESTRICTED, 'restricted', v(minor))).toEqual([]);
  });

  it('runs baseline checks first, then restricted, each by id (registry.go)', () => {
    expect(checksFor('restricted', LATEST).map((c) => c.id)).toEqual([
      'appArmorProfile',
      'hostNamespaces',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'seLinuxOptions',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'procMount_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ]);
    expect(checksFor('privileged', LATEST)).toEqual([]);
    expect(checksFor('restricted', v(0)).map((c) => c.id)).not.toContain('allowPrivilegeEscalation');
  });

  it('runAsNonRoot (check_runAsNonRoot_test.go)', () => {
    expect(only('spec: { containers: [ { name: a } ] }', 'runAsNonRoot')?.detail).toBe('pod or container "a" must set securityContext.runAsNonRoot=true');
    expect(only('spec: { securityContext: { runAsNonRoot: false }, containers: [ { name: a } ] }', 'runAsNonRoot')?.detail).toBe(
      'pod must not set securityContext.runAsNonRoot=false',
    );
    const many = `spec:
  securityContext: { runAsNonRoot: true }
  containers:
  - { name: a }
  - { name: b, securityContext: {} }
  - { name: c, securityContext: { runAsNonRoot: false } }
  - { name: d, securityContext: { runAsNonRoot: false } }
  - { name: e, securityContext: { runAsNonRoot: true } }`;
    expect(only(many, 'runAsNonRoot')?.detail).toBe('containers "c", "d" must not set securityContext.runAsNonRoot=false');
    expect(only('spec: { containers: [ { name: a }, { name: b, securityContext: {} } ] }', 'runAsNonRoot')?.detail).toBe(
      'pod or containers "a", "b" must set securityContext.runAsNonRoot=true',
    );
    // hostUsers: false relaxes it from 1.35 on, not before.
    expect(only('spec: { hostUsers: false, containers: [ { name: a } ] }', 'runAsNonRoot')).toBeUndefined();
    expect(only('spec: { hostUsers: false, containers: [ { name: a } ] }', 'runAsNonRoot', 'restricted', v(34))?.reason).toBe('runAsNonRoot != true');
  });

  it('procMount: restricted has its own check from 1.35 that hostUsers: false does not relax', () => {
    const pod = 'spec: { hostUsers: false, containers: [ { name: a, securityContext: { procMount: Unmasked } } ] }';
    expect(only(pod, 'procMount', 'baseline')).toBeUndefined();
    expect(only(pod, 'procMount', 'baseline', v(34))?.detail).toBe('container "a" must not set securityContext.procMount to "Unmasked"');
    expect(only(pod, 'procMount_restricted')?.detail).toBe('container "a" must not set securityContext.procMount to "Unmasked"');
  });

  it('sysctls: each version adds safe ones (1.27, 1.29, 1.32, 1.37)', () => {
    const pod = (name: string) => `spec: { securityContext: { sysctls: [ { name: ${name}, value: "1" } ] }, containers: [ { name: a } ] }`;
    expect(only(pod('net.ipv4.tcp_slow_start_after_idle'), 'sysctls', 'baseline')).toBeUndefined();
    expect(only(pod('net.ipv4.tcp_slow_start_after_idle'), 'sysctls', 'baseline', v(36))).toEqual({
      check: 'sysctls',
      level: 'baseline',
      reason: 'forbidden sysctls',
      detail: 'net.ipv4.tcp_slow_start_after_idle',
    });
    expect(only(pod('net.ipv4.tcp_notsent_lowat'), 'sysctls', 'baseline', v(37))).toBeUndefined();
    expect(only(pod('net.ipv4.tcp_rmem'), 'sysctls', 'baseline', v(31))?.detail).toBe('net.ipv4.tcp_rmem');
    expect(only(pod('net.ipv4.tcp_rmem'), 'sysctls', 'baseline', v(32))).toBeUndefined();
    expect(only(pod('net.ipv4.tcp_keepalive_time'), 'sysctls', 'baseline', v(28))?.detail).toBe('net.ipv4.tcp_keepalive_time');
    expect(only(pod('net.ipv4.ip_local_reserved_ports'), 'sysctls', 'baseline', v(26))?.detail).toBe('net.ipv4.ip_local_reserved_ports');
    expect(only(pod('kernel.msgmax'), 'sysctls', 'baseline', v(0))?.detail).toBe('kernel.msgmax');
  });

  it('capabilities: restricted from 1.22, names compared exactly; Windows pods exempt from 1.25', () => {
    const lower = 'spec: { containers: [ { name: a, securityContext: { capabilities: { drop: [all], add: [NET_RAW, NET_BIND_SERVICE, CHOWN] } } } ] }';
    expect(only(lower, 'capabilities_restricted')?.detail).toBe(
      'container "a" must set securityContext.capabilities.drop=["ALL"]; container "a" must not include "CHOWN", "NET_RAW" in securityContext.capabilities.add',
    );
    expect(only(lower, 'capabilities_restricted', 'restricted', v(21))).toBeUndefined();
    expect(only(lower, 'capabilities_baseline', 'restricted', v(21))?.detail).toBe(
      'container "a" must not include "NET_RAW" in securityContext.capabilities.add',
    );
    const windows = 'spec: { os: { name: windows }, containers: [ { name: a } ] }';
    expect(only(windows, 'capabilities_restricted')).toBeUndefined();
    expect(only(windows, 'capabilities_restricted', 'restricted', v(24))?.reason).toBe('unrestricted capabilities');
  });

  it('seccomp: annotations before 1.19, fields from 1.19', () => {
    const ann = 'metadata: { annotations: { seccomp.security.alpha.kubernetes.io/pod: unconfined } }\nspec: { containers: [ { name: a } ] }';
    expect(only(ann, 'seccompProfile_baseline', 'baseline', v(18))?.detail).toBe('forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"');
    expect(only(ann, 'seccompProfile_baseline', 'baseline', v(19))).toBeUndefined();
    const field =
      'spec: { securityContext: { seccompProfile: { type: Unconfined } }, containers: [ { name: a, securityContext: { seccompProfile: { type: Unconfined } } } ] }';
    expect(only(field, 'seccompProfile_baseline', 'baseline')?.detail).toBe(
      'pod and container "a" must not set securityContext.seccompProfile.type to "Unconfined"',
    );
    expect(only('spec: { containers: [ { name: a }, { name: b } ] }', 'seccompProfile_restricted')?.detail).toBe(
      'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    );
  });

  it('the other baseline controls word their details as PSA does', () => {
    expect(only('spec: { hostNetwork: true, hostIPC: true, containers: [ { name: a } ] }', 'hostNamespaces', 'baseline')?.detail).toBe(
      'hostNetwork=true, hostIPC=true',
    );
    expect(
      only(
        'spec: { containers: [ { name: a, ports: [ { containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8081 } ] } ] }',
        'hostPorts',
        'baseline',
      )?.detail,
    ).toBe('container "a" uses hostPorts 8080, 8081');
    expect(only('spec: { volumes: [ { name: h, hostPath: { path: / } } ], containers: [ { name: a } ] }', 'hostPathVolumes', 'baseline')?.detail).toBe(
      'volume "h"',
    );
    expect(
      only(
        'spec: { volumes: [ { name: h, hostPath: { path: / } }, { name: n, nfs: { server: s, path: / } } ], containers: [ { name: a } ] }',
        'restrictedVolumes',
      )?.detail,
    ).toBe('volumes "h", "n" use restricted volume types "hostPath", "nfs"');
    expect(
      only(
        'spec: { containers: [ { name: a, securityContext: { privileged: true } }, { name: b, securityContext: { privileged: true } } ] }',
        'privileged',
        'baseline',
      )?.detail,
    ).toBe('containers "a", "b" must not set securityContext.privileged=true');
    expect(
      only('spec: { containers: [ { name: a, securityContext: { seLinuxOptions: { type: spc_t, user: u } } } ] }', 'seLinuxOptions', 'baseline')?.detail,
    ).toBe('container "a" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set');
    expect(
      only('spec: { containers: [ { name: a, securityContext: { seLinuxOptions: { type: container_engine_t } } } ] }', 'seLinuxOptions', 'baseline', v(30))
        ?.reason,
    ).toBe('seLinuxOptions');
    expect(
      only('spec: { containers: [ { name: a, securityContext: { seLinuxOptions: { type: container_engine_t } } } ] }', 'seLinuxOptions', 'baseline', v(31)),
    ).toBeUndefined();
    const probe = 'spec: { containers: [ { name: a, livenessProbe: { httpGet: { host: evil.example, port: 80 } } } ] }';
    expect(only(probe, 'hostProbesAndHostLifecycle', 'baseline')?.detail).toBe('container "a" uses probe or lifecycle host "evil.example"');
    expect(only(probe, 'hostProbesAndHostLifecycle', 'baseline', v(33))).toBeUndefined();
    const apparmor =
      'metadata: { annotations: { container.apparmor.security.beta.kubernetes.io/a: unconfined } }\nspec: { securityContext: { appArmorProfile: { type: Unconfined } }, containers: [ { name: a } ] }';
    expect(only(apparmor, 'appArmorProfile', 'baseline')).toEqual({
      check: 'appArmorProfile',
      level: 'baseline',
      reason: 'forbidden AppArmor profiles',
      // joinQuote wraps without escaping: `"…/a="unconfined""`, as check_appArmorProfile_test.go expects.
      detail: 'pod and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined""',
    });
    expect(
      only('spec: { securityContext: { windowsOptions: { hostProcess: true } }, containers: [ { name: a } ] }', 'windowsHostProcess', 'baseline')?.detail,
    ).toBe('pod must not set securityContext.windowsOptions.hostProcess=true');
  });

  it('formats the API server error and warnings as admission.go does', () => {
    const violations = run('spec: { containers: [ { name: demo, image: nginx } ] }');
    expect(violatesMessage('restricted', LATEST, violations)).toBe(
      'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "demo" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "demo" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "demo" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "demo" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    expect(forbiddenDetail([])).toBe('');
  });

  it('never throws on shapes the API server would reject, and never reads the prototype', () => {
    for (const spec of [
      null,
      7,
      'x',
      [],
      { containers: 'x' },
      { containers: [null, 3, { name: 5, securityContext: 'x' }] },
      { constructor: { name: 'x' }, toString: {} },
    ]) {
      expect(() => evaluatePod({ annotations: { constructor: 1 } }, spec, 'restricted', LATEST)).not.toThrow();
    }
    expect(
      only(
        'spec: { containers: [ { name: a, securityContext: { capabilities: { drop: [ALL] }, constructor: { allowPrivilegeEscalation: false } } } ] }',
        'allowPrivilegeEscalation',
      )?.reason,
    ).toBe('allowPrivilegeEscalation != false');
  });
});
