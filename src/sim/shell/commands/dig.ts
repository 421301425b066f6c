/**
 * dig from bind9-dnsutils 1:9.18.28-0ubuntu0.24.04.1 (noble-updates, August 2024; its version
 * string carries Ubuntu's "-Ubuntu" suffix), asking systemd-resolved's stub at 127.0.0.53 (the
 * first nameserver of node1's /etc/resolv.conf) what net/resolved.ts answers. Output as
 * bind9@v9.18.28:bin/dig/dig.c prints it: the greeting (printgreeting: "\n; <<>> DiG %s <<>>" and
 * the arguments, "; (1 server found)" after an @server, ";; global options: +cmd"), ";; Got answer:",
 * the header and flags (printmessage), the OPT pseudosection (lib/dns/message.c
 * dns_message_pseudosectiontotext: "; EDNS: version: 0, flags:; udp: 65494"), the sections in
 * masterdump's columns (dig.c: dns_master_stylecreate(…, 24, 32, 40, 48, 80, 8, …); lib/dns/masterdump.c
 * indent: tabs to each column, at least one), then the stats (received: Query time, SERVER, WHEN
 * with strftime "%a %b %d %H:%M:%S %Z %Y", MSG SIZE). +short prints the answers' data only.
 * The message id is drawn from the simulator's seeded rng (host.rng), so a run repeats.
 * A server that is not the stub never answers: 127.x refuses (nothing else listens on port 53),
 * any other address times out; dig warns per try (3 UDP tries, dighost.c recv_done
 * "communications error to %s: %s") and ends with exit status 9 (the 3 × 5 s wait is not simulated).
 */
import type { ExecResult } from '../../api.ts';
import { absolute, replySize, resolve, reverseName, RR_TYPES, type RRType, STUB, STUB_UDP_SIZE, type Reply } from '../../net/resolved.ts';
import { strftime } from '../kit/strftime.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { DIG_HELP } from './dig-help.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** bind9-dnsutils' PACKAGE_VERSION on noble (dig -v, the greeting; nslookup and host say the same). */
export const BIND_VERSION = '9.18.28-0ubuntu0.24.04.1-Ubuntu';

// bind9@v9.18.28:bin/dig/dig.c print_usage + usage().
const USAGE =
  'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\nUse "dig -h" (or "dig -h | more") for complete list of options\n';

/**
 * `first`, then each text at its column, padded as masterdump's indent() pads: tabs of 8 up to the
 * column (at least one step past the text before it), spaces for the rest.
 */
function columns(first: string, rest: [number, string][]): string {
  let out = first;
  let col = first.length;
  for (const [want, text] of rest) {
    const to = Math.max(want, col + 1);
    const tabs = Math.floor(to / 8) - Math.floor(col / 8);
    if (tabs > 0) {
      out += '\t'.repeat(tabs);
      col = Math.floor(to / 8) * 8;
    }
    out += ' '.repeat(to - col) + text;
    col = to + text.length;
  }
  return out;
}

/** The question line: ";name.", the class at column 32, the type at 40. */
const questionLine = (qname: string, type: RRType) =>
  columns(`;${qname}`, [
    [32, 'IN'],
    [40, type],
  ]);

/** An answer line: TTL at column 24, class at 32, type at 40, data at 48. */
const answerLine = (r: Reply['answers'][number]) =>
  columns(r.name, [
    [24, String(r.ttl)],
    [32, 'IN'],
    [40, r.type],
    [48, r.data],
  ]);

/**
 * What a client that is not the stub gets from `server`: a warning per UDP try (refused on loopback, where nothing
 * else listens on port 53, else timed out). dig and nslookup try 3 times (lib/irs/resconf.c attempts = 3), host 2.
 */
export function unanswered(server: string, tries = 3): string {
  const why = server.startsWith('127.') ? 'connection refused' : 'timed out';
  return `;; communications error to ${server}#53: ${why}\n`.repeat(tries);
}

/** Whether `server` is resolved's stub (127.0.0.53, or its proxy 127.0.0.54). */
export const isStub = (server: string): boolean => server === STUB || server === '127.0.0.54';

/** The question: the name and type of `dig`'s arguments, or an error to print. */
interface Parsed {
  name?: string;
  type?: RRType;
  server?: string;
  short: boolean;
  cmd: boolean;
  tcp: boolean;
  /** Display flags (dig.c plus_option; +all/+noall set them all): comments are the header, flags, OPT and section titles. */
  show: Record<'comments' | 'question' | 'answer' | 'stats', boolean>;
  /** Warnings dig prints on stderr while it reads its arguments. */
  warn: string;
}

