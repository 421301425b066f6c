/**
 * A shell script's own "not found" error, in its place among the output and in its shell's words.
 *
 * just-bash's interpreter answers a command it cannot find itself: the text joins the script's stderr, which the
 * trace (ordered.ts) never sees, so `sh -c 'echo a; nosuch; echo b'` showed a, b, then the error; and it says
 * bash's interactive "bash: nosuch: command not found" whatever the shell. A shell started by sh or bash
 * (childshell.ts) begins its script with `__cc_sh KIND`, and this transform plugin then turns each simple command
 * whose name is a plain word that no command, builtin or function of the script answers into
 * `__cc_notfound KIND LINE NAME ARGS…` (its assignments and redirections kept): a command of the runtime, traced like
 * any other, that looks NAME up on PATH when it runs and either runs it (a file put there meanwhile) or writes:
 * - dash 0.5.12: "%s: %d: %s: not found" ($0, the line, the name; dash@v0.5.12:src/error.c exvwarning2 prefix,
 *   src/exec.c shellexec/find_command errmsg "not found"), status 127;
 * - bash 5.2 not interactive (-c, a script): "%s: line %d: %s: command not found" (bash@bash-5.2:error.c
 *   error_prolog prints "line N" when `interactive_shell == 0`; get_name_for_error names BASH_SOURCE[0], else $0;
 *   execute_cmd.c execute_disk_command "%s: command not found"), 127;
 * - busybox 1.36.1 ash: "sh: %s: not found" (busybox@1_36_1:shell/ash.c ash_vmsg prints "line N" only for a builtin's
 *   error; shellexec's "%s: %s" with errmsg(e, "not found")).
 * `cd DIR` runs as `{ cd DIR 2>/dev/null || __cc_cdfail KIND LINE DIR; }` (cdFailure words it, in its place). In dash
 * cd's failure is sh_error, which sets exitstatus = 2 and raises EXERROR; evalcommand does not raise it further for a
 * regular builtin (`!(exception == EXERROR && spclbltin <= 0)`), so the script goes on with status 2
 * (dash@v0.5.12:src/error.c sh_error, src/eval.c evalcommand).
 * Left to the interpreter: a name with a slash, one made by expansion, a script that defines aliases.
 */
import type * as JB from 'just-bash';
import { shellKnows, shellStatePlugin } from './shellstate.ts';
import { globDirPlugin } from './globdir.ts';
import { ashCdStatus } from './ash-cd.ts';
import { quoteArgv } from './line.ts';
import { bashSemPlugin } from './bashsem.ts';
import { trapProcess } from './trap.ts';
import type { Host } from '../host.ts';

/** `bashi`: bash at its interactive prompt (a line typed at node1 or at a container's bash). */
export type ScriptShell = 'dash' | 'bash' | 'bashi' | 'ash';

type Node = { type?: string; [k: string]: unknown };
type Word = { type: 'Word'; parts: { type: string; value?: string }[] };

const literal = (value: string): Word => ({ type: 'Word', parts: [{ type: 'Literal', value }] });

/** A word that is one literal part (no quoting, no expansion). */
function plain(w: unknown): string | undefined {
  const parts = (w as Word | null)?.parts;
  if (parts?.length !== 1 || parts[0]?.type !== 'Literal') return undefined;
  return parts[0].value;
}

/** The names the script defines as functions, and whether it defines aliases. */
function defined(node: unknown, names: Set<string>): boolean {
  let aliases = false;
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return void n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Node;
    if (o.type === 'FunctionDef' && typeof o.name === 'string') names.add(o.name);
    if (o.type === 'SimpleCommand' && plain(o.name) === 'alias') aliases = true;
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk(node);
  return aliases;
}

/** just-bash's builtins (the interpreter answers them before any lookup): its `builtin` command's list. */
export const BUILTINS = new Set(
  (
    ': true false cd export unset exit local set break continue return eval shift getopts compgen complete compopt pushd popd dirs ' +
    'source . read mapfile readarray declare typeset readonly let command shopt exec test [ echo printf pwd alias unalias type hash ' +
    'ulimit umask trap times wait kill jobs fg bg disown suspend fc history help enable builtin caller'
  ).split(' '),
);

