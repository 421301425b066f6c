// Issue #14: at the end of a Playwright run, the ten slowest tests (each attempt's own duration, retries
// included), so that they get reviewed. Playwright's own reportSlowTests (playwright.config.ts) lists files.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const COUNT = 10;

export default class SlowestReporter implements Reporter {
  private readonly rows: { name: string; ms: number }[] = [];

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name;
    const where = `${test.location.file.replace(/^.*tests\/e2e\//, '')}:${test.location.line}`;
    const retry = result.retry ? ` (retry ${result.retry})` : '';
    this.rows.push({ name: `${project ? `[${project}] ` : ''}${where} › ${test.titlePath().slice(3).join(' › ')}${retry}`, ms: result.duration });
  }

  onEnd(_result: FullResult): void {
    if (this.rows.length === 0) return;
    const top = this.rows.sort((a, b) => b.ms - a.ms).slice(0, COUNT);
    process.stdout.write(`\nSlowest ${COUNT} tests\n${top.map((r) => `  ${`${(r.ms / 1000).toFixed(1)} s`.padStart(8)}  ${r.name}`).join('\n')}\n`);
  }
}
