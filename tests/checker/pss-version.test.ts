/**
 * `check --pss-version`: the checker's Pod Security verdicts are src/k8s/pss's (the
 * code the simulated API server's admission uses), at every version, on every Pod
 * Security fixture the course has; findings say which level and version judged them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkFiles } from '../../src/checker/engine.ts';
import { evaluatePod, LATEST, v, type Level, type Version } from '../../src/k8s/pss/index.ts';
import { runCli } from '../cli/helpers.ts';

const RULES = join(import.meta.dirname, '../rules');

function pssFindings(text: string, level: Exclude<Level, 'privileged'>, version: Version) {
  return checkFiles([{ name: 'pod.yaml', text }], { profile: level, pssVersion: version })[0]!.findings.filter((f) => f.pss);
}

const POD = (spec: string, meta = '{ name: p }') => `apiVersion: v1
kind: Pod
metadata: ${meta}
spec:
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } ${spec} }
  containers:
  - name: a
    image: nginx:1.25
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
`;

describe('check --pss-version', () => {
  it('judges a sysctl by the version that made it safe', () => {
    const pod = POD(', sysctls: [ { name: net.ipv4.tcp_rmem, value: "4096" } ]');
    expect(pssFindings(pod, 'restricted', LATEST)).toEqual([]);
    const [f] = pssFindings(pod, 'restricted', v(31));
    expect(f).toMatchObject({ rule: 'pss-sysctls', pss: 'restricted:v1.31', line: 5, path: '/spec/securityContext/sysctls' });
    expect(f!.message.en).toBe('forbidden sysctls (net.ipv4.tcp_rmem)');
    expect(pssFindings(POD(', sysctls: [ { name: net.ipv4.tcp_slow_start_after_idle, value: "0" } ]'), 'baseline', v(36))[0]?.pss).toBe('baseline:v1.36');
  });

  it('restricted keeps its own procMount check under hostUsers: false; baseline relaxes it', () => {
    const pod = POD('').replace('spec:\n', 'spec:\n  hostUsers: false\n').replace('drop: [ALL] }', 'drop: [ALL] }, procMount: Unmasked');
    expect(pssFindings(pod, 'baseline', LATEST)).toEqual([]);
    expect(pssFindings(pod, 'baseline', v(34)).map((f) => f.rule)).toEqual(['pss-proc-mount']);
    expect(pssFindings(pod, 'restricted', LATEST).map((f) => [f.rule, f.pss])).toEqual([['pss-proc-mount', 'restricted:latest']]);
  });

  it('reads the seccomp annotations before v1.19 and the fields after', () => {
    const pod = POD('', "{ name: p, annotations: { 'seccomp.security.alpha.kubernetes.io/pod': unconfined } }");
    expect(pssFindings(pod, 'baseline', LATEST)).toEqual([]);
    const [f] = pssFindings(pod, 'baseline', v(18));
    expect(f).toMatchObject({ rule: 'pss-seccomp-baseline', path: '/metadata/annotations' });
    expect(f!.message.en).toBe('seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")');
  });

  it('names the level and version on every Pod Security finding, and keeps the located ones', () => {
    const found = pssFindings('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n  - name: a\n    image: nginx\n', 'restricted', LATEST);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((f) => f.pss))).toEqual(new Set(['restricted:latest']));
    expect(found.find((f) => f.rule === 'pss-privilege-escalation')).toMatchObject({
      container: 'a',
      path: '/spec/containers/0/securityContext/allowPrivilegeEscalation',
    });
  });

  it("gives src/k8s's verdict on every Pod Security fixture of the course, at every version", () => {
    const dirs = readdirSync(RULES).filter((d) => d.startsWith('pss-'));
    let compared = 0;
    for (const dir of dirs) {
      for (const file of readdirSync(join(RULES, dir)).filter((f) => /\.ya?ml$/.test(f))) {
        const text = readFileSync(join(RULES, dir, file), 'utf8');
        const docs = parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown>);
        for (const level of ['baseline', 'restricted'] as const) {
          for (const version of [v(0), v(18), v(22), v(25), v(29), v(34), v(35), LATEST]) {
            const expected = docs.some((d) => {
              const kind = d?.kind;
              const spec = (kind === 'Pod' ? d : ((d?.spec as Record<string, unknown>)?.template as Record<string, unknown>)) ?? {};
              return evaluatePod(spec.metadata, spec.spec, level, version).length > 0;
            });
            const got = pssFindings(text, level, version).length > 0;
            expect(`${dir}/${file} ${level} ${JSON.stringify(version)}: ${got}`).toBe(`${dir}/${file} ${level} ${JSON.stringify(version)}: ${expected}`);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('CLI: a bad version is a usage error naming the flag; JSON carries the version', async () => {
    const bad = await runCli(['check', '--pss-version', '1.29', '-'], { stdin: 'apiVersion: v1\nkind: Pod\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('container-course check: --pss-version 1.29: must be "latest" or "v1.x"\n');
    const ok = await runCli(['check', '--profile', 'restricted', '--pss-version', 'v1.29', '--format', 'json', '-'], {
      stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}\n',
    });
    expect(ok.code).toBe(1);
    expect(ok.stdout).toContain('"pss": "restricted:v1.29"');
  });
});
