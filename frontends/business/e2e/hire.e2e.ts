import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn } from './support';

test('hire an employee and find them in payroll’s employee list', async ({ page }) => {
  const lastName = `Byron${randomBytes(3).toString('hex')}`;
  await page.goto('/sign-in');
  await expectAccessible(page, 'sign-in');
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Employee directory' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0); // loaded
  await expectAccessible(page, 'the directory');

  await page.getByRole('main').getByRole('link', { name: 'Hire an employee' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hire an employee' })).toBeVisible();
  await expectAccessible(page, 'the hire form');
  await screenshot(page, 'hire');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Work email').fill(`ada.${lastName.toLowerCase()}@example.com`);
  await page.getByLabel('Joining date').fill('2026-01-05');
  await page.getByLabel('Department').fill('Engineering');
  await page.getByLabel('Designation').fill('Engineer');
  await page.getByRole('button', { name: 'Hire' }).click();

  // The employee's page reads with the hire's consistency token: the new employee, at once.
  await expect(page.getByRole('heading', { level: 1, name: `Ada ${lastName}` })).toBeVisible();
  await expect(page.getByText('Engineering')).toBeVisible();
  await expectAccessible(page, "the employee's page");

  // The directory finds them by name.
  await page.getByRole('link', { name: '← Employee directory' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(lastName);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('rowheader', { name: `Ada ${lastName}` })).toBeVisible();
  await screenshot(page, 'directory');

  // Payroll enrols the hire when it reads HRMS's event: Salaries shows them once it has.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Salaries' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Salaries' })).toBeVisible();
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('rowheader', { name: `${lastName}, Ada` })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page, 'Salaries');
  await screenshot(page, 'salaries');
});

test('a refused hire shows each problem next to the field it names, and hires nobody', async ({ page }) => {
  await signIn(page, '/hrms/employees/new');
  await page.getByLabel('First name').fill('Bad');
  await page.getByLabel('Work email').fill('not-an-email');
  await page.getByLabel('Joining date').fill('2026-01-05');
  await page.getByLabel('Department').fill('Engineering');
  await page.getByLabel('Designation').fill('Engineer');
  await page.getByRole('button', { name: 'Hire' }).click();

  const email = page.getByLabel('Work email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
  await expect(page.locator(`[id="${describedBy.split(' ').at(-1)}"]`)).not.toBeEmpty();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct' })).toBeVisible();
  await expect(page).toHaveURL(/\/hrms\/employees\/new$/);
  await expectAccessible(page, 'the hire form with problems');

  await page.goto('/hrms/employees?q=not-an-email');
  await expect(page.getByText('No employee matches this search.')).toBeVisible();
});

test('sign out ends the session: pages send you back to sign in', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/payroll/salaries');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpayroll%2Fsalaries/);
});
