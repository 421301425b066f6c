/**
 * lsmod: kmod 31 on the host (kmod@v31:tools/lsmod.c do_lsmod: the header, then "%-19s %8ld  %d"
 * and the holders after a space, comma-separated) and busybox 1.36.1 in alpine
 * (busybox@1_36_1:modutils/lsmod.c with FEATURE_LSMOD_PRETTY_2_6_OUTPUT: "%-24sSize  Used by",
 * check_tainted's "    Not tainted", then "%s%*s %8s %2s %s" from /proc/modules). A container
 * shares the host's kernel, so it lists the same modules (kernel/modules.ts).
 */
import type { ExecResult } from '../../api.ts';
import { loadedModules } from '../../kernel/modules.ts';
import { hostOverlayMounts } from '../mounttable.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** The modules of node1's kernel now: overlay holds one reference per overlay filesystem mounted on the host. */
export const modulesNow = (env: CmdEnv) => loadedModules(env.host.kernel, hostOverlayMounts(env.daemon));

export const lsmod: SimCommand = {
  name: 'lsmod',
  async run(args, env) {
    const mods = modulesNow(env);
    if (env.flavor === 'busybox') {
      if (args[0] === '--help') return R('', 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: lsmod\n\nList loaded kernel modules\n');
      return R(
        `${'Module'.padEnd(24)}Size  Used by    Not tainted\n${mods.map((m) => `${m.name.padEnd(19)} ${String(m.size).padStart(8)} ${String(m.refcnt).padStart(2)} ${m.holders.join(',')}\n`).join('')}`,
      );
    }
    // do_lsmod takes no arguments: "Usage: %s\n" with argv[0], exit 1.
    if (args.length) return R('', 'Usage: lsmod\n', 1);
    return R(
      `Module                  Size  Used by\n${mods.map((m) => `${m.name.padEnd(19)} ${String(m.size).padStart(8)}  ${m.refcnt}${m.holders.length ? ` ${m.holders.join(',')}` : ''}\n`).join('')}`,
    );
  },
};
