import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectAccessibleInBothSchemes, openNewPersonForm, renameInline, signIn, unique } from './helpers';

/** Jonas Okafor (identity 2): a user of Acme Outfitters only, not an administrator. */
async function signInAsJonas(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole('link', { name: /sign in/i }).or(page.getByRole('button', { name: /sign in/i })).first().click();
  await page.getByRole('radio', { name: /Jonas Okafor/ }).check();
  await page.getByRole('button', { name: 'Allow access' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
}

interface GroupsBody {
  data: { id: number; name: string; members: { userId: number; name: string }[] }[];
}
const groupsNow = async (page: Page) => ((await (await page.request.get('/api/groups?members=1')).json()) as GroupsBody).data;

test('as an administrator: add a group by keyboard, add and remove a member, rename it, offer it in a form, delete it after confirming', async ({ page }) => {
  const name = `Field crew ${unique('')}`;
  const renamed = `Field crew (north) ${unique('')}`;
  await signIn(page);

  // Beside Custom fields in the header's account area; reach it from the keyboard.
  await page.getByRole('link', { name: 'Groups', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings\/groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  const groups = page.getByRole('region', { name: 'Groups' });
  await expect(groups.getByRole('heading', { level: 3, name: 'Sales team' })).toBeVisible();
  await expect(groups.getByRole('list', { name: 'Members of Sales team' }).getByRole('button', { name: 'Remove Jonas Okafor from Sales team' })).toBeVisible();
  await expectAccessibleInBothSchemes(page);

  // Add: type the name and press Enter.
  const input = page.getByLabel('New group name');
  await input.focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(groups.getByRole('heading', { level: 3, name })).toBeVisible();
  await expect(input).toHaveValue('');
  await expect(page.getByText(`Added the group “${name}”`)).toBeVisible();
  expect((await groupsNow(page)).find((g) => g.name === name)?.members).toEqual([]);

  // Add a member: the picker offers the account's people; choose with the keyboard, then Add.
  const picker = groups.getByRole('combobox', { name: `Add a person to ${name}` });
  await expect(picker).toBeEnabled();
  await picker.selectOption({ label: 'Tomás Herrera' });
  await groups.getByRole('button', { name: `Add to ${name}` }).focus();
  await page.keyboard.press('Enter');
  const members = groups.getByRole('list', { name: `Members of ${name}` });
  const remove = members.getByRole('button', { name: `Remove Tomás Herrera from ${name}` });
  await expect(remove).toBeVisible();
  await expect(picker.getByRole('option', { name: 'Tomás Herrera' })).toHaveCount(0);
  expect((await groupsNow(page)).find((g) => g.name === name)?.members.map((m) => m.name)).toEqual(['Tomás Herrera']);
  await expectAccessibleInBothSchemes(page);

  // Remove them with their button; focus moves to the picker, which offers them again.
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(remove).toHaveCount(0);
  await expect(groups.getByText('No one is in this group yet.')).toBeVisible();
  await expect(picker).toBeFocused();
  await expect(picker.getByRole('option', { name: 'Tomás Herrera' })).toHaveCount(1);
  expect((await groupsNow(page)).find((g) => g.name === name)?.members).toEqual([]);

  // Rename: Escape leaves it; a blank name is refused beside the field; Enter saves.
  await renameInline(groups, { name, renamed, inputLabel: `New name for ${name}`, blankMessage: /Enter a name for the group\./ });
  await expect(groups.getByRole('heading', { level: 3, name })).toHaveCount(0);

  // The New person form offers it as a "visible to" group at once, without a reload.
  await openNewPersonForm(page);
  await page.getByRole('combobox', { name: 'Visible to' }).selectOption({ label: 'A group' });
  await expect(page.getByRole('combobox', { name: /^Group/ }).getByRole('option', { name: renamed })).toHaveCount(1);
  // Nothing to save: leave the form (it asks, since the visibility was changed).
  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();

  // Delete: the confirmation says what happens to records visible to it; Cancel has focus, Tab reaches Delete group.
  await groups.getByRole('button', { name: `Delete ${renamed}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Delete the group “${renamed}”?` });
  await expect(dialog).toContainText(`Contacts, deals and cases visible only to “${renamed}” become visible to no one`);
  await expectAccessibleInBothSchemes(page);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete group' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(groups.getByRole('heading', { level: 3, name: renamed })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Groups' })).toBeFocused();

  // Highrise (the sandbox) no longer has it; the seeded groups are untouched.
  const names = (await groupsNow(page)).map((g) => g.name);
  expect(names).not.toContain(renamed);
  expect(names).toEqual(expect.arrayContaining(['Sales team', 'Leadership']));
});

test('someone who is not an administrator sees why instead of controls', async ({ page }) => {
  await signInAsJonas(page);
  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  const groups = page.getByRole('region', { name: 'Groups' });
  await expect(groups).toContainText('Only account administrators can see and change groups.');
  await expect(groups.getByRole('button')).toHaveCount(0);
  await expect(groups.getByRole('textbox')).toHaveCount(0);
  await expect(groups.getByRole('combobox')).toHaveCount(0);
  await expectAccessibleInBothSchemes(page);
});

test('groups settings on a phone-sized screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  const name = `Night shift ${unique('')}`;
  await signIn(page);
  // Not behind the Menu button: the account area stays in reach on a phone.
  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  const groups = page.getByRole('region', { name: 'Groups' });
  await page.getByLabel('New group name').fill(name);
  await page.getByRole('button', { name: 'Add group' }).click();
  await expect(groups.getByRole('heading', { level: 3, name })).toBeVisible();
  await groups.getByRole('combobox', { name: `Add a person to ${name}` }).selectOption({ label: 'Priya Raman' });
  await groups.getByRole('button', { name: `Add to ${name}` }).click();
  await expect(groups.getByRole('button', { name: `Remove Priya Raman from ${name}` })).toBeVisible();

  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(groups.getByRole('button', { name: `Remove Priya Raman from ${name}` })).toBeInViewport();
  await groups.getByRole('button', { name: `Rename ${name}` }).click();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: `Save ${name}` })).toBeInViewport();
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expectAccessible(page);

  // Leave the shared sandbox as it was.
  await page.keyboard.press('Escape');
  await groups.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
  await expect(groups.getByRole('heading', { level: 3, name })).toHaveCount(0);
  await context.close();
});
