import { describe, expect, it } from 'vitest';
import { formatPlatform, parsePlatform, platformMatches } from '../../../src/sim/image/platform.ts';
import { sh, world } from '../helpers.ts';

// containerd/platforms@v0.2.1:platforms.go Parse and Format, as docker/cli and moby v27.3.1 vendor them.
describe('platforms.Parse', () => {
  it('normalises what it parses', () => {
    const cases: [string, string][] = [
      ['linux', 'linux/amd64'],
      ['arm64', 'linux/arm64'],
      ['aarch64', 'linux/arm64'],
      ['linux/arm64', 'linux/arm64'],
      ['linux/arm64/v8', 'linux/arm64/v8'],
      ['linux/aarch64/8', 'linux/arm64/v8'],
      ['linux/x86_64', 'linux/amd64'],
      ['linux/amd64/v1', 'linux/amd64'],
      ['Linux/ARMHF', 'linux/arm'],
      ['linux/arm', 'linux/arm'],
      ['linux/arm/7', 'linux/arm/v7'],
      ['macos/arm64', 'darwin/arm64'],
      ['windows(10.0.17763)/amd64', 'windows/amd64'],
    ];
    for (const [spec, want] of cases) {
      const p = parsePlatform(spec);
      expect(typeof p === 'string' ? p : formatPlatform(p), spec).toBe(want);
    }
  });
  it('errors as Go prints them, errInvalidArgument wrapped', () => {
    expect(parsePlatform('foo')).toBe('"foo": unknown operating system or architecture: invalid argument');
    expect(parsePlatform('linux/*')).toBe('"linux/*": wildcards not yet supported: invalid argument');
    expect(parsePlatform('a/b/c/d')).toBe('"a/b/c/d": cannot parse platform specifier: invalid argument');
    // strings.SplitN(specifier, "/", 4): the fourth part keeps its slashes.
    expect(parsePlatform('a/b/c/d/e')).toBe(
      '"d/e" is an invalid component of "a/b/c/d/e": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument',
    );
    expect(parsePlatform('linux/arm 64')).toBe(
      '"arm 64" is an invalid component of "linux/arm 64": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument',
    );
    expect(parsePlatform('')).toBe(
      '"" is an invalid OS component of "": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$": invalid argument',
    );
  });
  it('matches as platforms.Only with moby’s fallback', () => {
    const host = { os: 'linux', architecture: 'amd64', variant: 'v3' };
    expect(platformMatches(host, { os: 'linux', architecture: 'amd64' })).toBe(true);
    expect(platformMatches(host, { os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe(false);
    expect(platformMatches({ os: 'linux', architecture: 'arm64' }, { os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe(true);
    expect(platformMatches({ os: 'linux', architecture: 'amd64', variant: 'v2' }, { os: 'linux', architecture: 'amd64', variant: 'v3' })).toBe(false);
  });
});

describe('docker run --platform', () => {
  it('an arm64 image on node1: the daemon warns, runc init cannot exec it (exit 1)', async () => {
    const w = await world([]);
    await sh(w, 'docker pull -q --platform linux/arm64 busybox');
    const r = await sh(w, 'docker run --name bb busybox uname -m');
    // moby@v27.3.1:daemon/create.go containerCreate (the warning); runc@v1.1.14:libcontainer/factory_linux.go
    // StartInitialization prints the exec error to the container's stderr and init.go exits 1.
    expect(r.out).toBe(
      "WARNING: The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64/v3) and no specific platform was requested\n" +
        'exec /bin/uname: exec format error\n',
    );
    expect(r.exitCode).toBe(1);
    expect((await sh(w, 'docker inspect -f "{{.State.ExitCode}}" bb')).out).toBe('1\n');
    // With --platform there is no warning (the check runs only when no platform was asked for).
    const again = await sh(w, 'docker run --rm --platform linux/arm64 busybox true');
    expect(again.out).toBe('exec /bin/true: exec format error\n');
  });
});
