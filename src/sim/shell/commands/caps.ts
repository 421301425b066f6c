import type { ExecResult } from '../../api.ts';
import { ALL_CAPS, capHex, capList, hasCap } from '../../kernel/capabilities.ts';
import { q } from '../quote.ts';
import type { SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

function text(mask: bigint): string {
  if (mask === ALL_CAPS) return '=ep';
  if (mask === 0n) return '=';
  return `${capList(mask)}=ep`;
}

export const capsh: SimCommand = {
  name: 'capsh',
  async run(args, env) {
    const dec = args.find((a) => a.startsWith('--decode='));
    if (dec) {
      const raw = dec.slice(9);
      const mask = BigInt(raw.startsWith('0x') ? raw : `0x${raw}`);
      return R(`0x${capHex(mask)}=${capList(mask)}\n`);
    }
    if (args[0] === '--print' || args.length === 0) {
      const c = env.self.caps;
      const dropped = ALL_CAPS & ~c.bnd;
      const iab = dropped ? capList(dropped).split(',').map((n) => `!${n}`).join(',') : '';
      const name = env.self.uid === 0 ? 'root' : String(env.self.uid);
      const u = env.self.uid === 0 ? `${env.self.uid}(root)` : `${env.self.uid}(${name})`;
      return R(
        `Current: ${text(c.eff)}\nBounding set =${capList(c.bnd)}\nAmbient set =${capList(c.amb)}\nCurrent IAB: ${iab}\nSecurebits: 00/0x0/1'b0 (no-new-privs=${env.self.noNewPrivs ? 1 : 0})\n secure-noroot: no (unlocked)\n secure-no-suid-fixup: no (unlocked)\n secure-keep-caps: no (unlocked)\n secure-no-ambient-raise: no (unlocked)\nuid=${u} euid=${u}\ngid=${env.self.gid}(root)\ngroups=0(root)\nGuessed mode: HYBRID (4)\n`,
      );
    }
    return R('', `capsh: unknown option: ${args[0]}\n`, 1);
  },
};

export const getpcaps: SimCommand = {
  name: 'getpcaps',
  async run(args, env) {
    if (!args.length) return R('', 'usage: getpcaps [opts] <pid> [<pid> ...]\n\n  Displays the capabilities on the queried process(es).\n  The capabilities are displayed in\n  cap_from_text(3) format.\n\n  Optional arguments:\n     --help, --usage or -h - this message\n     --legacy           - display capabilities in legacy format\n     --verbose          - display capabilities on a per-process basis\n', 1);
    const k = env.host.kernel;
    let out = '';
    let err = '';
    for (const a of args) {
      const p = [...k.procs.values()].find((q) => k.pidIn(q, env.self.ns.pid) === Number(a));
      if (!p) err += `Failed to get cap's for process ${a}: (No such process)\n`;
      else out += `${a}: ${text(p.caps.eff)}\n`;
    }
    return R(out, err, err ? 1 : 0);
  },
};

export const chown: SimCommand = {
  name: 'chown',
  async run(args, env) {
    const ops = args.filter((a) => !a.startsWith('-'));
    const [owner, ...paths] = ops;
    const bb = env.flavor === 'busybox';
    if (!owner || !paths.length) return R('', bb ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n' : `chown: missing operand\nTry 'chown --help' for more information.\n`, 1);
    let err = '';
    for (const path of paths) {
      try {
        await env.readFile(path).catch(async (e: Error) => {
          if (!/EISDIR/.test(e.message)) throw e;
        });
      } catch {
        err += bb ? `chown: ${path}: No such file or directory\n` : `chown: cannot access ${q(env, path)}: No such file or directory\n`;
        continue;
      }
      if (!hasCap(env.self.caps, 'chown')) err += bb ? `chown: ${path}: Operation not permitted\n` : `chown: changing ownership of ${q(env, path)}: Operation not permitted\n`;
    }
    return R('', err, err ? 1 : 0);
  },
};
