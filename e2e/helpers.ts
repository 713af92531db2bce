import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

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

/** No serious or critical violations in light and in dark, then back to light. */
export async function expectAccessibleInBothSchemes(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** From anywhere signed in: People in the main navigation, then Add person. */
export async function openNewPersonForm(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Add person' }).or(page.getByRole('button', { name: 'Add person' })).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'New person' })).toBeVisible();
}

/** A name no seeded record has, so a spec finds exactly what it made. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Renames a settings row inline by keyboard, as both settings pages work: Escape leaves it as it was
 * (focus back on Rename), a blank name is refused beside the field with the typed text kept, then
 * `renamed` is saved with Enter and focus lands on the renamed row's Rename. `whileRefused` runs with
 * the refusal on screen (an axe scan, say).
 */
export async function renameInline(
  scope: Locator,
  opts: { name: string; renamed: string; inputLabel: string; blankMessage: RegExp; whileRefused?: () => Promise<void> },
): Promise<void> {
  const page = scope.page();
  const renameButton = scope.getByRole('button', { name: `Rename ${opts.name}` });
  await renameButton.focus();
  await page.keyboard.press('Enter');
  const edit = scope.getByRole('textbox', { name: opts.inputLabel });
  await expect(edit).toBeFocused();
  await page.keyboard.type('Something else');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(renameButton).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(edit).toBeFocused();
  await edit.fill('   ');
  await page.keyboard.press('Enter');
  await expect(edit).toHaveAccessibleDescription(opts.blankMessage);
  await expect(edit).toHaveValue('   ');
  await opts.whileRefused?.();
  await edit.fill(opts.renamed);
  await page.keyboard.press('Enter');
  await expect(scope.getByRole('button', { name: `Rename ${opts.renamed}` })).toBeFocused();
  await expect(scope.getByRole('button', { name: `Rename ${opts.name}` })).toHaveCount(0);
}
