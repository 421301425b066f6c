/**
 * `sysctl`: procps-ng 4.0.4 on the host (procps-ng@v4.0.4:src/sysctl.c), busybox 1.36.1 in
 * alpine (busybox@1_36_1:procps/sysctl.c). Both read and write the files under /proc/sys of
 * the shell's filesystem, so they see the caller's namespaces (kernel/sysctl.ts).
 */
import type { ExecResult } from '../../api.ts';
import { sysctlRefuses } from '../../kernel/sysctl.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { SYSCTL_USAGE, usageOf } from './usage.ts';

const PROC = '/proc/sys/';

/**
 * procps' slashdot: from the first separator on, swaps `old` and `new`, so a dot inside a
 * device name survives as a slash (net/ipv4/conf/flannel.1/forwarding ↔ net.ipv4.conf.flannel/1.forwarding).
 */
function slashdot(p: string, old: string, nu: string): { text: string; warn?: string } {
  const first = p.search(/[/.]/);
  if (first < 0 || p[first] === nu) return { text: p };
  let warn: string | undefined;
  let out = p.slice(0, first);
  for (let i = first; i < p.length; i++) {
    const c = p[i] as string;
    if ((c === '/' || c === '.') && (p[i + 1] === '/' || p[i + 1] === '.') && !warn) warn = `separators should not be repeated: ${p.slice(i)}`;
    out += c === old ? nu : c === nu ? old : c;
  }
  return { text: out, warn };
}

/** Whether /proc/sys is read-only for this shell (a container that is not privileged). */
function sysReadOnly(env: CmdEnv): boolean {
  const root = env.session.root;
  if (root === 'host') return false;
  return !(env.daemon.containers.get(root)?.hostConfig.Privileged ?? env.host.runc.roots.get(root)?.privileged ?? false);
}

/** What a command wrote, in order (a terminal shows stdout and stderr interleaved). */
interface Out {
  out: { stream: 'stdout' | 'stderr'; text: string }[];
}

async function isDir(env: CmdEnv, path: string): Promise<boolean | undefined> {
  const st = await env.fs.stat(path).catch(() => undefined);
  return st ? st.isDirectory : undefined;
}

