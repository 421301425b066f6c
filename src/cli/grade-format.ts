/**
 * Output formats of `container-course grade`: table, csv (a gradebook), canvas and moodle
 * (LMS imports), json, junit, and the per-student Exercism results.json (v3), HTML and
 * Markdown (grade-report.ts). Every failing row carries its reason in the chosen locale.
 * Student-controlled text is escaped for the terminal, neutralised for spreadsheets and
 * made legal for XML (safe-text.ts).
 */
import { stringify } from 'csv-stringify/sync';
import { create } from 'xmlbuilder2';
import type { CheckResult, GradeResult, StoppedCommand } from '../checker/grade.ts';
import type { Locale } from '../checker/types.ts';
import type { Exercise } from '../schemas/exercise.ts';
import { csvSafe, termSafe, xmlSafe } from './safe-text.ts';

export interface GradedRow {
  submission: string;
  student: string;
  submittedAt?: string;
  /** Submitted after --deadline. */
  late?: boolean;
  result?: GradeResult;
  error?: string;
}

const T = {
  en: {
    noProgress: 'no credit: it passes only the checks the unchanged starter already passes',
    hidden: (n: number) => `hidden check ${n}`,
    hiddenFailed: (n: number) => `hidden check ${n} failed`,
    notMet: 'not met',
    error: 'error',
    late: 'late',
    allPassed: 'all checks pass',
    command: (n: number) => `command ${n}`,
    moreStopped: (n: number) => `${n} more commands stopped by the simulator's limits`,
  },
  'zh-cn': {
    noProgress: '不计分：它只通过了未修改的初始文件本来就能通过的检查',
    hidden: (n: number) => `隐藏检查 ${n}`,
    hiddenFailed: (n: number) => `隐藏检查 ${n} 未通过`,
    notMet: '未满足',
    error: '错误',
    late: '迟交',
    allPassed: '全部检查通过',
    command: (n: number) => `第 ${n} 条命令`,
    moreStopped: (n: number) => `另有 ${n} 条命令被模拟器的上限停止`,
  },
} as const;

export function strings(locale: Locale) {
  return T[locale];
}

/** The exercise's checks (or quiz questions) in order, with the names safe to show: hidden ones are numbered, never named. */
export function checkColumns(ex: Exercise): { id: string; label: string; hidden: boolean; index: number }[] {
  const list = ex.kind === 'quiz' ? ex.questions.map((q) => ({ id: q.id, hidden: false })) : ex.checks.map((c) => ({ id: c.id, hidden: c.hidden }));
  return list.map((c, i) => ({ ...c, index: i + 1, label: c.hidden ? `hidden-${i + 1}` : c.id }));
}

export function maxOf(ex: Exercise): number {
  const m = ex.kind === 'quiz' ? ex.questions.reduce((s, q) => s + q.weight, 0) : ex.checks.reduce((s, c) => s + c.weight, 0);
  return Math.round(m * 100) / 100;
}

export function scoreOf(r: GradedRow): number {
  return r.result?.score ?? 0;
}

export function percentOf(r: GradedRow, ex: Exercise): number {
  const max = maxOf(ex);
  return max ? Math.round((scoreOf(r) / max) * 1000) / 10 : 0;
}

/** A hint may be shown for a failed check only if it is not about a hidden check. */
function visibleHints(ex: Exercise, r: GradeResult): { id: string; text: { en: string; 'zh-cn': string }; failed?: string[] }[] {
  const hidden = new Set(ex.kind === 'quiz' ? [] : ex.checks.filter((c) => c.hidden).map((c) => c.id));
  return r.hints
    .map((h) => ({ ...h, failed: ex.hints.find((x) => x.id === h.id)?.when.failed }))
    .filter((h) => !h.failed || h.failed.some((id) => !hidden.has(id)));
}

export interface Reason {
  /** The check's column label (hidden-N for hidden checks), or null for the submission as a whole. */
  check: string | null;
  /** One line: what failed and why. */
  text: string;
  /** Located details: file:line:column, the finding and its fix. */
  details: string[];
}

/** Stopped commands named one by one in a row's reasons; the rest are counted. */
const MAX_STOPPED = 5;

/** Where a stopped command was written: commands.sh:3, else its number among the commands. */
function stoppedAt(s: StoppedCommand, locale: Locale): string {
  return s.file && s.line ? `${s.file}:${s.line}` : T[locale].command(s.command);
}

/**
 * Why a row lost points, worst first: the error, the commands a simulator limit stopped (what
 * stopped each one, where), no progress, then each failed check with its hint.
 */
