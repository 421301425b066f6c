/**
 * sudo running a command, a shell (-s) or a login shell (-i) as the target user, with the environment
 * the sudoers policy builds: sudo-project/sudo@SUDO_1_9_15p5:plugins/sudoers/env.c rebuild_env (env_reset
 * on in Ubuntu's sudoers; -E keeps all but the unsafe variables), secure_path from /etc/sudoers.
 * The command's own process is sudo's child (Ubuntu's `Defaults use_pty`: sudo, its monitor, the command).
 */
import type { ExecResult } from '../../api.ts';
import { NO_PWD } from '../environ.ts';
import { quoteArgv } from '../line.ts';
import type { CmdEnv } from '../types.ts';
import { isInteractive } from './nsenter.ts';
import { SECURE_PATH } from './sudo-text.ts';
import { enterUserShell, userCaps } from './user-shell.ts';
import { initGroups } from '../users.ts';

type User = { name: string; uid: number; gid: number; home: string; shell: string };
export interface RunOpts {
  target: User;
  group?: { gid: number };
  argv: string[];
  flags: Set<string>;
  keep: string[];
  setVars: string[];
  me: User;
}

/** env.c initial_keepenv_table, and initial_checkenv_table (kept when the value has no '/' or '%'). */
const KEEP = ['COLORS', 'DISPLAY', 'HOSTNAME', 'KRB5CCNAME', 'LS_COLORS', 'PATH', 'PS1', 'PS2', 'XAUTHORITY', 'XAUTHORIZATION', 'XDG_CURRENT_DESKTOP'];
const CHECK = /^(COLORTERM|LANG|LANGUAGE|LC_\w*|LINGUAS|TERM|TZ)$/;
/** env.c initial_badenv_table: what -E still removes (and any bash function export, a value starting "()"). */
const BAD =
  /^(IFS|CDPATH|LOCALDOMAIN|RES_OPTIONS|HOSTALIASES|NLSPATH|PATH_LOCALE|LD_\w*|_RLD\w*|TERMINFO|TERMINFO_DIRS|TERMPATH|TERMCAP|ENV|BASH_ENV|PS4|GLOBIGNORE|BASHOPTS|SHELLOPTS|JAVA_TOOL_OPTIONS|PERLIO_DEBUG|PERLLIB|PERL5LIB|PERL5OPT|PERL5DB|FPATH|NULLCMD|READNULLCMD|ZDOTDIR|TMPPREFIX|PYTHONHOME|PYTHONPATH|PYTHONINSPECT|PYTHONUSERBASE|RUBYLIB|RUBYOPT)$/;

/** rebuild_env: the command's environment, in the order sudo builds it. */
export function sudoEnv(old: Record<string, string>, o: RunOpts, command: string): Record<string, string> {
  const login = o.flags.has('i');
  const out = new Map<string, string>();
  const t = o.target;
  if (!o.flags.has('E')) {
    // Ubuntu's /etc/environment (read_env_file, not for -i) sets PATH first; secure_path replaces its value below.
    if (!login) out.set('PATH', SECURE_PATH);
    for (const [k, v] of Object.entries(old))
      if (KEEP.includes(k) || o.keep.includes(k) || (CHECK.test(k) && !/[/%]/.test(v) && !v.startsWith('()'))) out.set(k, v);
    if (login)
      for (const [k, v] of [
        ['SHELL', t.shell],
        ['LOGNAME', t.name],
        ['USER', t.name],
      ])
        out.set(k as string, v as string);
    // _PATH_MAILDIR is /var/mail on Linux.
    if (login || !o.keep.includes('MAIL')) out.set('MAIL', `/var/mail/${t.name}`);
  } else for (const [k, v] of Object.entries(old)) if (!BAD.test(k) && !v.startsWith('()')) out.set(k, v);
  out.set('PATH', SECURE_PATH);
  if (!login && !(o.keep.includes('LOGNAME') || o.keep.includes('USER'))) {
    out.set('LOGNAME', t.name);
    out.set('USER', t.name);
  }
  // HOME is the target's unless kept (-E keeps it, unless -H asks for the target's).
  if (!o.flags.has('E') ? !o.keep.includes('HOME') : o.flags.has('H')) out.set('HOME', t.home);
  if (!out.has('SHELL')) out.set('SHELL', t.shell);
  if (!out.has('TERM')) out.set('TERM', 'unknown');
  out.set('SUDO_COMMAND', command);
  out.set('SUDO_USER', o.me.name);
  out.set('SUDO_UID', String(o.me.uid));
  out.set('SUDO_GID', String(o.me.gid));
  // VAR=value from the command line (sudoers' insert_env_vars, allowed to root by the ALL command).
  for (const a of o.setVars) out.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  // No PWD unless kept: the command's shell sets its own (environ.ts).
  if (!out.has('PWD')) out.set(NO_PWD, '1');
  return Object.fromEntries(out);
}

