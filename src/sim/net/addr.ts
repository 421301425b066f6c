/** IPv4 and MAC address arithmetic for the network model. */
import type { Rng } from '../rng.ts';

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0) >>> 0;
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export interface Cidr {
  base: number;
  len: number;
}

/** `172.17.0.0/16` → base and prefix length (the base is masked), or undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(text);
  if (!m || !isIpv4(m[1] as string) || Number(m[2]) > 32) return undefined;
  const len = Number(m[2]);
  return { base: (ipToInt(m[1] as string) & maskOf(len)) >>> 0, len };
}

export function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

export function inCidr(ip: string, c: Cidr): boolean {
  return (ipToInt(ip) & maskOf(c.len)) >>> 0 === c.base;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const len = Math.min(a.len, b.len);
  return (a.base & maskOf(len)) >>> 0 === (b.base & maskOf(len)) >>> 0;
}

/** The broadcast address of `ip/len`. */
export function broadcast(cidr: string): string {
  const [ip, len] = cidr.split('/');
  return intToIp((ipToInt(ip as string) | ~maskOf(Number(len))) >>> 0);
}

/** Docker before 28 derives an endpoint's MAC from its IPv4 address: 02:42 then the four bytes. */
export function macFromIp(ip: string): string {
  return `02:42:${ip
    .split('.')
    .map((b) => Number(b).toString(16).padStart(2, '0'))
    .join(':')}`;
}

/** A random unicast, locally administered MAC, as the kernel gives a new veth (eth_hw_addr_random). */
export function randomMac(rng: Rng): string {
  const bytes = Array.from({ length: 6 }, () => rng.int(256));
  bytes[0] = ((bytes[0] as number) & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The IPv6 link-local address the kernel derives from a MAC (modified EUI-64), as `ip` prints it. */
export function linkLocal6(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const w = [
    ((b[0] as number) ^ 2) * 256 + (b[1] as number),
    (b[2] as number) * 256 + 0xff,
    0xfe00 + (b[3] as number),
    (b[4] as number) * 256 + (b[5] as number),
  ];
  return `fe80::${w.map((x) => x.toString(16)).join(':')}/64`;
}
