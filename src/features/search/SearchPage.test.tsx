import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Party } from '../../../server/api/types';
import { fakeFetch, renderApp, signedIn } from '../../test/render-app';
import { makePerson } from '../people/test-fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

const people = (n: number, from = 1): Party[] => Array.from({ length: n }, (_, i) => ({ ...makePerson({ id: from + i, firstName: 'Ada', lastName: `Number ${from + i}` }), type: 'Person' }) as Party);

/** A fake search of `total` results, 25 a page as Highrise returns them. */
function searchBff(total: number) {
  return ({ path }: { path: string }) => {
    const url = new URL(path, 'http://x');
    if (url.pathname !== '/api/search') return undefined;
    const page = Number(url.searchParams.get('page') ?? '1');
    const from = (page - 1) * 25 + 1;
    const data = people(Math.max(0, Math.min(25, total - from + 1)), from);
    return Response.json({ data, page: { number: page, size: 25, hasMore: from + 24 < total } });
  };
}

const loaded = () => screen.findByRole('list', { name: 'Search results' }, { timeout: 5000 });

describe('search results pager', () => {
  it('one page of results (10) has no pager', async () => {
    fakeFetch(signedIn, searchBff(10));
    renderApp('/search?term=ada');
    await loaded();
    expect(screen.getByRole('heading', { level: 2, name: 'Results 1–10' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Result pages' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next 25' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Previous 25' })).not.toBeInTheDocument();
  });

  it('the first of several pages offers Next, with Previous disabled', async () => {
    fakeFetch(signedIn, searchBff(30));
    renderApp('/search?term=ada');
    await loaded();
    expect(screen.getByRole('navigation', { name: 'Result pages' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next 25' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Previous 25' })).toBeDisabled();
  });

  it('the last page keeps the pager to go back', async () => {
    fakeFetch(signedIn, searchBff(30));
    renderApp('/search?term=ada&page=2');
    await loaded();
    expect(screen.getByRole('heading', { level: 2, name: 'Results 26–30' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous 25' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Next 25' })).toBeDisabled();
  });
});