function parse(args: string[]): Parsed | ExecResult {
  const p: Parsed = { short: false, cmd: true, tcp: false, show: { comments: true, question: true, answer: true, stats: true }, warn: '' };
  const typeOf = (w: string) => RR_TYPES.find((t) => t === w.toUpperCase());
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('@')) p.server = a.slice(1);
    else if (a.startsWith('+')) {
      const opt = a.slice(1);
      const no = opt.startsWith('no');
      const key = no ? opt.slice(2) : opt;
      // FULLCHECK: any prefix of an option's full name is the option (dig.c plus_option).
      const is = (full: string, min: number) => key.length >= min && full.startsWith(key);
      if (is('short', 2)) {
        p.short = !no;
        if (!no) p.cmd = false;
      } else if (is('cmd', 2)) p.cmd = !no;
      // bind9@v9.18.28:bin/dig/dig.c plus_option: all (question, answer, authority, additional, comments, stats,
      // printcmd), answer, comments, question, stats; authority and additional are empty in the stub's replies.
      else if (is('all', 2)) {
        p.show = { comments: !no, question: !no, answer: !no, stats: !no };
        p.cmd = !no;
      } else if (is('answer', 2)) p.show.answer = !no;
      else if (is('comments', 3)) p.show.comments = !no;
      else if (is('question', 2)) p.show.question = !no;
      else if (is('stats', 2)) p.show.stats = !no;
      else if (is('authority', 2) || is('additional', 3)) continue;
      else if (is('tcp', 2) || is('vc', 1)) p.tcp = !no;
      else return R('', `Invalid option: +${opt}\n${USAGE}`, 1);
    } else if (a === '-t' || a === '-x' || a.startsWith('-t') || a.startsWith('-x')) {
      const value = a.length > 2 ? a.slice(2) : args[++i];
      if (value === undefined) return R('', USAGE, 1);
      if (a.startsWith('-t')) {
        const t = typeOf(value);
        if (!t) return R('', `;; Warning, ignoring invalid type ${value}\n`, 0);
        p.type = t;
      } else {
        const rev = reverseName(value);
        if (!rev) return R('', `Invalid IP address ${value}\n`, 1);
        p.name = rev;
        p.type = 'PTR';
      }
    } else if (a === '-4' || a === '-6') continue;
    else if (a === '-v') return R('', `DiG ${BIND_VERSION}\n`, 0);
    // dash_option: -h (or any option word starting with it) prints the help on stdout and exits 0.
    else if (a.startsWith('-h')) return R(DIG_HELP);
    else if (a.startsWith('-')) return R('', `Invalid option: ${a}\n${USAGE}`, 1);
    // A word that names a type is the type, wherever it stands (dig.c parse_args tries rdtype_fromtext before taking a
    // name; a second one warns and wins), IN the class.
    else if (typeOf(a)) {
      if (p.type) p.warn += ';; Warning, extra type option\n';
      p.type = typeOf(a);
    } else if (a.toUpperCase() === 'IN') continue;
    else if (p.name === undefined) p.name = a;
    // A second name is a second lookup in dig; only the first one is simulated.
  }
  if (p.type === 'ANY') p.tcp = true;
  return p;
}

export const dig: SimCommand = {
  name: 'dig',
  async run(args, env: CmdEnv) {
    const p = parse(args);
    if ('exitCode' in p) return p;
    // No name: the root's NS records (dig.c: "." and NS when nothing was asked).
    const qname = p.name === undefined ? '.' : absolute(p.name);
    const type = p.type ?? (p.name === undefined ? 'NS' : 'A');
    const conf = await env.readFile('/etc/resolv.conf').catch(() => '');
    const server = p.server ?? /^nameserver\s+(\S+)/m.exec(conf)?.[1] ?? STUB;
    let cmdline = '';
    if (p.cmd) {
      cmdline = `\n; <<>> DiG ${BIND_VERSION} <<>>${args.map((a) => ` ${a}`).join('')}\n`;
      if (p.server) cmdline += '; (1 server found)\n';
      cmdline += `;; global options:${p.short ? ' +short' : ''} +cmd\n`;
    }
    if (!isStub(server)) return R(`${unanswered(server)}${cmdline};; no servers could be reached\n\n`, p.warn, 9);
    const hosts = await env.readFile('/etc/hosts').catch(() => '');
    const reply = resolve(qname, type, hosts);
    const id = env.host.rng.int(65536);
    if (p.short) return R(reply.answers.map((r) => `${r.data}\n`).join(''), p.warn);
    const n = reply.answers.length;
    const { comments, question, answer, stats } = p.show;
    // Without comments a section prints its records only: no title, no blank line after (DNS_MESSAGETEXTFLAG_NOHEADERS).
    const tail = comments ? '\n' : '';
    let out = cmdline;
    if (comments) {
      out += `;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${id}\n`;
      out += `;; flags: qr${reply.aa ? ' aa' : ''} rd ra; QUERY: 1, ANSWER: ${n}, AUTHORITY: 0, ADDITIONAL: 1\n\n`;
      out += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${STUB_UDP_SIZE}\n`;
    }
    if (question) out += `${comments ? ';; QUESTION SECTION:\n' : ''}${questionLine(qname, type)}\n${tail}`;
    if (answer && n) out += `${comments ? ';; ANSWER SECTION:\n' : ''}${reply.answers.map((r) => `${answerLine(r)}\n`).join('')}${tail}`;
    if (stats) {
      out += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (${p.tcp ? 'TCP' : 'UDP'})\n`;
      out += `;; WHEN: ${strftime('%a %b %d %H:%M:%S %Z %Y', env.host.clock.nowMs)}\n;; MSG SIZE  rcvd: ${replySize(qname, reply, true)}\n\n`;
    }
    return R(out, p.warn);
  },
};
