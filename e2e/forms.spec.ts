import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, unique } from './helpers';

test('leaving a changed form asks first; Stay keeps the typing; a save is not asked about', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Add person' }).first().click();
  // Focus moves to the new page's heading after an in-app navigation.
  await expect(page.getByRole('heading', { name: 'New person', level: 1 })).toBeFocused();
  const first = unique('Leave');
  await page.getByLabel('First name').fill(first);
  await page.getByRole('link', { name: 'Deals' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stay' })).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/people\/new$/);
  await expect(page.getByLabel('First name')).toHaveValue(first);

  // Reloading warns too (beforeunload).
  const prompts: string[] = [];
  page.on('dialog', (d) => {
    prompts.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true }).catch(() => undefined);
  await expect.poll(() => prompts).toContain('beforeunload');
});

test('a save that succeeds is not asked about, and repeated submits create one record', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Add person' }).first().click();
  const last = unique('Once');
  await page.getByLabel('First name').fill('Double');
  await page.getByLabel('Last name').fill(last);
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/people') posts += 1;
  });
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('form[aria-label="New person"]')!;
    form.requestSubmit();
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(page.getByRole('heading', { name: `Double ${last}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(posts).toBe(1);
  const found = (await (await page.request.get(`/api/search?term=${encodeURIComponent(last)}`)).json()) as { data: unknown[] };
  expect(found.data).toHaveLength(1);
});

test('when the session ends during a save, the changes come back after signing in again', async ({ page, context }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Add person' }).first().click();
  const last = unique('Kept');
  await page.getByLabel('First name').fill('Session');
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Title').fill('Typed before the session ended');

  await context.clearCookies();
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page).toHaveURL(/\/signin\?returnTo=%2Fpeople%2Fnew/);
  await expect(page.getByText('Your session ended — sign in again and your changes will be here.')).toBeVisible();

  await page.getByRole('link', { name: /sign in/i }).or(page.getByRole('button', { name: /sign in/i })).first().click();
  await page.getByRole('button', { name: 'Allow access' }).click();
  await page.getByRole('button', { name: /Acme Outfitters/ }).click();
  await expect(page).toHaveURL(/\/people\/new$/);
  await expect(page.getByText('Restored your unsaved changes')).toBeVisible();
  await expect(page.getByLabel('Last name')).toHaveValue(last);
  await expect(page.getByLabel('Title')).toHaveValue('Typed before the session ended');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('heading', { name: `Session ${last}`, level: 1 })).toBeVisible();
});

test('deleting a person returns to the list they came from, with undo', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Add person' }).first().click();
  const last = unique('Gone');
  await page.getByLabel('First name').fill('Return');
  await page.getByLabel('Last name').fill(last);
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('heading', { name: `Return ${last}`, level: 1 })).toBeVisible();

  await page.goto(`/people?q=${encodeURIComponent(last)}`);
  await page.getByRole('link', { name: `Return ${last}` }).click();
  const id = /\/people\/(\d+)/.exec(page.url())?.[1];
  const askedAfter: string[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.status() === 404 && path.startsWith(`/api/people/${id}`)) askedAfter.push(path);
  });
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: `Delete Return ${last}` }).click();
  await expect(page).toHaveURL(new RegExp(`/people\\?q=${last}$`));
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByText(`Deleted Return ${last}. Undo re-creates it`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expectAccessible(page);
  // Nothing asks for the deleted person again (each such request is a 404 in the console).
  expect(askedAfter).toEqual([]);
});

test('deleting a company, a deal or a case never asks for it again afterwards', async ({ page }) => {
  await signIn(page);
  const stale: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404 && new URL(r.url()).pathname.startsWith('/api/')) stale.push(new URL(r.url()).pathname);
  });
  const made = async (path: string, data: object) => ((await (await page.request.post(path, { data })).json()) as { data: { id: number } }).data.id;
  const company = await made('/api/companies', { name: unique('Gone Co ') });
  const deal = await made('/api/deals', { name: unique('Gone deal '), partyId: company });
  const kase = await made('/api/cases', { name: unique('Gone case ') });
  for (const [url, list] of [
    [`/companies/${company}`, /\/companies/],
    [`/deals/${deal}`, /\/deals/],
    [`/cases/${kase}`, /\/cases/],
  ] as const) {
    await page.goto(url);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Delete/ }).last().click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(list);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expect.poll(() => stale, { timeout: 1500 }).toEqual([]);
});

test('a record that fails to load says so within moments, and Try again brings it back', async ({ page }) => {
  await signIn(page);
  // Open the first person in the list, then make its record fail on the next visit.
  const firstRow = page.locator('a[href^="/people/"]:not([href="/people/new"])').first();
  await firstRow.waitFor();
  const href = (await firstRow.getAttribute('href')) as string;
  const id = /\/people\/(\d+)/.exec(href)?.[1];
  expect(id).toBeTruthy();
  let failing = true;
  let calls = 0;
  await page.route(`**/api/people/${id}`, async (route) => {
    calls += 1;
    if (failing) {
      await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { status: 500, message: 'Highrise had an internal error.' } }) });
    } else await route.continue();
  });
  await page.goto(`/people/${id}`);
  const started = Date.now();
  await expect(page.getByText('Could not load this person')).toBeVisible({ timeout: 5000 });
  // One quick retry, not seconds of silent backoff.
  expect(Date.now() - started).toBeLessThan(4000);
  expect(calls).toBe(2);
  await expect(page.getByText('Highrise had an internal error.')).toBeVisible();
  await expectAccessible(page);
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Could not load this person')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Edit' }).or(page.getByRole('button', { name: 'Edit' })).first()).toBeVisible();
});
