/**
 * A container's settings for one network (api/types/network EndpointSettings): the address `docker run --ip` or
 * `docker network connect --ip` asks for, and the aliases of `--network-alias` / `--alias`, checked as the daemon
 * checks them (moby@v27.3.1:daemon/container_operations.go validateEndpointSettings).
 */
import type { Container } from '../docker/container.ts';
import { isIpv4, inCidr } from './addr.ts';
import type { Network } from './networks.ts';

export interface EndpointConfig {
  /** IPAMConfig.IPv4Address. */
  ipv4?: string;
  aliases: string[];
  /** Links as `docker network connect --link` gave them (NAME or NAME:ALIAS). */
  links?: string[];
}

/**
 * docker/cli@v27.3.1:opts/parse.go ParseLink, as moby@v27.3.1:daemon/network.go buildJoinOptions reads an endpoint's
 * links: [name, alias], the alias the name when there is none; a "/name:/c1/alias" link keeps path.Split's last part.
 */
export function parseLink(val: string): [string, string] {
  const arr = val.split(':');
  if (arr.length === 1) return [val, val];
  const [name, alias] = arr as [string, string];
  return name.startsWith('/') ? [name.slice(1), alias.slice(alias.lastIndexOf('/') + 1)] : [name, alias];
}

/** containertypes.NetworkMode(name).IsUserDefined(): not default, bridge, host, none or container:… */
export const isUserDefined = (name: string) => !['default', 'bridge', 'host', 'none'].includes(name) && !name.startsWith('container:');

/**
 * validateEndpointSettings: the errors, joined as moby's internal/multierror Join prints them (one as it is, more as
 * "* a\n* b"), after "invalid endpoint settings:\n"; undefined when the settings are valid.
 */
export function endpointSettingsError(net: Network | undefined, name: string, cfg: EndpointConfig): string | undefined {
  const errs: string[] = [];
  if (!isUserDefined(name)) {
    // moby@v27.3.1:runconfig/errors.go ErrUnsupportedNetworkAndIP, ErrUnsupportedNetworkAndAlias.
    if (cfg.ipv4) errs.push('user specified IP address is supported on user defined networks only');
    if (cfg.aliases.length) errs.push('network-scoped alias is supported only for containers in user defined networks');
  }
  // api/types/network/endpoint.go EndpointIPAMConfig.Validate and IsInRange (validateEndpointIPAddress).
  if (cfg.ipv4 && (!isIpv4(cfg.ipv4) || cfg.ipv4 === '0.0.0.0')) errs.push(`invalid IPv4 address: ${cfg.ipv4}`);
  else if (cfg.ipv4 && net) {
    if (!net.userSubnet) errs.push('user specified IP address is supported only when connecting to networks with user configured subnets');
    else if (!net.subnet || !inCidr(cfg.ipv4, net.subnet)) errs.push(`no configured subnet or ip-range contain the IP address ${cfg.ipv4}`);
  }
  if (!errs.length) return undefined;
  return `invalid endpoint settings:\n${errs.length === 1 ? errs[0] : `* ${errs.join('\n* ')}`}`;
}

/** moby@v27.3.1:daemon/container_operations.go buildEndpointDNSNames: name, aliases, short id, hostname, without repeats. */
export function dnsNames(c: Container, aliases: string[]): string[] {
  return [...new Set([c.name, ...aliases, c.id.slice(0, 12), ...(c.config.Hostname ? [c.config.Hostname] : [])])];
}
