import { describe, expect, it } from 'vitest';
import { materialize } from '../../src/sim/image/bases/define.ts';
import { NGINX_125 } from '../../src/sim/image/bases/catalog.ts';
import { describeRootfs } from '../../src/sim/image/adapter.ts';
import { TreeBuilder } from '../../src/sim/image/tree.ts';
import { utf8 } from '../../src/sim/image/digest.ts';
import { buildLayer } from '../../src/sim/image/layer.ts';
import { stressExit } from '../../src/sim/runtime/stress-args.ts';
import { sh, world } from './helpers.ts';

// Issue #10: the fixture images' own programs answer as the real images do (sources beside each command:
// shell/commands/node.ts, npm.ts, go.ts, memcached.ts, distribution-registry.ts, stress.ts).
describe("the fixture images' programs", () => {
  it('a size-only file shown with its text keeps the layer digest of the size-only file', async () => {
    const a = new TreeBuilder(0, utf8).blob('/etc/x', 4, 0o644);
    const b = new TreeBuilder(0, utf8).shown('/etc/x', 4, 'abc\n');
    expect((await buildLayer(b.tree)).diffId).toBe((await buildLayer(a.tree)).diffId);
    expect(() => new TreeBuilder(0, utf8).shown('/etc/x', 5, 'abc\n')).toThrow('shown /etc/x: the text is 4 bytes, the size-only file 5');
  });

  it("nginx's /etc/nginx has the package's parameter files; the image's links whose targets a root has stay links", async () => {
    const { images } = await materialize(NGINX_125);
    const d = describeRootfs(images[0]!);
    expect(d.files['/etc/nginx/fastcgi_params']?.length).toBe(1007);
    expect(d.files['/etc/nginx/scgi_params']?.startsWith('\nscgi_param  REQUEST_METHOD     $request_method;\n')).toBe(true);
    // The nginx package's modules link; the Dockerfile's `ln -sf /dev/stdout /var/log/nginx/access.log` and stderr's
    // (nginx/docker-nginx mainline/debian/Dockerfile); Debian's base-files links (/etc/os-release, /var/run, /var/lock).
    expect(d.fileLinks).toEqual({
      '/etc/nginx/modules': '/usr/lib/nginx/modules',
      '/etc/os-release': '../usr/lib/os-release',
      '/var/lock': '/run/lock',
      '/var/log/nginx/access.log': '/dev/stdout',
      '/var/log/nginx/error.log': '/dev/stderr',
      '/var/run': '/run',
    });
  });

  it('node, npm, go, registry and memcached print their versions; they are not on the host', async () => {
    const w = await world(['node:20', 'golang:1.22', 'registry:2', 'memcached']);
    expect(await sh(w, 'docker run --rm node:20 node -v')).toMatchObject({ out: 'v20.15.1\n', exitCode: 0 });
    // docker-entrypoint.sh: an argument starting with "-" runs `node "$@"` (nodejs/docker-node@619b871:20/bookworm).
    expect((await sh(w, 'docker run --rm node:20 --version')).out).toBe('v20.15.1\n');
    expect((await sh(w, 'docker run --rm node:20 npm -v')).out).toBe('10.7.0\n');
    expect((await sh(w, 'docker run --rm golang:1.22 go version')).out).toBe('go version go1.22.5 linux/amd64\n');
    expect((await sh(w, 'docker run --rm golang:1.22 go frob')).out).toBe("go frob: unknown command\nRun 'go help' for usage.\n");
    expect((await sh(w, 'docker run --rm registry:2 --version')).out).toBe('registry github.com/docker/distribution 2.8.3\n');
    expect((await sh(w, 'docker run --rm memcached -V')).out).toBe('memcached 1.6.29\n');
    for (const c of ['node -v', 'npm -v', 'go version', 'memcached -V', 'registry --version', 'stress --version'])
      expect((await sh(w, c)).out).toBe(`-bash: ${c.split(' ')[0]}: command not found\n`);
  });

  it('stress ends before its hogs on --help, --version, no hog and a bad option (stress 1.0.4 main)', () => {
    expect(stressExit('/usr/bin/stress', ['--verbose', '--version'], 1)).toEqual({ stdout: 'stress 1.0.4\n', stderr: '', exitCode: 0 });
    expect(stressExit('stress', ['--verbose'], 1)?.stdout.split('\n')[0]).toBe("`stress' imposes certain types of compute stress on your system");
    expect(stressExit('stress', ['--foo'], 1)).toEqual({ stdout: '', stderr: 'stress: FAIL: [1] (244) unrecognized option: --foo\n', exitCode: 1 });
    expect(stressExit('stress', ['--vm', '1', '--vm-bytes', '150M'], 1)).toBeUndefined();
  });

  it('in a container: a write through a hard link reaches both names; chmod and touch of a lower file copy it up', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name a1 alpine sleep 1d');
    await sh(w, "docker exec a1 sh -c 'echo hi > /tmp/f; ln /tmp/f /tmp/g; echo more >> /tmp/g'");
    expect((await sh(w, 'docker exec a1 cat /tmp/f')).out).toBe('hi\nmore\n');
    await sh(w, 'docker exec a1 chmod 600 /etc/shells');
    await sh(w, 'docker exec a1 touch /etc/motd');
    expect((await sh(w, 'docker diff a1')).out).toBe('C /etc\nC /etc/motd\nC /etc/shells\nC /tmp\nA /tmp/f\nA /tmp/g\n');
  });
});
