/**
 * whereis (util-linux 2.39.3, util-linux@v2.39.3:misc-utils/whereis.c) on node1: the binary, manual
 * and source directories of bindirs[], $PATH, mandirs[], $MANPATH and srcdirs[] that exist, each
 * once (dirlist_add_dir skips a directory already listed: /bin is /usr/bin), searched in that order
 * with filename_equal (a binary by its exact name; a manual page also as NAME.SECTION[.gz]).
 * "NAME:" then " DIR/FILE" per match and a newline; -b/-m/-s narrow the search, -u prints only
 * names with one match missing, -l lists the directories. node1's filesystem holds no manual pages
 * or sources, so only binaries are found.
 */
import type { ExecResult } from '../../api.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const BIN = 1;
const MAN = 2;
const SRC = 4;

const BINDIRS = [
  '/usr/bin',
  '/usr/sbin',
  '/bin',
  '/sbin',
  '/lib/x86_64-linux-gnu',
  '/usr/lib/x86_64-linux-gnu',
  '/usr/local/lib/x86_64-linux-gnu',
  '/usr/lib',
  '/usr/lib32',
  '/usr/lib64',
  '/etc',
  '/usr/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/usr/games',
  '/usr/games/bin',
  '/usr/games/lib',
  '/usr/emacs/etc',
  '/usr/lib/emacs/*/etc',
  '/usr/TeX/bin',
  '/usr/tex/bin',
  '/usr/interviews/bin/LINUX',
  '/usr/X11R6/bin',
  '/usr/X386/bin',
  '/usr/bin/X11',
  '/usr/X11/bin',
  '/usr/X11R5/bin',
  '/usr/local/bin',
  '/usr/local/sbin',
  '/usr/local/etc',
  '/usr/local/lib',
  '/usr/local/games',
  '/usr/local/games/bin',
  '/usr/local/emacs/etc',
  '/usr/local/TeX/bin',
  '/usr/local/tex/bin',
  '/usr/local/bin/X11',
  '/usr/contrib',
  '/usr/hosts',
  '/usr/include',
  '/usr/g++-include',
  '/usr/ucb',
  '/usr/old',
  '/usr/new',
  '/usr/local',
  '/usr/libexec',
  '/usr/share',
  '/opt/*/bin',
]; // prettier-ignore
const MANDIRS = ['/usr/man/*', '/usr/share/man/*', '/usr/X386/man/*', '/usr/X11/man/*', '/usr/TeX/man/*', '/usr/interviews/man/mann', '/usr/share/info'];
const SRCDIRS = ['/usr/src/*', '/usr/src/lib/libc/*', '/usr/src/lib/libc/net/*', '/usr/src/ucb/pascal', '/usr/src/ucb/pascal/utilities', '/usr/src/undoc'];

const USAGE = `
Usage:
 whereis [options] [-BMS <dir>... -f] <name>

Locate the binary, source, and manual-page files for a command.

Options:
 -b         search only for binaries
 -B <dirs>  define binaries lookup path
 -m         search only for manuals and infos
 -M <dirs>  define man and info lookup path
 -s         search only for sources
 -S <dirs>  define sources lookup path
 -f         terminate <dirs> argument list
 -u         search for unusual entries
 -g         interpret name as glob (pathnames pattern)
 -l         output effective lookup paths

 -h, --help     display this help
 -V, --version  display version

For more details see whereis(1).
`;

interface Dir {
  path: string;
  type: number;
}

/** filename_equal: the name itself, or for manuals and sources NAME.ANYTHING (a compression suffix dropped). */
function matches(name: string, file: string, type: number): boolean {
  if (type & SRC && file.startsWith('s.') && matches(name, file.slice(2), type)) return true;
  const f = type & MAN ? file.replace(/\.(Z|gz|xz|bz2|zst)$/, '') : file;
  if (f === name) return true;
  return !(type & BIN) && f.startsWith(`${name}.`);
}

