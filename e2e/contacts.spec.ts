import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn, unique } from './helpers';

/** Every contacts page in light and in dark mode: no serious or critical axe violations. */
async function accessibleInBothModes(page: Page) {
  // Measure the page at rest, not a button the pointer happens to hover after a click.
  await page.mouse.move(0, 0);
  // Buttons animate their colours (transition-colors): let a scheme switch settle before measuring contrast.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(400);
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400);
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

test.describe('contacts (small seed)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test('contacts list: filter by tag through the URL, sort, accessible', async ({ page }) => {
    const tags = await apiJson<{ data: { id: number; name: string }[] }>(page, '/api/tags');
    const vip = tags.data.find((t) => t.name === 'VIP') ?? tags.data[0];
    await page.goto(`/contacts?tag=${vip.id}&sort=updated`);
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    await expect(page.getByLabel('Tag', { exact: true })).toHaveValue(String(vip.id));
    await expect(page.getByLabel('Sort by')).toHaveValue('updated');
    await expect(page.getByTestId('contacts-count')).toContainText('All');
    const rows = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) expect(text).toContain(vip.name);
    await accessibleInBothModes(page);

    // Changing a filter changes the URL (a view can be bookmarked).
    await page.getByLabel('Show').selectOption('companies');
    await expect(page).toHaveURL(/type=companies/);
    await expect(page).toHaveURL(new RegExp(`tag=${vip.id}`));
  });

  test('search by term and by a criterion; recently viewed', async ({ page }) => {
    await page.goto('/search');
    await expect(page.getByRole('heading', { level: 1, name: 'Search contacts' })).toBeVisible();
    const people = await apiJson<{ data: { id: number; lastName: string; firstName: string; contactData: { addresses: { city: string | null }[] } }[] }>(page, '/api/people');
    const someone = people.data.find((p) => p.lastName && p.contactData.addresses.some((a) => a.city))!;
    await page.getByLabel('Name').fill(someone.lastName);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/term=/);
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: `${someone.firstName} ${someone.lastName}` })).toBeVisible();
    await accessibleInBothModes(page);

    const city = someone.contactData.addresses.find((a) => a.city)!.city!;
    await page.goto('/search');
    await page.getByText('Advanced search').click();
    await page.getByLabel('City').fill(city);
    await page.getByLabel('Look in').selectOption('people');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/city=/);
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: `${someone.firstName} ${someone.lastName}` })).toBeVisible();

    // Viewing a person lists them under recently viewed.
    await page.goto(`/people/${someone.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/search');
    await expect(page.getByRole('list', { name: 'Recently viewed contacts' }).getByRole('link').first()).toHaveText(`${someone.firstName} ${someone.lastName}`);
  });

  test('create a company and people in it (custom field, three kinds of contact data), remove an email, tag two in bulk, export CSV and vCard', async ({ page }) => {
    const fields = await apiJson<{ data: { id: number; label: string }[] }>(page, '/api/custom-fields');
    const field = fields.data[0];
    const coName = unique('Fjord Co ');

    await page.goto('/companies/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New company' })).toBeVisible();
    await accessibleInBothModes(page);
    await page.getByLabel(/^Company name/).fill(coName);
    await page.getByLabel(field.label).fill('North');
    await page.getByRole('button', { name: 'Add email' }).click();
    await page.getByLabel('Email 1', { exact: true }).fill('hello@fjord.example');
    await page.getByRole('button', { name: 'Add phone' }).click();
    await page.getByLabel('Phone 1', { exact: true }).fill('+47 22 00 00 00');
    await page.getByRole('button', { name: 'Add website' }).click();
    await page.getByLabel('Website 1', { exact: true }).fill('https://fjord.example');
    await page.getByRole('button', { name: 'Save company' }).click();
    await expect(page.getByRole('heading', { level: 1, name: coName })).toBeVisible();
    await expect(page.getByText('North')).toBeVisible();
    await expect(page.getByRole('link', { name: 'hello@fjord.example' })).toBeVisible();
    const companyId = Number(new URL(page.url()).pathname.split('/').pop());
    await accessibleInBothModes(page);

    // Two people in it; the first with a custom field and three kinds of contact data.
    const first = unique('Ingrid');
    await page.goto('/people/new');
    await page.getByLabel(/^First name/).fill(first);
    await page.getByLabel('Company', { exact: true }).fill(coName);
    await page.getByLabel(field.label).fill('South');
    await page.getByRole('button', { name: 'Add email' }).click();
    await page.getByLabel('Email 1', { exact: true }).fill('ingrid@fjord.example');
    await page.getByRole('button', { name: 'Add email' }).click();
    await page.getByLabel('Email 2', { exact: true }).fill('ingrid.home@fjord.example');
    await page.getByRole('button', { name: 'Add phone' }).click();
    await page.getByLabel('Phone 1', { exact: true }).fill('555-0100');
    await page.getByRole('button', { name: 'Add address' }).click();
    await page.getByLabel('City for address 1', { exact: true }).fill('Bergen');
    await page.getByRole('button', { name: 'Save person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
    await expect(page.getByRole('link', { name: coName })).toHaveAttribute('href', `/companies/${companyId}`);
    await expect(page.getByText('South')).toBeVisible();
    const firstUrl = page.url();

    // Remove one email.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Remove email 2' }).click();
    await page.getByRole('button', { name: 'Save person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
    await expect(page.getByRole('link', { name: 'ingrid@fjord.example' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'ingrid.home@fjord.example' })).toHaveCount(0);

    // vCard from the BFF.
    const [vcf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export vCard' }).click()]);
    expect(vcf.suggestedFilename()).toMatch(/\.vcf$/);
    const card = readFileSync((await vcf.path())!, 'utf8');
    expect(card).toContain('BEGIN:VCARD');
    expect(card).toContain(first);
    expect(card).toContain('ingrid@fjord.example');

    const second = unique('Odd');
    await page.goto('/people/new');
    await page.getByLabel(/^First name/).fill(second);
    await page.getByLabel('Company', { exact: true }).fill(coName);
    await page.getByRole('button', { name: 'Save person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: second })).toBeVisible();

    // The company page lists its people.
    await page.goto(`/companies/${companyId}`);
    const peopleSection = page.getByRole('region', { name: 'People' });
    await expect(peopleSection.getByRole('link', { name: first })).toBeVisible();
    await expect(peopleSection.getByRole('link', { name: second })).toBeVisible();

    // Bulk: both people of the company, one tag, with progress; then CSV of the list.
    const tagName = unique('Fair');
    await page.goto(`/contacts?company=${companyId}`);
    await expect(page.getByTestId('contacts-count')).toHaveText(/All 2 contacts loaded/);
    await page.getByLabel(`Select ${first}`).check();
    await page.getByLabel(`Select ${second}`).check();
    await page.getByLabel('Add tag').fill(tagName);
    await page.getByRole('button', { name: 'Add to 2' }).click();
    await expect(page.getByText(`Tagged “${tagName}”: done for 2 contacts.`)).toBeVisible();
    await accessibleInBothModes(page);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all as CSV' }).click()]);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(first);
    expect(text).toContain(second);
    expect(text).toContain(tagName);
    expect(text).toContain('ingrid@fjord.example (Work)');

    await page.goto(firstUrl);
    await expect(page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: tagName })).toBeVisible();
    await accessibleInBothModes(page);
  });
});

// ---- 20,000 contacts: a second server with the large seed ----

const LARGE_PORT = Number(process.env.E2E_LARGE_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 10);
const LARGE_URL = `http://127.0.0.1:${LARGE_PORT}`;
let largeServer: ChildProcess | null = null;

async function waitForHealth(url: string, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function signInAt(browser: Browser) {
  const context = await browser.newContext({ baseURL: LARGE_URL });
  const page = await context.newPage();
  await signIn(page);
  return { context, page };
}

test.describe('contacts (large seed)', () => {
  test.describe.configure({ timeout: 420_000 });

  test.beforeAll(async () => {
    const db = `.data/e2e-large-${LARGE_PORT}.sqlite`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    // The SPA is already built by the main e2e server's command.
    largeServer = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
      env: { ...process.env, PORT: String(LARGE_PORT), SANDBOX_DB: db, SANDBOX_SEED: 'large', LOG_REQUESTS: '0', SANDBOX_RATE_LIMIT: '0' },
      stdio: 'ignore',
    });
    expect(await waitForHealth(LARGE_URL, 120_000)).toBe(true);
  });

  test.afterAll(async () => {
    if (largeServer?.pid) largeServer.kill('SIGTERM');
  });

  test('scrolls a 20,000-contact list to the end, smoothly virtualized', async ({ browser }) => {
    const { context, page } = await signInAt(browser);
    const people = await page.request.get('/api/people?page=40');
    expect(people.status()).toBe(200);
    await page.goto('/contacts?type=people');
    const scroller = page.getByTestId('contacts-scroller');
    await expect(scroller).toBeVisible();
    // Scroll to the end repeatedly: each time the next page of 500 loads, until everything is in.
    const count = page.getByTestId('contacts-count');
    const started = Date.now();
    while (Date.now() - started < 300_000) {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      if (/^All /.test((await count.textContent()) ?? '')) break;
      await page.waitForTimeout(250);
    }
    await expect(count).toHaveText(/^All [\d,.\s\u202f]+ contacts loaded$/);
    const total = Number(((await count.textContent()) ?? '').replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(19_000);
    // Only a window of rows is in the DOM; the last one is reachable.
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const items = page.getByRole('list', { name: 'People' }).getByRole('listitem');
    expect(await items.count()).toBeLessThan(200);
    await expect(items.last()).toHaveAttribute('aria-posinset', String(total));
    await context.close();
  });
});
