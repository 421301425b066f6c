/**
 * /sys/class/net as the current process sees it: one entry per interface of its network
 * namespace, each a symlink into /sys/devices (linux v6.8 net/core/net-sysfs.c registers
 * the class; a virtual device sits under devices/virtual/net, node1's NIC under its PCI
 * slot, 0000:00:03.0 as its altname enp0s3 says). Served attributes (net-sysfs.c formats):
 * address, addr_len, broadcast, ifindex, iflink, mtu, operstate, tx_queue_len, type.
 * The many other attributes of a real device directory are not served.
 */
import type { Host } from '../host.ts';
import type { NetIface } from '../kernel/types.ts';
import { GeneratedFs, type GenNode } from './generated.ts';

const ATTRS = ['addr_len', 'address', 'broadcast', 'ifindex', 'iflink', 'mtu', 'operstate', 'tx_queue_len', 'type'];

/** Where the device lives under /sys/devices. */
function devicePath(i: NetIface): string {
  if (i.kind === 'ether' && i.altname) {
    const m = /^enp(\d+)s(\d+)/.exec(i.altname);
    if (m) return `pci0000:00/0000:${m[1]!.padStart(2, '0')}:${m[2]!.padStart(2, '0')}.0/net/${i.name}`;
  }
  return `virtual/net/${i.name}`;
}

function attr(i: NetIface, name: string): string | undefined {
  const lo = i.kind === 'loopback';
  switch (name) {
    case 'address':
      return lo ? '00:00:00:00:00:00' : i.mac;
    case 'addr_len':
      return '6';
    case 'broadcast':
      return lo ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
    case 'ifindex':
      return String(i.index);
    case 'iflink':
      return String(i.peer ?? i.index);
    case 'mtu':
      return String(i.mtu);
    // operstate: IF_OPER_UNKNOWN for loopback, up/down for the rest (as `ip link` shows).
    case 'operstate':
      return lo || i.kind === 'vxlan' ? (i.up ? 'unknown' : 'down') : i.up ? 'up' : 'down';
    case 'tx_queue_len':
      return lo || i.kind === 'ether' ? '1000' : '0';
    // ARPHRD_LOOPBACK 772, ARPHRD_ETHER 1.
    case 'type':
      return lo ? '772' : '1';
  }
  return undefined;
}

export class SysNetFs extends GeneratedFs {
  constructor(private readonly host: Host) {
    super('/sys/class/net');
  }

  private ifaces(): NetIface[] {
    return this.host.kernel.ns(this.host.current.ns.net).interfaces ?? [];
  }

  protected override mtime(): Date {
    return new Date(this.host.clock.nowMs);
  }

  protected lookup(path: string): GenNode | undefined {
    const parts = path.split('/').filter(Boolean);
    const list = this.ifaces();
    if (parts.length === 0) return { type: 'dir', entries: () => list.map((i) => i.name).sort(), mode: 0o755 };
    if (parts.length === 1) {
      const i = list.find((x) => x.name === parts[0]);
      return i ? { type: 'link', target: `../../devices/${devicePath(i)}` } : undefined;
    }
    // The link targets, resolved by GeneratedFs relative to this mount: /devices/…/net/NAME[/ATTR].
    if (parts[0] !== 'devices') return undefined;
    const rel = parts.slice(1).join('/');
    for (const i of list) {
      const dev = devicePath(i);
      if (rel === dev) return { type: 'dir', entries: () => ATTRS, mode: 0o755 };
      if (rel.startsWith(`${dev}/`)) {
        const v = attr(i, rel.slice(dev.length + 1));
        return v === undefined ? undefined : { type: 'file', content: () => `${v}\n`, mode: 0o444 };
      }
    }
    return undefined;
  }
}
