/**
 * `ip -d link` / `ip -details link` (iproute2 6.1.0): what print_linkinfo adds with show_details after the link/ether
 * line (iproute2@v6.1.0:ip/ipaddress.c): " promiscuity %u ", " allmulti %u ", "minmtu %u ", "maxmtu %u ", then
 * print_linktype (a new line, "    %s " for IFLA_INFO_KIND and the kind's print_opt; a new line, "    %s_slave " and the
 * slave kind's print_opt), print_af_spec's "addrgenmode %s " for `ip link` only (do_link), then "numtxqueues %u ",
 * "numrxqueues %u ", "gso_max_size %u ", "gso_max_segs %u ", "tso_max_size %u ", "tso_max_segs %u ", "gro_max_size %u ",
 * "parentbus %s ", "parentdev %s ". Kernel 6.8 sends IFLA_ALLMULTI (since 6.0), which 6.1.0 prints.
 *
 * With -j the same fields go out under print_linkinfo's JSON keys (detailsJson), "linkinfo" holding the kind's.
 *
 * The values are Linux 6.8's for each kind of link on node1 (paths in torvalds/linux@v6.8; a QEMU guest, CONFIG_HZ=1000
 * in Ubuntu 24.04's generic kernel, LP: #2051342):
 * - every device: gso_max_size GSO_LEGACY_MAX_SIZE 65536, gso_max_segs GSO_MAX_SEGS 65535, tso_max_size
 *   TSO_LEGACY_MAX_SIZE 65536, tso_max_segs TSO_MAX_SEGS 65535, gro_max_size GRO_LEGACY_MAX_SIZE 65536, one tx and one
 *   rx queue (net/core/dev.c alloc_netdev_mqs); minmtu ETH_MIN_MTU 68 and maxmtu ETH_DATA_LEN (net/ethernet/eth.c
 *   ether_setup), raised to ETH_MAX_MTU 65535 by each driver below; addrgenmode eui64 (IN6_ADDR_GEN_MODE_EUI64, the
 *   net.ipv6.conf.default.addr_gen_mode 0 every device starts with, net/ipv6/addrconf.c).
 * - lo: never ether_setup, so minmtu 0 maxmtu 0; tso_max_size GSO_MAX_SIZE 524280 (drivers/net/loopback.c
 *   gen_lo_setup netif_set_tso_max_size).
 * - veth: maxmtu ETH_MAX_MTU, tso_max_size GSO_MAX_SIZE (drivers/net/veth.c veth_setup), num_possible_cpus() queues
 *   each way (veth_get_num_queues, used by rtnl_create_link when IFLA_NUM_TX_QUEUES is absent, as from Docker and
 *   `ip link add`). No print_opt in ip/link_veth.c: the kind line is "    veth ".
 * - bridge: maxmtu ETH_MAX_MTU (net/bridge/br_device.c br_dev_setup); tso_max_size set to its ports' minimum, so
 *   GSO_MAX_SIZE once a veth has joined or left (br_if.c br_set_gso_limits starts from TSO_MAX_SIZE).
 * - a bridge port: promiscuity 1 (br_if.c br_manage_promisc: vlan_filtering 0 puts every port in promiscuous mode) and
 *   allmulti 1 (br_add_if dev_set_allmulti); ifi_flags show neither (dev_get_flags keeps only the user's gflags).
 * - ens3 (virtio_net, one queue pair without VIRTIO_NET_F_MQ): maxmtu MAX_MTU 65535 (drivers/net/virtio_net.c
 *   virtnet_probe), its parent the virtio device virtio0 on bus "virtio" (SET_NETDEV_DEV(dev, &vdev->dev); net/core/
 *   rtnetlink.c rtnl_fill_ifinfo's IFLA_PARENT_DEV_NAME and IFLA_PARENT_DEV_BUS_NAME); at PCI slot 3 it is the first
 *   virtio device.
 * - flannel.1 (vxlan): maxmtu ETH_MAX_MTU (drivers/net/vxlan/vxlan_core.c vxlan_setup), tso limits inherited from ens3
 *   (vxlan_config_apply netif_inherit_tso_max).
 */
import type { Namespace, NetIface } from '../kernel/types.ts';
import { bridgeOpts, type Entry, type JsonVal, num, slaveOpts, vxlanOpts } from './linkdetails-kinds.ts';

const GSO_MAX_SIZE = 524280;
const LEGACY = 65536;

/** What the details need besides the link: the clock for the bridge timers and the CPUs veth counts its queues by. */
export interface DetailsCtx {
  nowMs: number;
  bootMs: number;
  cpus: number;
}

/** net/bridge/br_if.c find_portno: a joining port takes the lowest number no other port of its bridge holds. */
export function enslaved(ns: Namespace, port: NetIface): void {
  const br = (ns.interfaces ?? []).find((b) => b.name === port.master);
  if (!br) return;
  br.hadPort = true;
  const taken = new Set((ns.interfaces ?? []).filter((p) => p !== port && p.master === br.name).map((p) => p.brPort));
  let n = 1;
  while (taken.has(n)) n++;
  port.brPort = n;
}