/** `{ cd 2>/dev/null || __cc_cdfail; }` as the Bashes' transform plugins leave it (structuredClone'd for each `cd`). */
let cdTemplate: Node | undefined;
/**
 * `{ cd - >/dev/null 2>/dev/null && __cc_cdprint || __cc_cdfail; }`, for `cd -`: the directory it prints is __cc_cdprint's, a
 * command's output, so it comes in its place among the line's (a builtin's stdout came after what followed it).
 */
let cdDashTemplate: Node | undefined;

/**
 * The plugin and its commands on a Bash, then (in a busybox root) ash's cd status (ash-cd.ts): this one first, as it
 * parses its template before the other plugins are there. `done` hands a command's result to the runtime's trace;
 * `host.current` is the shell whose signals `trap` disposes (trap.ts).
 */
export function scriptErrors(bash: JB.Bash, busybox: boolean, done: (r: JB.ExecResult, argv?: string[]) => JB.ExecResult, host: Host): void {
  // The commands the Bash has (its own and the runtime's, registered when it was made; builtins are known here).
  const registered = (bash as unknown as { commands?: Map<string, unknown> }).commands;
  const known = (name: string) => Boolean(registered?.has(name)) || shellKnows(bash, name);
  bashSemPlugin(bash, done);
  trapProcess(bash, () => host.current);
  for (const c of notFoundCommands(done)) bash.registerCommand(c);
  // The session's functions and aliases, which this rewrite leaves to the shell (shellstate.ts).
  shellStatePlugin(bash);
  globDirPlugin(bash);
  // `{ cd DIR 2>/dev/null || __cc_cdfail KIND LINE DIR; }`, the user's redirections on the group.
  // The same for every Bash (the plugins it went through leave such a group as it is) and only ever copied: parsed once.
  const group = (text: string) =>
    (bash.transform(text).ast as unknown as { statements: { pipelines: { commands: Node[] }[] }[] }).statements[0]?.pipelines[0]?.commands[0];
  cdTemplate ??= group('{ cd 2>/dev/null || __cc_cdfail; }');
  cdDashTemplate ??= group('{ cd - >/dev/null 2>/dev/null && __cc_cdprint || __cc_cdfail; }');
  bash.registerTransformPlugin({
    name: 'cc-notfound',
    transform: ({ ast }) => {
      const statements = (ast as unknown as { statements: { pipelines: { commands: Node[] }[] }[] }).statements;
      const first = statements[0]?.pipelines[0]?.commands[0];
      if (statements[0]?.pipelines.length !== 1 || first?.type !== 'SimpleCommand' || plain(first.name) !== '__cc_sh') return { ast };
      const kind = plain((first.args as unknown[])[0]) as ScriptShell;
      // An interactive dash numbers the lines it has read: the line's first is the marker's second word.
      const base = Number(plain((first.args as unknown[])[1]) ?? 1) - 1;
      statements.shift();
      const functions = new Set<string>();
      const rewrite = !defined(ast, functions);
      const visit = (n: unknown): unknown => {
        if (Array.isArray(n)) return n.map(visit);
        if (!n || typeof n !== 'object') return n;
        const o = n as Node;
        if (o.type === 'SimpleCommand') {
          const name = plain(o.name);
          const args = o.args as Word[];
          const line = literal(String(base + Number(o.line ?? 1)));
          // `cd -` too: its failure names $OLDPWD, or says it is not set (cdFailure's `-`).
          const dir = plain(args[0]);
          const template = dir === '-' ? cdDashTemplate : cdTemplate;
          if (name === 'cd' && template && args.length === 1 && (dir === '-' || !dir?.startsWith('-')) && !functions.has('cd')) {
            const g = structuredClone(template) as Node & { body: { pipelines: { commands: Node[] }[] }[] };
            const cmds = (g.body[0]?.pipelines ?? []).map((p) => p.commands[0] as Node);
            const [cd, fail] = [cmds[0], cmds.at(-1)];
            if (!cd || !fail) return o;
            Object.assign(cd, { args, line: o.line, assignments: o.assignments });
            Object.assign(fail, { args: [literal(kind), line, ...args], line: o.line });
            g.redirections = o.redirections;
            return g;
          }
          // `ulimit`: just-bash has none; ash's (commands/ulimit-ash.ts), dash's with the line its errors name
          // (commands/ulimit-dash.ts), else bash's (commands/ulimit.ts).
          if (name === 'ulimit' && !functions.has(name) && kind === 'dash') return { ...o, name: literal('__cc_ulimit-dash'), args: [line, ...args] };
          if (name === 'ulimit' && !functions.has(name)) return { ...o, name: literal(kind === 'ash' ? '__cc_ulimit-ash' : '__cc_ulimit') };
          if (rewrite && name && !name.includes('/') && !name.startsWith('__cc_') && !BUILTINS.has(name) && !known(name) && !functions.has(name))
            return { ...o, name: literal('__cc_notfound'), args: [literal(kind), line, literal(name), ...args] };
          return o;
        }
        for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object') o[k] = visit(v);
        return o;
      };
      visit(ast);
      return { ast };
    },
  });
  if (busybox) ashCdStatus(bash);
}

