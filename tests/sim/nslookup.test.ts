import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

// busybox@1_36_1:networking/nslookup.c (send_queries, parse_reply), moby@v27.3.1:libnetwork/resolver.go (embedded DNS).
describe('nslookup (busybox 1.36)', () => {
  it("asks Docker's embedded DNS on a user-defined network: the container's address, an empty AAAA reply", async () => {
    const w = await world(['alpine', 'nginx']);
    await sh(w, 'docker network create app');
    await sh(w, 'docker run -d --name web --network app nginx');
    const ip = (await sh(w, "docker inspect -f '{{.NetworkSettings.Networks.app.IPAddress}}' web")).stdout.trim();
    expect(await sh(w, 'docker run --rm --network app alpine nslookup web')).toMatchObject({
      stdout: `Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: ${ip}\n\nNon-authoritative answer:\n\n`,
      exitCode: 0,
    });
    // ping resolves the same name to the same address.
    expect((await sh(w, 'docker run --rm --network app alpine ping -c1 web')).stdout).toContain(`PING web (${ip})`);
    expect(await sh(w, 'docker run --rm --network app alpine nslookup nope')).toMatchObject({
      stdout: "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nope: SERVFAIL\n\n** server can't find nope: SERVFAIL\n\n",
      exitCode: 1,
    });
    // node1's own nslookup is bind9's, asking systemd-resolved, which knows no container names (dig.test.ts).
    expect((await sh(w, 'nslookup web')).stdout).toBe("Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find web: SERVFAIL\n\n");
  });
  it('asks CoreDNS in a pod: a Service name is its ClusterIP, the search domains give NXDOMAIN', async () => {
    const w = await world([]);
    await sh(w, 'kubectl run dns --image=busybox:1.36 -- sleep 3600');
    await sh(w, 'sleep 10');
    expect((await sh(w, 'kubectl exec dns -- nslookup kubernetes.default.svc.cluster.local')).stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n',
    );
    const r = await sh(w, 'kubectl exec dns -- nslookup kubernetes');
    expect(r.stdout).toContain("** server can't find kubernetes.svc.cluster.local: NXDOMAIN\n\n");
    expect(r.stderr).toBe('command terminated with exit code 1\n');
  });
});
