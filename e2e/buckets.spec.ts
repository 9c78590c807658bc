import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';

const api = influxApi(e2eServers().main);

test.beforeEach(() => api.reset());

test('creates, edits and deletes a bucket through the UI', async ({ page }) => {
  await page.goto('/buckets');
  await page.getByRole('button', { name: 'Create a bucket' }).click();
  const form = page.getByRole('dialog', { name: 'Create bucket' }).getByRole('form', { name: 'Create bucket' });
  await form.getByLabel('Name').fill('e2e_scratch');
  await form.getByLabel('Retention').fill('12h');
  await form.getByLabel('Description').fill('made in the browser');
  await form.getByRole('button', { name: 'Create bucket' }).click();
  await expect(page.getByRole('dialog', { name: 'Create bucket' })).toBeHidden();
  await expect(page.getByTestId('bucket-change-note')).toContainText('Created e2e_scratch with retention 12h.');
  const row = page.getByTestId('bucket-row-e2e_scratch');
  await expect(row.getByTestId('retention')).toHaveText('12h');

  await row.getByRole('button', { name: 'Edit e2e_scratch' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit e2e_scratch' });
  await edit.getByLabel('Retention').fill('30d');
  await edit.getByLabel('Description').fill('edited');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByTestId('retention')).toHaveText('30d');
  await expect(row).toContainText('edited');

  await row.getByRole('button', { name: 'Delete e2e_scratch' }).click();
  const del = page.getByRole('dialog', { name: 'Delete e2e_scratch' });
  await expect(del.getByRole('button', { name: 'Delete bucket' })).toBeDisabled();
  await del.getByLabel('Confirm bucket name').fill('e2e_scratch');
  await del.getByRole('button', { name: 'Delete bucket' }).click();
  await expect(row).toHaveCount(0);
  expect((await api.buckets()).some((b) => b.name === 'e2e_scratch')).toBe(false);
});

test('bad input gets a clear message and creates nothing', async ({ page }) => {
  await page.goto('/buckets');
  await page.getByRole('button', { name: 'Create a bucket' }).click();
  const form = page.getByRole('dialog', { name: 'Create bucket' }).getByRole('form', { name: 'Create bucket' });
  await form.getByLabel('Name').fill('_sneaky');
  await form.getByLabel('Retention').fill('59m');
  await form.getByRole('button', { name: 'Create bucket' }).click();
  await expect(form).toContainText('reserved for InfluxDB system buckets');
  await expect(form).toContainText('at least 1h');
  expect((await api.buckets()).some((b) => b.name === '_sneaky')).toBe(false);
});

test('creates a bucket with a shard-group duration, refusing one InfluxDB would refuse before sending it', async ({ page }) => {
  await page.goto('/buckets');
  await page.getByRole('button', { name: 'Create a bucket' }).click();
  const form = page.getByRole('dialog', { name: 'Create bucket' }).getByRole('form', { name: 'Create bucket' });
  await form.getByLabel('Name').fill('e2e_sgd');
  await form.getByLabel('Retention').fill('1d');
  const shardGroups = form.getByRole('textbox', { name: 'Shard-group duration' });
  await expect(form).toContainText('Empty: InfluxDB picks 1h.');
  await shardGroups.fill('2d');
  await expect(form).toContainText('longer than the retention (1d)');
  await expect(form.getByRole('button', { name: 'Create bucket' })).toBeDisabled();
  await shardGroups.fill('6h');
  await form.getByRole('button', { name: 'Create bucket' }).click();
  const row = page.getByTestId('bucket-row-e2e_sgd');
  await expect(row.getByTestId('retention')).toHaveText('1d');
  await expect(row).toContainText('6h');
  const made = (await api.buckets()).find((b) => b.name === 'e2e_sgd');
  expect(made?.retentionRules?.[0]?.shardGroupDurationSeconds).toBe(6 * 3600);
});

test('system buckets cannot be edited or deleted, and the table says why', async ({ page }) => {
  await page.goto('/buckets');
  const row = page.getByTestId('bucket-row-_monitoring');
  await expect(row).toContainText('system');
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(row).toContainText('managed by InfluxDB');
});

test('the filter and the sort are in the URL: a link opens the same view, and Back undoes a sort', async ({ page }) => {
  await api.createBucket('e2e_url_a', 3600 * 24);
  await api.createBucket('e2e_url_b', 3600 * 48);
  await page.goto('/buckets');
  await page.getByLabel('Filter by name').fill('e2e_url');
  await expect(page).toHaveURL(/[?&]q=e2e_url/);
  await page.getByRole('button', { name: 'Retention' }).click();
  await expect(page).toHaveURL(/sort=retention/);
  await page.getByRole('button', { name: /^Retention/ }).click();
  await expect(page).toHaveURL(/dir=desc/);
  const names = () => page.locator('[data-testid^="bucket-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
  await expect.poll(names).toEqual(['bucket-row-e2e_url_b', 'bucket-row-e2e_url_a']);

  // Shared: the same link in a fresh page shows the same rows in the same order.
  const shared = await page.context().newPage();
  await shared.goto(page.url());
  await expect(shared.getByLabel('Filter by name')).toHaveValue('e2e_url');
  await expect(shared.getByRole('columnheader', { name: /Retention/ })).toHaveAttribute('aria-sort', 'descending');
  await shared.close();

  await page.goBack();
  await expect(page).not.toHaveURL(/dir=desc/);
  await expect.poll(names).toEqual(['bucket-row-e2e_url_a', 'bucket-row-e2e_url_b']);

  // A hand-edited URL with nonsense in it shows the screen as it opens, not an error.
  await page.goto('/buckets?sort=nonsense&dir=sideways&q=' + 'x'.repeat(300));
  await expect(page.getByTestId('bucket-row-_monitoring')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
});
