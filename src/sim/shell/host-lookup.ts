/**
 * Name lookup for node1's own glibc programs (ping, wget, nc): getaddrinfo through `files dns`
 * (net/gai.ts), reading /etc/hosts as it stands. Inside a container (another network namespace,
 * or busybox) the caller keeps Docker's embedded DNS path (reach.ts resolveName): `addr` is then undefined.
 */
import type { CmdEnv } from './types.ts';
import { GAI_STRERROR, getaddrinfo } from '../net/gai.ts';

export async function hostLookup(env: CmdEnv, name: string): Promise<{ addr?: string } | { error: string }> {
  if (env.flavor === 'busybox' || env.self.ns.net !== env.host.fixture.namespaces.net) return {};
  const hosts = await env.readFile('/etc/hosts').catch(() => '');
  const r = getaddrinfo(name, hosts, 4);
  return 'error' in r ? { error: GAI_STRERROR[r.error] } : { addr: r.addrs[0] };
}
