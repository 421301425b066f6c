import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

const err = (stderr: string, exitCode: number) => ({ stdout: '', stderr, exitCode });

describe('docker volumes, mounts and the overlay root through the world', () => {
  it('-v / --mount parse errors in the Docker wording', async () => {
    const w = await world(['alpine']);
    expect(await w.exec('docker run --rm -v x1:/d:zz alpine true')).toEqual(
      err("docker: Error response from daemon: invalid mode: zz.\nSee 'docker run --help'.\n", 125),
    );
    expect(await w.exec('docker run --rm -v data:rel alpine true')).toEqual(
      err(
        "docker: Error response from daemon: invalid volume specification: 'data:rel': invalid mount config for type \"volume\": invalid mount path: 'rel' mount path must be absolute.\nSee 'docker run --help'.\n",
        125,
      ),
    );
    expect(await w.exec('docker run --rm --mount type=volume,bogus=1,target=/x alpine true')).toEqual(
      err(`invalid argument "type=volume,bogus=1,target=/x" for "--mount" flag: unexpected key 'bogus' in 'bogus=1'\nSee 'docker run --help'.\n`, 125),
    );
    expect(await w.exec('docker run --rm --mount type=bind,source=/nope,target=/x alpine true')).toEqual(
      err(
        'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /nope.\nSee \'docker run --help\'.\n',
        125,
      ),
    );
    expect((await w.exec('docker volume create v')).stderr).toContain('"v" includes invalid characters for a local volume name');
  });

  it("bind mounts show host files, :ro refuses writes with each flavour's wording, -v creates a missing host dir", async () => {
    const w = await world(['alpine', 'debian']);
    expect((await w.exec('docker run --rm -v /root/demo:/site:ro alpine ls /site')).stdout).toBe('Dockerfile\nindex.html\n');
    expect(await w.exec("docker run --rm -v /root/demo:/w:ro alpine sh -c 'echo x > /w/y'")).toEqual(err("sh: can't create /w/y: Read-only file system\n", 1));
    expect(await w.exec('docker run --rm -v /root/demo:/w:ro debian touch /w/y')).toEqual(err("touch: cannot touch '/w/y': Read-only file system\n", 1));
    expect((await w.exec("docker run --rm --read-only -v /srv/data:/w alpine sh -c 'echo x > /w/y'")).exitCode).toBe(0);
    expect((await w.exec('cat /srv/data/y')).stdout).toBe('x\n');
  });

  it('--volumes-from shares volumes; a volume in use cannot be removed; rm -v drops anonymous ones only', async () => {
    const w = await world(['alpine']);
    await w.exec('docker volume create keep');
    await w.exec('docker run -d --name vf -v keep:/k -v /anon alpine sleep 100');
    await w.exec("docker exec vf sh -c 'echo 1 > /k/a'");
    expect((await w.exec('docker run --rm --volumes-from vf:ro alpine cat /k/a')).stdout).toBe('1\n');
    const mounts = JSON.parse((await w.exec("docker inspect -f '{{json .Mounts}}' vf")).stdout) as { Name: string; Destination: string }[];
    expect(mounts.map((m) => m.Destination)).toEqual(['/k', '/anon']);
    const anon = mounts[1]!.Name;
    expect(anon).toMatch(/^[0-9a-f]{64}$/);
    const id = (await w.exec("docker inspect -f '{{.Id}}' vf")).stdout.trim();
    expect(await w.exec('docker volume rm keep')).toEqual(err(`Error response from daemon: remove keep: volume is in use - [${id}]\n`, 1));
    await w.exec('docker rm -f -v vf');
    expect((await w.exec('docker volume ls -q')).stdout).toBe('keep\n');
    expect(w.snapshot().volumes).toEqual([{ name: 'keep', anonymous: false, mountpoint: '/var/lib/docker/volumes/keep/_data', files: { a: '1\n' } }]);
  });

  it('docker diff and docker commit read the upperdir; the committed image runs with the change', async () => {
    const w = await world(['alpine']);
    await w.exec('docker run -d --name c1 alpine sleep 1000');
    await w.exec("docker exec c1 sh -c 'echo patched > /etc/motd; rm /etc/alpine-release; mkdir -p /opt/app'");
    // alpine ships /etc/motd and /opt: changed (copied up), not added
    expect((await w.exec('docker diff c1')).stdout).toBe('C /etc\nD /etc/alpine-release\nC /etc/motd\nC /opt\nA /opt/app\n');
    const id = (await w.exec('docker commit -m "add motd" c1 patched:1')).stdout.trim();
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await w.exec('docker images -q patched:1')).stdout).toBe(`${id.slice(7, 19)}\n`);
    expect((await w.exec('docker history patched:1')).stdout.split('\n')[1]).toMatch(
      new RegExp(`^${id.slice(7, 19)} +\\d+ seconds? ago +sleep 1000 +\\d+B +add motd$`),
    );
    expect((await w.exec('docker run --rm patched:1 cat /etc/motd')).stdout).toBe('patched\n');
  });
});

describe('docker images, rmi, prune, login, build errors', () => {
  it('rmi refuses an image a container uses; -f untags it and leaves a dangling row', async () => {
    const w = createWorld();
    await w.exec('docker run -d --name a1 alpine sleep 100');
    const short = (await w.exec('docker images -q alpine')).stdout.trim();
    expect(await w.exec('docker rmi alpine')).toEqual(
      err(
        `Error response from daemon: conflict: unable to remove repository reference "alpine" (must force) - container 2cecb6b0fd74 is using its referenced image ${short}\n`,
        1,
      ),
    );
    await w.exec('docker rmi -f alpine');
    expect((await w.exec('docker images --filter dangling=true -q')).stdout).toBe(`${short}\n`);
    expect(await w.exec('docker images --filter foo=bar')).toEqual(err("Error response from daemon: invalid filter 'foo'\n", 1));
  });

  it('image prune without -f asks; login and logout', async () => {
    const w = createWorld();
    expect((await w.exec('docker image prune')).stdout).toBe('WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ');
    expect(await w.exec('echo secret | docker login -u me --password-stdin')).toEqual({ stdout: 'Login Succeeded\n', stderr: '', exitCode: 0 });
    expect((await w.exec('docker logout')).stdout).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    expect((await w.exec('docker logout')).stdout).toBe('Not logged in to https://index.docker.io/v1/\n');
  });

  it('build: a Dockerfile written in the terminal, a missing context, and -f outside the context', async () => {
    const w = createWorld();
    await w.exec('mkdir -p /root/app && cd /root/app');
    await w.exec(`printf 'FROM alpine:3.19\\nRUN apk add --no-cache curl\\nCMD ["sh"]\\n' > Dockerfile`);
    const r = await w.exec('docker build -q -t app:1 .');
    expect(r.exitCode).toBe(0);
    expect((await w.exec("docker image inspect -f '{{.Id}}' app:1")).stdout).toBe(r.stdout);
    expect(await w.exec('docker build /nope')).toEqual(err('ERROR: unable to prepare context: path "/nope" not found\n', 1));
    expect(await w.exec('docker build -f /root/nope/Dockerfile .')).toEqual(err('ERROR: resolve : lstat /root/nope: no such file or directory\n', 1));
    // docker/cli@v27.3.1:cli/command/volume/cmd.go RunE command.ShowHelp(dockerCli.Err()): the usage on stderr, status 0.
    expect((await sh(w, 'docker volume')).stderr).toContain('Usage:  docker volume COMMAND');
  });
});