/** procps-ng 4.0.4. */
async function procps(args: string[], env: CmdEnv): Promise<ExecResult> {
  const o = { all: false, names: true, newline: true, ignore: false, nameOnly: false, write: false, quiet: false, pattern: undefined as RegExp | undefined };
  const keys: string[] = [];
  let system = false;
  let preload: string | null | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      keys.push(...args.slice(i + 1));
      break;
    }
    if (a === '--system') {
      // procps-ng@v4.0.4:src/sysctl.c main, SYSTEM_OPTION: IgnoreError, PreloadSystem, write_setting_list, return.
      o.ignore = true;
      system = true;
      break;
    }
    if (a === '--all') o.all = true;
    else if (a === '--load' || a.startsWith('--load=')) preload = a.startsWith('--load=') ? a.slice(7) : (args[++i] ?? null);
    else if (a === '--values') o.names = false;
    else if (a === '--binary') Object.assign(o, { names: false, newline: false });
    else if (a === '--ignore') o.ignore = true;
    else if (a === '--names') o.nameOnly = true;
    else if (a === '--write') o.write = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--help') return { stdout: SYSCTL_USAGE, stderr: '', exitCode: 0 };
    else if (a === '--version') return { stdout: 'sysctl from procps-ng 4.0.4\n', stderr: '', exitCode: 0 };
    else if (a === '--pattern' || a === '-r') o.pattern = new RegExp(args[++i] ?? '');
    // getopt_long's complaint, then Usage(stdout) for '?', which exits 0 (procps-ng@v4.0.4:src/sysctl.c main).
    else if (a.startsWith('--'))
      return {
        stdout: SYSCTL_USAGE,
        stderr: `sysctl: unrecognized option '${a}'\n`,
        exitCode: 0,
        output: [
          { stream: 'stderr', text: `sysctl: unrecognized option '${a}'\n` },
          { stream: 'stdout', text: SYSCTL_USAGE },
        ],
      };
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if ('aAX'.includes(c)) o.all = true;
        else if (c === 'b') Object.assign(o, { names: false, newline: false });
        else if (c === 'n') o.names = false;
        else if (c === 'e') o.ignore = true;
        else if (c === 'N') o.nameOnly = true;
        else if (c === 'w') o.write = true;
        else if (c === 'q') o.quiet = true;
        else if (c === 'p' || c === 'f') {
          // -p[FILE]: an attached argument is the file; otherwise the operands are (or /etc/sysctl.conf).
          preload = a.slice(j + 1) || null;
          break;
        } else if ('ox'.includes(c)) continue;
        else if (c === 'V') return { stdout: 'sysctl from procps-ng 4.0.4\n', stderr: '', exitCode: 0 };
        else if ('hd'.includes(c)) return { stdout: SYSCTL_USAGE, stderr: '', exitCode: 0 };
        else if (c === 'r') {
          o.pattern = new RegExp(a.slice(j + 1) || (args[++i] ?? ''));
          break;
        } else
          return {
            stdout: SYSCTL_USAGE,
            stderr: `sysctl: invalid option -- '${c}'\n`,
            exitCode: 0,
            output: [
              { stream: 'stderr', text: `sysctl: invalid option -- '${c}'\n` },
              { stream: 'stdout', text: SYSCTL_USAGE },
            ],
          };
      }
    } else keys.push(a);
  }
  const r: Out = { out: [] };
  const warn = (m: string) => r.out.push({ stream: 'stderr', text: `sysctl: ${m}\n` });
  const say = (text: string) => r.out.push({ stream: 'stdout', text });
  const done = (rc: number): ExecResult => ({
    stdout: r.out
      .filter((c) => c.stream === 'stdout')
      .map((c) => c.text)
      .join(''),
    stderr: r.out
      .filter((c) => c.stream === 'stderr')
      .map((c) => c.text)
      .join(''),
    exitCode: rc & 0xff,
    output: r.out,
  });

  // ReadSetting: one file, or a whole directory through DisplayAll.
  const read = async (name: string): Promise<number> => {
    const path = PROC + slashdot(name, '.', '/').text;
    const outname = slashdot(name, '/', '.').text;
    const dir = await isDir(env, path);
    if (dir === undefined) {
      if (o.ignore) return 0;
      warn(`cannot stat ${path}: No such file or directory`);
      return 1;
    }
    if (dir) return displayAll(`${path}/`);
    if (o.pattern && !o.pattern.test(outname)) return 0;
    if (o.nameOnly) {
      say(`${outname}\n`);
      return 0;
    }
    const value = await env.readFile(path);
    say(o.names ? `${outname} = ${value}` : o.newline ? value : value.replace(/\n$/, ''));
    return 0;
  };
  // DisplayAll: the directory's entries in readdir order (the kernel's, by name); a subdirectory's status is dropped, as procps does.
  const displayAll = async (dir: string): Promise<number> => {
    let rc = 0;
    for (const n of await env.fs.readdir(dir)) {
      const p = `${dir}${n}`;
      if (await isDir(env, p)) await displayAll(`${p}/`);
      else rc |= await read(p.slice(PROC.length));
      await env.tick();
    }
    return rc;
  };
  // WriteSetting.
  const write = async (kv: string, where = 'command line(0)'): Promise<number> => {
    const line = kv.trimStart();
    if (line.length < 2 || line.startsWith('#') || line.startsWith(';')) return 1;
    const eq = line.indexOf('=');
    if (eq < 0) {
      if (line.startsWith('-')) return 0;
      warn(`${where}: invalid syntax, continuing...`);
      return 1;
    }
    let key = line.slice(0, eq).trimEnd();
    const value = line.slice(eq + 1).trim();
    const ignoreFailure = key.startsWith('-');
    if (ignoreFailure) key = key.slice(1);
    const sd = slashdot(key, '.', '/');
    if (sd.warn) warn(sd.warn);
    const path = PROC + sd.text;
    const dir = await isDir(env, path);
    if (dir === undefined) {
      if (o.ignore) return 0;
      warn(`cannot stat ${path}: No such file or directory`);
      return 1;
    }
    const dotted = slashdot(sd.text, '/', '.').text;
    const st = await env.fs.stat(path);
    if (dir) {
      warn(`setting key "${dotted}": Is a directory`);
      return 0;
    }
    if ((st.mode & 0o200) === 0) {
      warn(`setting key "${dotted}": Operation not permitted`);
      return 0;
    }
    // fprocopen(path, "w"): EROFS under a read-only /proc/sys, EACCES for a user other than root.
    if (sysReadOnly(env) || env.self.euid !== 0) {
      warn(`permission denied on key "${dotted}"${ignoreFailure ? ', ignoring' : ''}`);
      return ignoreFailure ? 0 : 1;
    }
    // The kernel refuses the value when it is written: procps@v4.0.4:src/sysctl.c WriteSetting, close_stream fails, xwarn.
    if (sysctlRefuses(env.host.kernel, sd.text, value)) {
      warn(`setting key "${dotted}": Invalid argument`);
      return 1;
    }
    await env.fs.writeFile(path, `${value}\n`);
    if (!o.quiet) say(o.nameOnly ? `${dotted}\n` : o.names ? `${dotted} = ${value}\n` : o.newline ? `${value}\n` : value);
    return 0;
  };

  // Preload: a file's setting lines, kept for write_setting_list (procps-ng@v4.0.4:src/sysctl.c Preload, parse_setting_line).
  const settings: { line: string; where: string }[] = [];
  const load = async (file: string): Promise<number> => {
    const text = await env.fs.readFile(env.fs.resolvePath(env.cwd, file)).catch(() => undefined);
    if (text === undefined) {
      warn(`cannot open "${file}": No such file or directory`); // xwarn(_("cannot open \"%s\""), …)
      return 1;
    }
    text.split('\n').forEach((raw, n) => {
      const line = raw.trimStart();
      if (raw.length + 1 < 2 || line.length < 2 || line.startsWith('#') || line.startsWith(';')) return;
      if (o.pattern && !o.pattern.test(line)) return;
      if (!line.includes('=')) {
        if (!line.startsWith('-')) warn(`${file}(${n + 1}): invalid syntax, continuing...`);
        return;
      }
      settings.push({ line: raw.replace(/\n$/, ''), where: `${file}(${n + 1})` });
    });
    return 0;
  };
  const writeAll = async (): Promise<number> => {
    let rc = 0;
    for (const s of settings) rc |= await write(s.line, s.where);
    return rc;
  };
  if (system) {
    // PreloadSystem: *.conf names from each directory (the first directory holding a name wins), sorted by name, then /etc/sysctl.conf.
    const seen = new Map<string, string>();
    for (const d of ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d']) {
      for (const n of await env.fs.readdir(d).catch(() => [] as string[])) if (n.length >= 5 && n.endsWith('.conf') && !seen.has(n)) seen.set(n, `${d}/${n}`);
    }
    let rc = 0;
    for (const n of [...seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const path = seen.get(n) as string;
      if (!o.quiet) say(`* Applying ${path} ...\n`); // printf(_("* Applying %s ...\n"), …)
      rc |= await load(path);
    }
    const st = await env.fs.stat('/etc/sysctl.conf').catch(() => undefined);
    if (st?.isFile) {
      if (!o.quiet) say('* Applying /etc/sysctl.conf ...\n');
      rc |= await load('/etc/sysctl.conf');
    }
    rc |= await writeAll();
    return done(rc);
  }
  if (preload !== undefined) {
    let rc = 0;
    if (preload === null) {
      if (!keys.length) rc |= await load('/etc/sysctl.conf');
    } else rc |= await load(preload);
    for (const k of keys) rc |= await load(k);
    rc |= await writeAll();
    return done(rc);
  }
  let rc = 0;
  if (o.all) rc = await displayAll(PROC);
  else if (!keys.length) return { stdout: '', stderr: "sysctl: no variables specified\nTry `sysctl --help' for more information.\n", exitCode: 1 };
  else if (o.nameOnly && o.quiet)
    return { stdout: '', stderr: "sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n", exitCode: 1 };
  else for (const k of keys) rc += o.write || k.includes('=') ? await write(k) : await read(k);
  return done(rc);
}

