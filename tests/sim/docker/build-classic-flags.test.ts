/**
 * `docker build` is buildx's build (BuildKit is the default builder of Docker 27.3.1): the classic builder's options
 * are hidden buildx flags that change nothing, and three of them log their "flag-warn" annotation
 * (docker/buildx@v0.17.1:commands/build.go checkWarnedFlags, util/logutil/format.go "WARNING: msg").
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

describe('docker build: the classic builder options under BuildKit', () => {
  it('warns for --isolation, --security-opt and --squash, in pflag order, and builds the same image', async () => {
    const w = createWorld();
    await w.exec("mkdir -p /tmp/ctx && printf 'FROM alpine\\nRUN echo hi > /hi\\n' > /tmp/ctx/Dockerfile");
    const plain = await w.exec('docker build -q -t plain /tmp/ctx');
    expect(plain.stderr).toBe('');
    const r = await w.exec(
      'docker build -q --squash --security-opt seccomp=unconfined --isolation default --compress --force-rm -m 1g --rm=false -t classic /tmp/ctx',
    );
    expect(r.stderr).toBe(
      'WARNING: isolation flag is deprecated with BuildKit.\n' +
        'WARNING: security-opt flag is deprecated. "RUN --security=insecure" should be used with BuildKit.\n' +
        'WARNING: experimental flag squash is removed with BuildKit. You should squash inside build using a multi-stage Dockerfile for efficiency.\n',
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(plain.stdout);
  });
});
