import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Who run.ts seeded: HR and payroll admin of a tenant of their own. */
export const person = {
  tenant: process.env.E2E_TENANT ?? '',
  email: process.env.E2E_EMAIL ?? '',
  password: process.env.E2E_PASSWORD ?? '',
};

export async function signIn(page: Page, next = '/hrms/employees') {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Organisation').fill(person.tenant);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}`));
}

/** axe-core on the page as it is now: no serious or critical violation (issue 21). */
export async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

/** With E2E_SCREENSHOTS set (a folder, e.g. docs/screenshots), the page as it is now, for the README. */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/business-${name}.png`, fullPage: true });
}

/** Hires a person through the hire form; resolves on their page. */
export async function hire(page: Page, firstName: string, lastName: string) {
  await page.goto('/hrms/employees/new');
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Work email').fill(`${firstName}.${lastName}@example.com`.toLowerCase());
  await page.getByLabel('Joining date').fill('2026-01-05');
  await page.getByLabel('Department').fill('Engineering');
  await page.getByLabel('Designation').fill('Engineer');
  await page.getByRole('button', { name: 'Hire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${firstName} ${lastName}` })).toBeVisible();
}
