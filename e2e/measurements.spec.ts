import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

const api = influxApi(e2eServers().main);
const MEASUREMENTS = [
  'time_based_daily',
  'co_occurrence_daily',
  'sequence_daily',
  'room_based_daily',
  'duration_daily',
  'anomaly_daily',
  'session_weekly',
  'day_type_weekly',
  'contextual_monthly',
  'seasonal_monthly',
];

test.beforeEach(() => api.reset());

test('loads sample data from the overview and sees all ten measurements with counts and charts', async ({ page }) => {
  await provisionThroughUi(page);

  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sample points' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screenshots/overview.png', fullPage: true });

  await page.getByRole('link', { name: 'See the charts on Measurements' }).click();
  for (const m of MEASUREMENTS) {
    const row = page.getByTestId(`measurement-${m}`);
    await expect(row.getByTestId('records')).not.toHaveText('0', { timeout: 20_000 });
    await expect(row.getByTestId('series')).not.toHaveText('0');
  }
  for (const bucket of ['pattern_aggregates_daily', 'pattern_aggregates_weekly']) {
    const charts = page.getByTestId(`charts-${bucket}`);
    // recharts draws bars as paths inside .recharts-bar-rectangle, areas as .recharts-area-area.
    await expect(charts.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(charts.locator('.recharts-area-area').first()).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/screenshots/measurements.png', fullPage: true });
});