/** busybox 1.36.1: `sysctl [-enNqw] { -a | -p FILE | [-w] KEY[=VALUE]... }`. */
async function busybox(args: string[], env: CmdEnv): Promise<ExecResult> {
  let i = 0;
  const f = { n: false, e: false, a: false, w: false };
  for (; i < args.length && (args[i] as string).startsWith('-') && args[i] !== '-'; i++) {
    for (const c of (args[i] as string).slice(1)) {
      if (c === 'n') f.n = true;
      else if (c === 'e') f.e = true;
      else if (c === 'a' || c === 'A') f.a = true;
      else if (c === 'w') f.w = true;
      else if (c === 'p') return { stdout: '', stderr: "sysctl: can't open '/etc/sysctl.conf': No such file or directory\n", exitCode: 1 };
      else return { stdout: '', stderr: `sysctl: unrecognized option: ${c}\n${usageOf('sysctl', 'busybox')?.text ?? ''}`, exitCode: 1 };
    }
  }
  const out: string[] = [];
  const err: string[] = [];
  const act = async (rel: string): Promise<number> => {
    const outname = rel.replace(/\//g, '.');
    if (f.w) {
      const eq = rel.indexOf('=');
      if (eq < 0) {
        err.push(`sysctl: error: '${outname}' must be of the form name=value\n`);
        return 1;
      }
      const value = rel.slice(eq + 1);
      const key = outname.slice(0, eq);
      if (eq === 0 || !value) {
        err.push(`sysctl: error: malformed setting '${outname}'\n`);
        return 1;
      }
      const path = PROC + rel.slice(0, eq);
      if ((await isDir(env, path)) === undefined) {
        err.push(
          sysReadOnly(env) ? `sysctl: error setting key '${key}': Read-only file system\n` : `sysctl: error setting key '${key}': No such file or directory\n`,
        );
        return 1;
      }
      if (sysReadOnly(env) || env.self.euid !== 0) {
        err.push(`sysctl: error setting key '${key}': ${sysReadOnly(env) ? 'Read-only file system' : 'Permission denied'}\n`);
        return 1;
      }
      await env.fs.writeFile(path, value);
      out.push(`${f.n ? '' : `${key} = `}${value}\n`);
      return 0;
    }
    const path = PROC + rel;
    const dir = await isDir(env, path);
    if (dir === undefined) {
      if (!f.e) err.push(`sysctl: error: '${outname}' is an unknown key\n`);
      return 1;
    }
    if (dir) {
      let rc = 0;
      for (const n of await env.fs.readdir(path)) rc |= await act(rel ? `${rel}/${n}` : n);
      return rc;
    }
    const value = await env.readFile(path);
    out.push(`${f.n ? '' : `${outname} = `}${value}`);
    return 0;
  };
  // sysctl_dots_to_slashes: the fewest dots turned into slashes that name an existing file.
  const toSlashes = async (name: string): Promise<string> => {
    const eq = f.w ? name.indexOf('=') : -1;
    const key = eq >= 0 ? name.slice(0, eq) : name;
    const rest = eq >= 0 ? name.slice(eq) : '';
    const chars = [...key];
    let lastGood = -1;
    for (;;) {
      let changed = false;
      for (let c = chars.length; c > lastGood; c--) {
        if (c !== chars.length && chars[c] !== '.') continue;
        const candidate = chars.slice(0, c).join('');
        if ((await isDir(env, PROC + candidate)) !== undefined) {
          if (c !== chars.length) chars[c] = '/';
          if (c === chars.length) return candidate + rest;
          lastGood = c;
          changed = true;
          break;
        }
      }
      if (!changed) return chars.join('') + rest;
    }
  };
  let rc = 0;
  if (f.a) rc = await act('');
  else for (const k of args.slice(i)) rc |= await act(await toSlashes(k));
  return { stdout: out.join(''), stderr: err.join(''), exitCode: rc };
}

export const sysctl: SimCommand = {
  name: 'sysctl',
  async run(args, env) {
    return env.flavor === 'busybox' ? busybox(args, env) : procps(args, env);
  },
};
