/**
 * bind9-dnsutils' nslookup (1:9.18.28-0ubuntu0.24.04.1), node1's, asking systemd-resolved's stub
 * (net/resolved.ts). As bind9@v9.18.28:bin/dig/nslookup.c prints it: "Server:\t\t%s" and
 * "Address:\t%s#53" and an empty line before the first reply (printmessage), "Non-authoritative
 * answer:" only when the reply lacks AA (resolved's local answers have it), A and AAAA answers as
 * "Name:\t%s" / "Address: %s", others as "%s\t<type text>%s" (printsection, rtypetext: PTR
 * "name = "), "** server can't find %s: %s" on an error rcode (exit status 1), "*** Can't find %s:
 * No answer" for an empty reply to an explicit type, and an empty line before it exits (main:
 * puts("")). By default an A query, then AAAA for the name the A query found; an address is looked
 * up by its PTR. A server other than the stub never answers (commands/dig.ts unanswered: 3 tries).
 * Interactive mode (no HOST) is not simulated.
 */
import type { ExecResult } from '../../api.ts';
import { absolute, resolve, reverseName, RR_TYPES, type RRType, STUB, type Reply } from '../../net/resolved.ts';
import type { CmdEnv } from '../types.ts';
import { isStub, unanswered } from './dig.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

// bind9@v9.18.28:bin/dig/nslookup.c usage().
const USAGE =
  "Usage:\n   nslookup [-opt ...]             # interactive mode using default server\n   nslookup [-opt ...] - server    # interactive mode using 'server'\n   nslookup [-opt ...] host        # just look up 'host' using default server\n   nslookup [-opt ...] host server # just look up 'host' using 'server'\n";

/** nslookup.c rtypetext for the types the stub can answer besides A and AAAA. */
const TYPE_TEXT: Partial<Record<RRType, string>> = { NS: 'nameserver = ', CNAME: 'canonical name = ', PTR: 'name = ', MX: 'mail exchanger = ', TXT: 'text = ' };

/** A name as dns_name_format prints it: without the final dot (the root stays "."). */
export const bare = (name: string): string => (name === '.' ? '.' : name.replace(/\.$/, ''));

function answers(reply: Reply): string {
  return reply.answers
    .map((r) =>
      r.type === 'A' || r.type === 'AAAA' ? `Name:\t${bare(r.name)}\nAddress: ${r.data}\n` : `${bare(r.name)}\t${TYPE_TEXT[r.type] ?? ''}${r.data}\n`,
    )
    .join('');
}

export async function bindNslookup(args: string[], env: CmdEnv): Promise<ExecResult> {
  let out = '';
  let type: RRType | undefined;
  const words: string[] = [];
  for (const a of args) {
    const m = /^-(type|query|querytype|q|ty)=(.*)$/i.exec(a);
    if (m) {
      const t = RR_TYPES.find((x) => x === (m[2] as string).toUpperCase());
      if (t) type = t;
      else out += `unknown query type: ${m[2]}\n`;
    } else if (a.startsWith('-') && a !== '-') out += `*** Invalid option: ${a.slice(1)}\n`;
    else words.push(a);
  }
  const [host, serverArg] = words;
  if (words.length > 2) return R(out, USAGE, 1);
  if (host === undefined || host === '-')
    return R(out, 'nslookup: interactive mode is not simulated on node1 (nslookup [-type=TYPE] HOST [SERVER] looks one name up)\n', 1);
  const conf = await env.readFile('/etc/resolv.conf').catch(() => '');
  const server = serverArg ?? /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? STUB;
  if (!isStub(server)) return R(`${out}${unanswered(server)};; no servers could be reached\n\n\n`, '', 1);
  const hosts = await env.readFile('/etc/hosts').catch(() => '');
  const rev = reverseName(host);
  const qname = rev ?? absolute(host);
  const lookups: RRType[] = type ? [type] : rev ? ['PTR'] : ['A', 'AAAA'];
  const byDefault = !type && !rev;
  out += `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  let failed = false;
  let aEmpty = false;
  for (const t of lookups) {
    const reply = resolve(qname, t, hosts);
    if (reply.rcode !== 'NOERROR') {
      out += `** server can't find ${bare(qname)}: ${reply.rcode}\n`;
      failed = true;
      break;
    }
    if (!reply.aa && (!byDefault || t === 'A')) out += 'Non-authoritative answer:\n';
    if (reply.answers.length) out += answers(reply);
    else if (byDefault && t === 'A') aEmpty = true;
    else if (!byDefault || aEmpty) out += `*** Can't find ${host}: No answer\n`;
  }
  return R(`${out}\n`, '', failed ? 1 : 0);
}
