import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Deal, Page } from '../../server/api/types';
import { fetchAllDeals } from './deals';
import { byId, nextPageOf } from './paging';

const page = <T,>(number: number, data: T[], hasMore = true): Page<T> => ({ data, page: { number, size: 500, hasMore } });
const rows = (...ids: number[]) => ids.map((id) => ({ id }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('nextPageOf', () => {
  const next = nextPageOf(byId);

  it('goes on while pages bring new rows and say there is more', () => {
    const pages = [page(1, rows(1, 2)), page(2, rows(3, 4))];
    expect(next(pages[1], pages)).toBe(3);
  });

  it('stops after a page that says there is no more', () => {
    const pages = [page(1, rows(1, 2)), page(2, rows(3), false)];
    expect(next(pages[1], pages)).toBeUndefined();
  });

  it('stops on a page that repeats rows already loaded (Highrise handing page 1 again)', () => {
    const pages = [page(1, rows(1, 2)), page(2, rows(2, 1))];
    expect(next(pages[1], pages)).toBeUndefined();
  });

  it('goes on past an empty page that still has more (a filter over a full upstream page)', () => {
    const pages = [page(1, rows(1, 2)), page(2, [])];
    expect(next(pages[1], pages)).toBe(3);
  });

  it('tells rows of different kinds apart when given such a key', () => {
    const byKind = nextPageOf<{ type: string; id: number }>((r) => `${r.type}:${r.id}`);
    const pages = [page(1, [{ type: 'Note', id: 1 }]), page(2, [{ type: 'Comment', id: 1 }])];
    expect(byKind(pages[1], pages)).toBe(3);
  });
});

describe('fetchAllDeals', () => {
  const deal = (id: number) => ({ id }) as Deal;

  it('walks every page to the short one, deduping rows that appear twice, and reports progress', async () => {
    const answers = [page(1, [deal(1), deal(2)]), page(2, [deal(2), deal(3)]), page(3, [deal(4)], false)];
    const fetch = vi.fn(async () => Response.json(answers[fetch.mock.calls.length - 1]));
    vi.stubGlobal('fetch', fetch);
    const progress = vi.fn();
    const all = await fetchAllDeals(undefined, progress);
    expect(all.map((d) => d.id)).toEqual([1, 2, 3, 4]);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(progress).toHaveBeenLastCalledWith({ loaded: 4, pages: 3 });
  });

  it('stops when the BFF hands the same full page again instead of asking for ever', async () => {
    const fetch = vi.fn(async () => Response.json(page(1, [deal(1), deal(2)])));
    vi.stubGlobal('fetch', fetch);
    const all = await fetchAllDeals();
    expect(all.map((d) => d.id)).toEqual([1, 2]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
