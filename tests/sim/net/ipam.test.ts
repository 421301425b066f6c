/**
 * docker network create's IPAM options and a container's requested address and aliases, as docker/cli@v27.3.1 and
 * moby@v27.3.1 give them: cli/command/network/create.go consolidateIpam (the CLI's own errors), libnetwork's default
 * IPAM (ipams/defaultipam allocator.go getAddress: --ip-range is the sub-pool), daemon/container_operations.go
 * validateEndpointSettings and buildEndpointDNSNames, runconfig/errors.go, api/types/network/endpoint.go.
 */
import { describe, expect, it } from 'vitest';
import { netWorld, sh } from './helpers.ts';

describe('docker network create: --subnet, --ip-range, --gateway, --opt, --attachable, --ipv6', () => {
  it('hands addresses out of --ip-range, the gateway first (libnetwork requests it from the same sub-pool)', async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker network create --subnet 172.28.0.0/16 --ip-range 172.28.5.0/24 --attachable -o com.docker.network.driver.mtu=1400 --label team=a r');
    // api/types/network IPAMConfig: Subnet, IPRange, Gateway.
    expect((await sh(w, "docker network inspect -f '{{json .IPAM.Config}} {{.Attachable}} {{json .Options}} {{json .Labels}}' r")).out).toBe(
      '[{"Subnet":"172.28.0.0/16","IPRange":"172.28.5.0/24","Gateway":"172.28.5.0"}] true {"com.docker.network.driver.mtu":"1400"} {"team":"a"}\n',
    );
    await sh(w, 'docker run -d --name web --network r alpine sleep 1000');
    expect((await sh(w, "docker inspect -f '{{.NetworkSettings.Networks.r.IPAddress}}' web")).out).toBe('172.28.5.1\n');
    expect((await sh(w, 'docker exec web ip -4 addr show eth0')).out).toContain('mtu 1400');
  });

  it('a given --gateway is taken from the pool; the network address is already taken', async () => {
    const w = await netWorld([]);
    await sh(w, 'docker network create --subnet 10.9.0.0/24 --gateway 10.9.0.254 g');
    expect((await sh(w, "docker network inspect -f '{{json .IPAM.Config}}' g")).out).toBe('[{"Subnet":"10.9.0.0/24","Gateway":"10.9.0.254"}]\n');
    // libnetwork/network.go ipamAllocateVersion: types.InternalErrorf("failed to allocate gateway (%v): %v", …).
    expect(await sh(w, 'docker network create --subnet 10.8.0.0/24 --gateway 10.8.0.0 g0')).toMatchObject({
      stderr: 'Error response from daemon: failed to allocate gateway (10.8.0.0): Address already in use\n',
      exitCode: 1,
    });
  });

  it('consolidateIpam errors are the CLI’s, without "Error response from daemon"', async () => {
    const w = await netWorld([]);
    expect(await sh(w, 'docker network create --gateway 10.1.0.1 x')).toMatchObject({
      stderr: 'every ip-range or gateway must have a corresponding subnet\n',
      exitCode: 1,
    });
    expect((await sh(w, 'docker network create --subnet 10.1.0.0/24 --gateway 10.2.0.1 x')).stderr).toBe('no matching subnet for gateway 10.2.0.1\n');
    expect((await sh(w, 'docker network create --subnet 10.1.0.0/24 --ip-range 10.3.0.0/28 x')).stderr).toBe('no matching subnet for range 10.3.0.0/28\n');
    // One subnet alone is not parsed by consolidateIpam (subnetMatches runs only to compare it with something): the
    // daemon's ValidateIPAM rejects it (moby@v27.3.1:api/types/network/ipam.go; internal/multierror: one error alone).
    expect((await sh(w, 'docker network create --subnet 10.1.0/24 x')).stderr).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet 10.1.0/24: invalid CIDR block notation\n',
    );
    expect((await sh(w, 'docker network create --subnet 10.1.0/24 --gateway 10.1.0.1 x')).stderr).toBe('invalid subnet: invalid CIDR address: 10.1.0/24\n');
    expect((await sh(w, 'docker network create --subnet 10.1.0.0/24 --ip-range 10.1.0.0/33 x')).stderr).toBe('invalid CIDR address: 10.1.0.0/33\n');
    // --aux-address: each must fall in a subnet (consolidateIpam), and the IPAM reserves it after the gateway
    // (moby@v27.3.1:libnetwork/network.go ipamAllocateVersion), so no container gets it.
    expect((await sh(w, 'docker network create --subnet 10.1.0.0/24 --aux-address a=10.9.0.1 x')).stderr).toBe('no matching subnet for aux-address 10.9.0.1\n');
    expect((await sh(w, 'docker network create --subnet 10.1.0.0/24 --gateway 10.1.0.1 --aux-address gw=10.1.0.1 x')).stderr).toBe(
      'Error response from daemon: failed to allocate secondary ip address (gw:10.1.0.1): Address already in use\n',
    );
    expect((await sh(w, 'docker network create --subnet 10.1.0.0/24 --aux-address b=10.1.0.3 --aux-address a=10.1.0.2 ax')).exitCode).toBe(0);
    expect((await sh(w, "docker network inspect -f '{{json (index .IPAM.Config 0)}}' ax")).out).toBe(
      '{"Subnet":"10.1.0.0/24","Gateway":"10.1.0.1","AuxiliaryAddresses":{"a":"10.1.0.2","b":"10.1.0.3"}}\n',
    );
    await sh(w, 'docker run -d --name c1 --network ax alpine sleep 100');
    expect((await sh(w, "docker inspect -f '{{.NetworkSettings.Networks.ax.IPAddress}}' c1")).out).toBe('10.1.0.4\n');
    expect((await sh(w, 'docker network create --subnet 10.1.0.0/16 --subnet 10.1.2.0/24 x')).stderr).toBe(
      'multiple overlapping subnet configuration is not supported\n',
    );
  });

  it('--ipv6 finds no IPv6 pool among the defaults; a bad MTU option is the bridge driver’s parse error', async () => {
    const w = await netWorld([]);
    // libnetwork/ipamapi/contract.go ErrNoMoreSubnets; ipamutils/utils.go has IPv4 pools only.
    expect((await sh(w, 'docker network create --ipv6 v6')).stderr).toBe(
      'Error response from daemon: all predefined address pools have been fully subnetted\n',
    );
    // drivers/bridge/bridge_linux.go parseErr.
    expect((await sh(w, 'docker network create -o com.docker.network.driver.mtu=big m')).stderr).toBe(
      'Error response from daemon: failed to parse com.docker.network.driver.mtu value: big (strconv.Atoi: parsing "big": invalid syntax)\n',
    );
  });
});

