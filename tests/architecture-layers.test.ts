/**
 * The layers of ARCHITECTURE.md, as import rules: each pure library may only import
 * downwards. (tests/architecture.test.ts keeps the same folders free of the DOM and of
 * Node's built-ins; this file keeps them from reaching sideways or up.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|astro|mjs)$/.test(p) ? [p] : [];
  });
}

/** The project-relative targets of a file's relative imports. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => (m[1] ?? m[2]) as string)
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(ROOT, resolve(dirname(file), s)));
}

/** A file's value imports (not `import type`), static or import(): relative ones as project paths, packages by name. */
function valueImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)]
    .map((m) => (m[1] ?? m[2]) as string)
    .map((s) => (s.startsWith('.') ? relative(ROOT, resolve(dirname(file), s)) : s));
}

/** The World facade's types-only contract: the grader replays shell goals against any World it is handed. */
const ALLOWED = new Set(['src/checker → src/sim/api.ts']);

/** folder → folders its files must not import. */
const RULES: [string, string[]][] = [
  ['src/k8s', ['src/sim', 'src/checker', 'src/ui', 'src/cli', 'src/oci']],
  ['src/oci', ['src/sim', 'src/checker', 'src/k8s', 'src/ui', 'src/cli']],
  ['src/sim', ['src/checker', 'src/ui', 'src/cli', 'src/components', 'bench', 'scripts']],
  ['src/checker', ['src/sim', 'src/ui', 'src/cli', 'src/components', 'bench', 'scripts']],
  ['src/ui', ['src/cli', 'bench', 'scripts']],
  ['src/components', ['bench']],
];

describe('layers import only downwards', () => {
  for (const [from, banned] of RULES) {
    it(`${from} imports none of ${banned.join(', ')}`, () => {
      const bad = files(join(ROOT, from)).flatMap((f) =>
        imports(f)
          .filter((target) => banned.some((b) => target === b || target.startsWith(`${b}/`)))
          .filter((target) => !ALLOWED.has(`${from} → ${target}`))
          .map((target) => `${relative(ROOT, f)} → ${target}`),
      );
      expect(bad).toEqual([]);
    });
  }
});

/**
 * Issue #14: the exercise panels run on the main thread and only draw what the grader worker
 * sends them. They import the checker, the schemas (zod), evaluation.ts (which imports the
 * checker) and the parsers as types only, so opening an exercise does not load the checker
 * twice (it cost 135 KB gzip: zod, the rule table, yaml and dockerfile-ast in the panel's chunk).
 */
describe('the exercise panels load no checker code on the main thread', () => {
  const WORKER_SIDE = new Set(['src/ui/exercise/grader.worker.ts', 'src/ui/exercise/evaluation.ts']);
  it('src/ui/exercise (but the grader worker) imports src/checker, src/schemas, evaluation.ts, zod, yaml, dockerfile-ast only as types', () => {
    const bad = files(join(ROOT, 'src/ui/exercise'))
      .filter((f) => !WORKER_SIDE.has(relative(ROOT, f)))
      .flatMap((f) =>
        valueImports(f)
          .filter((t) => /^src\/(checker|schemas)\//.test(t) || WORKER_SIDE.has(t) || /^(zod|yaml|dockerfile-ast)(\/|$)/.test(t))
          .map((t) => `${relative(ROOT, f)} → ${t}`),
      );
    expect(bad).toEqual([]);
  });
});

/**
 * Issue #14: the grader worker, started when an exercise opens, loads no zod (every schema is a
 * function of the zod it is given, built only where exercises are loaded; the build replaces the
 * rule table with its parsed data: src/ui/editor/vite-rule-table.mjs), no dockerfile-ast and no
 * simulator: those come through import() when a Dockerfile, a shell goal or a `cluster` check
 * needs them. Its static value imports, followed file to file, show it.
 */
describe("the grader worker's load path", () => {
  /** Files reached from `entry` by static value imports (not `import type`, not import()). */
  function loadPath(entry: string, stop: Set<string>): { files: Set<string>; packages: Set<string> } {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (stop.has(file)) return;
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s*['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)) {
        const s = (m[1] ?? m[2]) as string;
        if (s.startsWith('.')) walk(relative(ROOT, resolve(dirname(join(ROOT, file)), s)));
        else packages.add(s);
      }
    };
    walk(entry);
    return { files: seen, packages };
  }

  it('holds no zod, no dockerfile-ast and no simulator code', () => {
    const { files: reached, packages } = loadPath('src/ui/exercise/grader.worker.ts', new Set(['src/checker/rules/index.ts']));
    expect(reached.has('src/checker/grade-core.ts')).toBe(true);
    expect([...packages].filter((p) => /^(zod|dockerfile-ast)(\/|$)/.test(p))).toEqual([]);
    expect([...reached].filter((f) => f === 'src/schemas/zod.ts' || f === 'src/checker/engine-dockerfile.ts' || f.startsWith('src/sim/'))).toEqual([]);
  });
});

/**
 * Issue #14: the terminal's simulated host runs in a Web Worker (src/ui/terminal/world.worker.ts, world-host.ts),
 * so a command never holds the main thread. Outside the workers, src/ui imports src/sim only as
 * types: the page reads the world's state from the worker's messages (snapshots), never from a World
 * of its own. One exception: the picture's renderer (src/sim/picture), pure functions that draw a
 * snapshot the page already holds; it has no World.
 */
describe('the simulated host runs only in workers', () => {
  const WORKER_SIDE = new Set([
    'src/ui/terminal/world.worker.ts',
    'src/ui/terminal/world-host.ts',
    'src/ui/terminal/world-server.ts',
    'src/ui/exercise/grader.worker.ts',
  ]);
  it('src/ui (but the workers) imports src/sim only as types, the picture renderer aside', () => {
    const bad = files(join(ROOT, 'src/ui'))
      .filter((f) => !WORKER_SIDE.has(relative(ROOT, f)))
      .flatMap((f) =>
        valueImports(f)
          .filter((t) => t.startsWith('src/sim/') && !t.startsWith('src/sim/picture/'))
          .map((t) => `${relative(ROOT, f)} → ${t}`),
      );
    expect(bad).toEqual([]);
  });

  it('the worker-side files are the only ones that start a World', () => {
    const starters = files(join(ROOT, 'src/ui'))
      .filter((f) => /\bcreateWorld\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(starters.filter((f) => !WORKER_SIDE.has(f))).toEqual([]);
  });
});
