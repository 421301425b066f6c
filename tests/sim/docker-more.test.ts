import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

describe('docker: restart policies, sysctls, env files, log drivers, curl', () => {
  it('restarts on failure with back-off, up to the retry count', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --restart on-failure:2 --name rf alpine sh -c "exit 1"');
    w.advance(5000);
    await sh(w, 'true');
    expect((await sh(w, "docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' rf")).out).toBe('2 exited 1\n');
    expect((await sh(w, "docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' rf")).out).toBe('on-failure\n');
  });

  it('does not restart a container the learner stopped', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --restart always --name ra alpine sleep 5');
    await sh(w, 'docker stop ra');
    w.advance(2000);
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.RestartCount}}' ra")).out).toBe('exited 0\n');
  });

  it('rejects --restart with --rm and unknown log drivers', async () => {
    const w = await world(['alpine']);
    expect(await sh(w, 'docker run --rm --restart always alpine true')).toMatchObject({
      stderr: "docker: Conflicting options: --restart and --rm.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    expect((await sh(w, 'docker run --log-driver nope alpine true')).exitCode).toBe(125);
    await sh(w, 'docker run --log-driver none --name nl alpine echo hi');
    expect((await sh(w, 'docker logs nl')).out).toBe('Error response from daemon: configured logging driver does not support reading\n');
  });

  it('applies --sysctl to the container network namespace and reads --env-file', async () => {
    const w = await world(['alpine']);
    expect(
      (await sh(w, 'docker run --rm --sysctl net.ipv4.ip_unprivileged_port_start=1024 alpine cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).out,
    ).toBe('1024\n');
    await sh(w, 'printf "A=1\\n# comment\\nB=two\\n" > /root/app.env');
    expect((await sh(w, 'docker run --rm --env-file /root/app.env alpine printenv A B')).out).toBe('1\ntwo\n');
    expect((await sh(w, 'docker run --rm --env-file /nope alpine true')).out).toBe(
      "docker: open /nope: no such file or directory.\nSee 'docker run --help'.\n",
    );
  });

  it('curl reaches a published port on the host and a container IP on the bridge', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web -p 8080:80 nginx');
    expect((await sh(w, 'curl -s localhost:8080 | grep title')).out).toBe('<title>Welcome to nginx!</title>\n');
    expect(await sh(w, 'curl localhost:8081')).toMatchObject({
      out: "curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect((await sh(w, 'curl -s 172.17.0.2:80 | wc -c')).out).toBe('615\n');
  });

  it('shows GraphDriver data in inspect', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name gd alpine sleep 100');
    expect((await sh(w, "docker inspect -f '{{.GraphDriver.Name}} {{.GraphDriver.Data.UpperDir}}' gd")).out).toMatch(
      /^overlay2 \/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff\n$/,
    );
  });
});

describe('docker ps filters and live stats', () => {
  it('matches --filter name= as a regular expression', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name web1 alpine sleep 100');
    await sh(w, 'docker run -d --name myweb alpine sleep 100');
    expect((await sh(w, "docker ps --filter 'name=^web' --format '{{.Names}}'")).out).toBe('web1\n');
    expect((await sh(w, "docker ps --filter name=web --format '{{.Names}}'")).out).toBe('myweb\nweb1\n');
  });

  it('--filter ancestor= with no container at all lists nothing (no crash), and combines with status=', async () => {
    const w = await world(['alpine']);
    expect(await sh(w, 'docker ps -aq --filter ancestor=debian')).toMatchObject({ out: '', exitCode: 0 });
    await sh(w, 'docker run --name a1 alpine true');
    await sh(w, 'docker run -d --name a2 alpine sleep 100');
    expect((await sh(w, "docker ps -a --filter status=exited --filter ancestor=alpine --format '{{.Names}}'")).out).toBe('a1\n');
  });

  it('docker stats redraws every second until interrupted', async () => {
    const w = await world(['alpine']);
    await sh(w, "docker run -d --name hog --cpus=0.5 alpine sh -c 'while :; do :; done'");
    const frames: string[] = [];
    const r = await w.exec('docker stats hog', { onOutput: (c) => frames.push(c.text) });
    expect(r.exitCode).toBe(130);
    expect(frames.length).toBeGreaterThan(50);
    expect(frames.every((f) => f.startsWith('\x1b[2J\x1b[H'))).toBe(true);
    expect(frames[frames.length - 1]).toMatch(/hog       50\.00%/);
  });
});

describe('nginx start-up against the container it runs in', () => {
  it('fails on a read-only root unless its cache dir is a tmpfs', async () => {
    const w = await world(['nginx']);
    expect((await sh(w, 'docker run --read-only --name ro nginx; echo $?')).stdout.split('\n').slice(-2)).toEqual(['1', '']);
    expect((await sh(w, 'docker logs ro 2>&1 | tail -2')).out).toMatch(
      /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[emerg\] 1#1: mkdir\(\) "\/var\/cache\/nginx\/client_temp" failed \(30: Read-only file system\)\nnginx: \[emerg\] mkdir\(\) "\/var\/cache\/nginx\/client_temp" failed \(30: Read-only file system\)\n$/,
    );
    await sh(w, 'docker run -d --read-only --tmpfs /var/cache/nginx --name ro2 nginx');
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' ro2")).out).toBe('running\n');
  });

  it('cannot bind :80 without NET_BIND_SERVICE once the sysctl is back at 1024', async () => {
    const w = await world(['nginx']);
    expect((await sh(w, 'docker run --rm --sysctl net.ipv4.ip_unprivileged_port_start=1024 --cap-drop NET_BIND_SERVICE nginx 2>&1 | tail -1')).out).toBe(
      'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)\n',
    );
  });

  it('starts its workers after the entrypoint scripts (inner PIDs 29…)', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    expect((await sh(w, 'docker logs web 2>&1 | grep -c "start worker process [0-9]"')).out).toBe('4\n');
    const workers = w
      .snapshot()
      .processes.filter((p) => p.argv[0] === 'nginx: worker process')
      .map((p) => p.nspid[1]);
    expect(workers).toEqual([29, 30, 31, 32]);
  });
});
