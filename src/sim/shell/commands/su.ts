/**
 * su (util-linux 2.39.3, util-linux@v2.39.3:login-utils/su-common.c) on node1, and busybox 1.36.1's
 * in alpine (busybox@1_36_1:loginutils/su.c). root needs no password (Ubuntu's /etc/pam.d/su starts
 * with pam_rootok); anyone else is asked for one by PAM ("Password: " on stderr, misc_conv) and, as
 * the simulated terminal has no password to give, fails: pam_strerror's "Authentication failure"
 * (supam_authenticate's errx, exit 1). A mere "-" or -l makes a login shell: the environment is
 * cleared but for TERM, HOME SHELL USER LOGNAME and PATH are set and the shell starts in the home
 * directory as "-bash" (modify_environment, run_shell); without it HOME and SHELL are set, and USER
 * and LOGNAME for a user other than root. -c runs one command with the user's shell. A user whose
 * shell is /usr/sbin/nologin gets nologin's line (shadow 4.13 src/nologin.c).
 */
import type { ExecResult } from '../../api.ts';
import { getopt, type LongOpt } from '../getopt.ts';
import type { SimCommand } from '../types.ts';
import { enterUserShell, userCaps } from './user-shell.ts';
import { accounts, initGroups } from '../users.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** usage_su() with usage_common(), USAGE_HELP_OPTIONS(33) and USAGE_MAN_TAIL. */
const HELP = `
Usage:
 su [options] [-] [<user> [<argument>...]]

Change the effective user ID and group ID to that of <user>.
A mere - implies -l.  If <user> is not given, root is assumed.

Options:
 -m, -p, --preserve-environment      do not reset environment variables
 -w, --whitelist-environment <list>  don't reset specified variables

 -g, --group <group>             specify the primary group
 -G, --supp-group <group>        specify a supplemental group

 -, -l, --login                  make the shell a login shell
 -c, --command <command>         pass a single command to the shell with -c
 --session-command <command>     pass a single command to the shell with -c
                                   and do not create a new session
 -f, --fast                      pass -f to the shell (for csh or tcsh)
 -s, --shell <shell>             run <shell> if /etc/shells allows it
 -P, --pty                       create a new pseudo-terminal

 -h, --help                      display this help
 -V, --version                   display version

For more details see su(1).
`;

const LONGS: LongOpt[] = [
  { name: 'command', arg: 'required', key: 'c' },
  { name: 'session-command', arg: 'required', key: 'c' },
  { name: 'fast', arg: 'none', key: 'f' },
  { name: 'login', arg: 'none', key: 'l' },
  { name: 'preserve-environment', arg: 'none', key: 'p' },
  { name: 'pty', arg: 'none', key: 'P' },
  { name: 'shell', arg: 'required', key: 's' },
  { name: 'group', arg: 'required', key: 'g' },
  { name: 'supp-group', arg: 'required', key: 'G' },
  { name: 'user', arg: 'required', key: 'u' },
  { name: 'whitelist-environment', arg: 'required', key: 'w' },
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'version', arg: 'none', key: 'V' },
];

/** The PATH a login shell gets: /etc/login.defs ENV_SUPATH for root, ENV_PATH for the others (as node1's shells have them). */
const pathFor = (uid: number) =>
  uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games';

export const su: SimCommand = {
  name: 'su',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    const p = getopt(args, 'c:fg:G:lmpPs:hVw:', bb ? [] : LONGS);
    if (!p.ok)
      return bb
        ? R(
            '',
            `su: unrecognized option: ${/'(.)'/.exec(p.error)?.[1] ?? '-'}\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: su [-lmp] [-s SH] [-] [USER [FILE ARGS | -c 'CMD' [ARG0 ARGS]]]\n\nRun shell under USER (by default, root)\n\n\t-,-l\tClear environment, go to home dir, run shell as login shell\n\t-p,-m\tDo not set new $HOME, $SHELL, $USER, $LOGNAME\n\t-c CMD\tCommand to pass to 'sh -c'\n\t-s SH\tShell to use instead of user's default\n`,
            1,
          )
        : R('', `su: ${p.error}\nTry 'su --help' for more information.\n`, 1);
    let command: string | undefined;
    let login = false;
    let preserve = false;
    for (const [k, v] of p.opts) {
      if (k === 'h') return R(HELP);
      if (k === 'V') return R('su from util-linux 2.39.3\n');
      if (k === 'c') command = v;
      else if (k === 'l') login = true;
      else if (k === 'p') preserve = true;
      else if (k !== 'f')
        // Not su's words: node1's su switches to a user's own groups and shell only.
        return R('', `su: -${k}: not simulated on node1 (this su takes: -, -l, -c, -m, -p)\n`, 1);
    }
    const ops = [...p.operands];
    if (ops[0] === '-') {
      login = true;
      ops.shift();
    }
    const name = ops.shift() ?? 'root';
    const users = await accounts(env);
    const u =
      env.session.root === 'host'
        ? users.find((x) => x.name === name)
        : name === 'root'
          ? { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' }
          : undefined;
    if (!u)
      return bb
        ? R('', `su: unknown user ${name}\n`, 1)
        : R('', `su: user ${name} does not exist or the user entry does not contain all the required fields\n`, 1);
    if (env.self.uid !== 0) {
      // PAM asks for the password on stderr and reads none: pam_unix fails the authentication.
      return bb ? R('', 'Password: \nsu: incorrect password\n', 1) : R('', 'Password: \nsu: Authentication failure\n', 1);
    }
    if (u.shell.endsWith('/nologin')) return R('This account is currently not available.\n', '', 1);
    const k = env.host.kernel;
    const base: Record<string, string> = login
      ? { TERM: env.env.get('TERM') ?? 'xterm-256color', PATH: pathFor(u.uid) }
      : { ...(env.exported ?? Object.fromEntries(env.env)) };
    const vars: Record<string, string> = { ...base };
    if (login || !preserve) {
      vars.HOME = u.home;
      vars.SHELL = u.shell;
      if (login || u.uid !== 0) {
        vars.USER = u.name;
        vars.LOGNAME = u.name;
      }
    }
    const caps = userCaps(env, u.uid);
    // su-common.c init_groups: initgroups(name, gid) before the switch.
    const groups = await initGroups(env, u.name, u.gid);
    const shellName = u.shell.slice(u.shell.lastIndexOf('/') + 1);
    const proc = k.spawn({
      parent: env.session.proc,
      argv: [login ? `-${shellName}` : shellName],
      patch: { uid: u.uid, euid: u.uid, gid: u.gid, egid: u.gid, groups, caps, reaps: true, handlers: new Set([2, 15]) },
    });
    if (command !== undefined || ops.length) {
      // run_shell: SHELL -c COMMAND [ARGS], or the shell with the remaining arguments.
      const line = command ?? ops.join(' ');
      const r = await env.runAs(proc, () => env.exec(line, { env: vars }));
      if (k.procs.has(proc.pid)) k.exit(proc, r.exitCode);
      k.release(proc);
      return r;
    }
    enterUserShell(env, proc, vars, login ? u.home : env.cwd, login);
    return R('');
  },
};
