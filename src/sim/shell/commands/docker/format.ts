import { tabwriter } from '../../kit/tabwriter.ts';
import { parseTemplate, TemplateError } from '../../kit/template/index.ts';

export { TemplateError };

/** Rows through Go's text/tabwriter as the Docker CLI configures it (minwidth 10, padding 3). */
export function tabwrite(rows: string[][], minWidth = 10, padding = 3): string {
  return tabwriter(`${rows.map((r) => r.join('\t')).join('\n')}\n`, minWidth, padding);
}

/** go-units HumanDuration. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(ms / 3_600_000);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}

/** go-units BytesSize / HumanSize as `docker stats` prints (binary units, 4 significant digits). */
export function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

/**
 * docker inspect (docker/cli@v27.3.1:cli/command/inspect/inspector.go): no format prints the
 * documents indented ("[]" when none was found), `json` compact; a template that does not parse
 * fails with StatusError 64 before any lookup; one that fails on an object adds
 * "template parsing error: …" to the errors (exit 1); an empty buffer prints an empty line.
 */
export function templated(
  docs: Record<string, unknown>[],
  fmt: string | undefined,
  err: string,
  typed: unknown[] = [],
): { stdout: string; stderr: string; exitCode: number } {
  if (!fmt || fmt === 'json') {
    const out = fmt ? JSON.stringify(docs) : JSON.stringify(docs, null, 4);
    return { stdout: `${out}\n`, stderr: err, exitCode: err ? 1 : 0 };
  }
  let t;
  try {
    t = parseTemplate(fmt);
  } catch (e) {
    if (e instanceof TemplateError) return { stdout: '', stderr: `template parsing error: ${e.message}\n`, exitCode: 64 };
    throw e;
  }
  let buffer = '';
  let errors = err;
  for (const [i, d] of docs.entries()) {
    try {
      // The typed run first (where the document has a typed view, inspect-typed.ts); when it
      // fails, the CLI runs the template on the raw JSON map with missingkey=error, which is what
      // these documents are (tryRawInspectFallback).
      const view = typed[i];
      let text: string | undefined;
      if (view !== undefined) {
        try {
          text = t.run(view);
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
        }
      }
      buffer += `${text ?? t.run(d, { missingKeyError: true })}\n`;
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      errors += `template parsing error: ${e.message}\n`;
    }
  }
  return { stdout: buffer || '\n', stderr: errors, exitCode: errors ? 1 : 0 };
}
