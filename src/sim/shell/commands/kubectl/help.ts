/**
 * `kubectl VERB --help` / `-h`, bare `kubectl` and `kubectl options`: kubectl v1.30's help pages. Each page's text
 * (help/*.ts, loaded only when asked) is what kubectl prints when stdout is not a terminal; on a terminal kubectl
 * word-wraps it to the terminal's width, and this module does the same:
 *   - kubernetes/kubectl@v0.30.5:pkg/util/templates/templater.go HelpFunc: the page goes through
 *     term.NewResponsiveWriter, which wraps at 80, 100 or 120 columns (the largest that fits; none under 80);
 *   - kubernetes/kubectl@v0.30.5:pkg/util/templates/help_flags_printer.go PrintHelpFlag: each flag's usage is wrapped
 *     first at that limit less 10 (`offset`) and its lines indented with a tab;
 *   - kubernetes/kubectl@v0.30.5:pkg/util/term/term_writer.go getTerminalLimitWidth, GetWordWrapperLimit.
 */
import type { CmdEnv } from '../../types.ts';

const PAGES: Record<string, () => Promise<{ default: string }>> = {
  '': () => import('./help/root.ts'),
  options: () => import('./help/options.ts'),
  apply: () => import('./help/apply.ts'),
  config: () => import('./help/config.ts'),
  'config current-context': () => import('./help/config-current-context.ts'),
  create: () => import('./help/create.ts'),
  'create deployment': () => import('./help/create-deployment.ts'),
  'create namespace': () => import('./help/create-namespace.ts'),
  debug: () => import('./help/debug.ts'),
  delete: () => import('./help/delete.ts'),
  describe: () => import('./help/describe.ts'),
  exec: () => import('./help/exec.ts'),
  explain: () => import('./help/explain.ts'),
  get: () => import('./help/get.ts'),
  label: () => import('./help/label.ts'),
  logs: () => import('./help/logs.ts'),
  run: () => import('./help/run.ts'),
  version: () => import('./help/version.ts'),
};

/** The help page of `kubectl` (''), `kubectl options` or a verb (`config current-context`), wrapped as on env's terminal; undefined for a page node1 has not got. */
export async function helpPage(page: string, env: Pick<CmdEnv, 'columns' | 'tty'>): Promise<string | undefined> {
  const load = Object.hasOwn(PAGES, page) ? PAGES[page] : undefined;
  if (!load) return undefined;
  const text = (await load()).default;
  return wrapPage(text, env.tty ? limitFor(env.columns) : 0);
}

/** term_writer.go getTerminalLimitWidth. */
export const limitFor = (columns: number): number => (columns >= 120 ? 120 : columns >= 100 ? 100 : columns >= 80 ? 80 : 0);

/** A page as a terminal of this limit shows it (0: as printed to a pipe, unwrapped). */
export function wrapPage(text: string, limit: number): string {
  if (limit === 0) return text;
  // The flags: "    -o, --output='':\n\tUSAGE" blocks after "Options:" (or after `kubectl options`' heading).
  const start = /(^|\n)(Options:\n|The following options can be passed to any command:\n\n)/.exec(text);
  let body = text;
  if (start) {
    const from = start.index + start[0].length;
    const usageAt = text.indexOf('\n\nUsage:\n', from);
    const to = usageAt < 0 ? text.length : usageAt;
    const flags = text
      .slice(from, to)
      .replace(/^( {4}[^\n]*:)\n\t([^\n]*)$/gm, (_m, head: string, usage: string) => `${head}\n\t${wrapString(usage, limit - 10).replace(/\n/g, '\n\t')}`);
    body = text.slice(0, from) + flags + text.slice(to);
  }
  return wrapString(body, limit);
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085' || /^\p{Zs}$/u.test(c);

/**
 * github.com/mitchellh/go-wordwrap@v1.0.1 WrapString, which kubectl v1.30 uses (go.mod): breaks only at white space,
 * counts runes, and drops the spaces where it breaks a line.
 */
export function wrapString(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  let wordLen = 0;
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          buf += space;
        }
        space = '';
        spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      buf += ch;
      current = 0;
    } else if (isSpace(ch) && ch !== '\u00a0') {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else buf += space + word;
  return buf;
}
