import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, unique } from './helpers';

// A company page carries the same daily work as a person's: its notes and emails, and its tasks.
test('on a company page: log a note, add a task, see both there', async ({ page }) => {
  await signIn(page);
  // Harbor & Finch Ltd, a seeded company.
  await page.goto('/companies/1000001');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Harbor');

  const timeline = page.getByRole('region', { name: 'Notes and emails' });
  const note = unique('Call back about the Q3 order & <pricing> ');
  await timeline.getByRole('textbox', { name: 'Note', exact: true }).fill(note);
  await timeline.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('article', { name: /^Note by/ }).filter({ hasText: note })).toBeVisible();

  const tasks = page.getByRole('region', { name: 'Upcoming tasks' });
  const body = unique('Send the catalogue ');
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await tasks.getByRole('textbox', { name: 'Task (required)' }).fill(body);
  await tasks.getByLabel('When', { exact: true }).selectOption('tomorrow');
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await expect(tasks.getByText(body)).toBeVisible();

  await expectAccessible(page);

  // The note is stored against the company, not just shown.
  await page.reload();
  await expect(page.getByRole('article', { name: /^Note by/ }).filter({ hasText: note })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Upcoming tasks' }).getByText(body)).toBeVisible();
});
