/** Output formats of `container-course grade`: table, csv, json, junit, Exercism results.json (v3). */
import { stringify } from 'csv-stringify/sync';
import { create } from 'xmlbuilder2';
import type { GradeResult } from '../checker/grade.ts';
import type { Locale } from '../checker/types.ts';
import type { Exercise } from '../schemas/exercise.ts';

export interface GradedRow {
  submission: string;
  result?: GradeResult;
  error?: string;
}

function checkIds(ex: Exercise): string[] {
  return ex.kind === 'quiz' ? ex.questions.map((q) => q.id) : ex.checks.map((c) => c.id);
}

export function totals(rows: GradedRow[], ex: Exercise): { score: number; max: number } {
  const max = ex.kind === 'quiz' ? ex.questions.reduce((s, q) => s + q.weight, 0) : ex.checks.reduce((s, c) => s + c.weight, 0);
  return { score: Math.round(rows.reduce((s, r) => s + (r.result?.score ?? 0), 0) * 100) / 100, max: Math.round(max * rows.length * 100) / 100 };
}

export function pointsLine(rows: GradedRow[], ex: Exercise): string {
  const t = totals(rows, ex);
  return `Points ${t.score}/${t.max}`;
}

export function formatTable(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  const ids = checkIds(ex);
  const maxOf = (r: GradedRow) => r.result?.max ?? totals([r], ex).max;
  const header = ['submission', 'score', ...ids];
  const body = rows.map((r) => [
    r.submission,
    `${r.result?.score ?? 0}/${maxOf(r)}`,
    ...ids.map((id) => {
      const c = r.result?.checks.find((x) => x.id === id);
      return c ? (c.passed ? 'ok' : 'FAIL') : '-';
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(header), ...body.map(line)];
  for (const r of rows) if (r.error) out.push(`${r.submission}: ${locale === 'en' ? 'error' : '错误'}: ${r.error}`);
  out.push(pointsLine(rows, ex));
  return `${out.join('\n')}\n`;
}

export function formatCsv(rows: GradedRow[], ex: Exercise): string {
  const ids = checkIds(ex);
  return stringify([
    ['submission', 'score', 'max', ...ids, 'error'],
    ...rows.map((r) => [
      r.submission, r.result?.score ?? 0, r.result?.max ?? totals([r], ex).max,
      ...ids.map((id) => { const c = r.result?.checks.find((x) => x.id === id); return c ? c.points : 0; }),
      r.error ?? '',
    ]),
  ]);
}

export function formatJson(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  const t = totals(rows, ex);
  return `${JSON.stringify({
    exercise: ex.id,
    points: t,
    submissions: rows.map((r) => ({
      submission: r.submission,
      score: r.result?.score ?? 0,
      max: r.result?.max ?? totals([r], ex).max,
      error: r.error ?? null,
      checks: (r.result?.checks ?? []).map((c) => ({ id: c.id, title: c.title[locale], passed: c.passed, points: c.points, max: c.max, hidden: c.hidden })),
      hints: (r.result?.hints ?? []).map((h) => ({ id: h.id, text: h.text[locale] })),
      findings: (r.result?.findings ?? []).map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, column: f.column, path: f.path, container: f.container ?? null, message: f.message[locale] })),
    })),
  }, null, 2)}\n`;
}

export function formatJunit(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: `container-course grade ${ex.id}` });
  for (const r of rows) {
    const checks = r.result?.checks ?? [];
    const suite = root.ele('testsuite', {
      name: r.submission, tests: Math.max(1, checks.length),
      failures: checks.filter((c) => !c.passed).length, errors: r.error ? 1 : 0,
    });
    if (r.error) suite.ele('testcase', { classname: r.submission, name: 'submission' }).ele('error', { message: r.error }).txt(r.error);
    for (const c of checks) {
      const tc = suite.ele('testcase', { classname: r.submission, name: `${c.id}: ${c.title[locale]}` });
      tc.ele('properties').ele('property', { name: 'points', value: `${c.points}/${c.max}` });
      if (!c.passed) tc.ele('failure', { message: c.hidden ? 'hidden check failed' : c.title[locale] });
    }
  }
  return `${root.end({ prettyPrint: true })}\n`;
}

/** Exercism test-runner interface, version 3: one results object per submission. */
export function exercismResults(r: GradedRow, locale: Locale, ex: Exercise): Record<string, unknown> {
  if (r.error) return { version: 3, status: 'error', message: r.error.slice(0, 65535), tests: [] };
  const res = r.result!;
  const given = new Set(res.hints.map((h) => h.id));
  // The message of a failed test: the hints written for that check, else every hint given.
  const hintsFor = (id: string) => {
    const own = ex.hints.filter((h) => given.has(h.id) && h.when.failed?.includes(id)).map((h) => h.text[locale]);
    return (own.length ? own : res.hints.map((h) => h.text[locale])).join('\n');
  };
  return {
    version: 3,
    status: res.checks.every((c) => c.passed) ? 'pass' : 'fail',
    tests: res.checks.map((c, i) => ({
      name: c.hidden ? `hidden check ${i + 1}` : c.title[locale],
      test_code: c.id,
      status: c.passed ? 'pass' : 'fail',
      ...(c.passed ? {} : { message: (hintsFor(c.id) || c.title[locale]).slice(0, 65535) }),
      task_id: i + 1,
    })),
  };
}

export function formatResultsJson(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  const doc = rows.length === 1 ? exercismResults(rows[0]!, locale, ex) : Object.fromEntries(rows.map((r) => [r.submission, exercismResults(r, locale, ex)]));
  return `${JSON.stringify(doc, null, 2)}\n`;
}
