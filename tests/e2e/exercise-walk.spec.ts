import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { editor, panel } from './exercise-helpers.ts';
import { exercises, lessons, maxScore, typicalWrong, type WalkExercise } from './exercise-walk-data.ts';

/**
 * Every exercise on every lesson page, in both locales, as a learner meets it. Data-driven
 * (content/exercises/*.yaml and the lessons' frontmatter), so exercises added later are
 * walked too. One page per lesson and locale walks all of that page's exercises; every wait
 * is on the page's state or on the terminal's own events.
 *
 * In each locale, the whole path: open the exercise from its card (or its tab); the unchanged
 * start scores 0; the first typical wrong answer from the exercise's data fails the checks it
 * must fail, scores what `container-course grade` gives it, and is shown its feedback (a text
 * exercise: exactly the CLI's findings, rule and line, and a hint; a quiz: each chosen
 * answer's explanation; a shell goal: the goal list); then the solution gets full marks and
 * the done mark. English takes the solution from the panel's "Show the solution" and "Use
 * it"; Chinese pastes or enters it as the learner's own text, and its checks, goals, findings
 * and feedback must be Chinese.
 *
 * Text is pasted (Monaco) or inserted a line at a time (the terminal), never typed key by
 * key: typing is tested in tests/e2e/keyboard.spec.ts, terminal.spec.ts and exercise.spec.ts.
 */

type Strings = Record<string, string>;
const i18n = (locale: string): Strings => JSON.parse(readFileSync(`content/i18n/${locale}.json`, 'utf8')) as Strings;
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

interface Locale {
  locale: 'en' | 'zh-cn';
  prefix: string;
  strings: Strings;
  /** The solution from the panel's own buttons (English), or pasted and entered as the learner's own text (Chinese). */
  panelSolution: boolean;
}
const EN: Locale = { locale: 'en', prefix: '', strings: i18n('en'), panelSolution: true };
const ZH: Locale = { locale: 'zh-cn', prefix: '/zh-cn', strings: i18n('zh-cn'), panelSolution: false };
const LOCALES = [EN, ZH];

/**
 * Every element's text is Chinese (has a CJK ideograph), on the Chinese page; English pages are not checked.
 * Text content, not rendered text: findings beyond the exercise sit in a closed <details>.
 */
async function expectLocalised(loc: Locale, items: Locator): Promise<void> {
  if (loc.locale !== 'zh-cn') return;
  await expect(items).not.toHaveCount(0);
  for (const text of await items.allTextContents()) expect(text, 'Chinese text on the Chinese page').toMatch(HAN);
}

/** Chinese text: at least one CJK ideograph. */
const HAN = /\p{Script=Han}/u;

const score = (page: Page, id: string) => panel(page, id).locator('.cc-ex__score');

/** The score line at full marks, exactly as the page's strings make it. */
const fullMarks = (loc: Locale, max: number) => `${fill(loc.strings['cc.exercise.score']!, { score: max, max })} — ${loc.strings['cc.exercise.passed']}`;

async function open(page: Page, id: string, hasCard: boolean, loc: Locale): Promise<void> {
  if (hasCard) await page.locator(`[data-cc-open-exercise="${id}"]`).click();
  else await page.locator(`[role="tab"][data-tab="${id}"]`).click();
  await expect(page.locator(`[role="tab"][data-tab="${id}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, id).locator('[data-action="check"]')).toBeVisible();
  // The task in the page's language.
  await expect(panel(page, id).locator('.cc-exercise__task')).toHaveText(exercises.get(id)!.task[loc.locale].trim());
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

/** Pastes each file of a submission, switching files with the panel's file buttons. */
async function pasteFiles(page: Page, id: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const fileButton = panel(page, id).locator('.cc-ex__files button', { hasText: name });
    if (await fileButton.count()) await fileButton.click();
    await paste(page, id, text);
  }
}

type TextExercise = Extract<WalkExercise, { kind: 'k8s-yaml' | 'dockerfile' }>;

/** The findings list as `rule@line`, sorted (in scope and beyond the exercise alike). */
async function shownFindings(page: Page, id: string): Promise<string[]> {
  const items = panel(page, id).locator('[data-role="findings"] .cc-finding');
  return (await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-rule')}@${e.getAttribute('data-line')}`))).sort();
}

