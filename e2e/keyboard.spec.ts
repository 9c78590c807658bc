import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeLines } from './support/homeiq-writer';
import { influxApi } from './support/influx-api';
import { ADMIN_PASSWORD, BACKUP_FIRST_MS, e2eServers } from './support/servers';

const server = e2eServers().main;
const api = influxApi(server);
const BUCKET = 'pattern_aggregates_daily';

// Signed out: the sign-in is part of what is done from the keyboard.
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeEach(() => api.reset());
test.afterEach(() => api.reset());

/** Tab (only Tab) until `target` has focus: how a keyboard user reaches a control. Fails past `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<number> {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return presses;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
  return max;
}

/** Focus is inside the open dialog, or on nothing (the browser's own UI): never on the page behind it. */
async function focusStaysIn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const dialog = document.querySelector('dialog[open]');
    return !!dialog && (!active || active === document.body || dialog.contains(active));
  });
}

async function tabsStayInDialog(page: Page, presses = 10): Promise<void> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await focusStaysIn(page), `after ${i + 1} presses`).toBe(true);
  }
}

test('signs in, provisions, then opens, uses and closes every dialog with the keyboard alone, focus where it belongs at each step', async ({ page }) => {
  test.setTimeout(120_000);

  // Sign in.
  await page.goto('/login');
  const password = page.getByLabel('Password');
  await tabTo(page, password, 10);
  await page.keyboard.type(ADMIN_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/login/);

  // Provision: focus lands on what happened.
  await page.goto('/provision');
  const provision = page.getByRole('button', { name: 'Provision AI-5 buckets' });
  await expect(provision).toBeEnabled();
  await tabTo(page, provision);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Provisioned');
  await expect(page.locator(':focus')).toContainText('Provisioned');

  // Create: focus on Name, Tab kept inside, Escape closes with focus back on the opener.
  await page.goto('/buckets');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  const opener = page.getByRole('button', { name: 'Create a bucket' });
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'Create bucket' });
  await expect(create).toBeVisible();
  await expect(create.getByLabel('Name')).toBeFocused();
  await tabsStayInDialog(page);
  await page.keyboard.press('Escape');
  await expect(create).toBeHidden();
  await expect(opener).toBeFocused();

  // Create for real: type, Tab to Retention, Enter submits; the dialog closes and focus returns to the opener.
  await page.keyboard.press('Enter');
  await expect(create.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('e2e_keys');
  await page.keyboard.press('Tab');
  await expect(create.getByLabel('Retention')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('12h');
  await page.keyboard.press('Enter');
  await expect(create).toBeHidden();
  await expect(page.getByTestId('bucket-change-note')).toContainText('Created e2e_keys with retention 12h.');
  await expect(opener).toBeFocused();
  const row = page.getByTestId('bucket-row-e2e_keys');
  await expect(row.getByTestId('retention')).toHaveText('12h');

  // Edit: focus on Retention, Tab kept inside, Escape closes, focus back on Edit; then save with Enter.
  const editButton = row.getByRole('button', { name: 'Edit e2e_keys' });
  await tabTo(page, editButton);
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit e2e_keys' });
  await expect(edit.getByLabel('Retention')).toBeFocused();
  await tabsStayInDialog(page);
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(editButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(edit.getByLabel('Retention')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('60d');
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(row.getByTestId('retention')).toHaveText('60d');
  await expect(editButton).toBeFocused();

  // Delete bucket: Escape from the Cancel button closes too; then delete for real, focus to the content.
  const deleteButton = row.getByRole('button', { name: 'Delete e2e_keys' });
  await tabTo(page, deleteButton, 5);
  await page.keyboard.press('Enter');
  const del = page.getByRole('dialog', { name: 'Delete e2e_keys' });
  await expect(del.getByLabel('Confirm bucket name')).toBeFocused();
  await tabTo(page, del.getByRole('button', { name: 'Cancel' }), 5);
  await page.keyboard.press('Escape');
  await expect(del).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(del.getByLabel('Confirm bucket name')).toBeFocused();
  await page.keyboard.type('e2e_keys');
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);
  // Its row is gone, so focus goes to the content rather than to nowhere.
  await expect(page.locator('#main')).toBeFocused();

  // Delete data: preview, type the name, delete; Escape closes; focus back on "Delete data".
  const now = Date.now();
  await writeLines(
    server,
    BUCKET,
    ['light.kitchen', 'light.hall'].map(
      (e, i) => `time_based_daily,domain=light,entity_id=${e} frequency=1.5,occurrences=${i}i ${(now - 86_400_000) * 1_000_000}`,
    ),
  );
  const id = (await api.buckets()).find((b) => b.name === BUCKET)?.id ?? '';
  await page.goto(`/buckets/${id}`);
  const deleteData = page.getByRole('button', { name: 'Delete data' });
  await tabTo(page, deleteData);
  await page.keyboard.press('Enter');
  const dataDialog = page.getByRole('dialog', { name: `Delete data from ${BUCKET}` });
  await expect(dataDialog.getByLabel('Measurement')).toBeFocused();
  await tabsStayInDialog(page);
  await page.keyboard.press('Escape');
  await expect(dataDialog).toBeHidden();
  await expect(deleteData).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dataDialog.getByLabel('Measurement')).toBeFocused();
  await page.keyboard.type('time_based_daily');
  await page.keyboard.press('Tab');
  await expect(dataDialog.getByLabel('Tag conditions')).toBeFocused();
  await page.keyboard.type('entity_id=light.kitchen');
  await page.keyboard.press('Enter');
  const preview = dataDialog.getByTestId('delete-preview');
  await expect(preview).toContainText('1 point would be deleted');
  const confirm = preview.getByLabel('Confirm bucket name');
  await tabTo(page, confirm, 20);
  await page.keyboard.type(BUCKET);
  await page.keyboard.press('Enter');
  await expect(dataDialog.getByTestId('delete-result')).toContainText('Deleted 1 point', { timeout: BACKUP_FIRST_MS });
  await page.keyboard.press('Escape');
  await expect(dataDialog).toBeHidden();
  await expect(deleteData).toBeFocused();
});
