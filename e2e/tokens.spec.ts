import { expect, test, type Page } from '@playwright/test';
import { recordSecret } from '../tests/support/secret-ledger';
import { influxApi } from './support/influx-api';
import { e2eServers, MAIN_CONSOLE_URL, VIEWER_PASSWORD } from './support/servers';
import { provisionThroughUi, signInThroughUi } from './support/steps';

const { main } = e2eServers();
const api = influxApi(main);

/** Every token but the server's own operator token, so each test starts from HomeIQ's default state. */
async function deleteTokens(): Promise<void> {
  const res = await api.call<{ authorizations: { id: string; token?: string }[] }>('/api/v2/authorizations');
  for (const a of res.authorizations) if (a.token !== main.token) await api.call(`/api/v2/authorizations/${a.id}`, { method: 'DELETE' });
}

/** What the browser received (pages, API answers, action results) while `collecting` is on. */
function captureResponses(page: Page) {
  const state = { collecting: true, bodies: [] as { url: string; text: string }[] };
  page.on('response', async (res) => {
    if (!state.collecting) return;
    const type = res.headers()['content-type'] ?? '';
    if (/text|json|javascript|x-component/.test(type)) state.bodies.push({ url: res.url(), text: await res.text().catch(() => '') });
  });
  return state;
}

test.beforeEach(async () => {
  await api.reset();
  await deleteTokens();
});
test.afterAll(deleteTokens);

test('creates a writer token from the Provision plan, copies it once, sees it listed without its secret, diagnoses it and deactivates it', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: MAIN_CONSOLE_URL });
  const seen = captureResponses(page);
  await provisionThroughUi(page);

  // The Overview says the console runs with the operator token and offers the scoped one.
  await page.goto('/');
  await expect(page.getByTestId('console-token-notice')).toContainText('an operator token');
  await expect(page.getByRole('button', { name: 'Create the ai5-console token' })).toBeVisible();

  await page.goto('/provision');
  const steps = page.getByTestId('token-steps');
  await expect(steps).toContainText('create token ai5-writer: write on pattern_aggregates_daily, pattern_aggregates_weekly');
  await expect(steps).toContainText('create token ai5-reader: read on pattern_aggregates_daily, pattern_aggregates_weekly');
  // The one-time reveal is the only answer allowed to carry the secrets: not captured.
  seen.collecting = false;
  await page.getByRole('button', { name: 'Create 2 tokens' }).click();
  const reveal = page.getByTestId('token-reveal').filter({ hasText: 'ai5-writer' });
  await expect(reveal).toBeVisible();
  await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(reveal.getByRole('button', { name: 'Copied' })).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  recordSecret(secret);
  expect(secret).toMatch(/^\S{20,}$/);
  expect(await reveal.getByTestId('token-secret').textContent()).toBe(secret);
  await expect(reveal).toContainText(`INFLUXDB_TOKEN=${secret}`);
  const readerSecret = (await page.getByTestId('token-reveal').filter({ hasText: 'ai5-reader' }).getByTestId('token-secret').textContent()) ?? '';
  recordSecret(readerSecret);
  seen.collecting = true;

  // Shown once: a reload has no reveal, and the plan finds the tokens.
  await page.reload();
  await expect(steps).toContainText('token ai5-writer exists');
  await expect(page.getByTestId('token-reveal')).toHaveCount(0);

  await page.goto('/tokens');
  const row = page.getByTestId('token-row').filter({ hasText: 'ai5-writer' });
  await expect(row).toContainText('write pattern_aggregates_daily and pattern_aggregates_weekly');
  await expect(row).toContainText('active');
  await expect(page.getByTestId('token-row').filter({ hasText: 'operator: every org' })).toContainText('Operator');

  await page.getByLabel('Token to diagnose').fill(secret);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  const diagnosis = page.getByTestId('token-diagnosis');
  await expect(diagnosis).toContainText('Valid, active, org homeiq');
  await expect(diagnosis).toContainText('pattern_aggregates_daily: read no, write yes');
  await expect(diagnosis).toContainText('pattern_aggregates_weekly: read no, write yes');
  await expect(diagnosis).toContainText('It can write every spec bucket');
  await expect(page.getByLabel('Token to diagnose')).toHaveValue('');

  await row.getByRole('button', { name: 'Deactivate ai5-writer' }).click();
  await expect(row).toContainText('inactive');
  const write = await fetch(`${main.url}/api/v2/write?org=homeiq&bucket=pattern_aggregates_daily`, {
    method: 'POST',
    headers: { Authorization: `Token ${secret}` },
    body: 'm f=1',
  });
  expect(write.status).not.toBe(204);
  await page.getByLabel('Token to diagnose').fill(secret);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await expect(diagnosis).toContainText('inactive');
  await expect(diagnosis).toContainText('activate it');

  // Nothing the browser received, but the reveal, held a secret: not the pages, the list, nor the diagnosis.
  expect(seen.bodies.length).toBeGreaterThan(10);
  for (const body of seen.bodies) {
    expect(body.text.includes(secret), body.url).toBe(false);
    expect(body.text.includes(readerSecret), body.url).toBe(false);
  }

  // The audit log has every change, by ID and description.
  await page.goto('/audit');
  const rows = page.getByTestId('audit-row').filter({ hasText: 'ai5-writer' });
  await expect(rows.filter({ hasText: 'provision.token.create' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'token.deactivate' }).first()).toBeVisible();
});

test('deletes a token only once its description is typed in the dialog', async ({ page }) => {
  await provisionThroughUi(page);
  await page.goto('/provision');
  await page.getByRole('button', { name: 'Create 2 tokens' }).click();
  for (const name of ['ai5-writer', 'ai5-reader'])
    recordSecret((await page.getByTestId('token-reveal').filter({ hasText: name }).getByTestId('token-secret').textContent()) ?? '');
  await page.goto('/tokens');
  const row = page.getByTestId('token-row').filter({ hasText: 'ai5-reader' });
  await row.getByRole('button', { name: 'Delete ai5-reader' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete token ai5-reader' });
  await expect(dialog).toContainText('read pattern_aggregates_daily and pattern_aggregates_weekly');
  await expect(dialog.getByRole('button', { name: 'Delete token' })).toBeDisabled();
  await dialog.getByLabel('Confirm token description').fill('ai5-writer');
  await expect(dialog.getByRole('button', { name: 'Delete token' })).toBeDisabled();
  await dialog.getByLabel('Confirm token description').fill('ai5-reader');
  await dialog.getByRole('button', { name: 'Delete token' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('token-row').filter({ hasText: 'ai5-reader' })).toHaveCount(0);
  await expect(page.getByTestId('token-row').filter({ hasText: 'ai5-writer' })).toHaveCount(1);
});

test.describe('a viewer', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sees the tokens and can diagnose one, with no way to create or change a token', async ({ page }) => {
    await signInThroughUi(page, MAIN_CONSOLE_URL, VIEWER_PASSWORD);
    await page.goto('/tokens');
    await expect(page.getByTestId('read-only-note').first()).toContainText('viewers see the tokens and can diagnose one');
    await expect(page.getByTestId('token-row').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Deactivate|Activate|Delete|Create) / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Create (writer|reader)$/ })).toHaveCount(0);
    await page.getByLabel('Token to diagnose').fill('made-up-token-0123456789abcdef');
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await expect(page.getByTestId('token-diagnosis')).toContainText('Not valid');
    await page.goto('/provision');
    await expect(page.getByText('Read-only: viewers see the token steps')).toBeVisible();
  });
});
