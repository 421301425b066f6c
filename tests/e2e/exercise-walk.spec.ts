import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { editor, panel } from './exercise-helpers.ts';
import { exercises, lessons, maxScore, typicalWrong, type WalkExercise } from './exercise-walk-data.ts';

/**
 * Every exercise on every lesson page, in both locales, as a learner meets it: open it
 * (from its card when the page has one), check the unchanged start (score 0), give the
 * first typical wrong answer from the exercise's data (the checks it must fail fail, the
 * score is what `container-course grade` gives it, a hint applies), then the solution (full marks, done mark).
 * Data-driven: content/exercises/*.yaml and the lessons' frontmatter, so exercises added
 * later are walked too. One page per lesson and locale; every wait is on the page's state.
 */

const LOCALES = [
  { locale: 'en', prefix: '', full: 'Full marks' },
  { locale: 'zh-cn', prefix: '/zh-cn', full: '满分' },
] as const;

const score = (page: Page, id: string) => panel(page, id).locator('.cc-ex__score');

async function open(page: Page, id: string, hasCard: boolean): Promise<void> {
  if (hasCard) await page.locator(`[data-cc-open-exercise="${id}"]`).click();
  else await page.locator(`[role="tab"][data-tab="${id}"]`).click();
  await expect(page.locator(`[role="tab"][data-tab="${id}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, id).locator('[data-action="check"]')).toBeVisible();
}

async function expectScore(page: Page, id: string, value: number, max: number): Promise<void> {
  await expect(score(page, id)).toHaveAttribute('data-max', String(max));
  await expect(score(page, id)).toHaveAttribute('data-score', String(value));
}

async function check(page: Page, id: string): Promise<void> {
  const btn = panel(page, id).locator('[data-action="check"]');
  await expect(btn).toBeEnabled();
  await btn.click();
  await expect(btn).toBeEnabled();
}

async function expectFailed(page: Page, id: string, failed: string[], listSelector: string): Promise<void> {
  for (const c of failed) await expect(panel(page, id).locator(`${listSelector} li[data-check="${c}"]`)).toHaveClass(/cc-fail/);
}

async function showSolution(page: Page, id: string): Promise<void> {
  page.once('dialog', (d) => void d.accept());
  await panel(page, id).locator('[data-action="solution"]').click();
  await expect(panel(page, id).locator('.cc-ex__solution')).not.toBeEmpty();
}

/** Pastes a file's text into the editor and waits for the findings of exactly that text. */
async function paste(page: Page, id: string, text: string): Promise<void> {
  const findings = panel(page, id).locator('[data-role="findings"]');
  const before = await findings.getAttribute('data-version');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editor(page, id).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(findings).not.toHaveAttribute('data-version', before ?? '');
  await expect(findings).not.toHaveAttribute('data-stale', 'true');
}

async function walkText(page: Page, ex: Extract<WalkExercise, { kind: 'k8s-yaml' | 'dockerfile' }>, full: string): Promise<void> {
  const p = panel(page, ex.id);
  const max = maxScore(ex);
  await expect(editor(page, ex.id)).toBeVisible();
  await expect(p.locator('[data-role="findings"]')).toHaveAttribute('data-version', /\d/);
  await check(page, ex.id);
  await expectScore(page, ex.id, 0, max);
  await expect(p.locator('[data-role="unchanged"]')).toBeVisible();

  const wrong = await typicalWrong(ex);
  if (wrong) {
    const files = wrong.data as Record<string, string>;
    for (const [name, text] of Object.entries(files)) {
      const fileButton = p.locator('.cc-ex__files button', { hasText: name });
      if (await fileButton.count()) await fileButton.click();
      await paste(page, ex.id, text);
    }
    await check(page, ex.id);
    await expectScore(page, ex.id, wrong.score, max);
    await expectFailed(page, ex.id, wrong.failed, '.cc-ex__checks');
    // Feedback: findings in the exercise's scope or a failing check, and a hint that applies.
    if (ex.hints.length) {
      await p.locator('[data-action="hint"]').click();
      await expect(p.locator('.cc-ex__hints li')).not.toHaveCount(0);
    }
  }
  await showSolution(page, ex.id);
  await p.locator('[data-action="use-solution"]').click();
  await check(page, ex.id);
  await expectScore(page, ex.id, max, max);
  await expect(score(page, ex.id)).toContainText(full);
}

async function walkQuiz(page: Page, ex: Extract<WalkExercise, { kind: 'quiz' }>, full: string): Promise<void> {
  const p = panel(page, ex.id);
  const max = maxScore(ex);
  const choose = async (answers: Record<string, string[]>) => {
    for (const q of ex.questions) {
      for (const c of q.choices) {
        const input = p.locator(`fieldset[data-question="${q.id}"] input[value="${c.id}"]`);
        const want = (answers[q.id] ?? []).includes(c.id);
        // A radio button is unchecked by choosing another one, never directly.
        if (!want && (await input.getAttribute('type')) === 'radio') continue;
        if ((await input.isChecked()) !== want) await input.setChecked(want);
      }
    }
  };
  const wrong = await typicalWrong(ex);
  if (wrong) {
    await choose(wrong.data as Record<string, string[]>);
    await check(page, ex.id);
    await expectScore(page, ex.id, wrong.score, max);
    await expectFailed(page, ex.id, wrong.failed, '.cc-ex__checks');
    // Each chosen answer shows its own feedback.
    await expect(p.locator('.cc-quiz__feedback:not(:empty)')).not.toHaveCount(0);
  }
  await choose(ex.solution);
  await check(page, ex.id);
  await expectScore(page, ex.id, max, max);
  await expect(score(page, ex.id)).toContainText(full);
}

/** The lines the lesson's terminal session has run (finished commands). */
async function transcript(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const el = document.querySelector('cc-terminal') as (HTMLElement & { start(focus: boolean): Promise<{ snapshot(): { transcript: { line: string }[] } } | null> }) | null;
    const session = await el?.start(false);
    return session ? session.snapshot().transcript.map((x) => x.line) : [];
  });
}

/** Types each line at the prompt and waits until the session has run them all. */
async function typeLines(page: Page, lines: string[]): Promise<void> {
  for (const line of lines) {
    await page.locator('cc-terminal .xterm-helper-textarea').focus();
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  // Generous: until simulated time is instant in the page's terminal, E10.2's `sleep 60` takes a real minute.
  await expect.poll(async () => (await transcript(page)).slice(-lines.length), { timeout: 150_000 }).toEqual(lines);
}

/** Reset the host from the panel: a fresh host that has run exactly the exercise's setup. */
async function resetHost(page: Page, ex: Extract<WalkExercise, { kind: 'shell-goal' }>): Promise<void> {
  page.once('dialog', (d) => void d.accept());
  await panel(page, ex.id).locator('[data-action="reset"]').click();
  await expect.poll(() => transcript(page), { timeout: 30_000 }).toEqual(ex.setup ?? []);
  await expect(panel(page, ex.id).locator('[data-role="unchanged"]')).toBeVisible();
}

async function walkShell(page: Page, ex: Extract<WalkExercise, { kind: 'shell-goal' }>, full: string): Promise<void> {
  const max = maxScore(ex);
  const start = page.locator('cc-terminal [data-action="start"]');
  if (await start.isVisible()) await start.click();
  await expect(page.locator('cc-terminal .xterm-rows')).toContainText('root@node1');
  await resetHost(page, ex);
  await expectScore(page, ex.id, 0, max);
  const wrong = await typicalWrong(ex);
  if (wrong) {
    await typeLines(page, wrong.data as string[]);
    await expectScore(page, ex.id, wrong.score, max);
    await expectFailed(page, ex.id, wrong.failed, '.cc-goals');
    await resetHost(page, ex);
  }
  await typeLines(page, ex.solution);
  await expectScore(page, ex.id, max, max);
  await expect(score(page, ex.id)).toContainText(full);
}

async function walk(page: Page, id: string, hasCard: boolean, full: string): Promise<void> {
  const ex = exercises.get(id)!;
  await open(page, id, hasCard);
  if (ex.kind === 'quiz') await walkQuiz(page, ex, full);
  else if (ex.kind === 'shell-goal') await walkShell(page, ex, full);
  else await walkText(page, ex, full);
  // The done mark follows the same evaluation as the score.
  await expect(page.locator(`.cc-tab [data-done-for="${id}"]`)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
});

// The full walk (22 lesson pages, every exercise: about 30 worker-minutes on 2 cores) runs with
// CC_E2E_WALK=1 (`CC_E2E_WALK=1 npm run test:e2e -- tests/e2e/exercise-walk.spec.ts`). It is kept
// out of the default `npm test` until it has been seen green on a quiet machine and fits the
// 30-minute CI budget; the per-kind phone walk below and the exercise-*.spec.ts files run always.
test.describe('every exercise on every lesson page (laptop)', () => {
  test.skip(!process.env.CC_E2E_WALK, 'opt-in: CC_E2E_WALK=1');
  test.use({ viewport: { width: 1366, height: 768 } });
  for (const lesson of lessons) {
    for (const { locale, prefix, full } of LOCALES) {
      test(`${lesson.slug} (${locale}): ${lesson.exercises.join(', ')}`, async ({ page }) => {
        // A lesson walks several exercises: the configured per-test time for each, plus one to load.
        test.setTimeout(Math.max(test.info().timeout, 180_000) * (1 + lesson.exercises.length));
        await page.goto(`${prefix}/${lesson.slug}/`);
        for (const id of lesson.exercises) await walk(page, id, lesson.cards.includes(id), full);
      });
    }
  }
});

/** One exercise of each kind on a phone, in Chinese (the first lesson page that shows one). */
const PHONE: { kind: WalkExercise['kind']; lesson: string; id: string }[] = [];
for (const kind of ['k8s-yaml', 'dockerfile', 'shell-goal', 'quiz'] as const) {
  for (const lesson of lessons) {
    const id = lesson.exercises.find((x) => exercises.get(x)!.kind === kind);
    if (id) {
      PHONE.push({ kind, lesson: lesson.slug, id });
      break;
    }
  }
}

test.describe('one exercise of each kind on a phone (zh-cn)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  test('every kind has a lesson page', () => expect(PHONE.map((x) => x.kind).sort()).toEqual(['dockerfile', 'k8s-yaml', 'quiz', 'shell-goal']));
  for (const { kind, lesson, id } of PHONE) {
    test(`${kind}: ${id} on ${lesson}`, async ({ page }) => {
      test.setTimeout(Math.max(test.info().timeout, 180_000) * 2);
      await page.goto(`/zh-cn/${lesson}/`);
      const l = lessons.find((x) => x.slug === lesson)!;
      await walk(page, id, l.cards.includes(id), '满分');
    });
  }
});
