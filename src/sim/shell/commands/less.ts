/**
 * less (less 590, Ubuntu 24.04's). With its output not a terminal, less copies its files (or its
 * standard input) to it unchanged, as cat does (gwsw/less@v590:main.c: `if (!is_tty) { … cat_file() }`).
 * At the terminal it pages (less-pager.ts), reading its keys from the terminal; with no keyboard
 * (the CLI, a replayed transcript) it copies as before. At the end of a pipeline (`ps aux | less`) it
 * pages the pipe, its keys read from /dev/tty (ttyin.c open_getchr): CmdEnv.pagerTerminal. A file that cannot be opened: "FILE: No such file or directory"
 * (edit.c, error()), status 1; at the terminal the others are paged after the messages.
 * The options taken: -F, -X, -e, -E (in their long forms too); the others are taken and not acted on.
 */
import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { LESS_HELP } from './less-help.ts';
import { type LessFile, type LessOpts, pageLess } from './less-pager.ts';
import { keyReader } from './pager-keys.ts';

/** opttbl.c: the long names of the options acted on. */
const LONG: Record<string, string> = { 'quit-if-one-screen': 'F', 'no-init': 'X', 'quit-at-eof': 'e', 'QUIT-AT-EOF': 'E' };

export const less: SimCommand = {
  name: 'less',
  async run(args, env): Promise<ExecResult> {
    let files: string[] = [];
    let end = false;
    const o: LessOpts = { quitIfOneScreen: false, noInit: false, quitAtEof: 0 };
    // --help / -?: the help file comes first among the files (less@v590:main.c, FAKE_HELPFILE; optfunc.c opt_query).
    if (args.some((a) => a === '--help' || a === '-?')) return { stdout: LESS_HELP, stderr: '', exitCode: 0 };
    for (const a of args) {
      if (!end && a === '--') end = true;
      else if (!end && a.startsWith('-') && a !== '-') {
        // A letter of opttbl.c that takes a value (-b -h -j -k -o -O -p -P -t -T -x -y -z -# -D -") ends the flags: the rest is its value.
        const flags = a.startsWith('--') ? (LONG[a.slice(2)] ?? '') : (/^[^bhjkoOpPtTxyz#D"]*/.exec(a.slice(1))?.[0] ?? '');
        if (flags.includes('F')) o.quitIfOneScreen = true;
        if (flags.includes('X')) o.noInit = true;
        if (flags.includes('e')) o.quitAtEof = Math.max(o.quitAtEof, 1) as 1 | 2;
        if (flags.includes('E')) o.quitAtEof = 2;
      } else files.push(a);
    }
    if (!files.length) {
      // less main.c: with nothing to read and the terminal as its input, "Missing filename".
      if (!env.stdin && env.tty) return { stdout: '', stderr: 'Missing filename ("less --help" for help)\n', exitCode: 1 };
      files = ['-'];
    }
    const read: LessFile[] = [];
    let err = '';
    for (const f of files) {
      if (f === '-') {
        read.push({ name: f, text: env.stdin });
        continue;
      }
      const path = env.fs.resolvePath(env.cwd, f);
      try {
        const st = await env.fs.stat(path);
        if (st.isDirectory) {
          err += `${f} is a directory\n`;
          continue;
        }
        read.push({ name: f, text: await env.fs.readFile(path) });
      } catch {
        err += `${f}: No such file or directory\n`;
      }
    }
    // At the end of a pipeline the pager still pages, its keys from the terminal (CmdEnv.pagerTerminal).
    const pt = env.pagerTerminal;
    if (!(env.tty && env.stream && env.keyboard) && pt) env = { ...env, tty: true, stream: pt.stream, keyboard: pt.keyboard };
    const kb = env.tty && env.stream ? env.keyboard : undefined;
    if (kb && read.length) {
      if (err) env.stream?.({ stream: 'stderr', text: err });
      const keys = keyReader(kb, env);
      try {
        return { stdout: '', stderr: '', exitCode: await pageLess(env, read, o, keys) };
      } finally {
        keys.close();
      }
    }
    return { stdout: read.map((f) => f.text).join(''), stderr: err, exitCode: err ? 1 : 0 };
  },
};
