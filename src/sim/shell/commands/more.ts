/**
 * more: util-linux 2.39.3 on the host (util-linux@v2.39.3:text-utils/more.c) and busybox 1.36.1 in
 * alpine (busybox@1_36_1:util-linux/more.c). When stdout is not a terminal util-linux's more copies
 * each file through (display_file → copy_file), with a banner of 14 colons, the name and 14 colons
 * before each file when there are several (print_separator); busybox's more is then `cat`
 * (bb_cat). A file that cannot be opened is warned about ("cannot open %s", busybox "can't open
 * '%s'"), a directory is announced ("*** %s: directory ***"); util-linux's more always exits 0
 * (more_exit), busybox's cat 1 after an error. At the terminal, with its keyboard, more pages
 * (more-pager.ts); without one (the CLI, a replayed transcript) it copies as when not a terminal.
 */
import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { type MoreFile, pageBusyboxMore, pageMore } from './more-pager.ts';
import { keyReader } from './pager-keys.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** more.c usage(): USAGE_HELP_OPTIONS(23), USAGE_MAN_TAIL. */
const HELP = `
Usage:
 more [options] <file>...

Display the contents of a file in a terminal.

Options:
 -d, --silent          display help instead of ringing bell
 -f, --logical         count logical rather than screen lines
 -l, --no-pause        suppress pause after form feed
 -c, --print-over      do not scroll, display text and clean line ends
 -p, --clean-print     do not scroll, clean screen and display text
 -e, --exit-on-eof     exit on end-of-file
 -s, --squeeze         squeeze multiple blank lines into one
 -u, --plain           suppress underlining and bold
 -n, --lines <number>  the number of lines per screenful
 -<number>             same as --lines
 +<number>             display file beginning from line number
 +/<pattern>           display file beginning from pattern match

 -h, --help            display this help
 -V, --version         display version

For more details see more(1).
`;

const BB_USAGE = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: more [FILE]...\n\nView FILE (or stdin) one screenful at a time\n';

const SEP = `${':'.repeat(14)}\n`;

export const more: SimCommand = {
  name: 'more',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    if (bb && args[0] === '--help') return R('', BB_USAGE);
    if (!bb) {
      if (args.includes('-h') || args.includes('--help')) return R(HELP);
      if (args.includes('-V') || args.includes('--version')) return R('more from util-linux 2.39.3\n');
    }
    // The options shape the screen (argscan): for a copy they change nothing; -s still squeezes blank lines.
    const squeezing = !bb && args.some((a) => a === '-s' || a === '--squeeze' || /^-[a-z]*s[a-z]*$/.test(a));
    const squeeze = squeezing && env.tty;
    const files = args.filter((a) => a === '-' || !/^[-+]./.test(a));
    if (!files.length) {
      // No file: stdin, unless stdin is the terminal ("bad usage"; busybox pages nothing).
      if (!env.stdin && env.tty) return bb ? R('') : R('', "more: bad usage\nTry 'more --help' for more information.\n", 1);
      // util-linux's more pages a pipe at the end of a pipeline, its keys from the terminal (CmdEnv.pagerTerminal).
      const pt = env.pagerTerminal;
      if (bb || !pt || !env.stdin) return R(env.stdin);
      const keys = keyReader(pt.keyboard, env);
      try {
        // Paged to the terminal: -s squeezes the pipe's blank lines as a file's (util-linux 2.39.3 text-utils/more.c, squeeze).
        const text = squeezing ? env.stdin.replace(/\n{3,}/g, '\n\n') : env.stdin;
        return R('', '', await pageMore({ ...env, tty: true, stream: pt.stream, keyboard: pt.keyboard }, [{ name: '-', text, pipe: true }], keys));
      } finally {
        keys.close();
      }
    }
    let out = '';
    let err = '';
    let status = 0;
    const paged: MoreFile[] = [];
    let notes = '';
    for (const f of files) {
      const path = env.fs.resolvePath(env.cwd, f);
      const st = await env.fs.stat(path).catch(() => undefined);
      if (!st) {
        err += bb ? `more: can't open '${f}': No such file or directory\n` : `more: cannot open ${f}: No such file or directory\n`;
        status = bb ? 1 : 0;
        continue;
      }
      if (st.isDirectory) {
        if (bb) {
          err += `more: read error: Is a directory\n`;
          status = 1;
        } else {
          out += `\n*** ${f}: directory ***\n\n`;
          notes += `\n*** ${f}: directory ***\n\n`;
        }
        continue;
      }
      let text = await env.readFile(path);
      if (squeeze) text = text.replace(/\n{3,}/g, '\n\n');
      paged.push({ name: f, text });
      out += (!bb && files.length > 1 ? `${SEP}${f}\n${SEP}` : '') + text;
    }
    const kb = env.tty && env.stream ? env.keyboard : undefined;
    if (kb && paged.length) {
      if (err) env.stream?.({ stream: 'stderr', text: err });
      if (notes) env.stream?.({ stream: 'stdout', text: notes });
      const keys = keyReader(kb, env);
      try {
        // util-linux: more_exit's status 0; busybox: return 0 at its end (the files it could not open warned about).
        return R('', '', bb ? await pageBusyboxMore(env, paged, keys) : await pageMore(env, paged, keys));
      } finally {
        keys.close();
      }
    }
    return R(out, err, status);
  },
};
