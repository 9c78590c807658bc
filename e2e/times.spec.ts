import { expect, test } from '@playwright/test';

const EXACT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/;

test('a relative time shows its exact UTC instant on keyboard focus and on hover, and is described by it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('influx-version')).toBeVisible();
  const time = page.locator('time[datetime]').first();
  await expect(time).toContainText(/\d+ (s|min|h|days) ago/);
  const tip = time.getByRole('tooltip', { includeHidden: true });
  await expect(tip).toBeHidden();

  // Keyboard: Tab reaches it, and the exact instant shows while it has focus.
  for (let i = 0; i < 60 && !(await time.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(time).toBeFocused();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(EXACT);
  await expect(time).toHaveAccessibleDescription(EXACT);
  // The tip is the <time>'s own instant (read together: the connection card polls every 4 s).
  const { iso, shown } = await time.evaluate((el) => ({
    iso: el.getAttribute('datetime') ?? '',
    shown: el.querySelector('[role=tooltip]')?.textContent ?? '',
  }));
  expect(shown.replace(' UTC', '').replace(' ', 'T')).toBe(iso.slice(0, 19));

  // Pointer: the same on hover.
  await page.keyboard.press('Shift+Tab');
  await expect(tip).toBeHidden();
  await time.hover();
  await expect(tip).toBeVisible();
});
