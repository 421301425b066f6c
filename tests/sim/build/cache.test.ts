import { describe, expect, it } from 'vitest';
import { GO_MAIN, GO_MOD, steps, world } from './helpers.ts';
import { ALPINE_319 } from '../../../src/sim/image/bases/catalog.ts';

const GOOD = `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/demo .
FROM scratch
COPY --from=build /out/demo /demo
ENTRYPOINT ["/demo"]
`;
const BAD = `FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN go mod download
RUN CGO_ENABLED=0 go build -o /out/demo .
FROM scratch
COPY --from=build /out/demo /demo
ENTRYPOINT ["/demo"]
`;
const files = (df: string, main = GO_MAIN) => ({ Dockerfile: df, 'go.mod': GO_MOD + 'require github.com/gorilla/mux v1.8.1\n', 'go.sum': 'github.com/gorilla/mux v1.8.1 h1:x\ngithub.com/gorilla/mux v1.8.1/go.mod h1:y\n', 'main.go': main });

describe('build cache (E9.2)', () => {
  it('editing a source file after the dependency step keeps it CACHED', async () => {
    const w = await world();
    const first = await w.build(files(GOOD), { tags: ['demo:1'] });
    expect(first.exitCode).toBe(0);
    const again = await w.build(files(GOOD, GO_MAIN.replace('Hello', 'Hi')), { tags: ['demo:2'] });
    expect(steps(again.stderr)).toEqual([
      '[internal] load build definition from Dockerfile',
      '[internal] load metadata for docker.io/library/golang:1.22-alpine',
      '[internal] load .dockerignore',
      expect.stringMatching(/^\[build 1\/6\] FROM docker\.io\/library\/golang:1\.22-alpine@sha256:[a-f0-9]{64}$/),
      '[internal] load build context',
      'CACHED [build 2/6] WORKDIR /src',
      'CACHED [build 3/6] COPY go.mod go.sum ./',
      'CACHED [build 4/6] RUN go mod download',
      '[build 5/6] COPY . .',
      '[build 6/6] RUN CGO_ENABLED=0 go build -o /out/demo .',
      '[stage-1 1/1] COPY --from=build /out/demo /demo',
      'exporting to image',
    ]);
    expect(again.image!.image.id).not.toBe(first.image!.image.id);
  });

  it('a rebuild with nothing changed is fully cached and gives the same image ID', async () => {
    const w = await world();
    const a = await w.build(files(GOOD), { tags: ['demo:a'] });
    const b = await w.build(files(GOOD), { tags: ['demo:b'], nowMs: Date.parse('2024-07-21T10:00:00Z') });
    expect(steps(b.stderr).filter((s) => s.startsWith('CACHED'))).toHaveLength(6);
    expect(b.image!.image.id).toBe(a.image!.image.id);
    expect(b.stderr).toContain(`=> => writing image ${a.image!.image.id}`);
  });

  it('moving COPY . . above the dependency step loses the cache', async () => {
    const w = await world();
    await w.build(files(BAD));
    const again = await w.build(files(BAD, GO_MAIN.replace('Hello', 'Hi')));
    const s = steps(again.stderr);
    expect(s).toContain('[build 3/5] COPY . .');
    expect(s).toContain('[build 4/5] RUN go mod download');
    expect(s).toContain('CACHED [build 2/5] WORKDIR /src');
  });

  it('the cache is keyed by content, not by time: same bytes, new mtime, still cached', async () => {
    const w = await world();
    await w.build(files(GOOD));
    const later = await w.build(files(GOOD), { nowMs: Date.parse('2025-01-01T00:00:00Z') });
    expect(steps(later.stderr).filter((s) => s.startsWith('CACHED'))).toHaveLength(6);
  });

  it('--no-cache runs every step again', async () => {
    const w = await world();
    await w.build(files(GOOD));
    const r = await w.build(files(GOOD), { noCache: true });
    expect(steps(r.stderr).some((s) => s.startsWith('CACHED'))).toBe(false);
  });

  it('--build-arg changes the key of RUN steps that see the ARG', async () => {
    const w = await world();
    const df = 'FROM alpine:3.20\nARG GREETING=hi\nRUN echo $GREETING > /greeting\n';
    await w.build({ Dockerfile: df });
    expect(steps((await w.build({ Dockerfile: df })).stderr)).toContain('CACHED [2/2] RUN echo $GREETING > /greeting');
    const r = await w.build({ Dockerfile: df }, { buildArgs: { GREETING: 'hello' }, tags: ['g:1'] });
    expect(steps(r.stderr)).toContain('[2/2] RUN echo $GREETING > /greeting');
    const top = r.image!.image.layers.at(-1)!;
    expect(new TextDecoder().decode((top.tree.get('/greeting') as { data: Uint8Array }).data)).toBe('hello\n');
    expect(r.image!.image.config.history.at(-1)!.created_by).toBe('RUN |1 GREETING=hello /bin/sh -c echo $GREETING > /greeting # buildkit');
  });
});

describe('base images', () => {
  it('a moved base tag is picked up by the next build and invalidates the cache', async () => {
    const w = await world();
    const df = 'FROM alpine:3.20\nRUN echo hi > /hi\n';
    const a = await w.build({ Dockerfile: df });
    expect(steps((await w.build({ Dockerfile: df })).stderr)).toContain('CACHED [2/2] RUN echo hi > /hi');
    const moved = await w.reg.publish({ ...ALPINE_319, tags: ['3.20'] });
    const b = await w.build({ Dockerfile: df });
    expect(steps(b.stderr)).toContain(`[1/2] FROM docker.io/library/alpine:3.20@${moved}`);
    expect(steps(b.stderr)).toContain('[2/2] RUN echo hi > /hi');
    expect(b.image!.image.id).not.toBe(a.image!.image.id);
  });
});

describe('npm (E9.2, node flavour)', () => {
  it('package.json + package-lock.json first: npm ci stays CACHED after a source edit', async () => {
    const w = await world();
    const df = 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n';
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/express': {}, 'node_modules/debug': {}, 'node_modules/jest': { dev: true } } });
    const files = (src: string) => ({ Dockerfile: df, 'package.json': '{"name":"app","dependencies":{"express":"^4.19.2"}}', 'package-lock.json': lock, 'server.js': src });
    const first = await w.build(files('console.log(1)\n'));
    expect(first.exitCode).toBe(0);
    const layers = first.image!.image.layers;
    expect([...layers.at(-2)!.tree.keys()].filter((k) => k.startsWith('/app/node_modules/') && k.endsWith('index.js'))).toEqual(['/app/node_modules/debug/index.js', '/app/node_modules/express/index.js']);
    const again = await w.build(files('console.log(2)\n'));
    expect(steps(again.stderr)).toContain('CACHED [4/5] RUN npm ci --omit=dev');
    expect(steps(again.stderr)).toContain('[5/5] COPY . .');
    const noLock = await w.build({ Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\n', 'package.json': '{}' });
    expect(noLock.stderr).toContain('The `npm ci` command can only install with an existing package-lock.json or');
  });
});
