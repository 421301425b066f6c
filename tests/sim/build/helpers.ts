import { Registry } from '../../../src/sim/image/registry.ts';
import { ImageStore } from '../../../src/sim/image/store.ts';
import { ImageService } from '../../../src/sim/image/service.ts';
import { Builder, type BuildOptions } from '../../../src/sim/build/builder.ts';
import { ALPINE_320, DEBIAN_12, GOLANG_122, GOLANG_122_ALPINE } from '../../../src/sim/image/bases/catalog.ts';
import { DISTROLESS_STATIC, NODE_20_ALPINE } from '../../../src/sim/image/bases/catalog-more.ts';

/** The fixture world's clock at start (content/world/node1.json startTime). */
export const T0 = Date.parse('2024-09-16T11:45:00Z');

export async function world() {
  const reg = await Registry.fixture([ALPINE_320, DEBIAN_12, GOLANG_122, GOLANG_122_ALPINE, DISTROLESS_STATIC, NODE_20_ALPINE]);
  const svc = new ImageService(new ImageStore(), reg);
  const builder = new Builder(svc);
  const build = (files: Record<string, string>, o: Partial<BuildOptions> = {}) =>
    builder.build({ context: new Map(Object.entries(files).map(([k, v]) => [k, { data: v }])), nowMs: T0, columns: 200, ...o });
  return { reg, svc, builder, build };
}

/** The vertex lines of a progress screen, without the right-aligned timings. */
export function steps(progress: string): string[] {
  return progress
    .split('\n')
    .filter((l) => l.startsWith(' => ') && !l.startsWith(' => => '))
    .map((l) => l.replace(/\s+\d+\.\d+s$/, '').slice(4).trimEnd());
}

export const GO_MAIN = 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "Hello, 世界") })\n\thttp.ListenAndServe(":8888", nil)\n}\n';
export const GO_MOD = 'module github.com/cloudnativedevops/demo/hello\n\ngo 1.22\n';
