/**
 * `docker build` is buildx's build (docker/cli@v27.3.1:cmd/docker/builder.go forwardBuilder): its help is
 * `docker buildx build`'s (docker/buildx@v0.17.1:commands/build.go buildCmd, commonBuildFlags; root.go rootFlags
 * and the help template's experimental line) at 80 columns; --builder shows the BUILDX_BUILDER=default the CLI
 * sets for a forwarded build; its errors name `docker buildx build`.
 */
import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';
import { expectHelp, helpText } from './help.ts';

describe('docker build --help', () => {
  it('is buildx’s build help, byte for byte, by each forwarded path', async () => {
    const w = await world([]);
    for (const line of ['docker build --help', 'docker image build --help', 'docker builder build --help', 'docker build -h 2>/dev/null'])
      await expectHelp(w, line, 'buildx-build');
  });

  it('docker buildx build --help has --builder without a default (BUILDX_BUILDER unset), else the same text', async () => {
    const w = await world([]);
    const r = await sh(w, 'docker buildx build --help');
    expect(r.stdout).toBe(
      helpText('buildx-build').replace(
        '      --builder string                Override the configured builder\n                                      instance (default "default")\n',
        '      --builder string                Override the configured builder instance\n',
      ),
    );
    // rootFlags: the default is $BUILDX_BUILDER.
    expect((await sh(w, 'BUILDX_BUILDER=mine docker buildx build --help')).stdout).toContain('instance (default "mine")\n');
  });

  it('--check is a BoolFuncValue: pflag prints its empty DefValue, "(default )"', async () => {
    expect(helpText('buildx-build')).toContain('      --check                         Shorthand for "--call=check" (default )\n');
  });

  it('takes buildx’s options (an unknown one is buildx’s flag error, naming docker buildx build, status 125)', async () => {
    const w = await world([]);
    await w.exec("mkdir -p /tmp/ctx && printf 'FROM alpine\\n' > /tmp/ctx/Dockerfile");
    expect((await sh(w, 'docker build -q --load --pull=false --label a=b --allow network.host -t x /tmp/ctx')).exitCode).toBe(0);
    const r = await sh(w, 'docker build --disable-content-trust /tmp/ctx');
    expect([r.stderr, r.exitCode]).toEqual(["unknown flag: --disable-content-trust\nSee 'docker buildx build --help'.\n", 125]);
  });

  it('the docker driver refuses a cache export, attestations and several platforms (build/opt.go, build/utils.go notSupported)', async () => {
    const w = await world([]);
    await w.exec("mkdir -p /tmp/ctx && printf 'FROM alpine\\n' > /tmp/ctx/Dockerfile");
    const tail = 'is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at';
    expect(await sh(w, 'docker build --cache-to type=local,dest=/tmp/c /tmp/ctx')).toMatchObject({
      stderr: `ERROR: Cache export ${tail} https://docs.docker.com/go/build-cache-backends/\n`,
      exitCode: 1,
    });
    expect((await sh(w, 'docker build --cache-to type=inline -q /tmp/ctx')).exitCode).toBe(0);
    expect((await sh(w, 'docker build --sbom=true /tmp/ctx')).stderr).toBe(`ERROR: Attestation ${tail} https://docs.docker.com/go/attestations/\n`);
    expect((await sh(w, 'docker build -q --provenance=false /tmp/ctx')).exitCode).toBe(0);
    expect((await sh(w, 'docker build --platform linux/amd64,linux/arm64 /tmp/ctx')).stderr).toBe(
      `ERROR: Multi-platform build ${tail} https://docs.docker.com/go/build-multi-platform/\n`,
    );
  });

  it('an option the simulated builder does not have says so and builds nothing (the course’s line)', async () => {
    const w = await world([]);
    await w.exec("mkdir -p /tmp/ctx && printf 'FROM alpine\\n' > /tmp/ctx/Dockerfile");
    const r = await w.exec('docker build --secret id=a,src=/etc/hostname -t s /tmp/ctx');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', '', 1]);
    expect(r.notes?.[0]).toMatch(/^--secret: not simulated/);
    expect((await sh(w, 'docker image ls -q s')).stdout).toBe('');
  });
});
