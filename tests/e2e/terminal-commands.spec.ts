/**
 * Every just-bash command the simulated host exposes runs in the built worker (issue #14): there each command's code
 * is a chunk of just-bash's code-split build loaded on its first run (src/ui/terminal/vite-just-bash.mjs), and the
 * first attempt at it broke cat, wc and tail in the browser only. One line per command (jb-command-lines.ts), its
 * output and status from the command's event (session.ts cc:command); the few that fail in a browser worker with
 * either build are held to what they print there (`browser`), so a change shows either way.
 */
import { test, expect, LESSON1 } from './fixtures.ts';
import { JB_COMMAND_LINES } from './jb-command-lines.ts';

interface Detail {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

test("every just-bash command the host exposes answers in the browser's worker", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(LESSON1);
  await page.getByRole('button', { name: 'Start the terminal' }).click();
  await expect(page.locator('cc-terminal .xterm-rows')).toContainText('root@node1:~#', { timeout: 60_000 });
  const got: Record<string, Detail> = {};
  for (const c of JB_COMMAND_LINES) {
    // The listener is in place before the line is typed: armed by an evaluate that has returned. (Not awaited, the
    // evaluate could reach the page after a fast command's event on a busy machine, and wait for the next one forever.)
    await page.evaluate(() => {
      const w = window as unknown as { ccNext?: Promise<Detail> };
      w.ccNext = new Promise<Detail>((r) => document.addEventListener('cc:command', (e) => r((e as CustomEvent<Detail>).detail), { once: true }));
    });
    await page.keyboard.insertText(c.line);
    await page.keyboard.press('Enter');
    const d = await page.evaluate(() => (window as unknown as { ccNext: Promise<Detail> }).ccNext);
    got[c.command] = { line: d.line, stdout: d.stdout, stderr: d.stderr, exitCode: d.exitCode };
  }
  // Each command's own check (soft: one run names every command that broke, with what it printed on stderr).
  for (const c of JB_COMMAND_LINES) {
    const d = got[c.command]!;
    const want = c.browser ?? { stdout: c.stdout, exitCode: c.exitCode ?? 0, stderr: '' };
    // time's report (stderr) has the run's own CPU times.
    const seen = { stdout: d.stdout, exitCode: d.exitCode, stderr: c.command === 'time' ? '' : d.stderr };
    const m = c.mayFailInBrowser;
    const failed = m && seen.stdout === m.stdout && seen.stderr === m.stderr && seen.exitCode === m.exitCode;
    expect.soft(failed ? want : seen, `${c.command}: ${c.line}`).toEqual(want);
  }
});
