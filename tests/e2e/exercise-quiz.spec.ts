import { test, expect, axe, LESSON1, WORKSPACE_AND_CARDS } from './fixtures.ts';
import { gradeWithCli, openFromCard, panel } from './exercise-helpers.ts';

const Q = 'e2.2';

test.describe('quiz exercise (E2.2)', () => {
  test('multiple choice: feedback for each chosen answer, then full marks; the download re-grades the same', async ({ page }) => {
    // A ceiling, not a wait: a lesson load, axe, the CLI's grading and a reload went over 90 s twice at load 35-40.
    test.setTimeout(180_000);
    await page.goto(LESSON1);
    await openFromCard(page, Q);
    const quiz = panel(page, Q);
    await expect(quiz.getByRole('group', { name: /Select the two namespace types/ })).toBeVisible();
    await expect(quiz.getByText('Choose every answer that applies.')).toBeVisible();

    await quiz.getByRole('checkbox', { name: 'net' }).check();
    await quiz.getByRole('checkbox', { name: 'pid' }).check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await expect(quiz.locator('.cc-ex__score')).toContainText('Score: 0 of 1');
    await expect(quiz.locator('[data-feedback="net"]')).toHaveText(
      'No. web has its own net namespace with its own eth0 (172.17.0.2); only --network host would share it.',
    );
    await expect(quiz.locator('[data-feedback="pid"]')).toContainText('That is a separate PID namespace.');
    await expect(quiz.locator('[data-feedback="user"]')).toHaveText('');
    await expect(quiz.locator('.cc-ex__verdict')).toHaveText('Not quite.');

    // Keyboard only: Space toggles a focused checkbox.
    await quiz.getByRole('checkbox', { name: 'net' }).focus();
    await page.keyboard.press('Space');
    await quiz.getByRole('checkbox', { name: 'pid' }).uncheck();
    await quiz.getByRole('checkbox', { name: 'user' }).check();
    await quiz.getByRole('checkbox', { name: 'time' }).check();
    await quiz.getByRole('button', { name: 'Check' }).click();
    await expect(quiz.locator('.cc-ex__score')).toContainText('Score: 1 of 1');
    await expect(quiz.locator('.cc-ex__verdict')).toHaveText('Correct.');
    await expect(quiz.locator('[data-feedback="time"]')).toContainText('The time namespace (Linux 5.6+) is not unshared by Docker');
    await expect(page.locator(`.cc-tab [data-done-for="${Q}"]`)).toBeVisible();
    // The workspace and the exercise cards, what the exercise changed: the rest of the page is as it loaded,
    // which a11y.spec checks in both locales (axe over the whole lesson took 7-17 s here, these 1-2 s, load 30-40).
    expect(await axe(page, WORKSPACE_AND_CARDS)).toEqual([]);

    const downloading = page.waitForEvent('download');
    await quiz.getByRole('button', { name: 'Download submission' }).click();
    const chunks = await (await (await downloading).createReadStream()).toArray();
    const json = Buffer.concat(chunks).toString('utf8');
    expect(JSON.parse(json).answers).toEqual({ shared: ['user', 'time'] });
    expect(gradeWithCli(Q, json)).toMatchObject({ score: 1, max: 1 });

    // The answers are kept across a reload.
    await page.reload();
    await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('data-tab', Q);
    await expect(quiz.getByRole('checkbox', { name: 'user' })).toBeChecked();
    await expect(quiz.getByRole('checkbox', { name: 'net' })).not.toBeChecked();
  });
});
