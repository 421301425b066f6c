/**
 * Benchmarks for `npm run bench`: `docker build` of a 10-instruction
 * Dockerfile (cold, then fully cached) and `docker pull` of a 3-layer image,
 * plus the one-off cost of materializing the fixture registry. Wall-clock ms
 * (performance.now), median and worst over `rounds` runs.
 */
import { Builder } from '../build/builder.ts';
import { ALPINE_320, GOLANG_122_ALPINE } from './bases/catalog.ts';
import { BUILDKIT, type BaseImageDef } from './bases/define.ts';
import { Registry } from './registry.ts';
import { ImageService } from './service.ts';
import { ImageStore } from './store.ts';

export interface BenchResult {
  name: string;
  rounds: number;
  medianMs: number;
  maxMs: number;
}

/** Ten instructions: FROM, WORKDIR, COPY, RUN, COPY, RUN, ENV, EXPOSE, USER, CMD. */
export const BENCH_DOCKERFILE = `FROM golang:1.22-alpine
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .
ENV APP_ENV=production
EXPOSE 8080
USER 65532
CMD ["/out/app"]
`;

const CONTEXT = new Map([
  ['Dockerfile', { data: BENCH_DOCKERFILE }],
  ['go.mod', { data: 'module example.com/app\n\ngo 1.22\n' }],
  ['main.go', { data: 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' }],
]);

/** A 3-layer image: alpine's rootfs plus two app layers. */
export const BENCH_IMAGE: BaseImageDef = {
  repo: 'docker.io/bench/app',
  tags: ['1.0'],
  created: '2024-09-01T00:00:00Z',
  from: ALPINE_320,
  flavor: 'docker',
  steps: [
    {
      createdBy: 'RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/etc/ssl/certs/ca-certificates.crt', 219_342, 0o644);
      },
    },
    {
      createdBy: 'COPY app /usr/local/bin/app # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/usr/local/bin/app', 6_000_000);
      },
    },
    { createdBy: 'CMD ["app"]', comment: BUILDKIT },
  ],
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['app'] },
};

function summarize(name: string, samples: number[]): BenchResult {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Number(x.toFixed(2));
  return { name, rounds: s.length, medianMs: r(s[Math.floor((s.length - 1) / 2)]!), maxMs: r(s[s.length - 1]!) };
}

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** `docker build` of the 10-instruction Dockerfile: cold (empty cache) and warm (all CACHED). */
export async function benchBuild(rounds = 10): Promise<BenchResult[]> {
  const registry = await Registry.fixture([ALPINE_320, GOLANG_122_ALPINE]);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const builder = new Builder(new ImageService(new ImageStore(), registry));
    const opts = { context: CONTEXT, tags: ['bench:latest'], nowMs: Date.parse('2024-09-16T11:45:00Z') };
    cold.push(
      await time(async () => {
        const r = await builder.build(opts);
        if (r.exitCode !== 0) throw new Error(`bench build failed:\n${r.stderr}`);
      }),
    );
    warm.push(await time(() => builder.build(opts)));
  }
  return [summarize('docker build (10 instructions, cold cache)', cold), summarize('docker build (10 instructions, all CACHED)', warm)];
}

/** `docker pull` of a 3-layer image into an empty store. */
export async function benchPull(rounds = 20): Promise<BenchResult[]> {
  const registry = await Registry.fixture([ALPINE_320, BENCH_IMAGE]);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const svc = new ImageService(new ImageStore(), registry);
    samples.push(
      await time(async () => {
        const r = await svc.pull('bench/app:1.0');
        if (r.exitCode !== 0) throw new Error(`bench pull failed: ${r.stderr}`);
      }),
    );
  }
  return [summarize('docker pull (3 layers)', samples)];
}

/** One-off: materializing every fixture image (both platforms) and publishing it. */
export async function benchFixtureRegistry(): Promise<BenchResult[]> {
  return [summarize('fixture registry (all catalog images)', [await time(() => Registry.fixture())])];
}

export async function runImageBench(): Promise<BenchResult[]> {
  const { benchWorldImages } = await import('../bench.ts');
  return [...(await benchFixtureRegistry()), ...(await benchBuild()), ...(await benchPull()), ...(await benchWorldImages())];
}
