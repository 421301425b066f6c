/**
 * dockerd's userland proxy (src/sim/docker/proxy.ts). The argv is moby@v27.3.1:libnetwork/portmapper/proxy_linux.go
 * newProxyCommand:
 *   Args: []string{proxyPath, "-proto", proto, "-host-ip", hostIP.String(), "-host-port", strconv.Itoa(hostPort),
 *                  "-container-ip", containerIP.String(), "-container-port", strconv.Itoa(containerPort)}
 * and the `::` proxy of a binding with no host address comes from libnetwork/drivers/bridge/port_mapping_linux.go
 * addPortMappings ("If the container has no IPv6 address, allow proxying host IPv6 traffic to it by setting up the
 * binding with the IPv4 interface if the userland proxy is enabled"). The listening socket is fd 4: fd 3 is the
 * pipe cmd/docker-proxy/main.go reads with os.NewFile(3, "signal-parent").
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

const V4 = '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80';
const V6 = '/usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 -container-port 80';

describe('docker-proxy', { timeout: 60_000 }, () => {
  it('-p 8080:80 on a fresh host: two proxies, children of dockerd, started before the shim', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1');
    // ww: whole command lines, which the terminal's 80 columns would cut (procps-ng@v4.0.4:src/ps/parser.c w_count).
    const ps = await sh(w, 'ps ww -o pid,ppid,nlwp,stat,cmd -C docker-proxy,containerd-shim');
    expect(ps.stdout.split('\n').slice(0, 3)).toEqual(['    PID    PPID NLWP STAT CMD', `  23795     812    5 Sl   ${V4}`, `  23800     812    5 Sl   ${V6}`]);
    expect(ps.stdout).toContain('  23805       1   10 Ssl  /usr/bin/containerd-shim-runc-v2 -namespace moby -id 2cecb6b0fd74');
    expect((await sh(w, "docker inspect -f '{{.State.Pid}}' web")).stdout).toBe('23827\n');
    expect((await sh(w, 'cat /proc/23795/cgroup')).stdout).toBe('0::/system.slice/docker.service\n');
  });

  it('sudo ss -ltnp: each published address is its proxy socket, fd 4', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1');
    const out = (await sh(w, 'sudo ss -ltnpH | grep 8080')).stdout;
    expect(out.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^LISTEN\s+0\s+4096\s+0\.0\.0\.0:8080\s+0\.0\.0\.0:\* users:\(\("docker-proxy",pid=23795,fd=4\)\)\s*$/),
      expect.stringMatching(/^LISTEN\s+0\s+4096\s+\[::\]:8080\s+\[::\]:\* users:\(\("docker-proxy",pid=23800,fd=4\)\)\s*$/),
    ]);
  });

  it('docker stop, rm -f and kill end the proxies; start and restart bring new ones', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web -p 8080:80 nginx');
    const count = async () => Number((await sh(w, 'pgrep -c docker-proxy')).stdout);
    expect(await count()).toBe(2);
    await sh(w, 'docker stop web');
    expect(await count()).toBe(0);
    expect((await sh(w, 'ss -ltn')).stdout).not.toContain(':8080');
    await sh(w, 'docker start web');
    expect(await count()).toBe(2);
    await sh(w, 'docker kill web');
    expect(await count()).toBe(0);
    await sh(w, 'docker restart web');
    expect(await count()).toBe(2);
    await sh(w, 'docker rm -f web');
    expect(await count()).toBe(0);
    // No zombie left behind: dockerd reaps what it started.
    expect((await sh(w, 'ps -eo stat,comm')).stdout).not.toMatch(/Z\s+docker-proxy/);
  });

  it('the container exiting on its own ends its proxies too', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name brief -p 9000:9000 alpine sleep 2');
    expect((await sh(w, 'pgrep -c docker-proxy')).stdout).toBe('2\n');
    await sh(w, 'sleep 3');
    expect((await sh(w, 'docker ps -a --format "{{.Status}}"')).stdout).toMatch(/^Exited \(0\)/);
    expect((await sh(w, 'pgrep -c docker-proxy')).stdout).toBe('0\n');
  });

  it('a proxy killed by hand is reaped and its address stops listening; the container and docker port stay', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1');
    await sh(w, 'sudo kill 23800');
    expect((await sh(w, 'ps -p 23800 -o pid=')).exitCode).toBe(1);
    const ss = (await sh(w, 'sudo ss -ltnpH')).stdout;
    expect(ss).toContain('pid=23795,fd=4');
    expect(ss).not.toContain('[::]:8080');
    expect((await sh(w, 'docker port web')).stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
  });

  it('an explicit host address gets one proxy; udp and several ports follow cmpPortBinding order', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name lo -p 127.0.0.1:8080:80 -p 53:53/udp -p 8443:443 nginx');
    const cmds = (await sh(w, 'ps ww -C docker-proxy -o args')).stdout.split('\n').slice(1).join('\n').split('\n').filter(Boolean);
    expect(cmds).toEqual([
      '/usr/bin/docker-proxy -proto udp -host-ip 0.0.0.0 -host-port 53 -container-ip 172.17.0.2 -container-port 53',
      '/usr/bin/docker-proxy -proto udp -host-ip :: -host-port 53 -container-ip 172.17.0.2 -container-port 53',
      '/usr/bin/docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port 8080 -container-ip 172.17.0.2 -container-port 80',
      '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8443 -container-ip 172.17.0.2 -container-port 443',
      '/usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8443 -container-ip 172.17.0.2 -container-port 443',
    ]);
    expect((await sh(w, 'sudo ss -lunpH')).stdout).toMatch(/UNCONN\s+0\s+0\s+0\.0\.0\.0:53\s+0\.0\.0\.0:\*\s+users:\(\("docker-proxy",pid=\d+,fd=4\)\)/);
  });

  it('no proxy without a published port, nor for --network host or none', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name plain nginx');
    await sh(w, 'docker run -d --name hostnet --network host nginx');
    await sh(w, 'docker run -d --name sealed --network none nginx');
    expect((await sh(w, 'pgrep -c docker-proxy')).stdout).toBe('0\n');
  });
});
