/**
 * less (less 590, Ubuntu 24.04's): with its output not a terminal, less copies its files (or its
 * standard input) to it unchanged, as cat does (less main.c: `if (!is_tty) { … cat_file() }`).
 * The simulated terminal cannot hold a full-screen program, so at the terminal it does the same:
 * the file is written and the terminal scrolls. Options are taken and not acted on. A file that
 * cannot be opened: "FILE: No such file or directory" (less edit.c, error()), status 1.
 */
import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { LESS_HELP } from './less-help.ts';

export const less: SimCommand = {
  name: 'less',
  async run(args, env): Promise<ExecResult> {
    let files: string[] = [];
    let end = false;
    // --help / -?: the help file comes first among the files (less@v590:main.c, FAKE_HELPFILE; optfunc.c opt_query).
    if (args.some((a) => a === '--help' || a === '-?')) return { stdout: LESS_HELP, stderr: '', exitCode: 0 };
    for (const a of args) {
      if (!end && a === '--') end = true;
      else if (!end && a.startsWith('-') && a !== '-') continue;
      else files.push(a);
    }
    if (!files.length) {
      // less main.c: with nothing to read and the terminal as its input, "Missing filename".
      if (!env.stdin && env.tty) return { stdout: '', stderr: 'Missing filename ("less --help" for help)\n', exitCode: 1 };
      files = ['-'];
    }
    let out = '';
    let err = '';
    for (const f of files) {
      if (f === '-') {
        out += env.stdin;
        continue;
      }
      const path = env.fs.resolvePath(env.cwd, f);
      try {
        const st = await env.fs.stat(path);
        if (st.isDirectory) {
          err += `${f} is a directory\n`;
          continue;
        }
        out += await env.fs.readFile(path);
      } catch {
        err += `${f}: No such file or directory\n`;
      }
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
};
