import { expect, type Locator, type Page } from '@playwright/test';

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

/**
 * Opens a bucket's "Delete data" panel from the Buckets screen, fills the selection and asks for the
 * preview, as a person does; answers the panel (the preview, or the refusal, shows in it).
 */
export async function previewDeleteThroughUi(page: Page, bucket: string, selection: { measurement?: string; where: string; start: string }): Promise<Locator> {
  await page.goto('/buckets');
  await page.getByTestId(`bucket-row-${bucket}`).getByRole('link', { name: bucket }).click();
  await expect(page.getByRole('heading', { name: bucket })).toBeVisible();
  await page.getByRole('button', { name: 'Delete data' }).click();
  const panel = page.getByRole('dialog', { name: `Delete data from ${bucket}` }).getByTestId('delete-data');
  if (selection.measurement !== undefined) await panel.getByLabel('Measurement').fill(selection.measurement);
  await panel.getByLabel('Tag conditions').fill(selection.where);
  await panel.getByLabel('Start').fill(selection.start);
  await panel.getByRole('button', { name: 'Preview delete' }).click();
  return panel;
}
