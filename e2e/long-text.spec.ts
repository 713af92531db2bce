import { expect, test, type Page } from '@playwright/test';
import { signIn, unique } from './helpers';

// A name with no spaces (a pasted URL, an e-mail address, a long transliteration) must wrap, not widen
// the page: on a phone a page wider than the screen hides its right-hand side.
test('a very long unbroken name wraps on tasks, activity and the edit form (phone-sized)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const lastName = unique('Unbroken') + 'X'.repeat(160);
  const person = (await (await page.request.post('/api/people', { data: { firstName: 'Long', lastName } })).json()) as { data: { id: number } };
  const id = person.data.id;
  expect((await page.request.post(`/api/people/${id}/notes`, { data: { body: 'About the long name' } })).status()).toBe(201);
  const task = await page.request.post('/api/tasks', { data: { body: 'Call the long name', frame: 'today', subjectType: 'Party', subjectId: id } });
  expect(task.status()).toBe(201);

  const fitsTheScreen = async (p: Page) => expect.poll(() => p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.goto('/tasks?view=today');
  await expect(page.getByRole('link', { name: `Long ${lastName}` })).toBeVisible();
  await fitsTheScreen(page);

  await page.goto('/activity');
  await expect(page.getByRole('link', { name: `Long ${lastName}` }).first()).toBeVisible();
  await fitsTheScreen(page);

  await page.goto(`/people/${id}/edit`);
  await expect(page.getByRole('link', { name: `← Back to Long ${lastName}` })).toBeVisible();
  await fitsTheScreen(page);

  const name = unique('Company') + 'Y'.repeat(160);
  const company = (await (await page.request.post('/api/companies', { data: { name } })).json()) as { data: { id: number } };
  await page.goto(`/companies/${company.data.id}/edit`);
  await expect(page.getByRole('link', { name: `← Back to ${name}` })).toBeVisible();
  await fitsTheScreen(page);
});

// A pasted link or a long word in a background, and a long name in the task form's "Contact: …" hint,
// wrap on the person and company pages (desktop wrapped already; on a phone the page was 1742px wide).
test('a long unbroken background and name wrap on the person and company pages (phone-sized)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const fitsTheScreen = async () => expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const word = 'W'.repeat(300);

  const lastName = unique('Unbroken') + 'Z'.repeat(160);
  const person = (await (await page.request.post('/api/people', { data: { firstName: 'Long', lastName, background: `See ${word}` } })).json()) as { data: { id: number } };
  await page.goto(`/people/${person.data.id}`);
  const about = page.getByRole('region', { name: 'About' });
  await expect(about.getByText(word)).toBeVisible();
  await fitsTheScreen();

  // Adding a task from the person page: the About field's hint names the person.
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByText(`Contact: Long ${lastName}`)).toBeVisible();
  await fitsTheScreen();
  // The same form on the Tasks page, prefilled from the address (the hint sits in a plain card there).
  await page.goto(`/tasks?${new URLSearchParams({ new: '1', subjectType: 'Party', subjectId: String(person.data.id), subjectName: `Long ${lastName}` })}`);
  await expect(page.getByRole('region', { name: 'New task' }).getByText(`Contact: Long ${lastName}`)).toBeVisible();
  await fitsTheScreen();

  const company = (await (await page.request.post('/api/companies', { data: { name: unique('Company'), background: word } })).json()) as { data: { id: number } };
  await page.goto(`/companies/${company.data.id}`);
  await expect(page.getByRole('region', { name: 'About' }).getByText(word)).toBeVisible();
  await fitsTheScreen();
});

// Toasts and the confirmation dialog say the name they are about: a long one wraps inside them.
test('a long unbroken name wraps in the toast and the delete confirmation (phone-sized)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const name = unique('Group') + 'W'.repeat(200);
  await page.goto('/settings/groups');
  await page.getByRole('textbox', { name: 'New group name' }).fill(name);
  await page.getByRole('button', { name: 'Add group' }).click();
  const toast = page.getByText(`Added the group “${name}”`);
  await expect(toast).toBeVisible();
  const within = async (box: { x: number; width: number } | null) => {
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  };
  await within(await toast.boundingBox());

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await within(await dialog.getByRole('heading', { name: `Delete the group “${name}”?` }).boundingBox());
  await dialog.getByRole('button', { name: 'Delete group' }).click();
  await expect(dialog).toBeHidden();
});
