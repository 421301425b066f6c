import type { SimCommand } from '../types.ts';

/**
 * bash's `history` builtin: every line typed in this terminal, numbered from 1, as
 * display_history prints it (bash-5.2:builtins/history.def: "%5d%c %s%s\n", the %c a space
 * for an unmodified entry). `history N` shows the last N; `-c` clears the list.
 */
export const history: SimCommand = {
  name: 'history',
  noProcess: true,
  async run(args, env) {
    const sh = env.session.shell;
    const all = env.history().filter((l) => l.trim() !== '');
    const base = (env.session as { historyBase?: number }).historyBase ?? 0;
    if (args[0] === '-c') {
      (env.session as { historyBase?: number }).historyBase = all.length;
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    let lines = all.slice(base);
    if (args.length) {
      const n = args[0] as string;
      // bash-5.2:builtins/history.def → sh_neednumarg / sh_invalidopt.
      if (n.startsWith('-') && n !== '--')
        return {
          stdout: '',
          stderr: `${sh}: history: ${n.slice(0, 2)}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n`,
          exitCode: 2,
        };
      if (!/^\d+$/.test(n)) return { stdout: '', stderr: `${sh}: history: ${n}: numeric argument required\n`, exitCode: 1 };
      if (args.length > 1) return { stdout: '', stderr: `${sh}: history: too many arguments\n`, exitCode: 1 };
      lines = lines.slice(Math.max(0, lines.length - Number(n)));
    }
    const first = all.length - lines.length + 1 - base;
    return { stdout: lines.map((l, i) => `${String(first + i).padStart(5)}  ${l}\n`).join(''), stderr: '', exitCode: 0 };
  },
};
