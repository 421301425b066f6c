/**
 * The Docker CLI's list formatter (docker/cli@v27.3.1:cli/command/formatter/formatter.go):
 * `table …` prints a header row from the context's header map through HeaderFunctions and
 * aligns with tabwriter(10, 1, 3, ' ', 0); `json` is `{{json .}}`; `\t`/`\n` are unescaped;
 * a bad template fails as "template parsing error: template: :1: …" (exit 1).
 */
import { HEADER_FUNCS, parseTemplate, TemplateError } from './template/index.ts';
import { tabwriter } from './tabwriter.ts';

export interface ListResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Context.preFormat: strip "table", map "json", trim spaces, unescape \t and \n. */
export function preFormat(format: string): { tpl: string; table: boolean } {
  let f = format;
  const table = f.startsWith('table');
  if (table) f = f.slice('table'.length);
  else if (f === 'json') f = '{{json .}}';
  f = f.replace(/^ +| +$/g, '').replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { tpl: f, table };
}

/** Context.Write over `rows` (typed contexts) with the header map of the context. */
export function writeList(format: string, rows: unknown[], header: Record<string, string>): ListResult {
  const { tpl, table } = preFormat(format);
  let t;
  try {
    t = parseTemplate(tpl);
  } catch (e) {
    if (e instanceof TemplateError) return { stdout: '', stderr: `template parsing error: ${e.message}\n`, exitCode: 1 };
    throw e;
  }
  let body = '';
  for (const r of rows) {
    try {
      body += `${t.run(r)}\n`;
    } catch (e) {
      if (e instanceof TemplateError) return { stdout: '', stderr: `template parsing error: ${e.message}\n`, exitCode: 1 };
      throw e;
    }
  }
  if (!table) return { stdout: body, stderr: '', exitCode: 0 };
  // postFormat: the header's execution error is ignored; what it wrote stays.
  let head: string;
  try {
    head = t.run(header, { funcs: HEADER_FUNCS });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    head = e.partial;
  }
  return { stdout: tabwriter(`${head}\n${body}`, 10, 3), stderr: '', exitCode: 0 };
}
