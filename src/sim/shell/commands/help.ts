import { builtinHelp } from '../builtin-docs.ts';
import type { SimCommand } from '../types.ts';

/**
 * bash's `help`: with no topic, bash 5.2's own header (bash-5.2:builtins/help.def,
 * show_shell_version + "These shell commands are defined internally…"), then the programs
 * this simulated host has, from /bin. `help NAME` is the builtin's help text: bash's own for
 * the builtins the simulator runs (builtin-docs.ts), just-bash's for the rest.
 */
export const help: SimCommand = {
  // just-bash's interpreter answers `help` itself; the runtime sends a bare `help` here.
  name: '__cc_help',
  noProcess: true,
  async run(args, env) {
    const own = args.map(builtinHelp);
    if (args.length && own.every((t) => t !== undefined)) return { stdout: own.join(''), stderr: '', exitCode: 0 };
    if (args.length)
      return env.orig
        ? env.orig(args)
        : {
            stdout: '',
            stderr: `bash: help: no help topics match \`${args[0]}'.  Try \`help help' or \`man -k ${args[0]}' or \`info ${args[0]}'.\n`,
            exitCode: 1,
          };
    const header =
      'GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)\n' +
      "These shell commands are defined internally.  Type `help' to see this list.\n" +
      "Type `help name' to find out more about the function `name'.\n" +
      "Use `info bash' to find out more about the shell in general.\n" +
      "Use `man -k' or `info' to find out more about commands not in this list.\n\n";
    const builtins = [
      '.',
      ':',
      '[',
      'alias',
      'break',
      'cd',
      'continue',
      'declare',
      'echo',
      'eval',
      'exit',
      'export',
      'false',
      'help',
      'history',
      'kill',
      'let',
      'local',
      'printf',
      'pwd',
      'read',
      'return',
      'set',
      'shift',
      'source',
      'test',
      'true',
      'type',
      'unset',
    ];
    const names = (await env.fs.readdir('/bin').catch(() => [] as string[])).filter((n) => !n.startsWith('__')).sort();
    const grid = (list: string[]) => {
      const w = Math.max(...list.map((n) => n.length)) + 2;
      const per = Math.max(1, Math.floor(env.columns / w));
      let out = '';
      for (let i = 0; i < list.length; i += per)
        out += `${list
          .slice(i, i + per)
          .map((n) => n.padEnd(w))
          .join('')
          .trimEnd()}\n`;
      return out;
    };
    return { stdout: `${header}Shell builtins:\n${grid(builtins)}\nPrograms on this host (/bin):\n${grid(names)}`, stderr: '', exitCode: 0 };
  },
};
