/**
 * `container-course check --format junit`. Apart from the other formats because xmlbuilder2
 * (with its DOM) is a quarter of the command's code: `check` loads it only when asked for.
 */
import { create } from 'xmlbuilder2';
import type { FileResult, Locale } from '../checker/types.ts';
import { where } from './check-format.ts';
import { xmlSafe } from './safe-text.ts';

export function formatJunit(results: FileResult[], locale: Locale): string {
  // Any input gives well-formed XML: characters XML 1.0 forbids are written as visible escapes.
  const x = xmlSafe;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: 'container-course check',
    tests: results.reduce((n, r) => n + Math.max(1, r.findings.length), 0),
    failures: results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0),
  });
  for (const r of results) {
    const suite = root.ele('testsuite', {
      name: x(r.file),
      tests: Math.max(1, r.findings.length),
      failures: r.findings.filter((f) => f.severity === 'error').length,
    });
    if (!r.findings.length) suite.ele('testcase', { classname: x(r.file), name: 'no findings' });
    for (const f of r.findings) {
      const tc = suite.ele('testcase', { classname: x(r.file), name: x(`${f.rule} ${f.path}`) });
      const body = `${f.file}:${f.line}:${f.column}: ${f.message[locale]}${where(f)}\n${f.remediation[locale]}`;
      if (f.severity === 'error') tc.ele('failure', { message: x(f.message[locale]), type: f.rule }).txt(x(body));
      else tc.ele('system-out').txt(x(`${f.severity}: ${body}`));
    }
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
