import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { lightEntities, writeTwoLights } from './support/light-points';
import { e2eServers, VIEWER_PASSWORD } from './support/servers';
import { previewDeleteThroughUi } from './support/steps';

const server = e2eServers().main;
const api = influxApi(server);
const BUCKET = 'e2e_backups';
const RESTORED = `${BUCKET}_restored`;
const DAY = 86_400_000;
const base = Math.floor(Date.now() / DAY - 3) * DAY;

const entities = (bucket: string) => lightEntities(api, bucket);

test.beforeEach(async () => {
  await api.reset();
  await writeTwoLights(api, BUCKET, base);
});

test.afterEach(() => api.reset());

test('deletes data with "Back up the bucket first" checked, restores that backup as a new bucket from the Backups screen and sees it verified', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const before = await entities(BUCKET);
  expect(before).toHaveLength(6);

  const start = new Date(base - DAY).toISOString();
  const panel = await previewDeleteThroughUi(page, BUCKET, { measurement: 'time_based_daily', where: 'entity_id=light.kitchen', start });
  const preview = panel.getByTestId('delete-preview');
  await expect(preview).toContainText('3 points would be deleted');
  await expect(preview.getByLabel('Back up the bucket first')).toBeChecked();
  await preview.getByLabel('Confirm bucket name').fill(BUCKET);
  await preview.getByRole('button', { name: 'Delete 3 points' }).click();
  const taken = panel.getByTestId('delete-result').getByTestId('backup-taken');
  await expect(taken).toContainText(`Backed up ${BUCKET} first as`, { timeout: 30_000 });
  const id = /first as (\d{8}T\d{6}Z(?:-\d+)?)/.exec((await taken.textContent()) ?? '')?.[1] ?? '';
  expect(id).not.toBe('');
  expect(await entities(BUCKET)).toEqual(['light.hall', 'light.hall', 'light.hall']);

  await page.goto('/backups');
  const row = page.getByTestId('backup-row').filter({ hasText: id });
  await expect(row).toContainText(BUCKET);
  await row.getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: `Restore from backup ${id}` });
  await expect(dialog.getByLabel('Bucket of the backup')).toHaveValue(BUCKET);
  await expect(dialog.getByLabel('New bucket name')).toHaveValue(RESTORED);
  // While it runs the dialog polls the steps the restore reports (GET /api/progress/<id>).
  const polled = page.waitForResponse((r) => r.url().includes('/api/progress/') && r.status() === 200);
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  const steps = ((await (await polled).json()) as { data: { label: string; done: number; total: number }[] }).data;
  for (const s of steps)
    expect(s.label).toMatch(/^(Restoring e2e_backups as e2e_backups_restored|Counting every record of e2e_backups_restored): shard groups$/);
  await expect(dialog.getByTestId('restore-result')).toContainText(
    /^e2e_backups_restored: restored and verified: \d+ records in 1 measurement, equal to the backup\.$/,
    { timeout: 60_000 },
  );
  expect(await entities(RESTORED), 'the deleted points are back, in the new bucket').toEqual(before);
  expect(await entities(BUCKET), 'the bucket itself is left as it was').toHaveLength(3);
  await dialog.getByText('Close', { exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // The restore drill from the row: recorded on the backup and shown in its Verified column.
  await row.getByRole('button', { name: 'Verify' }).click();
  await expect(row.getByTestId('verify-result')).toContainText(
    /^verified: restored and verified: e2e_backups: \d+ records in 1 measurement, equal to the backup/,
    { timeout: 60_000 },
  );
  await expect(row.getByTestId('backup-verified')).toContainText('verified');
  expect(
    (await api.buckets()).map((b) => b.name).filter((n) => n.includes('restore_drill')),
    'the scratch bucket is gone',
  ).toEqual([]);
});

test.describe('a viewer', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sees the list of backups, and why there is no Restore or Verify', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Password').fill(VIEWER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('viewer · read-only')).toBeVisible();
    await page.goto('/backups');
    await expect(page.getByRole('heading', { name: /^Backups \(\d+\)$/ })).toBeVisible();
    await expect(page.getByTestId('backups-read-only')).toContainText('the viewer role is read-only');
    await expect(page.getByRole('button', { name: /^(Restore…|Verify|Back up now)$/ })).toHaveCount(0);
  });
});
