/** id (coreutils 9.4 on the host and Debian images, busybox 1.36.1 in alpine). */
import type { ExecResult } from '../../api.ts';
import { getopt, tryHelp } from '../getopt.ts';
import { usageOf } from './usage.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { groupList, groupName, passwdOf, rows } from '../users.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/**
 * root's groups in a busybox image, as Docker's runtime gives them: the primary group, then every group of the image's
 * /etc/group that lists root as a member (alpine: bin, daemon, sys, adm, disk, wheel, floppy, dialout, tape, video;
 * busybox: wheel).
 */
function rootGroups(env: CmdEnv, g: number, gn: string): string {
  const group = env.host.runc.roots.get(env.self.root)?.files['/etc/group'];
  if (group === undefined) return `${g}(${gn})`;
  const out = [`${g}(${gn})`];
  for (const line of group.split('\n')) {
    const [name, , gid, members = ''] = line.split(':');
    if (name && gid !== undefined && Number(gid) !== g && members.split(',').includes('root')) out.push(`${gid}(${name})`);
  }
  return out.join(',');
}

/**
 * gnulib@coreutils-9.4 lib/mgetgroups.c: the egid first, then getgroups(), dropping each id equal to the first or to
 * the one kept before it (its O(n) pass against duplicates: a user namespace's unmapped groups all read 65534).
 */
function mgetgroups(eg: number, list: number[]): number[] {
  const out = [eg];
  for (const n of list) if (n !== eg && n !== out[out.length - 1]) out.push(n);
  return out;
}

const named = (n: number, s: string | undefined) => (s === undefined ? String(n) : `${n}(${s})`);

/**
 * `id USER…`: each user from the root's /etc/passwd, by name, else by number (coreutils@v9.4:src/id.c main,
 * parse_user_spec then getpwuid; "%s: no such user" with the name quoted; busybox@1_36_1:coreutils/id.c
 * xuname2uid, libbb/bb_pwd.c "unknown user %s", which ends the command).
 */
async function ofUsers(env: CmdEnv, users: string[], only: string | undefined, names: boolean): Promise<ExecResult> {
  const passwd = await rows(env, '/etc/passwd');
  const group = await rows(env, '/etc/group');
  const gname = (g: number) => group.find((r) => Number(r[2]) === g)?.[0];
  let out = '';
  let err = '';
  const output: ExecResult['output'] = [];
  const say = (stream: 'stdout' | 'stderr', text: string) => {
    if (stream === 'stdout') out += text;
    else err += text;
    output.push({ stream, text });
  };
  for (const spec of users) {
    const pw = (spec ? passwd.find((r) => r[0] === spec) : undefined) ?? (/^\d+$/.test(spec) ? passwd.find((r) => r[2] === String(Number(spec))) : undefined);
    if (!pw || pw.length < 4) {
      if (env.flavor === 'busybox') {
        say('stderr', `id: unknown user ${spec}\n`);
        return { stdout: out, stderr: err, exitCode: 1, output };
      }
      say('stderr', `id: '${spec}': no such user\n`);
      continue;
    }
    const [name, , uidText, gidText] = pw as [string, string, string, string];
    const uid = Number(uidText);
    const gid = Number(gidText);
    const gids = groupList(group, name, gid);
    if (only === 'u') say('stdout', `${names ? name : uid}\n`);
    else if (only === 'g') say('stdout', `${names ? (gname(gid) ?? gid) : gid}\n`);
    else if (only === 'G') say('stdout', `${gids.map((g) => (names ? (gname(g) ?? g) : g)).join(' ')}\n`);
    else say('stdout', `uid=${named(uid, name)} gid=${named(gid, gname(gid))} groups=${gids.map((g) => named(g, gname(g))).join(',')}\n`);
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0, output };
}

