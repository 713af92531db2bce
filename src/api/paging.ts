import type { Page } from '../../server/api/types';

/** What identifies a row across pages (kind and id where ids of several kinds share a list). */
export type RowKey<T> = (row: T) => string | number | null;

/**
 * The next page of a Highrise-backed list for `getNextPageParam`, or undefined at its end: after a
 * page that says there is no more, or a page whose every row an earlier page already brought.
 * Highrise ignores what it does not understand and can hand the same page again (REAL-WORLD #20);
 * without the second rule "Load all" would never end. An empty page that still has more (a filter
 * applied to a full upstream page) goes on. Memoised per pages array: TanStack asks on every render.
 */
export function nextPageOf<T>(key: RowKey<T>): (last: Page<T>, all: Page<T>[]) => number | undefined {
  const answers = new WeakMap<Page<T>[], number | undefined>();
  return (last, all) => {
    if (answers.has(all)) return answers.get(all);
    const answer = last.page.hasMore && bringsNew(last, all, key) ? last.page.number + 1 : undefined;
    answers.set(all, answer);
    return answer;
  };
}

function bringsNew<T>(last: Page<T>, all: Page<T>[], key: RowKey<T>): boolean {
  if (last.data.length === 0) return true;
  const earlier = new Set<string | number | null>();
  for (const page of all) if (page !== last) for (const row of page.data) earlier.add(key(row));
  return last.data.some((row) => !earlier.has(key(row)));
}

export const byId: RowKey<{ id: number | null }> = (row) => row.id;