export function reasons(r: GradedRow, ex: Exercise, locale: Locale): Reason[] {
  const t = T[locale];
  const out: Reason[] = [];
  if (r.error) out.push({ check: null, text: r.error, details: [] });
  const res = r.result;
  if (!res) return out;
  const stopped = res.stopped ?? [];
  for (const s of stopped.slice(0, MAX_STOPPED)) out.push({ check: null, text: `${stoppedAt(s, locale)}: ${s.note[locale]}`, details: [] });
  if (stopped.length > MAX_STOPPED) out.push({ check: null, text: t.moreStopped(stopped.length - MAX_STOPPED), details: [] });
  if (res.noProgress) out.push({ check: null, text: t.noProgress, details: [] });
  const cols = checkColumns(ex);
  const hints = visibleHints(ex, res);
  const locate = (f: (typeof res.findings)[number]) =>
    `${f.file}:${f.line}:${f.column}: ${f.rule}: ${f.message[locale]}\n  ${locale === 'en' ? 'fix' : '修复'}: ${f.remediation[locale]}`;
  res.checks.forEach((c: CheckResult, i) => {
    if (c.passed) return;
    const col = cols[i]!;
    if (col.hidden) {
      out.push({ check: col.label, text: t.hiddenFailed(col.index), details: [] });
      return;
    }
    const own = hints.filter((h) => h.failed?.includes(c.id)).map((h) => h.text[locale]);
    const quiz = c.feedback?.map((f) => f[locale]) ?? [];
    // No hint for it: the finding of the rules the check is about, with its place.
    const def = ex.kind === 'quiz' ? undefined : ex.checks[i];
    const rules = def?.template === 'no-finding' && Array.isArray(def.params.rules) ? (def.params.rules as string[]) : [];
    const f = res.findings.find((x) => rules.includes(x.rule));
    const fromFinding = f
      ? `${f.file}:${f.line}:${f.column}: ${f.message[locale]}`
      : def?.template === 'parses' && res.errors[0]
        ? `${res.errors[0].file}:${res.errors[0].line}:${res.errors[0].column}: ${res.errors[0].message}`
        : undefined;
    const why = [...own, ...quiz][0] ?? fromFinding;
    // The located findings about this check: its rules, or a rule named after it (drop-all → drop-all-capabilities).
    const related = res.findings.filter((x) => rules.includes(x.rule) || x.rule.startsWith(`${c.id}-`) || x.rule === c.id);
    out.push({ check: col.label, text: `${c.title[locale]}: ${why ?? t.notMet}`, details: [...own.slice(1), ...related.map(locate)] });
  });
  return out;
}

export function feedbackOf(r: GradedRow, ex: Exercise, locale: Locale): string {
  return reasons(r, ex, locale)[0]?.text ?? '';
}

export function totals(rows: GradedRow[], ex: Exercise): { score: number; max: number } {
  return { score: Math.round(rows.reduce((s, r) => s + scoreOf(r), 0) * 100) / 100, max: Math.round(maxOf(ex) * rows.length * 100) / 100 };
}

export function pointsLine(rows: GradedRow[], ex: Exercise): string {
  const t = totals(rows, ex);
  return `Points ${t.score}/${t.max}`;
}

function cellOf(r: GradedRow, i: number): string {
  const c = r.result?.checks[i];
  return c ? (c.passed ? 'ok' : 'FAIL') : '-';
}

