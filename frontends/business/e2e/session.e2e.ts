import { expect, test } from '@playwright/test';
import { signIn } from './support';

// run.ts starts identity with 20-second access tokens (fleet.ts, ACCESS_TOKEN_SECONDS).
test('the session outlives its access token: the app refreshes it ahead of expiry, across a reload', async ({
  page,
}) => {
  await signIn(page);
  await page.waitForTimeout(25_000); // past the first token's life: without a refresh the gateway answers 401
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Salaries' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Salaries' })).toBeVisible();
  await expect(page.getByRole('table').or(page.getByText('Payroll pays nobody yet.'))).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Salaries' })).toBeVisible();
  await expect(page.getByRole('table').or(page.getByText('Payroll pays nobody yet.'))).toBeVisible();
  await expect(page).toHaveURL(/\/payroll\/salaries$/);
});
