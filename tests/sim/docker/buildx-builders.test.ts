/**
 * buildx's builder instances (docker/buildx@v0.17.1:commands/create.go, ls.go, use.go, inspect.go, rm.go, stop.go;
 * builder/builder.go Create, Boot; store/*.go): records in ~/.docker/buildx, the docker-container driver's builders
 * inactive (their BuildKit image, moby/buildkit:buildx-stable-1, is not in node1's registry: booting one is the
 * daemon's pull error, as docker pull gives it).
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';

const PULL =
  "Error response from daemon: pull access denied for moby/buildkit, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";

describe('docker buildx create, ls, use, inspect, rm', () => {
  it('create saves a docker-container builder (store.Txn.Save: json.Marshal of the NodeGroup, 0600) and prints its name', async () => {
    const w = await world([]);
    expect(await sh(w, 'docker buildx create --name mybuilder')).toMatchObject({ stdout: 'mybuilder\n', stderr: '', exitCode: 0 });
    expect((await sh(w, 'cat /root/.docker/buildx/instances/mybuilder')).stdout).toBe(
      '{"Name":"mybuilder","Driver":"docker-container","Nodes":[{"Name":"mybuilder0","Endpoint":"unix:///var/run/docker.sock","Platforms":null,"DriverOpts":null,"Flags":["--allow-insecure-entitlement=network.host"],"Files":null}],"Dynamic":false}',
    );
    expect((await sh(w, 'stat -c %a /root/.docker/buildx/instances/mybuilder')).stdout).toBe('600\n');
    // ls.go: the store's builders by name, then the default context's; a node never booted is inactive.
    expect((await sh(w, 'docker buildx ls')).stdout).toBe(
      'NAME/NODE        DRIVER/ENDPOINT                   STATUS     BUILDKIT   PLATFORMS\n' +
        'mybuilder        docker-container                                        \n' +
        ' \\_ mybuilder0    \\_ unix:///var/run/docker.sock   inactive              \n' +
        'default*         docker                                                  \n' +
        ' \\_ default       \\_ default                       running    v0.16.0    linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4, linux/386\n',
    );
  });

  it('the errors of builder.Create (reserved name, existing instance, drivers)', async () => {
    const w = await world([]);
    await sh(w, 'docker buildx create --name b1');
    const e = async (line: string) => (await sh(w, line)).stderr;
    expect(await e('docker buildx create --name default')).toBe('ERROR: default is a reserved name and cannot be used to identify builder instance\n');
    expect(await e('docker buildx create --name b1')).toBe(
      'ERROR: existing instance for "b1" but no append mode, specify the node name to make changes for existing instances\n',
    );
    expect(await e('docker buildx create --append')).toBe('ERROR: append requires a builder name\n');
    expect(await e('docker buildx create --driver docker')).toBe('ERROR: additional instances of driver "docker" cannot be created\n');
    expect(await e('docker buildx create --driver nope')).toBe('ERROR: failed to find driver "nope"\n');
    expect(await e('docker buildx create --name 1x')).toBe(
      'ERROR: invalid name 1x, name needs to start with a letter and may not contain symbols, except ._-\n',
    );
    expect(await e('docker buildx create --append --name b1')).toBe('ERROR: invalid duplicate endpoint unix:///var/run/docker.sock\n');
  });

  it('use makes it current (ls marks it), inspect shows it inactive, use default goes back', async () => {
    const w = await world([]);
    await sh(w, 'docker buildx create --name mb --platform linux/arm64/v8');
    expect(await sh(w, 'docker buildx use mb')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect((await sh(w, 'cat /root/.docker/buildx/current')).stdout).toBe('{"Key":"unix:///var/run/docker.sock","Name":"mb","Global":false}');
    const ls = (await sh(w, 'docker buildx ls')).stdout;
    expect(ls).toContain('\nmb*  ');
    expect(ls).toContain('\ndefault  ');
    const inspect = (await sh(w, 'docker buildx inspect')).stdout;
    expect(inspect).toMatch(
      /^Name: {10}mb\nDriver: {8}docker-container\nLast Activity: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC\n\nNodes:\nName: {18}mb0\nEndpoint: {14}unix:\/\/\/var\/run\/docker\.sock\nStatus: {16}inactive\nBuildKit daemon flags: --allow-insecure-entitlement=network\.host\nPlatforms: {13}linux\/arm64\*\n$/,
    );
    await sh(w, 'docker buildx use default');
    expect((await sh(w, 'docker buildx ls')).stdout).toContain('\ndefault*  ');
    expect((await sh(w, 'docker buildx use nope')).stderr).toBe(
      'ERROR: failed to find instance "nope": open /root/.docker/buildx/instances/nope: no such file or directory\n',
    );
  });

  it('booting it (create --bootstrap, inspect --bootstrap, a build on it) is the pull of moby/buildkit the registry refuses', async () => {
    const w = await world([]);
    const boot = `#1 [internal] booting buildkit\n#1 pulling image moby/buildkit:buildx-stable-1\n#1 pulling image moby/buildkit:buildx-stable-1 0.5s done\n#1 ERROR: ${PULL}\n------\n > [internal] booting buildkit:\n------\nERROR: ${PULL}\n`;
    expect(await sh(w, 'docker buildx create --name bb --bootstrap --use')).toMatchObject({ stdout: '', stderr: boot, exitCode: 1 });
    expect((await sh(w, 'docker buildx ls')).stdout).toContain('\nbb*  ');
    expect((await sh(w, 'docker buildx inspect --bootstrap')).stderr).toBe(boot);
    expect((await sh(w, 'docker buildx build /root/demo')).stderr).toBe(boot);
    // The CLI forwards docker build with BUILDX_BUILDER=default (cmd/docker/builder.go): the default builder builds.
    expect((await sh(w, 'docker build -q /root/demo')).exitCode).toBe(0);
    expect((await sh(w, 'docker build --builder nope /root/demo')).stderr).toBe('ERROR: no builder "nope" found\n');
    // du and prune ask its BuildKit through the container it never made (docker-container driver Dial: exec).
    expect((await sh(w, 'docker buildx du')).stderr).toBe('ERROR: Error response from daemon: No such container: buildx_buildkit_bb0\n');
    expect((await sh(w, 'docker buildx prune -f')).stderr).toBe('ERROR: Error response from daemon: No such container: buildx_buildkit_bb0\n');
    expect((await sh(w, 'docker buildx du --builder default')).stdout).toBe('Reclaimable:\t0B\nTotal:\t\t0B\n');
  });

  it('rm removes it ("NAME removed" on stderr); the default builder cannot be; stop has nothing to stop', async () => {
    const w = await world([]);
    await sh(w, 'docker buildx create --name r1');
    expect(await sh(w, 'docker buildx stop r1')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(await sh(w, 'docker buildx rm r1')).toMatchObject({ stdout: '', stderr: 'r1 removed\n', exitCode: 0 });
    expect((await sh(w, 'ls /root/.docker/buildx/instances')).stdout).toBe('');
    const r = await sh(w, 'docker buildx rm r1 default');
    expect([r.stderr, r.exitCode]).toEqual([
      'failed to remove r1: no builder "r1" found\nfailed to remove default: context builder cannot be removed, run `docker context rm default` to remove this context\nERROR: failed to remove one or more builders\n',
      1,
    ]);
    await sh(w, 'docker buildx create --name r2');
    expect(await sh(w, 'echo y | docker buildx rm --all-inactive')).toMatchObject({
      stdout: 'WARNING! This will remove all builders that are not in running state. Are you sure you want to continue? [y/N] ',
      stderr: 'r2 removed\n',
    });
    expect((await sh(w, 'docker buildx stop nope')).stderr).toBe('ERROR: no builder "nope" found\n');
  });
});
