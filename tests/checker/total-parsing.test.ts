/**
 * Parsing is total and bounded: any text gives findings or located errors, never an
 * exception, and every limit answers quickly with the file and the place.
 */
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/checker/engine.ts';
import { LIMITS } from '../../src/checker/parse/limits.ts';

/**
 * `ms` bounds the CPU time the check takes (these inputs used to take from 10 s to
 * forever); CPU time, not wall time, so a busy shared CI machine does not fail it. Wall
 * time gets a generous bound too, against hangs.
 */
function check(text: string, name = 'in.yaml', ms = 3000) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const [r] = checkFiles([{ name, text }]);
  const used = process.cpuUsage(cpu);
  expect((used.user + used.system) / 1000).toBeLessThan(ms);
  expect(performance.now() - t).toBeLessThan(60_000);
  return { errors: r!.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`), findings: r!.findings };
}

/** The review's alias amplifier: one anchored list of 200 containers aliased by 39 more pods (8.4 KB). */
function amplifier(): string {
  const c = [...Array(200)].map((_, i) => `{name: c${i}, image: nginx}`).join(',');
  let t = `apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: p0}, spec: {containers: &c [${c}]}}\n`;
  for (let i = 1; i < 40; i++) t += `- {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {containers: *c}}\n`;
  return t;
}

describe('total parsing: object lookups never reach the prototype', () => {
  for (const kind of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'valueOf']) {
    it(`kind: ${kind} is an unknown kind, not a crash`, () => {
      expect(check(`apiVersion: v1\nkind: ${kind}\nspec:\n  containers:\n  - name: a\n    image: nginx\n`)).toEqual({ errors: [], findings: [] });
    });
  }
  it("the fuzzer's minimal inputs (C1–C4) give errors or findings", () => {
    expect(check("'kind': 'isPrototypeOf'").errors).toEqual([]);
    const c3 = check('kind: Pod\nspec:\n containers:\n - resources:\n    requests:\n     memory:\n      toString:');
    expect(c3.findings.find((f) => f.rule === 'resource-units')?.message.en).toBe('container "#0": "{"toString":null}" is not a valid quantity');
    expect(check('kind: Pod\nspec:\n securityContext:\n  seccompProfile:\n   type:\n    toString:').errors).toEqual([]);
    const r = checkFiles(
      [
        {
          name: 'in.yaml',
          text: 'kind: Pod\nspec:\n securityContext:\n  seccompProfile:\n   type:\n    valueOf: 1\n containers:\n - name: a\n   image: nginx\n',
        },
      ],
      { profile: 'restricted' },
    );
    expect(r[0]!.findings.some((f) => f.rule === 'pss-seccomp-restricted' && f.message.en.includes('valueOf'))).toBe(true);
  });
  it('a Dockerfile ARG named after a prototype member substitutes nothing', () => {
    const r = checkFiles([{ name: 'Dockerfile', text: 'FROM ${constructor}alpine:3.20\nCOPY --toString=x . /\n' }]);
    expect(r[0]!.errors).toEqual([]);
    expect(r[0]!.findings.find((f) => f.rule === 'df-from-digest')?.message.en).toContain('FROM alpine:3.20');
  });
});

describe('total parsing: any shape gives a located error', () => {
  const base = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n';
  it.each([
    ['spec: 5', 'apiVersion: v1\nkind: Pod\nspec: 5\n', 'in.yaml:3:1 expected a mapping at spec, found a number'],
    ['containers as a map', `${base}  containers: {a: 1}\n`, 'in.yaml:6:3 expected a list at spec.containers, found a object'],
    ['a container that is a string', `${base}  containers:\n  - nginx\n`, 'in.yaml:7:5 expected a mapping at spec.containers[0], found a string'],
    ['an empty container item', `${base}  containers:\n  -\n`, 'in.yaml:7:4 expected a mapping at spec.containers[0], found a null'],
    [
      'securityContext as a list',
      `${base}  containers:\n  - name: a\n    securityContext: [{}]\n`,
      'in.yaml:8:5 expected a mapping at spec.containers[0].securityContext, found a list',
    ],
    [
      'securityContext as an empty string',
      `${base}  containers:\n  - name: a\n    securityContext: ''\n`,
      'in.yaml:8:5 expected a mapping at spec.containers[0].securityContext, found an empty string',
    ],
    [
      'capabilities as a list',
      `${base}  containers:\n  - name: a\n    securityContext:\n      capabilities: []\n`,
      'in.yaml:9:7 expected a mapping at spec.containers[0].securityContext.capabilities, found a list',
    ],
    [
      'drop as a string',
      `${base}  containers:\n  - name: a\n    securityContext:\n      capabilities:\n        drop: ALL\n`,
      'in.yaml:10:9 expected a list at spec.containers[0].securityContext.capabilities.drop, found a string',
    ],
    [
      'a Deployment template that is a list',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: []\n',
      'in.yaml:4:3 expected a mapping at spec.template, found a list',
    ],
  ])('%s', (_name, text, error) => {
    expect(check(text).errors).toEqual([error]);
  });
  it('null (an empty value) means unset and is no error', () => {
    expect(check(`${base}  securityContext:\n  containers:\n  - name: a\n    image: nginx\n    securityContext:\n`).errors).toEqual([]);
  });
});

describe('bounded parsing', () => {
  it("the review's 8.4 KB alias amplifier is refused well under a second, at the alias", () => {
    const t = amplifier();
    expect(t.length).toBeGreaterThan(8000);
    checkFiles([{ name: 'warm.yaml', text: 'a: &x [1]\nb: *x\n' }]); // the first parse compiles yaml's code
    expect(check(t, 'in.yaml', 1000).errors).toEqual([
      `in.yaml:14:73 aliases expand to more than ${LIMITS.maxAliasNodes} nodes (at alias *c); write the content out or use fewer aliases`,
    ]);
  });
  it('a few aliases of a small anchor are fine', () => {
    const t =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: nginx\n    resources: &r {limits: {cpu: 1, memory: 1Gi}, requests: {cpu: 1, memory: 1Gi}}\n  - name: b\n    image: nginx\n    resources: *r\n';
    expect(check(t).errors).toEqual([]);
  });
  it('an alias inside its own anchor is refused, not followed', () => {
    expect(check('a: &x [1, *x]\n').errors[0]).toMatch(/^in\.yaml:1:\d+ /);
  });
  it('nesting past the limit is refused wherever it hides: quotes in plain scalars, explicit keys, bare dashes', () => {
    const bypass = "a: [x'y, " + '['.repeat(1000) + ']'.repeat(1000) + ']\n';
    expect(check(bypass).errors).toEqual(['in.yaml:1:72 nesting is deeper than 64 levels']);
    expect(check("a: [x 'y, " + '['.repeat(100000) + ']'.repeat(100000) + ']\n').errors).toEqual(['in.yaml:1:73 nesting is deeper than 64 levels']);
    expect(check('? '.repeat(100000) + 'a\n').errors).toEqual(['in.yaml:1:1 nesting is deeper than 64 levels'.replace('1:1', '1:200001')]);
    expect(check('- '.repeat(1000) + '\n').errors).toEqual(['in.yaml:1:1 nesting is deeper than 64 levels']);
    expect(check('a: "[[[[' + '['.repeat(200) + '"\n').errors).toEqual(['in.yaml:1:1 document 1 has no "kind"']);
  });
  it('documents past the limit are refused at the first one too many, without parsing the rest', () => {
    expect(check('a: 1\n---\n'.repeat(100000)).errors).toEqual(['in.yaml:1000:1 too many YAML documents (more than 500); the limit is 500']);
    expect(check('...\n'.repeat(250000)).errors).toEqual(['in.yaml:501:1 too many YAML documents (more than 500); the limit is 500']);
  });
  it('more than 1 MiB is refused', () => {
    expect(check('#'.repeat(LIMITS.maxBytes + 1)).errors).toEqual(['in.yaml:1:1 file is too large (1.0 MB); the limit is 1.0 MB']);
  });
  it('a 1 MB Dockerfile of backslash lines gives one line of output, fast', () => {
    const r = check('\\\n'.repeat(500000), 'Dockerfile');
    expect(r).toEqual({ errors: ['Dockerfile:10001:1 the Dockerfile has more than 10000 lines; the limit is 10000'], findings: [] });
  });
  it('20,000 heredocs on one line are refused at the first one too many', () => {
    const r = check('FROM alpine\nRUN ' + Array.from({ length: 20000 }, (_, i) => `<<E${i}`).join(' ') + '\n', 'Dockerfile');
    expect(r.errors).toEqual(['Dockerfile:2:3395 the Dockerfile has more than 500 heredocs (<<); the limit is 500']);
  });
  it('findings per file are capped, and the cut is an error so the file cannot pass', () => {
    const pods = Array.from(
      { length: 400 },
      (_, i) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: a, image: nginx}]}\n`,
    ).join('');
    const r = check(pods, 'in.yaml', 10_000);
    expect(r.findings.length).toBe(LIMITS.maxFindingsPerFile);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^in\.yaml:\d+:\d+ too many findings \(\d+\); only the first 1000 are reported$/);
  });
  it('a huge value is quoted in a message only up to 200 characters', () => {
    const r = check(`FROM ${'a'.repeat(5000)}\n`, 'Dockerfile');
    const m = r.findings.find((f) => f.rule === 'df-from-pinned')!.message.en;
    expect(m.length).toBeLessThan(400);
    expect(m).toContain('… (5000 characters)');
  });
});
