import { expect, type Page } from '@playwright/test';

/** Provisions the AI-5 buckets the way a person does: the Provision screen and its button. */
export async function provisionThroughUi(page: Page): Promise<void> {
  await page.goto('/provision');
  await page.getByRole('button', { name: 'Provision AI-5 buckets' }).click();
  await expect(page.getByRole('status')).toContainText('Provisioned');
}
