/**
 * The per-kind part of `ip -d link` (iproute2 6.1.0's print_opt for the kind and the slave kind) with Linux 6.8's values:
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

/** glibc ether_ntoa_r: "%x:%x:%x:%x:%x:%x". */
const ntoa = (mac: string) =>
  mac
    .split(':')
    .map((h) => Number.parseInt(h, 16).toString(16))
    .join(':');

const bridgeId = (br: NetIface) => `8000.${ntoa(br.mac)}`;

/** _bridge_print_timer / _print_timer: "%s %4i.%.2i " of a clock_t value. */
const timer = (name: string, cs: number) => `${name} ${String(Math.floor(cs / 100)).padStart(4)}.${String(cs % 100).padStart(2, '0')} `;

/** A bridge is up unless it is one made by hand and left down: Docker's, CNI's and the boot bridges are brought up when made. */
const bridgeUp = (br: NetIface) => br.admin ?? true;

/** IFLA_BR_GC_TIMER: what is left of gc_work's delay, first HZ/10 after the bridge came up, then every 300 s. */
function gcTimer(br: NetIface, c: DetailsCtx): number {
  if (!bridgeUp(br)) return 0;
  const elapsed = Math.max(0, c.nowMs - (br.openedMs ?? c.bootMs));
  const leftMs = elapsed < 100 ? 100 - elapsed : 300_000 - ((elapsed - 100) % 300_000);
  return Math.floor(leftMs / 10);
}

export function bridgeOpts(_ns: Namespace, br: NetIface, c: DetailsCtx): string {
  const id = bridgeId(br);
  return (
    `forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 vlan_protocol 802.1Q ` +
    `bridge_id ${id} designated_root ${id} root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 ` +
    `${timer('hello_timer', 0)}${timer('tcn_timer', 0)}${timer('topology_change_timer', 0)}${timer('gc_timer', gcTimer(br, c))}` +
    'vlan_default_pvid 1 vlan_stats_enabled 0 vlan_stats_per_port 0 group_fwd_mask 0 group_address 01:80:c2:00:00:00 ' +
    'mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 ' +
    'mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 ' +
    'mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 ' +
    'mcast_query_response_interval 1000 mcast_startup_query_interval 3125 mcast_stats_enabled 0 mcast_igmp_version 2 ' +
    'mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 '
  );
}

export function slaveOpts(_ns: Namespace, port: NetIface, br: NetIface, no: number): string {
  const portId = 0x8000 | no;
  const state = port.up && bridgeUp(br) ? 'forwarding' : 'disabled';
  const hairpin = br.name === 'cni0' ? 'on' : 'off';
  const id = bridgeId(br);
  return (
    `state ${state} priority 32 cost 2 hairpin ${hairpin} guard off root_block off fastleave off learning on flood on ` +
    `port_id 0x${portId.toString(16)} port_no 0x${no.toString(16)} designated_port ${portId} designated_cost 0 ` +
    `designated_bridge ${id} designated_root ${id} ` +
    `${timer('hold_timer', 0)}${timer('message_age_timer', 0)}${timer('forward_delay_timer', 0)}` +
    'topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off ' +
    'mcast_flood on bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 ' +
    'vlan_tunnel off isolated off locked off '
  );
}

export function vxlanOpts(ns: Namespace): string {
  const nic = (ns.interfaces ?? []).find((i) => i.kind === 'ether');
  const local = nic?.addrs.find((a) => !a.includes(':'))?.split('/')[0];
  return `id 1 ${local ? `local ${local} ` : ''}${nic ? `dev ${nic.name} ` : ''}srcport 0 0 dstport 8472 nolearning ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx `;
}
