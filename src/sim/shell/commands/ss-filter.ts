/**
 * ss's words after the options: `state NAME` (repeatable), then a filter expression
 * (iproute2@v6.1.0:misc/ss.c main and scan_state; misc/ssfilter.y: the grammar, yylex's words —
 * `sport`/`dport` with = == eq, != ne neq, > gt, < lt, >= ge geq, <= le leq, `src`/`dst` with an
 * optional =, ! not, & && and, | || or, parentheses as words, juxtaposition meaning and — and
 * parse_hostcond: a port by number or /etc/services name, an address with an optional /prefix and
 * :port, `*` for any). Terms are combined left to right, as the left-recursive exprlist does.
 */
import { ipToInt, maskOf } from '../../net/addr.ts';
import type { Sock } from './ss.ts';

type SockState = Sock['state'];
type Pred = (s: Sock) => boolean;

/** scan_state's names, as the sockets node1 has (UNCONN is a UDP socket in TCP_CLOSE, "closed"). */
const STATES: Record<string, SockState[]> = {
  all: ['LISTEN', 'UNCONN', 'ESTAB'],
  connected: ['ESTAB'],
  synchronized: ['ESTAB'],
  established: ['ESTAB'],
  listening: ['LISTEN'],
  closed: ['UNCONN'],
  'syn-sent': [],
  'syn-recv': [],
  'fin-wait-1': [],
  'fin-wait-2': [],
  'time-wait': [],
  'close-wait': [],
  'last-ack': [],
  closing: [],
  bucket: [],
  big: ['LISTEN', 'UNCONN', 'ESTAB'],
};

const SERVICE_PORTS: Record<string, number> = { ssh: 22, domain: 53, http: 80, https: 443, 'http-alt': 8080 };

/** scan_state's names that stand for more than one TCP state (SS_ALL, SS_CONN, the synchronized set, bucket, big). */
const MANY = new Set(['all', 'connected', 'synchronized', 'bucket', 'big']);

interface SsWords {
  states?: SockState[];
  /** The `state` words name one kernel state alone (ss.c main then disables the State column). */
  oneState?: boolean;
  filter?: Pred;
}

const SYNTAX = 'ss: bison bellows (while parsing filter): "syntax error!" Sorry.\n';

function port(text: string): number | string {
  const p = text.startsWith(':') ? text.slice(1) : text;
  if (/^\d+$/.test(p)) return Number(p);
  return SERVICE_PORTS[p] ?? `Error: "${p}" does not look like a port.\nCannot parse dst/src address.\n`;
}

function addrMatch(want: string, have: string): boolean {
  const h = have.replace(/^\[|\]$/g, '');
  const [a, len] = want.replace(/^\[|\]$/g, '').split('/') as [string, string | undefined];
  if (a.includes(':') || h.includes(':')) return a === h;
  if (!/^\d+(\.\d+){3}$/.test(a) || !/^\d+(\.\d+){3}$/.test(h)) return false;
  const bits = len === undefined ? 32 : Number(len);
  return (ipToInt(a) & maskOf(bits)) >>> 0 === (ipToInt(h) & maskOf(bits)) >>> 0;
}

/** parse_hostcond for src/dst: [ADDR][/LEN][:PORT], `*` or `*:PORT`, `[V6]:PORT`. */
function hostcond(text: string, side: 'local' | 'peer'): Pred | string {
  let addr = text;
  let p: string | undefined;
  if (text.startsWith('[')) [addr, p] = [text.slice(0, text.indexOf(']') + 1), text.slice(text.indexOf(']') + 1)];
  else if (text.startsWith('*')) [addr, p] = ['', text.slice(1)];
  else if (text.lastIndexOf(':') >= 0) [addr, p] = [text.slice(0, text.lastIndexOf(':')), text.slice(text.lastIndexOf(':'))];
  const n = p && p !== ':' && p !== ':*' ? port(p) : undefined;
  if (typeof n === 'string') return n;
  if (addr && addr !== '*' && !/^\[?[\d.:a-fA-F]+\]?(\/\d+)?$/.test(addr))
    return `Error: an inet prefix is expected rather than "${addr}".\nCannot parse dst/src address.\n`;
  return (s) => {
    const sp = side === 'local' ? s.lport : s.pport === '*' ? 0 : s.pport;
    if (n !== undefined && sp !== n) return false;
    return !addr || addr === '*' || addrMatch(addr, side === 'local' ? s.local : s.peer);
  };
}

