/**
 * sudo 1.9.15p5's texts as Ubuntu 24.04 ships it (built with SELinux, so usage has `[-r role] [-t type]`
 * and -h lists -r and -t; no BSD auth, no login classes): usage and help from
 * sudo-project/sudo@SUDO_1_9_15p5:src/parse_args.c (display_usage, help) and src/sudo_usage.h.in; the
 * version lines from src/sudo.c, plugins/sudoers/policy.c (sudoers_policy_version), iolog.c and audit.c;
 * the `-l` listing from plugins/sudoers/display.c (display_privs, display_priv_short, display_priv_long; a NOPASSWD
 * rule is "NOPASSWD: " before its command (fmtsudoers.c sudoers_format_cmndspec) and "Options: !authenticate" in -ll)
 * printed through lib/util/lbuf.c (sudo_lbuf_print: lines folded at the terminal's width).
 */

/** display_usage(): sudo_usage1..5, continuation lines indented by strlen("sudo") + 8. */
export const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]
            [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] file ...
`;

/** help(): the usage on stdout, then the options, folded at 80 columns with an indent of 32. */
export const HELP = `sudo - execute a command as another user

${USAGE}
Options:
  -A, --askpass                 use a helper program for password prompting
  -b, --background              run command in the background
  -B, --bell                    ring bell when prompting
  -C, --close-from=num          close all file descriptors >= num
  -D, --chdir=directory         change the working directory before running
                                command
  -E, --preserve-env            preserve user environment when running command
      --preserve-env=list       preserve specific environment variables
  -e, --edit                    edit files instead of running a command
  -g, --group=group             run command as the specified group name or ID
  -H, --set-home                set HOME variable to target user's home dir
  -h, --help                    display help message and exit
  -h, --host=host               run command on host (if supported by plugin)
  -i, --login                   run login shell as the target user; a command
                                may also be specified
  -K, --remove-timestamp        remove timestamp file completely
  -k, --reset-timestamp         invalidate timestamp file
  -l, --list                    list user's privileges or check a specific
                                command; use twice for longer format
  -n, --non-interactive         non-interactive mode, no prompts are used
  -P, --preserve-groups         preserve group vector instead of setting to
                                target's
  -p, --prompt=prompt           use the specified password prompt
  -R, --chroot=directory        change the root directory before running command
  -r, --role=role               create SELinux security context with specified
                                role
  -S, --stdin                   read password from standard input
  -s, --shell                   run shell as the target user; a command may
                                also be specified
  -t, --type=type               create SELinux security context with specified
                                type
  -T, --command-timeout=timeout terminate command after the specified time
                                limit
  -U, --other-user=user         in list mode, display privileges for user
  -u, --user=user               run command (or edit file) as specified user
                                name or ID
  -V, --version                 display version information and exit
  -v, --validate                update user's timestamp without running a
                                command
  --                            stop processing command line arguments
