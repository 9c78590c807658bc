import { expect, test, type Locator, type Page } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

/**
 * docs/screenshots/: every screen in both themes, with the sample data, as a new user sees it.
 * Not a test: its project exists only with HOMEIQ_SCREENSHOTS=1 (`npm run screenshots` builds first),
 * and rewrites the files docs/screens.md lists.
 */

const api = influxApi(e2eServers().main);
const DIR = 'docs/screenshots';

const SCREENS: { name: string; path: (bucketId: string) => string; ready: (p: Page) => Locator }[] = [
  { name: 'overview', path: () => '/', ready: (p) => p.getByTestId('influx-version') },
  { name: 'buckets', path: () => '/buckets', ready: (p) => p.getByTestId('bucket-row-pattern_aggregates_daily') },
  { name: 'bucket-data', path: (id) => `/buckets/${id}`, ready: (p) => p.getByRole('button', { name: 'Delete data' }) },
  { name: 'provision', path: () => '/provision', ready: (p) => p.getByTestId('plan-summary') },
  { name: 'verify', path: () => '/verify', ready: (p) => p.getByTestId('verify-summary') },
  { name: 'measurements', path: () => '/measurements', ready: (p) => p.getByTestId('measurement-time_based_daily') },
  { name: 'measurement', path: () => '/measurements/pattern_aggregates_daily/time_based_daily', ready: (p) => p.getByTestId('latest-points') },
  { name: 'insights', path: () => '/insights', ready: (p) => p.getByTestId('freshness-table') },
  { name: 'storage', path: () => '/storage', ready: (p) => p.getByTestId('growth-pattern_aggregates_daily') },
  { name: 'alerts', path: () => '/alerts', ready: (p) => p.getByTestId('webhook') },
  { name: 'audit', path: () => '/audit', ready: (p) => p.getByTestId('audit-row').first() },
  { name: 'tokens', path: () => '/tokens', ready: (p) => p.getByRole('heading', { name: 'Tokens', level: 1 }) },
  { name: 'backups', path: () => '/backups', ready: (p) => p.getByRole('button', { name: 'Back up now' }) },
];

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  // The relative times tick; the charts draw after their code loads.
  await page.waitForTimeout(500);
}

test('every screen in light and dark, and the dialogs', async ({ page, browser }, info) => {
  test.setTimeout(600_000);
  await api.reset();
  await page.goto('/');
  await settle(page);
  await page.screenshot({ path: `${DIR}/overview-before-provisioning.png`, fullPage: true });
  await provisionThroughUi(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sample points' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/verify');
  await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByTestId('verify-summary')).toBeVisible({ timeout: 60_000 });
  const bucketId = (await api.buckets()).find((b) => b.name === 'pattern_aggregates_daily')?.id ?? '';
  // One backup, verified, so the Backups screen shows a row as it will in use.
  await page.goto('/backups');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-row')).toHaveCount(1, { timeout: 120_000 });
  await page.getByTestId('backup-row').getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('backup-verified')).toContainText('verified', { timeout: 180_000 });

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const s of SCREENS) {
      await page.goto(s.path(bucketId));
      await expect(s.ready(page)).toBeVisible({ timeout: 30_000 });
      await settle(page);
      await page.screenshot({ path: `${DIR}/${s.name}-${scheme}.png`, fullPage: true });
    }
    // The dialogs, over the screens that open them.
    await page.goto('/buckets');
    await page.getByRole('button', { name: 'Create a bucket' }).click();
    await page.screenshot({ path: `${DIR}/create-bucket-dialog-${scheme}.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Delete pattern_aggregates_daily' }).click();
    await page.screenshot({ path: `${DIR}/delete-bucket-dialog-${scheme}.png` });
    await page.keyboard.press('Escape');
    await page.goto(`/buckets/${bucketId}`);
    await page.getByRole('button', { name: 'Delete data' }).click();
    await page.screenshot({ path: `${DIR}/delete-data-dialog-${scheme}.png` });
    await page.keyboard.press('Escape');
    // A phone.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of ['overview', 'buckets', 'measurements']) {
      const s = SCREENS.find((x) => x.name === name);
      if (!s) continue;
      await page.goto(s.path(bucketId));
      await expect(s.ready(page)).toBeVisible({ timeout: 30_000 });
      await settle(page);
      await page.screenshot({ path: `${DIR}/${name}-390-${scheme}.png`, fullPage: true });
    }
  }

  // The sign-in page, signed out.
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ baseURL: info.project.use.baseURL, colorScheme: scheme, viewport: { width: 1440, height: 900 } });
    try {
      const login = await context.newPage();
      await login.goto('/login');
      await expect(login.getByLabel('Password')).toBeVisible();
      await login.screenshot({ path: `${DIR}/login-${scheme}.png` });
    } finally {
      await context.close();
    }
  }
  await api.reset();
});
