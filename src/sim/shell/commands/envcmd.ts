import type { ExecResult } from '../../api.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

/** Variables just-bash keeps in its environment map that a real `env` does not show. */
const INTERNAL = new Set(['?', 'IFS', 'OPTIND', 'SHELLOPTS', 'BASHOPTS', 'OSTYPE', 'MACHTYPE', 'HOSTTYPE', 'OLDPWD', 'PPID', 'UID', 'EUID', 'BASHPID', 'SHLVL']);

function visible(env: CmdEnv): [string, string][] {
  // A container's main command runs without a shell: no PWD; on the host HOSTNAME is a shell variable.
  const direct = env.self.containerId !== undefined && env.self.nspid[env.self.nspid.length - 1] === 1 && env.session.proc === env.self;
  const exported = env.session.exported;
  return [...env.env.entries()].filter(([k]) => !INTERNAL.has(k) && (!exported || exported.has(k) || k === 'PWD') && !(direct && k === 'PWD') && !(env.session.root === 'host' && k === 'HOSTNAME'));
}

export const envCommand: SimCommand = {
  name: 'env',
  async run(args, env): Promise<ExecResult> {
    const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
    let i = 0;
    let clear = false;
    const set: string[] = [];
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-i' || a === '-') clear = true;
      else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) set.push(a);
      else break;
    }
    const rest = args.slice(i);
    if (rest.length) return env.exec(`${clear ? 'env -i ' : ''}${set.map(quote).join(' ')} ${rest.map(quote).join(' ')}`.trim());
    const base = clear ? [] : visible(env).filter(([k]) => !set.some((s) => s.startsWith(`${k}=`)));
    return { stdout: [...base.map(([k, v]) => `${k}=${v}`), ...set].map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
  },
};

export const printenv: SimCommand = {
  name: 'printenv',
  async run(args, env): Promise<ExecResult> {
    const vars = new Map(visible(env));
    if (!args.length) return { stdout: [...vars].map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', exitCode: 0 };
    const found = args.filter((a) => vars.has(a));
    return { stdout: found.map((a) => `${vars.get(a)}\n`).join(''), stderr: '', exitCode: found.length === args.length ? 0 : 1 };
  },
};
