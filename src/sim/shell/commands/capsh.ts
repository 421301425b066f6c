import type { ExecResult } from '../../api.ts';
import { ALL_CAPS, capHex, capList } from '../../kernel/capabilities.ts';
import { quoteArgv } from '../line.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** A capability set as cap_to_text(3) prints it (libcap: `=ep`, `=`, `cap_x,cap_y=ep`). */
export function capText(mask: bigint): string {
  if (mask === ALL_CAPS) return '=ep';
  if (mask === 0n) return '=';
  return `${capList(mask)}=ep`;
}

export const capsh: SimCommand = {
  name: 'capsh',
  async run(args, env) {
    // `--`: capsh execs /bin/bash with the arguments after it (libcap 2.66 progs/capsh.c: argv[i] = shell,
    // execve(shell, argv + i)): bash takes capsh's process, the commands it runs are its children.
    const dd = args.indexOf('--');
    if (dd >= 0 && args.slice(0, dd).every((a) => a === '--print')) {
      const printed = dd > 0 ? await capsh.run(['--print'], env) : R('');
      const argv = ['/bin/bash', ...args.slice(dd + 1)];
      Object.assign(env.self, { argv, comm: 'bash' });
      const r = await env.runAs(env.self, () => env.exec(quoteArgv(['bash', ...args.slice(dd + 1)])));
      return { ...r, stdout: printed.stdout + r.stdout };
    }
    const dec = args.find((a) => a.startsWith('--decode='));
    if (dec) {
      const raw = dec.slice(9);
      const mask = BigInt(raw.startsWith('0x') ? raw : `0x${raw}`);
      return R(`0x${capHex(mask)}=${capList(mask)}\n`);
    }
    if (args[0] === '--print' || args.length === 0) {
      const c = env.self.caps;
      const dropped = ALL_CAPS & ~c.bnd;
      const iab = dropped
        ? capList(dropped)
            .split(',')
            .map((n) => `!${n}`)
            .join(',')
        : '';
      const name = env.self.uid === 0 ? 'root' : String(env.self.uid);
      const u = env.self.uid === 0 ? `${env.self.uid}(root)` : `${env.self.uid}(${name})`;
      return R(
        `Current: ${capText(c.eff)}\nBounding set =${capList(c.bnd)}\nAmbient set =${capList(c.amb)}\nCurrent IAB: ${iab}\nSecurebits: 00/0x0/1'b0 (no-new-privs=${env.self.noNewPrivs ? 1 : 0})\n secure-noroot: no (unlocked)\n secure-no-suid-fixup: no (unlocked)\n secure-keep-caps: no (unlocked)\n secure-no-ambient-raise: no (unlocked)\nuid=${u} euid=${u}\ngid=${env.self.gid}(root)\ngroups=0(root)\nGuessed mode: HYBRID (4)\n`,
      );
    }
    return R('', `capsh: unknown option: ${args[0]}\n`, 1);
  },
};
