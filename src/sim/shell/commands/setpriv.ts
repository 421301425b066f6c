/**
 * setpriv (util-linux 2.39.3 on node1): runs a program with other credentials, capability sets and no_new_privs,
 * in its own process (setpriv execs it), or prints the current state with --dump (util-linux@v2.39.3:sys-utils/setpriv.c
 * main, dump, do_caps). Capability names are libcap-ng's (no `cap_` prefix, any case; `cap_N` by number). The kernel's
 * rules: setresuid/setresgid/setgroups need CAP_SETUID/CAP_SETGID, the bounding set CAP_SETPCAP, a new inheritable
 * set stays within inheritable | permitted without CAP_SETPCAP, an ambient capability must be permitted and
 * inheritable (else setpriv ignores the failed prctl), and execve recomputes the sets (kernel/capabilities.ts capsAfterExec).
 */
import type { ExecResult } from '../../api.ts';
import { ALL_CAPS, CAP_LAST_CAP, CAP_NAMES, type CapSets, capsAfterExec, hasCap } from '../../kernel/capabilities.ts';
import type { Proc } from '../../kernel/types.ts';
import { getopt, type LongOpt, tryHelp } from '../getopt.ts';
import { quoteArgv } from '../line.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { groupList, rows } from '../users.ts';
import { findable } from './env.ts';
import { isInteractive } from './nsenter.ts';
import { enterUserShell } from './user-shell.ts';
import { parseSignal } from '../../kernel/signals.ts';

const fail = (msg: string, exitCode = 1): ExecResult => ({ stdout: '', stderr: `setpriv: ${msg}\n`, exitCode });
/** SETPRIV_EXIT_PRIVERR: how setpriv exits when the kernel refuses a change. */
const PRIVERR = 127;
const EPERM = 'Operation not permitted';

const LONGS: LongOpt[] = [
  ['dump', 'none', 'd'],
  ['nnp', 'none', 'nnp'],
  ['no-new-privs', 'none', 'nnp'],
  ['inh-caps', 'required', 'inh-caps'],
  ['ambient-caps', 'required', 'ambient-caps'],
  ['list-caps', 'none', 'list-caps'],
  ['ruid', 'required', 'ruid'],
  ['euid', 'required', 'euid'],
  ['rgid', 'required', 'rgid'],
  ['egid', 'required', 'egid'],
  ['reuid', 'required', 'reuid'],
  ['regid', 'required', 'regid'],
  ['clear-groups', 'none', 'clear-groups'],
  ['keep-groups', 'none', 'keep-groups'],
  ['init-groups', 'none', 'init-groups'],
  ['groups', 'required', 'groups'],
  ['bounding-set', 'required', 'bounding-set'],
  ['securebits', 'required', 'securebits'],
  ['pdeathsig', 'required', 'pdeathsig'],
  ['selinux-label', 'required', 'selinux-label'],
  ['apparmor-profile', 'required', 'apparmor-profile'],
  ['help', 'none', 'h'],
  ['reset-env', 'none', 'reset-env'],
  ['version', 'none', 'V'],
].map(([name, arg, key]) => ({ name, arg, key }) as LongOpt);

/** usage(), with include/c.h's USAGE_HEADER, USAGE_OPTIONS, USAGE_HELP_OPTIONS(29) and USAGE_MAN_TAIL. */
const HELP = `
Usage:
 setpriv [options] <program> [<argument>...]

Run a program with different privilege settings.

Options:
 -d, --dump                  show current state (and do not exec)
 --nnp, --no-new-privs       disallow granting new privileges
 --ambient-caps <caps,...>   set ambient capabilities
 --inh-caps <caps,...>       set inheritable capabilities
 --bounding-set <caps>       set capability bounding set
 --ruid <uid|user>           set real uid
 --euid <uid|user>           set effective uid
 --rgid <gid|user>           set real gid
 --egid <gid|group>          set effective gid
 --reuid <uid|user>          set real and effective uid
 --regid <gid|group>         set real and effective gid
 --clear-groups              clear supplementary groups
 --keep-groups               keep supplementary groups
 --init-groups               initialize supplementary groups
 --groups <group,...>        set supplementary groups by UID or name
 --securebits <bits>         set securebits
 --pdeathsig keep|clear|<signame>
                             set or clear parent death signal
 --selinux-label <label>     set SELinux label
 --apparmor-profile <pr>     set AppArmor profile
 --reset-env                 clear all environment and initialize
                               HOME, SHELL, USER, LOGNAME and PATH

 -h, --help                  display this help
 -V, --version               display version

 This tool can be dangerous.  Read the manpage, and be careful.

For more details see setpriv(1).
`;

