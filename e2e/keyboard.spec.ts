import type { Page } from '@playwright/test';
import { GENERATED_PATIENT_ID } from '../sandbox/data/generated-patient';
import { EhrLauncherPage } from './pages/ehr-launcher-page';
import { StudyListPage } from './pages/study-list-page';
import { ViewerPage } from './pages/viewer-page';
import { fault, resetFaults } from './support/fault-controls';
import { expect, test } from './support/fixtures';
import { syntheticCtSeries } from './support/sandbox-studies';

// Keyboard alone: after the launch, no click and no `.focus()`: only keys, as a keyboard user has.

/** What has focus: its test id, text, and the study of the row it is in (if any). */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      testId: element?.getAttribute('data-testid') ?? null,
      text: element?.textContent?.trim() ?? '',
      study: element?.closest('[data-testid="study-row"]')?.getAttribute('data-study-id') ?? null,
      inDialog: element?.closest('dialog') !== null,
      tag: element?.tagName ?? '',
    };
  });
}

type Focused = Awaited<ReturnType<typeof focused>>;

/** Presses Tab until `wanted` has focus; fails if it is not reached in `limit` presses. */
async function tabTo(page: Page, wanted: (now: Focused) => boolean, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(
    `Tab did not reach the control within ${limit} presses: ${JSON.stringify(await focused(page))}`,
  );
}

test('list → open → scroll → preset → back, with the keyboard alone', async ({ page, sandbox }) => {
  // Many key presses, each followed by a look at the focus: long, not racy.
  test.slow();
  const { study } = syntheticCtSeries(sandbox);
  await new EhrLauncherPage(page, sandbox).launch(study.patient);
  const list = new StudyListPage(page);
  await list.waitUntilComplete();

  await tabTo(page, (now) => now.testId === 'open-study' && now.study === study.id);
  await page.keyboard.press('Enter');
  const viewer = new ViewerPage(page);
  await expect(viewer.viewport).toHaveAttribute('data-image-count', /^[1-9]\d*$/);
  await expect(viewer.viewport).toHaveAttribute('data-image-pending', 'false');

  const first = await viewer.imageIndex();
  for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowDown');
  await expect(viewer.viewport).toHaveAttribute('data-image-index', String(first + 3));

  // A preset by its key, then by its button: Tab to it, Enter presses it.
  await page.keyboard.press('3');
  await expect.poll(() => viewer.window()).toEqual({ center: 300, width: 2000 });
  await tabTo(page, (now) => now.testId === 'preset-soft-tissue');
  await page.keyboard.press('Enter');
  await expect.poll(() => viewer.window()).toEqual({ center: 40, width: 400 });

  // Space on a focused button presses that button, and does not reset the view (Space's shortcut).
  await tabTo(page, (now) => now.testId === 'command-invert');
  await page.keyboard.press('Space');
  await expect(viewer.viewport).toHaveAttribute('data-invert', 'true');
  expect(await viewer.window()).toEqual({ center: 40, width: 400 });
  // The arrows still step images with a toolbar button focused.
  await page.keyboard.press('ArrowDown');
  await expect(viewer.viewport).toHaveAttribute('data-image-index', String(first + 4));

  // Back to the list: focus lands on the row the study was opened from.
  await tabTo(page, (now) => now.text === '← All studies');
  await page.keyboard.press('Enter');
  await expect(list.row(study.id)).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ testId: 'open-study', study: study.id });
});

test('the shortcut help takes focus, keeps it, closes with Escape and gives it back', async ({
  page,
  sandbox,
}) => {
  const { study } = syntheticCtSeries(sandbox);
  await new EhrLauncherPage(page, sandbox).launch(study.patient);
  await new StudyListPage(page).waitUntilComplete();
  await tabTo(page, (now) => now.testId === 'open-study' && now.study === study.id);
  await page.keyboard.press('Enter');
  const viewer = new ViewerPage(page);
  await expect(viewer.viewport).toHaveAttribute('data-image-pending', 'false');

  await tabTo(page, (now) => now.testId === 'command-help');
  await page.keyboard.press('Enter');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ inDialog: true, text: 'Close' });
  // It says what the handler does: Space presses a focused button rather than resetting the view.
  await expect(help.getByTestId('shortcut-row').filter({ hasText: 'Reset view' })).toContainText(
    'not while a button, link or checkbox has focus: Space presses it',
  );
  await expect(help.getByTestId('shortcuts-off-note')).toContainText('a text field, list, slider or menu');
  // The viewer behind is inert: Tab does not leave the dialog for its controls, keys do not reach it.
  const index = await viewer.imageIndex();
  for (let presses = 0; presses < 3; presses += 1) {
    await page.keyboard.press('Tab');
    expect((await focused(page)).testId ?? '').not.toMatch(/^(command|tool|preset|layout)-/);
  }
  await page.keyboard.press('ArrowDown');
  expect(await viewer.imageIndex()).toBe(index);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-help')).toHaveCount(0);
  await expect.poll(() => focused(page)).toMatchObject({ testId: 'command-help' });
});

test('the session-expired dialog takes focus and cannot be dismissed', async ({ page, sandbox }) => {
  await new EhrLauncherPage(page, sandbox).launch('phantom');
  await expect(page.getByTestId('study-list')).toBeVisible();
  await fault(sandbox, 'revoke?what=all');
  try {
    await page.reload();
    const dialog = page.getByRole('alertdialog', { name: 'Your session has ended' });
    await expect(dialog).toBeVisible();
    await expect.poll(() => focused(page)).toMatchObject({ inDialog: true, text: 'Sign in again' });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
  } finally {
    await resetFaults(sandbox);
  }
});

test('the virtualised list keeps focus on its row while it scrolls, and every row and action is a Tab stop', async ({
  page,
  sandbox,
}) => {
  await new EhrLauncherPage(page, sandbox).launch(GENERATED_PATIENT_ID);
  const list = new StudyListPage(page);
  await list.waitUntilComplete();
  await tabTo(page, (now) => now.tag === 'TR');
  const start = await focused(page);
  expect(start.study).not.toBeNull();

  // Far enough that the row would have been unmounted (the list keeps a few rows beyond the screen).
  for (let presses = 0; presses < 8; presses += 1) await page.keyboard.press('PageDown');
  await expect.poll(() => list.scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(2000);
  expect(await list.renderedIds()).toContain(start.study);
  expect(await focused(page)).toMatchObject({ tag: 'TR', study: start.study });

  // Its actions follow it in Tab order (the focused row is scrolled back into view), then the next row.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ testId: 'select-compare', study: start.study });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ testId: 'open-study', study: start.study });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ testId: 'copy-link', study: start.study });
  await page.keyboard.press('Tab');
  const second = await focused(page);
  expect(second.tag).toBe('TR');
  expect(second.study).not.toBe(start.study);

  // Down and Up move between rows, through rows not rendered when the move began.
  for (let presses = 0; presses < 30; presses += 1) await page.keyboard.press('ArrowDown');
  const far = await focused(page);
  expect(far.tag).toBe('TR');
  const ids = await list.renderedIds();
  expect(ids.indexOf(far.study ?? '')).toBeGreaterThan(ids.indexOf(second.study ?? ''));
  for (let presses = 0; presses < 30; presses += 1) await page.keyboard.press('ArrowUp');
  expect(await focused(page)).toMatchObject({ tag: 'TR', study: second.study });
});
