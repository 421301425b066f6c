import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { overlay2Ls } from './overlay2-ls.ts';
import { statAs, strerror } from '../pathlookup.ts';
import { allocBlocks } from '../blocks.ts';
import { idNames, linkCount } from '../fsmeta.ts';
import { type Stat, columns, human, indicator, inodeOfPath, modeString, quote, sizeOf, when } from './ls-format.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

interface Entry {
  name: string;
  path: string;
  st: Stat;
  target?: string;
  /** st_nlink (long listings: fsmeta.ts linkCount). */
  nlink?: number;
  /** -lL on a link whose target could not be stat'ed: a row of '?' (ls.c print_long_format, `! f->stat_ok`). */
  unknown?: true;
}

/** coreutils 9.4 ls.c long_options this host answers (the rest answer "unrecognized option"). */
const LONG_FLAGS: Record<string, string> = {
  all: 'a',
  'almost-all': 'A',
  directory: 'd',
  recursive: 'R',
  reverse: 'r',
  'human-readable': 'h',
  classify: 'F',
  inode: 'i',
  size: 's',
  'numeric-uid-gid': 'n',
  dereference: 'L',
  'dereference-command-line': 'H',
};

/** coreutils 9.4 ls.c color_args / argmatch: the words --color takes. */
const COLOR_WORDS = ["'always', 'yes', 'force'", "'never', 'no', 'none'", "'auto', 'tty', 'if-tty'"];

/** ls.c attach: an entry's name as ls reports it, after its directory's operand unless that is ".". */
const shownIn = (dir: string, name: string) => (dir === '.' ? name : `${dir}${dir.endsWith('/') ? '' : '/'}${name}`);

/** ls.c's dereference modes: -H, --dereference-command-line-symlink-to-dir (the default in some cases), -L; or none. */
type Deref = 'never' | 'args' | 'symdir' | 'always';

/**
 * A command-line operand's stat (coreutils@v9.4:src/ls.c gobble_file): stat when following, lstat when not, and for
 * DEREF_COMMAND_LINE_SYMLINK_TO_DIR lstat again unless stat found a directory (or failed with other than ENOENT or
 * ELOOP). A trailing slash makes even lstat resolve the last link (pathlookup.ts), so `ls -l link/` lists the directory.
 */
async function operandStat(fs: Parameters<SimCommand['run']>[1]['fs'], abs: string, spelled: string, how: Deref): Promise<Stat> {
  if (how === 'never') return statAs(fs, abs, spelled, false);
  try {
    const st = await statAs(fs, abs, spelled, true);
    return how === 'symdir' && !st.isDirectory ? statAs(fs, abs, spelled, false) : st;
  } catch (e) {
    if (how === 'symdir' && /^(ENOENT|ELOOP)/.test(e instanceof Error ? e.message : '')) return statAs(fs, abs, spelled, false);
    throw e;
  }
}

