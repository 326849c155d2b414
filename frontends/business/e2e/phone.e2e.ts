import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectAccessible, hire, screenshot, signIn } from './support';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('at phone width: navigation above the page, the directory as cards, no horizontal scrolling', async ({ page }) => {
  await signIn(page);
  // The hire form works at this width too, and the directory then has a row to show.
  await hire(page, 'Rosalind', `Franklin${randomBytes(3).toString('hex')}`);
  await page.goto('/hrms/employees');
  await expect(page.getByRole('heading', { level: 1, name: 'Employee directory' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leave', exact: true }),
  ).toBeInViewport();
  // The table's header row is out of sight; each cell says which column it is.
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.locator('.hx-table thead')).not.toBeInViewport();
  // A string: the e2e files are type-checked without the DOM's types (root tsconfig.json).
  const scrolls = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
  expect(scrolls).toBe(false);
  await expectAccessible(page, 'the directory at phone width');
  await screenshot(page, 'phone-directory');
});
