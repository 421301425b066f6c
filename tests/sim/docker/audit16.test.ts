import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

describe('docker export / cp carry the files whose text the image knows', () => {
  // moby@v27.3.1:daemon/export.go (the container's filesystem as it is), daemon/archive.go (docker cp): the
  // nginx image's conf files hold nginx's own conf/ texts (nginx/nginx@release-1.25.5:conf/fastcgi_params,
  // scgi_params, uwsgi_params, mime.types), not zeros.
  it('export and cp write the params files with their text', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    await sh(w, 'docker export -o web.tar web');
    expect((await sh(w, 'tar -tf web.tar | grep -c etc/nginx/GNUSparseFile')).stdout).toBe('0\n'); // size-only binaries stay sparse holes (tree.ts)
    expect((await sh(w, 'tar -xOf web.tar etc/nginx/fastcgi_params | head -2')).stdout).toBe('\nfastcgi_param  QUERY_STRING       $query_string;\n');
    expect((await sh(w, 'docker cp web:/etc/nginx/scgi_params - | tar -xOf - | head -2')).stdout).toBe('\nscgi_param  REQUEST_METHOD     $request_method;\n');
  });
});

describe('docker inspect looks in every object type', () => {
  // docker/cli@v27.3.1:cli/command/system/inspect.go runInspect/inspectAll: container, image, network, volume…;
  // a not-found is skipped without --type, the type's own error with it, "is not a valid value for --type".
  it('finds networks and volumes by name, and --type narrows the search', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker volume create v1');
    expect((await sh(w, "docker inspect -f '{{.Name}} {{.Driver}}' bridge v1")).stdout).toBe('bridge bridge\nv1 local\n');
    expect(await sh(w, 'docker inspect --type volume bridge')).toMatchObject({
      stderr: 'Error response from daemon: get bridge: no such volume\n',
      exitCode: 1,
    });
    expect(await sh(w, 'docker inspect --type config v1')).toMatchObject({ stderr: '"config" is not a valid value for --type\n', exitCode: 1 });
    expect((await sh(w, 'docker inspect nosuch')).stderr).toBe('Error: No such object: nosuch\n');
    expect(await sh(w, "docker inspect -s -f '{{.Name}}' bridge")).toMatchObject({
      stdout: 'bridge\n',
      stderr: 'WARNING: --size ignored for network\n',
      exitCode: 0,
    });
    // moby@v27.3.1:daemon/images/image.go ErrImageDoesNotExist: the familiar name with its tag.
    expect((await sh(w, 'docker image inspect nosuch')).stderr).toBe('Error response from daemon: No such image: nosuch:latest\n');
  });
});

