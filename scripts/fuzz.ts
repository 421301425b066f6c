/**
 * `npm run fuzz [-- --cases N --seed S --only checker|reference]`: the long fuzz run of issue #17. Runs N
 * (default 100,000) generated cases, split between the checker (mutated manifests and
 * Dockerfiles, every offered fix applied, grading) and the OCI reference parser, and
 * prints a summary: cases, exceptions, the slowest case. An exception is then minimised
 * by fast-check and printed, to become a regression case in tests/fuzz.
 */
import fc from 'fast-check';
import { checkCase, checkerCase, referenceCase, referenceInput } from '../tests/fuzz/harness.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const total = flag('cases', 100_000);
const seed = flag('seed', Date.now() % 2 ** 31);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const checkerShare = only === 'reference' ? 0 : only === 'checker' ? total : Math.round(total * 0.6);

interface Stats { cases: number; exceptions: number; first?: { input: unknown; error: string }; slowest: { ms: number; input: unknown } }

function run<T>(name: string, arb: fc.Arbitrary<T>, n: number, body: (v: T) => unknown): Stats {
  const stats: Stats = { cases: 0, exceptions: 0, slowest: { ms: 0, input: null } };
  const started = Date.now();
  // A property that never fails: every case runs, and exceptions are counted.
  fc.assert(fc.property(arb, (v) => {
    const t = performance.now();
    try {
      body(v);
    } catch (e) {
      stats.exceptions++;
      stats.first ??= { input: v, error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
    }
    const ms = performance.now() - t;
    if (ms > stats.slowest.ms) stats.slowest = { ms, input: v };
    stats.cases++;
    if (stats.cases % 2500 === 0) process.stderr.write(`${name}: ${stats.cases}/${n} cases, ${stats.exceptions} exceptions, slowest ${stats.slowest.ms.toFixed(0)} ms (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }), { numRuns: n, seed });
  return stats;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s;
}

const t0 = Date.now();
const checker = run('checker', checkerCase, checkerShare, ([m, d]) => checkCase(m, d));
const reference = run('reference', referenceInput, total - checkerShare, (s) => referenceCase(s));
const seconds = Math.round((Date.now() - t0) / 1000);

console.log(`fuzz: ${checker.cases + reference.cases} cases in ${seconds} s (seed ${seed})`);
for (const [name, s] of [['checker', checker], ['reference parser', reference]] as const) {
  console.log(`  ${name}: ${s.cases} cases, ${s.exceptions} exceptions, slowest ${s.slowest.ms.toFixed(0)} ms: ${show(s.slowest.input)}`);
  if (s.first) console.log(`    first exception: ${s.first.error}\n    input: ${show(s.first.input)}`);
}
// Minimise the first failure so it can become a regression test.
for (const [s, arb, body] of [[checker, checkerCase, ([m, d]: [string, string | null]) => checkCase(m, d)], [reference, referenceInput, (x: string) => referenceCase(x)]] as const) {
  if (!s.first) continue;
  const r = fc.check(fc.property(arb as fc.Arbitrary<never>, (v) => { (body as (v: never) => unknown)(v); }), { numRuns: s.cases, seed });
  if (r.failed) console.log(`  minimised: ${show(r.counterexample)}\n  ${String(r.errorInstance).split('\n')[0]}`);
}
process.exitCode = checker.exceptions + reference.exceptions ? 1 : 0;