export const ls: SimCommand = {
  name: 'ls',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    let long = false;
    let all = false;
    let dots = false;
    let one = false;
    let dirOnly = false;
    let recursive = false;
    let reverse = false;
    let sort: 'name' | 'time' | 'size' | 'none' = 'name';
    let classify: 'none' | 'slash' | 'all' = 'none';
    let humanSizes = false;
    let inode = false;
    let sizes = false;
    let numeric = false;
    let owner = true;
    let group = true;
    let columnsAlways = false;
    let deref: Deref | undefined;
    const paths: string[] = [];
    const bad = (text: string) =>
      R('', bb ? `ls: unrecognized option: ${text}\n` : `ls: invalid option -- '${text}'\nTry 'ls --help' for more information.\n`, 2);
    const short = (ch: string): boolean => {
      if (ch === 'l') long = true;
      else if (ch === 'a') all = dots = true;
      else if (ch === 'A') all = true;
      else if (ch === '1') {
        one = true;
        columnsAlways = false;
      } else if (ch === 'd') dirOnly = true;
      else if (ch === 'R') recursive = true;
      else if (ch === 'r') reverse = true;
      else if (ch === 't') sort = 'time';
      else if (ch === 'S') sort = 'size';
      else if (ch === 'U') sort = 'none';
      else if (ch === 'f') {
        // -f: -a and -U (and no colour, no long format's sorting).
        all = dots = true;
        sort = 'none';
      } else if (ch === 'F') classify = 'all';
      else if (ch === 'p') classify = 'slash';
      else if (ch === 'h') humanSizes = true;
      else if (ch === 'i') inode = true;
      else if (ch === 's') sizes = true;
      else if (ch === 'n') long = numeric = true;
      else if (ch === 'g') {
        long = true;
        owner = false;
      } else if (ch === 'o') {
        long = true;
        group = false;
      } else if (ch === 'C') {
        columnsAlways = true;
        one = false;
      } else if (ch === 'L') deref = 'always';
      else if (ch === 'H') deref = 'args';
      else return false;
      return true;
    };
    let operandsOnly = false;
    for (const a of args) {
      if (operandsOnly || a === '-' || !a.startsWith('-')) {
        paths.push(a);
        continue;
      }
      if (a === '--') {
        operandsOnly = true;
        continue;
      }
      if (a === '--help') return R('Usage: ls [OPTION]... [FILE]...\nList information about the FILEs (the current directory by default).\n');
      if (a.startsWith('--')) {
        const [name, value] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
        if (!bb && (name === 'color' || name === 'colour')) {
          // The host's terminal shows no colours (as if TERM had none): every valid word is accepted.
          if (value === undefined || /^(always|yes|force|never|no|none|auto|tty|if-tty)$/.test(value)) continue;
          return R(
            '',
            `ls: invalid argument '${value}' for '--color'\nValid arguments are:\n${COLOR_WORDS.map((w) => `  - ${w}\n`).join('')}Usage: ls [OPTION]... [FILE]...\nTry 'ls --help' for more information.\n`,
            2,
          );
        }
        if (!bb && value === undefined && name === 'dereference-command-line-symlink-to-dir') {
          deref = 'symdir';
          continue;
        }
        const letter = !bb && value === undefined ? LONG_FLAGS[name] : undefined;
        if (letter && short(letter)) continue;
        return R('', bb ? `ls: unrecognized option: ${a.slice(2)}\n` : `ls: unrecognized option '${a}'\nTry 'ls --help' for more information.\n`, 2);
      }
      for (const ch of a.slice(1)) if (!short(ch)) return bad(ch);
    }
    if (!paths.length) paths.push('.');
    const upper = paths.length === 1 && !recursive ? overlay2Ls(env, env.fs.resolvePath(env.cwd, paths[0] as string), { long, dirOnly }) : undefined;
    if (upper) return upper;
    const fs = env.fs;
    const tty = env.tty;
    const now = env.host.clock.nowMs;
    let out = '';
    let err = '';
    let code = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    // A link's target is shown (-l) or counted (its size: -S, -s); a short listing reads no link.
    const targets = long || (sort as string) === 'size' || sizes;
    // coreutils@v9.4:src/ls.c main: without -L/-H, command-line links to directories are followed unless -d, -F or -l;
    // busybox@1_36_1:coreutils/ls.c ls_main: every command-line link is followed unless -l, -i, -s or -F (or with -H/-L).
    const how: Deref =
      deref ??
      (bb
        ? long || inode || sizes || (classify as string) === 'all'
          ? 'never'
          : 'args'
        : dirOnly || (classify as string) === 'all' || long
          ? 'never'
          : 'symdir');
    for (const p of paths) {
      const abs = fs.resolvePath(env.cwd, p);
      try {
        const st = await operandStat(fs, abs, p, how);
        const e: Entry = { name: p, path: abs, st };
        if (st.isSymbolicLink && targets) e.target = await fs.readlink(abs);
        if (st.isDirectory && !dirOnly) dirs.push(e);
        else files.push(e);
      } catch (x) {
        const why = strerror(x, bb);
        err += bb ? `ls: ${p}: ${why}\n` : `ls: cannot access '${p}': ${why}\n`;
        // coreutils@v9.4:src/ls.c: LS_FAILURE (2) for an operand it cannot access; busybox@1_36_1:coreutils/ls.c
        // my_stat: EXIT_FAILURE (1).
        code = bb ? 1 : 2;
      }
    }
    // ls.c sort_files: by name (C.UTF-8: byte order), newest first (-t), largest first (-S), ties
    // by name; -r reverses; -U keeps the directory's order.
    const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const order = (entries: Entry[]): Entry[] => {
      if (sort === 'none') return entries;
      const cmp =
        sort === 'time'
          ? (a: Entry, b: Entry) => b.st.mtime.getTime() - a.st.mtime.getTime() || byName(a, b)
          : sort === 'size'
            ? (a: Entry, b: Entry) => sizeOf(b.st, b.target, b.path) - sizeOf(a.st, a.target, a.path) || byName(a, b)
            : byName;
      const sorted = [...entries].sort(cmp);
      return reverse ? sorted.reverse() : sorted;
    };
    const sizeText = (n: number) => (humanSizes ? human(n) : String(n));
    const blk = (e: Entry) => (e.unknown ? 0 : allocBlocks(e.st, e.path, e.target) / 2);
    const ids = long ? await idNames(env) : undefined;
    // Long listings count each entry's links first (a directory's: its subdirectories).
    const counted = async (entries: Entry[]): Promise<Entry[]> => {
      if (long) for (const e of entries) if (!e.unknown) e.nlink = await linkCount(fs, e.path, e.st);
      return entries;
    };
    const render = (entries: Entry[]): string => {
      const inoW = Math.max(0, ...entries.map((e) => String(inodeOfPath(e.st.linkOf ?? e.path)).length));
      // busybox@1_36_1:coreutils/ls.c display_single: "%7llu ".
      // ls.c print_file_name_and_frills / print_long_format: -s puts the 1024-byte blocks before, right-aligned to the widest.
      const blkW = Math.max(0, ...entries.map((e) => String(blk(e)).length));
      const ino = (e: Entry) =>
        (inode ? `${String(inodeOfPath(e.st.linkOf ?? e.path)).padStart(bb ? 7 : inoW)} ` : '') + (sizes ? `${String(blk(e)).padStart(bb ? 4 : blkW)} ` : '');
      if (!long) {
        const names = entries.map((e) => ino(e) + quote(e.name, tty, bb) + indicator(e.st, classify, false));
        // -C lays out columns even into a pipe, 80 wide there (ls.c: COLUMNS unset, not a terminal).
        if (columnsAlways) return columns(names, tty ? env.columns : 80);
        return one || !tty ? names.map((n) => `${n}\n`).join('') : columns(names, env.columns);
      }
      // coreutils ls.c gobble_file: a device's size column is "major, minor", the two right-aligned
      // in their own widths, and the column as wide as the widest size or that pair.
      const devs = entries.map((e) => e.st.rdev).filter((d): d is { major: number; minor: number } => Boolean(d));
      const majW = Math.max(0, ...devs.map((d) => String(d.major).length));
      const minW = Math.max(0, ...devs.map((d) => String(d.minor).length));
      const sizeW = Math.max(
        1,
        devs.length ? majW + 2 + minW : 0,
        // The widths are the listed files' (gobble_file measures only what it could stat).
        ...entries.filter((e) => !e.st.rdev && !e.unknown).map((e) => sizeText(sizeOf(e.st, e.target, e.path)).length),
      );
      // coreutils@v9.4:src/ls.c print_long_format: the link count right-aligned to the widest, then
      // format_user_or_group: a name left-aligned to the widest, an id without one (or -n) right-aligned.
      // busybox@1_36_1:coreutils/ls.c display_single: "%4lu ", then "%-8.8s " for each name (or its number).
      const name = (id: number, of: 'user' | 'group') => (numeric ? undefined : of === 'user' ? ids?.user(id) : ids?.group(id));
      const cols = entries.map((e) => ({ nl: String(e.nlink ?? 1), u: e.st.uid ?? 0, g: e.st.gid ?? 0 }));
      const known = cols.filter((_c, i) => !entries[i]?.unknown);
      const nlW = Math.max(0, ...known.map((c) => c.nl.length));
      const uW = Math.max(0, ...known.map((c) => (name(c.u, 'user') ?? String(c.u)).length));
      const gW = Math.max(0, ...known.map((c) => (name(c.g, 'group') ?? String(c.g)).length));
      const col = (id: number, of: 'user' | 'group', w: number) => {
        const n = name(id, of);
        if (bb) return ` ${(n ?? String(id)).slice(0, 8).padEnd(8)}`;
        return ` ${n !== undefined ? n.padEnd(w) : String(id).padStart(w)}`;
      };
      return entries
        .map((e, i) => {
          const d = e.st.rdev;
          const c = cols[i] as { nl: string; u: number; g: number };
          const name = quote(e.name, tty, bb) + indicator(e.st, classify, true) + (e.target !== undefined ? ` -> ${quote(e.target, tty, bb)}` : '');
          // busybox@1_36_1:coreutils/ls.c display_single: "%4u, %3u " for a device, "%9"OFF_FMT"u " for a size.
          const bbSize = d ? `${String(d.major).padStart(4)}, ${String(d.minor).padStart(3)}` : sizeText(sizeOf(e.st, e.target, e.path)).padStart(9);
          const size = d
            ? `${String(d.major).padStart(sizeW - 2 - minW)}, ${String(d.minor).padStart(minW)}`
            : sizeText(sizeOf(e.st, e.target, e.path)).padStart(sizeW);
          const who = `${owner ? col(c.u, 'user', uW) : ''}${group ? col(c.g, 'group', gW) : ''}`;
          // ls.c print_long_format without stat_ok: the type letter and '?' in every column, the time's '?' as wide as a time.
          if (e.unknown)
            return `${ino(e)}l????????? ${'?'.padStart(nlW)}${owner ? ` ${'?'.padEnd(uW)}` : ''}${group ? ` ${'?'.padEnd(gW)}` : ''} ${'?'.padStart(sizeW)} ${'?'.padStart(12)} ${quote(e.name, tty, bb)}\n`;
          return bb
            ? `${ino(e)}${modeString(e.st)} ${c.nl.padStart(4)}${who} ${bbSize} ${when(e.st.mtime.getTime(), now)} ${name}\n`
            : `${ino(e)}${modeString(e.st)} ${c.nl.padStart(nlW)}${who} ${size} ${when(e.st.mtime.getTime(), now)} ${name}\n`;
        })
        .join('');
    };
    const unread: { name: string; text: string }[] = [];
    const listed = async (d: Entry): Promise<Entry[]> => {
      const names = [...(dots ? ['.', '..'] : []), ...(await fs.readdir(d.path)).filter((n) => all || !n.startsWith('.'))];
      const entries: Entry[] = [];
      for (const n of names) {
        const path = n === '.' ? d.path : n === '..' ? fs.resolvePath(d.path, '..') : d.path === '/' ? `/${n}` : `${d.path}/${n}`;
        const lst = await fs.lstat(path).catch(() => undefined);
        if (!lst) continue;
        // -L: each entry's own stat. A long listing stats each entry (ls.c gobble_file: format_needs_stat), so one that
        // cannot be is reported (status 1: not a command-line argument) and listed as '?' (busybox: left out).
        let st = lst;
        let unknown = false;
        if (how === 'always' && lst.isSymbolicLink) {
          const got = await fs.stat(path).catch((x: Error) => x);
          if (!(got instanceof Error)) st = got;
          else if (long) {
            err += bb ? `ls: ${d.name.replace(/\/$/, '')}/${n}: ${strerror(got, bb)}\n` : `ls: cannot access '${shownIn(d.name, n)}': ${strerror(got, bb)}\n`;
            code = Math.max(code, 1);
            if (bb) continue;
            unknown = true;
          }
        }
        const e: Entry = { name: n, path, st, ...(unknown ? { unknown: true as const } : {}) };
        if (st.isSymbolicLink && targets && !bb) e.target = await fs.readlink(path).catch(() => '');
        entries.push(e);
      }
      // closedir: a descriptor the reading opened is gone (its own /proc/PID/fd lists it: fs/procfs.ts).
      env.host.files.openFdDir = undefined;
      // busybox@1_36_1:coreutils/ls.c display_single reads a link when it shows it, after scan_one_dir's closedir;
      // one it cannot read is shown without a target (libbb/xreadlink.c xmalloc_readlink_or_warn).
      if (bb && targets)
        for (const e of entries) {
          if (!e.st.isSymbolicLink) continue;
          const got = await fs.readlink(e.path).catch((x: Error) => x);
          const text = `ls: ${d.name.replace(/\/$/, '')}/${e.name}: cannot read link: ${strerror(got, bb)}\n`;
          if (typeof got === 'string') e.target = got;
          // On a terminal stdout is line-buffered: the warning comes right before the entry's line.
          else if (tty) unread.push({ name: e.name, text });
          else err += text;
        }
      return order(entries);
    };
    // What ls wrote to stderr before its first line of output (an operand it could not access, an entry -lL could not
    // follow: gobble_file reports as it reads, before print_current_files): the terminal shows it first (`output`).
    let before = '';
    if (files.length) {
      before = err;
      out += render(await counted(order(files)));
    }
    // ls.c print_dir: a header when there is more than one operand or -R; -R then lists each
    // subdirectory (not . or .., not a symlink) after its parent, depth first, in listing order.
    const pending = order(dirs);
    const showHeader = paths.length > 1 || recursive;
    while (pending.length) {
      const d = pending.shift() as Entry;
      await env.tick();
      if (env.signal?.aborted) break;
      let entries: Entry[];
      const reading = err;
      try {
        entries = await listed(d);
      } catch {
        err += bb ? `ls: ${d.name}: Permission denied\n` : `ls: cannot open directory '${d.name}': Permission denied\n`;
        code = bb ? 1 : 2;
        continue;
      }
      // ls.c print_dir writes the header, then reads the directory.
      if (!out) before = showHeader ? reading : err;
      if (showHeader) out += `${out ? '\n' : ''}${d.name}:\n`;
      if (long) {
        // ls.c print_dir: "total" is the entries' st_blocks in 1024-byte units (shell/blocks.ts).
        const blocks = entries.reduce((n, e) => n + blk(e), 0);
        out += `total ${humanSizes ? human(blocks * 1024) : blocks}\n`;
      }
      out += render(await counted(entries));
      if (recursive) {
        const subs = entries
          .filter((e) => e.st.isDirectory && !e.st.isSymbolicLink && e.name !== '.' && e.name !== '..')
          .map((e) => ({ ...e, name: d.name === '/' ? `/${e.name}` : `${d.name.replace(/\/$/, '')}/${e.name}` }));
        pending.unshift(...subs);
      }
    }
    if (unread.length) return withUnread(R(out, err, code), before, unread);
    if (!out || !before) return R(out, err, code);
    const after = err.slice(before.length);
    const output = [
      { stream: 'stderr' as const, text: before },
      { stream: 'stdout' as const, text: out },
    ];
    return { ...R(out, err, code), output: after ? [...output, { stream: 'stderr' as const, text: after }] : output };
  },
};

/** busybox ls on a terminal: each link it could not read warned of right before its line (display_single). */
function withUnread(r: ExecResult, before: string, unread: { name: string; text: string }[]): ExecResult {
  const output: { stream: 'stdout' | 'stderr'; text: string }[] = before ? [{ stream: 'stderr', text: before }] : [];
  let err = before;
  for (const line of r.stdout.split(/(?<=\n)/)) {
    const i = unread.findIndex((u) => line.endsWith(` ${u.name}\n`));
    if (i >= 0) {
      const [u] = unread.splice(i, 1);
      output.push({ stream: 'stderr', text: u!.text });
      err += u!.text;
    }
    output.push({ stream: 'stdout', text: line });
  }
  const rest = r.stderr.slice(before.length);
  if (rest) output.push({ stream: 'stderr', text: rest });
  return { ...r, stderr: err + rest, output };
}
