import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers, VIEWER_PASSWORD } from './support/servers';
import { provisionThroughUi, signInThroughUi } from './support/steps';

const server = e2eServers().main;
const api = influxApi(server);

test.beforeEach(() => api.reset());
test.afterEach(() => api.reset());

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF after every record (a bare CR or LF outside quotes fails). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: string[][]; text: string }> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = readFileSync((await file.path()) ?? '', 'utf8');
  return { name: file.suggestedFilename(), rows: parseCsv(text), text };
}

/** Column `name` of each data row. */
const column = (rows: string[][], name: string) => rows.slice(1).map((r) => r[rows[0]?.indexOf(name) ?? -1]);

test('downloads the Buckets table as CSV: the filtered rows, times in UTC, a formula-looking cell disarmed', async ({ page }) => {
  await api.createBucket('e2e_csv_one', 86_400, '=HYPERLINK("http://evil.example","click")');
  await api.createBucket('e2e_csv_two', 2 * 86_400, 'plain, with a comma and "quotes"');
  await page.goto('/buckets?q=e2e_csv');
  await expect(page.getByTestId('bucket-row-e2e_csv_two')).toBeVisible();
  await expect(page.getByTestId('bucket-row-_monitoring')).toHaveCount(0);
  const csv = await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.name).toMatch(/^buckets-\d{4}-\d\d-\d\d\.csv$/);
  expect(csv.rows[0]).toEqual([
    'name',
    'id',
    'retention',
    'retention_seconds',
    'shard_group',
    'shard_group_seconds',
    'description',
    'created_utc',
    'updated_utc',
    'kind',
  ]);
  expect(column(csv.rows, 'name')).toEqual(['e2e_csv_one', 'e2e_csv_two']);
  expect(column(csv.rows, 'retention')).toEqual(['1d', '2d']);
  expect(column(csv.rows, 'description')).toEqual(['\'=HYPERLINK("http://evil.example","click")', 'plain, with a comma and "quotes"']);
  for (const t of column(csv.rows, 'created_utc')) expect(t).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  expect(csv.text).not.toContain(server.token);
});

test('downloads the Measurements table as CSV, filtered as the screen shows it', async ({ page }) => {
  await provisionThroughUi(page);
  await page.goto('/measurements?q=time_based');
  await expect(page.getByTestId('measurement-time_based_daily')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('measurement-co_occurrence_daily')).toHaveCount(0);
  const csv = await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  expect(csv.name).toMatch(/^measurements-\d{4}-\d\d-\d\d\.csv$/);
  expect(csv.rows[0]?.slice(0, 4)).toEqual(['bucket', 'measurement', 'detector', 'records']);
  const names = column(csv.rows, 'measurement');
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toContain('time_based');
  expect(names).toContain('time_based_daily');
  for (const r of column(csv.rows, 'records')) expect(r).toMatch(/^\d+$/);
});

test('downloads every Audit row matching the filters as CSV, not only the 500 the page shows', async ({ page }) => {
  // 520 changes recorded as the CLI records them, straight into the console's audit log.
  const db = new Database(join(server.data, 'console', 'console.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      "INSERT INTO audit_log (ts, role, action, bucket, before_json, after_json, result, message) VALUES (?, 'cli', 'budget.set', 'e2e_audit_csv', NULL, ?, 'ok', ?)",
    );
    const start = Date.UTC(2026, 0, 1);
    db.transaction(() => {
      for (let i = 0; i < 520; i++) insert.run(start + i * 1000, JSON.stringify({ records: i }), i === 0 ? '=cmd|calc' : '');
    })();
  } finally {
    db.close();
  }
  await page.goto('/audit?action=budget.set&bucket=e2e_audit_csv');
  await expect(page.getByTestId('audit-row')).toHaveCount(500);
  const csv = await download(page, () => page.getByRole('link', { name: 'Download CSV' }).click());
  expect(csv.name).toMatch(/^audit-\d{4}-\d\d-\d\d\.csv$/);
  expect(csv.rows[0]).toEqual(['time_utc', 'role', 'action', 'bucket', 'before', 'after', 'result', 'message']);
  expect(csv.rows).toHaveLength(521);
  expect(new Set(column(csv.rows, 'action'))).toEqual(new Set(['budget.set']));
  expect(new Set(column(csv.rows, 'bucket'))).toEqual(new Set(['e2e_audit_csv']));
  // Newest first; the oldest is the first inserted, its message disarmed.
  expect(csv.rows.at(-1)).toEqual(['2026-01-01T00:00:00Z', 'cli', 'budget.set', 'e2e_audit_csv', '', '{"records":0}', 'ok', "'=cmd|calc"]);
  // The filter is the route's too: another action gives none of these rows.
  const other = await page.request.get('/api/audit.csv?action=bucket.delete&bucket=e2e_audit_csv');
  expect(other.status()).toBe(200);
  expect(parseCsv(await other.text())).toHaveLength(1);
  // A bad filter value is no filter, not an error.
  expect((await page.request.get('/api/audit.csv?action=%3Cnonsense%3E&bucket=e2e_audit_csv')).status()).toBe(200);
});

test('a viewer downloads the CSVs too: a download changes nothing', async ({ browser }, info) => {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const page = await context.newPage();
    await signInThroughUi(page, '', VIEWER_PASSWORD);
    await page.goto('/buckets');
    await expect(page.getByTestId('read-only-note')).toBeVisible();
    const buckets = await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
    expect(column(buckets.rows, 'name')).toContain('_monitoring');
    await page.goto('/audit');
    const audit = await download(page, () => page.getByRole('link', { name: 'Download CSV' }).click());
    expect(audit.rows[0]?.[0]).toBe('time_utc');
  } finally {
    await context.close();
  }
});
