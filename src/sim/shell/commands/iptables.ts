/**
 * iptables 1.8.10 (nf_tables) on node1 (Ubuntu 24.04's iptables 1.8.10-3ubuntu2, /usr/sbin/iptables → xtables-nft-multi
 * through the alternatives): the listing commands, -L and -S, of the rules dockerd keeps (net/iptables-rules.ts).
 * Parsing follows iptables@v1.8.10:iptables/xshared.c do_parse (IPT_OPTSTRING "-:A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:
 * p:s:t:R:S::W::46bfg:h::m:nvw::x": getopt is silent, errors are xtables_error's "iptables v1.8.10 (nf_tables): …" with
 * exit_tryhelp's hint, status 2); `-L`/`-S` take an optional chain then rule number (xs_has_arg; parse_rulenumber);
 * xtables.c do_commandx checks the table ("table '%s' does not exist", VERSION_PROBLEM 3, libxtables basic_exit_err's
 * "Perhaps iptables or your kernel needs to be upgraded."). Without CAP_NET_ADMIN the kernel refuses nfnetlink, and
 * nft-cache.c mnl_genid_get fails first: "Could not fetch rule set generation id: Permission denied (you must be root)"
 * (nft.c nft_strerror, EPERM), RESOURCE_PROBLEM 4. A chain not in the table: xtables-standalone.c's
 * "iptables: No chain/target/match by that name." (ENOENT), status 1.
 * Commands that change rules (-A, -I, -D, -F, -N, -X, -P, -E, -Z, -R, -C) are not simulated and say so.
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { listRow, listTable, saveRule, saveTable } from '../../net/iptables-print.ts';
import { BUILTIN, dockerTables, emptyTables, type TableName } from '../../net/iptables-rules.ts';
import { resolve, reverseName } from '../../net/resolved.ts';
import type { SimCommand } from '../types.ts';
import { SERVICES } from './ss.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const V = 'iptables v1.8.10 (nf_tables): ';
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";
const perr = (msg: string) => R('', `${V}${msg}\n${TRY}`, 2);

/** xshared.c xtables_printhelp for AF_INET, with no extension loaded (print_extension_helps prints nothing more). */
const HELP =
  'iptables v1.8.10 (nf_tables)\n\nUsage: iptables -[ACD] chain rule-specification [options]\n       iptables -I chain [rulenum] rule-specification [options]\n       iptables -R chain rulenum rule-specification [options]\n       iptables -D chain rulenum [options]\n       iptables -[LS] [chain [rulenum]] [options]\n       iptables -[FZ] [chain] [options]\n       iptables -[NX] chain\n       iptables -E old-chain-name new-chain-name\n       iptables -P chain target [options]\n       iptables -h (print this help information)\n\n' +
  'Commands:\nEither long or short options are allowed.\n  --append  -A chain\t\tAppend to chain\n  --check   -C chain\t\tCheck for the existence of a rule\n  --delete  -D chain\t\tDelete matching rule from chain\n  --delete  -D chain rulenum\n\t\t\t\tDelete rule rulenum (1 = first) from chain\n  --insert  -I chain [rulenum]\n\t\t\t\tInsert in chain as rulenum (default 1=first)\n  --replace -R chain rulenum\n\t\t\t\tReplace rule rulenum (1 = first) in chain\n  --list    -L [chain [rulenum]]\n\t\t\t\tList the rules in a chain or all chains\n  --list-rules -S [chain [rulenum]]\n\t\t\t\tPrint the rules in a chain or all chains\n  --flush   -F [chain]\t\tDelete all rules in  chain or all chains\n  --zero    -Z [chain [rulenum]]\n\t\t\t\tZero counters in chain or all chains\n  --new     -N chain\t\tCreate a new user-defined chain\n  --delete-chain\n            -X [chain]\t\tDelete a user-defined chain\n  --policy  -P chain target\n\t\t\t\tChange policy on chain to target\n  --rename-chain\n            -E old-chain new-chain\n\t\t\t\tChange chain name, (moving any references)\n\nOptions:\n' +
  "    --ipv4\t-4\t\tNothing (line is ignored by ip6tables-restore)\n    --ipv6\t-6\t\tError (line is ignored by iptables-restore)\n[!] --protocol\t-p proto\tprotocol: by number or name, eg. `tcp'\n[!] --source\t-s address[/mask][...]\n\t\t\t\tsource specification\n[!] --destination -d address[/mask][...]\n\t\t\t\tdestination specification\n" +
  '[!] --in-interface -i input name[+]\n\t\t\t\tnetwork interface name ([+] for wildcard)\n --jump\t-j target\n\t\t\t\ttarget for rule (may load target extension)\n  --goto      -g chain\n\t\t\t       jump to chain with no return\n' +
  "  --match\t-m match\n\t\t\t\textended match (may load extension)\n  --numeric\t-n\t\tnumeric output of addresses and ports\n[!] --out-interface -o output name[+]\n\t\t\t\tnetwork interface name ([+] for wildcard)\n  --table\t-t table\ttable to manipulate (default: `filter')\n  --verbose\t-v\t\tverbose mode\n  --wait\t-w [seconds]\tmaximum wait to acquire xtables lock before give up\n  --line-numbers\t\tprint line numbers when listing\n  --exact\t-x\t\texpand numbers (display exact values)\n" +
  '[!] --fragment\t-f\t\tmatch second or further fragments only\n  --modprobe=<command>\t\ttry to insert modules using this command\n  --set-counters -c PKTS BYTES\tset the counter during insert/append\n[!] --version\t-V\t\tprint package version.\n';

