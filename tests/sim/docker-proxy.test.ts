/**
 * docker-proxy (moby@v27.3.1 libnetwork/portmapper/proxy_linux.go, drivers/bridge/port_mapping_linux.go): one per
 * published host address, 0.0.0.0 and :: for an unspecified one, under dockerd, started before the container's
 * task, listening on fd 4, gone when the container stops.
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

describe('docker-proxy', () => {
  it('-p 8080:80: two proxies under dockerd towards the container\'s IPv4 address, the listeners in ss, gone on stop', async () => {
    // Nothing run before: the proxies take the PIDs after the login shell, then the first shim jumps to 23795.
    const w = await world([]);
    await sh(w, 'docker run -d --name web -p 8080:80 nginx');
    expect((await sh(w, 'ps -o pid,ppid,cmd -p 2046,2051')).stdout).toBe(`    PID    PPID CMD
   2046     812 /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80
   2051     812 /usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 -container-port 80
`);
    // The container's task starts after its proxies: the shim and nginx keep their PIDs.
    expect((await sh(w, 'ps -o pid,ppid,cmd -p 23817')).stdout).toBe('    PID    PPID CMD\n  23817   23795 nginx: master process nginx -g daemon off;\n');
    expect((await sh(w, 'ss -tlnp | grep 8080')).stdout).toBe(`LISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*    users:(("docker-proxy",pid=2046,fd=4))   
LISTEN 0      4096            [::]:8080         [::]:*    users:(("docker-proxy",pid=2051,fd=4))   
`);
    expect((await sh(w, 'cat /proc/2046/cgroup')).stdout).toBe('0::/system.slice/docker.service\n');
    expect((await sh(w, 'systemctl status docker | grep docker-proxy')).stdout).toBe(`             ├─2046 /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80
             └─2051 /usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 -container-port 80
`);
    await sh(w, 'docker stop web');
    expect((await sh(w, 'pgrep docker-proxy')).exitCode).toBe(1);
    expect((await sh(w, 'ss -tlnp | grep 8080')).exitCode).toBe(1);
  });

  it('an explicit address, a UDP port and a second container: one proxy each, the second container after its proxies', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name one -p 127.0.0.1:8081:80 -p 5353:53/udp nginx');
    await sh(w, 'docker run -d --name two -p 8082:80 nginx');
    expect((await sh(w, 'pgrep -a docker-proxy | cut -d" " -f2-')).stdout).toBe(`/usr/bin/docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port 8081 -container-ip 172.17.0.2 -container-port 80
/usr/bin/docker-proxy -proto udp -host-ip 0.0.0.0 -host-port 5353 -container-ip 172.17.0.2 -container-port 53
/usr/bin/docker-proxy -proto udp -host-ip :: -host-port 5353 -container-ip 172.17.0.2 -container-port 53
/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8082 -container-ip 172.17.0.3 -container-port 80
/usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8082 -container-ip 172.17.0.3 -container-port 80
`);
    const pids = (await sh(w, 'pgrep docker-proxy')).stdout.trim().split('\n').map(Number);
    const b = Number((await sh(w, "docker inspect -f '{{.State.Pid}}' two")).stdout);
    expect(pids[3]! < b && pids[4]! < b).toBe(true);
  });
});