const OPS: Record<string, string> = {
  '=': '=',
  '==': '=',
  eq: '=',
  '!=': '!=',
  ne: '!=',
  neq: '!=',
  '>': '>',
  gt: '>',
  '<': '<',
  lt: '<',
  '>=': '>=',
  ge: '>=',
  geq: '>=',
  '<=': '<=',
  le: '<=',
  leq: '<=',
};

export function parseSsWords(args: string[]): SsWords | { error: string; code: number } {
  const words = args.flatMap((a) => a.split(/[ \t]+/)).filter(Boolean);
  const out: SsWords = {};
  const named = new Set<string>();
  while (words[0] === 'state' || words[0] === 'exclude' || words[0] === 'excl') {
    const kw = words.shift() as string;
    const name = words.shift() ?? '';
    if (kw !== 'state') return { error: SYNTAX, code: 255 };
    const st = STATES[name.toLowerCase()];
    if (!st) return { error: `ss: wrong state name: ${name}\n`, code: 255 };
    out.states = [...new Set([...(out.states ?? []), ...st])];
    named.add(MANY.has(name.toLowerCase()) ? '*' : name.toLowerCase());
  }
  if (named.size) out.oneState = named.size === 1 && !named.has('*');
  if (!words.length) return out;
  let i = 0;
  const fail = (msg = SYNTAX): never => {
    throw new Error(msg);
  };
  const expr = (): Pred => {
    const w = words[i++] ?? fail();
    if (w === '(') {
      const e = list();
      if (words[i++] !== ')') fail();
      return e;
    }
    if (w === '!' || w === 'not') {
      const e = expr();
      return (s) => !e(s);
    }
    if (w === 'src' || w === 'dst') {
      if (words[i] === '=' || words[i] === '==' || words[i] === 'eq') i++;
      const h = hostcond(words[i++] ?? fail(), w === 'src' ? 'local' : 'peer');
      return typeof h === 'string' ? fail(h) : h;
    }
    if (w === 'sport' || w === 'dport') {
      const op = OPS[words[i] ?? ''] ?? '=';
      if (OPS[words[i] ?? '']) i++;
      const n = port(words[i++] ?? fail());
      if (typeof n === 'string') fail(n);
      const get = (s: Sock) => (w === 'sport' ? s.lport : s.pport === '*' ? 0 : s.pport);
      const cmp: Record<string, Pred> = {
        '=': (s) => get(s) === n,
        '!=': (s) => get(s) !== n,
        '>': (s) => get(s) > (n as number),
        '<': (s) => get(s) < (n as number),
        '>=': (s) => get(s) >= (n as number),
        '<=': (s) => get(s) <= (n as number),
      };
      return cmp[op] as Pred;
    }
    return fail();
  };
  const list = (): Pred => {
    let acc = expr();
    while (i < words.length && words[i] !== ')') {
      const w = words[i] as string;
      const or = w === '|' || w === '||' || w === 'or';
      if (or || w === '&' || w === '&&' || w === 'and') i++;
      const left = acc;
      const right = expr();
      acc = or ? (s) => left(s) || right(s) : (s) => left(s) && right(s);
    }
    return acc;
  };
  try {
    out.filter = list();
    if (i < words.length) fail();
  } catch (e) {
    const msg = (e as Error).message;
    return { error: msg, code: msg === SYNTAX ? 255 : 1 };
  }
  return out;
}
