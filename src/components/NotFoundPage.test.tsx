import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, renderApp, signedIn } from '../test/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
});

const notFound = (what: string) => Response.json({ error: { status: 404, message: `That ${what} no longer exists in Highrise.` } }, { status: 404 });

describe('not found pages', () => {
  // The fake BFF answers every record request with a 404, as Highrise does for a deleted record.
  it.each([
    ['/people/999', 'person', 'Go to People', '/people'],
    ['/companies/999', 'company', 'Go to Companies', '/companies'],
    ['/deals/999', 'deal', 'Go to Deals', '/deals'],
    ['/cases/999', 'case', 'Go to Cases', '/cases'],
  ])('%s offers the way back to the list the %s belongs to', async (path, what, label, href) => {
    fakeFetch(signedIn, ({ path: p }) => (p === `/api${path}` ? notFound(what) : undefined));
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: `This ${what} was not found` }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: label })).toHaveAttribute('href', href);
  });

  it('a bad id is not found too, with the same way back', async () => {
    fakeFetch(signedIn);
    renderApp('/cases/not-a-number');
    expect(await screen.findByRole('heading', { level: 1, name: 'This case was not found' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Cases' })).toHaveAttribute('href', '/cases');
  });

  it.each(['1e3', '0x10', '001000262', '-5', '1.0'])('an id written as %s is not found, and never asked for', async (id) => {
    const asked: string[] = [];
    fakeFetch(signedIn, ({ path: p }) => {
      if (p.startsWith('/api/people/')) asked.push(p);
      return undefined;
    });
    renderApp(`/people/${id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'This person was not found' }, { timeout: 5000 })).toBeInTheDocument();
    expect(asked).toEqual([]);
  });

  it('an unknown address goes to People', async () => {
    fakeFetch(signedIn);
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to People' })).toHaveAttribute('href', '/people');
  });
});
