/** A report per student to hand back: Markdown or a self-contained HTML page, in the chosen locale. */
import type { Locale } from '../checker/types.ts';
import type { Exercise } from '../schemas/exercise.ts';
import { checkColumns, maxOf, percentOf, reasons, scoreOf, strings, type GradedRow } from './grade-format.ts';

const L = {
  en: {
    report: 'Report',
    exercise: 'Exercise',
    score: 'Score',
    check: 'Check',
    result: 'Result',
    why: 'What to fix',
    pass: 'pass',
    fail: 'fail',
    late: 'Submitted after the deadline',
    submitted: 'Submitted',
  },
  'zh-cn': {
    report: '成绩报告',
    exercise: '练习',
    score: '得分',
    check: '检查',
    result: '结果',
    why: '需要修改的地方',
    pass: '通过',
    fail: '未通过',
    late: '在截止时间之后提交',
    submitted: '提交时间',
  },
} as const;

function rowsOf(r: GradedRow, ex: Exercise, locale: Locale) {
  const cols = checkColumns(ex);
  return (r.result?.checks ?? []).map((c, i) => ({
    name: cols[i]!.hidden ? strings(locale).hidden(cols[i]!.index) : c.title[locale],
    passed: c.passed && !r.result?.noProgress,
    points: `${c.points}/${c.max}`,
  }));
}

const mdEscape = (s: string) => s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, ' ');

export function markdownReport(r: GradedRow, ex: Exercise, locale: Locale): string {
  const l = L[locale];
  const out = [
    `# ${l.report}: ${mdEscape(r.student)}`,
    '',
    `${l.exercise}: ${mdEscape(`${ex.id} — ${ex.title[locale]}`)}  `,
    `${l.score}: **${scoreOf(r)}/${maxOf(ex)}** (${percentOf(r, ex)}%)`,
    ...(r.submittedAt ? ['', `${l.submitted}: ${mdEscape(r.submittedAt)}${r.late ? ` — ${l.late}` : ''}`] : []),
    '',
    `| ${l.check} | ${l.result} |`,
    '|---|---|',
    ...rowsOf(r, ex, locale).map((c) => `| ${mdEscape(c.name)} | ${c.passed ? l.pass : l.fail} (${c.points}) |`),
  ];
  const why = reasons(r, ex, locale);
  if (why.length) {
    out.push('', `## ${l.why}`, '');
    for (const w of why) {
      out.push(`- ${mdEscape(w.text)}`);
      for (const d of w.details) out.push('', '  ```text', ...d.split('\n').map((x) => `  ${x.replace(/`/g, "'")}`), '  ```');
    }
  }
  return `${out.join('\n')}\n`;
}

const h = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');

export function htmlReport(r: GradedRow, ex: Exercise, locale: Locale): string {
  const l = L[locale];
  const why = reasons(r, ex, locale);
  return `<!doctype html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(`${l.report}: ${r.student} — ${ex.id}`)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}.pass{color:#0a6b2d}.fail{color:#a4000f}pre{background:#f3f3f3;padding:.5rem;overflow:auto;white-space:pre-wrap}</style>
</head>
<body>
<main>
<h1>${h(`${l.report}: ${r.student}`)}</h1>
<p>${h(l.exercise)}: ${h(`${ex.id} — ${ex.title[locale]}`)}<br>${h(l.score)}: <strong>${scoreOf(r)}/${maxOf(ex)}</strong> (${percentOf(r, ex)}%)</p>
${r.submittedAt ? `<p>${h(l.submitted)}: ${h(r.submittedAt)}${r.late ? ` — <strong>${h(l.late)}</strong>` : ''}</p>\n` : ''}<table>
<thead><tr><th scope="col">${h(l.check)}</th><th scope="col">${h(l.result)}</th></tr></thead>
<tbody>
${rowsOf(r, ex, locale)
  .map((c) => `<tr><td>${h(c.name)}</td><td class="${c.passed ? 'pass' : 'fail'}">${c.passed ? l.pass : l.fail} (${c.points})</td></tr>`)
  .join('\n')}
</tbody>
</table>
${why.length ? `<h2>${h(l.why)}</h2>\n<ul>\n${why.map((w) => `<li>${h(w.text)}${w.details.map((d) => `<pre>${h(d)}</pre>`).join('')}</li>`).join('\n')}\n</ul>\n` : ''}</main>
</body>
</html>
`;
}
