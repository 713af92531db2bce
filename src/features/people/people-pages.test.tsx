import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearToasts } from '../../components/toast-store';
import { fakeFetch, renderApp, signedIn } from '../../test/render-app';
import { makePerson } from './test-fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  clearToasts();
});

describe('people pages against a fake BFF', () => {
  it('lists people with counts, and shows the empty state on an empty account', async () => {
    fakeFetch(signedIn, ({ path }) =>
      path === '/api/people?page=1' ? Response.json({ data: [makePerson(), makePerson({ id: 6, firstName: 'Charles', lastName: 'Babbage', tags: [] })], page: { number: 1, size: 500, hasMore: false } }) : undefined,
    );
    renderApp('/people');
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/people/5');
    expect(screen.getByText('Showing 1–2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add person' })).toHaveAttribute('href', '/people/new');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.setup().type(screen.getByLabelText('Filter this page'), 'babb');
    expect(screen.queryByRole('link', { name: 'Ada Lovelace' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Charles Babbage' })).toBeInTheDocument();
  });

  it('says what to do when there are no people', async () => {
    fakeFetch(signedIn, ({ path }) => (path === '/api/people?page=1' ? Response.json({ data: [], page: { number: 1, size: 500, hasMore: false } }) : undefined));
    renderApp('/people');
    expect(await screen.findByText('No people yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add a person' })).toBeInTheDocument();
  });

  it('sends the person to sign in when the session has expired, keeping where they were', async () => {
    fakeFetch(
      ({ path }) => (path === '/auth/session' ? Response.json({ authenticated: false, sandbox: true }) : undefined),
    );
    const { router } = renderApp('/people/5?tab=x');
    expect(await screen.findByRole('button', { name: 'Sign in with 37signals' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/signin');
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/people/5?tab=x');
    expect(screen.getByText("You're on the built-in sandbox: sample data, no Highrise account needed.")).toBeInTheDocument();
  });

  it('goes to sign-in, keeping the place, when an API call answers 401 session_expired', async () => {
    fakeFetch(signedIn, ({ path }) =>
      path === '/api/people?page=2' ? Response.json({ error: { status: 401, message: 'Your session expired.', code: 'session_expired' } }, { status: 401 }) : undefined,
    );
    const { router } = renderApp('/people?page=2');
    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/people?page=2');
    // It stays there (no bounce back) and offers the way in.
    expect(await screen.findByRole('button', { name: 'Sign in with 37signals' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/signin');
  });

  it('says Highrise is busy and retries after retryAfter on a 503', async () => {
    let calls = 0;
    fakeFetch(signedIn, ({ path }) => {
      if (path !== '/api/people?page=1') return undefined;
      calls += 1;
      if (calls === 1) return Response.json({ error: { status: 503, message: 'Highrise is busy.', retryAfter: 1, code: 'rate_limited' } }, { status: 503 });
      return Response.json({ data: [makePerson()], page: { number: 1, size: 500, hasMore: false } });
    });
    renderApp('/people');
    expect(await screen.findByText('Highrise is busy; retrying in 1 s.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' }, { timeout: 3000 })).toBeInTheDocument();
    expect(calls).toBe(2);
    expect(screen.queryByText(/Highrise is busy/)).not.toBeInTheDocument();
  });

  it('edits a person: PATCH carries only the changes, then the person page says Saved', async () => {
    let person = makePerson();
    const { calls } = fakeFetch(signedIn, ({ method, path, body }) => {
      if (path !== '/api/people/5') return undefined;
      if (method === 'GET') return Response.json({ data: person });
      if (method === 'PATCH') {
        person = { ...person, title: (body as { title: string }).title };
        return Response.json({ data: person });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp('/people/5/edit');
    const title = await screen.findByLabelText('Title');
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Ada');
    await user.clear(title);
    await user.type(title, 'Countess');
    await user.click(screen.getByRole('button', { name: 'Save person' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByText('Saved')).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ title: 'Countess' });
  });

  it('a save answered 503 with retryAfter says Highrise is busy, then sends the same change again once the wait is over', async () => {
    let person = makePerson();
    let patches = 0;
    const { calls } = fakeFetch(signedIn, ({ method, path, body }) => {
      if (path !== '/api/people/5') return undefined;
      if (method === 'GET') return Response.json({ data: person });
      if (method === 'PATCH') {
        patches += 1;
        if (patches === 1) return Response.json({ error: { status: 503, message: 'Highrise is busy.', retryAfter: 1, code: 'rate_limited' } }, { status: 503, headers: { 'Retry-After': '1' } });
        person = { ...person, title: (body as { title: string }).title };
        return Response.json({ data: person });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp('/people/5/edit');
    const title = await screen.findByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Countess');
    await user.click(screen.getByRole('button', { name: 'Save person' }));

    expect(await screen.findByText('Highrise is busy; retrying in 1 s.')).toBeInTheDocument();
    expect(patches).toBe(1);
    expect(await screen.findByText('Saved', undefined, { timeout: 3000 })).toBeInTheDocument();
    const sent = calls.filter((c) => c.method === 'PATCH');
    expect(sent).toHaveLength(2);
    expect(sent[1].body).toEqual(sent[0].body);
    expect(screen.queryByText(/Highrise is busy/)).not.toBeInTheDocument();
  });

  it('shows a person, then deletes after an accessible confirmation', async () => {
    const { calls } = fakeFetch(signedIn, ({ method, path }) => {
      if (path === '/api/people/5' && method === 'GET') return Response.json({ data: makePerson() });
      if (path === '/api/people/5' && method === 'DELETE') return new Response(null, { status: 204 });
      if (path === '/api/people?page=1') return Response.json({ data: [makePerson()], page: { number: 1, size: 500, hasMore: false } });
      return undefined;
    });
    const user = userEvent.setup();
    // Coming from the people list (with its query), the delete returns there.
    const { router } = renderApp('/people?q=ada');
    await user.click(await screen.findByRole('link', { name: 'Ada Lovelace' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ada@work.example' })).toHaveAttribute('href', 'mailto:ada@work.example');
    expect(screen.getByRole('link', { name: 'https://ada.example' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('Line one Line two', { normalizer: (s) => s.replace(/\s+/g, ' ') })).toHaveClass('whitespace-pre-wrap');

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Ada Lovelace?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete Ada Lovelace' }));
    expect(await screen.findByText('Deleted Ada Lovelace')).toBeInTheDocument();
    // Deleting goes back to the list the person came from, which offers a short undo (a re-creation with a new id).
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe('/people?q=ada'));
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeInTheDocument();
    expect(screen.getByText(/Undo re-creates it from its details and tags as a new record/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/people/5')).toBe(true);
  });
});
