import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { capText } from './capsh.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export const getpcaps: SimCommand = {
  name: 'getpcaps',
  async run(args, env) {
    if (!args.length)
      return R(
        '',
        'usage: getpcaps [opts] <pid> [<pid> ...]\n\n  Displays the capabilities on the queried process(es).\n  The capabilities are displayed in\n  cap_from_text(3) format.\n\n  Optional arguments:\n     --help, --usage or -h - this message\n     --legacy           - display capabilities in legacy format\n     --verbose          - display capabilities on a per-process basis\n',
        1,
      );
    const k = env.host.kernel;
    let out = '';
    let err = '';
    for (const a of args) {
      const p = [...k.procs.values()].find((q) => k.pidIn(q, env.self.ns.pid) === Number(a));
      if (!p) err += `Failed to get cap's for process ${a}: (No such process)\n`;
      else out += `${a}: ${capText(p.caps.eff)}\n`;
    }
    return R(out, err, err ? 1 : 0);
  },
};
