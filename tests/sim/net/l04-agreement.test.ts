import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../transcripts/replay.ts';

/** Values the fixture makes random on purpose (ids, veth names, MACs) must agree across the commands of L04. */
const steps = parseTranscript(readFileSync(join(import.meta.dirname, '../../transcripts/L04.transcript.txt'), 'utf8'));
/** The output of the last step with this command line, without its final newline. */
const out = (line: string) => {
  const s = steps.filter((x) => x.line === line).pop();
  if (!s) throw new Error(`L04 has no step ${line}`);
  return s.output.replace(/\n$/, '');
};

describe('L04 transcript: random values agree across commands', () => {
  it('the veth pair: container eth0@ifM is index N, the host veth@ifN is index M', () => {
    const inner = /^(\d+): eth0@if(\d+):/.exec(out('docker exec box ip link show eth0'))!;
    const host = /^(\d+): (veth[0-9a-f]{7})@if(\d+):/.exec(out('ip link show master docker0'))!;
    expect([host[1], host[3]]).toEqual([inner[2], inner[1]]);
    // The host-network container sees the same host end.
    expect(out('docker run --rm --network host alpine ip addr')).toContain(`${host[1]}: ${host[2]}@if${inner[1]}:`);
  });

  it('the first bridge container is 6: eth0@if7 with the MAC derived from 172.17.0.2', () => {
    expect(out('docker run --rm alpine ip addr')).toContain('6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500');
    expect(out('docker run --rm alpine ip addr')).toContain(
      '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff\n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0',
    );
  });

  it('container, network and endpoint ids', () => {
    const web = out('docker run -d -p 8080:80 --name web nginx:1.25').trim().split('\n').pop()!;
    expect(out('docker ps')).toContain(`${web.slice(0, 12)}   nginx:1.25`);
    const net = out('docker network create mynet').trim();
    expect(out('docker network ls')).toContain(`${net.slice(0, 12)}   mynet     bridge    local`);
    const doc = JSON.parse(out('docker network inspect mynet'))[0];
    expect(doc.Id).toBe(net);
    const api = out('docker run -d --name api --network mynet nginx:1.25').trim();
    const ep = doc.Containers[api];
    expect(ep).toMatchObject({ Name: 'api', IPv4Address: '172.18.0.2/16', MacAddress: '02:42:ac:12:00:02' });
    expect(out('docker network rm mynet')).toBe(
      `Error response from daemon: error while removing network: network mynet has active endpoints (name:"api" id:"${ep.EndpointID.slice(0, 12)}")`,
    );
    expect(out('docker run --rm --network mynet alpine ping -c 1 api')).toContain('PING api (172.18.0.2)');
  });

  it('inspect, the published port and curl tell the same story', () => {
    const [ip, mac, mode] = out("docker inspect -f '{{.NetworkSettings.IPAddress}} {{.NetworkSettings.MacAddress}} {{.HostConfig.NetworkMode}}' web")
      .trim()
      .split(' ');
    expect(mac).toBe(
      `02:42:${ip!
        .split('.')
        .map((b) => Number(b).toString(16).padStart(2, '0'))
        .join(':')}`,
    );
    expect(mode).toBe('bridge');
    expect(out(`curl -s ${ip} | grep title`)).toBe('<title>Welcome to nginx!</title>');
    expect(out('docker port web')).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080');
  });
});
