import { expect, type Locator, type Page } from '@playwright/test';
import { LESSON1, SOON } from './fixtures.ts';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E11 = 'e11.1';

/** The S0 article's manifest: `drop:` one level too far out (line 12, column 7). */
export const S0_INDENTATION_BUG = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
  - name: demo
    image: cloudnatived/demo:hello
    securityContext:
      capabilities:
        add: ["NET_BIND_SERVICE"]
      drop: ["all"]
      allowPrivilegeEscalation: false
`;

/** Everything right except capabilities.drop, which the checker's one-click fix adds (the app on 8888 needs nothing added). */
export const MISSING_DROP = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
  - name: demo
    image: cloudnatived/demo:hello
    ports:
    - containerPort: 8888
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        add: []
`;

export const panel = (page: Page, id: string) => page.locator(`section[data-exercise="${id}"]`);
export const editor = (page: Page, id: string) => panel(page, id).locator('.cc-editor .monaco-editor');

/** Opens an exercise from its card in the reading column. */
export async function openFromCard(page: Page, id: string): Promise<void> {
  await page.locator(`[data-cc-open-exercise="${id}"]`).click();
  await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('data-tab', id);
}

/** Replaces the editor's whole text by pasting it (typing would auto-indent and auto-close). */
export async function setEditorText(page: Page, id: string, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const ed = editor(page, id);
  await ed.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorText(page, id), SOON).toBe(text.replace(/\s+$/, ''));
}

/** The editor's text as rendered (visible lines; the exercise files fit on screen). */
export async function editorText(page: Page, id: string): Promise<string> {
  const lines = await editor(page, id)
    .locator('.view-line')
    .evaluateAll((els) =>
      els
        .map((e) => ({ top: parseFloat((e as HTMLElement).style.top), text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
  return lines.join('\n').replace(/\s+$/, '');
}

/** Line numbers (1-based) that carry a squiggle of the given severity, from the editor's overlay layer. */
export async function markerLines(page: Page, id: string, severity: 'error' | 'warning' | 'info' = 'error'): Promise<number[]> {
  return editor(page, id).evaluate((el, sev) => {
    const lineHeight = parseFloat(getComputedStyle(el.querySelector('.view-line')!).lineHeight) || 19;
    const firstTop = Math.min(...[...el.querySelectorAll<HTMLElement>('.view-line')].map((l) => parseFloat(l.style.top)));
    const numbers = [...el.querySelectorAll<HTMLElement>(`.view-overlays .squiggly-${sev}`)].map((s) => {
      const row = s.closest<HTMLElement>('.view-overlays > div')!;
      return Math.round((parseFloat(row.style.top) - firstTop) / lineHeight) + 1;
    });
    return [...new Set(numbers)].sort((a, b) => a - b);
  }, severity);
}

/** Runs `npx container-course grade --exercise ID FILE --format json` and returns its score. */
export function gradeWithCli(exercise: string, json: string): { score: number; max: number; raw: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cc-sub-'));
  const file = join(dir, `${exercise}-submission.json`);
  writeFileSync(file, json);
  const r = spawnSync('npx', ['container-course', 'grade', '--exercise', exercise, '--format', 'json', file], { encoding: 'utf8' });
  const raw = `${r.stdout}\n${r.stderr}`;
  const parsed = JSON.parse(r.stdout) as { submissions: { score: number; max: number; error: string | null }[] };
  const row = parsed.submissions[0]!;
  if (row.error) throw new Error(`grade: ${row.error}`);
  return { score: row.score, max: row.max, raw };
}

/**
 * Opens E11.1 on lesson 1, pastes the manifest that misses `drop: [ALL]`, waits for the check of
 * the pasted text (until then the list shows the starting text's findings: drop at line 11, where
 * other fixes are offered too), and puts the cursor on the finding's line with its position button
 * (named `at`: cc.exercise.at in the page's language). Returns the finding.
 */
export async function focusMissingDrop(page: Page, path = LESSON1, at: RegExp = /^Line \d+, column \d+$/): Promise<Locator> {
  await page.goto(path);
  await openFromCard(page, E11);
  await expect(editor(page, E11)).toBeVisible();
  await setEditorText(page, E11, MISSING_DROP);
  const drop = panel(page, E11).locator('.cc-finding[data-rule="drop-all-capabilities"]');
  await expect(drop).toHaveAttribute('data-line', '13');
  await drop.getByRole('button', { name: at }).click();
  await expect(editor(page, E11)).toHaveClass(/\bfocused\b/);
  return drop;
}
