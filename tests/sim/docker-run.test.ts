import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

describe('docker run: flags and errors in the Docker CLI wording', () => {
  it('rejects unknown flags with pflag wording and exit 125', async () => {
    const w = createWorld();
    expect(await sh(w, 'docker run --logging-driver json-file alpine')).toMatchObject({
      stdout: '',
      stderr: "unknown flag: --logging-driver\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    expect((await sh(w, 'docker run -z alpine')).stderr).toBe("unknown shorthand flag: 'z' in -z\nSee 'docker run --help'.\n");
    expect((await sh(w, 'docker run --name')).stderr).toBe("flag needs an argument: --name\nSee 'docker run --help'.\n");
  });

  it('validates limits the way the daemon does', async () => {
    const w = await world(['alpine']);
    const errors: [string, string][] = [
      ['--memory=4m', 'Minimum memory limit allowed is 6MB'],
      ['--cpus=8', 'Range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available'],
      ['--cpus=0.5 --cpu-quota=50000', 'Conflicting options: Nano CPUs and CPU Quota cannot both be set'],
      ['--cpuset-cpus=7', 'Requested CPUs are not available - requested 7, available: 0-3'],
      ['--cap-add NOPE', 'unknown capability: "CAP_NOPE"'],
    ];
    for (const [flag, msg] of errors) {
      expect(await sh(w, `docker run ${flag} alpine true`)).toMatchObject({
        stdout: '',
        stderr: `docker: Error response from daemon: ${msg}.\nSee 'docker run --help'.\n`,
        exitCode: 125,
      });
    }
    expect(w.snapshot().containers).toEqual([]);
  });

  it('pulls a missing image with the pull lines on stderr, before the output', async () => {
    const w = createWorld();
    const r = await sh(w, 'docker run debian /bin/echo "hello docker!"');
    // The layer and manifest digests are the store's real ones: they agree with docker images --digests and image inspect.
    const m =
      /^Unable to find image 'debian:latest' locally\nlatest: Pulling from library\/debian\n([0-9a-f]{12}): Pull complete\nDigest: (sha256:[0-9a-f]{64})\nStatus: Downloaded newer image for debian:latest\nhello docker!\n$/.exec(
        r.out,
      );
    expect(m).not.toBeNull();
    expect(r.stdout).toBe('hello docker!\n');
    const digests = (await sh(w, 'docker images --digests debian')).stdout.split('\n')[1]!.split(/\s+/);
    expect(digests.slice(0, 3)).toEqual(['debian', 'latest', m![2]]);
    expect((await sh(w, "docker image inspect -f '{{json .RepoDigests}}' debian")).stdout).toBe(`["debian@${m![2]}"]\n`);
    expect((await sh(w, 'docker run debian /bin/echo again')).out).toBe('again\n');
  });

  it('reports a missing repository, a missing executable and a name conflict', async () => {
    const w = await world(['alpine']);
    expect(await sh(w, 'docker run nope/image')).toMatchObject({
      stderr:
        "Unable to find image 'nope/image:latest' locally\ndocker: Error response from daemon: pull access denied for nope/image, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\nSee 'docker run --help'.\n",
      exitCode: 125,
    });
    expect((await sh(w, 'docker run alpine nosuch')).exitCode).toBe(127);
    await sh(w, 'docker run -d --name app alpine sleep 100');
    const r = await sh(w, 'docker run --name app alpine true');
    expect(r.stderr).toMatch(
      /^docker: Error response from daemon: Conflict\. The container name "\/app" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\nSee 'docker run --help'\.\n$/,
    );
    expect(r.exitCode).toBe(125);
  });

  it('refuses a second binding of the same host port', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name w1 -p 8080:80 nginx');
    const r = await sh(w, 'docker run -d --name w2 -p 8080:80 nginx');
    expect(r.stderr).toMatch(
      /^docker: Error response from daemon: driver failed programming external connectivity on endpoint w2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.\n$/,
    );
    expect(r.exitCode).toBe(125);
  });

  it('prints the full id for -d and runs the first container as host PID 23827 under shim 23805, after its two docker-proxy processes (23795, 23800)', async () => {
    const w = createWorld();
    const r = await sh(w, 'docker run -d --name web -p 8080:80 nginx 2>/dev/null');
    expect(r.out).toBe('2cecb6b0fd74c9b2b8e4a0f26c1e05d3a6f8b7e91c4d2a5f0b3e6c8d9a1f4e27\n');
    expect((await sh(w, "docker inspect -f '{{.State.Pid}}' web")).out).toBe('23827\n');
    expect((await sh(w, 'ps -o pid,ppid,cmd -p 23827')).out).toBe('    PID    PPID CMD\n  23827   23805 nginx: master process nginx -g daemon off;\n');
    const c = w.snapshot().containers[0]!;
    expect([c.name, c.state, c.pid, c.ports]).toEqual(['web', 'running', 23827, ['0.0.0.0:8080->80/tcp', '[::]:8080->80/tcp']]);
  });

  it('docker create makes a container that start runs', async () => {
    const w = await world(['alpine']);
    const id = (await sh(w, 'docker create --name c1 alpine sleep 50')).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect((await sh(w, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('c1 Created\n');
    expect((await sh(w, 'docker start c1')).out).toBe('c1\n');
    expect((await sh(w, "docker ps --format '{{.Names}} {{.Status}}'")).out).toBe('c1 Up 1 second\n');
  });

  it('prints usage for --help', async () => {
    const r = await sh(createWorld(), 'docker run --help');
    expect(r.stdout).toMatch(/^\nUsage:  docker run \[OPTIONS\] IMAGE \[COMMAND\] \[ARG\.\.\.\]\n/);
    expect(r.exitCode).toBe(0);
  });
});
