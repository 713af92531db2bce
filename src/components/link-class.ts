/**
 * Links inside text are underlined, not told apart by colour alone (WCAG 1.4.1; axe link-in-text-block).
 * One class so every record page looks and behaves the same.
 */
export const textLinkClass =
  'text-blue-700 underline underline-offset-2 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300';
