import { expect, test } from '@playwright/test';
import type { SampleItem } from '../lib/aggregates/sample';
import { writeAggregates, writeLines } from './support/homeiq-writer';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

const server = e2eServers().main;
const api = influxApi(server);
const DAY_MS = 86_400_000;
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const day = (ago: number) => new Date(today - ago * DAY_MS).toISOString().slice(0, 10);

/** Days of time_based_daily per entity: 4 + 4 + 2 = 10 records. */
const ENTITIES = { 'light.kitchen': 4, 'light.hallway': 4, 'switch.office': 2 } as const;

function points(): SampleItem[] {
  return Object.entries(ENTITIES).flatMap(([entity_id, days]) =>
    Array.from({ length: days }, (_, ago): SampleItem => ({
      measurement: 'time_based_daily',
      record: {
        date: day(ago),
        entity_id,
        domain: entity_id.split('.')[0] ?? 'light',
        hourly_distribution: [0, 1, 2, 3],
        peak_hours: [2, 3],
        frequency: 1.5 + ago,
        confidence: 0.9,
        occurrences: 6 + ago,
      },
    })),
  );
}

test.beforeEach(() => api.reset());

test("a measurement page shows per-entity counts that add up to the measurement's records, and the latest points", async ({ page }) => {
  await provisionThroughUi(page);
  expect(await writeAggregates(server, points())).toBe(10);

  await page.goto('/measurements');
  const row = page.getByTestId('measurement-time_based_daily');
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId('records')).toHaveText('10', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await row.getByRole('link', { name: 'time_based_daily' }).click();
  await expect(page).toHaveURL(/\/measurements\/pattern_aggregates_daily\/time_based_daily$/);
  await expect(page.getByRole('heading', { name: 'time_based_daily', level: 1 })).toBeVisible();
  await expect(page.getByTestId('measurement-records')).toHaveText('10');
  await expect(page.getByTestId('records-per-day').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // Records per entity: each entity's days, adding up to the measurement's 10 records.
  await page.getByLabel('Tag', { exact: true }).selectOption('entity_id');
  const counts = page.getByTestId('tag-counts');
  await expect(counts.getByTestId('tag-value-row')).toHaveCount(3);
  for (const [entity, records] of Object.entries(ENTITIES)) {
    await expect(counts.getByTestId('tag-value-row').filter({ hasText: entity }).getByTestId('tag-value-records')).toHaveText(String(records));
  }
  const shown = (await counts.getByTestId('tag-value-records').allTextContents()).map(Number);
  expect(shown.reduce((a, b) => a + b, 0)).toBe(10);
  const sum = page.getByTestId('tag-counts-sum');
  await expect(sum).toHaveAttribute('data-adds-up', 'true');
  await expect(sum).toContainText("together the measurement's 10 records");

  // Searchable: one entity, related to the measurement's records.
  await page.getByLabel('Search values').fill('kitchen');
  await expect(counts.getByTestId('tag-value-row')).toHaveCount(1);
  await expect(counts.getByTestId('tag-value')).toHaveText('light.kitchen');
  await expect(sum).toContainText(`4 of the measurement's 10 records match "kitchen"`);

  // The latest points as stored: newest first, every tag and field, JSON fields as HomeIQ's writer sends them (Python's json.dumps: a space after each comma).
  const latest = page.getByTestId('latest-points');
  await expect(latest.getByTestId('point-row').first()).toContainText(day(0));
  await expect(latest.locator('thead')).toContainText('hourly_distribution');
  await expect(latest.locator('thead')).toContainText('entity_id');
  await expect(latest.getByTestId('point-row').first()).toContainText('[0, 1, 2, 3]');
  expect(await latest.getByTestId('point-row').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('points-page')).toContainText('of 10');

  // Its insights: the date tag drives the series.
  const insights = page.getByTestId('measurement-insights');
  await expect(insights.getByTestId('driver-date')).toHaveAttribute('data-grows', 'true');
  await page.screenshot({ path: 'test-results/screenshots/measurement-page.png', fullPage: true });
});

test('a measurement page says so when a point without the entity tag keeps the counts from adding up', async ({ page }) => {
  await provisionThroughUi(page);
  await writeAggregates(server, points());
  // Not HomeIQ's format: a point of time_based_daily without entity_id, as a broken writer could send it.
  await writeLines(server, 'pattern_aggregates_daily', [
    `time_based_daily,date=${day(5)},domain=light frequency=1.5,occurrences=3i ${(today - 5 * DAY_MS) * 1_000_000}`,
  ]);

  await page.goto('/measurements/pattern_aggregates_daily/time_based_daily');
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('measurement-records')).toHaveText('11', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByLabel('Tag', { exact: true }).selectOption('entity_id');
  const sum = page.getByTestId('tag-counts-sum');
  await expect(sum).toHaveAttribute('data-adds-up', 'false');
  await expect(sum).toContainText("10 of the measurement's 11 records — they do not add up, because 1 point carries no entity_id tag");
  await expect(page.getByTestId('tag-value-none')).toContainText('no entity_id tag');
});
