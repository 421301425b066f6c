/**
 * The IPv4 rules node1's dockerd keeps in the kernel (iptables-nft, so nf_tables underneath), rebuilt from the
 * daemon's state by replaying what moby v27.3.1 does, in the order it does it:
 * - daemon start (moby@v27.3.1:libnetwork/drivers/bridge/setup_ip_tables_linux.go setupIPChains): nat DOCKER, filter
 *   DOCKER, DOCKER-ISOLATION-STAGE-1 and -2, each isolation chain ending in RETURN (AddReturnRule appends);
 *   the FORWARD policy DROP, since dockerd found ip_forward 0 and set it (setup_ip_forwarding.go setupIPForwarding);
 * - each bridge network, oldest first (bridge_linux.go createNetwork): isolateNetwork's setINC inserts
 *   `-i BR ! -o BR -j DOCKER-ISOLATION-STAGE-2` and `-o BR -j DROP`; setupIPTablesInternal inserts the MASQUERADE of
 *   the subnet, the nat `-i BR -j RETURN` (the userland proxy is on, so no hairpin), the ICC ACCEPT (or appends DROP
 *   when enable_icc is false) and `-i BR ! -o BR -j ACCEPT`; ProgramChain (libnetwork/iptables/iptables.go) appends the
 *   nat PREROUTING/OUTPUT jumps once and inserts `-o BR -j DOCKER` then the RELATED,ESTABLISHED ACCEPT; an internal
 *   network gets setupInternalNetworkRules' two DROPs in STAGE-1 and its ICC rule instead; EnsureJumpRule moves
 *   `-j DOCKER-ISOLATION-STAGE-1` to the top of FORWARD; then libnetwork/firewall_linux.go setupUserChain makes
 *   DOCKER-USER (RETURN) and moves its jump to the top;
 * - each running container's published IPv4 ports, in start order (port_mapping_linux.go setPerPortNAT,
 *   setPerPortForwarding: appended DNAT, MASQUERADE and filter DOCKER ACCEPT). A binding on [::] for an IPv4
 *   container is docker-proxy's alone (setPerPortIptables returns early).
 * Not simulated: kube-proxy's KUBE-* chains and flannel's FLANNEL-* chains that a kubeadm node with flannel also has,
 * and packet counters (every counter reads 0; real ones count traffic the simulator does not model).
 */
import type { Container } from '../docker/container.ts';
import { intToIp, type Cidr } from './addr.ts';
import type { NetworkManager } from './manager.ts';

export interface Addr {
  /** `172.17.0.0/16`, `172.17.0.2/32`. */
  cidr: string;
  inv?: boolean;
}

export interface Iface {
  name: string;
  inv?: boolean;
}

export type Match = { kind: 'conntrack'; ctstate: string } | { kind: 'addrtype'; dstType: string } | { kind: 'port'; dport: number };

export interface Rule {
  src?: Addr;
  dst?: Addr;
  in?: Iface;
  out?: Iface;
  proto?: string;
  matches: Match[];
  target: string;
  /** DNAT's --to-destination. */
  toDest?: string;
}

export interface Chain {
  name: string;
  /** Built-in chains have a policy. */
  policy?: string;
  rules: Rule[];
}

export type TableName = 'filter' | 'nat' | 'mangle' | 'raw' | 'security';

/** The built-in chains of each table, in hook order (iptables@v1.8.10:iptables/nft.c xtables_ipv4, base_chains[hook]). */
export const BUILTIN: Record<TableName, string[]> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

export type Tables = Record<TableName, Map<string, Chain>>;

const same = (a: Rule, b: Rule) => JSON.stringify(a) === JSON.stringify(b);

/** A fresh set of tables: every built-in chain with policy ACCEPT and no rules. */
export function emptyTables(): Tables {
  const t = {} as Tables;
  for (const [name, chains] of Object.entries(BUILTIN) as [TableName, string[]][])
    t[name] = new Map(chains.map((c) => [c, { name: c, policy: 'ACCEPT', rules: [] }]));
  return t;
}

