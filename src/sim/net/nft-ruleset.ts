/**
 * What `nft list ruleset` (nftables 1.0.9) shows of the rules dockerd 27.3.1 wrote with iptables 1.8.10 (nf_tables) on
 * node1: the same rule state as iptables-save (net/iptables-rules.ts), as nf_tables holds it and nft prints it back.
 * - Tables, in the order the kernel made them (nf_tables_dump_tables walks the table list in creation order): dockerd's
 *   bridge driver configure (moby@v27.3.1:libnetwork/drivers/bridge/bridge_linux.go) runs setupIPChains for IPv4 then
 *   IPv6 (ip6tables is on by default: cmd/dockerd/config_unix.go "ip6tables", true), each making nat DOCKER first:
 *   ip nat, ip filter, ip6 nat, ip6 filter.
 * - Chains, in creation order too: iptables-nft makes a built-in chain only when a rule or policy first needs it
 *   (iptables@v1.8.10:iptables/nft.c nft_xt_builtin_init, nft_chain_builtin_init), so nat has DOCKER, then POSTROUTING
 *   (setupIPTablesInternal's MASQUERADE), PREROUTING and OUTPUT (ProgramChain); filter has DOCKER and the two isolation
 *   chains (setupIPChains), FORWARD (setupIPForwarding's policy DROP, after the chains), then DOCKER-USER
 *   (libnetwork/firewall_linux.go setupUserChain). nat INPUT and filter INPUT/OUTPUT never exist here.
 * - The IPv6 tables: setupIPChains(IPv6), the ip6 FORWARD policy DROP (setup_ip_forwarding.go), isolateNetwork's setINC
 *   for IPv6 for every non-internal bridge network (bridge_linux.go isolateNetwork), and setupUserChain. No network here
 *   has IPv6 (manager.ts: no IPv6 pools), so no other IPv6 rule.
 * - A rule as iptables-nft builds it (nft-ipv4.c nft_ipv4_add: iifname, oifname, the protocol, saddr, daddr, the
 *   matches, a counter, the target): -p tcp with -m tcp --dport is native (nft.c add_nft_tcp), and nft drops the
 *   `ip protocol tcp` it implies (nftables@v1.0.9:src/netlink_delinearize.c payload dependency); a /32 prints bare.
 *   conntrack, addrtype, MASQUERADE and DNAT stay xt extensions, which nft prints through libxtables' translations
 *   (libxt_conntrack.c "ct state related,established", libxt_addrtype.c "fib daddr type local", libxt_MASQUERADE.c
 *   "masquerade", libxt_DNAT.c "dnat to IP:PORT"), and a table holding any gets table_print's stderr warning
 *   (nftables@v1.0.9:src/rule.c table_print: "# Warning: table %s %s is managed by iptables-nft, do not touch!").
 * - Base chains: rule.c chain_print_declaration, prio2str (std_prios; dstnat allowed in output and srcnat in input
 *   since "rule: allow src/dstnat prios in input and output", 2023-07-28, before v1.0.9), chain_policy2str.
 * Counters read 0 (the simulator counts no packets through netfilter), as iptables -v shows.
 */
import type { Container } from '../docker/container.ts';
import { type Chain, dockerTables, type Rule } from './iptables-rules.ts';
import type { NetworkManager } from './manager.ts';

export interface NftChain {
  name: string;
  /** `type nat hook prerouting priority dstnat; policy accept;` for a base chain. */
  base?: string;
  rules: string[];
}

export interface NftTable {
  family: 'ip' | 'ip6';
  name: 'nat' | 'filter';
  chains: NftChain[];
  /** Holds an xt match or target (rule.c table->has_xt_stmts): nft warns on stderr before printing it. */
  xt: boolean;
}

const VERDICT: Record<string, string> = { ACCEPT: 'accept', DROP: 'drop', RETURN: 'return' };

/** One rule's statements, in the order iptables-nft emits its expressions. */
export function nftRule(r: Rule, family: 'ip' | 'ip6' = 'ip'): string {
  const out: string[] = [];
  if (r.in) out.push(`iifname ${r.in.inv ? '!= ' : ''}"${r.in.name}"`);
  if (r.out) out.push(`oifname ${r.out.inv ? '!= ' : ''}"${r.out.name}"`);
  const port = r.matches.some((m) => m.kind === 'port');
  if (r.proto && !port) out.push(`${family === 'ip' ? 'ip protocol' : 'meta l4proto'} ${r.proto}`);
  const addr = (dir: string, a: { cidr: string; inv?: boolean }) =>
    `${family} ${dir} ${a.inv ? '!= ' : ''}${a.cidr.endsWith('/32') ? a.cidr.slice(0, -3) : a.cidr}`;
  if (r.src) out.push(addr('saddr', r.src));
  if (r.dst) out.push(addr('daddr', r.dst));
  for (const m of r.matches) {
    if (m.kind === 'conntrack') out.push(`ct state ${m.ctstate.toLowerCase()}`);
    else if (m.kind === 'addrtype') out.push(`fib daddr type ${m.dstType.toLowerCase()}`);
    else out.push(`${r.proto} dport ${m.dport}`);
  }
  out.push('counter packets 0 bytes 0');
  if (r.target in VERDICT) out.push(VERDICT[r.target] as string);
  else if (r.target === 'MASQUERADE') out.push('masquerade');
  else if (r.target === 'DNAT') out.push(`dnat to ${r.toDest}`);
  else out.push(`jump ${r.target}`);
  return out.join(' ');
}

