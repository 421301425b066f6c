/** `container-course ref <reference>`: parse and explain an image reference, as Docker reads it. */
import { explainReference, type Locale } from '../oci/explain.ts';
import { parseCommandLine, type FlagDef } from './checker-io.ts';
import type { Subcommand } from './io.ts';

export const summary = { en: 'parse and explain an image reference' };

const USAGE = `Usage: container-course ref <reference> [--json] [--locale en|zh-cn]

Parse an image reference with Docker's grammar (github.com/distribution/reference)
and explain each part: registry host, repository path, tag and digest.

Examples:
  container-course ref alpine
  container-course ref registry:5000/app          (':5000' is a port: the image is untagged)
  container-course ref nginx:1.25@sha256:<64 hex>  (a digest pins the image)

Options:
  --json                  print the result as JSON
  --locale en|zh-cn       language of the explanations (default: en)
  -h, --help              show this help

Exit status: 0 valid, 1 invalid reference, 2 usage error.
`;

const flags: Record<string, FlagDef> = {
  json: { type: 'boolean' },
  locale: { type: 'string', choices: ['en', 'zh-cn'] },
  help: { type: 'boolean', short: 'h' },
};

export const run: Subcommand = async (argv, io) => {
  const p = parseCommandLine('ref', argv, flags, USAGE, io);
  if (typeof p === 'number') return p;
  if (p.args.length !== 1) {
    io.stderr(`container-course ref: ${p.args.length ? 'expected one reference' : 'missing reference'}\n\n${USAGE}`);
    return 2;
  }
  const locale = (p.flags.locale as Locale | undefined) ?? 'en';
  const r = explainReference(p.args[0]!, locale);
  if (p.flags.json) {
    io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return r.valid ? 0 : 1;
  }
  if (!r.valid) {
    // A long input is shown clipped: the error is about its start, not its 100,000th character.
    const shown = r.input.length > 200 ? `${JSON.stringify(r.input.slice(0, 200))}… (${r.input.length} characters)` : JSON.stringify(r.input);
    io.stdout(`${shown}: ${r.error}\n`);
    return 1;
  }
  const label = locale === 'en' ? { normalized: 'normalized', familiar: 'familiar' } : { normalized: '规范形式', familiar: '简写形式' };
  // The parts keep their names (the --json field names) in English; in Chinese the glossary term follows.
  const partLabel: Record<string, string> =
    locale === 'en'
      ? {}
      : { domain: 'domain 主机', path: 'path 路径', namespace: 'namespace 命名空间', repository: 'repository 仓库', tag: 'tag 标签', digest: 'digest 摘要' };
  const rows: [string, string][] = [
    [label.normalized, r.normalized!],
    [label.familiar, r.familiar!],
  ];
  // CJK characters take two terminal columns.
  const cols = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - cols(s)));
  const partName = (part: string) => partLabel[part] ?? part;
  const width = Math.max(...rows.map(([k]) => cols(k)), ...r.explained.map((e) => cols(partName(e.part))));
  const out = rows.map(([k, v]) => `${pad(k, width)}  ${v}`);
  for (const e of r.explained) out.push(`${pad(partName(e.part), width)}  ${e.text}`);
  io.stdout(`${out.join('\n')}\n`);
  return 0;
};
