import { expect, it } from 'vitest';
import { benchChecker } from '../../src/checker/bench.ts';

it('benchChecker reports all four figures', async () => {
  const r = await benchChecker({ manifests: 5, minMs: 20 });
  expect(r.manifests).toBe(5);
  for (const k of ['manifestsPerSecond', 'yamlParsesPerSecond', 'ratioToParse', 'dockerfilesPerSecond'] as const) {
    expect(Number.isFinite(r[k]) && r[k] > 0).toBe(true);
  }
});