/** parse_args.c: a command for the shell's -c, each character but [A-Za-z0-9_$-] escaped with a backslash. */
export const shellEscape = (argv: string[]) => argv.map((a) => a.replace(/[^A-Za-z0-9_$-]/g, '\\$&')).join(' ');

export async function runCommand(env: CmdEnv, o: RunOpts): Promise<ExecResult> {
  const k = env.host.kernel;
  const t = o.target;
  const login = o.flags.has('i');
  const shellMode = login || o.flags.has('s');
  // -i: the target's login shell; -s: the invoking user's $SHELL, else their passwd shell (sudo.c get_user_info).
  const shell = login ? t.shell : env.env.get('SHELL') || o.me.shell;
  const old = env.exported ?? Object.fromEntries(env.env);
  const caps = userCaps(env, t.uid);
  const gid = o.group?.gid ?? t.gid;
  // sudoers' runas_groups (plugins/sudoers/policy.c sudoers_policy_exec_setup): the runas gid first, then the target's
  // getgrouplist; setgroups' list, which the kernel sorts. -P keeps the invoking user's.
  const groups = o.flags.has('P') ? (env.self.groups ?? [env.self.gid]) : [...new Set([gid, ...(await initGroups(env, t.name, t.gid))])].sort((a, b) => a - b);
  const creds = { uid: t.uid, euid: t.uid, gid, egid: gid, groups, caps };
  const base = shell.slice(shell.lastIndexOf('/') + 1);
  // `sudo bash` as well as -s and -i alone: a shell that stays, the learner's session until `exit`.
  const bare = !shellMode && isInteractive(o.argv);
  if ((shellMode && !o.argv.length) || bare) {
    const vars = sudoEnv(old, o, bare ? [o.argv[0]?.startsWith('/') ? o.argv[0] : `/usr/bin/${o.argv[0]}`, ...o.argv.slice(1)].join(' ') : shell);
    const name = bare ? (o.argv[0] as string) : shell;
    const proc = k.spawn({
      parent: env.session.proc,
      argv: bare ? o.argv : [login ? `-${base}` : base],
      comm: name.slice(name.lastIndexOf('/') + 1),
      patch: { ...creds, reaps: true, handlers: new Set([2, 15]) },
    });
    enterUserShell(env, proc, vars, login ? t.home : env.cwd, login);
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  const cmd = shellMode ? [shell, '-c', shellEscape(o.argv)] : o.argv;
  // SUDO_COMMAND: the command's full path (found in secure_path) and its arguments.
  const found = shellMode ? shell : (await env.exec(`PATH=${SECURE_PATH} type -P ${quoteArgv([cmd[0] as string])}`, { capture: true })).stdout.trim();
  if (!found.startsWith('/')) return { stdout: '', stderr: `sudo: ${cmd[0]}: command not found\n`, exitCode: 1 };
  const vars = sudoEnv(old, o, [found, ...cmd.slice(1)].join(' '));
  const p = k.spawn({ parent: env.session.proc, argv: ['sudo', ...o.argv], patch: { ...creds, reaps: true, handlers: new Set([2, 15]) } });
  // -i runs the command in the target's home directory, as its login shell starts there.
  const line = `${login ? `cd ${quoteArgv([t.home])} 2>/dev/null; ` : ''}${quoteArgv(cmd)}`;
  const r = await env.runAs(p, () => env.exec(line, { env: vars }));
  if (k.procs.has(p.pid)) k.exit(p, r.exitCode);
  k.release(p);
  return r;
}
