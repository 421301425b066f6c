/**
 * node1's files a learner cats (issue #10, session 16): the shell start-up files of Ubuntu 24.04's bash and base-files,
 * the cloud image's fstab, the containerd config of a kubeadm node, /proc's cmdline, filesystems, limits and mountinfo,
 * the root cgroup's files, and /var/lib/docker's modes.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { procLimits, procMountinfo } from '../../src/sim/fs/procfiles.ts';
import { sh } from './helpers.ts';

describe('node1 host files (#10)', { timeout: 60_000 }, () => {
  it("Ubuntu noble's start-up files have the sizes the packages ship (bash 5.2.21-2ubuntu4 skel, base-files 13ubuntu10 profile)", async () => {
    const w = createWorld();
    const r = await sh(w, 'wc -c /etc/skel/.bashrc /etc/skel/.profile /etc/skel/.bash_logout /etc/bash.bashrc /etc/profile /root/.profile');
    expect(r.stdout).toBe(
      '3771 /etc/skel/.bashrc\n 807 /etc/skel/.profile\n 220 /etc/skel/.bash_logout\n2319 /etc/bash.bashrc\n 582 /etc/profile\n 161 /root/.profile\n7860 total\n',
    );
    expect((await sh(w, 'wc -c < /root/.bashrc')).stdout).toBe('3106\n');
    expect((await sh(w, 'docker run --rm alpine ls -l /.dockerenv')).stdout).toMatch(/^-rwxr-xr-x +1 root +root +0 /);
    // cloud-init's useradd -m: /home/ubuntu is the user's, 0750 (Ubuntu's login.defs HOME_MODE), with skel's files.
    expect((await sh(w, "stat -c '%a %U:%G %n' /home/ubuntu /home/ubuntu/.bashrc")).stdout).toBe(
      '750 ubuntu:ubuntu /home/ubuntu\n644 ubuntu:ubuntu /home/ubuntu/.bashrc\n',
    );
    expect((await sh(w, 'cmp /etc/skel/.bashrc /home/ubuntu/.bashrc && echo same')).stdout).toBe('same\n');
  });

  it('containerd keeps the CRI plugin (kubeadm node) and docker-ce leaves /etc/docker empty (docker-ce-packaging deb/common/docker-ce.dirs)', async () => {
    const w = createWorld();
    const toml = (await sh(w, 'cat /etc/containerd/config.toml')).stdout;
    expect(toml).toContain('disabled_plugins = []\n');
    expect(toml).not.toContain('disabled_plugins = ["cri"]');
    expect(toml).toContain('    SystemdCgroup = true\n');
    expect((await sh(w, 'ls -A /etc/docker; cat /etc/docker/daemon.json')).stderr).toBe('cat: /etc/docker/daemon.json: No such file or directory\n');
  });

  it('/proc/PID/limits is laid out as linux@v6.8:fs/proc/base.c proc_pid_limits prints it', () => {
    const text = procLimits({ rlimits: { nofile: [4096, 8192] } } as never);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`${'Limit'.padEnd(25)} ${'Soft Limit'.padEnd(20)} ${'Hard Limit'.padEnd(20)} ${'Units'.padEnd(10)}`);
    expect(lines[8]).toBe(`${'Max open files'.padEnd(25)} ${'4096'.padEnd(20)} ${'8192'.padEnd(20)} ${'files'.padEnd(10)}`);
    expect(lines[14]).toBe(`${'Max nice priority'.padEnd(25)} ${'0'.padEnd(20)} ${'0'.padEnd(20)} `);
    expect(lines).toHaveLength(18);
  });

  it('/proc/PID/mountinfo splits per-mount and superblock options (linux@v6.8:fs/proc_namespace.c show_mountinfo)', () => {
    const text = procMountinfo([{ src: '/dev/sda1', target: '/', type: 'ext4', opts: 'rw,relatime,discard,errors=remount-ro' }], false);
    expect(text).toBe('22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,discard,errors=remount-ro\n');
  });

  it('the root cgroup has no CFTYPE_NOT_ON_ROOT files (linux@v6.8:mm/memcontrol.c memory_files), a container its own', async () => {
    const w = createWorld();
    const r = await sh(w, 'cat /sys/fs/cgroup/memory.max');
    expect([r.stderr, r.exitCode]).toEqual(['cat: /sys/fs/cgroup/memory.max: No such file or directory\n', 1]);
    expect((await sh(w, 'cat /sys/fs/cgroup/cgroup.subtree_control')).stdout).toBe('cpuset cpu io memory hugetlb pids rdma misc\n');
    await sh(w, 'docker run -d --name web -m 64m nginx');
    expect((await sh(w, 'docker exec web cat /sys/fs/cgroup/memory.max')).stdout).toBe('67108864\n');
  });

  it('/var/lib/docker is 0710 root:root (moby@v27.3.1:daemon/daemon_unix.go setupDaemonRoot): ubuntu can neither list nor enter it', async () => {
    const w = createWorld();
    expect((await sh(w, "stat -c '%a %U:%G' /var/lib/docker /var/lib/docker/containers /var/lib/docker/volumes")).stdout).toBe(
      '710 root:root\n710 root:root\n701 root:root\n',
    );
    await sh(w, 'su - ubuntu');
    const ls = await sh(w, 'ls /var/lib/docker');
    expect([ls.stderr, ls.exitCode]).toEqual(["ls: cannot open directory '/var/lib/docker': Permission denied\n", 2]);
    expect((await sh(w, 'cat /var/lib/docker/engine-id')).stderr).toBe('cat: /var/lib/docker/engine-id: Permission denied\n');
  });

  it('the API sockets are sockets: srw-rw---- root:docker (moby@v27.3.1:contrib/init/systemd/docker.socket SocketMode=0660)', async () => {
    const w = createWorld();
    expect((await sh(w, "stat -c '%F %A %U:%G' /run/docker.sock /run/containerd/containerd.sock")).stdout).toBe(
      'socket srw-rw---- root:docker\nsocket srw-rw---- root:root\n',
    );
    expect((await sh(w, 'file /run/docker.sock')).stdout).toBe('/run/docker.sock: socket\n');
  });

  it('a container start logs its veth joining docker0 (linux v6.8 net/bridge/br_stp.c br_log_state), the lowest free port', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web1 nginx');
    await sh(w, 'docker run -d --name web2 nginx');
    const lines = (await sh(w, 'dmesg')).stdout.split('\n').map((l) => l.replace(/^\[\s*[\d.]+\] /, ''));
    const veth = /port 1\((veth[0-9a-f]{7})\)/.exec(lines[0] ?? '')?.[1] as string;
    expect(lines.slice(0, 7)).toEqual([
      `docker0: port 1(${veth}) entered blocking state`,
      `docker0: port 1(${veth}) entered disabled state`,
      `${veth}: entered allmulticast mode`,
      `${veth}: entered promiscuous mode`,
      expect.stringMatching(/^eth0: renamed from veth[0-9a-f]{7}$/),
      `docker0: port 1(${veth}) entered blocking state`,
      `docker0: port 1(${veth}) entered forwarding state`,
    ]);
    expect(lines[7]).toMatch(/^docker0: port 2\(veth[0-9a-f]{7}\) entered blocking state$/);
    await sh(w, 'docker rm -f web1');
    await sh(w, 'docker run -d --name web3 nginx');
    expect((await sh(w, 'dmesg | tail -1')).stdout).toMatch(/ docker0: port 1\(veth[0-9a-f]{7}\) entered forwarding state\n$/);
  });

  it('/var/lib/docker holds the layers, image configs and container files dockerd has (moby@v27.3.1:daemon/graphdriver/overlay2/overlay.go, image/fs.go)', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web nginx');
    const upper = (await sh(w, "docker inspect -f '{{.GraphDriver.Data.UpperDir}}' web")).stdout.trim();
    const layer = upper.replace(/\/diff$/, '');
    expect((await sh(w, `sudo ls ${layer}`)).stdout).toBe('diff  link  lower  merged  work\n');
    // The container's lower file is its mount's lowerdir, relative to overlay2/ (getLower).
    const mountLower = /lowerdir=([^,]+)/.exec((await sh(w, 'docker exec web cat /proc/mounts')).stdout)?.[1] as string;
    expect((await sh(w, `sudo cat ${layer}/lower`)).stdout).toBe(mountLower.replaceAll('/var/lib/docker/overlay2/', ''));
    // Each short link leads to its layer's diff.
    const first = (mountLower.split(':')[1] as string).split('/').pop() as string;
    expect((await sh(w, `sudo readlink /var/lib/docker/overlay2/l/${first}`)).stdout).toMatch(/^\.\.\/[0-9a-f]{64}\/diff\n$/);
    // imagedb's content is the config whose digest is the image id.
    const id = (await sh(w, 'docker images --no-trunc -q nginx')).stdout.trim().slice(7);
    expect((await sh(w, `sudo sha256sum /var/lib/docker/image/overlay2/imagedb/content/sha256/${id}`)).stdout.split(' ')[0]).toBe(id);
    const cid = (await sh(w, "docker inspect -f '{{.Id}}' web")).stdout.trim();
    expect((await sh(w, `sudo cat /var/lib/docker/containers/${cid}/hostname`)).stdout).toBe(`${cid.slice(0, 12)}\n`);
    await sh(w, 'docker rm -f web');
    await sh(w, 'docker rmi nginx');
    expect((await sh(w, 'sudo ls /var/lib/docker/overlay2 /var/lib/docker/containers')).stdout).toBe(
      '/var/lib/docker/containers:\n\n/var/lib/docker/overlay2:\nl\n',
    );
  });

  it('hostconfig.json follows docker update (memory, restart policy) from the next line on (dockerroot-sync.ts)', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web nginx');
    const cid = (await sh(w, "docker inspect -f '{{.Id}}' web")).stdout.trim();
    const field = async (re: string) => (await sh(w, `sudo grep -o '${re}' /var/lib/docker/containers/${cid}/hostconfig.json`)).stdout;
    expect(await field('"Memory":[0-9]*')).toBe('"Memory":0\n');
    // The next line sees this line's change at once, even when it is the very next one.
    expect((await sh(w, 'docker update --memory 64m --memory-swap 128m --restart on-failure:3 web')).exitCode).toBe(0);
    expect(await field('"Memory":[0-9]*')).toBe('"Memory":67108864\n');
    expect(await field('"RestartPolicy":{[^}]*}')).toBe('"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3}\n');
    await sh(w, 'docker rm -f web');
    expect((await sh(w, 'sudo ls /var/lib/docker/containers')).stdout).toBe('');
  });
  it('ls -s, ls -l total and stat count ext4 4 KiB blocks; proc and tmpfs directories none (shell/blocks.ts)', async () => {
    const w = createWorld();
    expect((await sh(w, 'ls -sa /etc/skel')).stdout).toBe('4 .  4 ..  4 .bash_logout  4 .bashrc  4 .profile\n');
    expect((await sh(w, 'ls -ls /etc/kubernetes/admin.conf')).stdout).toMatch(/^8 -rw------- 1 root root 5681 /);
    expect((await sh(w, "stat -c '%b %B' /etc/skel/.bashrc /etc /run/docker.sock /proc/self/status")).stdout).toBe('8 512\n8 512\n0 512\n0 512\n');
    expect((await sh(w, 'ls -l /run | head -1')).stdout).toBe('total 0\n');
    expect((await sh(w, 'mkdir -p /tmp/d/a /tmp/d/b && ls -l /tmp/d | head -1')).stdout).toBe('total 8\n');
  });

  it("an image's files carry its layers' times (the build steps'), Docker's init layer and its files the container's", async () => {
    const w = createWorld();
    // nginx's layers date from its build, Jun 13 (docker history: 3 months before the world's Sep 16).
    const out = (await sh(w, 'docker run --rm nginx ls -ld /etc/nginx/nginx.conf /etc/hostname /etc')).stdout.split('\n');
    expect(out[0]).toMatch(/ Sep 16 11:45 \/etc$/);
    expect(out[1]).toMatch(/ Sep 16 11:45 \/etc\/hostname$/);
    expect(out[2]).toMatch(/ Jun 13 01:14 \/etc\/nginx\/nginx.conf$/);
  });
});
