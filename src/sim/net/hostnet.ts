/**
 * node1's own interfaces at boot. The node is also a single-node Kubernetes host with
 * flannel, so the kernel has already handed out ifindex 4 (flannel.1) and 5 (cni0): the
 * first container's veth pair is 6/7, as CURRICULUM L4 shows (`6: eth0@if7`).
 */
import type { Fixture } from '../fixture.ts';
import type { Namespace } from '../kernel/types.ts';
import { linkLocal6 } from './addr.ts';

/** The host NIC's name: a virtio NIC in slot 3 of a KVM guest (Ubuntu's predictable name). */
export const HOST_NIC = 'ens3';

export function initHostNet(net: Namespace, fx: Fixture): void {
  const nic = fx.network.eth0;
  net.interfaces = [
    { index: 1, name: 'lo', kind: 'loopback', up: true, mtu: 65536, mac: '00:00:00:00:00:00', addrs: ['127.0.0.1/8', '::1/128'] },
    { index: 2, name: HOST_NIC, kind: 'ether', up: true, mtu: 1500, mac: nic.mac, addrs: [nic.addr, linkLocal6(nic.mac)], altname: 'enp0s3' },
    { index: 3, name: 'docker0', kind: 'bridge', up: false, mtu: 1500, mac: '02:42:5e:8a:1c:3d', addrs: [`${fx.docker.bridgeGateway}/16`] },
    { index: 4, name: 'flannel.1', kind: 'vxlan', up: true, mtu: 1450, mac: '6e:1f:9a:3c:2b:11', addrs: ['10.244.0.0/32', linkLocal6('6e:1f:9a:3c:2b:11')] },
    // The CNI bridge plugin makes cni0 for the first pod it wires (the system pods had .2–.11, runtime/cni.ts): it has had ports.
    { index: 5, name: 'cni0', kind: 'bridge', up: false, mtu: 1450, mac: 'b6:3d:7c:52:e0:4f', addrs: ['10.244.0.1/24'], hadPort: true },
  ];
  net.nextIfindex = 6;
  net.gateway = { via: nic.gateway, dev: HOST_NIC, proto: 'static' };
}
