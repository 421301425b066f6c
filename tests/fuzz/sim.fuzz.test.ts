/**
 * A short fuzz run of the simulator in the normal test suite (the long one is `npm run fuzz`):
 * generated Go templates fail only with Go's template errors or a line limit, and generated
 * shell lines always resolve without an internal error. Minimised failures become the
 * regression cases below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellCase, shellInput, templateCase, templateInput } from './sim-harness.ts';

const seed = Number(process.env.CC_FUZZ_SEED ?? 20261203);

describe('fuzz the simulator (short run)', () => {
  it('the Go template engine: only template errors and line limits', () => {
    fc.assert(
      fc.property(templateInput, (t) => {
        templateCase(t);
      }),
      { numRuns: 500, seed },
    );
  }, 60_000);
  it('the shell: every line resolves, with no internal error', async () => {
    await fc.assert(
      fc.asyncProperty(shellInput, async (l) => {
        await shellCase(l);
      }),
      { numRuns: 40, seed },
    );
  }, 300_000);
});

describe('minimised failures (regressions)', () => {
  it.each([
    ['a template that calls itself', '{{define "a"}}{{template "a"}}{{end}}{{template "a"}}'],
    ['a width past what a string holds', '{{printf "%999999999d" 1}}'],
    ['a precision past toFixed', '{{printf "%.200e" 0.1}}'],
    ['a range with no end in sight', '{{range 1000000000}}{{end}}'],
    ['a prototype name as a function', '{{constructor}}'],
  ])('%s', (_name, text) => {
    expect(() => templateCase({ text, data: 0 })).not.toThrow();
  });
});
