import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Records belong to one account: switching from a record's page must not land on "not found" for the
// same id in the other account, but on that kind of list there.
test('switching account from a record page opens that list in the other account; Cancel goes back', async ({ page }) => {
  await signIn(page);
  await page.goto('/people/1000045');
  const name = await page.getByRole('heading', { level: 1 }).innerText();

  await page.getByRole('link', { name: 'Switch account' }).click();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/people\/1000045$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await page.getByRole('link', { name: 'Switch account' }).click();
  await page.getByRole('button', { name: /Northwind Studio/ }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByText('This person was not found')).toHaveCount(0);

  // A list keeps its view (the query string) across the switch.
  await page.goto('/deals?view=table');
  await page.getByRole('link', { name: 'Switch account' }).click();
  await page.getByRole('button', { name: /Acme Outfitters/ }).click();
  await expect(page).toHaveURL(/\/deals\?view=table$/);
});