/** The rules dockerd has programmed in node1's network namespace now. */
export function dockerTables(mgr: NetworkManager, containers: Iterable<Container>): Tables {
  const t = emptyTables();
  const chain = (table: TableName, name: string): Chain => {
    let c = t[table].get(name);
    if (!c) t[table].set(name, (c = { name, rules: [] }));
    return c;
  };
  // iptRule.Insert/Append: a no-op when the rule already exists anywhere in the chain.
  const insert = (table: TableName, name: string, r: Rule) => {
    const c = chain(table, name);
    if (!c.rules.some((x) => same(x, r))) c.rules.unshift(r);
  };
  const append = (table: TableName, name: string, r: Rule) => {
    const c = chain(table, name);
    if (!c.rules.some((x) => same(x, r))) c.rules.push(r);
  };
  const jump = (target: string): Rule => ({ matches: [], target });
  // EnsureJumpRule: delete `-j TO` if present, then insert it at the top.
  const ensureJump = (from: string, to: string) => {
    const c = chain('filter', from);
    c.rules = c.rules.filter((x) => !same(x, jump(to)));
    c.rules.unshift(jump(to));
  };

  (chain('filter', 'FORWARD') as Chain).policy = 'DROP';
  chain('nat', 'DOCKER');
  chain('filter', 'DOCKER');
  append('filter', 'DOCKER-ISOLATION-STAGE-1', jump('RETURN'));
  append('filter', 'DOCKER-ISOLATION-STAGE-2', jump('RETURN'));

  const bridges = mgr
    .list()
    .filter((n) => n.driver === 'bridge' && n.bridge && n.subnet)
    .sort((a, b) => a.createdMs - b.createdMs);
  for (const n of bridges) {
    const br = n.bridge as string;
    const subnet = `${intToIp((n.subnet as Cidr).base)}/${(n.subnet as Cidr).len}`;
    const icc = n.options['com.docker.network.bridge.enable_icc'] !== 'false';
    const iccRule = (target: string): Rule => ({ in: { name: br }, out: { name: br }, matches: [], target });
    const setIcc = () => (icc ? insert('filter', 'FORWARD', iccRule('ACCEPT')) : append('filter', 'FORWARD', iccRule('DROP')));
    if (n.internal) {
      insert('filter', 'DOCKER-ISOLATION-STAGE-1', { in: { name: br }, dst: { cidr: subnet, inv: true }, matches: [], target: 'DROP' });
      insert('filter', 'DOCKER-ISOLATION-STAGE-1', { out: { name: br }, src: { cidr: subnet, inv: true }, matches: [], target: 'DROP' });
      setIcc();
    } else {
      insert('filter', 'DOCKER-ISOLATION-STAGE-1', { in: { name: br }, out: { name: br, inv: true }, matches: [], target: 'DOCKER-ISOLATION-STAGE-2' });
      insert('filter', 'DOCKER-ISOLATION-STAGE-2', { out: { name: br }, matches: [], target: 'DROP' });
      if (n.options['com.docker.network.bridge.enable_ip_masquerade'] !== 'false') {
        insert('nat', 'POSTROUTING', { src: { cidr: subnet }, out: { name: br, inv: true }, matches: [], target: 'MASQUERADE' });
        insert('nat', 'DOCKER', { in: { name: br }, matches: [], target: 'RETURN' });
      }
      setIcc();
      insert('filter', 'FORWARD', { in: { name: br }, out: { name: br, inv: true }, matches: [], target: 'ACCEPT' });
      append('nat', 'PREROUTING', { matches: [{ kind: 'addrtype', dstType: 'LOCAL' }], target: 'DOCKER' });
      append('nat', 'OUTPUT', { dst: { cidr: '127.0.0.0/8', inv: true }, matches: [{ kind: 'addrtype', dstType: 'LOCAL' }], target: 'DOCKER' });
      insert('filter', 'FORWARD', { out: { name: br }, matches: [], target: 'DOCKER' });
      insert('filter', 'FORWARD', { out: { name: br }, matches: [{ kind: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }], target: 'ACCEPT' });
    }
    ensureJump('FORWARD', 'DOCKER-ISOLATION-STAGE-1');
    append('filter', 'DOCKER-USER', jump('RETURN'));
    ensureJump('FORWARD', 'DOCKER-USER');
  }

  const running = [...containers].filter((c) => c.status === 'running').sort((a, b) => a.startedMs - b.startedMs);
  for (const c of running) {
    const net = mgr.networksOf(c).find((n) => n.driver === 'bridge' && n.bridge && !n.internal);
    const ep = net?.endpoints.get(c.id);
    if (!net || !ep) continue;
    const br = net.bridge as string;
    for (const p of c.ports) {
      if (p.hostIp.includes(':')) continue;
      const dst = p.hostIp === '0.0.0.0' || p.hostIp === '' ? undefined : { cidr: `${p.hostIp}/32` };
      append('nat', 'DOCKER', {
        ...(dst ? { dst } : {}),
        in: { name: br, inv: true },
        proto: p.proto,
        matches: [{ kind: 'port', dport: p.hostPort }],
        target: 'DNAT',
        toDest: `${ep.ip}:${p.containerPort}`,
      });
      append('nat', 'POSTROUTING', {
        src: { cidr: `${ep.ip}/32` },
        dst: { cidr: `${ep.ip}/32` },
        proto: p.proto,
        matches: [{ kind: 'port', dport: p.containerPort }],
        target: 'MASQUERADE',
      });
      append('filter', 'DOCKER', {
        dst: { cidr: `${ep.ip}/32` },
        in: { name: br, inv: true },
        out: { name: br },
        proto: p.proto,
        matches: [{ kind: 'port', dport: p.containerPort }],
        target: 'ACCEPT',
      });
    }
  }
  return t;
}

/** The user-defined chains of a table, sorted by name as iptables-nft lists them (nft_cache_sort_chains). */
export function chainsInOrder(t: Tables, table: TableName): Chain[] {
  const m = t[table];
  const builtin = BUILTIN[table].map((n) => m.get(n) as Chain);
  const user = [...m.values()].filter((c) => !BUILTIN[table].includes(c.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtin, ...user];
}

/** How many rules of the table jump to the chain (the "(N references)" of a user chain). */
export function references(t: Tables, table: TableName, name: string): number {
  let n = 0;
  for (const c of t[table].values()) for (const r of c.rules) if (r.target === name) n++;
  return n;
}
