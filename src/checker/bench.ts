/**
 * Checker throughput for `npm run bench`: manifests checked per second (all rules of
 * the restricted and course profiles), against bare YAML parsing of the same texts
 * (the floor), and Dockerfiles checked per second. Pure TypeScript.
 */
import { parseAllDocuments } from 'yaml';
import { checkFiles } from './engine.ts';
import { ALL_RULES } from './rules/index.ts';

declare const performance: { now(): number };

export interface CheckerBench {
  manifests: number;
  manifestsPerSecond: number;
  yamlParsesPerSecond: number;
  /** Checking time ÷ bare parsing time for the same texts, median of alternating rounds (1.0 would be "free"). */
  ratioToParse: number;
  dockerfilesPerSecond: number;
}

function manifest(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  labels: {app: web-${i}}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels: {app: web-${i}}
  template:
    metadata:
      labels: {app: web-${i}}
    spec:
      securityContext:
        runAsNonRoot: ${i % 2 === 0}
        seccompProfile: {type: RuntimeDefault}
      containers:
      - name: app
        image: registry.example.com:5000/team/app-${i}:1.${i}
        ports: [{containerPort: 8080}]
        env:
        - {name: GREETING, value: "hello ${i}"}
        resources:
          requests: {cpu: 100m, memory: 64Mi}
          limits: {cpu: 500m, memory: ${i % 4 === 0 ? '128M' : '128Mi'}}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [${i % 5 === 0 ? 'all' : 'ALL'}]
        readinessProbe: {httpGet: {path: /healthz, port: 8080}}
      - name: sidecar
        image: envoyproxy/envoy:v1.30.${i % 10}
        securityContext:
          capabilities: {add: [NET_ADMIN]}
      volumes:
      - {name: tmp, emptyDir: {}}
`;
}

function dockerfile(i: number): string {
  return `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app-${i} .

FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/app-${i} /app
RUN <<EOF
echo built ${i} > /etc/build-info
EOF
EXPOSE 8080
USER ${i % 2 ? 10001 : 'root'}
CMD ${i % 3 ? '["/app"]' : '/app --serve'}
`;
}

function timeIt(fn: () => void, minMs: number): { perSecond: number; msPerRun: number } {
  fn(); // warm up
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    runs++;
    elapsed = performance.now() - start;
  }
  return { perSecond: (runs * 1000) / elapsed, msPerRun: elapsed / runs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Times `a` and `b` side by side: both warmed up first (a cold JIT made the first of them
 * look several times slower), then timed in alternating rounds, so that a load spike on a
 * shared machine hits both. Returns each one's median round and the median of the
 * per-round ratios a ÷ b.
 */
function sideBySide(a: () => void, b: () => void, minMs: number): { aMs: number; bMs: number; ratio: number } {
  for (const fn of [a, b]) {
    const until = performance.now() + minMs / 4;
    do fn();
    while (performance.now() < until);
  }
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  const start = performance.now();
  while (as.length < 9 || performance.now() - start < minMs * 2) {
    let t = performance.now();
    a();
    const ta = performance.now() - t;
    t = performance.now();
    b();
    const tb = performance.now() - t;
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { aMs: median(as), bMs: median(bs), ratio: median(ratios) };
}

export async function benchChecker(options: { manifests?: number; minMs?: number } = {}): Promise<CheckerBench> {
  const n = options.manifests ?? 100;
  const minMs = options.minMs ?? 1000;
  const texts = Array.from({ length: n }, (_, i) => manifest(i));
  const files = texts.map((text, i) => ({ name: `m${i}.yaml`, text }));
  const every = Object.fromEntries(ALL_RULES.map((r) => [r.id, r.severity]));
  const grading = sideBySide(
    () => {
      for (const f of files) checkFiles([f], { profile: every });
    },
    () => {
      for (const t of texts) for (const d of parseAllDocuments(t) as unknown as { toJS(): unknown }[]) d.toJS();
    },
    minMs,
  );
  const dfs = Array.from({ length: n }, (_, i) => ({ name: `Dockerfile.${i}`, text: dockerfile(i) }));
  const df = timeIt(() => {
    for (const f of dfs) checkFiles([f], { profile: every });
  }, minMs);
  return {
    manifests: n,
    manifestsPerSecond: (n * 1000) / grading.aMs,
    yamlParsesPerSecond: (n * 1000) / grading.bMs,
    ratioToParse: grading.ratio,
    dockerfilesPerSecond: df.perSecond * n,
  };
}