export const id: SimCommand = {
  name: 'id',
  async run(args, env) {
    const busybox = env.flavor === 'busybox';
    // coreutils@v9.4:src/id.c shortopts "agnruzGZ" and longopts; busybox@1_36_1:coreutils/id.c "^rnugG".
    const parsed = getopt(
      args,
      busybox ? 'rnugG' : 'agnruzGZ',
      busybox
        ? []
        : [
            { name: 'context', arg: 'none', key: 'Z' },
            { name: 'group', arg: 'none', key: 'g' },
            { name: 'groups', arg: 'none', key: 'G' },
            { name: 'name', arg: 'none', key: 'n' },
            { name: 'real', arg: 'none', key: 'r' },
            { name: 'user', arg: 'none', key: 'u' },
            { name: 'zero', arg: 'none', key: 'z' },
          ],
    );
    // musl's getopt words the error in busybox (the usage follows on stderr).
    if (!parsed.ok)
      return R(
        '',
        busybox
          ? `id: unrecognized option: ${/'(.)'|--(\S+)/.exec(parsed.error)?.slice(1).find(Boolean) ?? ''}\n${usageOf('id', 'busybox')?.text ?? ''}`
          : tryHelp('id', parsed.error),
        1,
      );
    const keys = parsed.opts.map(([k]) => k);
    const choices = [...new Set(keys.filter((k) => k === 'u' || k === 'g' || k === 'G'))];
    const names = keys.includes('n');
    if (!busybox) {
      // coreutils@v9.4:src/id.c: the checks, in its order.
      if (keys.includes('Z')) return R('', 'id: --context (-Z) works only on an SELinux-enabled kernel\n', 1);
      if (choices.length > 1) return R('', 'id: cannot print "only" of more than one choice\n', 1);
      if (!choices.length && (names || keys.includes('r'))) return R('', 'id: cannot print only names or real IDs in default format\n', 1);
      if (!choices.length && keys.includes('z')) return R('', 'id: option --zero not permitted in default format\n', 1);
    }
    if (busybox && parsed.operands.length > 1) return R('', usageOf('id', 'busybox')?.text ?? '', 1);
    if (parsed.operands.length) return ofUsers(env, parsed.operands, choices[0], names);
    const passwd = passwdOf(env);
    const u = env.self.uid;
    const g = env.self.gid;
    const un = env.host.userName(u, passwd);
    // Group names come from the root's /etc/group (getgrgid); a root without one names its groups after its users
    // as before (an image whose files here lack /etc/group), and busybox images call 65534 nobody.
    const group = await rows(env, '/etc/group');
    const gname = (n: number) =>
      group.length ? (groupName(group, n) ?? String(n)) : n === 65534 && env.flavor === 'coreutils' ? 'nogroup' : env.host.userName(n, passwd);
    const gn = gname(g);
    const self = (n: number, s: string) => (s === String(n) ? s : `${n}(${s})`);
    if (choices[0] === 'u') return R(`${names ? un : u}\n`);
    if (choices[0] === 'g') return R(`${names ? gn : g}\n`);
    const gids = env.self.groups ?? [g];
    if (choices[0] === 'G') return R(`${(gids.includes(g) ? gids : [g, ...gids]).map((n) => (names ? gname(n) : n)).join(' ')}\n`);
    // print_full_info's groups: gnulib mgetgroups puts the egid first, then getgroups() without it (coreutils@v9.4:src/id.c);
    // busybox's id prints getgroups() as the kernel keeps it, sorted (busybox@1_36_1:coreutils/id.c get_groups).
    const eg = env.self.egid;
    const groups = env.self.groups
      ? (env.flavor === 'busybox' ? env.self.groups : mgetgroups(eg, env.self.groups)).map((n) => self(n, gname(n))).join(',')
      : env.flavor === 'busybox' && u === 0
        ? rootGroups(env, g, gn)
        : self(g, gn);
    return R(`uid=${self(u, un)} gid=${self(g, gn)} groups=${groups}\n`);
  },
};
