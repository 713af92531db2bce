import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, unique } from './helpers';

test('cases: create, close, find among closed, reopen, rename, delete — accessible in light and dark', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // A blank name is refused and explained.
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByText('Enter a name for the case.')).toBeVisible();

  const name = unique('Leak & <drip> ');
  await page.getByLabel('New case').fill(name);
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const url = page.url();
  await expectAccessible(page);

  // Close: it leaves the open list and shows among closed cases.
  await page.getByRole('button', { name: 'Close case' }).click();
  await expect(page.getByRole('button', { name: 'Reopen case' })).toBeVisible();
  await expect(page.getByText(/^Closed /).first()).toBeVisible();
  await page.goto('/cases?status=closed');
  await expect(page.getByRole('link', { name: 'Closed', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/cases');
  await expect(page.getByRole('list', { name: 'Open cases' })).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  // Reopen.
  await page.goto(url);
  await page.getByRole('button', { name: 'Reopen case' }).click();
  await expect(page.getByRole('button', { name: 'Close case' })).toBeVisible();
  await page.goto('/cases');
  await expect(page.getByRole('link', { name })).toBeVisible();

  // Rename.
  await page.goto(url);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Case name').fill(`${name} (renamed)`);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { name: `${name} (renamed)`, level: 1 })).toBeVisible();

  // Dark mode.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.goto('/cases?status=closed');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/cases');
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // Delete with confirmation.
  await page.goto(url);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: `Delete ${name} (renamed)` }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: `${name} (renamed)` })).toHaveCount(0);
});

test('case page: tag a case and remove the tag; add a task about it', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  const name = unique('Returns ');
  await page.getByLabel('New case').fill(name);
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  const tagsRegion = page.getByRole('region', { name: 'Tags' });
  await expect(tagsRegion.getByText('No tags yet.')).toBeVisible();
  const tag = unique('Urgent & <b>');
  await tagsRegion.getByLabel('Add a tag').fill(tag);
  await tagsRegion.getByRole('button', { name: 'Add tag' }).click();
  await expect(tagsRegion.getByRole('list', { name: 'Tags' }).getByText(tag, { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Tags' }).getByText(tag, { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: `Remove tag ${tag}` }).click();
  await expect(page.getByRole('region', { name: 'Tags' }).getByText('No tags yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Tags' }).getByText('No tags yet.')).toBeVisible();

  const tasks = page.getByRole('region', { name: 'Upcoming tasks' });
  await expect(tasks.getByText(/Nothing to do here yet/)).toBeVisible();
  const body = unique('Call about the return ');
  // Escape closes the form it opened (the cursor starts in it) and focus returns to the toggle.
  const toggle = tasks.getByRole('button', { name: 'Add task' });
  await toggle.click();
  await expect(tasks.getByRole('textbox', { name: 'Task (required)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(tasks.getByRole('form', { name: 'New task' })).toBeHidden();
  await expect(toggle).toBeFocused();
  await toggle.click();
  await tasks.getByRole('textbox', { name: 'Task (required)' }).fill(body);
  await tasks.getByRole('form', { name: 'New task' }).getByRole('button', { name: 'Add task' }).click();
  const item = tasks.getByRole('listitem').filter({ hasText: body });
  await expect(item).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await item.getByRole('checkbox', { name: `Complete: ${body.trim()}` }).click();
  await expect(tasks.getByText(/Nothing to do here yet/)).toBeVisible();
});
