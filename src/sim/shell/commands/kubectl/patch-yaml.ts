/**
 * A YAML patch's parse error in go-yaml's words (sigs.k8s.io/yaml's goyaml.v2 under kubectl v1.30: the scanner's and
 * parser's problems; parser.fail() prints `line N: ` from the problem's mark, 0-based, plus one for a scanner error,
 * and nothing when that line is 0). The `yaml` package finds the same mistakes with other words and positions: the
 * classes below are mapped where the mark can be told from the text, each checked against kubectl v1.30.13
 * (`patch --local -f pod.yaml -p …`):
 * - a `key: value: more` (BLOCK_AS_IMPLICIT_KEY): `mapping values are not allowed in this context` at the second `:`;
 * - an unclosed quote (to the end): `found unexpected end of stream`, at the end;
 * - `@`, `` ` `` or `%` starting a value, a tab starting the first line: `found character that cannot start any token`;
 * - an unclosed `[`/`{` on the last line: `did not find expected ',' or ']'` at the stream's end (a line past the last),
 *   `did not find expected node content` after a last `,`;
 * - a mapping item indented off its siblings: `did not find expected key`, or `did not find expected '-' indicator`
 *   when the lines before it at its column are a sequence's items;
 * - a last line with no `:` after a mapping: `could not find expected ':'`, at the stream's end;
 * - an alias to no anchor: `unknown anchor 'x' referenced`.
 * Anything else keeps the `yaml` package's words.
 */

/** 0-based line of an offset. */
const lineAt = (text: string, pos: number) => text.slice(0, pos).split('\n').length - 1;
/** The stream end's line: the last line's, one more when that line is not empty (yaml_parser_fetch_stream_end). */
const endLine = (text: string) => {
  const lines = text.split('\n');
  return lines.length - 1 + (lines.at(-1) ? 1 : 0);
};
const where = (line: number) => (line ? `line ${line}: ` : '');
/** A scanner error's place: its 0-based line plus one, nothing on the first line. */
const scanWhere = (line: number) => where(line === 0 ? 0 : line + 1);

interface YamlError {
  code?: string;
  message: string;
  pos?: [number, number];
}

/** go-yaml's `yaml: …` for this error, or undefined. */
export function goYamlError(text: string, e: YamlError): string | undefined {
  const pos = e.pos?.[0] ?? -1;
  const first = e.message.split('\n')[0]!;
  const alias = /^Unresolved alias \(the anchor must be set before the alias\): (.*)$/.exec(first);
  if (alias) return `unknown anchor '${alias[1]}' referenced`;
  if (pos < 0) return undefined;
  const lines = text.split('\n');
  const line = lineAt(text, pos);
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const m = /:(?=[ \t\n]|$)/.exec(text.slice(pos));
      if (!m) return undefined;
      return `${scanWhere(lineAt(text, pos + m.index))}mapping values are not allowed in this context`;
    }
    case 'TAB_AS_INDENT':
      return line === 0 && text.startsWith('\t') ? 'found character that cannot start any token' : undefined;
    case 'BAD_SCALAR_START':
      return '@`%'.includes(text[pos] ?? '') ? `${scanWhere(line)}found character that cannot start any token` : undefined;
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])quote/.exec(first)?.[1];
      if (quote) {
        const open = text.lastIndexOf(quote, pos);
        if (open < 0 || text.indexOf(quote, open + 1) >= 0) return undefined;
        return `${scanWhere(lines.length - 1)}found unexpected end of stream`;
      }
      if (first.startsWith('Implicit map keys need to be followed by map values') && line === lines.length - 1 && !lines[line]!.includes(':'))
        return `line ${endLine(text) + 1}: could not find expected ':'`;
      return undefined;
    }
    case 'BAD_INDENT': {
      const flow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(first);
      if (flow) {
        const open = text.lastIndexOf(flow[1] === 'map' ? '{' : '[', pos);
        const rest = text.slice(open);
        if (open < 0 || rest.includes('\n') || rest.includes(flow[2]!)) return undefined;
        // After a last `,` the parser wants a node where the stream ends.
        if (/,\s*$/.test(rest)) return `${where(endLine(text))}did not find expected node content`;
        return `${where(endLine(text))}did not find expected ',' or '${flow[2]}'`;
      }
      if (!first.startsWith('All mapping items must start at the same column')) return undefined;
      const indent = (l: string) => l.length - l.trimStart().length;
      const col = indent(lines[line]!);
      const before = lines.slice(0, line).filter((l) => l.trim() && indent(l) <= col);
      const sibling = before.at(-1);
      const dash = sibling !== undefined && indent(sibling) === col && /^-(\s|$)/.test(sibling.trimStart());
      return `${where(line)}did not find expected ${dash ? "'-' indicator" : 'key'}`;
    }
  }
  return undefined;
}
