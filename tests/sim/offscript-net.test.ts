import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// nc on node1 is Ubuntu's netcat-openbsd 1.226 (netcat.c connection_info, remote_connect's warn);
// ctr is containerd 1.7.22's (cmd/ctr/commands/version/version.go); ip netns is iproute2 6.1's (ip/ipnetns.c).
describe('nc -z on the host (netcat-openbsd 1.226)', () => {
  it('-v reports success with the service name, or the refused connect; without -v only the status', async () => {
    const w = createWorld();
    expect(await sh(w, 'nc -zv 127.0.0.1 22')).toMatchObject({ out: 'Connection to 127.0.0.1 22 port [tcp/ssh] succeeded!\n', exitCode: 0 });
    expect(await sh(w, 'nc -zv localhost 22')).toMatchObject({ out: 'Connection to localhost (127.0.0.1) 22 port [tcp/ssh] succeeded!\n', exitCode: 0 });
    expect(await sh(w, 'nc -zvn 127.0.0.53 53')).toMatchObject({ out: 'Connection to 127.0.0.53 53 port [tcp/*] succeeded!\n', exitCode: 0 });
    expect(await sh(w, 'nc -zv 127.0.0.1 81')).toMatchObject({ out: 'nc: connect to 127.0.0.1 port 81 (tcp) failed: Connection refused\n', exitCode: 1 });
    expect(await sh(w, 'nc -z 127.0.0.1 81')).toMatchObject({ out: '', exitCode: 1 });
    expect(await sh(w, 'nc -z 127.0.0.1 22')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'nc -Q 127.0.0.1 22')).toMatchObject({
      out: "nc: invalid option -- 'Q'\nusage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n",
      exitCode: 1,
    });
  });

  it('a published port is docker-proxy listening on the host', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d -p 8080:80 nginx >/dev/null 2>&1');
    expect(await sh(w, 'nc -zv 127.0.0.1 8080')).toMatchObject({ out: 'Connection to 127.0.0.1 8080 port [tcp/http-alt] succeeded!\n', exitCode: 0 });
  });
});

describe('ctr version (containerd 1.7.22)', () => {
  it('prints the client and the server blocks', async () => {
    const w = createWorld();
    expect(await sh(w, 'ctr version')).toMatchObject({
      out: 'Client:\n  Version:  1.7.22\n  Revision: 7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c\n  Go version: go1.22.7\n\nServer:\n  Version:  1.7.22\n  Revision: 7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c\n  UUID: 3c1f6b0e-5a2d-4e8b-9f47-0d6a2c8e1b53\n',
      exitCode: 0,
    });
    expect((await sh(w, 'ctr --version')).out).toBe('ctr containerd.io 1.7.22\n');
    expect(await sh(w, 'ctr version x')).toMatchObject({ out: 'ctr: extra arguments: [x]\n', exitCode: 1 });
  });
});

describe('ip netns (iproute2 6.1)', () => {
  it('node1 has no named network namespaces', async () => {
    const w = createWorld();
    expect(await sh(w, 'ip netns list')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'ip netns')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'ip netns identify 1')).toMatchObject({ out: '\n', exitCode: 0 });
    // A function's -1 is exit status 1 through ip.c do_cmd's negation; do_netns's own exit(-1) is 255.
    expect(await sh(w, 'ip netns identify x')).toMatchObject({ out: "Specified string 'x' is not a pid\n", exitCode: 1 });
    expect(await sh(w, 'ip netns exec foo ls')).toMatchObject({ out: 'Cannot open network namespace "foo": No such file or directory\n', exitCode: 1 });
    expect(await sh(w, 'ip netns bogus')).toMatchObject({ out: 'Command "bogus" is unknown, try "ip netns help".\n', exitCode: 255 });
    expect((await sh(w, 'ip netns help')).out.startsWith('Usage:\tip netns list\n\tip netns add NAME\n')).toBe(true);
  });
});

