import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';

const server = e2eServers().main;
const api = influxApi(server);
const BUCKET = 'e2e_data_delete';
const DAY = 86_400_000;
const base = Math.floor(Date.now() / DAY - 3) * DAY;

/** Raw rows of the bucket's entity tags, read straight from InfluxDB (not through the console). */
async function entities(): Promise<string[]> {
  const res = await fetch(`${server.url}/api/v2/query?org=homeiq`, {
    method: 'POST',
    headers: { Authorization: `Token ${server.token}`, 'Content-Type': 'application/vnd.flux', Accept: 'application/csv' },
    body: `from(bucket: "${BUCKET}") |> range(start: 0) |> filter(fn: (r) => r._field == "frequency") |> keep(columns: ["entity_id", "_time"])`,
  });
  const csv = await res.text();
  return csv
    .split('\n')
    .map((l) => l.trim().split(',').at(-1) ?? '')
    .filter((v) => v.startsWith('light.'))
    .sort();
}

test.beforeEach(async () => {
  await api.reset();
  await api.createBucket(BUCKET, (30 * DAY) / 1000);
  const lines = ['light.kitchen', 'light.hall'].flatMap((e) =>
    [0, 1, 2].map((d) => `time_based_daily,domain=light,entity_id=${e} frequency=1.5,occurrences=${d}i ${(base + d * DAY) * 1_000_000}`),
  );
  const res = await fetch(`${server.url}/api/v2/write?org=homeiq&bucket=${BUCKET}&precision=ns`, {
    method: 'POST',
    headers: { Authorization: `Token ${server.token}` },
    body: lines.join('\n'),
  });
  expect(res.status).toBe(204);
});

test.afterEach(() => api.reset());

test('deletes the points of one entity after an exact preview and the bucket name typed', async ({ page }) => {
  await page.goto('/buckets');
  await page.getByTestId(`bucket-row-${BUCKET}`).getByRole('link', { name: BUCKET }).click();
  await expect(page.getByRole('heading', { name: BUCKET })).toBeVisible();
  await page.getByRole('button', { name: 'Delete data' }).click();
  const panel = page.getByRole('dialog', { name: `Delete data from ${BUCKET}` }).getByTestId('delete-data');
  await panel.getByLabel('Measurement').fill('time_based_daily');
  await panel.getByLabel('Tag conditions').fill('entity_id=light.kitchen');
  await panel.getByLabel('Start').fill(new Date(base - DAY).toISOString());
  await panel.getByRole('button', { name: 'Preview delete' }).click();

  const preview = panel.getByTestId('delete-preview');
  await expect(preview).toContainText('3 points would be deleted');
  await expect(preview.getByTestId('delete-counts')).toContainText('time_based_daily');
  await expect(preview.getByTestId('delete-sample')).toContainText('entity_id=light.kitchen');
  await expect(preview.getByTestId('delete-sample')).not.toContainText('light.hall');
  const button = preview.getByRole('button', { name: 'Delete 3 points' });
  await expect(button).toBeDisabled();
  await preview.getByLabel('Confirm bucket name').fill('e2e_data');
  await expect(button).toBeDisabled();
  expect(await entities(), 'nothing deleted before the name is typed').toHaveLength(6);

  await preview.getByLabel('Confirm bucket name').fill(BUCKET);
  await button.click();
  await expect(panel.getByTestId('delete-result')).toContainText('Deleted 3 points');
  expect(await entities()).toEqual(['light.hall', 'light.hall', 'light.hall']);
});

test('a delete by field is refused with the reason, and nothing is deleted', async ({ page }) => {
  await page.goto('/buckets');
  await page.getByTestId(`bucket-row-${BUCKET}`).getByRole('link', { name: BUCKET }).click();
  await page.getByRole('button', { name: 'Delete data' }).click();
  const panel = page.getByTestId('delete-data');
  await panel.getByLabel('Tag conditions').fill('_field=frequency');
  await panel.getByLabel('Start').fill(new Date(base - DAY).toISOString());
  await panel.getByRole('button', { name: 'Preview delete' }).click();
  await expect(panel).toContainText('cannot delete by field');
  await expect(panel.getByTestId('delete-preview')).toHaveCount(0);
  expect(await entities()).toHaveLength(6);
});
