import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { kernfsHash } from '../../src/sim/shell/commands/systemd-cgls.ts';
import { sh } from './helpers.ts';

// Issue #10, session 15: the Linux basics around containers that went wrong off the script.
describe('host off-script fixes (#10, audit 15)', { timeout: 120_000 }, () => {
  it('ip route get, ip -6 route, ip link show type (iproute2@v6.1.0:ip/iproute.c print_route, print_cache_flags)', async () => {
    const w = createWorld();
    expect((await sh(w, 'ip route get 8.8.8.8')).stdout).toBe('8.8.8.8 via 10.0.0.1 dev ens3 src 10.0.0.11 uid 0 \n    cache \n');
    expect((await sh(w, 'ip route get 127.0.0.1')).stdout).toBe('local 127.0.0.1 dev lo src 127.0.0.1 uid 0 \n    cache <local> \n');
    expect(await sh(w, 'ip route get')).toMatchObject({ stderr: 'need at least a destination address\n', exitCode: 1 });
    expect(await sh(w, 'unshare -n ip route get 8.8.8.8')).toMatchObject({ stderr: 'RTNETLINK answers: Network is unreachable\n', exitCode: 2 });
    expect((await sh(w, 'ip -6 route')).stdout.split('\n').slice(0, 2)).toEqual([
      '::1 dev lo proto kernel metric 256 pref medium',
      'fe80::/64 dev ens3 proto kernel metric 256 pref medium',
    ]);
    expect((await sh(w, 'ip -br link show type bridge')).stdout).toMatch(/^docker0 .*\ncni0 .*\n$/);
    // busybox@1_36_1:networking/libiproute/iproute.c print_route: " src X ", no uid, no cache line for IPv4.
    expect((await sh(w, 'docker run --rm alpine ip route get 8.8.8.8')).stdout).toBe('8.8.8.8 via 172.17.0.1 dev eth0  src 172.17.0.2 \n');
  });

  it('mount -t TYPE lists those mounts (util-linux@v2.39.3:sys-utils/mount.c, busybox mount_main)', async () => {
    const w = createWorld();
    expect((await sh(w, 'mount -t cgroup2')).stdout).toBe(
      'cgroup2 on /sys/fs/cgroup type cgroup2 (rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)\n',
    );
    expect((await sh(w, 'mount -t proc,sysfs')).stdout.split('\n').length).toBe(3);
    expect((await sh(w, 'docker run --rm alpine mount -t cgroup2')).stdout).toMatch(/^cgroup on \/sys\/fs\/cgroup type cgroup2 \(ro,/);
  });

  it('systemd-cgls: the tree in kernfs readdir order (systemd@v255:src/shared/cgroup-show.c; linux@v6.8:fs/kernfs/dir.c)', async () => {
    // The order Ubuntu shows at the top: user.slice, init.scope, system.slice.
    expect(['system.slice', 'init.scope', 'user.slice'].sort((a, b) => kernfsHash(a) - kernfsHash(b))).toEqual(['user.slice', 'init.scope', 'system.slice']);
    const w = createWorld();
    await sh(w, 'docker run -d --name web nginx');
    const out = (await sh(w, 'systemd-cgls')).stdout.split('\n');
    expect(out.slice(0, 3)).toEqual(['Control group /:', '-.slice', '├─user.slice']);
    expect(out).toContain('├─init.scope');
    expect(out).toContain('│ └─1 /sbin/init');
    expect(out).toContain('  ├─docker.service …');
    expect(out.some((l) => /^ {2}├─docker-[0-9a-f]{64}\.scope …$/.test(l))).toBe(true);
    // Process lines are cut to 80 columns on a pipe; group names are not (show_cgroup_name prints them whole).
    expect(out.filter((l) => /─ *\d+ /.test(l)).every((l) => [...l].length <= 80)).toBe(true);
    expect((await sh(w, 'systemd-cgls -u docker')).stdout).toBe(
      'Unit docker.service (/system.slice/docker.service):\n└─812 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n',
    );
  });

  it('systemctl show -p (systemd@v255:src/systemctl/systemctl-show.c)', async () => {
    const w = createWorld();
    expect((await sh(w, 'systemctl show docker -p MainPID')).stdout).toBe('MainPID=812\n');
    expect((await sh(w, 'systemctl show --property=ActiveState --value containerd')).stdout).toBe('active\n');
    expect((await sh(w, 'systemctl show -p Delegate,ControlGroup docker')).stdout).toBe('ControlGroup=/system.slice/docker.service\nDelegate=yes\n');
    // docker-ce 27.3.1 installs moby@v27.3.1:contrib/init/systemd/docker.service as is.
    const unit = (await sh(w, 'systemctl cat docker')).stdout;
    expect(unit.split('\n').slice(0, 3)).toEqual(['# /usr/lib/systemd/system/docker.service', '[Unit]', 'Description=Docker Application Container Engine']);
    expect(unit).toContain('\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n');
    expect(unit).toContain('\nDelegate=yes\n\n# kill only the docker process, not all processes in the cgroup\nKillMode=process\n');
  });

  it('ss state and filter words (iproute2@v6.1.0:misc/ssfilter.y, ss.c scan_state)', async () => {
    const w = createWorld();
    const rows = async (cmd: string) => (await sh(w, cmd)).stdout.trim().split('\n').slice(1);
    expect(await rows('ss -tln sport = :22')).toHaveLength(2);
    expect(await rows("ss -tln '( sport = :ssh or sport = :53 )'")).toHaveLength(4);
    expect(await rows('ss -tln not sport = :22')).toHaveLength(2);
    const est = (await sh(w, 'ss -tn state established')).stdout;
    expect(est.split('\n')[0]).toMatch(/^Recv-Q/);
    expect(await sh(w, 'ss -t state bogus')).toMatchObject({ stderr: 'ss: wrong state name: bogus\n', exitCode: 255 });
    expect(await sh(w, 'ss -tln sport')).toMatchObject({ exitCode: 255 });
    expect((await sh(w, 'ss -tln sport')).stderr).toMatch(/^ss: bison bellows \(while parsing filter\): "syntax error!" Sorry\.\n/);
  });
});
