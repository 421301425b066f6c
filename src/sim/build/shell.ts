/**
 * A small /bin/sh for simulated RUN steps: it walks just-bash's AST
 * (`a && b || c; d`, pipelines, `VAR=x cmd`, `> file`), expands words, and
 * runs each simple command against the build's overlay filesystem. Commands
 * with effects the lessons rely on live in tools.ts (apt-get, apk, go, npm,
 * make); a command the image does not have fails with 127 as dash/ash would.
 */
import { minimatch } from 'minimatch';
import type { SimpleCommandNode, StatementNode, WordNode } from 'just-bash';
import { fromUtf8, utf8 } from '../image/digest.ts';
import { OverlayError, type OverlayRoot } from '../image/overlay.ts';
import { baseName, joinPath, parentOf } from '../image/tree.ts';
import type { AptMirror } from './packages.ts';
import { hasGlob, parseScript, wordText, WordError } from './words.ts';

export interface ShellContext {
  root: OverlayRoot;
  env: Map<string, string>;
  cwd: string;
  mirror: AptMirror;
  /** Log lines (what BuildKit shows in the error box), each with the simulated ms it was printed at. */
  log: { ms: number; text: string }[];
  /** Simulated time spent so far in this RUN, ms. */
  elapsed: number;
  /** `busybox` (alpine: "/bin/sh: x: not found") or `dash` (debian: "/bin/sh: 1: x: not found"). */
  flavor: 'busybox' | 'dash';
  /** `set -e` is in effect. */
  errexit?: boolean;
}

export type Tool = (args: string[], ctx: ShellContext, cmdEnv: Map<string, string>) => number;

export function say(ctx: ShellContext, text: string): void {
  for (const line of text.split('\n')) ctx.log.push({ ms: ctx.elapsed, text: line });
}

/** Writes a file, creating missing parent directories (what package managers and compilers do). */
export function put(ctx: ShellContext, path: string, content: Uint8Array | { size: number }, opts: { mode?: number; uid?: number; gid?: number } = {}): void {
  const dir = parentOf(path);
  if (!ctx.root.stat(dir)) ctx.root.mkdir(dir, { recursive: true });
  ctx.root.writeFile(path, content, opts);
}

export function spend(ctx: ShellContext, ms: number): void {
  ctx.elapsed += ms;
}

/** Whether an executable is on PATH in the image (e.g. `go`, `apt-get`). */
export function which(ctx: ShellContext, name: string, env: Map<string, string> = ctx.env): string | undefined {
  if (name.includes('/')) {
    const p = joinPath(ctx.cwd, name);
    return ctx.root.stat(p)?.type === 'file' ? p : undefined;
  }
  const path = env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  for (const dir of path.split(':')) {
    if (!dir) continue;
    const p = joinPath(dir, name);
    if (ctx.root.stat(p)?.type === 'file') return p;
  }
  return undefined;
}

function notFound(ctx: ShellContext, name: string): number {
  say(ctx, ctx.flavor === 'dash' ? `/bin/sh: 1: ${name}: not found` : `/bin/sh: ${name}: not found`);
  return 127;
}

/** Expands a word; unquoted globs match entries of the filesystem (no match: the pattern stays). */
function expandArg(w: WordNode, ctx: ShellContext, env: Map<string, string>): string[] {
  const text = wordText(w, env);
  if (!hasGlob(w)) return [text];
  const abs = joinPath(ctx.cwd, text);
  const dir = parentOf(abs);
  const pattern = baseName(abs);
  let names: string[] = [];
  try {
    names = ctx.root.readdir(dir).filter((n) => minimatch(n, pattern));
  } catch {
    names = [];
  }
  if (names.length === 0) return [text];
  const prefix = text.startsWith('/') ? dir : text.slice(0, text.length - pattern.length).replace(/\/$/, '');
  return names.map((n) => (prefix === '' ? n : prefix === '/' ? `/${n}` : `${prefix}/${n}`));
}

function fsError(ctx: ShellContext, cmd: string, e: unknown, path: string): number {
  if (e instanceof OverlayError) {
    const text = e.message.replace(/^[A-Z]+: /, '').replace(/, '.*'$/, '');
    say(ctx, ctx.flavor === 'dash' ? `${cmd}: cannot access '${path}': ${text}` : `${cmd}: ${path}: ${text}`);
    return 1;
  }
  throw e;
}

/** `exit N` unwinds the whole script (caught in runShell). */
class ShellExit {
  constructor(readonly code: number) {}
}
let lastStatus = 0;

