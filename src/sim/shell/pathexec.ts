/**
 * A command named by a path to a file of the learner's (`./x`, `../x`, `/tmp/x`, `/root/x`), as node1's bash runs
 * it: execve, and what bash does when execve refuses (bash@bash-5.2:execute_cmd.c shell_execve), in its place
 * among the line's output:
 * - no such file: file_error, "bash: ./x: No such file or directory", 127 (EX_NOTFOUND);
 * - a directory: `internal_error (_("%s: %s"), command, strerror (EISDIR))`, "bash: ./d: Is a directory", 126;
 * - no execute bit: execve's EACCES through file_error, "bash: ./x: Permission denied", 126 (EX_NOEXEC);
 * - `#!INTERP [ARG]` whose interpreter does not exist: `sys_error (_("%s: %s: bad interpreter"), command, interp)`,
 *   "bash: ./s.sh: /nonexist: bad interpreter: No such file or directory", 126;
 * - `#!INTERP [ARG]`: the kernel runs `INTERP [ARG] ./s.sh ARGS…` (binfmt_script), so `#!/bin/sh` is dash with its
 *   own words (`./s.sh: 2: nosuch: not found`);
 * - a text file without `#!`: execve's ENOEXEC, and bash runs it as a shell script of its own (execute_shell_script),
 *   its errors naming the file ("./x: line 1: nosuch: command not found").
 * just-bash instead runs any such file in its own interpreter, whatever its first line, and answers the errors
 * itself: out of order at the prompt, "Permission denied" for a directory. A transform plugin turns such a simple
 * command into `__cc_path NAME ARGS…`, whose command decides at run time. The simulator's own programs (empty files
 * under /usr/bin and the like, which just-bash maps to its commands) are not rewritten, nor run through here.
 */
import type * as JB from 'just-bash';
import { quoteArgv } from './line.ts';

type Node = { type?: string; [k: string]: unknown };
type Word = { type: 'Word'; parts: { type: string; value?: string }[] };

/** Paths rewritten: relative ones and the learner's own directories (the simulator's programs live elsewhere). */
const LEARNER_PATH = /^(?:\.{1,2}\/|\/(?:tmp|root|home|opt|srv)\/)/;

function plain(w: unknown): string | undefined {
  const parts = (w as Word | null)?.parts;
  if (parts?.length !== 1 || parts[0]?.type !== 'Literal') return undefined;
  return parts[0].value;
}

/** The plugin and its command on the host's Bash. */
export function pathCommands(bash: JB.Bash, done: (r: JB.ExecResult, argv?: string[]) => JB.ExecResult): void {
  bash.registerCommand(pathCommand(done));
  bash.registerTransformPlugin({
    name: 'cc-path',
    transform: ({ ast }) => {
      const visit = (n: unknown): void => {
        if (Array.isArray(n)) return void n.forEach(visit);
        if (!n || typeof n !== 'object') return;
        const o = n as Node;
        const name = o.type === 'SimpleCommand' ? plain(o.name) : undefined;
        if (name && LEARNER_PATH.test(name)) {
          o.args = [o.name, ...(o.args as Word[])];
          o.name = { type: 'Word', parts: [{ type: 'Literal', value: '__cc_path' }] };
        }
        for (const v of Object.values(o)) if (v && typeof v === 'object') visit(v);
      };
      visit(ast);
      return { ast };
    },
  });
}

const fail = (text: string, exitCode: number) => ({ stdout: '', stderr: text, exitCode, env: {} }) as unknown as JB.ExecResult;

function pathCommand(finish: (r: JB.ExecResult, argv?: string[]) => JB.ExecResult): JB.Command {
  return {
    name: '__cc_path',
    execute: async (args, ctx) => {
      const [name = '', ...rest] = args;
      // Its failure's words go to stdout where the line merges `__cc_path NAME ARGS…` (adapters.ts mergeFor).
      const done = (r: JB.ExecResult) => finish(r, ['__cc_path', ...args]);
      const path = ctx.fs.resolvePath(ctx.cwd, name);
      const st = await ctx.fs.stat(path).catch(() => undefined);
      const run = (argv: string[]) =>
        ctx.exec!(quoteArgv(argv), { cwd: ctx.cwd, env: Object.fromEntries(ctx.env), replaceEnv: true, stdin: ctx.stdin as unknown as string });
      if (!st) return done(fail(`bash: ${name}: No such file or directory\n`, 127));
      if (st.isDirectory) return done(fail(`bash: ${name}: Is a directory\n`, 126));
      if ((st.mode & 0o111) === 0) return done(fail(`bash: ${name}: Permission denied\n`, 126));
      const text = st.size ? await ctx.fs.readFile(path).catch(() => '') : '';
      // An empty file is one of the simulator's programs (or runs as an empty script): just-bash's own lookup.
      if (!text) return run(['command', name, ...rest]);
      if (text.startsWith('#!')) {
        // binfmt_script: the interpreter's path, then at most one argument (the rest of the line, trimmed).
        const m = /^#!\s*(\S+)(?:[ \t]+([^\n]*?))?[ \t]*(?:\n|$)/.exec(text);
        const interp = m?.[1] ?? '';
        const exists = interp && (await ctx.fs.stat(ctx.fs.resolvePath(ctx.cwd, interp)).catch(() => undefined));
        if (!exists) return done(fail(`bash: ${name}: ${interp}: bad interpreter: No such file or directory\n`, 126));
        return run([interp, ...(m?.[2] ? [m[2]] : []), name, ...rest]);
      }
      return run(['bash', name, ...rest]);
    },
  };
}
