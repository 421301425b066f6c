/**
 * `ip -j [-p] link|addr` as iproute2 6.1.0 prints them: the keys and their order of ip/ipaddress.c print_linkinfo
 * (ifindex, link_index for a peer in another namespace (lib/utils.c print_name_and_link), ifname, flags, mtu, qdisc,
 * master, operstate, linkmode for `link` only, group, txqlen when not 0, link_type/address/broadcast unless -4/-6,
 * link_netnsid, altnames) and print_addrinfo inside "addr_info" (family, local, prefixlen, broadcast, scope, the flag
 * booleans of print_ifa_flags, label for IPv4, valid_life_time and preferred_life_time, 4294967295 for "forever").
 * The text is lib/json_writer.c's: compact, or with -p four-space indents, "[ " and " ]" around arrays and the
 * writer's "},{" between objects; one newline at the end (jsonw_destroy).
 */
import type { Namespace, NetIface } from '../kernel/types.ts';
import { broadcast } from './addr.ts';
import { flags, qdiscOf, qlenOf, type ShowOptions, selectIfaces, stateOf } from './iproute.ts';
import { detailsJson } from './linkdetails.ts';

type Value = string | number | boolean;

/** lib/json_writer.c: depth, separator and the pretty layout, event by event. */
class JsonWriter {
  private out = '';
  private depth = 0;
  private sep = '';
  constructor(private readonly pretty: boolean) {}
  private eol() {
    if (this.pretty) this.out += `\n${'    '.repeat(this.depth)}`;
  }
  private eor() {
    this.out += this.sep;
    this.sep = ',';
  }
  private begin(c: string) {
    this.eor();
    this.out += c;
    this.depth++;
    this.sep = '';
  }
  private end(c: string) {
    this.depth--;
    if (this.sep) this.eol();
    this.out += c;
    this.sep = ',';
  }
  name(n: string): this {
    this.eor();
    this.eol();
    this.sep = '';
    this.out += `${JSON.stringify(n)}:${this.pretty ? ' ' : ''}`;
    return this;
  }
  value(v: Value): this {
    this.eor();
    this.out += typeof v === 'string' ? JSON.stringify(v) : String(v);
    return this;
  }
  field(n: string, v: Value): this {
    return this.name(n).value(v);
  }
  /** jsonw_printf: a value written as is (the bridge timers' "%i.%.2i"). */
  rawField(n: string, text: string): this {
    this.name(n).eor();
    this.out += text;
    return this;
  }
  startObject(): this {
    this.begin('{');
    return this;
  }
  endObject(): this {
    this.end('}');
    return this;
  }
  startArray(): this {
    this.begin('[');
    if (this.pretty) this.out += ' ';
    return this;
  }
  endArray(): this {
    if (this.pretty && this.sep) this.out += ' ';
    this.sep = '';
    this.end(']');
    return this;
  }
  text(): string {
    return `${this.out}\n`;
  }
}

const FOREVER = 4294967295;

function linkFields(w: JsonWriter, ns: Namespace, i: NetIface, link: boolean, o: ShowOptions): void {
  const family = link ? undefined : o.family;
  w.field('ifindex', i.index);
  if (i.peer !== undefined) {
    if (i.netnsid !== undefined) w.field('link_index', i.peer);
    else w.field('link', (ns.interfaces ?? []).find((x) => x.index === i.peer)?.name ?? `if${i.peer}`);
  }
  w.field('ifname', i.name).name('flags').startArray();
  for (const f of flags(i, false, ns).split(',')) w.value(f);
  w.endArray().field('mtu', i.mtu).field('qdisc', qdiscOf(i));
  if (i.master) w.field('master', i.master);
  w.field('operstate', stateOf(i));
  if (link) w.field('linkmode', 'DEFAULT');
  w.field('group', 'default');
  if (qlenOf(i)) w.field('txqlen', qlenOf(i));
  if (!family || o.details) {
    w.field('link_type', i.kind === 'loopback' ? 'loopback' : 'ether')
      .field('address', i.mac)
      .field('broadcast', i.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff');
  }
  if (i.netnsid !== undefined) w.field('link_netnsid', i.netnsid);
  if (o.details) detailsJson(w, ns, i, o.details, link);
  if (i.altname) w.name('altnames').startArray().value(i.altname).endArray();
}

function addrFields(w: JsonWriter, i: NetIface, cidr: string): void {
  const [local, len] = cidr.split('/') as [string, string];
  const v6 = local.includes(':');
  w.field('family', v6 ? 'inet6' : 'inet')
    .field('local', local)
    .field('prefixlen', Number(len));
  if (!v6 && !local.startsWith('127.') && Number(len) < 31) w.field('broadcast', broadcast(cidr));
  const scope = v6 ? (local === '::1' ? 'host' : local.startsWith('fe80:') ? 'link' : 'global') : local.startsWith('127.') ? 'host' : 'global';
  w.field('scope', scope);
  if (local === '::1') w.field('noprefixroute', true);
  if (!v6) w.field('label', i.name);
  w.field('valid_life_time', FOREVER).field('preferred_life_time', FOREVER);
}

/** `ip -j [-p] link` (link) or `ip -j [-p] addr`. */
export function jsonShow(ns: Namespace, o: ShowOptions, link: boolean, pretty: boolean): string {
  const w = new JsonWriter(pretty).startArray();
  const fam = (a: string) => (o.family === 4 ? !a.includes(':') : o.family === 6 ? a.includes(':') : true);
  for (const i of selectIfaces(ns, o)) {
    if (!link && o.family && !i.addrs.some(fam)) continue;
    w.startObject();
    linkFields(w, ns, i, link, o);
    if (!link) {
      w.name('addr_info').startArray();
      for (const a of i.addrs.filter(fam)) {
        w.startObject();
        addrFields(w, i, a);
        w.endObject();
      }
      w.endArray();
    }
    w.endObject();
  }
  return w.endArray().text();
}
