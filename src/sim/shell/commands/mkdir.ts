import type { ExecResult } from '../../api.ts';
import { parseMode } from '../modes.ts';
import { q } from '../quote.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/**
 * mkdir [-p] [-m MODE]. coreutils@v9.4:src/mkdir.c gives the last directory MODE applied to a=rwx (the umask
 * only masks a symbolic clause without who letters); the parents -p makes take the default (0755 under umask 022).
 * An invalid MODE: "invalid mode %s" with quote() (coreutils), "invalid mode '%s'" (busybox@1_36_1:coreutils/mkdir.c).
 */
export const mkdir: SimCommand = {
  name: 'mkdir',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    let parents = false;
    let modeSpec: string | undefined;
    const dirs: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--parents') parents = true;
      else if (a === '--mode' || a === '-m') modeSpec = args[++i];
      else if (a.startsWith('--mode=')) modeSpec = a.slice(7);
      else if (/^-[pv]*m/.test(a)) {
        // -pm 700, -m700: the rest of the word, else the next one, is the mode.
        parents ||= a.slice(1, a.indexOf('m')).includes('p');
        modeSpec = a.slice(a.indexOf('m') + 1) || args[++i];
      } else if (/^-[pv]+$/.test(a)) parents ||= a.includes('p');
      else dirs.push(a);
    }
    const mode = modeSpec === undefined ? undefined : parseMode(modeSpec, 0o777, true);
    if (modeSpec !== undefined && mode === undefined) return R('', `mkdir: invalid mode ${bb ? `'${modeSpec}'` : q(env, modeSpec)}\n`, 1);
    if (!dirs.length)
      return R(
        '',
        bb
          ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n'
          : "mkdir: missing operand\nTry 'mkdir --help' for more information.\n",
        1,
      );
    let err = '';
    const fail = (d: string, reason: string) =>
      (err += bb ? `mkdir: can't create directory '${d}': ${reason}\n` : `mkdir: cannot create directory ${q(env, d)}: ${reason}\n`);
    for (const d of dirs) {
      const abs = env.fs.resolvePath(env.cwd, d);
      if (env.readOnly(abs)) {
        fail(d, 'Read-only file system');
        continue;
      }
      if (await env.fs.exists(abs)) {
        if (!parents) fail(d, 'File exists');
        continue;
      }
      try {
        await env.fs.mkdir(abs, { recursive: parents });
        if (mode !== undefined) await env.fs.chmod(abs, mode);
      } catch {
        fail(d, 'No such file or directory');
      }
    }
    return R('', err, err ? 1 : 0);
  },
};
