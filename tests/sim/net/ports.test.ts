import { describe, expect, it } from 'vitest';
import { netWorld, sh } from './helpers.ts';

const ID64 = /^[0-9a-f]{64}$/;

describe('port publishing', () => {
  it('-p 8080:80: PORTS column, docker port, curl through the published port, snapshot and inspect agree', async () => {
    const w = await netWorld(['nginx:1.25']);
    await sh(w, 'docker run -d -p 8080:80 --name web nginx:1.25');
    expect((await sh(w, "docker ps --format '{{.Ports}}'")).out).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n');
    expect((await sh(w, 'docker port web')).out).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect((await sh(w, 'docker port web 80/tcp')).out).toBe('0.0.0.0:8080\n[::]:8080\n');
    expect(await sh(w, 'docker port web 81')).toMatchObject({ out: "Error: No public port '81/tcp' published for web\n", exitCode: 1 });
    expect((await sh(w, 'curl -s localhost:8080 | grep title')).out).toBe('<title>Welcome to nginx!</title>\n');
    expect((await sh(w, 'curl -s 172.17.0.2 | wc -c')).out).toBe('615\n');
    expect(await sh(w, 'curl localhost:8081')).toMatchObject({
      out: "curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect((await sh(w, 'docker logs web 2>/dev/null | grep GET')).out).toBe(
      '172.17.0.1 - - [16/Sep/2024:11:45:07 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n172.17.0.1 - - [16/Sep/2024:11:45:08 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n',
    );
    const c = w.snapshot().containers.find((x) => x.name === 'web')!;
    expect([c.ports, c.networkMode]).toEqual([['0.0.0.0:8080->80/tcp', '[::]:8080->80/tcp'], 'bridge']);
    const ins = c.inspect as {
      HostConfig: Record<string, unknown>;
      NetworkSettings: Record<string, unknown> & { Networks: Record<string, Record<string, unknown>> };
    };
    expect(ins.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    const ns = ins.NetworkSettings;
    expect([ns.IPAddress, ns.Gateway, ns.IPPrefixLen, ns.MacAddress]).toEqual(['172.17.0.2', '172.17.0.1', 16, '02:42:ac:11:00:02']);
    expect(ns.Ports).toEqual({
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8080' },
        { HostIp: '::', HostPort: '8080' },
      ],
    });
    const br = ns.Networks.bridge!;
    expect([br.IPAddress, br.MacAddress, br.Gateway, br.DNSNames]).toEqual(['172.17.0.2', '02:42:ac:11:00:02', '172.17.0.1', null]);
    expect(br.EndpointID).toBe(ns.EndpointID);
    expect(String(br.EndpointID)).toMatch(ID64);
    const bridgeId = (await sh(w, "docker network inspect -f '{{.Id}}' bridge")).out.trim();
    expect(br.NetworkID).toBe(bridgeId);
  });

  it('a second container on 8080 fails with the daemon error and stays Created', async () => {
    const w = await netWorld(['nginx:1.25']);
    await sh(w, 'docker run -d -p 8080:80 --name web nginx:1.25');
    const r = await sh(w, 'docker run -d -p 8080:80 --name web2 nginx:1.25');
    expect(r.exitCode).toBe(125);
    expect(r.out).toMatch(
      /^docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.\n$/,
    );
    expect((await sh(w, "docker ps -a --filter name=web2 --format '{{.Names}} {{.Status}} [{{.Ports}}]'")).out).toBe('web2 Created []\n');
    const web2 = w.snapshot().containers.find((x) => x.name === 'web2')!;
    expect([web2.state, web2.ports]).toEqual(['created', []]);
    const again = await sh(w, 'docker start web2');
    expect(again.exitCode).toBe(1);
    expect(again.out).toMatch(
      /^Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\nError: failed to start containers: web2\n$/,
    );
    // Once the first one stops, the port is free again.
    await sh(w, 'docker stop web');
    expect((await sh(w, 'docker start web2')).out).toBe('web2\n');
    expect((await sh(w, 'docker port web2')).out).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect((await sh(w, 'docker port web')).out).toBe('');
  });

  it('-p 80 and -P take ports from the ephemeral range in order; 127.0.0.1 bindings answer only on loopback', async () => {
    const w = await netWorld(['nginx:1.25']);
    await sh(w, 'docker run -d -p 80 --name p1 nginx:1.25');
    await sh(w, 'docker run -d -P --name p2 nginx:1.25');
    expect((await sh(w, 'docker port p1')).out).toBe('80/tcp -> 0.0.0.0:32768\n80/tcp -> [::]:32768\n');
    expect((await sh(w, 'docker port p2')).out).toBe('80/tcp -> 0.0.0.0:32769\n80/tcp -> [::]:32769\n');
    await sh(w, 'docker run -d -p 127.0.0.1:9090:80 --name p3 nginx:1.25');
    expect((await sh(w, "docker ps --filter name=p3 --format '{{.Ports}}'")).out).toBe('127.0.0.1:9090->80/tcp\n');
    expect((await sh(w, 'curl -s 127.0.0.1:9090 | wc -c')).out).toBe('615\n');
    expect((await sh(w, 'curl 10.0.0.11:9090')).exitCode).toBe(7);
    expect((await sh(w, 'curl -s 10.0.0.11:32768 | wc -c')).out).toBe('615\n');
    expect((await sh(w, "docker ps --filter expose=80/tcp --filter network=bridge --format '{{.Names}}'")).out).toBe('p3\np2\np1\n');
    // publish= is the host port (moby@v27.3.1:daemon/list.go includeContainerInList: PublicPort).
    expect((await sh(w, "docker ps --filter publish=32768 --filter publish=9090 --format '{{.Names}}'")).out).toBe('p3\np1\n');
    // Not a clash: 127.0.0.1:9090 is taken, but 9091 is not.
    expect((await sh(w, 'docker run -d -p 127.0.0.1:9091:80 --name p4 nginx:1.25')).exitCode).toBe(0);
    expect((await sh(w, 'docker run -d -p 9090:80 --name p5 nginx:1.25')).out).toMatch(/Bind for 0\.0\.0\.0:9090 failed: port is already allocated\.\n$/);
  });

  it('bad -p values and host mode are reported as the CLI does', async () => {
    const w = await netWorld(['nginx:1.25']);
    expect(await sh(w, 'docker run -d -p abc nginx:1.25')).toMatchObject({
      out: "docker: invalid containerPort: abc.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    expect(await sh(w, 'docker run -d -p 70000:80 nginx:1.25')).toMatchObject({
      out: "docker: invalid hostPort: 70000.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    const r = await sh(w, 'docker run -d -p 8080:80 --name hostnet --network host nginx:1.25');
    expect(r.out).toMatch(/^WARNING: Published ports are discarded when using host network mode\n[0-9a-f]{64}\n$/);
    expect((await sh(w, "docker ps --filter name=hostnet --format '[{{.Ports}}]'")).out).toBe('[]\n');
    const h = w.snapshot().containers.find((x) => x.name === 'hostnet')!;
    expect([h.networkMode, h.ports]).toEqual(['host', []]);
    // nginx on the host network answers on the host's port 80 directly.
    expect((await sh(w, 'curl -s localhost | wc -c')).out).toBe('615\n');
  });

  it("a non-root nc may bind port 80 in any network namespace Docker creates (none included), not in the host's; clustered options are read as getopt reads them", async () => {
    const w = await netWorld(['alpine']);
    await sh(w, 'docker run -d --name sealed --user 1000 --network none alpine nc -lp 80');
    await sh(w, 'docker run -d --name edge --user 1000 --network host alpine nc -l -p80');
    await sh(w, 'docker run -d --name edge2 --user 1000 --network host alpine nc -lp 8080');
    expect((await sh(w, 'docker exec sealed cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).out).toBe('0\n');
    expect((await sh(w, "docker ps -a --format '{{.Names}} {{.Status}}'")).out.replace(/ (Up|Exited \(\d+\)) .*$/gm, ' $1')).toBe(
      'edge2 Up\nedge Exited (1)\nsealed Up\n',
    );
    expect((await sh(w, 'docker logs edge')).stderr).toBe('nc: bind: Permission denied\n');
    const snap = w.snapshot();
    const listens = (name: string) => snap.processes.find((p) => p.pid === snap.containers.find((c) => c.name === name)!.pid)?.listens;
    expect([listens('sealed'), listens('edge2')]).toEqual([[80], [8080]]);
  });
});
