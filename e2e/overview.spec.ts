import { expect, test } from '@playwright/test';

test('the overview shows the InfluxDB version of the real server', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('influx-version')).toHaveText(/^v2\.\d+\.\d+/);
  await expect(page.getByText('Connected')).toBeVisible();
  await expect(page.getByText('pattern_aggregates_daily').first()).toBeVisible();
});
