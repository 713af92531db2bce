import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Signs in as a person would: the sign-in page, the sandbox's Launchpad consent page, the account picker. */
export async function signIn(page: Page, opts: { account?: string } = {}): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole('link', { name: /sign in/i }).or(page.getByRole('button', { name: /sign in/i })).first().click();
  // Launchpad (sandbox): the first identity is preselected and has access to two accounts.
  await expect(page.getByRole('button', { name: 'Allow access' })).toBeVisible();
  await page.getByRole('button', { name: 'Allow access' }).click();
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(opts.account ?? 'Acme Outfitters') }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
}

/** No serious or critical axe-core violations on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A name no seeded record has, so a spec finds exactly what it made. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
