import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, e2eServers, FAULT_CONSOLE_URL, startInfluxdSync, stopInfluxdSync } from './support/servers';
import { signInThroughUi } from './support/steps';

const SCREENS = ['/', '/buckets', '/provision', '/verify', '/measurements', '/storage', '/insights', '/audit'];

test('every screen says InfluxDB is unreachable within 5 s when it stops, and recovers without a reload', async ({ page }) => {
  const { fault } = e2eServers();
  await signInThroughUi(page, FAULT_CONSOLE_URL, ADMIN_PASSWORD);
  await page.goto(`${FAULT_CONSOLE_URL}/buckets`);
  await expect(page.getByTestId('bucket-row-_monitoring')).toBeVisible();

  stopInfluxdSync(fault.state);
  try {
    for (const path of SCREENS) {
      await page.goto(`${FAULT_CONSOLE_URL}${path}`);
      const banner = page.getByTestId('connection-banner');
      await expect(banner, path).toContainText('InfluxDB unreachable', { timeout: 5_000 });
      await expect(banner).toContainText('Verify InfluxDB is running');
    }
    // The page stays usable while InfluxDB is down: no crash, no error page.
    await page.goto(`${FAULT_CONSOLE_URL}/buckets`);
    await expect(page.getByRole('heading', { name: 'Buckets', level: 1 })).toBeVisible();
    await expect(page.locator('[data-error-code="unreachable"]').first()).toBeVisible({ timeout: 10_000 });
  } finally {
    startInfluxdSync({ port: fault.port, data: fault.data, state: fault.state });
  }
  // Back without a reload: the banner goes and the list comes back.
  await expect(page.getByTestId('connection-banner')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByTestId('bucket-row-_monitoring')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('[data-error-code]')).toHaveCount(0, { timeout: 10_000 });
});