/** libcap-ng's names, comma-separated in bit order (print_caps). */
const names = (mask: bigint) => CAP_NAMES.filter((_, i) => mask & (1n << BigInt(i))).join(',') || '[none]';

/** do_caps: `+cap`/`-cap`/`+all`, applied to `mask`; an error text for a bad entry. */
function applyCaps(mask: bigint, spec: string): bigint | string {
  let m = mask;
  for (const c of spec.split(',')) {
    if (c[0] !== '+' && c[0] !== '-') return 'bad capability string';
    const name = c.slice(1).toLowerCase();
    // capng_name_to_capability (strcasecmp over libcap-ng's names), else `cap_N` (sscanf "cap_%d") up to cap_last_cap.
    const byNumber = /^cap_(\d+)/.exec(name);
    const num = CAP_NAMES.indexOf(name) >= 0 ? CAP_NAMES.indexOf(name) : byNumber && Number(byNumber[1]) <= CAP_LAST_CAP ? Number(byNumber[1]) : undefined;
    if (name !== 'all' && num === undefined) return `unknown capability "${c.slice(1)}"`;
    const bits = name === 'all' ? ALL_CAPS : 1n << BigInt(num as number);
    m = c[0] === '+' ? m | bits : m & ~bits;
  }
  return m;
}

/** dump(): what setpriv -d (-dd, -ddd) prints about its own process. */
function dump(env: CmdEnv, level: number): string {
  const p = env.self;
  const c = p.caps;
  const out = [`uid: ${p.uid}`, `euid: ${p.euid}`];
  if (level >= 3) out.push(`suid: ${p.euid}`);
  out.push(`gid: ${p.gid}`, `egid: ${p.egid}`);
  if (level >= 3) out.push(`sgid: ${p.egid}`);
  const groups = p.groups ?? [p.gid];
  out.push(`Supplementary groups: ${groups.length ? groups.join(',') : '[none]'}`, `no_new_privs: ${p.noNewPrivs ? 1 : 0}`);
  if (level >= 2) out.push(`Effective capabilities: ${names(c.eff)}`, `Permitted capabilities: ${names(c.prm)}`);
  out.push(`Inheritable capabilities: ${names(c.inh)}`, `Ambient capabilities: ${names(c.amb)}`, `Capability bounding set: ${names(c.bnd)}`);
  out.push('Securebits: [none]', 'Parent death signal: [none]');
  // /sys/kernel/security/apparmor exists on the host (Ubuntu's kernel); a container has no securityfs.
  if (p.root === 'host') out.push(`AppArmor profile: ${p.apparmor.replace(/\n$/, '')}`);
  return `${out.join('\n')}\n`;
}

