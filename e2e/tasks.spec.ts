import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, unique } from './helpers';

const NY = 'America/New_York';

function nyParts(ms: number) {
  const p: Record<string, string> = {};
  for (const x of new Intl.DateTimeFormat('en-US', { timeZone: NY, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(ms))) p[x.type] = x.value;
  return p;
}

/** Tomorrow's date in New York, and the UTC instant of 09:30 there (UTC-5 or UTC-4, checked, not assumed). */
function tomorrowAt0930NY(): { date: string; utc: string } {
  const today = nyParts(Date.now());
  const t = new Date(Date.UTC(+today.year, +today.month - 1, +today.day + 1));
  const date = t.toISOString().slice(0, 10);
  for (const offsetHours of [5, 4]) {
    const ms = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), 9 + offsetHours, 30);
    const seen = nyParts(ms);
    if (seen.hour === '09' && seen.minute === '30') return { date, utc: new Date(ms).toISOString().replace('.000Z', 'Z') };
  }
  throw new Error('no New York offset fits');
}

interface TaskJson { id: number; body: string; dueAt: string | null; doneAt: string | null; recurringPeriod: number | null; anchorType?: number | null }

async function tasksIn(page: Page, view: string): Promise<TaskJson[]> {
  return ((await (await page.request.get(`/api/tasks?view=${view}`)).json()) as { data: TaskJson[] }).data;
}

/** The count on the header's Tasks link (none shown is 0). */
async function badgeCount(page: Page): Promise<number> {
  const text = (await page.getByRole('link', { name: /^Tasks/ }).textContent()) ?? '';
  return Number(/(\d+)\s*due today or overdue/.exec(text)?.[1] ?? 0);
}

