/**
 * sudo 1.9.15p5 (Ubuntu 24.04) with the sudoers policy and Ubuntu's /etc/sudoers (sudo-text.ts).
 * Options as sudo-project/sudo@SUDO_1_9_15p5:src/parse_args.c parses them ("+Aa:BbC:c:D:Eeg:Hh::iKkl…",
 * VAR=value among the options, the modes -h -V -v -k -K -l and running a command; a usage error prints
 * usage on stderr, exit 1). Running a command: plugins/sudoers/env.c rebuild_env with env_reset and
 * secure_path (sudo-env.ts); -s runs $SHELL, -i the target's login shell in its home directory, a
 * command given to either goes to the shell's -c with every character but [A-Za-z0-9_$-] escaped
 * (parse_args.c). Alone, -i and -s open a shell the learner leaves with `exit`.
 *
 * Only root, and ubuntu through cloud-init's /etc/sudoers.d/90-cloud-init-users (`ubuntu ALL=(ALL) NOPASSWD:ALL`), may use
 * sudo here without a password (`root ALL=(ALL:ALL) ALL`; sudoers asks root for none).
 * Anyone else is asked for one by check_user before any rule is looked at; this terminal cannot read a
 * password (no command reads hidden input), so sudo fails as it does when it may not prompt, -n:
 * check.c sets FLAG_NO_USER_INPUT and log_auth_failure (logging.c) says "a password is required", exit 1;
 * with passwd_tries at its default 3 no denial ("is not in the sudoers file") is shown after it.
 */
import type { ExecResult } from '../../api.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import { quoteArgv } from '../line.ts';
import type { SimCommand } from '../types.ts';
import { runCommand } from './sudo-run.ts';
import { HELP, listing, nopasswdRules, SECURE_PATH, USAGE, VERSION } from './sudo-text.ts';
import { accounts, rows } from '../users.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const usage = (warn = '') => R('', `${warn ? `sudo: ${warn}\n` : ''}${USAGE}`, 1);

/** sudo_long_opts (parse_args.c); --host is -h with a value. */
const LONGS: LongOpt[] = [
  ...(
    [
      ['background', 'b'],
      ['edit', 'e'],
      ['set-home', 'H'],
      ['login', 'i'],
      ['remove-timestamp', 'K'],
      ['list', 'l'],
      ['preserve-groups', 'P'],
      ['shell', 's'],
      ['validate', 'v'],
      ['askpass', 'A'],
      ['bell', 'B'],
      ['help', 'h'],
      ['reset-timestamp', 'k'],
      ['no-update', 'N'],
      ['non-interactive', 'n'],
      ['stdin', 'S'],
      ['version', 'V'],
    ] as const
  ).map(([name, key]) => ({ name, arg: 'none' as const, key })),
  ...(
    [
      ['other-user', 'U'],
      ['auth-type', 'a'],
      ['close-from', 'C'],
      ['login-class', 'c'],
      ['chdir', 'D'],
      ['group', 'g'],
      ['host', 'host'],
      ['prompt', 'p'],
      ['chroot', 'R'],
      ['role', 'r'],
      ['command-timeout', 'T'],
      ['type', 't'],
      ['user', 'u'],
    ] as const
  ).map(([name, key]) => ({ name, arg: 'required' as const, key })),
  { name: 'preserve-env', arg: 'optional', key: 'E' },
];

type Mode = 'run' | 'help' | 'version' | 'validate' | 'kill' | 'list' | 'edit';

