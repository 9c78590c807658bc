import { expect, test } from '@playwright/test';
import { influxApi } from './support/influx-api';
import { lightEntities, writeTwoLights } from './support/light-points';
import { BACKUP_FIRST_MS, e2eServers } from './support/servers';
import { previewDeleteThroughUi } from './support/steps';

const server = e2eServers().main;
const api = influxApi(server);
const BUCKET = 'e2e_data_delete';
const DAY = 86_400_000;
const base = Math.floor(Date.now() / DAY - 3) * DAY;

const entities = () => lightEntities(api, BUCKET);

test.beforeEach(async () => {
  await api.reset();
  await writeTwoLights(api, BUCKET, base);
});

test.afterEach(() => api.reset());

test('deletes the points of one entity after an exact preview and the bucket name typed', async ({ page }) => {
  const start = new Date(base - DAY).toISOString();
  const panel = await previewDeleteThroughUi(page, BUCKET, { measurement: 'time_based_daily', where: 'entity_id=light.kitchen', start });

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
  await expect(panel.getByTestId('delete-result')).toContainText('Deleted 3 points', { timeout: BACKUP_FIRST_MS });
  expect(await entities()).toEqual(['light.hall', 'light.hall', 'light.hall']);
});

test('a delete by field is refused with the reason, and nothing is deleted', async ({ page }) => {
  const panel = await previewDeleteThroughUi(page, BUCKET, { where: '_field=frequency', start: new Date(base - DAY).toISOString() });
  await expect(panel).toContainText('cannot delete by field');
  await expect(panel.getByTestId('delete-preview')).toHaveCount(0);
  expect(await entities()).toHaveLength(6);
});
