/**
 * iptables-save 1.8.10 (nf_tables) on node1 (iptables@v1.8.10:iptables/xtables-save.c xtables_save_main, getopt "bcdt:M:f:V"):
 * the tables dockerd made, filter then nat (net/iptables-print.ts iptablesSave); -t TABLE one table ("Table `%s' does
 * not exist" for another name, status 1), -c the rules' counters, -V the version. A bad option: "Look at manual page
 * `iptables-save.8' for more information.", status 1. Without CAP_NET_ADMIN the rule-set generation cannot be read
 * (nft-cache.c mnl_genid_get: libxtables basic_exit_err's "iptables-save v1.8.10 (nf_tables): …", RESOURCE_PROBLEM 4).
 * -f FILE and -M are not simulated.
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { iptablesSave as render } from '../../net/iptables-print.ts';
import { BUILTIN, dockerTables, type TableName } from '../../net/iptables-rules.ts';
import type { SimCommand } from '../types.ts';
import { ctime } from './watch.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const HINT = "Look at manual page `iptables-save.8' for more information.\n";

export const iptablesSave: SimCommand = {
  name: 'iptables-save',
  async run(args, env) {
    let counters = false;
    let table: string | undefined;
    const words = [...args];
    while (words.length) {
      const w = words.shift() as string;
      if (w === '--counters') counters = true;
      else if (w === '--version') return R('iptables-save v1.8.10 (nf_tables)\n');
      else if (w === '--table' || w.startsWith('--table=')) {
        table = w.includes('=') ? w.slice(8) : words.shift();
        if (table === undefined) return R('', `iptables-save: option '--table' requires an argument\n${HINT}`, 1);
      } else if (w.startsWith('--')) return R('', `iptables-save: unrecognized option '${w}'\n${HINT}`, 1);
      else if (w.startsWith('-') && w.length > 1) {
        for (let i = 1; i < w.length; i++) {
          const c = w[i] as string;
          if (c === 'c') counters = true;
          else if (c === 'V') return R('iptables-save v1.8.10 (nf_tables)\n');
          else if (c === 't') {
            table = w.slice(i + 1) || words.shift();
            if (table === undefined) return R('', `iptables-save: option requires an argument -- 't'\n${HINT}`, 1);
            break;
          } else if (c === 'b' || c === 'd' || c === 'M' || c === 'f')
            return R('', `iptables-save: only -c, -t and -V are simulated on node1; -${c} is not.\n`, 1);
          else return R('', `iptables-save: invalid option -- '${c}'\n${HINT}`, 1);
        }
      } else return R('', 'Unknown arguments found on commandline\n', 1);
    }
    if (!hasCap(env.self.caps, 'net_admin'))
      return R('', 'iptables-save v1.8.10 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n', 4);
    if (table !== undefined && !(table in BUILTIN)) return R('', `Table \`${table}' does not exist\n`, 1);
    // Outside node1's namespace no table exists yet (iptables-nft makes them on first use): nothing to print.
    if (env.self.ns.net !== env.host.kernel.hostNs.net) return R('');
    const t = dockerTables(env.daemon.net, env.daemon.containers.values());
    const tables: TableName[] = table ? [table as TableName] : ['filter', 'nat'];
    return R(render(t, tables, counters, ctime(env.host.clock.nowMs)));
  },
};
