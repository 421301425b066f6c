/**
 * What iptables 1.8.10 (nf_tables) prints for a table's rules:
 * - `-L` (iptables@v1.8.10:iptables/nft.c nft_rule_list, nft_rule_list_cb: a blank line between chains;
 *   xshared.c print_header, print_rule_details, print_fragment, print_ifaces, print_ipv4_addresses;
 *   nft-ipv4.c nft_ipv4_print_rule; nft-shared.c print_matches_and_target). The format is xtables.c list_entries':
 *   FMT_OPTIONS, FMT_NOCOUNTS without -v else FMT_VIA, FMT_NUMERIC with -n, FMT_KILOMEGAGIGA without -x,
 *   FMT_LINENUMBERS with --line-numbers. With -n the protocol is its number (print_rule_details:
 *   FMT_NUMERIC without FMT_NOTABLE prints "%-4hu"), else its name from xtables_chain_protos ("all" for 0).
 *   Addresses: 0/0 is "anywhere" without -n, else the address (getnameinfo's name without -n) and "/len" unless /32
 *   (ipv4_addr_to_string, libxtables xtables_ipmask_to_numeric).
 * - `-S` (nft.c nft_rule_list_save: the -P and -N lines first, nft_rule_list_chain_save, then every rule,
 *   nft_rule_print_save; nft-ipv4.c nft_ipv4_save_rule: save_ipv4_addr, save_rule_details, save_matches_and_target).
 * Matches and targets print as their extensions do: libxt_conntrack.c (" ctstate X", " -m conntrack --ctstate X"),
 * libxt_addrtype.c revision 1 (" ADDRTYPE match dst-type LOCAL", " -m addrtype --dst-type LOCAL"), libxt_tcp.c /
 * libxt_udp.c (" tcp dpt:80", " -m tcp --dport 80"), libxt_NAT.c DNAT (" to:IP:PORT", " --to-destination IP:PORT");
 * MASQUERADE without ports prints nothing more.
 */
import { type Chain, chainsInOrder, references, type Rule, type TableName, type Tables } from './iptables-rules.ts';

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  expanded: boolean;
  lineNumbers: boolean;
  /** getnameinfo's name of an address (no -n), or undefined to print it numerically. */
  hostName?: (addr: string) => string | undefined;
  /** getservbyport's name of a port (no -n). */
  serviceName?: (port: number, proto: string) => string | undefined;
}

const PROTO_NUM: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };

/** xtables_print_num: "%5llu " (K, M, G, T past 99999) with FMT_KILOMEGAGIGA, else "%8llu ". */
const num = (n: number, f: ListFormat) => (f.expanded ? `${String(n).padStart(8)} ` : `${String(n).padStart(5)} `);

function header(t: Tables, table: TableName, c: Chain, f: ListFormat): string {
  let s = `Chain ${c.name}`;
  // Packet counters are not simulated: every counter reads 0.
  if (c.policy) s += ` (policy ${c.policy}${f.verbose ? ' 0 packets, 0 bytes' : ''})\n`;
  else s += ` (${references(t, table, c.name)} references)\n`;
  if (f.lineNumbers) s += 'num  ';
  if (f.verbose) s += f.expanded ? `${'pkts'.padStart(8)} ${'bytes'.padStart(10)} ` : ' pkts bytes ';
  s += `${'target'.padEnd(9)}  prot opt`;
  if (f.verbose) s += ` ${'in'.padEnd(6)} ${'out'.padEnd(6)} `;
  s += ` ${'source'.padEnd(19)}  ${'destination'.padEnd(19)} \n`;
  return s;
}

function addrText(a: { cidr: string } | undefined, f: ListFormat): string {
  if (!a) return f.numeric ? '0.0.0.0/0' : 'anywhere';
  const [ip, len] = a.cidr.split('/') as [string, string];
  const name = f.numeric ? ip : (f.hostName?.(ip) ?? ip);
  return len === '32' ? name : `${name}/${len}`;
}

function matchesText(r: Rule, f: ListFormat): string {
  let s = '';
  for (const m of r.matches) {
    if (m.kind === 'conntrack') s += ` ctstate ${m.ctstate}`;
    else if (m.kind === 'addrtype') s += ` ADDRTYPE match dst-type ${m.dstType}`;
    else s += ` ${r.proto} dpt:${(!f.numeric && f.serviceName?.(m.dport, r.proto ?? 'tcp')) || m.dport}`;
  }
  if (r.target === 'DNAT' && r.toDest) s += ` to:${r.toDest}`;
  return s;
}

