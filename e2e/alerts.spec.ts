import { expect, test } from '@playwright/test';
import { RECEIVER_PORT, RECEIVER_URL } from './support/servers';

test('the admin sends a test alert and sees it delivered; the webhook received it', async ({ page, request }) => {
  await page.goto('/alerts');
  await expect(page.getByTestId('webhook')).toContainText(`127.0.0.1:${RECEIVER_PORT}`);
  // The webhook URL is a secret of its own: the screen shows its host only.
  await expect(page.locator('body')).not.toContainText('/hook');
  // Incidents (a detector down, say) may be delivered meanwhile: the test alerts are counted apart.
  const tests = (all: { event: string }[]) => all.filter((r) => r.event === 'test');
  const before = tests((await (await request.get(`${RECEIVER_URL}/received`)).json()) as { event: string }[]).length;
  await page.getByRole('button', { name: 'Send test alert' }).click();
  await expect(page.getByRole('status')).toContainText('Delivered: the webhook answered HTTP 204');
  await expect(page.getByTestId('delivery').first()).toContainText('test');
  await expect(page.getByTestId('delivery').first()).toContainText('HTTP 204');
  const received = (await (await request.get(`${RECEIVER_URL}/received`)).json()) as { event: string; source: string }[];
  expect(tests(received).length).toBe(before + 1);
  expect(tests(received).at(-1)).toMatchObject({ event: 'test', source: 'homeiq-influx-console' });
});