async function walkText(page: Page, ex: TextExercise, loc: Locale): Promise<void> {
  const p = panel(page, ex.id);
  const max = maxScore(ex);
  await expect(editor(page, ex.id)).toBeVisible();
  await expect(p.locator('[data-role="findings"]')).toHaveAttribute('data-version', /\d/);
  await check(page, ex.id);
  await expectScore(page, ex.id, 0, max);
  await expect(p.locator('[data-role="unchanged"]')).toHaveText(loc.strings['cc.exercise.unchanged']!);
  const wrong = await typicalWrong(ex);
  if (wrong) {
    await pasteFiles(page, ex.id, wrong.data as Record<string, string>);
    // The findings of exactly this text, as the CLI finds them.
    expect(await shownFindings(page, ex.id)).toEqual(wrong.findings);
    // A wrong answer can fail only the exercise's checks, with no finding (E13.1's): then there is no finding to read.
    if (wrong.findings.length > 0) await expectLocalised(loc, p.locator('[data-role="findings"] .cc-finding .cc-finding__head'));
    // Each finding's position button and fix button in the page's language.
    for (const f of await p.locator('[data-role="findings"] .cc-finding').all()) {
      const [line, column] = [await f.getAttribute('data-line'), await f.getAttribute('data-column')];
      await expect(f.locator(':scope > .cc-link')).toHaveText(fill(loc.strings['cc.exercise.at']!, { line: line!, column: column! }));
    }
    for (const fix of await p.locator('[data-role="findings"] [data-action="fix"]').all()) await expect(fix).toHaveText(loc.strings['cc.exercise.fix']!);
    await check(page, ex.id);
    await expectScore(page, ex.id, wrong.score, max);
    await expectFailed(page, ex.id, wrong.failed, '.cc-ex__checks');
    await expectLocalised(loc, p.locator('.cc-ex__checks li'));
    // Feedback: a hint that applies to this answer.
    if (ex.hints.length) {
      await p.locator('[data-action="hint"]').click();
      await expect(p.locator('.cc-ex__hints li')).not.toHaveCount(0);
      await expectLocalised(loc, p.locator('.cc-ex__hints li'));
    }
  }
  if (loc.panelSolution) {
    // The reference solution, from the panel's own button.
    page.once('dialog', (d) => void d.accept());
    await p.locator('[data-action="solution"]').click();
    await expect(p.locator('.cc-ex__solution')).not.toBeEmpty();
    await p.locator('[data-action="use-solution"]').click();
  } else {
    // The learner's own text: the solution, pasted.
    await pasteFiles(page, ex.id, ex.solution);
  }
  await check(page, ex.id);
  await expect(score(page, ex.id)).toHaveText(fullMarks(loc, max));
  await expectLocalised(loc, p.locator('.cc-ex__checks li'));
}

type Quiz = Extract<WalkExercise, { kind: 'quiz' }>;

async function walkQuiz(page: Page, ex: Quiz, loc: Locale): Promise<void> {
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
  const feedback = p.locator('.cc-quiz__feedback:not(:empty)');
  const verdict = (q: string) => p.locator(`fieldset[data-question="${q}"] .cc-ex__verdict`);
  const wrong = await typicalWrong(ex);
  if (wrong) {
    await choose(wrong.data as Record<string, string[]>);
    await check(page, ex.id);
    await expectScore(page, ex.id, wrong.score, max);
    await expectFailed(page, ex.id, wrong.failed, '.cc-ex__checks');
    // Each chosen answer shows its own feedback; each question missed says so.
    await expect(feedback).not.toHaveCount(0);
    await expectLocalised(loc, feedback);
    for (const q of wrong.failed) await expect(verdict(q)).toHaveText(loc.strings['cc.exercise.incorrect']!);
  }
  await choose(ex.solution);
  await check(page, ex.id);
  await expect(score(page, ex.id)).toHaveText(fullMarks(loc, max));
  for (const q of ex.questions) await expect(verdict(q.id)).toHaveText(loc.strings['cc.exercise.correct']!);
  await expectLocalised(loc, feedback);
}

/**
 * The lines the lesson's terminal session has run, as its own events report them: `cc:reset`
 * and `cc:command` carry the session's snapshot (init script below), so a wait on them
 * needs no round trip into the terminal.
 */
const ran = (page: Page) => page.evaluate(() => (window as unknown as { ccRan: string[] | null }).ccRan);

/**
 * Enters each line at the prompt (the line inserted at once, as a paste or the on-screen
 * keyboard's suggestion would, then Enter) and waits until the session has run them all.
 * Lines entered while a command runs wait their turn, as in a real terminal.
 */
async function enterLines(page: Page, lines: string[]): Promise<void> {
  const before = (await ran(page)) ?? [];
  await page.locator('cc-terminal .xterm-helper-textarea').focus();
  for (const line of lines) {
    await page.keyboard.insertText(line);
    await page.keyboard.press('Enter');
  }
  await expect.poll(() => ran(page), { intervals: [50] }).toEqual([...before, ...lines]);
}

type Shell = Extract<WalkExercise, { kind: 'shell-goal' }>;

