import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, e2eServers, MAIN_CONSOLE_URL, VIEWER_PASSWORD } from './support/servers';
import { signInThroughUi } from './support/steps';

const { main } = e2eServers();
const PAGES = ['/', '/buckets', '/provision', '/verify', '/measurements', '/storage', '/audit'];
const APIS = ['/api/connection', '/api/buckets', '/api/provision/plan', '/api/stats', '/api/storage?range=24h', '/api/verify/last'];

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('every page sends a stranger to the login page, and every API refuses them', async ({ page, request }) => {
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login\?next=/);
    }
    for (const path of APIS) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
      expect((await res.json()).error.code).toBe('signed_out');
    }
    const post = await request.post('/api/verify');
    expect(post.status()).toBe(401);
  });

  test('a wrong password is refused with a message, and repeated failures slow down', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong password' })).toBeVisible();
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    // 250 + 500 + 1000 ms of enforced waiting at least.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1700);
  });

  test('a viewer browses everything and changes nothing', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Password').fill(VIEWER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('viewer · read-only')).toBeVisible();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'homeiq_console_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');

    await page.goto('/buckets');
    await expect(page.getByTestId('bucket-row-_monitoring')).toBeVisible();
    await expect(page.getByTestId('read-only-note')).toBeVisible();
    await expect(page.getByRole('form', { name: 'Create bucket' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Edit|Delete) / })).toHaveCount(0);
    await page.goto('/provision');
    await expect(page.getByRole('button', { name: 'Provision AI-5 buckets' })).toBeDisabled();
    await page.goto('/verify');
    await expect(page.getByRole('button', { name: 'Run checks' })).toBeDisabled();

    const verify = await page.request.post('/api/verify');
    expect(verify.status()).toBe(403);
  });
});

test('the InfluxDB token never reaches the browser: not in pages, API answers or the build output', async ({ page, request }) => {
  const seen: string[] = [];
  page.on('response', async (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (/text|json|javascript/.test(type)) seen.push(await res.text().catch(() => ''));
  });
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  for (const path of APIS) seen.push(await (await request.get(path)).text());
  expect(seen.length).toBeGreaterThan(20);
  for (const body of seen) expect(body).not.toContain(main.token);

  // Nothing the build produced (client bundles, server chunks, prerendered HTML) holds it either.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'cache') continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk('.next');
  expect(files.length).toBeGreaterThan(50);
  for (const f of files) expect(readFileSync(f, 'latin1').includes(main.token), f).toBe(false);
});

test('signing out ends the session', async ({ browser }) => {
  // A session of its own: signing out revokes it on the server, for every copy of its cookie.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInThroughUi(page, MAIN_CONSOLE_URL, ADMIN_PASSWORD);
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/buckets');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
