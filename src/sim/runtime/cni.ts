/**
 * The CNI plugins containerd calls for a pod sandbox on node1 (flannel delegating to the
 * `bridge` plugin with `host-local` IPAM): a new network namespace with `lo` up and `eth0`
 * in 10.244.0.0/24, default route via cni0 (10.244.0.1), the host end `veth<8 hex>`
 * enslaved to cni0 (containernetworking/plugins@v1.5.1 plugins/main/bridge/bridge.go
 * setupVeth; pkg/ip/link_linux.go RandomVethName: "veth" + 4 random bytes in hex).
 */
import type { Host } from '../host.ts';
import type { Namespace, NetIface } from '../kernel/types.ts';
import { linkLocal6, randomMac } from '../net/addr.ts';
import { enslaved } from '../net/linkdetails.ts';
import type { Rng } from '../rng.ts';

const SUBNET = '10.244.0';
const GATEWAY = `${SUBNET}.1`;

export interface CniResult {
  netns: Namespace;
  ip: string;
  hostIfname: string;
}

export class Cni {
  /** host-local hands out addresses in order after the last one reserved (.2–.11 went to node1's system pods). */
  private next = 12;
  private readonly used = new Set<string>();

  constructor(
    private readonly host: Host,
    private readonly rng: Rng,
  ) {}

  /** ADD: the pod's network namespace, wired to cni0. */
  add(): CniResult {
    const k = this.host.kernel;
    const hostNs = this.host.fixture.namespaces;
    const netns = k.newNamespace('net', hostNs.net);
    const lo = netns.interfaces?.find((i) => i.kind === 'loopback');
    if (lo) Object.assign(lo, { up: true, addrs: ['127.0.0.1/8', '::1/128'] });
    let n = this.next;
    while (this.used.has(`${SUBNET}.${n}`)) n = n >= 254 ? 2 : n + 1;
    const ip = `${SUBNET}.${n}`;
    this.used.add(ip);
    this.next = n >= 254 ? 2 : n + 1;
    const hn = k.ns(hostNs.net);
    // containernetworking/plugins pkg/ip SetupVeth makes the pair inside the pod's namespace
    // (lo is 1 there, so eth0 is 2) and moves the host end out, where it takes the host's next index.
    const nsIndex = 2;
    const hostIndex = hn.nextIfindex ?? 6;
    hn.nextIfindex = hostIndex + 1;
    const hostIfname = `veth${this.rng.hex(8)}`;
    netns.interfaces!.push({
      index: nsIndex,
      name: 'eth0',
      kind: 'veth',
      peer: hostIndex,
      netnsid: 0,
      up: true,
      mtu: 1450,
      mac: randomMac(this.rng),
      addrs: [`${ip}/24`],
    });
    netns.nextIfindex = nsIndex + 1;
    netns.gateway = { via: GATEWAY, dev: 'eth0' };
    const mac = randomMac(this.rng);
    hn.interfaces!.push({
      index: hostIndex,
      name: hostIfname,
      kind: 'veth',
      peer: nsIndex,
      netnsid: 0,
      up: true,
      mtu: 1450,
      mac,
      addrs: [linkLocal6(mac)],
      master: 'cni0',
    });
    enslaved(hn, hn.interfaces!.at(-1) as NetIface);
    this.refresh();
    return { netns, ip, hostIfname };
  }

  /** DEL: the veth pair goes and the address is released. */
  del(r: CniResult): void {
    const hn = this.host.kernel.ns(this.host.fixture.namespaces.net);
    hn.interfaces = hn.interfaces!.filter((i) => i.name !== r.hostIfname);
    r.netns.interfaces = (r.netns.interfaces ?? []).filter((i) => i.name !== 'eth0');
    this.used.delete(r.ip);
    this.refresh();
  }

  private refresh(): void {
    const hn = this.host.kernel.ns(this.host.fixture.namespaces.net);
    const br = hn.interfaces!.find((i) => i.name === 'cni0');
    if (!br) return;
    br.up = hn.interfaces!.some((i) => i.master === 'cni0');
    const ll = linkLocal6(br.mac);
    if (br.up && !br.addrs.includes(ll)) br.addrs.push(ll);
  }
}