const isXt = (r: Rule) => r.matches.some((m) => m.kind !== 'port') || r.target === 'MASQUERADE' || r.target === 'DNAT';

/** The base-chain line of each built-in chain dockerd's rules bring into being. */
const BASE: Record<string, string> = {
  'nat/PREROUTING': 'type nat hook prerouting priority dstnat;',
  'nat/OUTPUT': 'type nat hook output priority dstnat;',
  'nat/POSTROUTING': 'type nat hook postrouting priority srcnat;',
  'filter/FORWARD': 'type filter hook forward priority filter;',
};

const ORDER = {
  nat: ['DOCKER', 'POSTROUTING', 'PREROUTING', 'OUTPUT'],
  filter: ['DOCKER', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'FORWARD', 'DOCKER-USER'],
};

function toNft(table: 'nat' | 'filter', family: 'ip' | 'ip6', chains: Map<string, Chain>): NftTable {
  const out: NftChain[] = [];
  let xt = false;
  for (const name of ORDER[table]) {
    const c = chains.get(name);
    // A built-in chain exists once something needed it: a rule, or a policy other than the default.
    if (!c || (c.policy && c.rules.length === 0 && c.policy === 'ACCEPT')) continue;
    if (c.rules.some(isXt)) xt = true;
    const base = BASE[`${table}/${name}`];
    out.push({ name, ...(base ? { base: `${base} policy ${(c.policy ?? 'ACCEPT').toLowerCase()};` } : {}), rules: c.rules.map((r) => nftRule(r, family)) });
  }
  return { family, name: table, chains: out, xt };
}

/** The IPv6 chains dockerd keeps: setupIPChains, the FORWARD policy, setINC per non-internal bridge, DOCKER-USER. */
function ip6Chains(mgr: NetworkManager): { nat: Map<string, Chain>; filter: Map<string, Chain> } {
  const nat = new Map<string, Chain>([['DOCKER', { name: 'DOCKER', rules: [] }]]);
  const s1: Rule[] = [{ matches: [], target: 'RETURN' }];
  const s2: Rule[] = [{ matches: [], target: 'RETURN' }];
  const bridges = mgr
    .list()
    .filter((n) => n.driver === 'bridge' && n.bridge && n.subnet && !n.internal)
    .sort((a, b) => a.createdMs - b.createdMs);
  for (const n of bridges) {
    const br = n.bridge as string;
    s1.unshift({ in: { name: br }, out: { name: br, inv: true }, matches: [], target: 'DOCKER-ISOLATION-STAGE-2' });
    s2.unshift({ out: { name: br }, matches: [], target: 'DROP' });
  }
  const filter = new Map<string, Chain>([
    ['DOCKER', { name: 'DOCKER', rules: [] }],
    ['DOCKER-ISOLATION-STAGE-1', { name: 'DOCKER-ISOLATION-STAGE-1', rules: s1 }],
    ['DOCKER-ISOLATION-STAGE-2', { name: 'DOCKER-ISOLATION-STAGE-2', rules: s2 }],
    ['FORWARD', { name: 'FORWARD', policy: 'DROP', rules: bridges.length ? [{ matches: [], target: 'DOCKER-USER' }] : [] }],
  ]);
  if (bridges.length) filter.set('DOCKER-USER', { name: 'DOCKER-USER', rules: [{ matches: [], target: 'RETURN' }] });
  return { nat, filter };
}

/** node1's nf_tables tables, in the kernel's order. */
export function nftTables(mgr: NetworkManager, containers: Iterable<Container>): NftTable[] {
  const t = dockerTables(mgr, containers);
  const v6 = ip6Chains(mgr);
  return [toNft('nat', 'ip', t.nat), toNft('filter', 'ip', t.filter), toNft('nat', 'ip6', v6.nat), toNft('filter', 'ip6', v6.filter)];
}

/** rule.c table_print without its warning (which goes to stderr): chains one blank line apart, tab-indented. */
export function tableText(t: NftTable): string {
  const chains = t.chains.map((c) => `\tchain ${c.name} {\n${c.base ? `\t\t${c.base}\n` : ''}${c.rules.map((r) => `\t\t${r}\n`).join('')}\t}\n`);
  return `table ${t.family} ${t.name} {\n${chains.join('\n')}}\n`;
}

/** table_print's warning for a table iptables-nft manages. */
export const xtWarning = (t: NftTable) => `# Warning: table ${t.family} ${t.name} is managed by iptables-nft, do not touch!\n`;
