/**
 * A glob ending in `/` (`ls -d /etc/*\/`, `echo *\/`, `for d in /etc/*\/`, the backslash only to end no comment): bash matches directories only and keeps
 * the slash, `/etc/default/` (bash-5.2:lib/glob/glob.c glob_filename: a pattern ending in a slash is globbed with
 * GX_MARKDIRS|GX_ADDCURDIR-less directory matching, "only directories", each name with the trailing slash). A pattern
 * that matches no directory stays as typed, slash and all (or goes away under nullglob).
 *
 * just-bash's globber (node_modules/just-bash, expandSimple) drops the empty last segment and lists files too, without
 * the slash. A transform plugin puts such a word (unquoted literals and glob characters only) through
 * `__cc_globdir` before its command: `{ __cc_gs=$?; unset __cc_gN; __cc_globdir "$__cc_gs" __cc_gN PATTERN; CMD; }`,
 * the word replaced by `"${__cc_gN[@]}"`. The command globs PATTERN without its slash through the shell itself (so
 * nullglob, dotglob and noglob hold), keeps the directories with their slash, and hands back the status it was given.
 */
import type * as JB from 'just-bash';

type Part = { type: string; value?: string; pattern?: string };
type Word = { type: 'Word'; parts: Part[] };
type Node = { type?: string; [k: string]: unknown };

const SAFE = /^[\w@%+=:,./-]*$/;

/** The word's pattern when it is a glob ending in `/` made of plain literals and glob parts; else undefined. */
function dirPattern(w: Word): string | undefined {
  const parts = w?.parts;
  if (!parts?.length || !parts.some((p) => p.type === 'Glob')) return undefined;
  const last = parts[parts.length - 1];
  if (last?.type !== 'Literal' || !last.value?.endsWith('/')) return undefined;
  let text = '';
  for (const p of parts) {
    if (p.type === 'Literal' && SAFE.test(p.value ?? '')) text += p.value;
    else if (p.type === 'Glob' && p.pattern && !/[\s'"\\$`]/.test(p.pattern)) text += p.pattern;
    else return undefined;
  }
  const pattern = text.replace(/\/+$/, '');
  return pattern ? pattern : undefined;
}

/** The plugin and its commands on a Bash. */
export function globDirPlugin(bash: JB.Bash): void {
  bash.registerCommand({
    name: '__cc_globdir',
    execute: async (args, ctx) => {
      const [status = '0', ...pairs] = args;
      // set -f on this line already: no globbing, the words as typed ($SHELLOPTS is the line's own, just-bash sets it on `set`).
      const noglob = (ctx.env.get('SHELLOPTS') ?? '').split(':').includes('noglob');
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const name = pairs[i] as string;
        const pattern = pairs[i + 1] as string;
        if (noglob) {
          await ctx.assignShellVariable?.(name, `${pattern}/`, '0');
          continue;
        }
        // The nested exec starts from the Bash's options, not this line's: globbing on, as the line has it.
        const options = (bash as unknown as { state?: { options?: Record<string, boolean> } }).state?.options;
        const saved = options?.noglob;
        if (options) options.noglob = false;
        const r = await ctx.exec?.(`__cc_words ${pattern}`, { cwd: ctx.cwd, env: Object.fromEntries(ctx.env), replaceEnv: true }).finally(() => {
          if (options) options.noglob = saved ?? false;
        });
        const words = r && r.exitCode === 0 ? r.stdout.split('\0').slice(0, -1) : [pattern];
        const dirs: string[] = [];
        for (const w of words) {
          const st = await ctx.fs.stat(ctx.fs.resolvePath(ctx.cwd, w)).catch(() => undefined);
          if (st?.isDirectory) dirs.push(`${w}/`);
        }
        // No directory matched: the word as typed (nullglob: none; the globber already dropped the pattern then).
        const out = dirs.length ? dirs : words.length ? [`${pattern}/`] : [];
        for (const [j, v] of out.entries()) await ctx.assignShellVariable?.(name, v, String(j));
      }
      return { stdout: '', stderr: '', exitCode: Number(status) };
    },
  });
  // Its words, each ended by NUL: what the shell made of a pattern.
  bash.registerCommand({ name: '__cc_words', execute: async (args) => ({ stdout: args.map((a) => `${a}\0`).join(''), stderr: '', exitCode: 0 }) });
  let templates: { group: Node; ref: Word } | undefined;
  const template = () => {
    if (templates) return templates;
    const parse = (s: string) => (bash.transform(s).ast as unknown as { statements: { pipelines: { commands: Node[] }[] }[] }).statements;
    const group = parse('{ __cc_gs=$?; unset __cc_g; __cc_globdir "$__cc_gs"; : ; }')[0]?.pipelines[0]?.commands[0] as Node;
    const args = (parse('echo "${__cc_g[@]}"')[0]?.pipelines[0]?.commands[0]?.args ?? []) as Word[];
    const ref = args[0] as Word;
    templates = { group, ref };
    return templates;
  };
  let count = 0;
  const wrap = (node: Node, words: Word[]): Node => {
    const found: [number, string][] = [];
    words.forEach((w, i) => {
      const p = dirPattern(w);
      if (p !== undefined) found.push([i, p]);
    });
    if (!found.length) return node;
    const t = template();
    const group = structuredClone(t.group) as { body: { pipelines: { commands: Node[] }[] }[] };
    const [, unset, call, last] = group.body;
    const lit = (value: string): Word => ({ type: 'Word', parts: [{ type: 'Literal', value }] });
    const names = found.map(() => `__cc_g${count++}`);
    (unset?.pipelines[0]?.commands[0] as Node).args = names.map(lit);
    const callCmd = call?.pipelines[0]?.commands[0] as Node;
    const quoted = (value: string): Word => ({ type: 'Word', parts: [{ type: 'SingleQuoted', value }] });
    callCmd.args = [...(callCmd.args as Word[]), ...found.flatMap(([, p], k) => [lit(names[k] as string), quoted(p)])];
    found.forEach(([i], k) => {
      const ref = structuredClone(t.ref);
      ((ref.parts[0] as unknown as { parts: { parameter?: string }[] }).parts[0] as { parameter?: string }).parameter = `${names[k]}[@]`;
      words[i] = ref;
    });
    if (last?.pipelines[0]) last.pipelines[0].commands[0] = node;
    return group as unknown as Node;
  };
  bash.registerTransformPlugin({
    name: 'cc-globdir',
    transform: ({ ast }) => {
      const visit = (n: unknown): void => {
        if (Array.isArray(n)) {
          n.forEach((x, i) => {
            visit(x);
            const o = x as Node | null;
            if (o?.type === 'SimpleCommand' && Array.isArray(o.args)) n[i] = wrap(o, o.args as Word[]);
            else if (o?.type === 'For' && Array.isArray(o.words)) n[i] = wrap(o, o.words as Word[]);
          });
          return;
        }
        if (!n || typeof n !== 'object') return;
        for (const v of Object.values(n as Node)) if (v && typeof v === 'object') visit(v);
      };
      visit(ast);
      return { ast };
    },
  });
}
