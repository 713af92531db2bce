import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { seededApiToken } from '../server/sandbox/seed';
import AxeBuilder from '@axe-core/playwright';
import { expectAccessible, signIn, unique } from './helpers';

/** The demo account's first user (Mara, identity 1, account 1): what `createSandbox(...).demo.apiToken` is. */
const DEMO_TOKEN = seededApiToken('1:1');

/** Read a deal straight from the sandbox's Highrise XML with the demo Basic token. */
async function sandboxDeal(request: APIRequestContext, id: number): Promise<{ status: string; statusChangedOn: string; categoryId: string }> {
  const res = await request.get(`/sandbox/highrise/1/deals/${id}.xml`, {
    headers: { Authorization: `Basic ${Buffer.from(`${DEMO_TOKEN}:X`).toString('base64')}` },
  });
  expect(res.status()).toBe(200);
  const xml = await res.text();
  const leaf = (name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
  return { status: leaf('status'), statusChangedOn: leaf('status-changed-on'), categoryId: leaf('category-id') };
}

function column(page: Page, title: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) }) });
}

function card(page: Page, name: string): Locator {
  return page.locator('li[data-deal-id]').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('deals: create for a company, drag pending → won, keyboard and menu moves, category change, column totals, sandbox record', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page);

  // A category of our own, so the board can be narrowed to this test's deals.
  await page.getByRole('link', { name: 'Deals', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Deals', level: 1 })).toBeVisible();
  await expectAccessible(page);
  // The board's columns are list items with their own headings: no role a browser may ignore, no stray landmarks (minor in axe, so checked by name).
  const structure = await new AxeBuilder({ page }).include('[aria-label="Pipeline columns"]').withRules(['aria-allowed-role', 'landmark-no-duplicate-banner', 'landmark-unique']).analyze();
  expect(structure.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Categories' }).click();
  const catName = unique('Pipeline-');
  await page.getByLabel('New category name').fill(catName);
  await page.getByRole('button', { name: 'Add category' }).click();
  await expect(page.getByRole('form', { name: `Category ${catName}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Done' }).click();

  const categories = (await (await page.request.get('/api/deal-categories')).json()) as { data: { id: number; name: string }[] };
  const catId = categories.data.find((c) => c.name === catName)!.id;

  // A company to sell to.
  const companies = (await (await page.request.get('/api/companies')).json()) as { data: { id: number; name: string }[] };
  const company = companies.data.find((c) => c.name && c.name.length >= 6)!;

  // Create the deal through the form.
  const dealName = unique('Deal-');
  await page.getByRole('link', { name: 'New deal' }).click();
  await expect(page.getByRole('heading', { name: 'New deal', level: 1 })).toBeVisible();
  await page.getByLabel('Name').fill(dealName);
  const combo = page.getByRole('combobox', { name: 'Party (person or company)' });
  await combo.fill(company.name.slice(0, 6));
  await expect(page.getByRole('option', { name: new RegExp(company.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first()).toBeVisible();
  // Keyboard choice through aria-activedescendant.
  const options = page.getByRole('option');
  const index = await options.evaluateAll((els, name) => els.findIndex((el) => el.querySelector('span')?.textContent === name), company.name);
  for (let i = 0; i <= index; i++) await combo.press('ArrowDown');
  await expect(combo).toHaveAttribute('aria-activedescendant', /.+/);
  await combo.press('Enter');
  await expect(combo).toHaveValue(company.name);
  await page.getByLabel('Category', { exact: true }).selectOption({ label: catName });
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Price', { exact: true }).fill('1000');
  await page.getByLabel('Price type').selectOption('month');
  // Duration is required for a monthly price.
  await page.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByText('Enter how many hours, months or years the deal runs.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(dealName);
  await page.getByLabel(/Duration/).fill('3');
  await expect(page.getByText('Deal value:')).toContainText('€3,000');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create deal' }).click();

  await expect(page.getByRole('heading', { name: dealName, level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: company.name }).first()).toBeVisible();
  const dealId = Number(/\/deals\/(\d+)/.exec(page.url())![1]);
  await expectAccessible(page);

  // A second deal in dollars in the same category (through the API), so the pending column is mixed.
  const usd = unique('Usd-');
  expect((await page.request.post('/api/deals', { data: { name: usd, categoryId: catId, currency: 'USD', price: 500, priceType: 'fixed' } })).status()).toBe(201);

  // The board, narrowed to our category; state is in the URL.
  await page.goto(`/deals?view=board&group=status&category=${catId}`);
  const pending = column(page, 'Pending');
  const won = column(page, 'Won');
  const lost = column(page, 'Lost');
  await expect(card(page, dealName)).toBeVisible();
  await expect(pending.getByTestId('column-total')).toHaveText('Total: €3,000 + $500');
  await expect(won.getByTestId('column-total')).toHaveText('Total: $0');
  await expectAccessible(page);

  // 1. Mouse drag (pointer sensor, distance activation) from pending to won.
  const handle = page.getByRole('button', { name: `Drag ${dealName}` });
  const from = (await handle.boundingBox())!;
  const to = (await won.boundingBox())!;
  const statusPut = page.waitForResponse((r) => r.url().endsWith(`/api/deals/${dealId}/status`) && r.request().method() === 'PUT');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
  await page.mouse.up();
  expect((await statusPut).status()).toBe(200);
  await expect(won.locator(`li[data-deal-id="${dealId}"]`)).toBeVisible();
  await expect(won.getByTestId('column-total')).toHaveText('Total: €3,000');
  await expect(pending.getByTestId('column-total')).toHaveText('Total: $500');

  // The BFF and the sandbox agree: won, changed today.
  const api = (await (await page.request.get(`/api/deals/${dealId}`)).json()) as { data: { status: string; statusChangedOn: string } };
  expect(api.data.status).toBe('won');
  expect(api.data.statusChangedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const record = await sandboxDeal(page.request, dealId);
  expect(record.status).toBe('won');
  expect(record.statusChangedOn).toBe(api.data.statusChangedOn);

  // 2. Keyboard: pick up with space, arrow right to the next column, space to drop.
  await handle.focus();
  const keyboardPut = page.waitForResponse((r) => r.url().endsWith(`/api/deals/${dealId}/status`) && r.request().method() === 'PUT');
  // Step as a keyboard user does, at the pace of what the board announces (dnd-kit measures columns between keys).
  const announcer = page.locator('[id^="DndLiveRegion"]');
  await page.keyboard.press('Space');
  // Picking up announces the pick-up, then where the card is (its own column).
  await expect(announcer).toContainText(/Picked up|is over Won/);
  await page.keyboard.press('ArrowRight');
  await expect(announcer).toContainText('is over Lost');
  await page.keyboard.press('Space');
  expect((await keyboardPut).status()).toBe(200);
  await expect(lost.locator(`li[data-deal-id="${dealId}"]`)).toBeVisible();
  expect((await sandboxDeal(page.request, dealId)).status).toBe('lost');
  // The focus stays on the card, now in Lost: the moved card's own handle, not <body>.
  const movedHandle = lost.getByRole('button', { name: `Drag ${dealName}` });
  await expect(movedHandle).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('li[data-deal-id]')?.getAttribute('data-deal-id'))).toBe(String(dealId));
  expect(await page.evaluate(() => document.activeElement?.closest('[data-column]')?.getAttribute('data-column'))).toBe('status:lost');

  // 3. The "Move to…" menu, no dragging at all: back to pending.
  await card(page, dealName).getByRole('button', { name: `Move to… (${dealName})` }).click();
  await page.getByRole('group', { name: `Move ${dealName} to` }).getByRole('button', { name: 'Pending' }).click();
  await expect(pending.locator(`li[data-deal-id="${dealId}"]`)).toBeVisible();
  await expect(pending.getByTestId('column-total')).toHaveText('Total: €3,000 + $500');
  await expect.poll(async () => (await sandboxDeal(page.request, dealId)).status).toBe('pending');
  // After the menu too, the focus is on the moved card's handle, in Pending.
  await expect(pending.getByRole('button', { name: `Drag ${dealName}` })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);

  // Change its category on the category board (PUT with category-id only).
  await page.goto('/deals?view=board&group=category');
  await expect(card(page, dealName)).toBeVisible();
  await expect(column(page, catName).locator(`li[data-deal-id="${dealId}"]`)).toBeVisible();
  await card(page, dealName).getByRole('button', { name: `Move to… (${dealName})` }).click();
  await page.getByRole('group', { name: `Move ${dealName} to` }).getByRole('button', { name: 'Wholesale' }).click();
  await expect(column(page, 'Wholesale').locator(`li[data-deal-id="${dealId}"]`)).toBeVisible();
  await expect.poll(async () => (await sandboxDeal(page.request, dealId)).categoryId).not.toBe(String(catId));
  await expectAccessible(page);

});

test('a refused move is rolled back with a toast', async ({ page }) => {
  await signIn(page);
  const name = unique('Rollback-');
  const created = (await (await page.request.post('/api/deals', { data: { name, price: 10 } })).json()) as { data: { id: number } };
  await page.route(`**/api/deals/${created.data.id}/status`, (route) =>
    route.fulfill({ status: 507, contentType: 'application/json', body: JSON.stringify({ error: { status: 507, message: 'Your Highrise plan allows no more pending deals.' } }) }),
  );
  await page.goto('/deals?view=board&group=status');
  await card(page, name).getByRole('button', { name: `Move to… (${name})` }).click();
  await page.getByRole('group', { name: `Move ${name} to` }).getByRole('button', { name: 'Won' }).click();
  await expect(page.getByText(/Could not move “.*”; it is back where it was/)).toBeVisible();
  await expect(column(page, 'Pending').locator(`li[data-deal-id="${created.data.id}"]`)).toBeVisible();
  // Back where it was, and so is the focus.
  await expect(column(page, 'Pending').getByRole('button', { name: `Drag ${name}` })).toBeFocused();
});

test('table view, deal page and dashboard pass axe in light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const deals = (await (await page.request.get('/api/deals')).json()) as { data: { id: number; name: string; party: { name?: string; firstName?: string } | null }[] };
  const deal = deals.data.find((d) => d.party?.name)!;
  const partyName = deal.party!.name!;

  // The table view: sorted, filtered by party, state in the URL.
  await page.goto(`/deals?view=table&group=status&party=${encodeURIComponent(partyName)}&sort=value&dir=desc`);
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('link', { name: deal.name, exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('button', { name: /^Deal/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expectAccessible(page);

  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/deals?view=board&group=category');
    await expect(page.getByRole('heading', { name: /^No category/, level: 2 })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/deals/${deal.id}`);
    await expect(page.getByRole('heading', { name: deal.name, level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Notes and emails' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/dashboard');
    await expect(page.getByRole('img', { name: /Deals won and lost per month/ })).toBeVisible();
    await page.getByText('Show the numbers as a table').first().click();
    await expect(page.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    await expectAccessible(page);
  }
});

test('deal page: a task added there is listed there and on Tasks; tags added and removed; custom field and group edited in the form', async ({ page }) => {
  await signIn(page);
  await page.goto('/deals/2000001');
  const dealName = 'Harbor & Finch – spring wholesale order';
  await expect(page.getByRole('heading', { name: dealName, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Custom fields' })).toContainText('End of Q2');

  // A task about this deal, from the deal page.
  const tasks = page.getByRole('region', { name: 'Upcoming tasks' });
  const body = unique('Send the price list ');
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await expect(tasks.getByRole('combobox', { name: 'About' })).toHaveValue(dealName);
  await tasks.getByRole('textbox', { name: 'Task (required)' }).fill(body);
  await tasks.getByLabel('When', { exact: true }).selectOption('tomorrow');
  await expectAccessible(page);
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await expect(tasks.getByRole('list', { name: `Tasks about ${dealName}` }).getByText(body)).toBeVisible();
  await page.goto('/tasks?view=upcoming');
  const row = page.getByRole('listitem').filter({ hasText: body });
  await expect(row.getByRole('link', { name: dealName })).toHaveAttribute('href', '/deals/2000001');

  // Tags: add one (autocompletes from the account's tags), then remove it.
  await page.goto('/deals/2000001');
  const tagsRegion = page.getByRole('region', { name: 'Tags' });
  const tag = unique('wholesale-');
  await tagsRegion.getByLabel('Add a tag').fill(tag);
  await tagsRegion.getByRole('button', { name: 'Add tag' }).click();
  await expect(tagsRegion.getByRole('list', { name: 'Tags' }).getByText(tag)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Tags' }).getByText(tag)).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: `Remove tag ${tag}` }).click();
  await expect(page.getByText(`Removed the tag “${tag}”`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tags' }).getByText(tag, { exact: true })).toHaveCount(0);

  // The form: the deal custom field and sharing with a group (Mara is an admin).
  await page.getByRole('link', { name: 'Edit' }).click();
  const field = page.getByRole('textbox', { name: 'Expected close' });
  await expect(field).toHaveValue('End of Q2');
  await field.fill('Mid July');
  await page.getByRole('combobox', { name: /Who can see this deal/ }).selectOption('NamedGroup');
  await page.getByRole('combobox', { name: /^Group/ }).selectOption({ label: 'Sales team' });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save deal' }).click();
  await expect(page.getByRole('heading', { name: dealName, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Custom fields' })).toContainText('Mid July');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('A group');
  // Back to everyone, so other specs see the demo deal as before.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('combobox', { name: /Who can see this deal/ }).selectOption('Everyone');
  await page.getByRole('textbox', { name: 'Expected close' }).fill('End of Q2');
  await page.getByRole('button', { name: 'Save deal' }).click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Everyone');
});

test('on a phone the board scrolls inside its strip; the page itself stays phone-wide', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page);
  await page.goto('/deals');
  await expect(page.getByRole('list', { name: 'Pipeline columns' })).toBeVisible();
  await expect(column(page, 'Won')).toBeAttached();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The columns themselves are reachable by scrolling the strip.
  const strip = page.getByRole('list', { name: 'Pipeline columns' });
  expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await context.close();
});