const BUILTINS: Record<string, Tool> = {
  // exit [n]: n & 255, or the last command's status; dash and busybox ash reject a non-number.
  exit: (args, ctx) => {
    const a = args[0];
    if (a === undefined) throw new ShellExit(lastStatus);
    if (!/^\d+$/.test(a)) {
      say(ctx, ctx.flavor === 'dash' ? `/bin/sh: 1: exit: Illegal number: ${a}` : `/bin/sh: exit: line 1: Illegal number: ${a}`);
      throw new ShellExit(2);
    }
    throw new ShellExit(Number(a) & 255);
  },
  true: () => 0,
  ':': () => 0,
  false: () => 1,
  set: (args, ctx) => {
    for (const a of args) if (/^-[a-z]*e/.test(a)) ctx.errexit = true;
    return 0;
  },
  export: (args, ctx) => {
    for (const a of args) {
      const i = a.indexOf('=');
      if (i > 0) ctx.env.set(a.slice(0, i), a.slice(i + 1));
    }
    return 0;
  },
  cd: (args, ctx) => {
    const to = joinPath(ctx.cwd, args[0] ?? '/root');
    if (ctx.root.stat(to)?.type !== 'dir') {
      say(ctx, `/bin/sh: 1: cd: can't cd to ${args[0]}`);
      return 2;
    }
    ctx.cwd = to;
    return 0;
  },
  echo: (args, ctx) => {
    say(ctx, args.filter((a) => a !== '-n' && a !== '-e').join(' '));
    return 0;
  },
  // mkdir [-p] [-m MODE]: MODE (octal) is the last directory's (coreutils and busybox mkdir -m).
  mkdir: (args, ctx) => {
    const parents = args.some((a) => /^-[a-z]*p/.test(a));
    const m = args.findIndex((a) => /^-[a-z]*m/.test(a));
    const spec = m < 0 ? undefined : args[m]!.slice(args[m]!.indexOf('m') + 1) || args[m + 1];
    const mode = spec && /^[0-7]{1,4}$/.test(spec) ? parseInt(spec, 8) : undefined;
    for (const [i, a] of args.entries()) {
      if (a.startsWith('-') || (m >= 0 && i === m + 1 && !args[m]!.slice(args[m]!.indexOf('m') + 1))) continue;
      try {
        ctx.root.mkdir(joinPath(ctx.cwd, a), { recursive: parents, ...(mode !== undefined ? { mode } : {}) });
      } catch (e) {
        return fsError(ctx, 'mkdir', e, a);
      }
    }
    return 0;
  },
  touch: (args, ctx) => {
    for (const a of args.filter((x) => !x.startsWith('-'))) {
      const p = joinPath(ctx.cwd, a);
      try {
        if (!ctx.root.exists(p)) ctx.root.writeFile(p, new Uint8Array());
        else ctx.root.setMeta(p, {});
      } catch (e) {
        return fsError(ctx, 'touch', e, a);
      }
    }
    return 0;
  },
  rm: (args, ctx) => {
    const flags = args.filter((a) => a.startsWith('-')).join('');
    const recursive = /[rR]/.test(flags);
    const force = flags.includes('f');
    let rc = 0;
    for (const a of args.filter((x) => !x.startsWith('-'))) {
      const p = joinPath(ctx.cwd, a);
      if (!ctx.root.lstat(p)) {
        if (!force) {
          say(ctx, `rm: cannot remove '${a}': No such file or directory`);
          rc = 1;
        }
        continue;
      }
      try {
        if (ctx.root.lstat(p)?.type === 'dir' && !recursive) {
          say(ctx, `rm: cannot remove '${a}': Is a directory`);
          rc = 1;
          continue;
        }
        ctx.root.remove(p, { recursive });
      } catch (e) {
        rc = fsError(ctx, 'rm', e, a);
      }
    }
    return rc;
  },
  ln: (args, ctx) => {
    const rest = args.filter((a) => !a.startsWith('-'));
    if (rest.length !== 2) return 1;
    const dest = joinPath(ctx.cwd, rest[1]!);
    if (args.some((a) => /^-[a-z]*f/.test(a)) && ctx.root.lstat(dest)) ctx.root.remove(dest);
    ctx.root.symlink(dest, rest[0]!);
    return 0;
  },
  chmod: (args, ctx) => {
    const rest = args.filter((a) => !a.startsWith('-'));
    const mode = rest[0] && /^[0-7]{3,4}$/.test(rest[0]) ? parseInt(rest[0], 8) : undefined;
    for (const a of rest.slice(1)) {
      const p = joinPath(ctx.cwd, a);
      const e = ctx.root.stat(p);
      if (!e) return fsError(ctx, 'chmod', new OverlayError('ENOENT', p), a);
      ctx.root.setMeta(p, { mode: mode ?? (e.type === 'file' ? e.mode | 0o111 : e.mode) });
    }
    return 0;
  },
  // chown USER[:GROUP]: names from the image's /etc/passwd and /etc/group (numbers stand for themselves).
  chown: (args, ctx) => {
    const rest = args.filter((a) => !a.startsWith('-'));
    const [u = '0', g] = (rest[0] ?? '0').split(':');
    const id = (file: string, name: string) => {
      const e = ctx.root.stat(file);
      const rows = e?.type === 'file' && e.data ? fromUtf8(e.data).split('\n') : [];
      return rows.map((l) => l.split(':')).find((r) => r[0] === name);
    };
    const user = /^\d+$/.test(u) ? undefined : id('/etc/passwd', u);
    const uid = user ? Number(user[2]) : Number.isFinite(Number(u)) ? Number(u) : 1000;
    const group = g && !/^\d+$/.test(g) ? id('/etc/group', g) : undefined;
    const gid = group ? Number(group[2]) : g !== undefined && g !== '' && Number.isFinite(Number(g)) ? Number(g) : user && g === '' ? Number(user[3]) : undefined;
    for (const a of rest.slice(1)) {
      const p = joinPath(ctx.cwd, a);
      if (!ctx.root.stat(p)) return fsError(ctx, 'chown', new OverlayError('ENOENT', p), a);
      ctx.root.setMeta(p, gid === undefined ? { uid } : { uid, gid });
    }
    return 0;
  },
  cp: (args, ctx) => {
    const rest = args.filter((a) => !a.startsWith('-'));
    if (rest.length < 2) return 1;
    const dest = joinPath(ctx.cwd, rest[rest.length - 1]!);
    for (const a of rest.slice(0, -1)) {
      const src = joinPath(ctx.cwd, a);
      const e = ctx.root.stat(src);
      if (!e || e.type !== 'file') return fsError(ctx, 'cp', new OverlayError('ENOENT', src), a);
      const to = ctx.root.stat(dest)?.type === 'dir' ? joinPath(dest, baseName(src)) : dest;
      ctx.root.writeFile(to, e.data ? e.data : { size: e.size }, { mode: e.mode });
    }
    return 0;
  },
};

