import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { e2eServers } from './support/servers';

const api = influxApi(e2eServers().main);

test.beforeEach(() => api.reset());

test('provisions both AI-5 buckets and shows them with 90d and 365d retention', async ({ page }) => {
  await page.goto('/provision');
  await expect(page.getByTestId('plan-summary')).toContainText('2 steps to apply');
  await expect(page.getByTestId('plan-step-pattern_aggregates_daily')).toContainText('create');

  await page.getByRole('button', { name: 'Provision AI-5 buckets' }).click();
  await expect(page.getByRole('status')).toContainText('Provisioned');
  await expect(page.getByTestId('plan-step-pattern_aggregates_daily').getByTestId('step-result')).toContainText('done');
  await expect(page.getByTestId('plan-summary')).toContainText('Nothing to do');

  await page.getByRole('link', { name: 'Buckets' }).click();
  await expect(page.getByTestId('bucket-row-pattern_aggregates_daily').getByTestId('retention')).toHaveText('90d');
  await expect(page.getByTestId('bucket-row-pattern_aggregates_weekly').getByTestId('retention')).toHaveText('365d');
  await expect(page.getByTestId('bucket-row-pattern_aggregates_daily')).toContainText('AI-5');
});

test('a destructive step needs the bucket name typed before it is applied', async ({ page }) => {
  await api.createBucket('pattern_aggregates_daily', 400 * 86_400, 'Daily pattern aggregates (Epic AI-5)');
  await page.goto('/provision');
  const step = page.getByTestId('plan-step-pattern_aggregates_daily');
  await expect(step).toContainText('destructive');
  await expect(step).toContainText('400d → 90d');

  await page.getByRole('button', { name: 'Provision AI-5 buckets' }).click();
  await expect(step.getByTestId('step-result')).toContainText('skipped');
  expect((await api.buckets()).find((b) => b.name === 'pattern_aggregates_daily')?.retentionRules[0]?.everySeconds).toBe(400 * 86_400);

  await page.reload();
  await page.getByLabel('Confirm pattern_aggregates_daily').fill('pattern_aggregates_daily');
  await page.getByRole('button', { name: 'Provision AI-5 buckets' }).click();
  await expect(step.getByTestId('step-result')).toContainText('done');
  expect((await api.buckets()).find((b) => b.name === 'pattern_aggregates_daily')?.retentionRules[0]?.everySeconds).toBe(90 * 86_400);
});
