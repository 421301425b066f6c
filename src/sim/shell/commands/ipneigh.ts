/**
 * `ip neigh [show] [dev DEV] [to PREFIX] [nud STATE]` (the table: net/neigh.ts), in the two wordings:
 * - iproute2@v6.1.0:ip/ipneigh.c do_ipneigh, do_show_or_flush (the default state filter hides NOARP entries; "dev"
 *   is not printed when filtering on it), print_neigh ("%s " for the address, "dev %s ", "lladdr %s ", the state and a
 *   space); errors: lib/utils.c nodev ("Cannot find device"), invarg, and "Command … is unknown, try "ip neigh help"."
 * - busybox@1_36_1:networking/libiproute/ipneigh.c print_neigh ("lladdr %s" then " STATE", no trailing space).
 * Adding, changing or flushing entries is not simulated.
 */
import type { ExecResult } from '../../api.ts';
import { inCidr, parseCidr } from '../../net/addr.ts';
import { neighbours } from '../../net/neigh.ts';
import type { IpFlavor } from '../../net/iproute.ts';
import type { CmdEnv } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);
const STATES = ['incomplete', 'reachable', 'stale', 'delay', 'probe', 'failed', 'noarp', 'permanent', 'none', 'all'];

export function neigh(args: string[], env: CmdEnv, fl: IpFlavor): ExecResult {
  const bb = fl === 'busybox';
  const rest = [...args];
  const cmd = rest[0];
  if (cmd !== undefined) {
    if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) rest.shift();
    else if (['add', 'change', 'chg', 'replace', 'delete', 'get', 'flush'].some((c) => matches(cmd, c)))
      return R('', `ip: only \`ip neigh show\` is simulated on node1; \`ip neigh ${cmd}\` is not.\n`, bb ? 1 : 255);
    else if (!bb) return R('', `Command "${cmd}" is unknown, try "ip neigh help".\n`, 255);
  }
  let dev: string | undefined;
  let to: { base: number; len: number } | undefined;
  const states = new Set<string>();
  while (rest.length) {
    const w = rest.shift() as string;
    const next = () => {
      const v = rest.shift();
      if (v === undefined)
        throw R('', bb ? 'ip: command line is not complete, try "help"\n' : 'Command line is not complete. Try option "help"\n', bb ? 1 : 255);
      return v;
    };
    try {
      if (w === 'dev') {
        const v = next();
        if (dev !== undefined) return R('', `Error: duplicate "dev": "${v}" is the second value.\n`, 255);
        dev = v;
      } else if (w === 'nud') {
        const v = next().toLowerCase();
        if (!STATES.includes(v)) return R('', `Error: argument "${v}" is wrong: nud state is bad\n`, 255);
        states.add(v);
      } else {
        const v = w === 'to' ? next() : w;
        const c = parseCidr(v.includes('/') ? v : `${v}/32`);
        if (!c)
          return R('', bb ? `ip: an inet prefix is expected rather than "${v}"\n` : `Error: argument "${v}" is wrong: to value is invalid\n\n`, bb ? 1 : 255);
        to = c;
      }
    } catch (e) {
      return e as ExecResult;
    }
  }
  const ns = env.host.kernel.ns(env.self.ns.net);
  if (dev !== undefined && !(ns.interfaces ?? []).some((i) => i.name === dev))
    return R('', bb ? `ip: can't find device '${dev}'\n` : `Cannot find device "${dev}"\n`, bb ? 1 : 255);
  const rows = neighbours(env.host, ns).filter(
    (r) => (dev === undefined || r.dev === dev) && (!to || inCidr(r.ip, to)) && (states.size === 0 || states.has('all') || states.has(r.state.toLowerCase())),
  );
  return R(
    rows
      .map((r) => {
        const d = dev === undefined ? `dev ${r.dev} ` : '';
        return bb ? `${r.ip} ${d}lladdr ${r.mac} ${r.state}\n` : `${r.ip} ${d}lladdr ${r.mac} ${r.state} \n`;
      })
      .join(''),
  );
}
