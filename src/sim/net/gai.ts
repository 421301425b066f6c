/**
 * getaddrinfo as glibc 2.39 answers it on node1, whose /etc/nsswitch.conf says `hosts: files dns`
 * (Ubuntu 24.04's libc-bin default): /etc/hosts first (nss_files, names matched case-insensitively,
 * canonical name or alias), then the DNS stub of systemd-resolved (net/resolved.ts). The stub answers
 * SERVFAIL for every name it cannot answer locally (node1 is offline); nss_dns turns a SERVFAIL into
 * TRY_AGAIN (glibc@glibc-2.39:resolv/nss_dns/dns-host.c, getanswer/ res_queriesmatch: SERVFAIL →
 * h_errno TRY_AGAIN, NSS_STATUS_TRYAGAIN) and getaddrinfo reports EAI_AGAIN
 * (glibc@glibc-2.39:nss/getaddrinfo.c gaih_inet_main: TRY_AGAIN → -EAI_AGAIN). A local NOERROR with no
 * address of the family (e.g. AAAA of a name /etc/hosts gives only IPv4) is NO_DATA, and an NXDOMAIN (resolved's
 * synthesized answer for .invalid) HOST_NOT_FOUND: both EAI_NONAME.
 * Texts: glibc@glibc-2.39:posix/gai_strerror-strs.h.
 */
import { resolve } from './resolved.ts';

export type GaiError = 'EAI_NONAME' | 'EAI_AGAIN';
export type Gai = { addrs: string[] } | { error: GaiError };

export const GAI_STRERROR: Readonly<Record<GaiError, string>> = {
  EAI_NONAME: 'Name or service not known',
  EAI_AGAIN: 'Temporary failure in name resolution',
};

const isV4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

/** nss_files: every address /etc/hosts gives `name`, in file order, of the family if one is asked. */
export function filesLookup(name: string, hostsText: string, family?: 4 | 6): string[] {
  const want = name.toLowerCase().replace(/\.$/, '');
  const out: string[] = [];
  for (const raw of hostsText.split('\n')) {
    const [addr, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!addr || !names.some((n) => n.toLowerCase() === want)) continue;
    if (family === 4 && !isV4(addr)) continue;
    if (family === 6 && isV4(addr)) continue;
    if (!out.includes(addr)) out.push(addr);
  }
  return out;
}

/** getaddrinfo(name) through `files dns`; a numeric address answers itself. */
export function getaddrinfo(name: string, hostsText: string, family?: 4 | 6): Gai {
  if (isV4(name) && family !== 6) return { addrs: [name] };
  if (name.includes(':') && family !== 4) return { addrs: [name] };
  const files = filesLookup(name, hostsText, family);
  if (files.length) return { addrs: files };
  if (!name || name.includes(':') || isV4(name)) return { error: 'EAI_NONAME' };
  const types = family === 6 ? (['AAAA'] as const) : family === 4 ? (['A'] as const) : (['A', 'AAAA'] as const);
  const addrs: string[] = [];
  for (const t of types) {
    const r = resolve(name, t, hostsText);
    if (r.rcode === 'SERVFAIL') return { error: 'EAI_AGAIN' };
    addrs.push(...r.answers.map((a) => a.data));
  }
  return addrs.length ? { addrs } : { error: 'EAI_NONAME' };
}