const LONG: Record<string, string> = {
  '--help': 'h',
  '--list': 'L',
  '--list-rules': 'S',
  '--numeric': 'n',
  '--verbose': 'v',
  '--exact': 'x',
  '--table': 't',
  '--version': 'V',
  '--line-numbers': '0',
};
const CHANGES = 'ACDEFINPRXZ';
const WITH_ARG = 'ACDEINPRtjmpsdioWwg';

export const iptables: SimCommand = {
  name: 'iptables',
  async run(args, env) {
    let cmd: 'L' | 'S' | undefined;
    let table = 'filter';
    let chain: string | undefined;
    let rulenum: number | undefined;
    const f = { numeric: false, verbose: false, expanded: false, lineNumbers: false };
    const words = [...args];
    const hasArg = () => words.length > 0 && !(words[0] as string).startsWith('-') && words[0] !== '!';
    while (words.length) {
      const w = words.shift() as string;
      let letters: string[];
      if (w.startsWith('--')) {
        const [name, value] = w.split('=', 2) as [string, string | undefined];
        const l = LONG[name];
        if (!l) return perr(`unknown option "${name}"`);
        if (value !== undefined) words.unshift(value);
        letters = [l];
      } else if (w.startsWith('-') && w.length > 1) letters = w.slice(1).split('');
      else return R('', `Bad argument \`${w}'\n${TRY}`, 2);
      for (let i = 0; i < letters.length; i++) {
        const l = letters[i] as string;
        const attached = letters.slice(i + 1).join('');
        if (l === 'L' || l === 'S') {
          if (cmd && cmd !== l) return perr(`Cannot use -${l} with -${cmd}`);
          cmd = l;
          if (attached) chain = attached;
          else if (hasArg()) chain = words.shift();
          if (hasArg()) {
            const n = words.shift() as string;
            if (!/^\d+$/.test(n) || Number(n) < 1) return perr(`Invalid rule number \`${n}'`);
            rulenum = Number(n);
          }
          break;
        }
        if (l === 't') {
          const v = attached || words.shift();
          if (v === undefined) return perr('option "-t" requires an argument');
          table = v;
          break;
        }
        if (l === 'n') f.numeric = true;
        else if (l === 'v') f.verbose = true;
        else if (l === 'x') f.expanded = true;
        else if (l === '0') f.lineNumbers = true;
        else if (l === 'V') return R('iptables v1.8.10 (nf_tables)\n');
        else if (l === 'h') return R(HELP);
        else if (CHANGES.includes(l))
          return R('', `iptables: only listing (-L, -S) is simulated on node1; the rules are dockerd's and are not changed here.\n`, 2);
        else if (WITH_ARG.includes(l) || l === '4' || l === '6' || l === 'f' || l === 'b' || l === 'c')
          return R('', `iptables: only listing (-L, -S) is simulated on node1; -${l} is not.\n`, 2);
        else return perr(`unknown option "-${l}"`);
      }
    }
    if (!cmd) return perr('no command specified');
    if (!(table in BUILTIN)) return R('', `${V}table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
    if (!hasCap(env.self.caps, 'net_admin')) return R('', `${V}Could not fetch rule set generation id: Permission denied (you must be root)\n`, 4);
    const t = env.self.ns.net === env.host.kernel.hostNs.net ? dockerTables(env.daemon.net, env.daemon.containers.values()) : emptyTables();
    const tn = table as TableName;
    if (chain !== undefined && !t[tn].has(chain)) return R('', 'iptables: No chain/target/match by that name.\n', 1);
    const r = rulenum === undefined ? undefined : t[tn].get(chain as string)?.rules[rulenum - 1];
    // A rule number past the chain's end lists nothing (nft.c __nft_rule_list: "return 1").
    if (rulenum !== undefined && cmd === 'S') return R(r ? saveRule(chain as string, r, f.verbose) : '');
    if (cmd === 'S') return R(saveTable(t, tn, f.verbose, chain));
    const hosts = await env.readFile('/etc/hosts').catch(() => '');
    const hostName = (ip: string) => {
      const q = reverseName(ip);
      const a = q ? resolve(q, 'PTR', hosts).answers[0] : undefined;
      return a ? a.data.replace(/\.$/, '') : undefined;
    };
    const fmt = { ...f, hostName, serviceName: (p: number) => SERVICES[p] };
    if (rulenum !== undefined) return R(r ? listRow(r, rulenum, fmt) : '');
    return R(listTable(t, tn, fmt, chain));
  },
};
