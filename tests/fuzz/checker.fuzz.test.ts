/**
 * A short fuzz run in the normal test suite (the long one is `npm run fuzz`): mutated
 * manifests and Dockerfiles never throw out of the checker, every offered fix gives text
 * that parses (or is refused with a clear message), and the reference parser throws only
 * its own errors. Minimised failures found by the long run are the regression cases below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFix } from '../../src/checker/fix.ts';
import { checkFiles } from '../../src/checker/engine.ts';
import { parseManifests } from '../../src/checker/parse/yaml.ts';
import { checkCase, checkerCase, referenceCase, referenceInput, starters } from './harness.ts';

// A fixed seed keeps `npm test` deterministic (a red CI must mean a change broke something);
// `npm run fuzz` explores fresh seeds, and CC_FUZZ_SEED replays one it printed.
const seed = Number(process.env.CC_FUZZ_SEED ?? 20261202);

describe('fuzz (short run)', () => {
  it('the checker: 0 uncaught exceptions over mutated manifests and Dockerfiles', () => {
    fc.assert(
      fc.property(checkerCase, ([manifest, dockerfile]) => {
        checkCase(manifest, dockerfile);
      }),
      { numRuns: 100, seed },
    );
  }, 60_000);
  it('the reference parser: only ImageReferenceError, and valid references round-trip', () => {
    fc.assert(
      fc.property(referenceInput, (s) => {
        referenceCase(s);
      }),
      { numRuns: 1000, seed },
    );
  }, 60_000);
  it('every fix offered on every exercise starter applies and leaves a file that parses', () => {
    let applied = 0;
    for (const text of starters) {
      const [r] = checkFiles([{ name: 'pod.yaml', text }], { profile: 'restricted' });
      for (const f of r!.findings.filter((x) => x.fix)) {
        const out = applyFix(text, f.fix!);
        expect(parseManifests(out, 'pod.yaml').errors).toEqual([]);
        applied++;
      }
    }
    expect(applied).toBeGreaterThan(10);
  });
});

describe('minimised failures (regressions)', () => {
  it.each([
    ['C1: a quote and a CR', '"\r'],
    ['C2: kind isPrototypeOf', "'kind': 'isPrototypeOf'"],
    ['C3: a toString map as a quantity', 'kind: Pod\nspec:\n containers:\n - resources:\n    requests:\n     memory:\n      toString:'],
    ['C4: a toString map as a seccomp type', 'kind: Pod\nspec:\n securityContext:\n  seccompProfile:\n   type:\n    toString:'],
    [
      'C5: a toString map as a dropped capability',
      'kind: Pod\nspec:\n containers:\n - securityContext:\n    capabilities:\n     drop:\n      - toString: null',
    ],
    ['C6: a toString map as a label value', 'kind: Pod\nmetadata:\n labels:\n  a:\n   toString: null\nspec:\n containers: []'],
    ['F1: a fix through null', 'kind: Pod\nspec:\n containers:\n - securityContext:'],
    ['F1: a fix through an empty string', "kind: Pod\nspec:\n containers:\n - securityContext: ''"],
    ['F1: a fix through a list', 'kind: Pod\nspec:\n containers:\n - securityContext:\n    capabilities: []'],
    ['F1: a fix through a list item', 'kind: Pod\nspec:\n containers:\n - securityContext:\n   - ""'],
    ['F2: a !!binary target', 'kind: Pod\nspec:\n containers:\n - securityContext:\n    readOnlyRootFilesystem: !!binary'],
    ['F3: a tagged kind', 'kind: !!float Pod\nspec:\n containers:\n - :'],
  ])('%s', (_name, text) => {
    expect(() => checkCase(text, null)).not.toThrow();
  });
});