/** One rule's row (nft_ipv4_print_rule); alone for `-L CHAIN N`. */
export function listRow(r: Rule, n: number, f: ListFormat): string {
  let s = f.lineNumbers ? `${String(n).padEnd(4)} ` : '';
  if (f.verbose) s += num(0, f) + (f.expanded ? `${'0'.padStart(8)} ` : num(0, f));
  s += `${r.target.padEnd(9)} `;
  const proto = r.proto ? (f.numeric ? String(PROTO_NUM[r.proto] ?? 0) : r.proto) : f.numeric ? '0' : 'all';
  s += ` ${proto.padEnd(4)} -- `;
  if (f.verbose) {
    const any = f.numeric ? '*' : 'any';
    s += ` ${`${r.in?.inv ? '!' : ''}${r.in?.name ?? any}`.padEnd(6)} ${`${r.out?.inv ? '!' : ''}${r.out?.name ?? any}`.padEnd(6)} `;
  }
  s += `${r.src?.inv ? '!' : ' '}${addrText(r.src, f).padEnd(19)} `;
  s += `${r.dst?.inv ? '!' : ' '}${addrText(r.dst, f).padEnd(19)} `;
  return `${s}${matchesText(r, f)}\n`;
}

/** `iptables [-t T] -L [CHAIN]`: each chain's header and rules; a blank line between chains. */
export function listTable(t: Tables, table: TableName, f: ListFormat, only?: string): string {
  const chains = chainsInOrder(t, table).filter((c) => only === undefined || c.name === only);
  return chains.map((c) => header(t, table, c, f) + c.rules.map((r, i) => listRow(r, i + 1, f)).join('')).join('\n');
}

const ifaceSave = (letter: string, i: { name: string; inv?: boolean } | undefined) => (i ? `${i.inv ? ' !' : ''} -${letter} ${i.name}` : '');
const addrSave = (letter: string, a: { cidr: string; inv?: boolean } | undefined) => (a ? `${a.inv ? ' !' : ''} -${letter} ${a.cidr}` : '');

/** One rule as `-A CHAIN …` (nft_ipv4_save_rule). */
export function saveRule(chain: string, r: Rule, counters: boolean): string {
  let s = `${counters ? '[0:0] ' : ''}-A ${chain}`;
  s += addrSave('s', r.src) + addrSave('d', r.dst) + ifaceSave('i', r.in) + ifaceSave('o', r.out);
  if (r.proto) s += ` -p ${r.proto}`;
  for (const m of r.matches) {
    if (m.kind === 'conntrack') s += ` -m conntrack --ctstate ${m.ctstate}`;
    else if (m.kind === 'addrtype') s += ` -m addrtype --dst-type ${m.dstType}`;
    else s += ` -m ${r.proto} --dport ${m.dport}`;
  }
  s += ` -j ${r.target}`;
  if (r.target === 'DNAT' && r.toDest) s += ` --to-destination ${r.toDest}`;
  return `${s}\n`;
}

/** `iptables [-t T] -S [CHAIN]`: the -P/-N lines, then the rules (with -v, "-c 0 0" and "[0:0] "). */
export function saveTable(t: Tables, table: TableName, counters: boolean, only?: string): string {
  const chains = chainsInOrder(t, table).filter((c) => only === undefined || c.name === only);
  const heads = chains.map((c) => (c.policy ? `-P ${c.name} ${c.policy}${counters ? ' -c 0 0' : ''}\n` : `-N ${c.name}\n`)).join('');
  return heads + chains.map((c) => c.rules.map((r) => saveRule(c.name, r, counters)).join('')).join('');
}

/**
 * `iptables-save`: each table the kernel has, in the order of nft.h's NFT_TABLE_* (mangle, security, raw, filter, nat;
 * nft.c nft_for_each_table), dockerd's being filter and nat (xtables-save.c __do_output: the "# Generated by" line with
 * ctime(), "*TABLE", every chain as ":NAME POLICY [0:0]" (nft-shared.c nft_ipv46_save_chain, "-" for a user chain), the
 * rules as -S prints them ("[0:0] " first with -c), COMMIT, "# Completed on").
 */
export function iptablesSave(t: Tables, tables: TableName[], counters: boolean, ctime: string): string {
  let s = '';
  for (const table of tables) {
    s += `# Generated by iptables-save v1.8.10 (nf_tables) on ${ctime}*${table}\n`;
    const chains = chainsInOrder(t, table);
    s += chains.map((c) => `:${c.name} ${c.policy ?? '-'} [0:0]\n`).join('');
    s += chains.map((c) => c.rules.map((r) => saveRule(c.name, r, counters)).join('')).join('');
    s += `COMMIT\n# Completed on ${ctime}`;
  }
  return s;
}
