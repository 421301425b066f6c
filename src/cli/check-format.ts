/** Output formats of `container-course check`: text, json and sarif (2.1.0); junit is in check-junit.ts, loaded only when asked for. */
import { RULES_BY_ID } from '../checker/rules/index.ts';
import type { FileResult, Finding, Locale } from '../checker/types.ts';
import { termSafe } from './safe-text.ts';

export function where(f: Finding): string {
  const parts: string[] = [];
  if (f.object) parts.push(`${f.object.kind}/${f.object.name}`);
  if (f.container) parts.push(`container ${f.container}`);
  if (f.pss) parts.push(`PodSecurity ${f.pss}`);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

export function formatText(results: FileResult[], locale: Locale): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      out.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message[locale]}${where(f)}`);
      out.push(`    ${f.path}`);
      if (f.origin && f.origin.from !== 'container') {
        const o = f.origin;
        const text =
          locale === 'en'
            ? o.from === 'pod'
              ? `inherited from the pod spec, line ${o.line}`
              : o.from === 'default'
                ? 'not set anywhere: the Kubernetes default applies'
                : `from the ${o.from}`
            : o.from === 'pod'
              ? `继承自 Pod 规约，第 ${o.line} 行`
              : o.from === 'default'
                ? '未在任何地方设置：使用 Kubernetes 默认值'
                : `来自${o.from === 'image' ? '镜像' : o.from}`;
        out.push(`    ${locale === 'en' ? 'effective value' : '生效值'}: ${JSON.stringify(f.value ?? null)} (${text})`);
      }
      out.push(`    ${locale === 'en' ? 'fix' : '修复'}: ${f.remediation[locale]}`);
    }
  }
  const files = results.length;
  const failed = results.filter((r) => !r.passed).length;
  out.push(
    locale === 'en'
      ? `${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ${failed ? `${failed} failed` : 'all passed'}`
      : `已检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告；${failed ? `${failed} 个未通过` : '全部通过'}`,
  );
  // File names and manifest values are the author's: no control sequence reaches the terminal raw.
  return `${out.map(termSafe).join('\n')}\n`;
}

export function formatJson(results: FileResult[], locale: Locale): string {
  const doc = {
    passed: results.every((r) => r.passed),
    files: results.map((r) => ({
      file: r.file,
      passed: r.passed,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message[locale],
        line: f.line,
        column: f.column,
        path: f.path,
        object: f.object ?? null,
        container: f.container ?? null,
        value: f.value ?? null,
        origin: f.origin ?? null,
        remediation: f.remediation[locale],
        ...(f.pss ? { pss: f.pss } : {}),
        ...(f.fix ? { fix: f.fix.ops } : {}),
      })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: FileResult[], locale: Locale, version: string): string {
  const used = [...new Set(results.flatMap((r) => r.findings.map((f) => f.rule)))];
  const rules = used.map((id) => {
    const r = RULES_BY_ID.get(id);
    return {
      id,
      name: id,
      shortDescription: { text: r ? r.title[locale] : id },
      help: { text: r ? r.remediation[locale] : '' },
      defaultConfiguration: { level: r ? SARIF_LEVEL[r.severity] : 'error' },
      properties: { category: r?.category ?? 'input' },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'container-course', version, rules } },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: used.indexOf(f.rule),
            level: SARIF_LEVEL[f.severity],
            message: { text: `${f.message[locale]}${where(f)}` },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri: f.file === '-' ? 'stdin' : f.file }, region: { startLine: f.line, startColumn: f.column } },
                logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }],
              },
            ],
            properties: { object: f.object ?? null, container: f.container ?? null, value: f.value ?? null, origin: f.origin ?? null },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
