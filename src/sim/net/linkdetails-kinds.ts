/**
 * The per-kind part of `ip -d link` (iproute2 6.1.0's print_opt for the kind and the slave kind) with Linux 6.8's values
 * (kernel paths in torvalds/linux@v6.8), as entries that give both the text and the JSON:
 * - bridge: iproute2@v6.1.0:ip/iplink_bridge.c bridge_print_opt, its attributes from net/bridge/br_netlink.c br_fill_info.
 *   Defaults: net/bridge/br_device.c br_dev_setup (forward_delay 15 s, hello_time 2 s, max_age 20 s, ageing_time
 *   BR_DEFAULT_AGEING_TIME 300 s, priority 0x8000, group_address eth_stp_addr 01:80:c2:00:00:00, group_fwd_mask
 *   BR_GROUPFWD_DEFAULT 0, stp off); net/bridge/br_multicast.c br_multicast_init (snooping on, router
 *   MDB_RTR_TYPE_TEMP_QUERY 1, hash_max BR_MULTICAST_DEFAULT_HASH_MAX 4096, last_member_count 2, startup_query_count 2,
 *   last_member_interval 1 s, membership 260 s, querier 255 s, query 125 s, query_response 10 s, startup_query
 *   125 s / 4, IGMPv2, MLDv1), mcast_hash_elasticity the constant RHT_ELASTICITY 16, vlan_protocol ETH_P_8021Q and
 *   default_pvid 1 (br_vlan.c br_vlan_init). br_fill_info sends times as clock_t (USER_HZ 100): 1500 for 15 s; with
 *   CONFIG_HZ=1000 the startup query interval (31250 jiffies) is 3125. 6.1.0 prints "designated_root" from
 *   IFLA_BR_BRIDGE_ID (not IFLA_BR_ROOT_ID), and br_dump_bridge_id's "%.2x%.2x.%s" with glibc ether_ntoa_r's unpadded
 *   "%x:%x:…". Timers: _bridge_print_timer's "%s %4i.%.2i " of centiseconds. With STP off only gc_work runs:
 *   br_dev_open → br_stp_enable_bridge schedules it HZ/10 after the bridge comes up, then br_fdb_cleanup every
 *   hold_time (ageing_time, 300 s; the simulator learns no dynamic fdb entries that would make it sooner).
 * - bridge_slave: iproute2@v6.1.0:ip/iplink_bridge_slave.c bridge_slave_print_opt, attributes from br_netlink.c
 *   br_port_fill_attrs. net/bridge/br_if.c new_nbp: priority 0x8000 >> BR_PORT_BITS (32), flags BR_LEARNING | BR_FLOOD
 *   | BR_MCAST_FLOOD | BR_BCAST_FLOOD, port_id (priority << BR_PORT_BITS) | port_no (br_stp_if.c br_make_port_id);
 *   port_cost 2 for a veth's SPEED_10000 (drivers/net/veth.c veth_get_link_ksettings). With STP off a running port of
 *   an up bridge forwards (br_stp.c br_make_forwarding), else it is disabled; every STP timer reads 0.00.
 *   Hairpin: the CNI bridge plugin sets it for flannel's pods (kube-flannel.yml cni-conf.json "hairpinMode": true);
 *   Docker 27 only with --userland-proxy=false (moby@v27.3.1 libnetwork/drivers/bridge), off on node1.
 * - vxlan: iproute2@v6.1.0:ip/iplink_vxlan.c vxlan_print_opt, attributes from drivers/net/vxlan/vxlan_core.c
 *   vxlan_fill_info. flannel's vxlan backend makes VNI 1 with its node address as local, ens3 as dev, learning off,
 *   no port (the kernel's vxlan_port 8472), no UDP_CSUM attribute (so no VXLAN_F_UDP_ZERO_CSUM_TX: "udpcsum"), ttl 0
 *   ("auto"), ageing VXLAN_AGEING_TIME 300 s, srcport 0 0.
 */
import type { Namespace, NetIface } from '../kernel/types.ts';
import type { DetailsCtx } from './linkdetails.ts';

/** A JSON value: a number, string or boolean, a raw text (jsonw_printf's timers), or a nested object. */
export type JsonVal = number | string | boolean | { raw: string } | [string, JsonVal][];

/** One print_* call: its text (without the trailing space every format ends in) and its JSON key and value; either may be absent. */
export interface Entry {
  t?: string;
  j?: [string, JsonVal];
}

/** print_uint / print_string: "key %u " and the same value in JSON, under another key when the text's differs. */
export const num = (key: string, v: number | string, text = key): Entry => ({ t: `${text} ${v}`, j: [key, v] });
/** print_on_off: "on"/"off" in text, a boolean in JSON. */
const onOff = (key: string, v: boolean, text = key): Entry => ({ t: `${text} ${v ? 'on' : 'off'}`, j: [key, v] });
/** _bridge_print_timer / _print_timer: "%s %4i.%.2i " in text, jsonw_printf's "%i.%.2i" in JSON, of centiseconds. */
function timer(key: string, cs: number): Entry {
  const sec = Math.floor(cs / 100);
  const frac = String(cs % 100).padStart(2, '0');
  return { t: `${key} ${String(sec).padStart(4)}.${frac}`, j: [key, { raw: `${sec}.${frac}` }] };
}

/** glibc ether_ntoa_r: "%x:%x:%x:%x:%x:%x". */
const ntoa = (mac: string) =>
  mac
    .split(':')
    .map((h) => Number.parseInt(h, 16).toString(16))
    .join(':');

const bridgeId = (br: NetIface) => `8000.${ntoa(br.mac)}`;