/** The terminal table: one line per submission, the reason last; names are escaped. */
export function formatTable(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  const cols = checkColumns(ex);
  const t = T[locale];
  const header = ['submission', 'score', ...cols.map((c) => c.label), 'feedback'];
  const body = rows.map((r) => [
    termSafe(r.submission) + (r.late ? ` (${t.late})` : ''),
    `${scoreOf(r)}/${maxOf(ex)}`,
    ...cols.map((_, i) => cellOf(r, i)),
    termSafe(feedbackOf(r, ex, locale) || (r.error ? '' : t.allPassed)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...body.map(line), pointsLine(rows, ex)].join('\n')}\n`;
}

/** The gradebook CSV: student, score, max, percent, points per check, feedback (and late when --deadline is given). */
export function formatCsv(rows: GradedRow[], ex: Exercise, locale: Locale, withLate = false): string {
  const cols = checkColumns(ex);
  return stringify([
    ['student', 'submission', 'score', 'max', 'percent', ...cols.map((c) => c.label), 'feedback', ...(withLate ? ['submitted_at', 'late'] : [])],
    ...rows.map((r) =>
      [
        r.student,
        r.submission,
        scoreOf(r),
        maxOf(ex),
        percentOf(r, ex),
        ...cols.map((_, i) => r.result?.checks[i]?.points ?? 0),
        feedbackOf(r, ex, locale),
        ...(withLate ? [r.submittedAt ?? '', r.late ? 'yes' : 'no'] : []),
      ].map(csvSafe),
    ),
  ]);
}

/**
 * Canvas's gradebook import: the columns Student, ID, SIS User ID, SIS Login ID and
 * Section, then one column per assignment, named "<title> (<id>)"; Canvas matches a row
 * to a student by its SIS User ID (here: the student id) and ignores the empty ones.
 */
export function formatCanvas(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  const assignment = `${ex.title[locale]} (${ex.id})`;
  return stringify([
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', assignment],
    ['Points Possible', '', '', '', '', maxOf(ex)],
    ...rows.map((r) => [r.student, '', r.student, r.student, '', scoreOf(r)].map(csvSafe)),
  ]);
}

/**
 * Moodle's "Import grades from CSV": one identifier column (map it to "ID number" or
 * "Username" on import), a grade column and a feedback column ("Feedback for …").
 */
export function formatMoodle(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  return stringify([['ID number', ex.id, `Feedback ${ex.id}`], ...rows.map((r) => [r.student, scoreOf(r), feedbackOf(r, ex, locale)].map(csvSafe))]);
}

export function formatJson(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  const t = totals(rows, ex);
  const cols = checkColumns(ex);
  return `${JSON.stringify(
    {
      exercise: ex.id,
      points: t,
      submissions: rows.map((r) => ({
        student: r.student,
        submission: r.submission,
        submittedAt: r.submittedAt ?? null,
        late: r.late ?? false,
        score: scoreOf(r),
        max: maxOf(ex),
        percent: percentOf(r, ex),
        error: r.error ?? null,
        noProgress: r.result?.noProgress ?? false,
        feedback: feedbackOf(r, ex, locale),
        checks: (r.result?.checks ?? []).map((c, i) => ({
          id: cols[i]!.label,
          title: cols[i]!.hidden ? T[locale].hidden(cols[i]!.index) : c.title[locale],
          passed: c.passed,
          points: c.points,
          max: c.max,
          hidden: c.hidden,
        })),
        hints: r.result ? visibleHints(ex, r.result).map((h) => ({ id: h.id, text: h.text[locale] })) : [],
        findings: (r.result?.findings ?? []).map((f) => ({
          rule: f.rule,
          severity: f.severity,
          file: f.file,
          line: f.line,
          column: f.column,
          path: f.path,
          container: f.container ?? null,
          message: f.message[locale],
        })),
      })),
    },
    null,
    2,
  )}\n`;
}

/** JUnit XML: one testsuite per submission; a failure's message is the reason, its body the located findings and the fix. */
export function formatJunit(rows: GradedRow[], ex: Exercise, locale: Locale): string {
  const x = xmlSafe;
  const cols = checkColumns(ex);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: x(`container-course grade ${ex.id}`) });
  for (const r of rows) {
    const checks = r.result?.checks ?? [];
    const why = reasons(r, ex, locale);
    const suite = root.ele('testsuite', {
      name: x(r.submission),
      tests: Math.max(1, checks.length),
      failures: checks.filter((c) => !c.passed).length,
      errors: r.error ? 1 : 0,
    });
    suite
      .ele('properties')
      .ele('property', { name: 'student', value: x(r.student) })
      .up()
      .ele('property', { name: 'score', value: `${scoreOf(r)}/${maxOf(ex)}` });
    if (r.error)
      suite
        .ele('testcase', { classname: x(r.submission), name: 'submission' })
        .ele('error', { message: x(r.error) })
        .txt(x(r.error));
    const general = why.filter((w) => w.check === null && w.text !== r.error).map((w) => w.text);
    checks.forEach((c, i) => {
      const col = cols[i]!;
      const tc = suite.ele('testcase', { classname: x(r.submission), name: x(col.hidden ? T[locale].hidden(col.index) : `${c.id}: ${c.title[locale]}`) });
      if (!c.passed) {
        const w = why.find((y) => y.check === col.label);
        const message = w?.text ?? T[locale].notMet;
        tc.ele('failure', { message: x(message), type: col.label }).txt(x([...general, message, ...(w?.details ?? [])].join('\n')));
      } else if (r.result?.noProgress) {
        tc.ele('failure', { message: x(T[locale].noProgress), type: 'no-progress' }).txt(x(T[locale].noProgress));
      }
    });
  }
  return `${root.end({ prettyPrint: true })}\n`;
}

/** Exercism's test-runner interface, version 3: one results.json object per submission. */
export function exercismResults(r: GradedRow, ex: Exercise, locale: Locale): Record<string, unknown> {
  if (r.error && !r.result) return { version: 3, status: 'error', message: r.error.slice(0, 65535), tests: [] };
  const res = r.result!;
  const cols = checkColumns(ex);
  const why = reasons(r, ex, locale);
  const all = res.checks.every((c) => c.passed) && !res.noProgress && !r.error;
  return {
    version: 3,
    status: all ? 'pass' : r.error ? 'error' : 'fail',
    ...(r.error ? { message: r.error.slice(0, 65535) } : res.noProgress ? { message: T[locale].noProgress } : {}),
    tests: res.checks.map((c, i) => {
      const col = cols[i]!;
      const w = why.find((y) => y.check === col.label);
      return {
        name: col.hidden ? T[locale].hidden(col.index) : c.title[locale],
        test_code: col.hidden ? '' : col.label,
        status: c.passed && !res.noProgress ? 'pass' : 'fail',
        ...(c.passed && !res.noProgress
          ? {}
          : { message: (c.passed ? T[locale].noProgress : [w?.text ?? T[locale].notMet, ...(w?.details ?? [])].join('\n')).slice(0, 65535) }),
        task_id: i + 1,
      };
    }),
  };
}
