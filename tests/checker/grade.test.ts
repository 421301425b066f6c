/** Weighted partial credit, hidden checks, quiz feedback and submission shapes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/checker/exercise/load.ts';
import { dockerfileChecksFor, grade, gradeWith, hasDockerfile } from '../../src/checker/grade.ts';
import type { Exercise } from '../../src/schemas/exercise.ts';

function load(id: string): Exercise {
  const r = loadExercise(readFileSync(join(import.meta.dirname, `../../content/exercises/${id}.yaml`), 'utf8'), id);
  if ('error' in r) throw new Error(r.error);
  return r.exercise;
}

describe('grade', () => {
  it('gives weighted partial credit and marks hidden checks', () => {
    const ex = load('e11.1');
    if (ex.kind !== 'k8s-yaml') throw new Error('kind');
    const g = grade(ex, { files: ex.start });
    expect(g.score).toBe(6);
    expect(g.max).toBe(10);
    expect(g.checks.map((c) => `${c.id}:${c.points}/${c.max}${c.hidden ? ' hidden' : ''}`)).toEqual([
      'parses:1/1',
      'known-fields:1/1',
      'drop-all:0/2',
      'add-nothing:2/2',
      'no-escalation:0/2',
      'not-privileged:1/1',
      'same-image:1/1 hidden',
    ]);
    expect(g.findings.every((f) => f.file === 'pod.yaml')).toBe(true);
  });
  it('gives quiz feedback for each chosen answer', () => {
    const ex = load('e2.2');
    const g = grade(ex, { answers: { shared: ['user', 'net'] } });
    expect(g.score).toBe(0);
    expect(g.checks[0]!.feedback!.map((f) => f.en.split('.')[0])).toEqual(['Right', 'No']);
  });
  it('refuses a submission of the wrong shape with a clear message', () => {
    expect(() => grade(load('e2.2'), { files: {} })).toThrowError('exercise e2.2 is a quiz: submit answers');
    expect(() => grade(load('e11.1'), { answers: {} })).toThrowError('exercise e11.1 is a k8s-yaml exercise: submit files');
    expect(() => grade(load('e1.1'), { files: {} })).toThrowError('exercise e1.1 is a shell-goal exercise: grade it from a simulator snapshot');
  });
  it('reports a broken file as an error and fails every check that needs it', () => {
    const ex = load('e10.1');
    const g = grade(ex, { files: { 'pod.yaml': 'kind: Pod\n  bad: [\n' } });
    expect(g.score).toBe(0);
    expect(g.errors.length).toBe(1);
  });
});

describe('the Dockerfile half of the engine loads only for a submission with a Dockerfile (grade-core.ts)', () => {
  it('none for manifests and answers; the checks for a Dockerfile, which then grade as grade() does', async () => {
    const ex = load('e11.1');
    if (ex.kind !== 'k8s-yaml') throw new Error('kind');
    expect(hasDockerfile(ex.start)).toBe(false);
    expect(await dockerfileChecksFor({ files: ex.start })).toBeNull();
    expect(await dockerfileChecksFor({ answers: {} })).toBeNull();
    expect(gradeWith(ex, { files: ex.start }, null)).toEqual(grade(ex, { files: ex.start }));
    const df = load('e10.1');
    if (df.kind !== 'dockerfile') throw new Error('kind');
    expect(hasDockerfile(df.start)).toBe(true);
    const checks = await dockerfileChecksFor({ files: df.start });
    expect(checks).not.toBeNull();
    expect(gradeWith(df, { files: df.solution }, checks)).toEqual(grade(df, { files: df.solution }));
    // Without them a Dockerfile is refused by name, never graded as YAML.
    expect(() => gradeWith(df, { files: df.start }, null)).toThrowError(/Dockerfile: a Dockerfile needs the Dockerfile checks/);
  });
});

describe('loading exercises', () => {
  it('names the field of a schema error and unknown templates', () => {
    expect(loadExercise('id: x1\nkind: k8s-yaml\n', 'x1.yaml')).toEqual({ error: 'x1.yaml: title: Invalid input: expected object, received undefined' });
    const bad = readFileSync(join(import.meta.dirname, '../../content/exercises/e6.2.yaml'), 'utf8').replace(
      'template: requests-within-limits',
      'template: no-such-template',
    );
    expect(loadExercise(bad, 'e6.2.yaml')).toEqual({ error: 'e6.2.yaml: check requests names unknown template "no-such-template"' });
    expect(loadExercise('a: [', 'broken.yaml')).toMatchObject({ error: expect.stringMatching(/^broken\.yaml: /) });
  });
  it('checks the nested checks of any/all: each names a known template, with params a mapping', () => {
    const e101 = readFileSync(join(import.meta.dirname, '../../content/exercises/e10.1.yaml'), 'utf8');
    expect(
      loadExercise(e101.replace('- { template: df-instruction, params: { keyword: ADD', '- { template: df-nope, params: { keyword: ADD'), 'e10.1.yaml'),
    ).toEqual({ error: 'e10.1.yaml: check entrypoint (any): params.of[3].params.of[1].params.of[1].template: unknown template "df-nope"' });
    expect(
      loadExercise(
        e101.replace(
          /template: any\n    params:\n      of:\n        - template: all/,
          'template: any\n    params:\n      of: []\n      x:\n        - template: all',
        ),
        'e10.1.yaml',
      ),
    ).toEqual({ error: 'e10.1.yaml: check runnable (any): params.of: a non-empty list of { template, params } is required' });
    expect(
      loadExercise(
        e101.replace(
          '- { template: df-instruction, params: { keyword: ENTRYPOINT, matches: \'^\\["/docker-entrypoint\\.sh"\\]$\' } }',
          '- { template: cluster }',
        ),
        'e10.1.yaml',
      ),
    ).toEqual({ error: 'e10.1.yaml: check entrypoint (any): params.of[0].template: unknown template "cluster"' });
  });
  it('any passes when one way is right, all only when every part is', () => {
    const ex = load('e10.1');
    if (ex.kind !== 'dockerfile') throw new Error('kind');
    const files = (df: string) => ({
      Dockerfile: `FROM nginx:1.25\n${df}CMD ["nginx", "-g", "daemon off;"]\n`,
      'docker-entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
    });
    const failed = (df: string) =>
      grade(ex, { files: files(df) })
        .checks.filter((c) => !c.passed)
        .map((c) => c.id);
    expect(failed('COPY --chmod=u+x docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\n')).toEqual([]);
    expect(failed('COPY docker-entrypoint.sh /\nENTRYPOINT ["sh", "/docker-entrypoint.sh"]\n')).toEqual([]);
    expect(
      failed('COPY docker-entrypoint.sh /\nRUN chmod 0755 /docker-entrypoint.sh\nENTRYPOINT ["/bin/bash", "-c", "/docker-entrypoint.sh \\"$@\\"", "--"]\n'),
    ).toEqual([]);
    // tini named but only installed in an earlier, unrelated way: the all's second part fails.
    expect(failed('COPY --chmod=755 docker-entrypoint.sh /\nENTRYPOINT ["/tini", "--", "/docker-entrypoint.sh"]\n')).toEqual(['entrypoint']);
    expect(
      failed(
        'ADD --chmod=755 https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\nCOPY --chmod=755 docker-entrypoint.sh /\nENTRYPOINT ["/tini", "--", "/docker-entrypoint.sh"]\n',
      ),
    ).toEqual([]);
  });
});
