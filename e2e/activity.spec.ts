import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, unique } from './helpers';

interface Listed { data: { id: number; firstName?: string | null; name?: string | null }[] }

async function firstPersonId(page: Page): Promise<number> {
  const res = await page.request.get('/api/people');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as Listed).data[0].id;
}

test('a note with markup is shown as text, links are clickable, nothing runs; comment, edit, delete; draft survives a reload', async ({ page }) => {
  await signIn(page);
  const id = await firstPersonId(page);
  await page.goto(`/people/${id}`);
  await page.evaluate(() => {
    (window as unknown as { __pwned: number }).__pwned = 0;
  });
  const timeline = page.getByRole('region', { name: 'Notes and emails' });
  await expect(timeline).toBeVisible();

  // A draft survives a reload.
  const marker = unique('Draft-');
  await timeline.getByRole('textbox', { name: 'Note', exact: true }).fill(marker);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Notes and emails' }).getByRole('textbox', { name: 'Note', exact: true })).toHaveValue(marker);

  const text = `${marker} <script>window.__pwned=1</script> & <img src=x onerror="window.__pwned=2"> see https://example.com/a?b=1&c=2.\nSecond line`;
  await page.evaluate(() => {
    (window as unknown as { __pwned: number }).__pwned = 0;
  });
  await page.getByRole('region', { name: 'Notes and emails' }).getByRole('textbox', { name: 'Note', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Note added')).toBeVisible();

  const note = page.getByRole('article', { name: /^Note by/ }).filter({ hasText: marker }).first();
  await expect(note).toContainText('<script>window.__pwned=1</script> & <img src=x onerror="window.__pwned=2">');
  await expect(note.getByRole('link', { name: 'https://example.com/a?b=1&c=2' })).toHaveAttribute('href', 'https://example.com/a?b=1&c=2');
  expect(await note.locator('script, img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
  // The composer was cleared with the draft.
  await expect(page.getByRole('region', { name: 'Notes and emails' }).getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('');

  // Comment on it.
  await note.getByLabel('Add a comment').fill('Agreed & <b>noted</b>');
  await note.getByRole('button', { name: 'Comment' }).click();
  await expect(note.getByRole('list', { name: 'Comments' })).toContainText('Agreed & <b>noted</b>');

  // Edit the note.
  await note.getByRole('button', { name: 'Edit note' }).click();
  await note.getByLabel('Edit note').fill(`${marker} edited`);
  await note.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('article', { name: /^Note by/ }).filter({ hasText: `${marker} edited` })).toBeVisible();
  // The timeline (this spec's part of the person page) has no serious or critical axe findings, light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('[data-timeline]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Delete it, with a confirmation.
  await page.getByRole('article', { name: /^Note by/ }).filter({ hasText: `${marker} edited` }).getByRole('button', { name: 'Delete note' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete note' }).click();
  await expect(page.getByRole('article', { name: /^Note by/ }).filter({ hasText: marker })).toHaveCount(0);
});

test('log an email on a seeded deal, then find it in recent activity linking to the deal; accessible light and dark', async ({ page }) => {
  await signIn(page);
  const deals = await page.request.get('/api/deals');
  let dealId: number;
  if (deals.ok()) dealId = ((await deals.json()) as Listed).data[0].id;
  else {
    // Without the deals list route, take a deal id the person can see from the activity feed's seed.
    throw new Error(`/api/deals answered ${deals.status()}`);
  }
  const title = unique('Quote & terms ');
  const res = await page.request.post(`/api/deals/${dealId}/emails`, { data: { title, body: 'Hello <b>there</b> & welcome' } });
  expect(res.status()).toBe(201);
  const list = await page.request.get(`/api/deals/${dealId}/emails`);
  expect(((await list.json()) as { data: { title: string }[] }).data[0].title).toBe(title);

  // Writes through Skyline drop the BFF's cached feed, so the new email shows at once.
  await expect(async () => {
    await page.goto('/activity?type=Email');
    await expect(page.getByRole('heading', { name: 'Recent activity', level: 1 })).toBeVisible();
    await expect(page.getByText(title)).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000, intervals: [2000] });
  const item = page.getByRole('listitem').filter({ hasText: title });
  await expect(item.getByRole('link')).toHaveAttribute('href', `/deals/${dealId}`);
  await expect(page.getByRole('link', { name: 'Emails' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // Filters live in the URL; Comments only shows comments.
  await page.getByRole('link', { name: 'Comments' }).click();
  await expect(page).toHaveURL(/type=Comment/);
  await expect(page.getByText(title)).toHaveCount(0);
});