describe('health checks', () => {
  // moby@v27.3.1:daemon/health.go (monitor, handleProbeResult: retries, maxLogEntries 5, "health_status: …" events),
  // container/state.go String() and container/health.go String() for docker ps, daemon/commit.go merge.
  it('starts "starting", turns healthy or unhealthy after the probes, and shows it in ps, inspect and events', async () => {
    const w = await world(['alpine']);
    await sh(w, "docker run -d --name ok --health-cmd 'echo fine' --health-interval 3s alpine sleep 300");
    await sh(w, "docker run -d --name bad --health-cmd 'exit 2' --health-interval 2s --health-retries 2 alpine sleep 300");
    expect((await sh(w, "docker ps --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^bad Up .* \(health: starting\)\nok Up .* \(health: starting\)\n$/);
    await sh(w, 'sleep 12');
    expect((await sh(w, "docker ps --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^bad Up .* \(unhealthy\)\nok Up .* \(healthy\)\n$/);
    expect((await sh(w, "docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' bad")).stdout).toMatch(
      /^unhealthy \d+ 5\n$/,
    );
    expect((await sh(w, "docker inspect -f '{{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}' ok")).stdout).toBe('0 fine\n\n');
    expect((await sh(w, "docker ps --filter health=healthy --format '{{.Names}}'")).stdout).toBe('ok\n');
    expect((await sh(w, "docker events --since 0 --until 0s --filter event=health_status --format '{{.Action}} {{.Actor.Attributes.name}}'")).stdout).toBe(
      'health_status: healthy ok\nhealth_status: unhealthy bad\n',
    );
  });
  it('--no-healthcheck and a container without one have no State.Health; a shell test that cannot run fails with 127', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name plain alpine sleep 300');
    await sh(w, 'docker run -d --name off --no-healthcheck alpine sleep 300');
    await sh(w, 'docker run -d --name nobin --health-cmd x --health-interval 1s alpine sleep 300');
    await sh(w, 'sleep 2');
    expect((await sh(w, "docker inspect -f '{{.State.Health}}' plain off")).stdout).toBe('<nil>\n<nil>\n');
    expect((await sh(w, "docker inspect -f '{{json .Config.Healthcheck}}' off")).stdout).toBe('{"Test":["NONE"]}\n');
    expect((await sh(w, "docker inspect -f '{{(index .State.Health.Log 0).ExitCode}}' nobin")).stdout).toBe('127\n');
  });
});

describe('docker run refuses what cli and moby refuse', () => {
  it('--device of a missing path fails the start (127), --security-opt needs a value, --memory-swap needs --memory', async () => {
    const w = await world(['alpine']);
    // moby@v27.3.1:oci/devices_linux.go DevicesFromPath; docker/cli@v27.3.1:cli/command/container/run.go runStartContainerErr.
    expect(await sh(w, 'docker run --device /dev/nosuch --name dv alpine true')).toMatchObject({
      stderr: 'docker: Error response from daemon: error gathering device information while adding custom device "/dev/nosuch": no such file or directory.\n',
      exitCode: 127,
    });
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' dv")).stdout).toBe('created 128\n');
    // docker/cli@v27.3.1:cli/command/container/opts.go parseSecurityOpts.
    expect(await sh(w, 'docker run --rm --security-opt foo alpine true')).toMatchObject({
      stderr: 'docker: Invalid --security-opt: "foo".\nSee \'docker run --help\'.\n',
      exitCode: 125,
    });
    // moby@v27.3.1:daemon/daemon_unix.go verifyPlatformContainerResources (not on update).
    expect((await sh(w, 'docker run --rm --memory-swap 1g alpine true')).stderr).toBe(
      "docker: Error response from daemon: You should always set the Memory limit when using Memoryswap limit, see usage.\nSee 'docker run --help'.\n",
    );
  });
});

describe('sh -c scripts that keep a container up', () => {
  // docs.docker.com's `docker run -d alpine sh -c 'while true; …; sleep 1; done'`; the shell is PID 1 without a trap, so
  // docker stop's SIGTERM is dropped and the SIGKILL after 10 s ends it (moby@v27.3.1:daemon/stop.go, 137).
  it('a while-true loop logs once per pass; commands then a sleep stay up until stopped', async () => {
    const w = await world(['alpine']);
    await sh(w, "docker run -d --name tk alpine sh -c 'while true; do echo tick; sleep 2; done'");
    await sh(w, 'sleep 4');
    expect((await sh(w, 'docker logs tk')).stdout).toMatch(/^(tick\n){3,4}$/);
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' tk")).stdout).toBe('running\n');
    await sh(w, "docker run -d --name nap alpine sh -c 'echo ready && sleep 300'");
    expect((await sh(w, 'docker logs nap')).stdout).toBe('ready\n');
    expect((await sh(w, 'docker stop nap')).stdout).toBe('nap\n');
    expect((await sh(w, "docker inspect -f '{{.State.ExitCode}}' nap")).stdout).toBe('137\n');
    await sh(w, "docker run -d --name qt alpine sh -c 'false && sleep 300'");
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' qt")).stdout).toBe('exited 1\n');
  });
});

describe('--mount', () => {
  // docker/cli@v27.3.1:opts/mount.go MountOpt.Set (target required, option groups by type, key=value fields);
  // moby@v27.3.1:volume/mounts/linux_parser.go ("mount type unknown"); HostConfig.Mounts as api/types/mount Mount.
  it('is kept in HostConfig.Mounts as the cli sends it, its tmpfs not in HostConfig.Tmpfs', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name mt --tmpfs /run --mount type=tmpfs,dst=/c,tmpfs-size=1m,tmpfs-mode=1770 alpine sleep 100');
    expect((await sh(w, "docker inspect -f '{{json .HostConfig.Tmpfs}} {{json .HostConfig.Mounts}}' mt")).stdout).toBe(
      '{"/run":""} [{"Type":"tmpfs","Target":"/c","TmpfsOptions":{"SizeBytes":1048576,"Mode":1016}}]\n',
    );
    expect((await sh(w, 'docker run --rm --mount type=bind,target=/x,volume-nocopy alpine true')).stderr).toBe(
      "invalid argument \"type=bind,target=/x,volume-nocopy\" for \"--mount\" flag: cannot mix 'volume-*' options with mount type 'bind'\nSee 'docker run --help'.\n",
    );
    expect((await sh(w, 'docker run --rm --mount type=npipe,target=/x alpine true')).stderr).toBe(
      'docker: Error response from daemon: invalid mount config for type "npipe": mount type unknown.\nSee \'docker run --help\'.\n',
    );
  });
});
