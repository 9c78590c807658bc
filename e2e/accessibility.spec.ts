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
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(' | ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`,
  );
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
        const screens = [...SCREENS, { path: `/buckets/${bucketId}`, ready: (p: Page) => p.getByRole('button', { name: 'Delete data' }) }];
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
          if (scheme === 'dark' && width > 400 && screen.path === '/storage')
            await page.screenshot({ path: 'test-results/screenshots/storage-dark.png', fullPage: true });
        }
        expect(found).toEqual({});
        expect(wide).toEqual({});
      });
    }
  }

  for (const scheme of SCHEMES) {
    test(`the sign-in page has no WCAG 2.1 A/AA violation in ${scheme} at 1440 and 390 px, and fits a phone`, async ({ browser }, info) => {
      const context = await browser.newContext({ baseURL: info.project.use.baseURL, colorScheme: scheme });
      const page = await context.newPage();
      try {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await page.goto('/login');
          await expect(page.getByLabel('Password')).toBeVisible();
          expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(scheme === 'dark');
          expect(await violations(page), `${width} px`).toEqual([]);
          const { scrollWidth, innerWidth } = await overflow(page);
          expect(scrollWidth, `${width} px`).toBeLessThanOrEqual(innerWidth);
        }
      } finally {
        await context.close();
      }
    });
  }

  test('every dialog has no WCAG 2.1 A/AA violation, light and dark, on a phone too', async ({ page }) => {
    test.setTimeout(120_000);
    const bucketId = (await api.buckets()).find((b) => b.name === 'pattern_aggregates_daily')?.id ?? '';
    const dialogs: { path: string; open: (p: Page) => Locator; name: string }[] = [
      { path: '/buckets', open: (p) => p.getByRole('button', { name: 'Create a bucket' }), name: 'Create bucket' },
      { path: '/buckets', open: (p) => p.getByRole('button', { name: 'Edit pattern_aggregates_daily' }), name: 'Edit pattern_aggregates_daily' },
      { path: '/buckets', open: (p) => p.getByRole('button', { name: 'Delete pattern_aggregates_daily' }), name: 'Delete pattern_aggregates_daily' },
      { path: `/buckets/${bucketId}`, open: (p) => p.getByRole('button', { name: 'Delete data' }), name: 'Delete data from pattern_aggregates_daily' },
    ];
    const found: Record<string, string[]> = {};
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        for (const d of dialogs) {
          await page.goto(d.path);
          await d.open(page).click();
          await expect(page.getByRole('dialog', { name: d.name })).toBeVisible();
          const v = await violations(page);
          if (v.length) found[`${d.name} ${scheme} ${width}`] = v;
          if (width < 400) {
            const { scrollWidth, innerWidth, culprits } = await overflow(page);
            if (scrollWidth > innerWidth) found[`${d.name} ${scheme} ${width} overflow`] = culprits;
          }
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog', { name: d.name })).toBeHidden();
        }
      }
    }
    expect(found).toEqual({});
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
