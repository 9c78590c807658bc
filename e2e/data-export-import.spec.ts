import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers, MAIN_CONSOLE_URL, VIEWER_PASSWORD } from './support/servers';
import { signInThroughUi } from './support/steps';

const server = e2eServers().main;
const api = influxApi(server);
const SOURCE = 'e2e_export_src';
const TARGET = 'e2e_import_dst';
const DAY = 86_400_000;
const base = Math.floor(Date.now() / DAY - 2) * DAY;

/** Every raw row of a bucket as annotated CSV, read straight from InfluxDB (not through the console). */
async function rawRows(bucket: string): Promise<string> {
  return api.flux(`from(bucket: "${bucket}") |> range(start: 0) |> drop(columns: ["_start", "_stop"])`);
}

test.beforeEach(async () => {
  await api.reset();
  await api.createBucket(SOURCE, (30 * DAY) / 1000);
  await api.createBucket(TARGET, (30 * DAY) / 1000);
  const lines = ['light.kitchen', 'light.hall\\ 2'].flatMap((e) =>
    [0, 1].map(
      (d) =>
        `time_based_daily,domain=light,entity_id=${e} frequency=1.5,occurrences=${d}i,peak_hours="[8, \\"x\\"]",active=true ${(base + d * DAY) * 1_000_000}`,
    ),
  );
  await api.write(SOURCE, lines);
});

test.afterEach(() => api.reset());

test('export downloads a file that imports back', async ({ page }) => {
  const buckets = await api.buckets();
  const source = buckets.find((b) => b.name === SOURCE);
  const target = buckets.find((b) => b.name === TARGET);
  if (!source || !target) throw new Error('the test buckets are missing');

  await page.goto(`/buckets/${source.id}`);
  const exportPanel = page.getByTestId('export-data');
  const downloading = page.waitForEvent('download');
  await exportPanel.getByRole('link', { name: `Download ${SOURCE}.lp.gz` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${SOURCE}-\\d{4}-\\d{2}-\\d{2}\\.lp\\.gz$`));
  const file = await download.path();

  await page.goto(`/buckets/${target.id}`);
  const importPanel = page.getByTestId('import-data');
  await importPanel.getByLabel('Line-protocol file').setInputFiles(file);
  const report = importPanel.getByTestId('import-report');
  await expect(report).toContainText('time_based_daily');
  await expect(report).toContainText('16');
  // Four points (two entities, two days), one line per field: sixteen lines.
  await expect(report.getByTestId('import-totals')).toContainText('4 points in 16 lines');
  expect(await rawRows(TARGET)).not.toContain('time_based_daily');

  const confirm = importPanel.getByLabel('Bucket name to confirm the import');
  const button = importPanel.getByRole('button', { name: 'Import' });
  await expect(button).toBeDisabled();
  await confirm.fill(TARGET);
  await button.click();
  await expect(importPanel.getByTestId('import-done')).toContainText(`Imported 16 lines into ${TARGET}`);
  expect(await rawRows(TARGET)).toBe(await rawRows(SOURCE));
});

test('a viewer exports too (it changes nothing), and is told in words that deleting and importing are for the admin', async ({ browser }) => {
  const source = (await api.buckets()).find((b) => b.name === SOURCE);
  if (!source) throw new Error('the test bucket is missing');
  const context = await browser.newContext({ baseURL: MAIN_CONSOLE_URL });
  const page = await context.newPage();
  await signInThroughUi(page, MAIN_CONSOLE_URL, VIEWER_PASSWORD);
  await page.goto(`/buckets/${source.id}`);
  await expect(page.getByTestId('read-only-note')).toContainText('export its points');
  await expect(page.getByTestId('import-data')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page
    .getByTestId('export-data')
    .getByRole('link', { name: `Download ${SOURCE}.lp.gz` })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${SOURCE}-\\d{4}-\\d{2}-\\d{2}\\.lp\\.gz$`));
  const text = gunzipSync(readFileSync(await download.path())).toString('utf8');
  expect(text).toContain('time_based_daily,domain=light');
  await context.close();
});