/** The words of the error for `name` at `line` of a `kind` script named `zero` ($0, or the script's path). */
export function notFoundText(kind: ScriptShell, line: string, name: string, zero: string): string {
  if (kind === 'dash') return `${zero}: ${line}: ${name}: not found\n`;
  // Interactive: error_prolog names no line (`interactive_shell == 0` only), as the simulator's bash words it elsewhere.
  if (kind === 'bashi') return `bash: ${name}: command not found\n`;
  if (kind === 'bash') return `${zero}: line ${line}: ${name}: command not found\n`;
  return `sh: ${name}: not found\n`;
}

/**
 * Why `cd DIR` failed, in the words of the shell: dash's "can't cd to %s" (status 2, see above); bash's
 * "%s: line %d: cd: %s: %s" with strerror (bash@bash-5.2:builtins/cd.def cd_builtin: builtin_error "%s: %s", 1);
 * ash's "sh: cd: line %d: can't cd to %s: %s" (busybox@1_36_1:shell/ash.c cdcmd ash_msg_and_raise_perror, 2).
 */
export async function cdFailure(fs: JB.IFileSystem, cwd: string, kind: ScriptShell, line: string, dir: string, zero: string): Promise<JB.ExecResult> {
  const st = await fs.stat(fs.resolvePath(cwd, dir)).catch((e: Error) => e);
  // ELOOP (fs/namei.ts): glibc's strerror, or musl's in ash (musl v1.2.4 src/errno/__strerror.h).
  const loop = st instanceof Error && st.message.startsWith('ELOOP') ? (kind === 'ash' ? 'Symbolic link loop' : 'Too many levels of symbolic links') : '';
  // ENOTDIR: `cd file/`, whose trailing slash asks for a directory in the lookup itself (shell/mountfs.ts).
  const notDir = st instanceof Error && st.message.startsWith('ENOTDIR');
  const why =
    st instanceof Error ? loop || (notDir ? 'Not a directory' : 'No such file or directory') : !st.isDirectory ? 'Not a directory' : 'Permission denied';
  const stderr =
    kind === 'dash'
      ? `${zero}: ${line}: cd: can't cd to ${dir}\n`
      : kind === 'bash'
        ? `${zero}: line ${line}: cd: ${dir}: ${why}\n`
        : kind === 'bashi'
          ? `bash: cd: ${dir}: ${why}\n`
          : `sh: cd: line ${line}: can't cd to ${dir}: ${why}\n`;
  return { stdout: '', stderr, exitCode: kind === 'bash' || kind === 'bashi' ? 1 : 2, env: {} } as unknown as JB.ExecResult;
}

