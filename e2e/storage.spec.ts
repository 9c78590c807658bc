import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

const api = influxApi(e2eServers().main);

test.beforeEach(() => api.reset());

test('shows storage growth charts with sample data, and warns when a budget is set below the projection', async ({ page }) => {
  await provisionThroughUi(page);
  await page.goto('/measurements');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByTestId('measurement-time_based_daily').getByTestId('records')).not.toHaveText('0', { timeout: 30_000 });

  await page.goto('/storage');
  await page.getByRole('button', { name: '24h' }).click();
  const daily = page.getByTestId('growth-pattern_aggregates_daily');
  await expect(daily.getByTestId('projection-records')).not.toHaveText('—');
  // InfluxDB publishes a new bucket's disk size a few seconds after the write; the screen refreshes every 15 s.
  // Until then it says pending (records are there), never 0 B.
  await expect(daily.getByTestId('disk-now')).not.toHaveText(/^(0 B|pending)$/, { timeout: 45_000 });
  await expect(daily.getByTestId('measured-growth')).toContainText('pending');
  await expect(daily.getByTestId('measured-growth')).toContainText('needs 6 h');
  // The sampler (every 2 s in this test run) fills the disk chart.
  await expect(page.getByTestId('chart-disk').locator('.recharts-line-curve').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('chart-records-pattern_aggregates_daily').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('storage-warnings')).toHaveCount(0);

  // Sample data fills the whole window (about 4,600 records at steady state): a budget below that is crossed.
  await daily.getByLabel('Budget records').fill('4000');
  await daily.getByRole('button', { name: 'Save budget' }).click();
  const warnings = page.getByTestId('storage-warnings');
  await expect(warnings).toContainText('pattern_aggregates_daily');
  await expect(warnings).toContainText('records budget');
  await expect(daily.getByTestId('crossings')).toContainText('records budget 4,000: already crossed');
  await page.screenshot({ path: 'test-results/screenshots/storage.png', fullPage: true });

  await page.goto('/');
  await expect(page.getByTestId('overview-storage-warnings')).toContainText('records budget');

  // Clear the budget again so other tests start clean.
  await page.goto('/storage');
  await page.getByTestId('growth-pattern_aggregates_daily').getByLabel('Budget records').fill('');
  await page.getByTestId('growth-pattern_aggregates_daily').getByRole('button', { name: 'Save budget' }).click();
  await expect(page.getByTestId('storage-warnings')).toHaveCount(0);
});
