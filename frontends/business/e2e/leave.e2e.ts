import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible, hire, screenshot, signIn } from './support';

test('HR sets up leave, applies for an employee, approves it in the queue, and the balance counts it', async ({
  page,
}) => {
  const suffix = randomBytes(3).toString('hex');
  const lea = { first: 'Lea', last: `Meitner${suffix}` };
  const who = `${lea.first} ${lea.last}`;
  const annual = `Annual ${suffix}`;
  await signIn(page);
  await hire(page, lea.first, lea.last);

  // Setup: a paid leave type, ten days for Lea this year.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leave setup' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leave setup' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(annual);
  await page.getByRole('button', { name: 'Define' }).click();
  await expect(page.getByText(`Leave type ${annual} defined.`)).toBeVisible();
  await page.getByRole('combobox', { name: 'Employee' }).selectOption({ label: who });
  await page.getByRole('combobox', { name: 'Leave type' }).selectOption({ label: annual });
  await page.getByRole('spinbutton', { name: 'Days' }).fill('10');
  await page.getByRole('button', { name: 'Allocate' }).click();
  await expect(page.getByText('Allocated 10 days.')).toBeVisible();
  await expectAccessible(page, 'leave setup');

  // Apply for two days for Lea: the balance holds them at once (read with the application's token).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leave', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leave' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Employee' }).selectOption({ label: who });
  await page.getByRole('combobox', { name: 'Leave type' }).selectOption({ label: annual });
  await page.getByLabel(/^From/).fill('2026-12-14');
  await page.getByLabel(/^To\b/).fill('2026-12-15');
  await page.getByRole('textbox', { name: 'Reason' }).fill('Family visit');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Leave applied for. It waits for approval.')).toBeVisible();
  const balance = page.getByRole('row', { name: new RegExp(`${who}.*${annual}`) });
  await expect(balance.getByRole('cell')).toHaveText([annual, '10', '2', '8']);
  await expectAccessible(page, 'leave');
  await screenshot(page, 'leave');

  // The queue: approve it; it leaves the queue.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approval queue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Approval queue' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: who })).toBeVisible();
  await expectAccessible(page, 'the approval queue');
  await screenshot(page, 'leave-queue');
  await page.getByRole('button', { name: `Approve ${who}` }).click();
  await expect(page.getByText(`Approved ${who}'s leave from 2026-12-14.`)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: who })).toHaveCount(0);

  // Lea's request now reads approved, and the two days stay used.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leave', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leave' })).toBeVisible();
  const request = page.getByRole('row', { name: new RegExp(`${who}.*2026-12-14`) });
  await expect(request.getByRole('cell').last()).toHaveText('approved');
  await expect(balance.getByRole('cell')).toHaveText([annual, '10', '2', '8']);
});