describe('docker run --ip / --network-alias, docker network connect --ip / --alias', () => {
  it('gives the container the address it asked for, shows IPAMConfig, Aliases and DNSNames, and answers the alias in DNS', async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker network create --subnet 10.5.0.0/24 s');
    await sh(w, 'docker run -d --name db --network s --ip 10.5.0.50 --network-alias database alpine sleep 1000');
    expect(
      (
        await sh(
          w,
          "docker inspect -f '{{json .NetworkSettings.Networks.s.IPAMConfig}} {{json .NetworkSettings.Networks.s.Aliases}} {{.NetworkSettings.Networks.s.IPAddress}}' db",
        )
      ).out,
    ).toBe('{"IPv4Address":"10.5.0.50"} ["database"] 10.5.0.50\n');
    const id = (await sh(w, 'docker inspect -f {{.Id}} db')).out.trim();
    expect((await sh(w, "docker inspect -f '{{json .NetworkSettings.Networks.s.DNSNames}}' db")).out).toBe(`["db","database","${id.slice(0, 12)}"]\n`);
    expect((await sh(w, 'docker run --rm --network s alpine ping -c 1 database')).out).toContain('64 bytes from 10.5.0.50');
    // The address is held: another container asking for it is created, then fails to start (ipamapi ErrIPAlreadyAllocated),
    // printed as the port clash is (a start error: no help hint).
    expect(await sh(w, 'docker run -d --network s --ip 10.5.0.50 alpine sleep 1')).toMatchObject({
      stderr: 'docker: Error response from daemon: Address already in use.\n',
      exitCode: 125,
    });
  });

  it('refuses an address on the default bridge, outside the subnet, or on a network without a configured subnet', async () => {
    const w = await netWorld(['alpine']);
    // runconfig/errors.go ErrUnsupportedNetworkAndIP; the CLI names the network "default" without --network.
    expect((await sh(w, 'docker run --ip 172.17.0.9 alpine true')).stderr).toBe(
      "docker: Error response from daemon: invalid config for network default: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only.\nSee 'docker run --help'.\n",
    );
    await sh(w, 'docker network create --subnet 10.6.0.0/24 s');
    expect((await sh(w, 'docker create --network s --ip 10.7.0.9 alpine')).stderr).toBe(
      'Error response from daemon: invalid config for network s: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.7.0.9\n',
    );
    await sh(w, 'docker network create auto');
    await sh(w, 'docker create --name box alpine sleep 100');
    expect((await sh(w, 'docker network connect --ip 172.19.0.9 auto box')).stderr).toBe(
      'Error response from daemon: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets\n',
    );
    expect((await sh(w, 'docker network connect --alias x bridge box')).stderr).toBe(
      'Error response from daemon: invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks\n',
    );
  });

  it('network connect --ip and --alias take effect when the container starts', async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker network create --subnet 10.4.0.0/24 s');
    await sh(w, 'docker create --name box alpine sleep 1000');
    expect((await sh(w, 'docker network connect --ip 10.4.0.77 --alias cache s box')).exitCode).toBe(0);
    await sh(w, 'docker start box');
    expect((await sh(w, "docker inspect -f '{{.NetworkSettings.Networks.s.IPAddress}} {{json .NetworkSettings.Networks.s.Aliases}}' box")).out).toBe(
      '10.4.0.77 ["cache"]\n',
    );
  });
});
