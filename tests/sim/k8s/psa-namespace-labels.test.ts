/**
 * PSA's namespace labels as pod-security-admission@v0.30.5 reads them (api/helpers.go PolicyToEvaluate,
 * admission/admission.go ValidateNamespace): fail-closed enforce, fail-open audit and warn, warn defaulting only from a
 * valid, stricter enforce level, and the namespace refused when its labels are invalid (on create, and on an update that
 * brings new errors), before the storage would find the name taken.
 */
import { describe, expect, it } from 'vitest';
import { namespaceLabelErrors, policyOf } from '../../../src/sim/k8s/apiserver/admission.ts';
import { k8sWorld } from './helpers.ts';

const P = 'pod-security.kubernetes.io/';
const lv = (p: { level: string; version: { latest?: boolean; minor?: number } }) => `${p.level}:${p.version.latest ? 'latest' : `v1.${p.version.minor}`}`;

describe('PSA namespace labels', () => {
  it('PolicyToEvaluate: invalid enforce is restricted and does not default warn; invalid audit/warn fail open', () => {
    const bad = policyOf({ [`${P}enforce`]: 'bogus', [`${P}audit`]: 'x', [`${P}warn-version`]: 'v2' });
    expect([lv(bad.enforce), lv(bad.audit), lv(bad.warn)]).toEqual(['restricted:latest', 'privileged:latest', 'privileged:latest']);
    expect(bad.errors).toEqual([
      { field: `metadata.labels[${P}enforce]`, message: 'Invalid value: "bogus": must be one of privileged, baseline, restricted' },
      { field: `metadata.labels[${P}audit]`, message: 'Invalid value: "x": must be one of privileged, baseline, restricted' },
      { field: `metadata.labels[${P}warn-version]`, message: 'Invalid value: "v2": must be "latest" or "v1.x"' },
    ]);
  });

  it('PolicyToEvaluate: warn takes a stricter enforce level, and its version only when warn-version is unset', () => {
    const a = policyOf({ [`${P}enforce`]: 'baseline', [`${P}enforce-version`]: 'v1.25' });
    expect([lv(a.enforce), lv(a.warn)]).toEqual(['baseline:v1.25', 'baseline:v1.25']);
    const b = policyOf({ [`${P}enforce`]: 'baseline', [`${P}enforce-version`]: 'v1.25', [`${P}warn-version`]: 'v1.29' });
    expect(lv(b.warn)).toBe('baseline:v1.29');
    // An explicit warn level (even privileged) is kept, with its own version.
    const c = policyOf({ [`${P}enforce`]: 'restricted', [`${P}enforce-version`]: 'v1.25', [`${P}warn`]: 'baseline' });
    expect(lv(c.warn)).toBe('baseline:latest');
    expect(policyOf(undefined).errors).toEqual([]);
  });

  it('ValidateNamespace: an update is refused only for new or changed label errors', () => {
    const bogus = { [`${P}enforce`]: 'bogus' };
    expect(namespaceLabelErrors(null, bogus)).toHaveLength(1);
    expect(namespaceLabelErrors({}, bogus)).toHaveLength(1);
    expect(namespaceLabelErrors(bogus, { ...bogus, team: 'a' })).toEqual([]);
    expect(namespaceLabelErrors(bogus, { [`${P}enforce`]: 'worse' })).toHaveLength(1);
  });

  it('kubectl: create, label and apply of a namespace with invalid labels answer Invalid; a taken pod name is still Forbidden first', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create ns demo');
    const r = await w.exec(`kubectl label ns demo ${P}enforce=bogus`);
    expect(r).toMatchObject({
      stdout: '',
      exitCode: 1,
      stderr: `The Namespace "demo" is invalid: metadata.labels[${P}enforce]: Invalid value: "bogus": must be one of privileged, baseline, restricted\n`,
    });
    expect((await w.exec('kubectl get ns demo --show-labels --no-headers')).stdout).toMatch(/kubernetes\.io\/metadata\.name=demo\n$/);
    await w.exec(`kubectl label ns demo ${P}enforce=baseline`);
    expect((await w.exec('kubectl run p -n demo --image=nginx')).exitCode).toBe(0);
    // The same name with a privileged container: PSA (validating admission) answers before the storage's AlreadyExists.
    expect((await w.exec('kubectl run p -n demo --image=nginx --privileged')).stderr).toBe(
      'Error from server (Forbidden): pods "p" is forbidden: violates PodSecurity "baseline:latest": privileged (container "p" must not set securityContext.privileged=true)\n',
    );
    expect((await w.exec('kubectl run p -n demo --image=nginx')).stderr).toBe('Error from server (AlreadyExists): pods "p" already exists\n');
  });
});
