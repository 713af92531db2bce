import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, unique } from './helpers';

test('sign in through the sandbox, then create, find, edit and delete a person', async ({ page, request }) => {
  // The Content-Security-Policy must not block anything the app does (sign-in form, scripts, styles, avatars, writes).
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await signIn(page);
  await expect(page).toHaveTitle(/Skyline/);
  expect((await request.get('/people')).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expectAccessible(page);

  const last = unique('Zürich-');
  await page.getByRole('link', { name: 'Add person' }).or(page.getByRole('button', { name: 'Add person' })).first().click();
  await page.getByLabel('First name').fill('Amélie');
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Title').fill('Head of R&D <Labs>');
  await page.getByLabel('Company').fill('Fjord & Sons');
  await page.getByRole('button', { name: 'Add email' }).click();
  await page.getByLabel('Email 1', { exact: true }).fill('amelie@example.com');
  await page.getByRole('button', { name: 'Add email' }).click();
  await page.getByLabel('Email 2', { exact: true }).fill('amelie.home@example.org');
  await page.getByLabel('Location for email 2').selectOption('Home');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save person' }).click();

  const fullName = `Amélie ${last}`;
  await expect(page.getByRole('heading', { name: fullName, level: 1 })).toBeVisible();
  await expect(page.getByText('Head of R&D <Labs>')).toBeVisible();
  await expect(page.getByRole('link', { name: 'amelie@example.com' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'amelie.home@example.org' })).toBeVisible();
  const personUrl = page.url();
  await expectAccessible(page);

  // The new person is in the list (and the page is a shareable URL).
  await page.getByRole('link', { name: 'People' }).first().click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: fullName })).toBeVisible();

  // Edit: change the title and remove the second email.
  await page.goto(personUrl);
  await page.getByRole('link', { name: 'Edit' }).or(page.getByRole('button', { name: 'Edit' })).first().click();
  await page.getByLabel('Title').fill('Chief Scientist');
  await page.getByRole('button', { name: 'Remove email 2' }).click();
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('heading', { name: fullName, level: 1 })).toBeVisible();
  await expect(page.getByText('Chief Scientist')).toBeVisible();
  await expect(page.getByRole('link', { name: 'amelie.home@example.org' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'amelie@example.com' })).toBeVisible();

  // Delete, with confirmation.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: `Delete ${fullName}` }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: fullName })).toHaveCount(0);

  // Signed-out requests get JSON 401, never data.
  const res = await request.get('/api/people', { headers: { cookie: '' } });
  expect(res.status()).toBe(401);
  expect((await res.json()).error.status).toBe(401);
  expect(blocked).toEqual([]);
});

test('a required field left empty is marked and nothing typed is lost', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Add person' }).or(page.getByRole('button', { name: 'Add person' })).first().click();
  await page.getByLabel('Last name').fill('Nameless');
  await page.getByLabel('Title').fill('Keeps typing');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('First name')).toBeFocused();
  await expect(page.getByLabel('Last name')).toHaveValue('Nameless');
  await expect(page.getByLabel('Title')).toHaveValue('Keeps typing');
});

test('the company field suggests existing companies: chosen with the keyboard, saved as that company; accessible light and dark', async ({ page }) => {
  await signIn(page);
  await page.goto('/people/new');
  const last = unique('Keyboard-');
  await page.getByLabel('First name').fill('Kai');
  await page.getByLabel('Last name').fill(last);
  const company = page.getByRole('combobox', { name: 'Company' });

  // A name nobody has yet: no suggestions, and the field says it will be a new company.
  const newName = unique('Nowhere Co ');
  await company.fill(newName);
  await expect(page.getByText(`New company: ${newName}. Saving creates it.`)).toBeVisible();
  await expect(company).toHaveAttribute('aria-expanded', 'false');

  // Existing companies are offered as one types; the keyboard moves through them without leaving the field.
  await company.fill('Harbor & F');
  const listbox = page.getByRole('listbox', { name: 'Existing companies' });
  await expect(listbox.getByRole('option', { name: 'Harbor & Finch Ltd' })).toBeVisible();
  await expect(company).toHaveAttribute('aria-expanded', 'true');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const names = await listbox.getByRole('option').evaluateAll((els) => els.map((el) => el.querySelector('span')?.textContent));
  for (let i = 0; i <= names.indexOf('Harbor & Finch Ltd'); i++) await company.press('ArrowDown');
  const activeId = await company.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${activeId}"]`)).toHaveText('Harbor & Finch Ltd');
  await expect(company).toBeFocused();
  await company.press('Enter');
  await expect(company).toHaveValue('Harbor & Finch Ltd');
  await expect(company).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByText('An existing company in Highrise.')).toBeVisible();

  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('heading', { name: `Kai ${last}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Harbor & Finch Ltd' }).first()).toBeVisible();
  // Linked to the existing company, not a second one of the same name.
  const id = Number(/\/people\/(\d+)/.exec(page.url())![1]);
  const person = (await (await page.request.get(`/api/people/${id}`)).json()) as { data: { companyId: number | null; companyName: string | null } };
  const found = (await (await page.request.get(`/api/search?${new URLSearchParams({ scope: 'companies', term: 'Harbor & Finch Ltd' })}`)).json()) as { data: { id: number; name: string }[] };
  expect(found.data.filter((c) => c.name === 'Harbor & Finch Ltd').map((c) => c.id)).toEqual([person.data.companyId]);
});

test('sign out ends the session', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/people');
  await expect(page).toHaveURL(/\/signin/);
});

test('works on a phone-sized screen without horizontal scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await signIn(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  // The nav is behind a Menu button on a phone: closed, every link hidden; open, all of them in reach.
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: 'Dashboard' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['People', 'Companies', 'All contacts', 'Deals', 'Cases', 'Tasks', 'Activity', 'Dashboard', 'Search']) {
    await expect(nav.getByRole('link', { name })).toBeInViewport();
  }
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await menu.click();
  await nav.getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeFocused();
  // On a wider screen the nav is a row again, no Menu button.
  await page.setViewportSize({ width: 1024, height: 740 });
  await expect(menu).toBeHidden();
  await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await context.close();
});
