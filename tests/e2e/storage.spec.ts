import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, LESSON1, LESSON1_ZH, SOON } from './fixtures.ts';
import { E11, MISSING_DROP, S0_INDENTATION_BUG, editor, openFromCard, panel, setEditorText } from './exercise-helpers.ts';

/**
 * Storage faults (issue #17): each is reported on the page, and the learner's work is never
 * silently lost or overwritten: a full store while the terminal saves, the same exercise
 * in two tabs, and crafted progress imports (__proto__, wrong types, 50 MB).
 */
const LESSON11 = '/lessons/11-capabilities/';
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('cc:progress'));
const storedText = async (page: Page) => JSON.parse((await stored(page)) ?? '{}').work?.[E11]?.files?.['pod.yaml'] as string | undefined;

test.describe('storage faults', () => {
  // Two tabs each start Monaco or the simulated host: a loaded 2-core machine needs the room.
  test.describe.configure({ timeout: 120_000 });
  test('a terminal session that cannot be saved (storage full) is reported on the page', async ({ page }) => {
    await page.goto(LESSON1);
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('cc:term:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await page.locator('cc-terminal [data-action="start"]').click();
    await expect(page.locator('cc-terminal .xterm-rows')).toContainText('root@node1');
    await page.locator('cc-terminal .xterm-helper-textarea').focus();
    await page.keyboard.type('docker ps');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-role="storage-problem"]')).toContainText('The terminal session could not be saved');
  });

  test('two tabs: the newer work reaches the other tab, and an older tab never writes over it', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    for (const p of [a, b]) {
      await p.bringToFront();
      await p.goto(LESSON11);
      await openFromCard(p, E11);
      await expect(editor(p, E11)).toBeVisible({ timeout: 60_000 });
    }
    // Tab B writes; tab A (nothing unsaved) follows and says so.
    await b.bringToFront();
    await setEditorText(b, E11, MISSING_DROP);
    await expect.poll(() => storedText(b), SOON).toBe(MISSING_DROP);
    await a.bringToFront();
    await expect(panel(a, E11).locator('.cc-ex__notice')).toContainText('changed in another tab');
    await expect(panel(a, E11).locator('[data-role="findings"] .cc-finding[data-rule="drop-all-capabilities"]')).toHaveAttribute('data-line', '13');

    // Tab A missed a newer save (written behind its back): its next edit is refused, not written over it.
    await a.evaluate(
      ([id, text]) => {
        const p = JSON.parse(localStorage.getItem('cc:progress')!);
        p.work[id] = { ...p.work[id], files: { 'pod.yaml': text }, rev: p.work[id].rev + 5 };
        localStorage.setItem('cc:progress', JSON.stringify(p));
      },
      [E11, '# newer work from elsewhere\n'] as const,
    );
    await setEditorText(a, E11, S0_INDENTATION_BUG);
    const notice = panel(a, E11).locator('.cc-ex__notice');
    await expect(notice).toContainText('was changed in another tab or window, so this tab did not save over it');
    expect(await storedText(a)).toBe('# newer work from elsewhere\n');
    // The learner decides: keep this tab's work.
    await notice.locator('[data-action="keep-mine"]').click();
    await expect(notice).toContainText("This tab's work is saved");
    expect(await storedText(a)).toBe(S0_INDENTATION_BUG);
  });

  test('two tabs, Chinese: "use the newer work" loads it into the editor', async ({ page }) => {
    await page.goto(LESSON1_ZH);
    await openFromCard(page, E11);
    await expect(editor(page, E11)).toBeVisible({ timeout: 60_000 });
    await page.evaluate((id) => {
      const p = JSON.parse(localStorage.getItem('cc:progress') ?? '{"version":2,"visited":{},"exercises":{},"work":{}}');
      const w = p.work[id] ?? { hints: [], attempted: false, solutionShown: false, updatedAt: 't' };
      p.work[id] = { ...w, files: { 'pod.yaml': 'apiVersion: v1\nkind: Pod\n' }, rev: (w.rev ?? 0) + 3 };
      localStorage.setItem('cc:progress', JSON.stringify(p));
    }, E11);
    await setEditorText(page, E11, MISSING_DROP);
    const notice = panel(page, E11).locator('.cc-ex__notice');
    await expect(notice).toContainText('另一个标签页');
    await notice.locator('[data-action="use-theirs"]').click();
    await expect(editor(page, E11)).toContainText('kind: Pod');
    await expect(editor(page, E11)).not.toContainText('containerPort');
  });

  test('two tabs, terminal: the other tab follows a newer session, and a tab with its own commands never writes over it', async ({ context }) => {
    const KEY = 'cc:term:v1:lessons/01-containers-are-processes';
    const lines = (p: Page) => p.evaluate((k) => (JSON.parse(localStorage.getItem(k) ?? '{"lines":[]}') as { lines: string[] }).lines, KEY);
    const term = (p: Page) => p.locator('cc-terminal .xterm-rows');
    const run = async (p: Page, line: string) => {
      await p.locator('cc-terminal .xterm-helper-textarea').focus();
      await p.keyboard.type(line);
      await p.keyboard.press('Enter');
    };
    const a = await context.newPage();
    const b = await context.newPage();
    for (const p of [a, b]) {
      await p.bringToFront();
      await p.goto(LESSON1);
      await p.locator('cc-terminal [data-action="start"]').click();
      await expect(term(p)).toContainText('root@node1:~#', { timeout: 60_000 });
    }
    // Tab A runs a command; tab B (nothing of its own) follows and says so.
    await a.bringToFront();
    await run(a, 'echo from-a');
    await expect.poll(() => lines(a), { ...SOON, timeout: 30_000 }).toEqual(['echo from-a']);
    await b.bringToFront();
    const noticeB = b.locator('cc-terminal [data-role="notice"]');
    await expect(noticeB).toContainText('its newer session is shown here now', { timeout: 60_000 });
    await expect(term(b)).toContainText('from-a');

    // A newer session saved behind tab A's back (no storage event in A): A's next command is not written over it.
    await a.bringToFront();
    await a.evaluate((k) => {
      const saved = JSON.parse(localStorage.getItem(k)!) as { rev: number };
      localStorage.setItem(k, JSON.stringify({ lines: ['echo elsewhere'], history: ['echo elsewhere'], screen: '', rev: saved.rev + 5 }));
    }, KEY);
    await run(a, 'echo mine');
    const noticeA = a.locator('cc-terminal [data-role="notice"]');
    await expect(noticeA).toContainText('so this tab did not save over its session', { timeout: 60_000 });
    expect(await lines(a)).toEqual(['echo elsewhere']);
    // The learner keeps this tab's session.
    await noticeA.locator('[data-action="keep-mine"]').click();
    await expect(noticeA).toContainText("This tab's session is saved");
    expect(await lines(a)).toEqual(['echo from-a', 'echo mine']);
  });

  const importFile = async (page: Page, name: string, body: string | { path: string }) => {
    const input = page.locator('[data-role="import-file"]');
    if (typeof body === 'string') await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    else await input.setInputFiles(body.path);
  };

  test('crafted imports are refused with the reason and where, and nothing changes', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(LESSON1);
    await page.evaluate(() =>
      localStorage.setItem('cc:progress', JSON.stringify({ version: 2, visited: { 'lessons/01-containers-are-processes': 't' }, exercises: {}, work: {} })),
    );
    const before = await stored(page);
    const status = page.locator('[data-role="progress-status"]');
    const head = '{"format":"container-course-progress","version":1,"exportedAt":"x","terminal":{},"progress":';

    await importFile(page, 'proto.json', `${head}{"version":2,"visited":{},"exercises":{},"work":{"__proto__":{"polluted":true}}}}`);
    await expect(status).toHaveText(
      'This file could not be imported: its progress record is damaged: progress.work["__proto__"] is a key the course never writes (refused)',
    );

    await importFile(
      page,
      'types.json',
      `${head}{"version":2,"visited":{},"exercises":{"e1.1":{"status":"passed","score":"10","max":10,"updatedAt":"t"}},"work":{}}}`,
    );
    await expect(status).toHaveText('This file could not be imported: its progress record is damaged: progress.exercises["e1.1"].score is not a number');

    const dir = mkdtempSync(join(tmpdir(), 'cc-import-'));
    const big = join(dir, 'big.json');
    writeFileSync(big, `${head}null,"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`);
    await importFile(page, 'big.json', { path: big });
    await expect(status).toHaveText('This file could not be imported: it is 50.0 MB, and a progress export is at most 5 MB');

    expect(dialogs).toBe(0);
    expect(await stored(page)).toBe(before);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  });
});
