import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

const api = influxApi(e2eServers().main);

test.beforeEach(() => api.reset());
test.afterEach(() => api.reset());

test('the Measurements filter and sort, the Storage range and a measurement page are in the URL; Back returns; bad values show the defaults', async ({
  page,
}) => {
  await provisionThroughUi(page);

  // Measurements: filter and sort from a shared link.
  await page.goto('/measurements?q=time_based&sort=records&dir=desc');
  await expect(page.getByTestId('measurement-time_based_daily')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('measurement-co_occurrence_daily')).toHaveCount(0);
  await expect(page.getByLabel('Filter measurements')).toHaveValue('time_based');
  await expect(page.getByRole('columnheader', { name: /Records/ }).first()).toHaveAttribute('aria-sort', 'descending');
  // Sorting by name is a new history entry; Back returns to the records order.
  await page
    .getByRole('button', { name: /^Measurement/ })
    .first()
    .click();
  await expect(page).toHaveURL(/sort=name/);
  await page.goBack();
  await expect(page).toHaveURL(/sort=records/);
  await expect(page.getByRole('columnheader', { name: /Records/ }).first()).toHaveAttribute('aria-sort', 'descending');
  // A bucket the organization does not hold: the spec's buckets, as the screen opens.
  await page.goto('/measurements?bucket=no_such_bucket&sort=bogus');
  await expect(page.getByTestId('measurement-co_occurrence_daily')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('Bucket')).toHaveValue('');

  // Storage: the range.
  await page.goto('/storage');
  const range = page.getByRole('group', { name: 'Range' });
  await expect(range.getByRole('button', { name: '30d' })).toHaveAttribute('aria-pressed', 'true');
  await range.getByRole('button', { name: '7d' }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(range.getByRole('button', { name: '7d' })).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(range.getByRole('button', { name: '30d' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/storage?range=forever');
  await expect(range.getByRole('button', { name: '30d' })).toHaveAttribute('aria-pressed', 'true');

  // A measurement's page: a page number that is not one is page 1, not an error.
  await page.goto('/measurements/pattern_aggregates_daily/time_based_daily?page=abc&tag=');
  await expect(page.getByRole('heading', { name: 'time_based_daily', level: 1 })).toBeVisible();
  await expect(page.getByText('Records', { exact: true }).first()).toBeVisible({ timeout: 20_000 });
});
