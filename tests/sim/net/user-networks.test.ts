import { describe, expect, it } from 'vitest';
import { netWorld, sh } from './helpers.ts';

const row = /^([0-9a-f]{12})   (\S+)\s+(\S+)\s+local$/;

describe('docker network: ls, create, inspect, rm, prune, connect, disconnect', () => {
  it('lists the three built-in networks by name with 12-hex ids that match inspect', async () => {
    const w = await netWorld([]);
    const out = (await sh(w, 'docker network ls')).out.split('\n');
    expect(out[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(out.slice(1, 4).map((l) => row.exec(l)?.slice(2, 4))).toEqual([
      ['bridge', 'bridge'],
      ['host', 'host'],
      ['none', 'null'],
    ]);
    const id = row.exec(out[1] as string)?.[1];
    expect((await sh(w, "docker network inspect -f '{{.Id}}' bridge")).out.slice(0, 12)).toBe(id);
    expect((await sh(w, `docker network inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{json .IPAM.Config}}' ${id}`)).out).toBe(
      'bridge bridge local [{"Subnet":"172.17.0.0/16","Gateway":"172.17.0.1"}]\n',
    );
    // Same seed, same ids.
    const again = (await sh(await netWorld([]), 'docker network ls')).out;
    expect(again).toBe(out.join('\n'));
  });

  it('a user-defined bridge gets 172.18.0.0/16, a br-<id> bridge, DNS by container name and isolation from docker0', async () => {
    const w = await netWorld(['alpine', 'nginx:1.25']);
    const id = (await sh(w, 'docker network create mynet')).out.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect((await sh(w, "docker network inspect -f '{{json .IPAM}}' mynet")).out).toBe(
      '{"Driver":"default","Options":{},"Config":[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]}\n',
    );
    expect((await sh(w, `ip -4 addr show br-${id.slice(0, 12)}`)).out).toBe(
      `6: br-${id.slice(0, 12)}: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default \n    inet 172.18.0.1/16 brd 172.18.255.255 scope global br-${id.slice(0, 12)}\n       valid_lft forever preferred_lft forever\n`,
    );
    await sh(w, 'docker run -d --name api --network mynet nginx:1.25');
    expect((await sh(w, 'docker run --rm --network mynet alpine ping -c 1 api')).out).toBe(
      'PING api (172.18.0.2): 56 data bytes\n64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.070 ms\n\n--- api ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.070/0.070/0.070 ms\n',
    );
    expect(await sh(w, 'docker run --rm alpine ping -c 1 api')).toMatchObject({ out: "ping: bad address 'api'\n", exitCode: 1 });
    expect((await sh(w, 'docker run --rm alpine ping -c 1 172.18.0.2')).out).toBe(
      'PING 172.18.0.2 (172.18.0.2): 56 data bytes\n\n--- 172.18.0.2 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n',
    );
    expect((await sh(w, 'curl -s 172.18.0.2 | grep title')).out).toBe('<title>Welcome to nginx!</title>\n');
    expect(await sh(w, 'curl api')).toMatchObject({ out: 'curl: (6) Could not resolve host: api\n', exitCode: 6 });
    const api = w.snapshot().containers.find((c) => c.name === 'api')!;
    const nets = api.inspect.NetworkSettings as { IPAddress: string; Networks: Record<string, { IPAddress: string; MacAddress: string; DNSNames: string[] }> };
    expect(nets.IPAddress).toBe('');
    expect(nets.Networks.mynet).toMatchObject({ IPAddress: '172.18.0.2', MacAddress: '02:42:ac:12:00:02', DNSNames: ['api', api.id.slice(0, 12)] });
    expect(api.networkMode).toBe('mynet');
    const doc = JSON.parse((await sh(w, 'docker network inspect mynet')).out)[0];
    expect(doc.Containers[api.id]).toMatchObject({ Name: 'api', MacAddress: '02:42:ac:12:00:02', IPv4Address: '172.18.0.2/16', IPv6Address: '' });
    expect(doc.Containers[api.id].EndpointID).toMatch(/^[0-9a-f]{64}$/);
    const rm = await sh(w, 'docker network rm mynet');
    expect(rm.exitCode).toBe(1);
    expect(rm.out).toBe(
      `Error response from daemon: error while removing network: network mynet has active endpoints (name:"api" id:"${doc.Containers[api.id].EndpointID.slice(0, 12)}")\n`,
    );
    await sh(w, 'docker rm -f api');
    expect((await sh(w, 'docker network rm mynet')).out).toBe('mynet\n');
    expect((await sh(w, 'ip link show master docker0')).out).toBe('');
  });

  it('busybox wget fetches the page by container name; /etc/hosts carries the container address', async () => {
    const w = await netWorld(['alpine', 'nginx:1.25']);
    await sh(w, 'docker network create web-net >/dev/null');
    await sh(w, 'docker run -d --name web --network web-net nginx:1.25');
    expect((await sh(w, 'docker run --rm --network web-net alpine wget -qO- web | grep title')).out).toBe('<title>Welcome to nginx!</title>\n');
    expect((await sh(w, 'docker run --rm --network web-net alpine wget -O- web:80 >/dev/null')).out).toBe(
      'Connecting to web:80 (172.18.0.2:80)\nwriting to stdout\nwritten to stdout\n',
    );
    expect(await sh(w, 'docker run --rm --network web-net alpine wget -qO- web:81')).toMatchObject({
      out: "wget: can't connect to remote host (172.18.0.2): Connection refused\n",
      exitCode: 1,
    });
    expect(await sh(w, 'docker run --rm alpine wget -qO- web')).toMatchObject({ out: "wget: bad address 'web'\n", exitCode: 1 });
    expect((await sh(w, 'docker logs web 2>/dev/null | grep GET | head -1')).out).toBe(
      '172.18.0.3 - - [16/Sep/2024:11:45:05 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"\n',
    );
    const id = w.snapshot().containers.find((c) => c.name === 'web')!.id;
    expect((await sh(w, 'docker exec web cat /etc/hosts')).out).toBe(
      `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.18.0.2\t${id.slice(0, 12)}\n`,
    );
  });

  it('resolv.conf: the embedded DNS server on a user-defined network, the host servers on the default bridge', async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker network create n >/dev/null');
    const head = '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\n';
    expect((await sh(w, 'docker run --rm --network n alpine cat /etc/resolv.conf')).out).toBe(
      `${head}nameserver 127.0.0.11\nsearch .\noptions ndots:0\n\n# Based on host file: '/run/systemd/resolve/resolv.conf' (internal resolver)\n# ExtServers: [10.0.0.1]\n# Overrides: []\n# Option ndots from: internal\n`,
    );
    expect((await sh(w, 'docker run --rm alpine cat /etc/resolv.conf')).out).toBe(
      `${head}nameserver 10.0.0.1\nsearch .\n\n# Based on host file: '/run/systemd/resolve/resolv.conf' (legacy)\n# Overrides: []\n`,
    );
  });

  it('connect adds eth1 to a running container, disconnect takes it away', async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker network create backend >/dev/null');
    await sh(w, 'docker run -d --name box alpine sleep 3600');
    expect((await sh(w, 'docker network connect backend box')).out).toBe('');
    expect((await sh(w, 'docker exec box ip route')).out).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n172.18.0.0/16 dev eth1 scope link  src 172.18.0.2 \n',
    );
    expect(await sh(w, 'docker network connect backend box')).toMatchObject({
      out: 'Error response from daemon: endpoint with name box already exists in network backend\n',
      exitCode: 1,
    });
    await sh(w, 'docker network disconnect backend box');
    expect((await sh(w, 'docker exec box ip -4 addr | grep inet')).out).toBe(
      '    inet 127.0.0.1/8 scope host lo\n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n',
    );
    expect(await sh(w, 'docker network disconnect backend box')).toMatchObject({ exitCode: 1 });
  });

  it('reports errors as the daemon words them', async () => {
    const w = await netWorld(['alpine']);
    expect(await sh(w, 'docker network rm bridge')).toMatchObject({
      out: 'Error response from daemon: bridge is a pre-defined network and cannot be removed\n',
      exitCode: 1,
    });
    expect(await sh(w, 'docker network rm nope')).toMatchObject({ out: 'Error response from daemon: network nope not found\n', exitCode: 1 });
    expect(await sh(w, 'docker network create bridge')).toMatchObject({
      out: 'Error response from daemon: network with name bridge already exists\n',
      exitCode: 1,
    });
    expect((await sh(w, 'docker network create --subnet 10.10.0.0/24 lab')).exitCode).toBe(0);
    expect(await sh(w, 'docker network create --subnet 10.10.0.0/16 lab2')).toMatchObject({
      out: 'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
      exitCode: 1,
    });
    expect(await sh(w, 'docker run -d --network nope alpine sleep 1')).toMatchObject({
      out: "docker: Error response from daemon: network nope not found.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    expect(await sh(w, 'docker run -d --network container:nope alpine sleep 1')).toMatchObject({
      out: "docker: Error response from daemon: No such container: nope.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    expect(await sh(w, 'docker network create')).toMatchObject({ exitCode: 1 });
    expect(await sh(w, 'docker network ls --frob')).toMatchObject({ out: "unknown flag: --frob\nSee 'docker network ls --help'.\n", exitCode: 125 });
    await sh(w, 'docker run -d --name tl --network lab alpine sleep 3600');
    expect((await sh(w, 'docker exec tl ip -4 addr show eth0 | grep inet')).out).toBe('    inet 10.10.0.2/24 brd 10.10.0.255 scope global eth0\n');
    await sh(w, 'docker network create gone >/dev/null; docker create --name late --network gone alpine sleep 9 >/dev/null; docker network rm gone >/dev/null');
    expect(await sh(w, 'docker start late')).toMatchObject({
      out: 'Error response from daemon: network gone not found\nError: failed to start containers: late\n',
      exitCode: 1,
    });
    await sh(w, 'docker network create unused >/dev/null');
    expect((await sh(w, 'docker network prune -f')).out).toBe('Deleted Networks:\nunused\n\n');
    expect((await sh(w, "docker network ls --format '{{.Name}}'")).out).toBe('bridge\nhost\nlab\nnone\n');
  });
});
