/**
 * What systemd-resolved's stub on 127.0.0.53 (systemd 255, Ubuntu 24.04) answers node1's own
 * clients (dig, nslookup, host). Its local sources answer with TTL 0 and the AA bit
 * (systemd@v255:src/resolve/resolved-dns-stub.c dns_stub_send_reply: aa = dns_query_fully_authoritative;
 * qr, rd as asked, ra always): "localhost" and any name under it (A 127.0.0.1, AAAA ::1) and the
 * reverse of 127.0.0.0/8 and ::1 (PTR localhost.) (resolved-dns-synthesize.c), and /etc/hosts,
 * read as the file stands (ReadEtcHosts=yes, resolved-etc-hosts.c; tried first): its names answer
 * their addresses, other types of such a name an empty NOERROR, their addresses a PTR to the first name.
 * Every other name goes to the uplink server, which this offline node1 never reaches: the stub
 * answers SERVFAIL (dns_stub_query_complete: DNS_TRANSACTION_NO_SERVERS / NETWORK_DOWN / ERRNO →
 * DNS_RCODE_SERVFAIL), as Docker's embedded DNS does for containers (commands/nslookup.ts). No
 * source gives a delay for these answers: the clients report 0 ms.
 * The stub echoes an OPT record to an EDNS client, advertising 65494 bytes
 * (ADVERTISE_DATAGRAM_SIZE_MAX = 65536 − 14 − 20 − 8), with no options (no cookie, no NSID unless asked).
 */
export const STUB = '127.0.0.53';
export const STUB_UDP_SIZE = 65494;

export type RRType = 'A' | 'AAAA' | 'NS' | 'CNAME' | 'SOA' | 'PTR' | 'MX' | 'TXT' | 'SRV' | 'ANY';

export const RR_TYPES: readonly RRType[] = ['A', 'AAAA', 'NS', 'CNAME', 'SOA', 'PTR', 'MX', 'TXT', 'SRV', 'ANY'];

/** Rcode numbers (RFC 1035 §4.1.1), as `host` prints them: `2(SERVFAIL)`. */
export const RCODE_NUMBER: Readonly<Record<Reply['rcode'], number>> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 };

interface RR {
  /** Owner name, absolute (with its final dot). */
  name: string;
  ttl: number;
  type: RRType;
  /** Presentation form of the data (an address, or an absolute name). */
  data: string;
  /** Wire length of the data (RDLENGTH). */
  rdlength: number;
}

export interface Reply {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  aa: boolean;
  answers: RR[];
}

/** A name in absolute form, lower case: `Node1` → `node1.`. */
export const absolute = (name: string): string => (name.endsWith('.') ? name : `${name}.`).toLowerCase();

/** Length of a domain name on the wire, uncompressed (RFC 1035 §3.1: a length byte per label, then the root's 0). */
const wireLength = (name: string): number => {
  const labels = absolute(name).split('.').filter(Boolean);
  return labels.reduce((n, l) => n + 1 + l.length, 0) + 1;
};

/** The in-addr.arpa / ip6.arpa name of an address (dig -x, host ADDRESS). */
export function reverseName(addr: string): string | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
  if (v4) return v4.slice(1).some((o) => Number(o) > 255) ? undefined : `${v4.slice(1).reverse().join('.')}.in-addr.arpa.`;
  if (addr === '::1') return `${'1.'}${'0.'.repeat(31)}ip6.arpa.`;
  return undefined;
}

/** The address an in-addr.arpa name stands for, if it is one. */
function fromReverse(name: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa\.$/.exec(name);
  if (m) return m.slice(1).reverse().join('.');
  if (name === reverseName('::1')) return '::1';
  return undefined;
}

/** /etc/hosts as resolved reads it: address → names, in file order. */
function hostsEntries(text: string): { addr: string; names: string[] }[] {
  const out: { addr: string; names: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const [addr, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    // Its "localhost" names are left to the synthesizer (resolved-etc-hosts.c skips them).
    const own = names.map(absolute).filter((n) => n !== 'localhost.' && !n.endsWith('.localhost.'));
    if (addr && own.length) out.push({ addr, names: own });
  }
  return out;
}

const addrRecord = (name: string, addr: string): RR =>
  addr.includes(':') ? { name, ttl: 0, type: 'AAAA', data: addr, rdlength: 16 } : { name, ttl: 0, type: 'A', data: addr, rdlength: 4 };
const ptrRecord = (name: string, target: string): RR => ({ name, ttl: 0, type: 'PTR', data: target, rdlength: wireLength(target) });

/** The stub's reply to one question, given the host's /etc/hosts text. */
export function resolve(qname: string, type: RRType, hostsText: string): Reply {
  const name = absolute(qname);
  const wants = (t: RRType) => type === t || type === 'ANY';
  const local = (answers: RR[]): Reply => ({ rcode: 'NOERROR', aa: true, answers });
  if (name === 'localhost.' || name.endsWith('.localhost.')) {
    const out: RR[] = [];
    if (wants('A')) out.push(addrRecord(name, '127.0.0.1'));
    if (wants('AAAA')) out.push(addrRecord(name, '::1'));
    return local(out);
  }
  const ptrOf = fromReverse(name);
  const entries = hostsEntries(hostsText);
  if (ptrOf) {
    // /etc/hosts first (dns_query_go tries it before any scope), then the synthesized loopback.
    const hit = entries.find((e) => e.addr === ptrOf);
    if (hit) return local(wants('PTR') ? [ptrRecord(name, hit.names[0] as string)] : []);
    if (ptrOf.startsWith('127.') || ptrOf === '::1') return local(wants('PTR') ? [ptrRecord(name, 'localhost.')] : []);
  }
  const mine = entries.filter((e) => e.names.includes(name));
  if (mine.length) return local(mine.map((e) => addrRecord(name, e.addr)).filter((r) => wants(r.type)));
  // Names resolved never looks up (systemd@v255:src/shared/dns-domain.c dns_name_dont_resolve: under 0.in-addr.arpa,
  // 255.255.255.255.in-addr.arpa, the unspecified ::'s ip6.arpa, and .invalid, RFC 6761) are synthesized NXDOMAIN
  // (resolved-dns-synthesize.c dns_synthesize_answer).
  if (name.endsWith('.0.in-addr.arpa.') || name === '255.255.255.255.in-addr.arpa.' || name === 'invalid.' || name.endsWith('.invalid.'))
    return { rcode: 'NXDOMAIN', aa: true, answers: [] };
  return { rcode: 'SERVFAIL', aa: false, answers: [] };
}

/**
 * Size of the stub's reply on the wire (RFC 1035 §4.1): the 12-byte header, the question (name,
 * type, class), each answer with its owner compressed to a 2-byte pointer to the question plus
 * type, class, TTL and RDLENGTH (10) and its data, and the 11-byte OPT record when the client sent EDNS.
 */
export function replySize(qname: string, reply: Reply, edns: boolean): number {
  return 12 + wireLength(qname) + 4 + reply.answers.reduce((n, r) => n + 2 + 10 + r.rdlength, 0) + (edns ? 11 : 0);
}
