import { expect, test, type Page } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers, MAIN_CONSOLE_URL, VIEWER_PASSWORD } from './support/servers';
import { signInThroughUi } from './support/steps';

const api = influxApi(e2eServers().main);

/** The screens whose data comes from the spec's buckets. */
const SCREENS = ['/', '/measurements', '/storage', '/insights'];

test.beforeEach(() => api.reset());

async function expectOneCalmState(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const state = page.getByTestId('not-provisioned');
  await expect(state, path).toHaveCount(1);
  await expect(state.getByRole('heading', { name: 'Nothing provisioned yet' })).toBeVisible();
  // Give every query time to answer: none of them may turn into a red panel.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await expect(page.getByTestId('not-provisioned'), path).toHaveCount(1);
  // Within the content: Next's route announcer is an (empty) alert of its own.
  await expect(page.getByRole('main').getByRole('alert'), path).toHaveCount(0);
  await expect(page.locator('[data-error-code]'), path).toHaveCount(0);
  await expect(page.getByTestId('error-request-id'), path).toHaveCount(0);
}

test('before provisioning, each screen says once that nothing is provisioned yet and links an admin to Provision', async ({ page }) => {
  for (const path of SCREENS) {
    await expectOneCalmState(page, path);
    await expect(page.getByTestId('not-provisioned').getByRole('link', { name: 'Open Provision' })).toBeVisible();
  }
  await page.getByTestId('not-provisioned').getByRole('link', { name: 'Open Provision' }).click();
  await expect(page).toHaveURL(/\/provision$/);
  await page.screenshot({ path: 'test-results/screenshots/provision-first-run.png', fullPage: true });
});

test('the overview before provisioning, as a new admin sees it', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectOneCalmState(page, '/');
  await expect(page.getByTestId('influx-version')).toBeVisible();
  // The findings card has nothing to look at: it goes once its query says the buckets are missing.
  await expect(page.getByRole('heading', { name: 'Open findings' })).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/overview-before-provisioning.png', fullPage: true });
});

test('a viewer is told an admin must provision, with no button to press', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: MAIN_CONSOLE_URL });
  const page = await context.newPage();
  await signInThroughUi(page, MAIN_CONSOLE_URL, VIEWER_PASSWORD);
  for (const path of SCREENS) {
    await expectOneCalmState(page, path);
    await expect(page.getByTestId('not-provisioned-viewer')).toContainText('An admin must provision');
    await expect(page.getByTestId('not-provisioned').getByRole('link')).toHaveCount(0);
  }
  await context.close();
});

test('with one of two buckets provisioned, the state says how many are still missing', async ({ page }) => {
  await api.createBucket('pattern_aggregates_daily', 90 * 86_400);
  await page.goto('/');
  await expect(page.getByTestId('not-provisioned').getByRole('heading')).toHaveText('1 of 2 buckets not provisioned yet');
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});
