import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// Issue #10, session 17: node1's UNIX sockets (net/unix.ts) as ss -x, lsof -U and fuser see them, the units
// systemctl list-units derives from the cgroup tree, find's tests on owners and minutes (shell/find-ext.ts), and
// cloud-init's sudo rule for ubuntu. The byte-for-byte outputs are in tests/corpus/host-sys17.transcript.txt.
describe('system tools off the script (#10, session 17)', { timeout: 120_000 }, () => {
  it("ss -xl, lsof -U and fuser agree on who listens where; a container brings its shim's socket and scope, rm takes them", async () => {
    const w = createWorld();
    const listeners = (await sh(w, 'ss -xlH')).stdout.split('\n').filter(Boolean);
    const named = (await sh(w, 'lsof -U')).stdout.split('\n').filter((l) => l.includes('(LISTEN)'));
    for (const path of ['/run/docker.sock', '/run/containerd/containerd.sock', '/run/dbus/system_bus_socket']) {
      expect(listeners.some((l) => l.includes(` ${path} `))).toBe(true);
      expect(named.some((l) => l.includes(` ${path} type=STREAM (LISTEN)`))).toBe(true);
    }
    expect(await sh(w, 'fuser /run/docker.sock')).toMatchObject({ stdout: '     1   812', stderr: '/run/docker.sock:   \n', exitCode: 0 });
    await sh(w, 'docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1');
    const id = (await sh(w, 'docker inspect -f {{.Id}} web')).stdout.trim();
    expect((await sh(w, 'ss -xlH | grep -c /run/containerd/s/')).stdout).toBe('1\n');
    expect((await sh(w, 'systemctl list-units --type=scope --no-legend')).stdout).toContain(
      `docker-${id}.scope loaded active running libcontainer container ${id}\n`,
    );
    const proxies = (await sh(w, 'fuser 8080/tcp')).stdout.trim().split(/\s+/);
    expect(proxies).toHaveLength(2);
    await sh(w, 'docker rm -f web >/dev/null');
    expect((await sh(w, 'ss -xlH | grep -c /run/containerd/s/')).stdout).toBe('0\n');
    expect((await sh(w, 'systemctl list-units --type=scope --no-legend')).stdout).not.toContain('docker-');
    expect(await sh(w, 'fuser 8080/tcp')).toMatchObject({ stdout: '', exitCode: 1 });
  });

  it('fuser -k frees a published port: the proxies get SIGKILL and nothing listens there any more', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1');
    expect((await sh(w, 'fuser -k 8080/tcp')).exitCode).toBe(0);
    expect((await sh(w, 'ss -tlnH sport = :8080')).stdout).toBe('');
    expect(await sh(w, 'fuser -s 8080/tcp')).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
  });

  it("find -user, -group, -mmin and -type l against the sim clock and owners; an unknown user is find's error", async () => {
    const w = createWorld();
    await sh(w, 'mkdir /tmp/t && touch /tmp/t/a /tmp/t/b && chown ubuntu:ubuntu /tmp/t/b && ln -s a /tmp/t/l');
    expect((await sh(w, 'find /tmp/t -user ubuntu')).stdout).toBe('/tmp/t/b\n');
    expect((await sh(w, 'find /tmp/t ! -group root')).stdout).toBe('/tmp/t/b\n');
    expect((await sh(w, 'find /tmp/t -type l')).stdout).toBe('/tmp/t/l\n');
    expect((await sh(w, 'find /tmp/t -mmin -1 -type f | sort')).stdout).toBe('/tmp/t/a\n/tmp/t/b\n');
    expect((await sh(w, 'find /tmp/t -mmin +5')).stdout).toBe('');
    expect(await sh(w, 'find /tmp/t -user nosuch')).toMatchObject({ stdout: '', stderr: "find: 'nosuch' is not the name of a known user\n", exitCode: 1 });
  });

  it("ubuntu's sudo needs no password (cloud-init's 90-cloud-init-users); -v and another user still ask", async () => {
    const w = createWorld();
    expect(await sh(w, 'su ubuntu -c "sudo id -u"')).toMatchObject({ stdout: '0\n', exitCode: 0 });
    expect(await sh(w, 'su ubuntu -c "sudo -v"')).toMatchObject({ stderr: 'sudo: a password is required\n', exitCode: 1 });
    await sh(w, 'rm /etc/sudoers.d/90-cloud-init-users');
    expect(await sh(w, 'su ubuntu -c "sudo id -u"')).toMatchObject({ stderr: 'sudo: a password is required\n', exitCode: 1 });
  });
  // open(2) of a UNIX socket fails with ENXIO (linux v6.8 net/socket.c: a socket inode's bad_sock_fops.open is
  // sock_no_open, -ENXIO, called by fs/open.c do_dentry_open); coreutils cat reports strerror(ENXIO), glibc's "No such
  // device or address", and exits 1.
  it('cat of a socket fails with ENXIO, the other files of the line still read', async () => {
    const w = createWorld();
    expect(await sh(w, 'cat /run/docker.sock')).toMatchObject({ stdout: '', stderr: 'cat: /run/docker.sock: No such device or address\n', exitCode: 1 });
    expect(await sh(w, 'cat /run/containerd/containerd.sock /etc/hostname')).toMatchObject({
      stdout: 'node1\n',
      stderr: 'cat: /run/containerd/containerd.sock: No such device or address\n',
      exitCode: 1,
    });
    expect((await sh(w, 'su ubuntu -c "cat /etc/shadow"')).stderr).toBe('cat: /etc/shadow: Permission denied\n');
    // head and grep word it their way (coreutils@v9.4:src/head.c head_file's "cannot open %s for reading").
    expect((await sh(w, 'head -c 5 /run/docker.sock')).stderr).toBe("head: cannot open '/run/docker.sock' for reading: No such device or address\n");
    expect((await sh(w, 'grep x /run/docker.sock')).stderr).toBe('grep: /run/docker.sock: No such device or address\n');
  });
});
