/**
 * `kubectl get -o custom-columns=HEADER:JSONPATH,…` and `-o custom-columns-file=FILE`
 * (kubernetes/kubectl@v0.30.5:pkg/cmd/get/customcolumn.go, customcolumn_flags.go): the columns of a spec or of a
 * two-line template file, each cell its JSONPath's results (missing keys allowed) printed with fmt.Sprint and joined
 * by commas, `<none>` when there are none, through kubectl's tabwriter (minwidth 6, padding 3). Every text here was
 * also checked against a real kubectl v1.30.13 talking to a stub API server.
 */
import type { KObject } from '../../../k8s/types.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import { evalPath, JsonPathError } from './jsonpath.ts';
import { isObj } from './obj.ts';

export interface Column {
  header: string;
  /** The JSONPath template RelaxedJSONPathExpression made (`{.metadata.name}`), or '' for an empty spec. */
  field: string;
}

/** customcolumn.go jsonRegexp / RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
export function relaxedJsonPath(path: string): string | { error: string } {
  if (!path) return path;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(path);
  if (!m) return { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  return `{.${m[1] ?? m[2]}}`;
}

export const NO_COLUMNS = 'custom-columns format specified but no custom columns given';

/** NewCustomColumnsPrinterFromSpec: comma-separated HEADER:PATH pairs. */
export function columnsFromSpec(spec: string): Column[] | { error: string } {
  if (!spec) return { error: NO_COLUMNS };
  const columns: Column[] = [];
  for (const part of spec.split(',')) {
    const at = part.indexOf(':');
    if (at < 0) return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const field = relaxedJsonPath(part.slice(at + 1));
    if (typeof field !== 'string') return field;
    columns.push({ header: part.slice(0, at), field });
  }
  return columns;
}

/** bufio.ScanWords: runs of Unicode white space separate the words. */
const words = (line: string) => line.split(/\s+/u).filter(Boolean);

/** NewCustomColumnsPrinterFromTemplate: a line of headers, a line of paths, as many of each. */
export function columnsFromTemplate(text: string): Column[] | { error: string } {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (text === '')
    return {
      error: 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.',
    };
  if (lines.length < 2 || (lines.length === 2 && lines[1] === ''))
    return { error: 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.' };
  const headers = words(lines[0]!);
  const specs = words(lines[1]!);
  if (headers.length !== specs.length) return { error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` };
  const columns: Column[] = [];
  for (const [i, header] of headers.entries()) {
    const field = relaxedJsonPath(specs[i]!);
    if (typeof field !== 'string') return field;
    columns.push({ header, field });
  }
  return columns;
}

/** fmt.Sprint of a value decoded from JSON: maps as `map[k:v …]` (keys sorted), slices as `[a b]`, null as `<nil>`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isObj(v))
    return `map[${Object.keys(v)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((k) => `${k}:${goSprint(v[k])}`)
      .join(' ')}]`;
  return String(v);
}

/** cli-runtime printers.EscapeTerminal: ESC and CR are shown, not sent to the terminal. */
const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/**
 * CustomColumnsPrinter.PrintObj over a List: the header (unless --no-headers; a file's template always has one), then a
 * row per object. A JSONPath error (an index out of range) stops the printing; what was written before it is flushed.
 */
export function printColumns(columns: Column[], items: KObject[], noHeaders: boolean): { stdout: string; stderr: string } {
  const lines: string[] = noHeaders ? [] : [columns.map((c) => c.header).join('\t')];
  let stderr = '';
  try {
    for (const o of items) {
      const cells = columns.map((c) => {
        const values = c.field ? evalPath(o, c.field.slice(1, -1)) : [];
        return values.length ? values.map((v) => escapeTerminal(goSprint(v))).join(',') : '<none>';
      });
      lines.push(cells.join('\t'));
    }
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    stderr = `error: ${e.message}\n`;
  }
  return { stdout: lines.length ? tabwriter(`${lines.join('\n')}\n`, 6, 3) : '', stderr };
}
