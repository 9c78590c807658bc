import { expect, test as setup } from '@playwright/test';
import { ADMIN_PASSWORD } from './support/servers';

setup('signs in as admin', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('influx-version')).toBeVisible();
  await page.context().storageState({ path: 'test-results/.auth/admin.json' });
});