export const sudo: SimCommand = {
  name: 'sudo',
  async run(args, env) {
    // getopt stops at the first operand ('+'); a VAR=value there is kept and the options go on.
    const opts: [string, string | undefined][] = [];
    const setVars: string[] = [];
    let rest = args;
    for (;;) {
      const p = getopt(rest, '+Aa:BbC:c:D:Eeg:Hh::iKklNnPp:R:r:SsT:t:U:u:Vv', LONGS);
      if (!p.ok) return usage(p.error);
      opts.push(...p.opts);
      const ended = rest[rest.length - p.operands.length - 1] === '--';
      rest = p.operands;
      if (ended || !/^[A-Za-z_]\w*=/.test(rest[0] ?? '')) break;
      setVars.push(rest[0] as string);
      rest = rest.slice(1);
    }
    let mode: Mode | undefined;
    let longList = false;
    let ticket: 'k' | 'N' | undefined;
    const flags = new Set<string>();
    const val: Record<string, string> = {};
    const keep: string[] = [];
    const excl = () => usage('Only one of the -e, -h, -i, -K, -l, -s, -v or -V options may be specified');
    for (const [k, v] of opts) {
      if (k === 'h' && v === undefined) {
        if (mode && mode !== 'help') return excl();
        mode = 'help';
      } else if (k === 'V' || k === 'v' || k === 'e') {
        const m = k === 'V' ? 'version' : k === 'v' ? 'validate' : 'edit';
        if (mode && mode !== m) return excl();
        mode = m;
      } else if (k === 'l') {
        if (mode && mode !== 'list') return excl();
        if (mode === 'list') longList = true;
        mode = 'list';
      } else if (k === 'K' || k === 'k' || k === 'N') {
        if (k === 'K') {
          if (mode && mode !== 'kill') return excl();
          mode = 'kill';
        }
        const t = k === 'N' ? 'N' : 'k';
        if (ticket && ticket !== t) return usage('Only one of the -K, -k or -N options may be specified');
        ticket = t;
      } else if (k === 'E') {
        if (v === undefined) flags.add('E');
        else keep.push(...v.split(',').filter(Boolean));
      } else if ('iHnPsSAbB'.includes(k)) flags.add(k);
      else if (['a', 'c'].includes(k))
        return usage(); // HAVE_BSD_AUTH_H and HAVE_LOGIN_CAP_H are not set on Linux: default: usage().
      else {
        const key = k === 'host' ? 'h' : k;
        // An empty value or the option given twice: usage() (-p and -T may be empty).
        if ((v === '' && !'pT'.includes(key)) || key in val) return usage();
        val[key] = v ?? '';
      }
    }
    const argv = rest;
    if (!mode && ticket === 'k' && !argv.length && !flags.has('s') && !flags.has('i')) mode = 'kill';
    mode ??= 'run';
    if (flags.has('i') && flags.has('s')) return usage('you may not specify both the -i and -s options');
    if (flags.has('i') && flags.has('E')) return usage('you may not specify both the -i and -E options');
    if ((val.u !== undefined || val.g !== undefined) && !['run', 'edit', 'validate', 'list'].includes(mode)) return usage();
    if (val.U !== undefined && mode !== 'list') return usage('the -U option may only be used with the -l option');
    if (flags.has('S') && flags.has('A')) return usage('the -A and -S options may not be used together');
    if ((argv.length && !['run', 'edit', 'list'].includes(mode)) || (!argv.length && mode === 'edit')) return usage();
    // Only run mode takes -E, -H, -i, -s, -P, -b and VAR=value (the *_VALID_FLAGS of parse_args.c).
    if (mode !== 'run' && (['E', 'H', 'i', 's', 'P', 'b'].some((f) => flags.has(f)) || setVars.length || keep.length) && mode !== 'help') return usage();
    if (mode === 'help') return opts.length > 1 || argv.length ? usage() : R(HELP);
    if (mode === 'version') return R(VERSION);
    if (mode === 'kill') return R('');

    const users = await accounts(env);
    const groupRows = await rows(env, '/etc/group');
    const me = users.find((u) => u.uid === env.self.uid) ?? { name: String(env.self.uid), uid: env.self.uid, gid: env.self.gid, home: '/', shell: '/bin/sh' };
    const lookup = (name: string) => users.find((x) => x.name === name || (name.startsWith('#') && String(x.uid) === name.slice(1)));
    // -g without -u runs as the invoking user with that group (sudoers.c: runas user defaults to the user when only a group is given).
    const target = val.u !== undefined ? lookup(val.u) : val.g !== undefined ? me : lookup('root');
    // sudoers_init (plugins/sudoers/sudoers.c): an unknown runas user or group fails the first plugin opened, the audit one.
    if (!target) return R('', `sudo: unknown user ${val.u}\nsudo: error initializing audit plugin sudoers_audit\n`, 1);
    // -g: a group of /etc/group by name, or #GID (sudoers: any number, known or not).
    const gspec = val.g;
    const grow = gspec === undefined ? undefined : groupRows.find((r) => r[0] === gspec);
    const gnum = gspec?.startsWith('#') && /^\d+$/.test(gspec.slice(1)) ? Number(gspec.slice(1)) : undefined;
    const group = grow ? { gid: Number(grow[2]) } : gnum !== undefined ? { gid: gnum } : undefined;
    if (val.g !== undefined && !group) return R('', `sudo: unknown group ${val.g}\nsudo: error initializing audit plugin sudoers_audit\n`, 1);
    if (mode === 'list' && val.U !== undefined && !lookup(val.U)) return R('', `sudo: unknown user ${val.U}\n`, 1);
    if (mode === 'edit') return R('', 'sudo: sudoedit: not simulated on node1 (no editor runs in this terminal)\n', 1);
    // A command needs a shell to run it when none is given: no shell_noargs in Ubuntu's sudoers, so usage.
    if (mode === 'run' && !argv.length && !flags.has('s') && !flags.has('i')) return usage();
    // @includedir /etc/sudoers.d, read as root (sudo is setuid): cloud-init's 90-cloud-init-users gives ubuntu NOPASSWD.
    const init = env.host.kernel.procs.get(1);
    const dropIns = init
      ? await env.host.withCurrent(init, async () => {
          const names = (await env.fs.readdir('/etc/sudoers.d').catch(() => [] as string[])).filter((n) => !n.includes('.') && !n.endsWith('~')).sort();
          return Promise.all(
            names.map(async (n): Promise<[string, string]> => [`/etc/sudoers.d/${n}`, await env.readFile(`/etc/sudoers.d/${n}`).catch(() => '')]),
          );
        })
      : [];
    const nopasswd = nopasswdRules(dropIns);
    // The last rule that matches decides (sudoers_lookup): ubuntu's NOPASSWD one, for a runas user; -g needs the %sudo rule, which asks.
    // -l needs no password when any rule has NOPASSWD (listpw any), -v only when all have (verifypw all).
    const free = nopasswd.some(([, u]) => u === me.name);
    const needsPassword = me.uid !== 0 && (!free || mode === 'validate' || val.g !== undefined);
    if (needsPassword) return R('', 'sudo: a password is required\n', 1);
    if (mode === 'validate') return R('');
    if (mode === 'list') {
      const who = lookup(val.U ?? me.name) ?? me;
      const groups = (await env.readFile('/etc/group').catch(() => ''))
        .split('\n')
        .map((l) => l.split(':'))
        .filter((r) => Number(r[2]) === who.gid || (r[3] ?? '').split(',').includes(who.name))
        .map((r) => r[0] as string);
      const host = env.session.hostname;
      if (argv.length) {
        // sudo -l command: the command's full path when the rules allow it (display_cmnd).
        const w = await env.exec(`PATH=${SECURE_PATH} type -P ${quoteArgv([argv[0] as string])}`, { capture: true });
        const path = w.stdout.trim();
        if (!path.startsWith('/')) return R('', `sudo: ${argv[0]}: command not found\n`, 1);
        return R(`${[path, ...argv.slice(1)].join(' ')}\n`);
      }
      return R(listing(who.name, groups, host, longList, env.pipeline.length ? 0 : env.columns, nopasswd));
    }
    return runCommand(env, { target, group, argv, flags, keep, setVars, me });
  },
};