`;

/**
 * sudo -V: sudo.c prints its version, policy_show_version, iolog_show_version and audit_show_version
 * add the plugins' (SUDOERS_GRAMMAR_VERSION 50, plugins/sudoers/sudoers_version.h). As root sudo also
 * prints "Configure options: CONFIGURE_ARGS" and the sudoers policy its paths, authentication methods
 * and every Defaults value: Ubuntu's configure arguments have no upstream source, so node1 prints the
 * lines every user gets.
 */
export const VERSION = `Sudo version 1.9.15p5
Sudoers policy plugin version 1.9.15p5
Sudoers file grammar version 50
Sudoers I/O plugin version 1.9.15p5
Sudoers audit plugin version 1.9.15p5
`;

/**
 * Ubuntu 24.04's /etc/sudoers (sudo 1.9.15p5-3ubuntu5): Defaults env_reset, mail_badpass,
 * secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin", use_pty;
 * `root ALL=(ALL:ALL) ALL`, `%admin ALL=(ALL) ALL`, `%sudo ALL=(ALL:ALL) ALL`, `@includedir /etc/sudoers.d`.
 */
export const SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin';
/** sudoers_format_default: a value with ':' is written escaped, as sudoers would read it back. */
const DEFAULTS = `env_reset, mail_badpass, secure_path=${SECURE_PATH.replace(/:/g, '\\:')}, use_pty`;

interface Rule {
  runas: string;
  group: boolean;
  /** A NOPASSWD rule of a sudoers.d file (cloud-init's). */
  file?: string;
}

/**
 * The sudoers rules a user matches: root by name, the others by the admin or sudo group, then the files of
 * @includedir /etc/sudoers.d in order (`nopasswd`: the users of their `USER ALL=(ALL) NOPASSWD:ALL` lines).
 */
export function rulesFor(user: string, groups: string[], nopasswd: readonly [string, string][] = []): Rule[] {
  const rules: Rule[] = [];
  if (user === 'root') rules.push({ runas: 'ALL', group: true });
  if (groups.includes('admin')) rules.push({ runas: 'ALL', group: false });
  if (groups.includes('sudo')) rules.push({ runas: 'ALL', group: true });
  for (const [file, who] of nopasswd) if (who === user) rules.push({ runas: 'ALL', group: false, file });
  return rules;
}

/** The `USER ALL=(ALL) NOPASSWD:ALL` lines of /etc/sudoers.d's files, read as sudo (root) reads them: [file, user]. */
export function nopasswdRules(files: readonly [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  for (const [file, text] of files)
    for (const line of text.split('\n')) {
      const m = /^\s*(\S+)\s+ALL\s*=\s*\(ALL\)\s*NOPASSWD:\s*ALL\s*$/.exec(line);
      if (m) out.push([file, m[1] as string]);
    }
  return out;
}

/** sudo_lbuf_println: a line longer than `cols` is split at the last blank that fits, continued after `indent` spaces. */
export function lbufPrint(text: string, indent: number, cols: number): string {
  if (cols <= indent + 20) return text.endsWith('\n') ? text : `${text}\n`;
  const out: string[] = [];
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (!line) {
      out.push('');
      continue;
    }
    let cp = line;
    let have = cols;
    let first = true;
    let rows = '';
    while (cp) {
      let need = cp.length;
      let rest: string | undefined;
      if (need > have) {
        let ep = cp.lastIndexOf(' ', have - 1);
        if (ep < 0) ep = cp.indexOf(' ', have);
        if (ep >= 0) {
          need = ep;
          rest = cp.slice(ep).replace(/^[ \t]+/, '');
        }
      }
      rows += `${first ? '' : ' '.repeat(indent)}${cp.slice(0, need)}\n`;
      first = false;
      have = cols - indent;
      cp = rest ?? '';
    }
    out.push(rows.replace(/\n$/, ''));
  }
  return `${out.join('\n')}\n`;
}

/** display_privs for `user` on `host`: `long` is -ll (display_priv_long). `cols` 0 when stdout is a pipe. */
export function listing(user: string, groups: string[], host: string, long: boolean, cols: number, nopasswd: readonly [string, string][] = []): string {
  const rules = rulesFor(user, groups, nopasswd);
  if (!rules.length) return lbufPrint(`User ${user} is not allowed to run sudo on ${host}.\n`, 8, cols);
  const defs = lbufPrint(`Matching Defaults entries for ${user} on ${host}:\n    ${DEFAULTS}\n\n`, 4, cols);
  let privs = `User ${user} may run the following commands on ${host}:\n`;
  for (const r of rules)
    privs += long
      ? `\nSudoers entry: ${r.file ?? '/etc/sudoers'}\n    RunAsUsers: ${r.runas}\n${r.group ? '    RunAsGroups: ALL\n' : ''}${r.file ? '    Options: !authenticate\n' : ''}    Commands:\n\tALL\n`
      : `    (${r.runas}${r.group ? ' : ALL' : ''}) ${r.file ? 'NOPASSWD: ' : ''}ALL\n`;
  return defs + lbufPrint(privs, 8, cols);
}
