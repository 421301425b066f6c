// Issue #14: at the end of a Playwright run, the ten slowest tests (each attempt's own duration, retries
// included), so that they get reviewed, and every spec file's share of the run: its tests, the sum of their
// durations (what the file costs the workers, whatever their number) and its slowest test. Playwright's own
// reportSlowTests (playwright.config.ts) lists only the files over its threshold, by wall time.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const COUNT = 10;

interface Row {
  file: string;
  name: string;
  ms: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class SlowestReporter implements Reporter {
  private readonly rows: Row[] = [];

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name;
    const file = test.location.file.replace(/^.*tests\/e2e\//, '');
    const retry = result.retry ? ` (retry ${result.retry})` : '';
    this.rows.push({
      file,
      name: `${project ? `[${project}] ` : ''}${file}:${test.location.line} › ${test.titlePath().slice(3).join(' › ')}${retry}`,
      ms: result.duration,
    });
  }

  onEnd(_result: FullResult): void {
    if (this.rows.length === 0) return;
    const top = [...this.rows].sort((a, b) => b.ms - a.ms).slice(0, COUNT);
    const files = new Map<string, { tests: number; ms: number; slowest: number }>();
    for (const r of this.rows) {
      const f = files.get(r.file) ?? { tests: 0, ms: 0, slowest: 0 };
      files.set(r.file, { tests: f.tests + 1, ms: f.ms + r.ms, slowest: Math.max(f.slowest, r.ms) });
    }
    const total = this.rows.reduce((sum, r) => sum + r.ms, 0);
    const byFile = [...files].sort((a, b) => b[1].ms - a[1].ms);
    process.stdout.write(
      [
        `\nSlowest ${COUNT} tests`,
        ...top.map((r) => `  ${seconds(r.ms).padStart(8)}  ${r.name}`),
        `\nTest time by file (sum of test durations: ${seconds(total)} in ${this.rows.length} tests)`,
        `  ${'sum'.padStart(8)}  ${'share'.padStart(5)}  ${'tests'.padStart(5)}  ${'slowest'.padStart(8)}  file`,
        ...byFile.map(
          ([file, f]) =>
            `  ${seconds(f.ms).padStart(8)}  ${`${Math.round((100 * f.ms) / total)} %`.padStart(5)}  ${String(f.tests).padStart(5)}  ${seconds(f.slowest).padStart(8)}  ${file}`,
        ),
        '',
      ].join('\n'),
    );
  }
}
