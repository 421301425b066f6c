import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// iproute2@v6.1.0:ip/ipneigh.c print_neigh ("lladdr %s ", state and a space; no "dev" when filtering on it),
// busybox@1_36_1:networking/libiproute/ipneigh.c print_neigh (no trailing space); linux@v6.8 net/ipv4/arp.c
// (the answering side learns the sender; a bridge losing its carrier flushes its entries).
describe('ip neigh: the ARP entries traffic creates (#10)', { timeout: 120_000 }, () => {
  it("the host learns a container it talks to; the container learns the gateway; REACHABLE then STALE; gone with docker0's carrier", async () => {
    const w = await world(['nginx', 'alpine']);
    expect((await w.exec('ip neigh')).stdout).toBe('10.0.0.1 dev ens3 lladdr 52:54:00:8a:2e:01 REACHABLE \n');
    await w.exec('docker run -d --name web nginx');
    await w.exec('ping -c 1 172.17.0.2');
    expect((await w.exec('ip neigh show dev docker0')).stdout).toBe('172.17.0.2 lladdr 02:42:ac:11:00:02 REACHABLE \n');
    // A second container reaching the outside: it resolves its gateway, and the host learns it when forwarding the reply.
    expect((await w.exec("docker run --rm alpine sh -c 'ping -c 1 1.1.1.1 >/dev/null; ip neigh'")).stdout).toBe(
      '172.17.0.1 dev eth0 lladdr 02:42:5e:8a:1c:3d REACHABLE\n',
    );
    expect((await w.exec('ip -4 neigh show dev docker0 2>&1; ip neigh show 172.17.0.3')).stdout).toContain(
      '172.17.0.3 dev docker0 lladdr 02:42:ac:11:00:03 REACHABLE \n',
    );
    await w.exec('sleep 31');
    expect((await w.exec('ip neigh show nud stale')).stdout).toBe(
      '172.17.0.2 dev docker0 lladdr 02:42:ac:11:00:02 STALE \n172.17.0.3 dev docker0 lladdr 02:42:ac:11:00:03 STALE \n',
    );
    await w.exec('docker stop web >/dev/null');
    expect((await w.exec('ip n')).stdout).toBe('10.0.0.1 dev ens3 lladdr 52:54:00:8a:2e:01 REACHABLE \n');
  });

  it('containers on one network learn each other; errors name the device or word', async () => {
    const w = await world(['alpine']);
    await w.exec('docker network create app >/dev/null; docker run -d --name db --network app alpine sleep 1000 >/dev/null');
    expect((await w.exec("docker run --rm --network app alpine sh -c 'ping -c 1 db >/dev/null; ip neigh'")).stdout).toBe(
      '172.18.0.2 dev eth0 lladdr 02:42:ac:12:00:02 REACHABLE\n',
    );
    expect((await w.exec('docker exec db ip neigh')).stdout).toBe('172.18.0.3 dev eth0 lladdr 02:42:ac:12:00:03 REACHABLE\n');
    expect(await w.exec('ip neigh show dev nope')).toMatchObject({ stderr: 'Cannot find device "nope"\n', exitCode: 255 });
    expect(await w.exec('ip neigh frob')).toMatchObject({ stderr: 'Command "frob" is unknown, try "ip neigh help".\n', exitCode: 255 });
    expect(await w.exec('ip neigh show nud bogus')).toMatchObject({ stderr: 'Error: argument "bogus" is wrong: nud state is bad\n', exitCode: 255 });
  });

  it('curl to a published port on localhost reaches the container through docker-proxy: node1 learns it', async () => {
    const w = await world(['nginx']);
    await w.exec('docker run -d -p 8080:80 nginx');
    await w.exec('curl -s localhost:8080 >/dev/null');
    expect((await w.exec('ip neigh show dev docker0')).stdout).toBe('172.17.0.2 lladdr 02:42:ac:11:00:02 REACHABLE \n');
  });
});
