/**
 * bind9-dnsutils' host (1:9.18.28-0ubuntu0.24.04.1) on node1, asking systemd-resolved's stub
 * (net/resolved.ts). As bind9@v9.18.28:bin/dig/host.c prints it (short form): one line per answer,
 * "%s %s %s" with the owner name without its final dot and the type's text (rtypes: "has address",
 * "has IPv6 address", "domain name pointer", "mail is handled by", …); by default A, then AAAA and
 * MX for the name (an empty default reply prints nothing); "%s has no %s record" for an empty reply
 * to -t TYPE; "Host %s not found: %d(%s)" on an error rcode (SERVFAIL does not stop the lookup
 * there: servfail_stops is false, and host prints the reply). An address is looked up by its PTR.
 * A listed server is named first ("Using domain server:" … "Aliases: "). Exit status 1 when a
 * reply was an error or none came (main: seen_error). A server other than the stub never answers:
 * host tries twice (main: tries = 2) and says dighost's "no servers could be reached".
 */
import type { ExecResult } from '../../api.ts';
import { absolute, RCODE_NUMBER, resolve, reverseName, RR_TYPES, type RRType, STUB } from '../../net/resolved.ts';
import type { SimCommand } from '../types.ts';
import { BIND_VERSION, isStub, unanswered } from './dig.ts';
import { bare } from './nslookup-bind.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

// bind9@v9.18.28:bin/dig/host.c show_usage().
const USAGE =
  'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n       -a is equivalent to -v -t ANY\n       -A is like -a but omits RRSIG, NSEC, NSEC3\n       -c specifies query class for non-IN data\n       -C compares SOA records on authoritative nameservers\n       -d is equivalent to -v\n       -l lists all hosts in a domain, using AXFR\n       -m set memory debugging flag (trace|record|usage)\n       -N changes the number of dots allowed before root lookup is done\n       -p specifies the port on the server to query\n       -r disables recursive processing\n       -R specifies number of retries for UDP packets\n       -s a SERVFAIL response should stop query\n       -t specifies the query type\n       -T enables TCP/IP mode\n       -U enables UDP mode\n       -v enables verbose output\n       -V print version number and exit\n       -w specifies to wait forever for a reply\n       -W specifies how long to wait for a reply\n       -4 use IPv4 query transport only\n       -6 use IPv6 query transport only\n';

/** host.c rtypes: the text between the name and the data. */
const SAYS: Partial<Record<RRType, string>> = {
  A: 'has address',
  NS: 'name server',
  CNAME: 'is an alias for',
  PTR: 'domain name pointer',
  MX: 'mail is handled by',
  TXT: 'descriptive text',
  AAAA: 'has IPv6 address',
};

export const host: SimCommand = {
  name: 'host',
  async run(args, env) {
    let type: RRType | undefined;
    const words: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-t' || (a.startsWith('-t') && a.length > 2)) {
        const v = a.length > 2 ? a.slice(2) : args[++i];
        if (v === undefined) return R('', USAGE, 1);
        const t = RR_TYPES.find((x) => x === v.toUpperCase());
        // host.c parse_args: fatal("invalid type: %s\n") with fatalexit = 2 (fatal adds its own newline).
        if (!t) return R('', `host: invalid type: ${v}\n\n`, 2);
        type = t;
      } else if (a === '-4' || a === '-6') continue;
      else if (a === '-V') return R('', `host ${BIND_VERSION}\n`, 0);
      // lib/isc/commandline.c: "%s: illegal option -- %c", then show_usage() (exit 1); the other options are not simulated.
      else if (a.startsWith('-')) return R('', `host: illegal option -- ${a.slice(1, 2)}\n${USAGE}`, 1);
      else words.push(a);
    }
    const [name, serverArg] = words;
    if (name === undefined) return R('', USAGE, 1);
    const conf = await env.readFile('/etc/resolv.conf').catch(() => '');
    const server = serverArg ?? /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? STUB;
    if (!isStub(server)) return R(`${unanswered(server, 2)};; no servers could be reached\n\n`, '', 1);
    let out = serverArg ? `Using domain server:\nName: ${serverArg}\nAddress: ${server}#53\nAliases: \n\n` : '';
    const hosts = await env.readFile('/etc/hosts').catch(() => '');
    const rev = reverseName(name);
    const qname = rev ?? absolute(name);
    const byDefault = !type && !rev;
    const lookups: RRType[] = type ? [type] : rev ? ['PTR'] : ['A', 'AAAA', 'MX'];
    for (const t of lookups) {
      const reply = resolve(qname, t, hosts);
      if (reply.rcode !== 'NOERROR') {
        out += `Host ${reply.rcode === 'NXDOMAIN' ? name : bare(qname)} not found: ${RCODE_NUMBER[reply.rcode]}(${reply.rcode})\n`;
        return R(out, '', 1);
      }
      out += reply.answers.map((r) => `${bare(r.name)} ${SAYS[r.type] ?? r.type} ${r.data}\n`).join('');
      if (!byDefault && !reply.answers.length) out += `${bare(qname)} has no ${t} record\n`;
    }
    return R(out);
  },
};
