import { expect, type Page } from '@playwright/test';

/** Provisions the AI-5 buckets the way a person does: the Provision screen and its button. */
export async function provisionThroughUi(page: Page): Promise<void> {
  await page.goto('/provision');
  await page.getByRole('button', { name: 'Provision AI-5 buckets' }).click();
  await expect(page.getByRole('status')).toContainText('Provisioned');
}

/**
 * Signs in through the login page of a console. Sessions live in each console's own database,
 * so the fault console needs its own sign-in (its cookie then replaces the main one in this context).
 */
export async function signInThroughUi(page: Page, consoleUrl: string, password: string): Promise<void> {
  await page.goto(`${consoleUrl}/login`);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
