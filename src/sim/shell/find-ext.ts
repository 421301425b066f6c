/**
 * GNU find 4.9.0's tests that just-bash's find lacks (it answers "unknown predicate"): -user, -group, -uid, -gid,
 * -nouser, -nogroup, -mmin, -amin, -cmin, -type l/s/p/b/c, and -mtime/-atime/-ctime against node1's clock (just-bash
 * compares with the wall clock). When a command line uses one of them, just-bash's find walks the starting points
 * (with -maxdepth/-mindepth, its traversal order and its errors) and the expression is evaluated here, on each path's
 * lstat, with GNU find's grammar (findutils@v4.9.0:find/parser.c: `!` binds tightest, then -a, implicit between two
 * tests, then -o, then `,`; parse_user/parse_group: a name or a number, else "%s is not the name of a known user" /
 * "... of an existing group"; get_relative_timestamp: +N more, -N less, N exactly; -Xmin counts minutes, -Xtime
 * whole days (truncated), both from the time find started; -type's letters; -perm MODE, -MODE, /MODE in octal).
 * Quotes as gnulib's locale_quoting_style in the POSIX locale node1's shell has: 'x'. Only -print and -print0
 * act here: -exec, -delete, -printf, -ls, -prune and -regex with these tests are said not to be simulated.
 */
import type * as JB from 'just-bash';
import type { SimStat } from './simfs.ts';

type R = { stdout: string; stderr: string; exitCode: number };
type Test = (path: string, st: SimStat) => boolean;
type Node = { kind: 'test'; test: Test } | { kind: 'print'; sep: string } | { kind: 'not'; e: Node } | { kind: 'and' | 'or' | 'comma'; l: Node; r: Node };

const EXT = new Set(['-user', '-group', '-uid', '-gid', '-nouser', '-nogroup', '-mmin', '-amin', '-cmin']);

/**
 * Whether this find command line needs the tests here. busybox 1.36.1's find (alpine) has `-type` with the same letters
 * (findutils/find.c find_type: b c d p f l s) and prints what GNU find prints for them; its other tests' errors are
 * worded its own way, so in busybox only a line whose one test from here is `-type` comes here.
 */
export function needsFindExt(args: string[], busybox = false): boolean {
  const typed = args.some((a, i) => a === '-type' && /^[lspbc]$/.test(args[i + 1] ?? ''));
  return busybox ? typed && !args.some((a) => EXT.has(a)) : typed || args.some((a) => EXT.has(a));
}

class FindError extends Error {}

/** fnmatch(3) as find's -name uses it (FNM_PERIOD not set): *, ?, [...]. */
function glob(pattern: string, flags = ''): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, `s${flags}`);
}

/** +N, -N, N against a value. */
function numeric(arg: string, option: string): (v: number) => boolean {
  const m = /^([+-]?)(\d+)$/.exec(arg);
  if (!m) throw new FindError(`find: invalid argument '${arg}' to '${option}'\n`);
  const n = Number(m[2]);
  return m[1] === '+' ? (v) => v > n : m[1] === '-' ? (v) => v < n : (v) => v === n;
}

const TYPE: Record<string, (st: SimStat) => boolean> = {
  f: (st) => st.isFile,
  d: (st) => st.isDirectory,
  l: (st) => st.isSymbolicLink,
  s: (st) => ((st.mode ?? 0) & 0o170000) === 0o140000,
  p: (st) => ((st.mode ?? 0) & 0o170000) === 0o010000,
  b: (st) => ((st.mode ?? 0) & 0o170000) === 0o060000,
  c: (st) => ((st.mode ?? 0) & 0o170000) === 0o020000,
};

export interface FindExtEnv {
  fs: JB.IFileSystem;
  cwd: string;
  nowMs: number;
  /** just-bash's own find. */
  orig: (args: string[]) => Promise<R>;
}

async function ids(fs: JB.IFileSystem, file: string): Promise<Map<string, number>> {
  const text = await fs.readFile(file).catch(() => '');
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && /^\d+$/.test(f[2] ?? '')) out.set(f[0] as string, Number(f[2]));
  }
  return out;
}

