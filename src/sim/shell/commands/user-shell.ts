/**
 * What su and sudo share when they start a shell as another user: the new process's capabilities, and the shell
 * that becomes the learner's session until `exit`.
 */
import type { Proc } from '../../kernel/types.ts';
import type { CmdEnv } from '../types.ts';
import { startMarks } from '../environ.ts';

/** Root keeps the login shell's permitted and effective sets; another user gets none (no ambient caps). The bounding set is inherited. */
export function userCaps(env: CmdEnv, uid: number): Proc['caps'] {
  const bnd = env.self.caps.bnd;
  return uid === 0
    ? { inh: 0n, prm: env.host.loginShell.caps.prm, eff: env.host.loginShell.caps.eff, bnd, amb: 0n }
    : { inh: 0n, prm: 0n, eff: 0n, bnd, amb: 0n };
}

/** `proc`, a shell with `vars` in `cwd`, becomes the learner's session; bash says "logout" as a login shell exits, "exit" otherwise, busybox sh nothing. */
export function enterUserShell(env: CmdEnv, proc: Proc, vars: Record<string, string>, cwd: string, login: boolean): void {
  env.enterSession({
    proc,
    root: env.session.root,
    flavor: env.session.flavor,
    shell: env.session.shell,
    hostname: env.session.hostname,
    env: vars,
    exported: startMarks(Object.keys(vars)),
    cwd,
    status: 0,
    onExit: (status) => {
      env.host.kernel.exit(proc, status);
      return env.session.shell === 'bash' ? (login ? 'logout\n' : 'exit\n') : '';
    },
  });
}
