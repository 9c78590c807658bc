import { expect, test } from '@playwright/test';
import { e2eServers, FAULT_CONSOLE_URL, startInfluxdSync, stopInfluxdSync } from './support/servers';

test('the overview shows the InfluxDB version of the real server', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('influx-version')).toHaveText(/^v2\.\d+\.\d+/);
  await expect(page.getByText('Connected')).toBeVisible();
  await expect(page.getByText('pattern_aggregates_daily').first()).toBeVisible();
});

test('the overview says InfluxDB is unreachable, with the fix, when InfluxDB stops, and recovers when it returns', async ({ page }) => {
  const { fault } = e2eServers();
  await page.goto(FAULT_CONSOLE_URL + '/');
  await expect(page.getByTestId('influx-version')).toHaveText(/^v2\./);

  stopInfluxdSync(fault.state);
  try {
    const alert = page.locator('[data-error-code="unreachable"]').filter({ hasText: 'InfluxDB unreachable' }).first();
    await expect(alert).toBeVisible({ timeout: 5_000 });
    await expect(alert).toContainText('Verify InfluxDB is running');
  } finally {
    startInfluxdSync({ port: fault.port, data: fault.data, state: fault.state });
  }
  // Back without a reload.
  await expect(page.getByText('Connected')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('[data-error-code]')).toHaveCount(0, { timeout: 15_000 });
});
