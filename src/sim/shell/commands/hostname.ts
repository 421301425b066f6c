/**
 * `hostname`: Debian's hostname 3.23+nmu2ubuntu2 on the host and in debian-based images
 * (hostname.c show_name: -i resolves the name through /etc/hosts, -I lists every address of
 * every interface that is UP and not loopback, IPv4 first as getifaddrs returns them, IPv6
 * link-local addresses left out, each followed by a space), and busybox 1.36.1 in alpine
 * (busybox@1_36_1:networking/hostname.c: -s -i -d -f, `printf("%s ", …)` per address).
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { usageOf } from './usage.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** The addresses /etc/hosts gives `name` (the files source of getaddrinfo / gethostbyname), and its canonical name. */
async function lookup(env: CmdEnv, name: string): Promise<{ addrs: string[]; canon?: string }> {
  const text = await env.readFile('/etc/hosts').catch(() => '');
  const addrs: string[] = [];
  let canon: string | undefined;
  for (const raw of text.split('\n')) {
    const [addr, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!addr || !names.includes(name)) continue;
    if (!addrs.includes(addr)) addrs.push(addr);
    canon ??= names[0];
  }
  return { addrs, canon };
}

/** -I: IPv4 addresses of every UP, non-loopback interface, then their IPv6 ones other than link-local. */
function allAddresses(env: CmdEnv): string[] {
  const ifs = (env.host.kernel.ns(env.self.ns.net).interfaces ?? []).filter((i) => i.kind !== 'loopback');
  const bare = (cidr: string) => cidr.split('/')[0] as string;
  const v4 = ifs.flatMap((i) => i.addrs.filter((a) => !a.includes(':')).map(bare));
  const v6 = ifs.flatMap((i) => i.addrs.filter((a) => a.includes(':') && !/^fe[89ab]/i.test(a)).map(bare));
  return [...v4, ...v6];
}

async function debian(args: string[], env: CmdEnv, ns: { hostname?: string }): Promise<ExecResult> {
  const name = ns.hostname ?? '';
  const flags = new Set<string>();
  const rest: string[] = [];
  const long: Record<string, string> = {
    '--ip-address': 'i',
    '--all-ip-addresses': 'I',
    '--short': 's',
    '--fqdn': 'f',
    '--long': 'f',
    '--domain': 'd',
    '--alias': 'a',
    '--all-fqdns': 'A',
  };
  for (const a of args) {
    if (long[a]) flags.add(long[a] as string);
    else if (a.startsWith('--')) return R('', `hostname: unrecognized option '${a}'\n${usageOf('hostname', 'coreutils')?.text ?? ''}`, 1);
    else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (!'iIsfdaAb'.includes(c)) return R('', `hostname: invalid option -- '${c}'\n${usageOf('hostname', 'coreutils')?.text ?? ''}`, 1);
        flags.add(c);
      }
    } else rest.push(a);
  }
  if (rest.length) {
    if (!hasCap(env.self.caps, 'sys_admin')) return R('', 'hostname: you must be root to change the host name\n', 1);
    ns.hostname = rest[0];
    return R('');
  }
  if (flags.has('I'))
    return R(
      `${allAddresses(env)
        .map((a) => `${a} `)
        .join('')}\n`,
    );
  if (flags.has('s')) return R(`${name.split('.')[0]}\n`);
  if (!['i', 'f', 'd', 'a'].some((f) => flags.has(f))) return R(`${name}\n`);
  // getaddrinfo(hostname, AI_CANONNAME): files first (/etc/nsswitch.conf "hosts: files dns").
  const found = await lookup(env, name);
  if (!found.addrs.length) return R('', 'hostname: Temporary failure in name resolution\n', 1);
  if (flags.has('i')) return R(`${found.addrs.map((a) => `${a} `).join('')}\n`);
  const fqdn = found.canon ?? name;
  if (flags.has('f')) return R(`${fqdn}\n`);
  if (flags.has('d')) return R(`${fqdn.includes('.') ? fqdn.slice(fqdn.indexOf('.') + 1) : ''}\n`);
  return R('\n');
}

async function busybox(args: string[], env: CmdEnv, ns: { hostname?: string }): Promise<ExecResult> {
  const name = ns.hostname ?? '';
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const a of args) {
    if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (!'sidfF'.includes(c)) return R('', `hostname: unrecognized option: ${c}\n${usageOf('hostname', 'busybox')?.text ?? ''}`, 1);
        flags.add(c);
      }
    } else rest.push(a);
  }
  if (rest.length && !flags.size) {
    if (!hasCap(env.self.caps, 'sys_admin')) return R('', 'hostname: sethostname: Operation not permitted\n', 1);
    ns.hostname = rest[0];
    return R('');
  }
  if (!flags.size) return R(`${name}\n`);
  if (flags.has('s')) return R(`${name.split('.')[0]}\n`);
  // xgethostbyname(): musl reads /etc/hosts; failing, bb_herror_msg_and_die with musl's hstrerror(HOST_NOT_FOUND).
  const found = await lookup(env, name);
  if (!found.addrs.length) return R('', `hostname: ${name}: Host not found\n`, 1);
  if (flags.has('i'))
    return R(
      `${found.addrs
        .filter((a) => !a.includes(':'))
        .map((a) => `${a} `)
        .join('')}\n`,
    );
  const fqdn = found.canon ?? name;
  if (flags.has('d')) return R(fqdn.includes('.') ? `${fqdn.slice(fqdn.indexOf('.') + 1)}\n` : '');
  return R(`${fqdn}\n`);
}

export const hostname: SimCommand = {
  name: 'hostname',
  async run(args, env) {
    const ns = env.host.kernel.ns(env.self.ns.uts);
    return env.flavor === 'busybox' ? busybox(args, env, ns) : debian(args, env, ns);
  },
};
