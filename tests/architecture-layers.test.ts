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
