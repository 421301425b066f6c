/** CRLF, lone CR, U+2028/U+2029 and byte-order marks are ordinary input: same findings, same positions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/checker/engine.ts';
import { loadExercise } from '../../src/checker/exercise/load.ts';
import { gradeOnCluster } from '../../src/checker/cluster/index.ts';
import { createWorld } from '../../src/sim/index.ts';
import type { Exercise } from '../../src/schemas/exercise.ts';

const dir = join(import.meta.dirname, '../../content/exercises');
const exercises: Exercise[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const r = loadExercise(readFileSync(join(dir, f), 'utf8'), f);
    if ('error' in r) throw new Error(r.error);
    return r.exercise;
  });

const crlf = (t: string) => t.replace(/\n/g, '\r\n');
const cr = (t: string) => t.replace(/\n/g, '\r');
const bom = (t: string) => `\ufeff${t}`;

const pod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: demo',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx:1.27',
  '    securityContext:',
  '      privileged: true',
  '',
].join('\n');

function summary(name: string, text: string) {
  const [r] = checkFiles([{ name, text }]);
  return { errors: r!.errors, findings: r!.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.path}`) };
}

describe('line endings and byte-order marks', () => {
  it("the review's two-line CRLF manifest checks without an error", () => {
    expect(summary('w.yaml', 'apiVersion: v1\r\nkind: Pod\r\n')).toEqual({ errors: [], findings: [] });
    expect(summary('w.yaml', '"\r').errors.map((e) => e.message)).toEqual(['Missing closing "quote']);
  });
  it('CRLF, CR-only and a BOM give the same findings at the same lines and columns as LF', () => {
    const lf = summary('pod.yaml', pod);
    expect(lf.findings.length).toBeGreaterThan(3);
    expect(lf.findings).toContain('10:7 pss-privileged /spec/containers/0/securityContext/privileged');
    for (const t of [crlf(pod), cr(pod), bom(pod), bom(crlf(pod))]) expect(summary('pod.yaml', t)).toEqual(lf);
  });
  it('U+2028 and U+2029 inside a value are ordinary characters', () => {
    const t = pod.replace('name: demo', 'name: "de\u2028mo\u2029"');
    const [r] = checkFiles([{ name: 'pod.yaml', text: t }]);
    expect(r!.errors).toEqual([]);
    expect(r!.findings.find((f) => f.rule === 'pss-privileged')?.object).toEqual({ kind: 'Pod', name: 'de\u2028mo\u2029' });
  });
  it('Dockerfiles with CRLF, CR-only and a BOM keep their lines', () => {
    const df = 'FROM alpine:3.20\nRUN apk add curl\nUSER root\n';
    const lf = summary('Dockerfile', df);
    expect(lf.findings.length).toBeGreaterThan(0);
    for (const t of [crlf(df), cr(df), bom(df)]) expect(summary('Dockerfile', t)).toEqual(lf);
  });
  it("every exercise's reference solution saved with CRLF (or CR, or a BOM) still gets full marks", async () => {
    let graded = 0;
    for (const ex of exercises) {
      if (ex.kind !== 'k8s-yaml' && ex.kind !== 'dockerfile') continue;
      for (const conv of [crlf, cr, bom]) {
        const files = Object.fromEntries(Object.entries(ex.solution).map(([k, v]) => [k, conv(v)]));
        // On the simulated cluster too, for the exercises with a `cluster` check.
        const g = await gradeOnCluster(ex, { files }, createWorld as never);
        expect(`${ex.id} ${g.score}/${g.max}`).toBe(`${ex.id} ${g.max}/${g.max}`);
        graded++;
      }
    }
    expect(graded).toBeGreaterThanOrEqual(9);
  });
});
