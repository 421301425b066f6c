/**
 * Typed params: every rule template, exercise check and shell goal declares a zod schema;
 * rules are parsed when the rule table is built, exercises when they load, and a mistake
 * names the file, the id, the template and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercise, parseExercise } from '../../src/checker/exercise/load.ts';
import { exerciseChecks } from '../../src/checker/exercise/checks.ts';
import { shellGoals } from '../../src/checker/goals/index.ts';
import type { RuleDef } from '../../src/checker/rule.ts';
import { templateParams } from '../../src/checker/params.ts';
import { ALL_RULES } from '../../src/checker/rules/index.ts';
import { parseRules } from '../../src/checker/rules/parse.ts';
import { crossTemplates, dockerfileTemplates } from '../../src/checker/templates/dockerfile-index.ts';
import { workloadTemplates } from '../../src/checker/templates/index.ts';

const ROOT = join(import.meta.dirname, '../..');

function shellGoal(template: string, params: string): string {
  return `id: t1.1
kind: shell-goal
title: { en: T, zh-cn: T }
task: { en: T, zh-cn: T }
solution: [docker ps]
checks:
  - id: isolated-none
    title: { en: T, zh-cn: T }
    template: ${template}
    params: ${params}
`;
}

function dockerfileEx(check: string): string {
  return `id: t1.2
kind: dockerfile
title: { en: T, zh-cn: T }
task: { en: T, zh-cn: T }
start: { Dockerfile: "FROM alpine:3.20\\n" }
solution: { Dockerfile: "FROM alpine:3.20\\nUSER 1000\\n" }
checks:
  - id: c1
    title: { en: T, zh-cn: T }
${check}
`;
}

const rule = (over: Partial<RuleDef>): RuleDef => ({
  id: 'r1',
  target: 'dockerfile',
  template: 'no-secrets-in-arg-env',
  params: { pattern: 'TOKEN' },
  category: 'dockerfile',
  severity: 'error',
  title: { en: 't', 'zh-cn': 't' },
  message: { en: 'm', 'zh-cn': 'm' },
  remediation: { en: 'r', 'zh-cn': 'r' },
  ...over,
});

describe('every shipped rule, exercise and frozen rule set parses', () => {
  it('the rule table holds every rule, its params parsed against its template', () => {
    expect(ALL_RULES.length).toBeGreaterThan(40);
    // engine-core.ts sortFindings compares ids by code point: for these characters that is localeCompare's order.
    for (const r of ALL_RULES) expect(r.id).toMatch(/^[a-z0-9-]+$/);
    const templates = { workload: workloadTemplates, dockerfile: dockerfileTemplates, cross: crossTemplates };
    for (const r of ALL_RULES) expect(templateParams(templates[r.target][r.template]!).safeParse(r.params).success, r.id).toBe(true);
    // Defaults are filled in once, when the table is built.
    expect(ALL_RULES.find((r) => r.id === 'pss-host-path')!.params).toEqual({ forbidden: ['hostPath'] });
    expect(ALL_RULES.find((r) => r.id === 'pss-privileged')!.params).toEqual({
      field: 'privileged',
      allowed: [false],
      windowsExempt: false,
      userNamespaceExempt: false,
    });
    expect(ALL_RULES.find((r) => r.id === 'read-only-root-fs')!.params).toEqual({
      field: 'readOnlyRootFilesystem',
      equals: true,
      groups: ['initContainers', 'containers'],
    });
  });

  it('every exercise in content/exercises loads, its params parsed (defaults filled in)', () => {
    const files = readdirSync(join(ROOT, 'content/exercises')).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) expect(loadExercise(readFileSync(join(ROOT, 'content/exercises', f), 'utf8'), `content/exercises/${f}`)).toHaveProperty('exercise');
    const ex = loadExercise(shellGoal('no-container-in-state', '{}'), 't1.1.yaml');
    expect('exercise' in ex && ex.exercise.checks[0]!.params).toEqual({ state: 'exited', except: [] });
  });

  it('every frozen rule set parses as loading would', () => {
    const sets = readdirSync(join(ROOT, 'content/rulesets')).filter((f) => f.endsWith('.json'));
    expect(sets.length).toBeGreaterThan(0);
    for (const f of sets) {
      const doc = JSON.parse(readFileSync(join(ROOT, 'content/rulesets', f), 'utf8')) as { exercises: unknown[] };
      for (const [i, e] of doc.exercises.entries()) expect(parseExercise(e, `${f}: exercises[${i}]`)).toHaveProperty('exercise');
    }
  });

  it('every template, check and goal describes each of its parameters', () => {
    const undescribed: string[] = [];
    const all = { ...workloadTemplates, ...dockerfileTemplates, ...crossTemplates, ...exerciseChecks, ...shellGoals };
    for (const [name, def] of Object.entries(all)) {
      const shape = (templateParams(def) as unknown as { shape?: Record<string, { description?: string }> }).shape ?? {};
      for (const [k, v] of Object.entries(shape)) if (!v.description) undescribed.push(`${name}.${k}`);
    }
    expect(undescribed).toEqual([]);
  });
});

describe('a mistake in an exercise names the file, the check, its template and the field', () => {
  it('a missing field', () => {
    expect(loadExercise(shellGoal('container-field', '{ name: isolated, equals: none }'), 'content/exercises/t1.1.yaml')).toEqual({
      error: 'content/exercises/t1.1.yaml: check isolated-none (container-field): params.path: Invalid input: expected string, received undefined',
    });
  });
  it('a misspelt key', () => {
    expect(loadExercise(shellGoal('container-field', '{ nmae: isolated, path: name, equals: none }'), 't1.1.yaml')).toEqual({
      error: 't1.1.yaml: check isolated-none (container-field): params.name: Invalid input: expected string, received undefined',
    });
    expect(loadExercise(shellGoal('container-running', '{ name: web, imgae: nginx }'), 't1.1.yaml')).toEqual({
      error: 't1.1.yaml: check isolated-none (container-running): params: Unrecognized key: "imgae"',
    });
  });
  it('a bad regular expression', () => {
    expect(loadExercise(shellGoal('container-running', '{ name: web, image: "^nginx(" }'), 't1.1.yaml')).toEqual({
      error: 't1.1.yaml: check isolated-none (container-running): params.image: not a valid regular expression',
    });
    expect(loadExercise(dockerfileEx('    template: text\n    params: { file: Dockerfile, matches: "USER [" }'), 't1.2.yaml')).toEqual({
      error: 't1.2.yaml: check c1 (text): params.matches: not a valid regular expression',
    });
  });
  it('a wrong type, an unknown value, an operand that does not fit its operator, an unknown rule', () => {
    expect(loadExercise(shellGoal('no-container-in-state', '{ state: stopped }'), 't1.1.yaml')).toMatchObject({
      error: expect.stringMatching(
        /^t1\.1\.yaml: check isolated-none \(no-container-in-state\): params\.state: Invalid option: expected one of "created"\|"running"/,
      ),
    });
    expect(loadExercise(dockerfileEx('    template: df-stages\n    params: { min: two }'), 't1.2.yaml')).toEqual({
      error: 't1.2.yaml: check c1 (df-stages): params.min: Invalid input: expected number, received string',
    });
    expect(loadExercise(dockerfileEx('    template: df-instruction\n    params: { keyword: copy }'), 't1.2.yaml')).toMatchObject({
      error: expect.stringMatching(/^t1\.2\.yaml: check c1 \(df-instruction\): params\.keyword: Invalid option/),
    });
    expect(loadExercise(dockerfileEx('    template: field\n    params: { path: spec, op: matches, value: "(" }'), 't1.2.yaml')).toEqual({
      error: 't1.2.yaml: check c1 (field): params.value: op matches: not a valid regular expression',
    });
    expect(loadExercise(dockerfileEx('    template: no-finding\n    params: { rules: [df-exec-from] }'), 't1.2.yaml')).toEqual({
      error: 't1.2.yaml: check c1 (no-finding): params.rules[0]: unknown rule "df-exec-from"',
    });
  });
  it('inside any/all, the path leads to the nested field', () => {
    const nested =
      '    template: any\n    params:\n      of:\n        - template: df-from\n          params: { matches: alpine }\n        - template: all\n          params: { of: [{ template: text, params: { file: Dockerfile, matchs: USER } }] }';
    expect(loadExercise(dockerfileEx(nested), 't1.2.yaml')).toEqual({
      error: 't1.2.yaml: check c1 (any): params.of[1].params.of[0].params.matches: Invalid input: expected string, received undefined',
    });
    const ok = loadExercise(dockerfileEx(nested.replace('matchs', 'matches')), 't1.2.yaml');
    expect('exercise' in ok && ok.exercise.checks[0]!.params).toEqual({
      of: [
        { template: 'df-from', params: { stage: 'last', matches: 'alpine', alias: false } },
        { template: 'all', params: { of: [{ template: 'text', params: { file: 'Dockerfile', matches: 'USER', negate: false } }] } },
      ],
    });
  });
  it('a frozen rule set names the set and the exercise', () => {
    const e = JSON.parse(JSON.stringify((loadExercise(shellGoal('container-removed', '{ name: web }'), 'x') as { exercise: unknown }).exercise)) as {
      checks: { params: unknown }[];
    };
    e.checks[0]!.params = { name: '' };
    expect(parseExercise(e, 'rule set 2026.12: exercises[3]')).toEqual({
      error: 'rule set 2026.12: exercises[3]: check isolated-none (container-removed): params.name: Too small: expected string to have >=1 characters',
    });
  });
});

describe('a mistake in a rule names the file, the rule, its template and the field', () => {
  const parse = (r: RuleDef) => () => parseRules([['src/checker/rules/dockerfile.ts', [r]]]);
  it('a bad regular expression', () => {
    expect(parse(rule({ params: { pattern: '(TOKEN' } }))).toThrowError(
      'src/checker/rules/dockerfile.ts: rule r1 (no-secrets-in-arg-env): params.pattern: not a valid regular expression',
    );
    expect(parse(rule({ template: 'later-layer-delete', params: { deleteCommands: ['^rm\\s', '^apt(-get'] } }))).toThrowError(
      'src/checker/rules/dockerfile.ts: rule r1 (later-layer-delete): params.deleteCommands[1]: not a valid regular expression',
    );
  });
  it('a misspelt key, a missing field, a value out of its set', () => {
    expect(parse(rule({ params: { patern: 'TOKEN' } }))).toThrowError(
      'src/checker/rules/dockerfile.ts: rule r1 (no-secrets-in-arg-env): params.pattern: Invalid input: expected string, received undefined',
    );
    expect(parse(rule({ template: 'exec-form', params: { pattern: 'TOKEN' } }))).toThrowError(
      'src/checker/rules/dockerfile.ts: rule r1 (exec-form): params: Unrecognized key: "pattern"',
    );
    expect(parse(rule({ template: 'from-pinned', params: { require: 'latest' } }))).toThrowError(
      /^src\/checker\/rules\/dockerfile\.ts: rule r1 \(from-pinned\): params\.require: Invalid option: expected one of "tag"\|"digest"$/,
    );
    expect(() =>
      parseRules([['src/checker/rules/pss.ts', [rule({ target: 'workload', template: 'container-field-allowed', params: { allowed: [false] } })]]]),
    ).toThrowError('src/checker/rules/pss.ts: rule r1 (container-field-allowed): params.field: Invalid input: expected string, received undefined');
  });
  it("an unknown template (for the rule's target) and a duplicate id", () => {
    expect(parse(rule({ template: 'pod-booleans-false' }))).toThrowError(
      'src/checker/rules/dockerfile.ts: rule r1 names unknown dockerfile template "pod-booleans-false"',
    );
    expect(() =>
      parseRules([
        ['a.ts', [rule({})]],
        ['b.ts', [rule({})]],
      ]),
    ).toThrowError('b.ts: rule r1: the id is already used in a.ts');
  });
});

describe('schemas are built from the zod they are given, once, when parameters are parsed', () => {
  it("a goal's schema fills defaults and refuses a bad key; the same schema object each time", () => {
    const w = { hostname: 'node1', nowMs: 0, processes: [], namespaces: [], containers: [], volumes: [], images: [], registry: {}, transcript: [] };
    const goal = shellGoals['no-container-in-state']!;
    expect(templateParams(goal).parse({})).toEqual({ state: 'exited', except: [] });
    expect(goal.test(w, { state: 'exited', except: [] })).toBe(true);
    expect(templateParams(goal)).toBe(templateParams(goal));
    expect(() => templateParams(shellGoals['host-hostname']!).parse({ host: 'node1' })).toThrowError(/Unrecognized key/);
  });
});
