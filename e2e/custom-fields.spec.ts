import { expect, test } from '@playwright/test';
import { expectAccessible, expectAccessibleInBothSchemes, openNewPersonForm, renameInline, signIn, unique } from './helpers';

test('add, see, rename and delete a custom field, by keyboard', async ({ page }) => {
  // Highrise refuses a second field with the same label, so a retried run needs a label of its own.
  const label = `Shoe size ${unique('')}`;
  const renamed = `Shoe size (EU) ${unique('')}`;
  await signIn(page);

  // The settings link sits in the header's account area; reach it from the keyboard.
  const link = page.getByRole('link', { name: 'Custom fields', exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings\/custom-fields$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Custom fields' })).toBeVisible();
  const party = page.getByRole('region', { name: 'People and companies' });
  await expect(party.getByRole('button', { name: 'Rename Birthday' })).toBeVisible();
  const deals = page.getByRole('region', { name: 'Deals' });
  await expect(deals.getByText('Expected close')).toBeVisible();
  await expect(deals.getByRole('button')).toHaveCount(0);
  await expectAccessibleInBothSchemes(page);

  // Add: type and press Enter.
  const input = page.getByLabel('New field label');
  await input.focus();
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
  await expect(party.getByRole('button', { name: `Rename ${label}` })).toBeVisible();
  await expect(input).toHaveValue('');
  await expect(page.getByText(`Added the field “${label}”`)).toBeVisible();

  // The New person form has it at once, without a reload.
  await openNewPersonForm(page);
  await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Custom fields' })).toBeVisible();

  // Rename: Escape leaves it as it was; an empty label is refused beside the field, keeping the edit open;
  // Enter saves.
  await renameInline(party, {
    name: label,
    renamed,
    inputLabel: `New label for ${label}`,
    blankMessage: /Enter a label for the field\./,
    whileRefused: () => expectAccessibleInBothSchemes(page),
  });

  await openNewPersonForm(page);
  await expect(page.getByLabel(renamed, { exact: true })).toBeVisible();
  await expect(page.getByLabel(label, { exact: true })).toHaveCount(0);
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Custom fields' })).toBeVisible();

  // Delete: the confirmation says what goes with it; Cancel has focus, Tab reaches Delete field.
  await party.getByRole('button', { name: `Delete ${renamed}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Delete the field “${renamed}”?` });
  await expect(dialog).toContainText('Its value is removed from every person and company in this account that has one.');
  await expectAccessibleInBothSchemes(page);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete field' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(party.getByRole('button', { name: `Rename ${renamed}` })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'People and companies' })).toBeFocused();

  // Highrise (the sandbox) no longer has it.
  const fields = (await (await page.request.get('/api/custom-fields?type=all')).json()) as { data: { label: string }[] };
  expect(fields.data.map((f) => f.label)).not.toContain(renamed);
  expect(fields.data.map((f) => f.label)).toContain('Birthday');
});

test('a label Highrise already has is refused beside the field, keeping what was typed', async ({ page }) => {
  await signIn(page);
  await page.goto('/settings/custom-fields');
  const input = page.getByLabel('New field label');
  await input.fill('birthday');
  await page.getByRole('button', { name: 'Add field' }).click();
  await expect(input).toHaveAccessibleDescription(/already been taken/);
  await expect(input).toHaveValue('birthday');
});

test('custom fields settings on a phone-sized screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await signIn(page);
  // Not behind the Menu button: the account area stays in reach on a phone.
  await page.getByRole('link', { name: 'Custom fields', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Custom fields' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'People and companies' }).getByRole('button', { name: 'Rename Customer number' })).toBeVisible();
  await page.getByRole('region', { name: 'People and companies' }).getByRole('button', { name: 'Rename Customer number' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Save Customer number' })).toBeInViewport();
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expectAccessible(page);
  await context.close();
});
