import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../../src/sim/image/digest.ts';
import { mergeLayers } from '../../../src/sim/image/tree.ts';
import { parseDockerfile } from '../../../src/sim/build/dockerfile.ts';
import { steps, world } from './helpers.ts';

describe('Dockerfile instructions', () => {
  it('metadata instructions set the config and add empty history entries', async () => {
    const w = await world();
    const df = `FROM alpine:3.20
LABEL org.opencontainers.image.title="demo app" version=1
ENV GREETING=hi APP_HOME=/srv/app
ARG BUILD=dev
WORKDIR $APP_HOME
USER nobody
EXPOSE 8080 53/udp
VOLUME ["/data"]
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=5s --retries=3 CMD wget -qO- http://localhost:8080/ || exit 1
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["serve", "--port", "8080"]
`;
    const r = await w.build({ Dockerfile: df }, { tags: ['meta:1'] });
    expect(r.exitCode).toBe(0);
    const c = r.image!.image.config;
    expect(c.config).toEqual({
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GREETING=hi', 'APP_HOME=/srv/app'],
      Cmd: ['serve', '--port', '8080'],
      Labels: { 'org.opencontainers.image.title': 'demo app', version: '1' },
      WorkingDir: '/srv/app',
      User: 'nobody',
      ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
      Volumes: { '/data': {} },
      StopSignal: 'SIGTERM',
      Healthcheck: { Test: ['CMD-SHELL', 'wget -qO- http://localhost:8080/ || exit 1'], Interval: 5_000_000_000, Retries: 3 },
      Entrypoint: ['/docker-entrypoint.sh'],
    });
    const by = c.history.slice(2).map((h) => [h.created_by, h.empty_layer ?? false]);
    expect(by).toEqual([
      ['LABEL org.opencontainers.image.title=demo app version=1', true],
      ['ENV GREETING=hi APP_HOME=/srv/app', true],
      ['ARG BUILD=dev', true],
      ['WORKDIR /srv/app', false],
      ['USER nobody', true],
      ['EXPOSE map[53/udp:{} 8080/tcp:{}]', true],
      ['VOLUME [/data]', true],
      ['STOPSIGNAL SIGTERM', true],
      [`HEALTHCHECK &{["CMD-SHELL" "wget -qO- http://localhost:8080/ || exit 1"] "5s" "0s" "0s" "0s" '\\x03'}`, true],
      ['ENTRYPOINT ["/docker-entrypoint.sh"]', true],
      ['CMD ["serve" "--port" "8080"]', true],
    ]);
  });

  it('shell-form CMD goes through /bin/sh -c; ENTRYPOINT resets an inherited CMD', async () => {
    const w = await world();
    const r = await w.build({ Dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["top", "-b"]\n' });
    expect(r.image!.image.config.config.Cmd).toBeNull();
    const s = await w.build({ Dockerfile: 'FROM alpine:3.20\nCMD echo "hello docker!"\n' });
    expect(s.image!.image.config.config.Cmd).toEqual(['/bin/sh', '-c', 'echo "hello docker!"']);
  });

  it('multi-stage: only the stages the target needs run; COPY --from copies files', async () => {
    const w = await world();
    const df = `FROM alpine:3.20 AS unused
RUN echo never
FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .
FROM gcr.io/distroless/static
COPY --from=build /out/app /app
USER 65532:65532
ENTRYPOINT ["/app"]
`;
    const r = await w.build({ Dockerfile: df, 'go.mod': 'module app\n\ngo 1.22\n', 'main.go': 'package main\n' }, { tags: ['app:1'] });
    const s = steps(r.stderr);
    expect(s.some((x) => x.includes('echo never'))).toBe(false);
    expect(s).toContain('[stage-2 2/2] COPY --from=build /out/app /app');
    const root = mergeLayers(r.image!.image.layers.map((l) => l.tree));
    expect(root.get('/app')).toMatchObject({ type: 'file', mode: 0o755 });
    expect(root.has('/bin/sh')).toBe(false);
    expect(r.image!.image.config.history.at(-3)!.created_by).toBe('COPY /out/app /app # buildkit');
    const t = await w.build({ Dockerfile: df, 'go.mod': 'module app\n\ngo 1.22\n', 'main.go': 'package main\n' }, { target: 'build' });
    expect(steps(t.stderr).some((x) => x.includes('distroless'))).toBe(false);
  });

  it('-f picks another Dockerfile; .dockerignore keeps files out of the context', async () => {
    const w = await world();
    const r = await w.build({ 'docker/Dockerfile.prod': 'FROM alpine:3.20\nCOPY . /ctx\n', '.dockerignore': 'secrets\n*.log\n!keep.log\n', 'a.txt': 'a', 'secrets/key': 'k', 'x.log': 'l', 'keep.log': 'k' }, { file: 'docker/Dockerfile.prod' });
    expect(r.stderr).toContain(' => [internal] load build definition from Dockerfile.prod');
    const top = r.image!.image.layers.at(-1)!.tree;
    expect([...top.keys()].filter((k) => k.startsWith('/ctx/')).sort()).toEqual(['/ctx/.dockerignore', '/ctx/a.txt', '/ctx/docker', '/ctx/docker/Dockerfile.prod', '/ctx/keep.log']);
  });

  it('heredocs in RUN and COPY, continuation lines, --chown', async () => {
    const w = await world();
    const df = `# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
mkdir -p /etc/app
echo ready > /etc/app/state
EOF
COPY --chown=1000:1000 <<EOF /etc/app/app.conf
listen 8080
EOF
RUN adduser -D -u 1000 app \\
    && chown app /etc/app
`;
    const r = await w.build({ Dockerfile: df });
    expect(r.exitCode).toBe(0);
    const root = mergeLayers(r.image!.image.layers.map((l) => l.tree));
    expect(fromUtf8((root.get('/etc/app/state') as { data: Uint8Array }).data)).toBe('ready\n');
    expect(root.get('/etc/app/app.conf')).toMatchObject({ uid: 1000, gid: 1000, size: 12 });
    expect(fromUtf8((root.get('/etc/passwd') as { data: Uint8Array }).data)).toContain('app:x:1000:1000:Linux User,,,:/home/app:/bin/sh\n');
    expect(root.get('/etc/app')).toMatchObject({ uid: 1000 });
  });

  it('parses heredocs and the exec form with spaces (dockerfile-ast drops them)', () => {
    const df = parseDockerfile('FROM scratch\nCMD ["nginx", "-g", "daemon off;"]\nCOPY <<EOF /x\na b\nEOF\n');
    const [cmd, copy] = df.stages[0]!.instructions;
    expect(cmd!.json).toEqual(['nginx', '-g', 'daemon off;']);
    expect(copy!.heredocs).toEqual([{ name: 'EOF', content: 'a b\n' }]);
  });

  it('RUN in a shell-less image fails like runc does', async () => {
    const w = await world();
    const r = await w.build({ Dockerfile: 'FROM gcr.io/distroless/static\nRUN echo hi\n' });
    expect(r.stderr).toMatch(/ERROR: failed to solve: process "\/bin\/sh -c echo hi" did not complete successfully: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "\/bin\/sh": stat \/bin\/sh: no such file or directory: unknown\n$/);
  });
});
