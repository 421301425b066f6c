/**
 * getent's hosts databases (glibc@glibc-2.39:nss/getent.c), answered through node1's `files dns`
 * (net/gai.ts, net/resolved.ts):
 * - `hosts KEY…`: an address key is looked up by address, a name by gethostbyname2(AF_INET6) then
 *   (AF_INET); print_hosts writes one line per address, `%-15s %s` (address, official name) then each
 *   alias after a space. No key: every /etc/hosts entry (gethostent).
 * - `ahosts`, `ahostsv4`, `ahostsv6 KEY…`: getaddrinfo (AF_UNSPEC, AF_INET, AF_INET6 with AI_V4MAPPED),
 *   AI_CANONNAME; each address three times (STREAM, DGRAM, RAW), `%-15s %-6s %s`, the canonical name
 *   on the first line only.
 * A key not found makes the exit status 2, with nothing printed for it.
 */
import type { ExecResult } from '../api.ts';
import { filesLookup } from '../net/gai.ts';
import { resolve } from '../net/resolved.ts';

interface Entry {
  addr: string;
  names: string[];
}

const isV4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

function entries(hostsText: string): Entry[] {
  const out: Entry[] = [];
  for (const raw of hostsText.split('\n')) {
    const [addr, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (addr && names.length) out.push({ addr, names });
  }
  return out;
}

/** gethostbyname2(name, family) through files then dns: the official name and its addresses. */
function byName(name: string, family: 4 | 6, hostsText: string): { name: string; aliases: string[]; addrs: string[] } | undefined {
  const want = name.toLowerCase();
  const hit = entries(hostsText).filter((e) => (family === 4) === isV4(e.addr) && e.names.some((n) => n.toLowerCase() === want));
  const first = hit[0];
  if (first) return { name: first.names[0] as string, aliases: first.names.slice(1), addrs: filesLookup(name, hostsText, family) };
  const r = resolve(name, family === 4 ? 'A' : 'AAAA', hostsText);
  const addrs = r.answers.map((a) => a.data);
  return addrs.length ? { name: name.replace(/\.$/, ''), aliases: [], addrs } : undefined;
}

function hostLines(key: string, hostsText: string): string | undefined {
  if (isV4(key) || key.includes(':')) {
    const e = entries(hostsText).find((x) => x.addr === key);
    if (e) return `${e.addr.padEnd(15)} ${e.names.join(' ')}\n`;
    return undefined;
  }
  const h = byName(key, 6, hostsText) ?? byName(key, 4, hostsText);
  return h?.addrs.map((a) => `${a.padEnd(15)} ${[h.name, ...h.aliases].join(' ')}\n`).join('');
}

function ahostLines(db: string, key: string, hostsText: string): string | undefined {
  let addrs: string[];
  let canon = key;
  if (isV4(key) || key.includes(':')) addrs = [key];
  else {
    const v4 = db === 'ahostsv6' ? undefined : byName(key, 4, hostsText);
    const v6 = db === 'ahostsv4' ? undefined : byName(key, 6, hostsText);
    addrs = [...(v6?.addrs ?? []), ...(v4?.addrs ?? [])];
    canon = v6?.name ?? v4?.name ?? key;
    // AF_INET6 with AI_V4MAPPED: with no IPv6 address, the IPv4 ones as ::ffff:a.b.c.d.
    if (db === 'ahostsv6' && !addrs.length) {
      const m = byName(key, 4, hostsText);
      addrs = (m?.addrs ?? []).map((a) => `::ffff:${a}`);
      canon = m?.name ?? key;
    }
  }
  if (db === 'ahostsv4' && addrs.some((a) => !isV4(a))) addrs = addrs.filter(isV4);
  if (!addrs.length) return undefined;
  return addrs.map((a, i) => `${a.padEnd(15)} STREAM ${i === 0 ? canon : ''}\n${a.padEnd(15)} DGRAM  \n${a.padEnd(15)} RAW    \n`).join('');
}

export function hostsDb(db: string, keys: string[], hostsText: string): ExecResult {
  if (!keys.length) {
    // No key: every /etc/hosts entry through gethostent and print_hosts, for ahosts* too.
    return {
      stdout: entries(hostsText)
        .map((e) => `${e.addr.padEnd(15)} ${e.names.join(' ')}\n`)
        .join(''),
      stderr: '',
      exitCode: 0,
    };
  }
  let out = '';
  let missing = false;
  for (const k of keys) {
    const lines = db === 'hosts' ? hostLines(k, hostsText) : ahostLines(db, k, hostsText);
    if (lines) out += lines;
    else missing = true;
  }
  return { stdout: out, stderr: '', exitCode: missing ? 2 : 0 };
}