/** Reset the host from the panel (it starts the terminal): a fresh host that has run exactly the exercise's setup. */
async function resetHost(page: Page, ex: Shell): Promise<void> {
  // Only what the session reports from now on counts.
  await page.evaluate(() => ((window as unknown as { ccRan: string[] | null }).ccRan = null));
  page.once('dialog', (d) => void d.accept());
  await panel(page, ex.id).locator('[data-action="reset"]').click();
  // The fresh host is up (its prompt and its cc:reset event; the first Reset loads the terminal too), then it runs the setup.
  await expect(page.locator('cc-terminal .xterm-rows')).toContainText('root@node1');
  await expect.poll(() => ran(page), { intervals: [50] }).not.toBeNull();
  await expect.poll(() => ran(page), { intervals: [50] }).toEqual(ex.setup ?? []);
  await expect(panel(page, ex.id).locator('[data-role="unchanged"]')).toBeVisible();
}

async function walkShell(page: Page, ex: Shell, loc: Locale): Promise<void> {
  const p = panel(page, ex.id);
  const max = maxScore(ex);
  await resetHost(page, ex);
  await expectScore(page, ex.id, 0, max);
  const wrong = await typicalWrong(ex);
  if (wrong) {
    await enterLines(page, wrong.data as string[]);
    await expectScore(page, ex.id, wrong.score, max);
    await expectFailed(page, ex.id, wrong.failed, '.cc-goals');
    for (const c of wrong.failed) await expect(p.locator(`.cc-goals li[data-check="${c}"] .cc-sr`)).toHaveText(`(${loc.strings['cc.exercise.goalMissing']})`);
    await expectLocalised(loc, p.locator('.cc-goals li'));
    await resetHost(page, ex);
  }
  await enterLines(page, ex.solution);
  await expect(score(page, ex.id)).toHaveText(fullMarks(loc, max));
  await expect(p.locator('.cc-goals + p[role="status"]')).toHaveText(loc.strings['cc.exercise.goalDone']!);
  await expectLocalised(loc, p.locator('.cc-goals li'));
}

async function walk(page: Page, id: string, hasCard: boolean, loc: Locale): Promise<void> {
  const ex = exercises.get(id)!;
  await open(page, id, hasCard, loc);
  if (ex.kind === 'quiz') await walkQuiz(page, ex, loc);
  else if (ex.kind === 'shell-goal') await walkShell(page, ex, loc);
  else await walkText(page, ex, loc);
  // The done mark follows the same evaluation as the score.
  await expect(page.locator(`.cc-tab [data-done-for="${id}"]`)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    const w = window as unknown as { ccRan: string[] | null };
    w.ccRan = null;
    const record = (e: Event) => {
      w.ccRan = (e as CustomEvent<{ snapshot: { transcript: { line: string }[] } }>).detail.snapshot.transcript.map((x) => x.line);
    };
    document.addEventListener('cc:reset', record);
    document.addEventListener('cc:command', record);
  });
});

/**
 * `npm test` walks two lesson pages in both locales: lesson 1 (shell goals, a quiz and a manifest) and lesson 7
 * (a shell goal and a Dockerfile), so every kind of exercise is walked in English and Chinese on every run. The
 * whole walk, every lesson page (26 tests), costs about 25 worker-minutes on 2 cores, more than CI's 30-minute
 * budget leaves beside the rest of the suite: it runs with CC_E2E_WALK=1
 * (`CC_E2E_WALK=1 npm run test:e2e -- tests/e2e/exercise-walk.spec.ts`), and each session's note records its run.
 */
const ALWAYS = new Set(['lessons/01-containers-are-processes', 'lessons/07-layers-and-overlay']);
const walked = process.env.CC_E2E_WALK ? lessons : lessons.filter((l) => ALWAYS.has(l.slug));

test.describe('every exercise on every lesson page (laptop)', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test('the default walk covers every kind of exercise', () => {
    const kinds = new Set(walked.flatMap((l) => l.exercises.map((id) => exercises.get(id)!.kind)));
    expect([...kinds].sort()).toEqual(['dockerfile', 'k8s-yaml', 'quiz', 'shell-goal']);
  });
  for (const lesson of walked) {
    for (const loc of LOCALES) {
      test(`${lesson.slug} (${loc.locale}): ${lesson.exercises.join(', ')}`, async ({ page }) => {
        // A lesson walks several exercises: the configured per-test time for each, plus one to load.
        test.setTimeout(test.info().timeout * (1 + lesson.exercises.length));
        await page.goto(`${loc.prefix}/${lesson.slug}/`);
        for (const id of lesson.exercises) await test.step(id, () => walk(page, id, lesson.cards.includes(id), loc));
      });
    }
  }
});

/** One exercise of each kind on a phone, in Chinese, the whole path (the first lesson page that shows one). */
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
      test.setTimeout(test.info().timeout * 2);
      await page.goto(`/zh-cn/${lesson}/`);
      const l = lessons.find((x) => x.slug === lesson)!;
      await walk(page, id, l.cards.includes(id), ZH);
    });
  }
});
