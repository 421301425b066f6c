/**
 * realpath, coreutils 9.4: each name with every symlink followed (all but the last component
 * must exist; -e all, -m none), -s without following links, -q, -z, --relative-to DIR.
 * Texts: coreutils@v9.4:src/realpath.c (getopt "eLmPqsz", "missing operand",
 * error (0, errno, "%s", quotef (fname))).
 */
import type { ExecResult } from '../../api.ts';
import { normalizePath } from '../../path.ts';
import { getopt, tryHelp } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { canonicalize, type Mode } from './readlink.ts';

/** Without -P: `.` and `..` resolved as text (realpath -s). */
function lexical(cwd: string, name: string): string {
  return normalizePath(name.startsWith('/') ? name : `${cwd}/${name}`);
}

/** relpath.c: `path` relative to the directory `base` (both absolute). */
function relative(path: string, base: string): string {
  const a = path.split('/').filter(Boolean);
  const b = base.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rel = [...b.slice(i).map(() => '..'), ...a.slice(i)].join('/');
  return rel || '.';
}

export const realpath: SimCommand = {
  name: 'realpath',
  async run(args, env: CmdEnv): Promise<ExecResult> {
    const parsed = getopt(args, 'eLmPqsz', [
      { name: 'canonicalize-existing', arg: 'none', key: 'e' },
      { name: 'canonicalize-missing', arg: 'none', key: 'm' },
      { name: 'relative-to', arg: 'required', key: 'relative-to' },
      { name: 'relative-base', arg: 'required', key: 'relative-base' },
      { name: 'quiet', arg: 'none', key: 'q' },
      { name: 'strip', arg: 'none', key: 's' },
      { name: 'no-symlinks', arg: 'none', key: 's' },
      { name: 'zero', arg: 'none', key: 'z' },
      { name: 'logical', arg: 'none', key: 'L' },
      { name: 'physical', arg: 'none', key: 'P' },
    ]);
    if (!parsed.ok) return { stdout: '', stderr: tryHelp('realpath', parsed.error), exitCode: 1 };
    const has = (k: string) => parsed.opts.some(([x]) => x === k);
    const val = (k: string) => parsed.opts.filter(([x]) => x === k).pop()?.[1];
    if (!parsed.operands.length) return { stdout: '', stderr: tryHelp('realpath', 'missing operand'), exitCode: 1 };
    const mode: Mode = has('e') ? 'existing' : has('m') ? 'missing' : 'all-but-last';
    const resolve = async (name: string) =>
      has('s') || has('L')
        ? mode === 'missing' || (await env.fs.exists(lexical(env.cwd, name)).catch(() => false))
          ? lexical(env.cwd, name)
          : { errno: 'No such file or directory' }
        : canonicalize(env, name, mode);
    let base: string | undefined;
    const rt = val('relative-to') ?? val('relative-base');
    if (rt !== undefined) {
      const r = await canonicalize(env, rt, mode);
      if (typeof r !== 'string') return { stdout: '', stderr: `realpath: ${rt}: ${r.errno}\n`, exitCode: 1 };
      base = r;
    }
    let out = '';
    let err = '';
    for (const name of parsed.operands) {
      const r = await resolve(name);
      if (typeof r !== 'string') {
        if (!has('q')) err += `realpath: ${name}: ${r.errno}\n`;
        continue;
      }
      const shown = base !== undefined && (val('relative-to') !== undefined || r === base || r.startsWith(`${base}/`)) ? relative(r, base) : r;
      out += shown + (has('z') ? '\0' : '\n');
    }
    return { stdout: out, stderr: err, exitCode: err || parsed.operands.length > out.split(has('z') ? '\0' : '\n').length - 1 ? 1 : 0 };
  },
};