export async function findExt(args: string[], env: FindExtEnv): Promise<R> {
  const starts: string[] = [];
  let i = 0;
  while (i < args.length && !(args[i] as string).startsWith('-') && args[i] !== '(' && args[i] !== '!') starts.push(args[i++] as string);
  const depth: string[] = [];
  const words = args.slice(i);
  const users = await ids(env.fs, '/etc/passwd');
  const groups = await ids(env.fs, '/etc/group');
  const uids = new Set(users.values());
  const gids = new Set(groups.values());
  let pos = 0;
  let printed = false;
  const next = (opt: string) => {
    const v = words[pos++];
    if (v === undefined) throw new FindError(`find: missing argument to '${opt}'\n`);
    return v;
  };
  const time = (field: 'mtime' | 'atime' | 'ctime', unit: number, arg: string, opt: string): Test => {
    const cmp = numeric(arg, opt);
    return (_p, st) => {
      const t = (st[field] as Date | undefined)?.getTime() ?? st.mtime.getTime();
      return cmp(Math.floor((env.nowMs - t) / unit));
    };
  };
  const primary = (): Node => {
    const w = words[pos++] as string;
    if (w === '(') {
      const e = comma();
      if (words[pos++] !== ')') throw new FindError("find: invalid expression; you have too many '('\n");
      return e;
    }
    if (w === '!' || w === '-not') return { kind: 'not', e: primary() };
    const test = (t: Test): Node => ({ kind: 'test', test: t });
    const base = (p: string) => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1) || p;
    switch (w) {
      case '-print':
        printed = true;
        return { kind: 'print', sep: '\n' };
      case '-print0':
        printed = true;
        return { kind: 'print', sep: '\0' };
      case '-true':
        return test(() => true);
      case '-false':
        return test(() => false);
      case '-maxdepth':
      case '-mindepth':
        depth.push(w, next(w));
        return test(() => true);
      case '-name':
      case '-iname': {
        const re = glob(next(w), w === '-iname' ? 'i' : '');
        return test((p) => re.test(base(p)));
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const re = glob(next(w), w === '-ipath' ? 'i' : '');
        return test((p) => re.test(p));
      }
      case '-type': {
        const letters = next(w).split(',');
        const bad = letters.find((l) => !TYPE[l]);
        if (bad !== undefined) throw new FindError(`find: Unknown argument to -type: ${bad}\n`);
        return test((_p, st) => letters.some((l) => (TYPE[l] as (s: SimStat) => boolean)(st)));
      }
      case '-user':
      case '-group': {
        const name = next(w);
        const table = w === '-user' ? users : groups;
        const id = table.get(name) ?? (/^\d+$/.test(name) ? Number(name) : undefined);
        if (id === undefined)
          throw new FindError(w === '-user' ? `find: '${name}' is not the name of a known user\n` : `find: '${name}' is not the name of an existing group\n`);
        return test((_p, st) => (w === '-user' ? st.uid : st.gid) === id);
      }
      case '-uid':
      case '-gid': {
        const cmp = numeric(next(w), w);
        return test((_p, st) => cmp(w === '-uid' ? (st.uid ?? 0) : (st.gid ?? 0)));
      }
      case '-nouser':
        return test((_p, st) => !uids.has(st.uid ?? 0));
      case '-nogroup':
        return test((_p, st) => !gids.has(st.gid ?? 0));
      case '-mmin':
      case '-amin':
      case '-cmin':
        return test(time(`${w[1]}time` as 'mtime', 60_000, next(w), w));
      case '-mtime':
      case '-atime':
      case '-ctime':
        return test(time(w.slice(1) as 'mtime', 86_400_000, next(w), w));
      case '-newer': {
        const ref = next(w);
        let refMs = Number.POSITIVE_INFINITY;
        const node = test((_p, st) => st.mtime.getTime() > refMs);
        refTimes.push(async () => {
          const st = await env.fs.stat(env.fs.resolvePath(env.cwd, ref)).catch(() => undefined);
          if (!st) throw new FindError(`find: '${ref}': No such file or directory\n`);
          refMs = st.mtime.getTime();
        });
        return node;
      }
      case '-perm': {
        const m = /^([-/]?)([0-7]{1,4})$/.exec(next(w));
        if (!m) throw new FindError('find: -perm with a symbolic mode is not simulated on node1.\n');
        const mode = Number.parseInt(m[2] as string, 8);
        return test((_p, st) => {
          const have = (st.mode ?? 0) & 0o7777;
          return m[1] === '-' ? (have & mode) === mode : m[1] === '/' ? mode === 0 || (have & mode) !== 0 : have === mode;
        });
      }
      case '-size': {
        const m = /^([+-]?)(\d+)([ckMGb]?)$/.exec(next(w));
        if (!m) throw new FindError(`find: invalid -size type '${words[pos - 1]}'\n`);
        const unit = { c: 1, k: 1024, M: 1 << 20, G: 1 << 30, b: 512, '': 512 }[m[3] as 'c'];
        const cmp = numeric(`${m[1]}${m[2]}`, w);
        return test((_p, st) => cmp(Math.ceil(st.size / unit)));
      }
      case '-empty':
        return test((_p, st) => (st.isFile ? st.size === 0 : st.isDirectory && (emptyDirs.get(_p) ?? false)));
      default:
        if (w === undefined) throw new FindError("find: invalid expression; you have used a binary operator '-a' with nothing before it.\n");
        throw new FindError(`find: ${w} together with -user, -group, -mmin or -type l is not simulated on node1.\n`);
    }
  };
  const refTimes: (() => Promise<void>)[] = [];
  const emptyDirs = new Map<string, boolean>();
  const not = (): Node => primary();
  const and = (): Node => {
    let l = not();
    while (pos < words.length && words[pos] !== '-o' && words[pos] !== '-or' && words[pos] !== ',' && words[pos] !== ')') {
      if (words[pos] === '-a' || words[pos] === '-and') pos++;
      l = { kind: 'and', l, r: not() };
    }
    return l;
  };
  const or = (): Node => {
    let l = and();
    while (words[pos] === '-o' || words[pos] === '-or') {
      pos++;
      l = { kind: 'or', l, r: and() };
    }
    return l;
  };
  const comma = (): Node => {
    let l = or();
    while (words[pos] === ',') {
      pos++;
      l = { kind: 'comma', l, r: or() };
    }
    return l;
  };
  let expr: Node;
  try {
    expr = words.length ? comma() : { kind: 'test', test: () => true };
    if (pos < words.length) throw new FindError(`find: paths must precede expression: '${words[pos]}'\n`);
    for (const f of refTimes) await f();
  } catch (e) {
    if (e instanceof FindError) return { stdout: '', stderr: e.message, exitCode: 1 };
    throw e;
  }
  if (!printed) expr = { kind: 'and', l: expr, r: { kind: 'print', sep: '\n' } };
  // just-bash's find lists every path it reaches (and says what it cannot read): the tests are applied to that list.
  const walk = await env.orig([...starts, ...depth]);
  let out = '';
  const evaluate = (n: Node, p: string, st: SimStat): boolean => {
    switch (n.kind) {
      case 'test':
        return n.test(p, st);
      case 'print':
        out += p + n.sep;
        return true;
      case 'not':
        return !evaluate(n.e, p, st);
      case 'and':
        return evaluate(n.l, p, st) && evaluate(n.r, p, st);
      case 'or':
        return evaluate(n.l, p, st) || evaluate(n.r, p, st);
      case 'comma':
        evaluate(n.l, p, st);
        return evaluate(n.r, p, st);
    }
  };
  for (const p of walk.stdout.split('\n')) {
    if (!p) continue;
    const abs = env.fs.resolvePath(env.cwd, p);
    const st = (await env.fs.lstat(abs).catch(() => undefined)) as SimStat | undefined;
    if (!st) continue;
    if (st.isDirectory) emptyDirs.set(p, (await env.fs.readdir(abs).catch(() => ['x'])).length === 0);
    evaluate(expr, p, st);
  }
  return { stdout: out, stderr: walk.stderr, exitCode: walk.exitCode };
}