/** Whether `name` is an executable file on `path` now (execvp's search). */
async function onPath(fs: JB.IFileSystem, cwd: string, name: string, path: string): Promise<boolean> {
  for (const dir of path.split(':')) {
    const p = fs.resolvePath(cwd, `${dir || '.'}/${name}`);
    const st = await fs.stat(p).catch(() => undefined);
    if (st && !st.isDirectory && (st.mode & 0o111) !== 0) return true;
  }
  return false;
}

/**
 * `__cc_notfound KIND LINE NAME ARGS…` and `__cc_cdfail KIND LINE DIR`; `done` hands a result to the runtime's trace,
 * with the command as written (`NAME ARGS…`, `cd DIR`: its stderr goes to stdout where the line merges it, adapters.ts mergeFor).
 */
function notFoundCommands(done: (r: JB.ExecResult, argv?: string[]) => JB.ExecResult): JB.Command[] {
  const zeroOf = (ctx: JB.CommandContext, kind: string) => ctx.env.get('0') || (kind === 'bash' ? 'bash' : 'sh');
  const cdfail: JB.Command = {
    name: '__cc_cdfail',
    execute: async (args, ctx) => {
      const [kind, line, dir] = args as [ScriptShell, string, string];
      const old = dir === '-' ? ctx.env.get('OLDPWD') : undefined;
      if (dir === '-' && old === undefined) {
        // bash-5.2.21 builtins/cd.def cd_builtin: `builtin_error (_("OLDPWD not set"))`, status 1. dash 0.5.12 and busybox
        // 1.36.1 ash (cdcmd: `dest = bltinlookup("OLDPWD")`, then `if (!dest) dest = nullstr` … `if (!*dest) dest = "."`) go
        // to "." and print it (CD_PRINT).
        if (kind === 'dash' || kind === 'ash')
          return done({ stdout: `${ctx.cwd}\n`, stderr: '', exitCode: 0, env: {} } as unknown as JB.ExecResult, ['cd', '-']);
        const stderr = kind === 'bash' ? `${zeroOf(ctx, kind)}: line ${line}: cd: OLDPWD not set\n` : 'bash: cd: OLDPWD not set\n';
        return done({ stdout: '', stderr, exitCode: 1, env: {} } as unknown as JB.ExecResult, ['cd', '-']);
      }
      return done(await cdFailure(ctx.fs, ctx.cwd, kind, line, old ?? dir, zeroOf(ctx, kind)), ['cd', dir]);
    },
  };
  // `cd -` went there: the directory, as bash prints it (cd.def: `printf ("%s\n", dirname)`, $OLDPWD as it was) and ash
  // and dash do (CD_PRINT: the new directory), the same when the change is logical.
  const cdprint: JB.Command = {
    name: '__cc_cdprint',
    execute: async (_args, ctx) =>
      done({ stdout: `${ctx.env.get('PWD') ?? ctx.cwd}\n`, stderr: '', exitCode: 0, env: {} } as unknown as JB.ExecResult, ['cd', '-']),
  };
  const notfound: JB.Command = {
    name: '__cc_notfound',
    execute: async (args, ctx) => {
      const [kind, line, name, ...rest] = args as [ScriptShell, string, string, ...string[]];
      if (await onPath(ctx.fs, ctx.cwd, name, ctx.env.get('PATH') ?? '/usr/bin:/bin'))
        return ctx.exec!(quoteArgv([name, ...rest]), {
          cwd: ctx.cwd,
          env: Object.fromEntries(ctx.env),
          replaceEnv: true,
          stdin: ctx.stdin as unknown as string,
        });
      return done({ stdout: '', stderr: notFoundText(kind, line, name, zeroOf(ctx, kind)), exitCode: 127, env: {} } as unknown as JB.ExecResult, [
        name,
        ...rest,
      ]);
    },
  };
  return [notfound, cdfail, cdprint];
}
