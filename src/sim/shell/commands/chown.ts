import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { q } from '../quote.ts';
import { chownerOf } from '../simfs.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { rows } from '../users.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/**
 * chown [-R] USER[:[GROUP]] FILE... (or :GROUP). Names come from the root's /etc/passwd and /etc/group, a number
 * stands for itself; `USER:` takes the user's login group. coreutils@v9.4:gnulib lib/userspec.c parse_user_spec
 * words a bad name "invalid user" / "invalid group" (src/chown.c: `die (..., "%s: %s", e, quote (spec))`);
 * busybox@1_36_1:libpwdgrp/uidgid_get.c xuname2uid / xgroup2gid: "unknown user %s" / "unknown group %s", and
 * "unknown user/group %s" for USER:GROUP.
 * Without CAP_CHOWN the change is refused (linux v6.8 fs/attr.c chown_ok).
 */
export const chown: SimCommand = {
  name: 'chown',
  async run(args, env) {
    const recursive = args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive');
    const ops = args.filter((a) => !a.startsWith('-'));
    const [spec, ...paths] = ops;
    const bb = env.flavor === 'busybox';
    if (!spec || !paths.length)
      return R(
        '',
        bb
          ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n'
          : `chown: missing operand\nTry 'chown --help' for more information.\n`,
        1,
      );
    const ids = await resolve(env, spec);
    if (typeof ids === 'string') return R('', bb ? `chown: ${ids}\n` : `chown: ${ids}: ${q(env, spec)}\n`, 1);
    let err = '';
    const apply = chownerOf(env.host, env.session.root);
    for (const path of paths) {
      const abs = env.fs.resolvePath(env.cwd, path);
      const st = await env.fs.stat(abs).catch(() => undefined);
      if (!st) {
        err += bb ? `chown: ${path}: No such file or directory\n` : `chown: cannot access ${q(env, path)}: No such file or directory\n`;
        continue;
      }
      if (!hasCap(env.self.caps, 'chown')) {
        err += bb ? `chown: ${path}: Operation not permitted\n` : `chown: changing ownership of ${q(env, path)}: Operation not permitted\n`;
        continue;
      }
      for (const p of recursive ? await below(env, abs) : [abs]) {
        const cur = (await env.fs.stat(p).catch(() => undefined)) as { uid?: number; gid?: number } | undefined;
        await apply?.(p, ids.uid ?? cur?.uid ?? 0, ids.gid ?? cur?.gid ?? 0).catch(() => undefined);
      }
    }
    return R('', err, err ? 1 : 0);
  },
};

/** USER[:[GROUP]], USER.GROUP or :GROUP as ids (undefined: unchanged), or the error's words. */
async function resolve(env: CmdEnv, spec: string): Promise<{ uid?: number; gid?: number } | string> {
  const bb = env.flavor === 'busybox';
  const sep = spec.includes(':') ? spec.indexOf(':') : spec.indexOf('.');
  const user = sep < 0 ? spec : spec.slice(0, sep);
  const group = sep < 0 ? undefined : spec.slice(sep + 1);
  const passwd = await rows(env, '/etc/passwd');
  const groups = await rows(env, '/etc/group');
  const out: { uid?: number; gid?: number } = {};
  // busybox@1_36_1:libbb/parse_chown_usergroup_or_die.c: USER:[GROUP] goes through get_uidgid, which fails as a whole.
  const whole = bb && user && group !== undefined ? `unknown user/group ${spec.replace(/[:.]$/, '')}` : undefined;
  if (user) {
    const row = passwd.find((r) => r[0] === user);
    if (row) out.uid = Number(row[2]);
    // USER: takes the login group of a user /etc/passwd names (a number alone has none: "invalid spec").
    else if (group === '') return whole ?? 'invalid spec';
    else if (/^\d+$/.test(user)) out.uid = Number(user);
    else return whole ?? (bb ? `unknown user ${user}` : 'invalid user');
    if (group === '' && row) out.gid = Number(row[3]);
  }
  if (group) {
    const row = groups.find((r) => r[0] === group);
    if (row) out.gid = Number(row[2]);
    else if (/^\d+$/.test(group)) out.gid = Number(group);
    else return whole ?? (bb ? `unknown group ${group}` : 'invalid group');
  }
  return out;
}

/** A path and, for a directory, everything below it (chown -R). */
async function below(env: CmdEnv, abs: string): Promise<string[]> {
  const out = [abs];
  const st = await env.fs.lstat(abs).catch(() => undefined);
  if (!st?.isDirectory) return out;
  for (const n of await env.fs.readdir(abs).catch(() => [] as string[])) out.push(...(await below(env, abs === '/' ? `/${n}` : `${abs}/${n}`)));
  return out;
}
