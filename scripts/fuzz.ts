/**
 * `npm run fuzz [-- --cases N --seed S --only checker|reference|template|shell]`: the long fuzz run
 * of issue #17. Runs N (default 100,000) generated cases, split between the checker (mutated
 * manifests and Dockerfiles, every offered fix applied, grading: 40 %), the OCI reference parser
 * (25 %), the Go template engine behind docker's --format (30 %) and the simulated shell (lines
 * from the real command vocabulary with pipes, loops, redirections and fork-bomb shapes: 5 %, as
 * a shell case costs about 100 times a template case),
 * and prints a summary: cases, exceptions, the slowest case. An exception is then minimised by
 * fast-check and printed, to become a regression case in tests/fuzz.
 */
import fc from 'fast-check';
import { checkCase, checkerCase, referenceCase, referenceInput } from '../tests/fuzz/harness.ts';
import { shellCase, shellInput, templateCase, templateInput } from '../tests/fuzz/sim-harness.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const total = flag('cases', 100_000);
const seed = flag('seed', Date.now() % 2 ** 31);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;

interface Target<T> {
  name: string;
  share: number;
  arb: fc.Arbitrary<T>;
  body: (v: T) => unknown;
}
const targets: Target<never>[] = [
  { name: 'checker', share: 0.4, arb: checkerCase, body: ([m, d]: [string, string | null]) => checkCase(m, d) },
  { name: 'reference', share: 0.25, arb: referenceInput, body: (s: string) => referenceCase(s) },
  { name: 'template', share: 0.3, arb: templateInput, body: (t: { text: string; data: number }) => templateCase(t) },
  { name: 'shell', share: 0.05, arb: shellInput, body: (l: string[]) => shellCase(l) },
] as never;
if (only && !targets.some((t) => t.name === only)) {
  console.error(`fuzz: --only ${only}: expected one of ${targets.map((t) => t.name).join(', ')}`);
  process.exit(2);
}

interface Stats {
  name: string;
  cases: number;
  exceptions: number;
  first?: { input: unknown; error: string };
  slowest: { ms: number; input: unknown };
}

async function run<T>(t: Target<T>, n: number): Promise<Stats> {
  const stats: Stats = { name: t.name, cases: 0, exceptions: 0, slowest: { ms: 0, input: null } };
  const started = Date.now();
  // A property that never fails: every case runs, and exceptions are counted.
  await fc.assert(
    fc.asyncProperty(t.arb, async (v) => {
      const t0 = performance.now();
      try {
        await t.body(v);
      } catch (e) {
        stats.exceptions++;
        stats.first ??= { input: v, error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
      }
      const ms = performance.now() - t0;
      if (ms > stats.slowest.ms) stats.slowest = { ms, input: v };
      stats.cases++;
      if (stats.cases % 2500 === 0)
        process.stderr.write(
          `${t.name}: ${stats.cases}/${n} cases, ${stats.exceptions} exceptions, slowest ${stats.slowest.ms.toFixed(0)} ms (${Math.round((Date.now() - started) / 1000)} s)\n`,
        );
    }),
    { numRuns: n, seed },
  );
  return stats;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s;
}

const t0 = Date.now();
const chosen = only ? targets.filter((t) => t.name === only) : targets;
const shares = chosen.map((t) => (only ? total : Math.round(total * t.share)));
shares[shares.length - 1]! += total - shares.reduce((a, b) => a + b, 0);
const results: Stats[] = [];
for (const [i, t] of chosen.entries()) {
  const s0 = Date.now();
  const s = await run(t, shares[i]!);
  results.push(s);
  process.stderr.write(`${t.name}: done in ${Math.round((Date.now() - s0) / 1000)} s\n`);
}
const seconds = Math.round((Date.now() - t0) / 1000);

console.log(`fuzz: ${results.reduce((a, s) => a + s.cases, 0)} cases in ${seconds} s (seed ${seed})`);
for (const s of results) {
  console.log(`  ${s.name}: ${s.cases} cases, ${s.exceptions} exceptions, slowest ${s.slowest.ms.toFixed(0)} ms: ${show(s.slowest.input)}`);
  if (s.first) console.log(`    first exception: ${s.first.error}\n    input: ${show(s.first.input)}`);
}
// Minimise the first failure so it can become a regression test.
for (const [i, s] of results.entries()) {
  if (!s.first) continue;
  const t = chosen[i]!;
  const r = await fc.check(
    fc.asyncProperty(t.arb, async (v) => {
      await t.body(v);
    }),
    { numRuns: s.cases, seed },
  );
  if (r.failed) console.log(`  ${s.name} minimised: ${show(r.counterexample)}\n  ${String(r.errorInstance).split('\n')[0]}`);
}
process.exitCode = results.some((s) => s.exceptions) ? 1 : 0;
