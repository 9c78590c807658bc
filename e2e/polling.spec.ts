import { expect, test, type Page } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

const api = influxApi(e2eServers().main);

test.beforeEach(() => api.reset());

/** What a browser does when the tab goes to the background or comes back. */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);
}

for (const [screen, path, route] of [
  ['Measurements', '/measurements', '/api/stats'],
  ['Storage', '/storage', '/api/storage'],
] as const) {
  test(`the ${screen} screen stops polling while the tab is hidden and resumes when it is shown`, async ({ page }) => {
    await provisionThroughUi(page);
    await page.clock.install();
    const calls: number[] = [];
    // Counted when answered: a tick that lands while a request is still in flight joins it.
    page.on('requestfinished', (r) => {
      if (new URL(r.url()).pathname === route) calls.push(Date.now());
    });
    const started: string[] = [];
    page.on('request', (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/api/')) started.push(pathname);
    });
    await page.goto(path);
    await expect(page.getByTestId(screen === 'Measurements' ? 'stats-age' : 'storage-age')).toBeVisible();
    // Visible: the screen polls (every 30 s for the counts, 15 s for storage).
    const visibleBefore = calls.length;
    await page.clock.fastForward('00:31');
    await expect.poll(() => calls.length).toBeGreaterThan(visibleBefore);

    await setVisibility(page, 'hidden');
    await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('hidden');
    const hiddenAt = calls.length;
    const startedAt = started.length;
    for (let i = 0; i < 4; i++) await page.clock.fastForward('00:31');
    // Two minutes in the background: not one request. A marker request made after the timers ran
    // is seen after any request they started, so its answer is the moment to look (no fixed wait).
    await page.evaluate(() => fetch('/api/connection?after-hidden').then((r) => r.status));
    expect(started.slice(startedAt)).toEqual(['/api/connection']);
    expect(calls.length).toBe(hiddenAt);

    // Shown again: the stale figures are fetched at once (one second, well before the next interval)…
    await setVisibility(page, 'visible');
    await page.clock.runFor(1_000);
    await expect.poll(() => calls.length).toBeGreaterThan(hiddenAt);
    // …and polling resumes.
    const shownAt = calls.length;
    await page.clock.fastForward('00:31');
    await expect.poll(() => calls.length).toBeGreaterThan(shownAt);
  });
}