/** construct_dirlist: the directories that exist, a trailing `*` expanded to the subdirectories, each real directory once per type. */
async function addDirs(env: CmdEnv, list: Dir[], type: number, dirs: string[]): Promise<void> {
  for (const d of dirs) {
    const star = d.indexOf('*');
    const cands: string[] = [];
    if (star < 0) cands.push(d);
    else {
      const parent = d.slice(0, star - 1);
      const rest = d.slice(star + 1);
      for (const n of (await env.fs.readdir(parent).catch(() => [])).sort()) cands.push(`${parent}/${n}${rest}`);
    }
    for (const c of cands) {
      const st = await env.fs.stat(c).catch(() => undefined);
      if (!st?.isDirectory) continue;
      const real = await env.fs.realpath(c).catch(() => c);
      if (!list.some((l) => l.path === real && l.type === type)) list.push({ path: real, type });
    }
  }
}

export const whereis: SimCommand = {
  name: 'whereis',
  async run(args, env): Promise<ExecResult> {
    const R = (stdout: string, stderr = '', exitCode = 0) => ({ stdout, stderr, exitCode });
    const tryHelp = (msg: string) => R('', `whereis: ${msg}\nTry 'whereis --help' for more information.\n`, 1);
    if (!args.length) return tryHelp('not enough arguments');
    if (args[0] === '--help') return R(USAGE);
    if (args[0] === '--version') return R('whereis from util-linux 2.39.3\n');
    const list: Dir[] = [];
    await addDirs(env, list, BIN, BINDIRS);
    await addDirs(env, list, BIN, (env.env.get('PATH') ?? '').split(':').filter(Boolean));
    await addDirs(env, list, MAN, MANDIRS);
    await addDirs(env, list, MAN, (env.env.get('MANPATH') ?? '').split(':').filter(Boolean));
    await addDirs(env, list, SRC, SRCDIRS);
    let want = BIN | MAN | SRC;
    let resettable = false;
    let unusual = false;
    let fMissing = false;
    let out = '';
    const narrow = (t: number) => {
      if (resettable) want = BIN | MAN | SRC;
      resettable = false;
      want = want === (BIN | MAN | SRC) ? t : want | t;
    };
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (!arg.startsWith('-')) {
        const name = arg.slice(arg.lastIndexOf('/') + 1);
        let found: string[] = [];
        for (const d of list)
          if (d.type & want) for (const f of await env.fs.readdir(d.path).catch(() => [])) if (matches(name, f, d.type)) found.push(`${d.path}/${f}`);
        if (!unusual) out += `${name}:${found.map((f) => ` ${f}`).join('')}\n`;
        // -u: a name is "unusual" unless it has exactly one entry; findin prints from the second match on.
        else if (found.length > 1) out += `${name}: ${found.join(' ')}\n`;
        found = [];
        resettable = true;
        continue;
      }
      for (const c of arg.slice(1)) {
        if (c === 'f' || c === 'g') fMissing = false;
        else if (c === 'u') {
          unusual = true;
          fMissing = false;
        } else if (c === 'b') narrow(BIN);
        else if (c === 'm') narrow(MAN);
        else if (c === 's') narrow(SRC);
        else if (c === 'l') out += list.map((d) => `${d.type === BIN ? 'bin' : d.type === MAN ? 'man' : 'src'}: ${d.path}\n`).join('');
        else if (c === 'V') return R(`${out}whereis from util-linux 2.39.3\n`);
        else if (c === 'h') return R(`${out}${USAGE}`);
        else if ((c === 'B' || c === 'M' || c === 'S') && arg.length === 2) {
          const type = c === 'B' ? BIN : c === 'M' ? MAN : SRC;
          const dirs: string[] = [];
          while (i + 1 < args.length && !(args[i + 1] as string).startsWith('-')) dirs.push(args[++i] as string);
          for (let k = list.length - 1; k >= 0; k--) if ((list[k] as Dir).type === type) list.splice(k, 1);
          await addDirs(env, list, type, dirs);
          fMissing = true;
        } else return { ...tryHelp('bad usage'), stdout: out };
      }
    }
    if (fMissing) return R(out, 'whereis: option -f is missing\n', 1);
    return R(out);
  },
};
