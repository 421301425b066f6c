import { describe, expect, it } from 'vitest';
import { humanSize } from '../../../src/sim/image/units.ts';
import { historyRows } from '../../../src/sim/image/image.ts';
import { formatImages } from '../../../src/sim/image/format.ts';
import { T0, world } from './helpers.ts';

const SRC = { Makefile: 'app: main.c\n\tcc -O2 -o app main.c\ninstall: app\n\tinstall -m 0755 app /usr/local/bin/app\n', 'main.c': 'int main(void){return 0;}\n' };
const BAD = `FROM debian:12
COPY . /src
RUN apt-get update && apt-get install -y build-essential
RUN make -C /src install
RUN apt-get autoremove --purge -y build-essential && rm -rf /var/lib/apt/lists/*
CMD ["app"]
`;
const GOOD = `FROM debian:12
COPY . /src
RUN apt-get update && apt-get install -y build-essential \\
    && make -C /src install \\
    && apt-get autoremove --purge -y build-essential \\
    && rm -rf /var/lib/apt/lists/*
CMD ["app"]
`;
const runRows = (img: Parameters<typeof historyRows>[0]) => historyRows(img).filter((r) => r.entry.created_by?.startsWith('RUN '));

describe('L9 / E7.2 sizes', () => {
  it('3 RUN layers totalling 412MB become 1 layer of 38MB', async () => {
    const w = await world();
    const bad = (await w.build({ Dockerfile: BAD, ...SRC }, { tags: ['demo:bad'] })).image!.image;
    const good = (await w.build({ Dockerfile: GOOD, ...SRC }, { tags: ['demo:good'] })).image!.image;
    const badRuns = runRows(bad);
    expect(badRuns).toHaveLength(3);
    expect(humanSize(badRuns.reduce((n, r) => n + r.size, 0))).toBe('412MB');
    expect(badRuns.map((r) => humanSize(r.size))).toEqual(['78kB', '37.9MB', '374MB']);
    const goodRuns = runRows(good);
    expect(goodRuns.map((r) => humanSize(r.size))).toEqual(['38MB']);
    expect(good.size).toBeLessThan(bad.size - 370_000_000);
    // the deletions of the bad build are whiteouts in its last layer, still paying for the bytes below
    const last = bad.layers.at(-1)!.tree;
    expect(last.get('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4')).toEqual({ type: 'whiteout' });
  });

  it('fixture sizes: golang:1.22 ≈814MB, alpine ≈7MB, demo:scratch ≈2MB, demo:fat ≈820MB', async () => {
    const w = await world();
    const G = `FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod ./
COPY . .
RUN CGO_ENABLED=0 go build -o /out/demo .
FROM scratch
COPY --from=build /out/demo /demo
ENTRYPOINT ["/demo"]
`;
    const go = { Dockerfile: G, 'go.mod': 'module example.com/demo\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n' };
    const scratch = (await w.build(go, { tags: ['demo:scratch'] })).image!.image;
    const fat = (await w.build(go, { tags: ['demo:fat'], target: 'build' })).image!.image;
    await w.svc.pull('golang:1.22');
    await w.svc.pull('alpine:3.20');
    expect(humanSize(scratch.size)).toBe('2.01MB');
    expect(scratch.layers).toHaveLength(1);
    expect(scratch.config.config.Entrypoint).toEqual(['/demo']);
    expect(humanSize(fat.size)).toBe('820MB');
    const table = formatImages(w.svc.store, { nowMs: T0 + 7_200_000 });
    expect(table).toMatch(/^golang +1\.22 +[a-f0-9]{12} +2 months ago +814MB$/m);
    expect(table).toMatch(/^alpine +3\.20 +[a-f0-9]{12} +9 days ago +7\.8MB$/m);
    expect(table).toMatch(/^demo +scratch +[a-f0-9]{12} +2 hours ago +2\.01MB$/m);
  });

  it('a stripped binary (-ldflags="-s -w") is 70% of the size', async () => {
    const w = await world();
    const df = 'FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go build -ldflags="-s -w" -o /app .\n';
    const r = await w.build({ Dockerfile: df, 'go.mod': 'module x\n\ngo 1.22\n', 'main.go': 'package main\n' });
    const top = r.image!.image.layers.at(-1)!.tree.get('/app');
    expect(top).toMatchObject({ type: 'file', size: Math.round((2_010_000 + 3 * 13) * 0.7) });
  });
});
