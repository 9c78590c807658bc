import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';

const api = influxApi(e2eServers().main);

test.beforeEach(() => api.reset());

test('creates, edits and deletes a bucket through the UI', async ({ page }) => {
  await page.goto('/buckets');
  const form = page.getByRole('form', { name: 'Create bucket' });
  await form.getByLabel('Name').fill('e2e_scratch');
  await form.getByLabel('Retention').fill('12h');
  await form.getByLabel('Description').fill('made in the browser');
  await form.getByRole('button', { name: 'Create bucket' }).click();
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
  const form = page.getByRole('form', { name: 'Create bucket' });
  await form.getByLabel('Name').fill('_sneaky');
  await form.getByLabel('Retention').fill('59m');
  await form.getByRole('button', { name: 'Create bucket' }).click();
  await expect(form).toContainText('reserved for InfluxDB system buckets');
  await expect(form).toContainText('at least 1h');
  expect((await api.buckets()).some((b) => b.name === '_sneaky')).toBe(false);
});

test('creates a bucket with a shard-group duration, refusing one InfluxDB would refuse before sending it', async ({ page }) => {
  await page.goto('/buckets');
  const form = page.getByRole('form', { name: 'Create bucket' });
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
