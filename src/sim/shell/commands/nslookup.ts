/**
 * busybox 1.36's nslookup (alpine; FEATURE_NSLOOKUP_BIG): the first `nameserver` of the
 * container's /etc/resolv.conf, an A and an AAAA query for HOST (no search domain: Docker's
 * `search .` is dropped, busybox@1_36_1:networking/nslookup.c parse_resolvconf), then per reply
 * "Non-authoritative answer:" (Docker's resolver never sets AA) and "Name:\t%s\nAddress: %s\n",
 * or "** server can't find %s: %s" with exit status 1, each followed by an empty line
 * (send_queries, parse_reply). Docker's embedded DNS at 127.0.0.11 answers the names
 * shell/net resolves (containers on a shared user-defined network, net/reach.ts resolveName):
 * an empty NOERROR reply to AAAA for a name without IPv6, and SERVFAIL for any other name, which
 * it forwards to the host's upstream servers that this offline node1 never reaches
 * (moby@v27.3.1:libnetwork/resolver.go handleIPQuery, createRespMsg, serveDNS). In a pod, CoreDNS
 * at 10.96.0.10 is authoritative for cluster.local (no "Non-authoritative" line; coredns@v1.11.1
 * plugin/kubernetes): NAME.NAMESPACE.svc.cluster.local is the Service's ClusterIP, any other name
 * in the zone NXDOMAIN, a name outside it SERVFAIL (forwarded upstream, offline). A name without a
 * dot is tried with each search domain, the A queries first, then the AAAA ones
 * (add_query_with_search). Any other server
 * (the default bridge's, copied from the host's upstream) does not answer: busybox's
 * ";; connection timed out; no servers could be reached" (its wait of 2 × 5 s is not simulated).
 * node1's own nslookup is bind9-dnsutils' (nslookup-bind.ts): this command hands it over there.
 */
import type { ExecResult } from '../../api.ts';
import { clusterViews } from '../../k8s/registry.ts';
import { resolveName } from '../../net/reach.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { bindNslookup } from './nslookup-bind.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });
const USAGE =
  'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';
const EMBEDDED = '127.0.0.11';
const COREDNS = '10.96.0.10';

/** One reply to a query to CoreDNS, as busybox prints it (A: the address; AAAA of a Service: empty, authoritative). */
function corednsReply(name: string, type: 'A' | 'AAAA', services: { name: string; namespace: string; clusterIP: string }[]): { text: string; ok: boolean } {
  const fqdn = name.replace(/\.$/, '').toLowerCase();
  if (!fqdn.endsWith('.cluster.local') && fqdn !== 'cluster.local') return { text: `** server can't find ${name}: SERVFAIL\n\n`, ok: false };
  const svc = services.find((s) => `${s.name}.${s.namespace}.svc.cluster.local` === fqdn && s.clusterIP && s.clusterIP !== 'None');
  if (!svc) return { text: `** server can't find ${name}: NXDOMAIN\n\n`, ok: false };
  return { text: type === 'A' ? `Name:\t${name}\nAddress: ${svc.clusterIP}\n\n` : '\n', ok: true };
}

async function coredns(env: CmdEnv, host: string, conf: string): Promise<ExecResult> {
  const services = clusterViews.get(env.host)?.services() ?? [];
  const search = /^search\s+(.+)$/m.exec(conf)?.[1]?.trim().split(/\s+/) ?? [];
  const names = host.includes('.') || !search.length ? [host] : search.map((d) => `${host}.${d}`);
  let out = `Server:\t\t${COREDNS}\nAddress:\t${COREDNS}:53\n\n`;
  let failed = false;
  for (const type of ['A', 'AAAA'] as const)
    for (const n of names) {
      const r = corednsReply(n, type, services);
      out += r.text;
      if (!r.ok) failed = true;
    }
  return R(out, '', failed ? 1 : 0);
}

export const nslookup: SimCommand = {
  name: 'nslookup',
  async run(args, env) {
    // node1's own nslookup is bind9-dnsutils' (nslookup-bind.ts); busybox's applet is the images'.
    if (env.flavor !== 'busybox') return bindNslookup(args, env);
    const words = args.filter((a) => !a.startsWith('-'));
    if (!words.length || words.length > 2) return R('', USAGE, 1);
    const host = words[0] as string;
    const conf = await env.readFile('/etc/resolv.conf').catch(() => '');
    const server = words[1] ?? /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? '127.0.0.1';
    if (server === COREDNS) return coredns(env, host, conf);
    if (server !== EMBEDDED) return R(';; connection timed out; no servers could be reached\n\n', '', 1);
    let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    const name = host.replace(/\.$/, '');
    const ip =
      name === 'localhost' || /^[\d.]+$/.test(name) ? undefined : resolveName(env.host, env.daemon.net, env.daemon.containers.values(), env.self.ns.net, name);
    if (!ip) return R(`${out}** server can't find ${name}: SERVFAIL\n\n** server can't find ${name}: SERVFAIL\n\n`, '', 1);
    out += `Non-authoritative answer:\nName:\t${name}\nAddress: ${ip}\n\nNon-authoritative answer:\n\n`;
    return R(out, '', 0);
  },
};