describe('ip netns add, exec, list, pids, identify, delete (iproute2@v6.1.0:ip/ipnetns.c)', () => {
  it('a named namespace has only lo, down: 127.0.0.1 is unreachable until lo is up', async () => {
    const w = createWorld();
    expect(await sh(w, 'ip netns add blue; ip netns add red; ip netns list')).toMatchObject({ out: 'red\nblue\n', exitCode: 0 });
    expect((await sh(w, 'ls -1 /run/netns')).out).toBe('blue\nred\n');
    expect((await sh(w, 'ip netns exec blue ip -br link')).out).toBe('lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n');
    expect(await sh(w, 'ip netns exec blue ping -c1 127.0.0.1')).toMatchObject({ out: 'ping: connect: Network is unreachable\n', exitCode: 2 });
    await sh(w, 'ip netns exec blue ip link set lo up');
    expect((await sh(w, 'ip netns exec blue ping -c1 127.0.0.1')).out).toMatch(/^PING 127\.0\.0\.1 .*\n64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64/);
    // The host's own lo is up, and a new namespace from unshare starts like ip netns add's.
    expect((await sh(w, 'unshare --net ping -c1 127.0.0.1')).exitCode).toBe(2);
  });
  it("exec returns the command's status; identify and pids find the namespace; delete removes it", async () => {
    const w = createWorld();
    await sh(w, 'ip netns add blue');
    expect(await sh(w, 'ip netns exec blue sh -c "exit 7"')).toMatchObject({ exitCode: 7 });
    expect(await sh(w, 'ip netns exec blue nosuch')).toMatchObject({ out: 'exec of "nosuch" failed: No such file or directory\n', exitCode: 1 });
    expect((await sh(w, "ip netns exec blue sh -c 'ip netns identify $$'")).out).toBe('blue\n');
    expect((await sh(w, 'ip netns identify')).out).toBe('\n');
    expect(await sh(w, 'ip netns add blue')).toMatchObject({ out: 'Cannot create namespace file "/run/netns/blue": File exists\n', exitCode: 1 });
    expect(await sh(w, 'ip netns pids blue')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'ip netns delete blue; ip netns list; ls /run/netns')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'ip netns delete blue')).toMatchObject({
      out: 'Cannot remove namespace file "/run/netns/blue": No such file or directory\n',
      exitCode: 1,
    });
    expect(await sh(w, 'ip netns add')).toMatchObject({ out: 'No netns name specified\n', exitCode: 1 });
  });
});

describe('ping options (iputils@20240117:ping/ping.c main, iputils_common.c strtol_or_err, ping_strtod)', () => {
  it('-q, -s, -n, -i, -w shape the output and the run; bad values fail as iputils does', async () => {
    const w = createWorld();
    expect((await sh(w, 'ping -c2 -q 127.0.0.1')).out).toMatch(
      /^PING 127\.0\.0\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n\n--- 127\.0\.0\.1 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n/,
    );
    expect((await sh(w, 'ping -c1 -s 100 localhost')).out).toMatch(
      /^PING localhost \(127\.0\.0\.1\) 100\(128\) bytes of data\.\n108 bytes from localhost \(127\.0\.0\.1\): icmp_seq=1 /,
    );
    expect((await sh(w, 'ping -c1 -n localhost')).out).toMatch(/\n64 bytes from 127\.0\.0\.1: icmp_seq=1 /);
    expect((await sh(w, 'ping -i 0.5 -c 3 127.0.0.1')).out).toContain('3 packets transmitted, 3 received, 0% packet loss, time 1000ms\n');
    expect((await sh(w, 'ping -w 2 127.0.0.1')).out).toContain('3 packets transmitted, 3 received, 0% packet loss, time 2000ms\n');
    expect(await sh(w, 'ping -c abc x')).toMatchObject({ out: "ping: invalid argument: 'abc'\n", exitCode: 1 });
    expect(await sh(w, 'ping -c 0 x')).toMatchObject({ out: "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", exitCode: 1 });
    expect((await sh(w, 'ping -i 1x -c1 127.0.0.1')).out).toMatch(
      /^ping: option argument contains garbage: x\nping: this will become fatal error in the future\nPING 127\.0\.0\.1/,
    );
    const bad = await sh(w, 'ping -Z x');
    expect(bad.exitCode).toBe(2);
    expect(bad.out.startsWith("ping: invalid option -- 'Z'\n\nUsage\n  ping [options] <destination>\n")).toBe(true);
    expect((await sh(w, 'ping -V')).out).toBe(
      'ping from iputils 20240117\nlibcap: yes, IDN: yes, NLS: yes, error.h: yes, getrandom(): yes, __fpending(): yes\n',
    );
  });
});

describe('ip -n NAME (ip.c main -netns, lib/namespace.c netns_switch)', () => {
  it('runs the rest in the named namespace; a missing name and a missing argument end ip with 255', async () => {
    const w = createWorld();
    await sh(w, 'ip netns add blue; ip -n blue link set lo up');
    expect((await sh(w, 'ip -n blue -br addr')).out).toBe('lo               UNKNOWN        127.0.0.1/8 ::1/128 \n');
    expect(await sh(w, 'ip -n nope a')).toMatchObject({ out: 'Cannot open network namespace "nope": No such file or directory\n', exitCode: 255 });
    expect(await sh(w, 'ip -n')).toMatchObject({ out: 'Command line is not complete. Try option "help"\n', exitCode: 255 });
  });
});