/** The number in a frame's heading on Upcoming, "Today (3)" → 3 (no group is 0). */
async function groupCount(page: Page, frame: string): Promise<number> {
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^${frame} \\(\\d+\\)$`) });
  if ((await heading.count()) === 0) return 0;
  return Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1]);
}

/**
 * The header says as many tasks are due today or overdue as /tasks lists under Overdue and Today.
 * The account (Acme) is in Chicago; the browser here is not, so the person's days are not Highrise's.
 */
async function expectBadgeAgreesWithTasksPage(page: Page): Promise<void> {
  await page.goto('/tasks?view=upcoming');
  await expect(page.getByRole('heading', { level: 2, name: /^Overdue \(\d+\)$/ })).toBeVisible();
  const shown = (await groupCount(page, 'Overdue')) + (await groupCount(page, 'Today'));
  expect(shown).toBeGreaterThan(0);
  await expect.poll(() => badgeCount(page)).toBe(shown);
  // A task set for today (Highrise's today, in Chicago) says so, not the end of Chicago's day as a time here.
  const review = page.getByRole('region', { name: /^Today/ }).getByRole('listitem').filter({ hasText: 'Weekly pipeline review' });
  await expect(review).toContainText('Due today');
}

test.describe('in Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('the Tasks badge counts what /tasks shows under Overdue and Today', async ({ page }) => {
    await signIn(page);
    await expectBadgeAgreesWithTasksPage(page);
  });
});

test.describe('in New York', () => {
  test.use({ timezoneId: NY });

  test('the Tasks badge counts what /tasks shows under Overdue and Today', async ({ page }) => {
    await signIn(page);
    await expectBadgeAgreesWithTasksPage(page);
  });

  test('a task for tomorrow 09:30 New York time is stored as that UTC instant; completing moves it to Completed', async ({ page }) => {
    await signIn(page);
    await page.getByRole('link', { name: /^Tasks/ }).click();
    await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible();
    await expect(page.getByText('America/New York')).toBeVisible();
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'light' });

    const body = unique('Call Renée & <Co> ');
    const { date, utc } = tomorrowAt0930NY();
    await page.getByRole('button', { name: 'New task' }).click();
    await page.getByRole('textbox', { name: 'Task (required)' }).fill(body);
    await page.getByLabel('When', { exact: true }).selectOption('specific');
    await page.getByLabel('Date (required)', { exact: true }).fill(date);
    await page.getByLabel('Time (required)', { exact: true }).fill('09:30');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add task' }).click();
    await expect(page.getByText('Task added')).toBeVisible();

    const row = page.getByRole('listitem').filter({ hasText: body });
    await expect(row).toBeVisible();
    await expect(row).toContainText('9:30');
    // Under Tomorrow in the Upcoming grouping.
    await expect(page.getByRole('region', { name: /Tomorrow/ }).getByText(body)).toBeVisible();

    const created = (await tasksIn(page, 'upcoming')).find((t) => t.body === body.trim())!;
    expect(created).toBeDefined();
    expect(new Date(created.dueAt!).toISOString().replace('.000Z', 'Z')).toBe(utc);
    // And the same instant as Highrise (the sandbox) holds it, read back by id.
    const one = (await (await page.request.get(`/api/tasks/${created.id}`)).json()) as { data: TaskJson };
    expect(Date.parse(one.data.dueAt!)).toBe(Date.parse(utc));

    await row.getByRole('checkbox', { name: `Complete: ${body.trim()}` }).click();
    await expect(page.getByText('Task completed')).toBeVisible();
    await page.getByRole('link', { name: 'Completed' }).click();
    await expect(page).toHaveURL(/view=completed/);
    const done = page.getByRole('listitem').filter({ hasText: body.trim() });
    await expect(done.getByRole('checkbox')).toBeChecked();
  });
});

test('a weekly recurring task, once completed, schedules the next one a week later', async ({ page }) => {
  await signIn(page);
  await page.goto('/tasks?view=upcoming&new=1');
  const body = unique('Weekly report ');
  await page.getByRole('textbox', { name: 'Task (required)' }).fill(body);
  await page.getByLabel('When', { exact: true }).selectOption('today');
  await page.getByLabel('Repeats', { exact: true }).selectOption('1');
  // Repeats from the due date unless the person picks completion (anchor_type 1).
  await expect(page.getByLabel('Repeat from', { exact: true })).toHaveValue('1');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByText('Task added')).toBeVisible();
  const first = (await tasksIn(page, 'upcoming')).find((t) => t.body === body)!;
  expect(first.recurringPeriod).toBe(1);
  expect(first.anchorType).toBe(1);

  const row = page.getByRole('listitem').filter({ hasText: body });
  await expect(row).toContainText('Repeats every week');
  await row.getByRole('checkbox', { name: `Complete: ${body}` }).click();
  await expect(page.getByText('the next one is scheduled')).toBeVisible();

  // The next occurrence shows up in Upcoming, unchecked, a week after the first was due.
  await expect(page.getByRole('listitem').filter({ hasText: body }).getByRole('checkbox', { checked: false })).toBeVisible();
  const next = (await tasksIn(page, 'upcoming')).find((t) => t.body === body && t.id !== first.id)!;
  expect(Date.parse(next.dueAt!) - Date.parse(first.dueAt!)).toBeGreaterThanOrEqual(7 * 86_400_000 - 3600_000);
  expect(Date.parse(next.dueAt!) - Date.parse(first.dueAt!)).toBeLessThanOrEqual(7 * 86_400_000 + 3600_000);
});

test('the task form finds a deal by name and ties the task to it; a task reopened from Completed is upcoming again', async ({ page }) => {
  await signIn(page);
  await page.goto('/tasks?new=1');
  const body = unique('Confirm the order ');
  await page.getByRole('textbox', { name: 'Task (required)' }).fill(body);
  const about = page.getByRole('combobox', { name: 'About' });
  await about.fill('spring wholesale');
  const option = page.getByRole('option', { name: /Harbor & Finch – spring wholesale order/ });
  await expect(option).toBeVisible();
  await expectAccessible(page);
  await option.click();
  await expect(about).toHaveValue('Harbor & Finch – spring wholesale order');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByText('Task added')).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: body.trim() });
  await expect(row.getByRole('link', { name: 'Harbor & Finch – spring wholesale order' })).toHaveAttribute('href', '/deals/2000001');

  await row.getByRole('checkbox', { name: `Complete: ${body.trim()}` }).click();
  await expect(page.getByText('Task completed')).toBeVisible();
  await page.getByRole('link', { name: 'Completed' }).click();
  const done = page.getByRole('listitem').filter({ hasText: body.trim() });
  await done.getByRole('checkbox', { name: `Reopen: ${body.trim()}` }).click();
  await expect(page.getByText('Task reopened')).toBeVisible();
  await page.getByRole('link', { name: 'Upcoming' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: body.trim() })).toBeVisible();
});

test('the edit form closes with Cancel, with Escape and with the header button, and a day-task saved unchanged keeps its day', async ({ page }) => {
  await signIn(page);
  const body = unique('Edit me ');
  const created = await page.request.post('/api/tasks', { data: { body, frame: 'tomorrow' } });
  expect(created.status()).toBe(201);
  const before = ((await created.json()) as { data: TaskJson }).data;
  await page.goto('/tasks');
  const edit = page.getByRole('button', { name: `Edit: ${body}` });
  const form = page.getByRole('form', { name: 'Edit task' });

  await edit.click();
  await expect(form).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'When' })).toHaveValue('tomorrow');
  await expect(page.getByRole('button', { name: 'Close' })).toHaveAttribute('aria-expanded', 'true');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('button', { name: 'New task' })).toBeVisible();
  // Focus goes back to the button that opened the form, not to the page's body.
  await expect(edit).toBeFocused();

  // Opening puts the cursor in the Task field, so Escape right away closes the form.
  await edit.click();
  await expect(form.getByRole('textbox', { name: /Task/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(edit).toBeFocused();

  await edit.click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(form).toBeHidden();

  await edit.click();
  await form.getByRole('button', { name: 'Save task' }).click();
  await expect(form).toBeHidden();
  await expect(edit).toBeFocused();
  const after = (await tasksIn(page, 'upcoming')).find((t) => t.id === before.id);
  expect(after?.dueAt).toBe(before.dueAt);
});