/** Registered tools with effects (tools.ts fills this in). */
export const TOOLS: Record<string, Tool> = {};

function runSimple(cmd: SimpleCommandNode, ctx: ShellContext): number {
  const env = new Map(ctx.env);
  for (const a of cmd.assignments) env.set(a.name, a.value ? wordText(a.value, env) : '');
  if (!cmd.name) {
    for (const a of cmd.assignments) ctx.env.set(a.name, env.get(a.name)!);
    return 0;
  }
  const name = wordText(cmd.name, env);
  const args = cmd.args.flatMap((w) => expandArg(w, ctx, env));
  const out = cmd.redirections.find((r) => (r.operator === '>' || r.operator === '>>') && (r.fd === null || r.fd === 1));
  const before = ctx.log.length;
  let rc: number;
  const builtin = BUILTINS[name];
  if (builtin) rc = builtin(args, ctx, env);
  else if (!which(ctx, name, env)) return notFound(ctx, name);
  else {
    try {
      rc = (TOOLS[baseName(name)] ?? (() => 0))(args, ctx, env);
    } catch (e) {
      rc = fsError(ctx, name, e, e instanceof OverlayError ? e.path : name);
    }
  }
  if (out && out.target.type === 'Word') {
    const printed = ctx.log.splice(before).map((l) => l.text + '\n').join('');
    const p = joinPath(ctx.cwd, wordText(out.target, env));
    let prev: Uint8Array = new Uint8Array();
    if (out.operator === '>>') {
      const e = ctx.root.stat(p);
      if (e?.type === 'file' && e.data) prev = e.data;
    }
    const add = utf8(printed);
    const data = new Uint8Array(prev.length + add.length);
    data.set(prev);
    data.set(add, prev.length);
    try {
      ctx.root.writeFile(p, data);
    } catch (e) {
      return fsError(ctx, '/bin/sh', e, p);
    }
  }
  return rc;
}

function runStatement(st: StatementNode, ctx: ShellContext): number {
  let rc = 0;
  st.pipelines.forEach((pl, i) => {
    const op = i === 0 ? ';' : st.operators[i - 1]!;
    if (op === '&&' && rc !== 0) return;
    if (op === '||' && rc === 0) return;
    for (const c of pl.commands) {
      if (c.type !== 'SimpleCommand') {
        rc = 0;
        continue;
      }
      rc = runSimple(c, ctx);
      lastStatus = rc;
    }
    if (pl.negated) rc = rc === 0 ? 1 : 0;
  });
  return rc;
}

/** Runs a script as `/bin/sh -c`, returning the exit status of the last command. */
export function runShell(script: string, ctx: ShellContext): number {
  let parsed;
  try {
    parsed = parseScript(script);
  } catch (e) {
    if (e instanceof WordError) {
      say(ctx, `/bin/sh: 1: Syntax error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  let rc = 0;
  lastStatus = 0;
  try {
    for (const st of parsed.statements) {
      rc = runStatement(st, ctx);
      if (ctx.errexit && rc !== 0) break;
    }
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  }
  return rc;
}
