/**
 * env. GNU env (coreutils 9.4, the Ubuntu host and Debian images) and busybox
 * env (alpine): options first (`-i`/`-`, `-u NAME`, `-C DIR`, `-0`), then NAME=VALUE
 * assignments, then the command, run with exactly that environment (coreutils@v9.4:src/env.c
 * main; busybox@1_36_1:coreutils/env.c).
 */
import type { ExecResult } from '../../api.ts';
import { getopt, tryHelp } from '../getopt.ts';
import { NO_PWD, visible } from '../environ.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
const fail = (stderr: string, exitCode: number): ExecResult => ({ stdout: '', stderr, exitCode });

/** Whether execvp finds `name` on `path` (glibc's default search path when PATH is unset: /bin:/usr/bin). */
export async function findable(env: CmdEnv, name: string, path: string | undefined): Promise<boolean> {
  const exists = (p: string) => env.fs.exists(env.fs.resolvePath(env.cwd, p)).catch(() => false);
  if (name.includes('/')) return exists(name);
  for (const dir of (path ?? '/bin:/usr/bin').split(':')) if (await exists(`${dir || '.'}/${name}`)) return true;
  return false;
}

export const envCommand: SimCommand = {
  name: 'env',
  async run(args, env): Promise<ExecResult> {
    const busybox = env.flavor === 'busybox';
    // coreutils@v9.4:src/env.c shortopts "+C:iS:u:v0" and longopts; busybox@1_36_1:coreutils/env.c "+iu:*0".
    const parsed = getopt(
      args,
      busybox ? '+iu:0' : '+C:iu:0',
      busybox
        ? []
        : [
            { name: 'ignore-environment', arg: 'none', key: 'i' },
            { name: 'null', arg: 'none', key: '0' },
            { name: 'unset', arg: 'required', key: 'u' },
            { name: 'chdir', arg: 'required', key: 'C' },
          ],
    );
    if (!parsed.ok)
      return fail(
        busybox
          ? `env: ${parsed.error}\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: env [-i] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]\n`
          : tryHelp('env', parsed.error),
        busybox ? 1 : 125,
      );
    let clear = parsed.opts.some(([k]) => k === 'i');
    const unset = parsed.opts.filter(([k]) => k === 'u').map(([, v]) => v as string);
    const nul = parsed.opts.some(([k]) => k === '0');
    const dir = parsed.opts.filter(([k]) => k === 'C').pop()?.[1];
    let rest = parsed.operands;
    if (rest[0] === '-') {
      clear = true;
      rest = rest.slice(1);
    }
    const vars = new Map<string, string>(clear ? [] : visible(env));
    if (!clear)
      for (const u of unset) {
        // unset_envvars: unsetenv fails on a name with '=' (EINVAL), coreutils@v9.4:src/env.c.
        if (u.includes('=') || u === '') return fail(busybox ? '' : `env: cannot unset '${u}': Invalid argument\n`, 125);
        vars.delete(u);
      }
    for (; rest.length && rest[0]!.includes('=') && !rest[0]!.startsWith('='); rest = rest.slice(1)) {
      const a = rest[0] as string;
      const eq = a.indexOf('=');
      vars.delete(a.slice(0, eq));
      vars.set(a.slice(0, eq), a.slice(eq + 1));
    }
    if (!rest.length) {
      if (dir !== undefined) return fail(tryHelp('env', 'must specify command with --chdir (-C)'), 125);
      return { stdout: [...vars].map(([k, v]) => `${k}=${v}${nul ? '\0' : '\n'}`).join(''), stderr: '', exitCode: 0 };
    }
    if (nul) return fail(tryHelp('env', 'cannot specify --null (-0) with command'), 125);
    const cmd = rest[0] as string;
    if (
      dir !== undefined &&
      !(await env.fs.stat(env.fs.resolvePath(env.cwd, dir)).then(
        (s) => s.isDirectory,
        () => false,
      ))
    )
      return fail(`env: cannot change directory to ${quote(dir)}: No such file or directory\n`, 125);
    if (!(await findable(env, cmd, vars.get('PATH'))))
      // coreutils@v9.4:src/env.c: error (0, errno, "%s", quote (argv[optind])), EXIT_ENOENT;
      // busybox@1_36_1:libbb/executable.c BB_EXECVP_or_die: "can't execute '%s'".
      return fail(busybox ? `env: can't execute '${cmd}': No such file or directory\n` : `env: '${cmd}': No such file or directory\n`, 127);
    // The command sees exactly `vars`, all of them exported (printenv, sh -c 'echo $X').
    if (!vars.has('PWD')) vars.set(NO_PWD, '1');
    const exported = env.session.exported;
    const added = [...vars.keys()].filter((k) => k !== NO_PWD).filter((k) => exported && !exported.has(k));
    for (const k of added) exported?.add(k);
    try {
      const names = [...vars.keys()].filter((k) => /^[A-Za-z_]\w*$/.test(k) && k !== NO_PWD);
      const line = `${names.length ? `export ${names.join(' ')}; ` : ''}${dir !== undefined ? `cd ${quote(dir)} && ` : ''}${rest.map(quote).join(' ')}`;
      // env execs the command (coreutils@v9.4:src/env.c execvp; busybox@1_36_1:coreutils/env.c BB_EXECVP_or_die):
      // the command runs as env's own process. A shell is no process here: it runs as env's, its commands children.
      const opts = { env: Object.fromEntries(vars), stdin: env.stdin };
      Object.assign(env.self, { argv: rest, comm: (rest[0] ?? '').split('/').pop()!.slice(0, 15) });
      if (/^(.*\/)?(ba|a)?sh$/.test(rest[0] ?? '')) return await env.runAs(env.self, () => env.exec(line, opts));
      return await env.execAs(env.self, line, opts);
    } finally {
      for (const k of added) exported?.delete(k);
    }
  },
};