/** A bridge is up unless it is one made by hand and left down: Docker's, CNI's and the boot bridges are brought up when made. */
const bridgeUp = (br: NetIface) => br.admin ?? true;

/** IFLA_BR_GC_TIMER: what is left of gc_work's delay, first HZ/10 after the bridge came up, then every 300 s. */
function gcTimer(br: NetIface, c: DetailsCtx): number {
  if (!bridgeUp(br)) return 0;
  const elapsed = Math.max(0, c.nowMs - (br.openedMs ?? c.bootMs));
  const leftMs = elapsed < 100 ? 100 - elapsed : 300_000 - ((elapsed - 100) % 300_000);
  return Math.floor(leftMs / 10);
}

export function bridgeOpts(br: NetIface, c: DetailsCtx): Entry[] {
  const id = bridgeId(br);
  return [
    num('forward_delay', 1500),
    num('hello_time', 200),
    num('max_age', 2000),
    num('ageing_time', 30000),
    num('stp_state', 0),
    num('priority', 32768),
    num('vlan_filtering', 0),
    num('vlan_protocol', '802.1Q'),
    num('bridge_id', id),
    num('root_id', id, 'designated_root'),
    num('root_port', 0),
    num('root_path_cost', 0),
    num('topology_change', 0),
    num('topology_change_detected', 0),
    timer('hello_timer', 0),
    timer('tcn_timer', 0),
    timer('topology_change_timer', 0),
    timer('gc_timer', gcTimer(br, c)),
    num('vlan_default_pvid', 1),
    num('vlan_stats_enabled', 0),
    num('vlan_stats_per_port', 0),
    // print_0xhex: "%#llx", a string in JSON too.
    num('group_fwd_mask', '0'),
    num('group_addr', '01:80:c2:00:00:00', 'group_address'),
    num('mcast_snooping', 1),
    num('no_linklocal_learn', 0),
    num('mcast_vlan_snooping', 0),
    num('mcast_router', 1),
    num('mcast_query_use_ifaddr', 0),
    num('mcast_querier', 0),
    num('mcast_hash_elasticity', 16),
    num('mcast_hash_max', 4096),
    num('mcast_last_member_cnt', 2, 'mcast_last_member_count'),
    num('mcast_startup_query_cnt', 2, 'mcast_startup_query_count'),
    num('mcast_last_member_intvl', 100, 'mcast_last_member_interval'),
    num('mcast_membership_intvl', 26000, 'mcast_membership_interval'),
    num('mcast_querier_intvl', 25500, 'mcast_querier_interval'),
    num('mcast_query_intvl', 12500, 'mcast_query_interval'),
    num('mcast_query_response_intvl', 1000, 'mcast_query_response_interval'),
    num('mcast_startup_query_intvl', 3125, 'mcast_startup_query_interval'),
    num('mcast_stats_enabled', 0),
    num('mcast_igmp_version', 2),
    num('mcast_mld_version', 1),
    num('nf_call_iptables', 0),
    num('nf_call_ip6tables', 0),
    num('nf_call_arptables', 0),
  ];
}

export function slaveOpts(port: NetIface, br: NetIface, no: number): Entry[] {
  const portId = 0x8000 | no;
  const id = bridgeId(br);
  return [
    num('state', port.up && bridgeUp(br) ? 'forwarding' : 'disabled'),
    num('priority', 32),
    num('cost', 2),
    onOff('hairpin', br.name === 'cni0'),
    onOff('guard', false),
    onOff('root_block', false),
    onOff('fastleave', false),
    onOff('learning', true),
    onOff('flood', true),
    num('id', `0x${portId.toString(16)}`, 'port_id'),
    num('no', `0x${no.toString(16)}`, 'port_no'),
    num('designated_port', portId),
    num('designated_cost', 0),
    num('bridge_id', id, 'designated_bridge'),
    num('root_id', id, 'designated_root'),
    timer('hold_timer', 0),
    timer('message_age_timer', 0),
    timer('forward_delay_timer', 0),
    num('topology_change_ack', 0),
    num('config_pending', 0),
    onOff('proxy_arp', false),
    onOff('proxy_arp_wifi', false),
    num('multicast_router', 1, 'mcast_router'),
    // "not printing any json here because we already printed fast_leave before"
    { t: 'mcast_fast_leave off' },
    onOff('mcast_flood', true),
    onOff('bcast_flood', true),
    onOff('mcast_to_unicast', false),
    onOff('neigh_suppress', false),
    num('group_fwd_mask', '0'),
    num('group_fwd_mask_str', '0x0'),
    onOff('vlan_tunnel', false),
    onOff('isolated', false),
    onOff('locked', false),
  ];
}

export function vxlanOpts(ns: Namespace): Entry[] {
  const nic = (ns.interfaces ?? []).find((i) => i.kind === 'ether');
  const local = nic?.addrs.find((a) => !a.includes(':'))?.split('/')[0];
  return [
    num('id', 1),
    ...(local ? [num('local', local)] : []),
    ...(nic ? [num('link', nic.name, 'dev')] : []),
    {
      t: 'srcport 0 0',
      j: [
        'port_range',
        [
          ['low', 0],
          ['high', 0],
        ],
      ],
    },
    num('port', 8472, 'dstport'),
    { t: 'nolearning', j: ['learning', false] },
    { t: 'ttl auto', j: ['ttl', 0] },
    { j: ['df', 'unset'] },
    num('ageing', 300),
    { t: 'udpcsum', j: ['udp_csum', true] },
    { t: 'noudp6zerocsumtx', j: ['udp_zero_csum6_tx', false] },
    { t: 'noudp6zerocsumrx', j: ['udp_zero_csum6_rx', false] },
  ];
}
