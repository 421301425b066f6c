// Issue #14: after every `vitest run`, the ten slowest tests and the ten slowest files, so that they get
// reviewed. A reporter beside the default one (vitest.config.ts); it prints nothing while the tests run.
import type { Reporter, TestModule } from 'vitest/node';

const COUNT = 10;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export default class SlowestReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tests: { name: string; ms: number }[] = [];
    const files: { name: string; ms: number }[] = [];
    for (const m of testModules) {
      files.push({ name: m.relativeModuleId, ms: m.diagnostic().duration });
      for (const t of m.children.allTests()) {
        const d = t.diagnostic();
        if (d) tests.push({ name: `${m.relativeModuleId} > ${t.fullName}`, ms: d.duration });
      }
    }
    if (tests.length === 0) return;
    const list = (title: string, rows: { name: string; ms: number }[]) =>
      `${title}\n${rows
        .sort((a, b) => b.ms - a.ms)
        .slice(0, COUNT)
        .map((r) => `  ${seconds(r.ms).padStart(9)}  ${r.name}`)
        .join('\n')}\n`;
    process.stdout.write(`\n${list(`Slowest ${COUNT} tests`, tests)}${list(`Slowest ${COUNT} files (setup and tests)`, files)}`);
  }
}
