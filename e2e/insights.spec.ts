import { expect, test } from '@playwright/test';
import { sampleAggregates } from '../lib/aggregates/sample';
import { writeAggregates } from './support/homeiq-writer';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';
import { provisionThroughUi } from './support/steps';

const server = e2eServers().main;
const api = influxApi(server);
const DAY_MS = 86_400_000;
const DETECTORS: Record<string, string> = {
  time_based_daily: 'TimeOfDayPatternDetector',
  co_occurrence_daily: 'CoOccurrencePatternDetector',
  sequence_daily: 'SequenceDetector',
  room_based_daily: 'RoomBasedDetector',
  duration_daily: 'DurationDetector',
  anomaly_daily: 'AnomalyDetector',
  session_weekly: 'SessionDetector',
  day_type_weekly: 'DayTypeDetector',
  contextual_monthly: 'ContextualDetector',
  seasonal_monthly: 'SeasonalDetector',
};

test.beforeEach(() => api.reset());

test('the Insights screen with sample data shows the driver, the writer change and the freshness table', async ({ page }) => {
  await provisionThroughUi(page);
  await page.goto('/insights');
  const empty = page.getByTestId('insights-empty');
  await expect(empty).toContainText('No data yet');
  await expect(empty).toContainText('cli -- seed');
  await empty.getByRole('button', { name: 'Load sample data' }).click();
  // Written: the button says so, unless the insights replaced the empty state first.
  await expect(page.getByRole('status').filter({ hasText: 'sample points' }).or(page.getByTestId('insight-time_based_daily')).first()).toBeVisible({
    timeout: 30_000,
  });

  // The empty state gives way to the insights once the record counts catch up with the write.
  const timeBased = page.getByTestId('insight-time_based_daily');
  await expect(async () => {
    await page.reload();
    await expect(timeBased.getByTestId('driver-date')).toHaveAttribute('data-grows', 'true', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });

  // The driver: the date tag, highlighted, with the series it would leave without it.
  await expect(timeBased.getByTestId('driver-date')).toContainText('grows with time');
  await expect(timeBased.getByTestId('driver-entity_id')).toHaveAttribute('data-grows', 'false');
  await expect(timeBased).toContainText('series grow with date');
  await expect(timeBased.getByTestId('series-without-time-tag')).toContainText('Without the date tag');
  await expect(timeBased.getByTestId('series-per-day').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('bucket-insights-pattern_aggregates_daily').getByTestId('headroom')).toContainText('series of headroom');

  // Findings grouped by kind, each group closed at first: its title says how far it reaches.
  const group = page.getByTestId('writer-findings').getByTestId('finding-group-time-tag');
  await expect(group.locator('summary')).toContainText(/A tag that grows with time · \d+ measurements?/);
  await expect(group.getByTestId('group-change')).toBeHidden();
  await group.locator('summary').click();
  await expect(group.getByTestId('group-change')).toContainText('Write the period as a field');
  // The writer change: the one line of HomeIQ's writer, copyable.
  const finding = page.getByTestId('writer-findings').getByTestId('finding-time-tag-time_based_daily');
  await expect(finding.getByTestId('writer-change')).toContainText('.field("date", date)');
  await expect(finding.getByRole('button', { name: 'Copy change' })).toBeVisible();

  // The freshness table: every spec measurement with its detector and cadence; the sample is up to date.
  const table = page.getByTestId('freshness-table');
  for (const [measurement, detector] of Object.entries(DETECTORS)) {
    await expect(table.getByTestId(`freshness-${measurement}`)).toContainText(detector);
  }
  await expect(table.getByTestId('freshness-time_based_daily')).toHaveAttribute('data-status', 'fresh');
  await expect(table.getByTestId('freshness-time_based_daily')).toContainText('daily');
  await expect(table.getByTestId('freshness-session_weekly')).toContainText('weekly');
  await page.screenshot({ path: 'test-results/screenshots/insights.png', fullPage: true });
});

test('the Overview shows a silent-detector warning', async ({ page }) => {
  await provisionThroughUi(page);
  // HomeIQ's wire format, written straight to InfluxDB: AnomalyDetector stopped 3 days ago,
  // SequenceDetector never wrote, every other detector is up to date.
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const stoppedAfter = new Date(today - 3 * DAY_MS).toISOString().slice(0, 10);
  const items = [...sampleAggregates({ days: 10, weeks: 3, entities: 3, seed: 7 })].filter((item) => {
    if (item.measurement === 'sequence_daily') return false;
    if (item.measurement === 'anomaly_daily') return item.record.date <= stoppedAfter;
    return true;
  });
  expect(await writeAggregates(server, items)).toBeGreaterThan(100);

  await page.goto('/');
  const warnings = page.getByTestId('silent-detector-warnings');
  await expect(async () => {
    await page.reload();
    await expect(warnings).toContainText('AnomalyDetector has written nothing for 3 days', { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(warnings).toContainText('SequenceDetector has never written sequence_daily');
  await expect(warnings).not.toContainText('TimeOfDayPatternDetector');
  await expect(page.getByTestId('spec-bucket-pattern_aggregates_daily').getByTestId('tile-findings')).toContainText('open finding');
  await page.screenshot({ path: 'test-results/screenshots/overview-silent-detector.png', fullPage: true });

  // The Insights screen's freshness table says the same, with the fix.
  await page.goto('/insights');
  const row = page.getByTestId('freshness-anomaly_daily');
  await expect(row).toHaveAttribute('data-status', 'silent');
  await expect(row).toContainText('3 days ago');
  await expect(row.getByRole('button', { name: 'Copy fix' })).toBeVisible();
  await expect(page.getByTestId('freshness-sequence_daily')).toHaveAttribute('data-status', 'never-written');
});
