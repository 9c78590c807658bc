import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

const api = influxApi(e2eServers().main);

test.beforeEach(() => api.reset());

test('runs the checks after provisioning and sees them all pass, then sees the retention check fail with its fix', async ({ page }) => {
  await provisionThroughUi(page);

  await page.goto('/verify');
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByTestId('verify-summary')).toContainText('Ready: 22 passed, 2 warnings, 0 failed, 0 skipped of 24 checks');
  await expect(page.locator('[data-status="pass"]')).toHaveCount(22);

  // Someone shortens the daily bucket's retention behind the console's back.
  const daily = (await api.buckets()).find((b) => b.name === 'pattern_aggregates_daily');
  await api.call(`/api/v2/buckets/${daily?.id}`, {
    method: 'PATCH',
    body: JSON.stringify({ retentionRules: [{ type: 'expire', everySeconds: 30 * 86_400 }] }),
  });

  const retention = page.getByTestId('check-bucket-retention:pattern_aggregates_daily');
  await retention.getByRole('button', { name: /Rerun/ }).click();
  await expect(retention).toHaveAttribute('data-status', 'fail');
  await expect(retention).toContainText('Retention is 30d, the spec says 90d');
  await expect(retention.getByTestId('fix')).toContainText('Provision');

  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByTestId('verify-summary')).toContainText('Not ready: 21 passed, 2 warnings, 1 failed');
  await page.screenshot({ path: 'test-results/screenshots/verify.png', fullPage: true });

  await page.goto('/');
  await expect(page.getByTestId('last-verify')).toContainText('1 failed');
});
