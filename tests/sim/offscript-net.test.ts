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
    expect(await sh(w, 'ip netns identify x')).toMatchObject({ out: "Specified string 'x' is not a pid\n", exitCode: 255 });
    expect(await sh(w, 'ip netns exec foo ls')).toMatchObject({ out: 'Cannot open network namespace "foo": No such file or directory\n', exitCode: 255 });
    expect(await sh(w, 'ip netns bogus')).toMatchObject({ out: 'Command "bogus" is unknown, try "ip netns help".\n', exitCode: 255 });
    expect((await sh(w, 'ip netns help')).out.startsWith('Usage:\tip netns list\n\tip netns add NAME\n')).toBe(true);
  });
});
