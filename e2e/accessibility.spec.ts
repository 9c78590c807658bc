import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

const api = influxApi(e2eServers().main);
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [1440, 390];
const SCHEMES = ['light', 'dark'] as const;

/** Every console screen, and what shows it has its content (not a loading line). */
const SCREENS: { path: string; ready: (page: Page) => Locator }[] = [
  { path: '/', ready: (p) => p.getByTestId('influx-version') },
  { path: '/buckets', ready: (p) => p.getByTestId('bucket-row-pattern_aggregates_daily') },
  { path: '/provision', ready: (p) => p.getByTestId('plan-summary') },
  { path: '/verify', ready: (p) => p.getByTestId('verify-summary') },
  { path: '/measurements', ready: (p) => p.getByTestId('measurement-time_based_daily') },
  { path: '/storage', ready: (p) => p.getByTestId('growth-pattern_aggregates_daily') },
  { path: '/insights', ready: (p) => p.getByTestId('freshness-table') },
  { path: '/alerts', ready: (p) => p.getByTestId('webhook') },
  { path: '/audit', ready: (p) => p.getByTestId('audit-row').first() },
  { path: '/tokens', ready: (p) => p.getByTestId('token-row').first() },
  { path: '/backups', ready: (p) => p.getByRole('button', { name: 'Back up now' }) },
  { path: '/measurements/pattern_aggregates_daily/time_based_daily', ready: (p) => p.getByTestId('latest-points') },
];

/** axe's violations as short lines a failure message can show: rule, impact and the nodes it found. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`);
}

/** The page's width against the window's, and when wider, the innermost elements that stick out (to name them in the failure). */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const out = (e: Element) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(e);
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((e) => out(e) && ![...e.children].some(out))
      .slice(0, 5)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> ${(e.textContent ?? '').slice(0, 40)}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, culprits };
  });
}

async function settle(page: Page): Promise<void> {
  // Charts are drawn after their code loads; polling screens never go idle for long, hence the cap.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}

test.describe('every screen with sample data', () => {
  test.beforeAll(async ({ browser }, info) => {
    test.setTimeout(120_000);
    await api.reset();
    const context = await browser.newContext({ baseURL: info.project.use.baseURL, storageState: info.project.use.storageState });
    const page = await context.newPage();
    await provisionThroughUi(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'sample points' })).toBeVisible({ timeout: 30_000 });
    await context.close();
  });

  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      test(`has no WCAG 2.1 A/AA violation at ${width} px in ${scheme}${width < 400 ? ', and no page is wider than the phone' : ''}`, async ({ page }) => {
        test.setTimeout(180_000);
        await page.setViewportSize({ width, height: 900 });
        // No stored choice: the console follows the system's preference.
        await page.emulateMedia({ colorScheme: scheme });
        const bucketId = (await api.buckets()).find((b) => b.name === 'pattern_aggregates_daily')?.id ?? '';
        const screens = [...SCREENS, { path: `/buckets/${bucketId}`, ready: (p: Page) => p.getByTestId('delete-data') }];
        const found: Record<string, string[]> = {};
        const wide: Record<string, string> = {};
        for (const screen of screens) {
          await page.goto(screen.path);
          expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), screen.path).toBe(scheme === 'dark');
          await expect(screen.ready(page)).toBeVisible({ timeout: 20_000 });
          await settle(page);
          const v = await violations(page);
          if (v.length) found[screen.path] = v;
          if (width < 400) {
            const { scrollWidth, innerWidth, culprits } = await overflow(page);
            if (scrollWidth > innerWidth) wide[screen.path] = `${scrollWidth} px: ${culprits.join(' | ')}`;
            if (screen.path === '/buckets') await page.screenshot({ path: `test-results/screenshots/buckets-390-${scheme}.png`, fullPage: true });
          }
          if (scheme === 'dark' && width > 400 && screen.path === '/buckets') await page.screenshot({ path: 'docs/screenshots/buckets-dark.png', fullPage: true });
          if (scheme === 'dark' && width > 400 && screen.path === '/storage') await page.screenshot({ path: 'test-results/screenshots/storage-dark.png', fullPage: true });
        }
        expect(found).toEqual({});
        expect(wide).toEqual({});
      });
    }
  }

  test('the sign-in page has no WCAG 2.1 A/AA violation and fits a phone', async ({ browser }, info) => {
    const context = await browser.newContext({ baseURL: info.project.use.baseURL, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.getByLabel('Password')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    const { scrollWidth, innerWidth } = await overflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await context.close();
  });
});