/** A port that joined its bridge some other way than through enslaved() gets its number when first shown. */
function portNo(ns: Namespace, port: NetIface): number {
  if (port.brPort === undefined) enslaved(ns, port);
  return port.brPort ?? 1;
}

function limits(ns: Namespace, i: NetIface, c: DetailsCtx): { min: number; max: number; queues: number; tso: number } {
  if (i.kind === 'loopback') return { min: 0, max: 0, queues: 1, tso: GSO_MAX_SIZE };
  if (i.kind === 'veth') return { min: 68, max: 65535, queues: c.cpus, tso: GSO_MAX_SIZE };
  if (i.kind === 'bridge') {
    const ported = i.hadPort || (ns.interfaces ?? []).some((p) => p.master === i.name);
    return { min: 68, max: 65535, queues: 1, tso: ported ? GSO_MAX_SIZE : LEGACY };
  }
  return { min: 68, max: 65535, queues: 1, tso: LEGACY };
}

/** print_linkinfo's show_details part of one link: the counters and limits, the kind and slave kind with their data, the rest. */
interface Details {
  port: number;
  l: ReturnType<typeof limits>;
  kind?: { name: string; data?: Entry[] };
  slave?: Entry[];
  tail: Entry[];
}

function build(ns: Namespace, i: NetIface, c: DetailsCtx, doLink: boolean): Details {
  const l = limits(ns, i, c);
  const kind =
    i.kind === 'bridge'
      ? { name: 'bridge', data: bridgeOpts(i, c) }
      : i.kind === 'veth'
        ? { name: 'veth' }
        : i.kind === 'vxlan'
          ? { name: 'vxlan', data: vxlanOpts(ns) }
          : undefined;
  const br = i.master === undefined ? undefined : (ns.interfaces ?? []).find((b) => b.name === i.master);
  const tail: Entry[] = [
    ...(doLink ? [{ t: 'addrgenmode eui64', j: ['inet6_addr_gen_mode', 'eui64'] } as Entry] : []),
    num('num_tx_queues', l.queues, 'numtxqueues'),
    num('num_rx_queues', l.queues, 'numrxqueues'),
    num('gso_max_size', LEGACY),
    num('gso_max_segs', 65535),
    num('tso_max_size', l.tso),
    num('tso_max_segs', 65535),
    num('gro_max_size', LEGACY),
    ...(i.kind === 'ether' ? [num('parentbus', 'virtio'), num('parentdev', 'virtio0')] : []),
  ];
  return { port: i.master !== undefined ? 1 : 0, l, kind, slave: br ? slaveOpts(i, br, portNo(ns, i)) : undefined, tail };
}

const text = (es: Entry[]) =>
  es
    .filter((e) => e.t !== undefined)
    .map((e) => `${e.t} `)
    .join('');

/** The text print_linkinfo adds with -d, from the space after the link/ether line's last field to the end of the line. */
export function detailsText(ns: Namespace, i: NetIface, c: DetailsCtx, doLink: boolean): string {
  const d = build(ns, i, c, doLink);
  let out = ` promiscuity ${d.port}  allmulti ${d.port} minmtu ${d.l.min} maxmtu ${d.l.max} `;
  if (d.kind) out += `\n    ${d.kind.name} ${text(d.kind.data ?? [])}`;
  if (d.slave) out += `\n    bridge_slave ${text(d.slave)}`;
  return out + text(d.tail);
}

/** The JSON writer's calls the details need (net/iproute-json.ts). */
export interface DetailsWriter {
  field(name: string, v: string | number | boolean): unknown;
  rawField(name: string, text: string): unknown;
  name(name: string): unknown;
  startObject(): unknown;
  endObject(): unknown;
}

function put(w: DetailsWriter, key: string, v: JsonVal): void {
  if (Array.isArray(v)) {
    w.name(key);
    w.startObject();
    for (const [k, x] of v) put(w, k, x);
    w.endObject();
  } else if (typeof v === 'object') w.rawField(key, v.raw);
  else w.field(key, v);
}

function putAll(w: DetailsWriter, es: Entry[]): void {
  for (const e of es) if (e.j) put(w, e.j[0], e.j[1]);
}

/** The same in JSON: print_linkinfo's keys, with "linkinfo" holding info_kind, info_data, info_slave_kind, info_slave_data. */
export function detailsJson(w: DetailsWriter, ns: Namespace, i: NetIface, c: DetailsCtx, doLink: boolean): void {
  const d = build(ns, i, c, doLink);
  putAll(w, [num('promiscuity', d.port), num('allmulti', d.port), num('min_mtu', d.l.min), num('max_mtu', d.l.max)]);
  if (d.kind) {
    w.name('linkinfo');
    w.startObject();
    w.field('info_kind', d.kind.name);
    if (d.kind.data) {
      w.name('info_data');
      w.startObject();
      putAll(w, d.kind.data);
      w.endObject();
    }
    if (d.slave) {
      w.field('info_slave_kind', 'bridge');
      w.name('info_slave_data');
      w.startObject();
      putAll(w, d.slave);
      w.endObject();
    }
    w.endObject();
  }
  putAll(w, d.tail);
}
