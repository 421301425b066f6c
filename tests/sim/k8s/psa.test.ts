/**
 * Pod Security Admission on node1: namespace labels decide; the words are PSA's; and every PSS
 * fixture of the course gets the same verdict from `kubectl apply` as from `container-course check`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkFiles } from '../../../src/checker/engine.ts';
import { RULES_BY_ID } from '../../../src/checker/rules/index.ts';
import { evaluatePod, forbiddenDetail, LATEST } from '../../../src/k8s/pss/index.ts';
import { DEPLOY, k8sWorld, POD, write } from './helpers.ts';

const RULES = join(import.meta.dirname, '../../rules');

describe('Pod Security Admission', () => {
  it('enforce=restricted refuses a plain pod with the four reasons; warn labels warn', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl create namespace demo')).stdout).toBe('namespace/demo created\n');
    expect((await w.exec('kubectl label ns demo pod-security.kubernetes.io/enforce=restricted')).stdout).toBe('namespace/demo labeled\n');
    await write(w, 'x.yaml', POD('x'));
    const r = await w.exec('kubectl apply -n demo -f x.yaml');
    expect(r).toMatchObject({
      stdout: '',
      exitCode: 1,
      stderr:
        'Error from server (Forbidden): error when creating "x.yaml": pods "x" is forbidden: violates PodSecurity "restricted:latest": ' +
        'allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "x" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "x" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "x" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")\n',
    });
    // baseline admits it; a warn label on top of it warns.
    await w.exec('kubectl label ns demo pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/warn=restricted --overwrite');
    const warned = await w.exec('kubectl apply -n demo -f x.yaml');
    expect(warned.stdout).toBe('pod/x created\n');
    expect(warned.stderr).toMatch(/^Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false \(container "x" must set/);
  });

  it('a Deployment is admitted with a warning; its ReplicaSet reports FailedCreate', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create ns demo');
    await w.exec('kubectl label ns demo pod-security.kubernetes.io/enforce=restricted');
    await write(w, 'd.yaml', DEPLOY('nginx:1.27', 1));
    const r = await w.exec('kubectl apply -n demo -f d.yaml');
    expect(r.stdout).toBe('deployment.apps/web created\n');
    expect(r.stderr).toMatch(
      /^Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false \(container "web" must set securityContext\.allowPrivilegeEscalation=false\), .*\n$/,
    );
    expect((await w.exec('kubectl get pods -n demo')).stderr).toBe('No resources found in demo namespace.\n');
    const ev = (await w.exec('kubectl get events -n demo')).stdout;
    expect(ev).toMatch(
      /Warning   FailedCreate        replicaset\/web-\w+   Error creating: pods "web-\w+-\w{5}" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false/,
    );
    expect((await w.exec('kubectl get deploy -n demo')).stdout).toMatch(
      /^NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    0\/1     0            0           \d+s\n$/,
    );
  });

  it('labelling a namespace warns about the pods already there', async () => {
    const w = k8sWorld();
    await write(w, 'x.yaml', POD('x'));
    await w.exec('kubectl apply -f x.yaml');
    const r = await w.exec('kubectl label ns default pod-security.kubernetes.io/enforce=restricted');
    expect(r.stdout).toBe('namespace/default labeled\n');
    expect(r.stderr).toBe(
      'Warning: existing pods in namespace "default" violate the new PodSecurity enforce level "restricted:latest"\n' +
        'Warning: x: allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile\n',
    );
  });

  it('every PSS fixture: apply into an enforcing namespace refuses exactly what check fails, for the same reasons', async () => {
    const w = k8sWorld();
    let compared = 0;
    for (const dir of readdirSync(RULES).filter((d) => d.startsWith('pss-'))) {
      for (const file of readdirSync(join(RULES, dir)).filter((f) => /\.ya?ml$/.test(f))) {
        const text = readFileSync(join(RULES, dir, file), 'utf8');
        const docs = parseAllDocuments(text)
          .map((d) => d.toJS() as Record<string, unknown>)
          .filter(Boolean);
        await write(w, 'm.yaml', text);
        for (const level of ['baseline', 'restricted'] as const) {
          const findings = checkFiles([{ name: 'm.yaml', text }], { profile: level })[0]!.findings.filter((f) => f.pss);
          const ns = `case-${compared}`;
          await w.exec(`kubectl create ns ${ns}`);
          await w.exec(`kubectl label ns ${ns} pod-security.kubernetes.io/enforce=${level}`);
          const r = await w.exec(`kubectl create -n ${ns} -f m.yaml`);
          const label = `${dir}/${file} ${level}`;
          // The server's reasons for the checks the checker's findings name (its rule → PSA check id).
          const checks = new Set(
            findings.map((f) => RULES_BY_ID.get(f.rule)?.pss?.check ?? (f.rule.startsWith('pss-capabilities-restricted') ? 'capabilities_restricted' : f.rule)),
          );
          const expected = docs.flatMap((d) => {
            const tpl = (d.kind === 'Pod' ? d : ((d.spec as Record<string, unknown>)?.template as Record<string, unknown>)) ?? {};
            return evaluatePod(tpl.metadata, tpl.spec, level, LATEST).filter(
              (v) => checks.has(v.check) || checks.has(v.check.replace(/_(baseline|restricted)$/, '')),
            );
          });
          expect(expected.length, `${label}: every finding maps to a PSA check`).toBeGreaterThanOrEqual(checks.size > 0 ? 1 : 0);
          if (docs.every((d) => d.kind === 'Pod')) {
            expect(`${label}: ${/is forbidden: violates PodSecurity/.test(r.stderr)}`).toBe(`${label}: ${findings.length > 0}`);
            if (!findings.length) expect(r, label).toMatchObject({ stderr: '', exitCode: 0 });
            for (const v of expected) expect(r.stderr, label).toContain(forbiddenDetail([v]));
          } else {
            // Workloads are admitted with a warning; their ReplicaSet's pods are refused (FailedCreate).
            expect(`${label}: ${r.stderr.includes('Warning: would violate PodSecurity')}`).toBe(`${label}: ${findings.length > 0}`);
            const reasons = (await w.exec(`kubectl get events -n ${ns} -o jsonpath='{.items[*].reason}'`)).stdout;
            expect(`${label}: ${reasons.includes('FailedCreate')}`).toBe(`${label}: ${findings.length > 0}`);
            for (const v of expected) expect(r.stderr, label).toContain(forbiddenDetail([v]));
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(30);
  });
});
