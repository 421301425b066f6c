/**
 * nice (coreutils 9.4 on node1): with no command, the current niceness; else runs the command with the niceness
 * raised by -n N, -N or --adjustment=N (10 by default), kept within -20..19 (coreutils@v9.4:src/nice.c main, which
 * calls setpriority(2) on Linux: configure.ac checks nice() only without it). Lowering it needs CAP_SYS_NICE
 * (linux@v6.8:kernel/sys.c set_one_prio: EACCES); nice then warns and runs the command unchanged.
 */
import type { ExecResult } from '../../api.ts';
import { niceOf, setNice } from '../../kernel/sched.ts';
import { fail, parseNice } from '../niceargs.ts';
import { tryHelp } from '../getopt.ts';
import { visible } from '../environ.ts';
import { quoteArgv } from '../line.ts';
import type { SimCommand } from '../types.ts';
import { findable } from './env.ts';

export const nice: SimCommand = {
  name: 'nice',
  async run(args, env): Promise<ExecResult> {
    const parsed = parseNice(args);
    if ('out' in parsed) return parsed.out;
    const { adj, rest } = parsed;
    const self = env.self;
    const current = niceOf(self);
    if (!rest.length) {
      if (parsed.given) return fail(tryHelp('nice', 'a command must be given with an adjustment'));
      return { stdout: `${current}\n`, stderr: '', exitCode: 0 };
    }
    let stderr = '';
    // error (0, errno, "cannot set niceness") for EACCES/EPERM, then the command runs all the same.
    if (setNice(self, self, current + adj)) stderr = 'nice: cannot set niceness: Permission denied\n';
    const cmd = rest[0] as string;
    // execvp: ENOENT is 127 (EXIT_ENOENT), `nice: 'cmd': No such file or directory`.
    if (!(await findable(env, cmd, new Map(visible(env)).get('PATH')))) return fail(`${stderr}nice: '${cmd}': No such file or directory\n`, 127);
    Object.assign(self, { argv: rest, comm: cmd.split('/').pop()!.slice(0, 15) });
    const r = /^(.*\/)?(ba|a|da)?sh$/.test(cmd) ? await env.runAs(self, () => env.exec(quoteArgv(rest))) : await env.execAs(self, quoteArgv(rest));
    if (!stderr) return r;
    // The warning comes before anything the command writes.
    const chunks = r.output ?? [
      { stream: 'stdout' as const, text: r.stdout },
      { stream: 'stderr' as const, text: r.stderr },
    ];
    return { ...r, stderr: stderr + r.stderr, output: [{ stream: 'stderr', text: stderr }, ...chunks.filter((c) => c.text)] };
  },
};
