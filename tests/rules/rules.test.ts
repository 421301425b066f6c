/**
 * One generic runner over tests/rules/<rule-id>/{pass*,fail*} fixtures (polaris-style).
 * A fail fixture lists every finding it must produce at its end:
 *   # expect: line=18 path=/spec/containers/0/securityContext/drop container=app
 * A fixture may name a companion file (a Dockerfile for cross-file rules):
 *   # with: root.Dockerfile
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, type InputFile } from '../../src/checker/engine.ts';
import { ALL_RULES } from '../../src/checker/rules/index.ts';

const root = join(import.meta.dirname, '.');
const only = process.env.RULE_TEST;

function run(ruleId: string, severity: string, file: string): { got: string[]; errors: string[] } {
  const dir = join(root, ruleId);
  const text = readFileSync(join(dir, file), 'utf8');
  const files: InputFile[] = [{ name: file, text }];
  const w = /^# with: (\S+)$/m.exec(text);
  if (w) files.push({ name: w[1]!, text: readFileSync(join(dir, w[1]!), 'utf8') });
  const res = checkFiles(files, { profile: { [ruleId]: severity as 'error' }, only: [ruleId] });
  return {
    got: res
      .flatMap((r) => r.findings)
      .map((f) => `line=${f.line} path=${f.path} container=${f.container ?? '-'}`)
      .sort(),
    errors: res.flatMap((r) => r.errors).map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`),
  };
}

for (const rule of ALL_RULES.filter((r) => !only || r.id === only)) {
  describe(rule.id, () => {
    const dir = join(root, rule.id);
    const fixtures = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /^(pass|fail)/.test(f))
          .sort()
      : [];
    it('has at least one pass and one fail fixture', () => {
      expect(fixtures.some((f) => f.startsWith('pass'))).toBe(true);
      expect(fixtures.some((f) => f.startsWith('fail'))).toBe(true);
    });
    for (const f of fixtures) {
      it(f, () => {
        const { got, errors } = run(rule.id, rule.severity, f);
        expect(errors).toEqual([]);
        if (f.startsWith('pass')) {
          expect(got).toEqual([]);
        } else {
          const text = readFileSync(join(dir, f), 'utf8');
          const want = [...text.matchAll(/^# expect: (.*)$/gm)].map((m) => m[1]!.trim()).sort();
          expect(want.length).toBeGreaterThan(0);
          expect(got).toEqual(want);
        }
      });
    }
  });
}
