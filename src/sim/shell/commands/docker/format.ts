/** Go text/tabwriter as the Docker CLI configures it: minwidth, padding 3, space padded; the last cell is not padded. */
export function tabwrite(rows: string[][], minWidth = 10, padding = 3): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => {
    if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? 0, [...cell].length + padding, minWidth);
  });
  return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell + ' '.repeat((widths[i] as number) - [...cell].length) : cell)).join('')).join('\n') + '\n';
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

function lookupPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function goString(v: unknown): string {
  // The CLI runs templates on typed structs: a nil pointer or slice prints <nil>; only a
  // missing map key prints <no value>.
  if (v === null) return '<nil>';
  if (v === undefined) return '<no value>';
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (typeof v === 'object') return `map[${Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => `${k}:${goString(x)}`).join(' ')}]`;
  return String(v);
}

export class TemplateError extends Error {}

/**
 * The subset of Go templates the lessons use: `{{.A.B}}`, `{{json .A}}`, `{{.A | json}}`,
 * literal text and `\t`/`\n` escapes as the Docker CLI passes them.
 */
export function renderTemplate(tpl: string, data: unknown): string {
  return tpl.replace(/\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    let m = /^json\s+(\.[\w.]*)$/.exec(expr) ?? /^(\.[\w.]*)\s*\|\s*json$/.exec(expr);
    if (m) return JSON.stringify(lookupPath(data, m[1] as string) ?? null);
    m = /^(\.[\w.]*)$/.exec(expr);
    if (m) {
      const path = m[1] as string;
      const v = lookupPath(data, path);
      if (v === undefined && path !== '.') {
        const field = path.split('.').filter(Boolean).pop();
        throw new TemplateError(`template: :1:${tpl.indexOf('{{') + 3}: executing "" at <${path}>: map has no entry for key "${field}"`);
      }
      return goString(v);
    }
    throw new TemplateError(`template: :1: function "${expr.split(/\s+/)[0]}" not defined`);
  });
}

/** Renders `-f` templates over inspect documents (or prints them as JSON), as docker inspect does. */
export function templated(docs: Record<string, unknown>[], fmt: string | undefined, err: string): { stdout: string; stderr: string; exitCode: number } {
  const status = err ? 1 : 0;
  if (!fmt) return { stdout: `${JSON.stringify(docs, null, 4)}\n`, stderr: err, exitCode: status };
  try {
    return { stdout: docs.map((d) => `${renderTemplate(fmt.replace(/\\t/g, '\t').replace(/\\n/g, '\n'), d)}\n`).join(''), stderr: err, exitCode: status };
  } catch (e) {
    if (e instanceof TemplateError) return { stdout: '', stderr: `${e.message}\n`, exitCode: 1 };
    throw e;
  }
}