/** Focus is inside the open dialog, or on nothing (the browser's own UI): never on the page behind it. */
async function focusStaysIn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const dialog = document.querySelector('dialog[open]');
    return !!dialog && (!active || active === document.body || dialog.contains(active));
  });
}

test.describe('from the keyboard alone', () => {
  test.beforeEach(() => api.reset());

  test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
    await page.goto('/buckets');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await expect(page).toHaveTitle('Buckets · HomeIQ InfluxDB console');
  });

  test('creates a bucket, then opens, uses and closes the edit and delete dialogs with focus where it belongs', async ({ page }) => {
    await page.goto('/buckets');
    const form = page.getByRole('form', { name: 'Create bucket' });
    await form.getByLabel('Name').focus();
    await page.keyboard.type('e2e_keys');
    await page.keyboard.press('Enter');
    await expect(form.getByRole('status')).toContainText('Created e2e_keys');
    const row = page.getByTestId('bucket-row-e2e_keys');

    // Edit: focus on the first field, Tab kept inside, Escape closes, focus back on Edit.
    const editButton = row.getByRole('button', { name: 'Edit e2e_keys' });
    await editButton.focus();
    await page.keyboard.press('Enter');
    const edit = page.getByRole('dialog', { name: 'Edit e2e_keys' });
    await expect(edit).toBeVisible();
    await expect(edit.getByLabel('Retention')).toBeFocused();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await focusStaysIn(page)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(edit).toBeHidden();
    await expect(editButton).toBeFocused();

    // Edit again and save with Enter: the retention changes and focus returns to Edit.
    await page.keyboard.press('Enter');
    await expect(edit.getByLabel('Retention')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('60d');
    await page.keyboard.press('Enter');
    await expect(edit).toBeHidden();
    await expect(row.getByTestId('retention')).toHaveText('60d');
    await expect(editButton).toBeFocused();

    // Delete: Escape from the Cancel button closes too; then delete for real.
    const deleteButton = row.getByRole('button', { name: 'Delete e2e_keys' });
    await deleteButton.focus();
    await page.keyboard.press('Enter');
    const del = page.getByRole('dialog', { name: 'Delete e2e_keys' });
    await expect(del.getByLabel('Confirm bucket name')).toBeFocused();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/delete-dialog.png' });
    await del.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Escape');
    await expect(del).toBeHidden();
    await expect(deleteButton).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(del.getByLabel('Confirm bucket name')).toBeFocused();
    await page.keyboard.type('e2e_keys');
    await page.keyboard.press('Enter');
    await expect(row).toHaveCount(0);
    // Its row is gone, so focus goes to the content rather than to nowhere.
    await expect(page.locator('#main')).toBeFocused();
  });

  test('after Provision, focus is on what happened', async ({ page }) => {
    await page.goto('/provision');
    const provision = page.getByRole('button', { name: 'Provision AI-5 buckets' });
    await provision.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText('Provisioned');
    await expect(page.locator(':focus')).toContainText('Provisioned');
    await expect(page.getByTestId('plan-summary')).toContainText('Nothing to do');
    await expect(provision).toBeDisabled();
  });
});

test.describe('the theme', () => {
  test('follows the system, and a choice of Light or Dark is kept in this browser with no light flash on load', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/buckets');
    const dark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    expect(await dark()).toBe(true);
    await page.getByLabel('Theme').selectOption('light');
    expect(await dark()).toBe(false);
    // Stored: a reload starts light before any of the console's code runs (the inline script in <head>).
    await page.goto('/buckets', { waitUntil: 'commit' });
    await page.waitForSelector('body', { state: 'attached' });
    expect(await dark()).toBe(false);
    await page.getByLabel('Theme').selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await dark()).toBe(true);
    await expect(page.getByLabel('Theme')).toHaveValue('dark');
    // Back to System: the preference decides again, live.
    await page.getByLabel('Theme').selectOption('system');
    expect(await dark()).toBe(false);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(dark).toBe(true);
  });
});