export const setpriv: SimCommand = {
  name: 'setpriv',
  async run(args, env): Promise<ExecResult> {
    const parsed = getopt(args, '+dhV', LONGS);
    if (!parsed.ok) return { stdout: '', stderr: tryHelp('setpriv', parsed.error), exitCode: 1 };
    const o = new Map<string, string>();
    let dumps = 0;
    const excl = ['clear-groups', 'keep-groups', 'init-groups', 'groups'];
    let exclSeen: string | undefined;
    const users = await rows(env, '/etc/passwd');
    const groupRows = await rows(env, '/etc/group');
    for (const [key, value] of parsed.opts) {
      if (excl.includes(key)) {
        if (exclSeen && exclSeen !== key) return fail(`mutually exclusive arguments: ${excl.map((e) => `--${e}`).join(' ')}`);
        exclSeen = key;
      }
      if (key === 'h') return { stdout: HELP, stderr: '', exitCode: 0 };
      if (key === 'V') return { stdout: 'setpriv from util-linux 2.39.3\n', stderr: '', exitCode: 0 };
      if (key === 'd') {
        dumps++;
        continue;
      }
      const dup: Record<string, string> = {
        nnp: 'duplicate --no-new-privs option',
        ruid: 'duplicate ruid',
        euid: 'duplicate euid',
        rgid: 'duplicate rgid',
        egid: 'duplicate egid',
        'clear-groups': 'duplicate --clear-groups option',
        'keep-groups': 'duplicate --keep-groups option',
        'init-groups': 'duplicate --init-groups option',
        groups: 'duplicate --groups option',
        'inh-caps': 'duplicate --inh-caps option',
        'ambient-caps': 'duplicate --ambient-caps option',
        'bounding-set': 'duplicate --bounding-set option',
        securebits: 'duplicate --securebits option',
      };
      if (key === 'reuid' || key === 'regid') {
        const [r, e] = key === 'reuid' ? ['ruid', 'euid'] : ['rgid', 'egid'];
        if (o.has(r as string) || o.has(e as string)) return fail(`duplicate ${r} or ${e}`);
        o.set(r as string, value as string).set(e as string, value as string);
        if (key === 'reuid') o.set('passwd-from', 'reuid');
        continue;
      }
      if (o.has(key) && dup[key]) return fail(dup[key] as string);
      o.set(key, value ?? '');
      if (key === 'ruid') o.set('passwd-from', 'ruid');
    }
    const total = parsed.opts.length;
    if (dumps) {
      if (total !== dumps || parsed.operands.length) return fail('--dump is incompatible with all other options');
      return { stdout: dump(env, dumps), stderr: '', exitCode: 0 };
    }
    if (o.has('list-caps')) {
      if (total !== 1 || parsed.operands.length) return fail('--list-caps must be specified alone');
      return { stdout: CAP_NAMES.map((n) => `${n}\n`).join(''), stderr: '', exitCode: 0 };
    }
    // parse_securebits and parse_pdeathsig run as their options are read (before "No program specified").
    let noroot = false;
    if (o.has('securebits')) {
      const bits = parseSecurebits(o.get('securebits') as string);
      if (typeof bits === 'string') return fail(bits);
      noroot = bits.noroot;
    }
    const pdeath = o.get('pdeathsig');
    if (pdeath !== undefined && pdeath !== 'keep' && pdeath !== 'clear' && parseSignal(pdeath) === undefined) return fail(`unknown signal: ${pdeath}`);
    if (!parsed.operands.length) return fail('No program specified');
    // get_user/get_group/get_passwd: a name from the databases, else a number (strtol_or_err).
    const parseId = (text: string, db: string[][], what: string): number | ExecResult => {
      const row = db.find((r) => r[0] === text);
      if (row) return Number(row[2]);
      if (/^\s*[-+]?\d+$/.test(text)) return Number(text);
      return fail(`failed to parse ${what}: '${text}'`);
    };
    const ids: Record<string, number> = {};
    for (const [k, db] of [
      ['ruid', users],
      ['euid', users],
      ['rgid', groupRows],
      ['egid', groupRows],
    ] as const) {
      const v = o.get(k);
      if (v === undefined) continue;
      const from = k === 'ruid' && o.get('passwd-from') === 'reuid' ? 'reuid' : k === 'rgid' && o.get('egid') === v && o.has('regid') ? 'regid' : k;
      const id = parseId(v, db, from);
      if (typeof id !== 'number') return id;
      ids[k] = id;
    }
    const self = env.self;
    // do_selinux_label: no /sys/fs/selinux on Ubuntu; do_apparmor_profile: "exec PROFILE" to /proc/self/attr/exec,
    // refused for a profile the kernel has not loaded (ENOENT) and in a container (no securityfs).
    if (o.has('selinux-label')) return fail('SELinux is not running', PRIVERR);
    const profile = o.get('apparmor-profile');
    if (profile !== undefined) {
      if (self.root !== 'host') return fail('AppArmor is not running', PRIVERR);
      if (!['unconfined', 'docker-default'].includes(profile)) return fail('write failed: /proc/self/attr/exec: No such file or directory', PRIVERR);
    }
    const pw = ids.ruid !== undefined ? users.find((r) => Number(r[2]) === ids.ruid) : undefined;
    const gidSet = ids.rgid !== undefined || ids.egid !== undefined;
    if (gidSet && !exclSeen) return fail('--[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups');
    if (o.has('init-groups') && ids.ruid === undefined) return fail('--init-groups requires --ruid or --reuid');
    if (o.has('init-groups') && !pw) return fail(`uid ${ids.ruid} not found, --init-groups requires an user that can be found on the system`);
    let groups: number[] | undefined;
    if (o.has('groups')) {
      groups = [];
      for (const g of (o.get('groups') as string).split(',')) {
        const id = parseId(g, groupRows, 'Invalid supplementary group id');
        if (typeof id !== 'number') return id;
        groups.push(id);
      }
      groups.sort((a, b) => a - b);
    }
    // The kernel's checks, in setpriv's order: caps bumped into the effective set, setresuid, setresgid, setgroups, bounding set, inheritable, ambient.
    const caps: CapSets = { ...self.caps };
    caps.eff |= caps.prm & (capBitOf('setpcap') | capBitOf('setuid') | capBitOf('setgid'));
    const can = (name: string) => hasCap(caps, `CAP_${name.toUpperCase()}`);
    let { uid, euid, gid, egid } = self;
    if (ids.ruid !== undefined || ids.euid !== undefined) {
      const ruid = ids.ruid ?? uid;
      const neu = ids.euid ?? euid;
      // setresuid(ruid, euid, euid): without CAP_SETUID each id must be one of the current real, effective, saved.
      if (!can('setuid') && ![ruid, neu].every((x) => x === uid || x === euid)) return fail(`setresuid failed: ${EPERM}`, PRIVERR);
      // Leaving uid 0 for good clears the ambient set (KEEPCAPS keeps permitted; setpriv restores effective).
      if ((uid === 0 || euid === 0) && ruid !== 0 && neu !== 0) caps.amb = 0n;
      uid = ruid;
      euid = neu;
    }
    if (ids.rgid !== undefined || ids.egid !== undefined) {
      const rg = ids.rgid ?? gid;
      const eg = ids.egid ?? egid;
      if (!can('setgid') && ![rg, eg].every((x) => x === gid || x === egid)) return fail(`setresgid failed: ${EPERM}`, PRIVERR);
      gid = rg;
      egid = eg;
    }
    if (o.has('init-groups') && pw) groups = groupList(groupRows, pw[0] as string, Number(pw[3]));
    if (o.has('clear-groups')) groups = [];
    if (groups && !can('setgid')) return fail(`setgroups failed: ${EPERM}`, PRIVERR);
    if (o.has('bounding-set')) {
      const b = applyCaps(caps.bnd, o.get('bounding-set') as string);
      if (typeof b === 'string') return fail(b);
      if (b & ~caps.bnd || (b !== caps.bnd && !can('setpcap'))) return fail(`apply bounding set: ${EPERM}`, PRIVERR);
      caps.bnd = b;
    }
    if (o.has('inh-caps')) {
      const inh = applyCaps(caps.inh, o.get('inh-caps') as string);
      if (typeof inh === 'string') return fail(inh);
      const limit = can('setpcap') ? caps.inh | caps.bnd : caps.inh | caps.prm;
      if (inh & ~limit) return fail(`apply capabilities: ${EPERM}`, PRIVERR);
      caps.inh = inh;
      caps.amb &= caps.inh;
    }
    if (o.has('ambient-caps')) {
      const want = applyCaps(caps.amb, o.get('ambient-caps') as string);
      if (typeof want === 'string') return fail(want);
      // PR_CAP_AMBIENT_RAISE fails (EPERM, ignored) for a capability not both permitted and inheritable.
      caps.amb = want & caps.prm & caps.inh;
    }
    const argv = parsed.operands;
    const cmd = argv[0] as string;
    if (!isInteractive(argv) && !(await findable(env, cmd, env.env.get('PATH')))) return fail(`failed to execute ${cmd}: No such file or directory`, 127);
    const creds: Partial<Proc> = {
      uid,
      euid,
      gid,
      egid,
      // SECBIT_NOROOT: root gets no capabilities from execve (commoncap.c handle_privileged_root).
      caps: capsAfterExec(caps, noroot ? 1 : uid, noroot ? 1 : euid),
      ...(profile !== undefined ? { apparmor: profile } : {}),
      noNewPrivs: self.noNewPrivs || o.has('nnp'),
      ...(groups ? { groups } : {}),
    };
    let vars: Record<string, string> | undefined;
    if (o.has('reset-env')) {
      // do_reset_environ: TERM kept, SHELL, HOME, USER, LOGNAME from the passwd entry, PATH by uid (_PATH_DEFPATH, _PATH_DEFPATH_ROOT).
      const who = pw ?? users.find((r) => Number(r[2]) === self.uid);
      const term = env.env.get('TERM');
      vars = {
        ...(term !== undefined ? { TERM: term } : {}),
        SHELL: who?.[6] || '/bin/sh',
        HOME: who?.[5] ?? '/',
        USER: who?.[0] ?? '',
        LOGNAME: who?.[0] ?? '',
        PATH: Number(who?.[2]) ? '/usr/local/bin:/bin:/usr/bin' : '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin',
      };
    }
    if (isInteractive(argv)) {
      // A shell that stays: the learner's session until `exit`, with the new credentials.
      const proc = env.host.kernel.spawn({
        parent: env.session.proc,
        argv: argv.length ? argv : ['bash'],
        patch: { ...creds, reaps: true, handlers: new Set([2, 15]) },
      });
      enterUserShell(env, proc, vars ?? env.exported ?? Object.fromEntries(env.env), env.cwd, false);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    Object.assign(self, creds, { argv, comm: cmd.split('/').pop()!.slice(0, 15) });
    const opts = vars ? { env: vars } : undefined;
    return /^(.*\/)?(ba|a|da)?sh$/.test(cmd) ? env.runAs(self, () => env.exec(quoteArgv(argv), opts)) : env.execAs(self, quoteArgv(argv), opts);
  },
};

/** parse_securebits: `+bit`/`-bit` entries; keep_caps is not the user's to set; the result always has keep_caps. */
function parseSecurebits(arg: string): { noroot: boolean } | string {
  let noroot = false;
  for (const c of arg.split(',')) {
    if (c[0] !== '+' && c[0] !== '-') return 'bad securebits string';
    const name = c.slice(1);
    if (name === 'all') {
      if (c[0] === '+') return '+all securebits is not allowed';
      noroot = false;
    } else if (name === 'keep_caps') return 'adjusting keep_caps does not make sense';
    else if (!['noroot', 'noroot_locked', 'no_setuid_fixup', 'no_setuid_fixup_locked', 'keep_caps_locked'].includes(name)) return 'unrecognized securebit';
    else if (name === 'noroot') noroot = c[0] === '+';
  }
  return { noroot };
}

const capBitOf = (name: string) => 1n << BigInt(CAP_NAMES.indexOf(name));
