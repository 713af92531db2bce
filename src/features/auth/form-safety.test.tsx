import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearToasts } from '../../components/toast-store';
import { fakeFetch, renderApp, signedIn, type FakeRoute } from '../../test/render-app';
import { makePerson } from '../people/test-fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  clearToasts();
  sessionStorage.clear();
});

const noCustomFields: FakeRoute = ({ path }) => (path.startsWith('/api/custom-fields') ? Response.json({ data: [] }) : undefined);
const noGroups: FakeRoute = ({ path }) => (path === '/api/groups' ? Response.json({ data: [], available: true }) : undefined);
const peopleList: FakeRoute = ({ method, path }) =>
  method === 'GET' && path.startsWith('/api/people?') ? Response.json({ data: [makePerson()], page: { number: 1, size: 500, hasMore: false } }) : undefined;

describe('a form whose session ends during a save', () => {
  it('keeps what was typed, sends the person to sign in, and restores it when they come back', async () => {
    const { calls } = fakeFetch(signedIn, noCustomFields, noGroups, ({ method, path }) =>
      method === 'POST' && path === '/api/people'
        ? Response.json({ error: { status: 401, message: 'Your session expired.', code: 'session_expired' } }, { status: 401 })
        : undefined,
    );
    const first = renderApp('/people/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /First name/ }), 'Grace');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Rear admiral');
    await user.click(screen.getByRole('button', { name: 'Save person' }));

    await waitFor(() => expect(first.router.state.location.pathname).toBe('/signin'));
    expect(new URLSearchParams(first.router.state.location.search).get('returnTo')).toBe('/people/new');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(await screen.findByText('Your session ended — sign in again and your changes will be here.')).toBeInTheDocument();
    expect(sessionStorage.getItem('skyline:form-draft:/people/new')).toContain('Rear admiral');
    first.unmount();
    clearToasts();

    // Back from signing in: a fresh load of the same route.
    renderApp('/people/new');
    expect(await screen.findByRole('textbox', { name: /First name/ })).toHaveValue('Grace');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Rear admiral');
    expect(await screen.findByText('Restored your unsaved changes')).toBeInTheDocument();
    // Used once: a later visit starts blank.
    expect(sessionStorage.getItem('skyline:form-draft:/people/new')).toBeNull();
  });

  it('keeps nothing when the form had no changes', async () => {
    fakeFetch(signedIn, noGroups, ({ method, path }) => {
      if (method === 'GET' && path === '/api/people/5') return Response.json({ data: makePerson() });
      if (path.startsWith('/api/custom-fields')) {
        return new Promise<Response>((r) =>
          setTimeout(() => r(Response.json({ error: { status: 401, message: 'Signed out', code: 'signed_out' } }, { status: 401 })), 300),
        );
      }
      return undefined;
    });
    const { router } = renderApp('/people/5/edit');
    expect(await screen.findByRole('textbox', { name: /First name/ })).toHaveValue('Ada');
    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('skyline:form-draft:'))).toEqual([]);
    expect(screen.queryByText(/your changes will be here/)).not.toBeInTheDocument();
  });
});

describe('unsaved changes', () => {
  it('asks before leaving a changed form for another page; Stay keeps it, Leave goes', async () => {
    fakeFetch(signedIn, noCustomFields, noGroups, peopleList);
    const { router } = renderApp('/people/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /First name/ }), 'Grace');
    await user.click(screen.getByRole('link', { name: 'Deals' }));

    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(within(dialog).getByRole('button', { name: 'Stay' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/people/new');
    expect(screen.getByRole('textbox', { name: /First name/ })).toHaveValue('Grace');

    await user.click(screen.getByRole('link', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/people'));
  });

  it('warns on reload or closing the tab only while there are changes', async () => {
    fakeFetch(signedIn, noCustomFields, noGroups);
    renderApp('/people/new');
    const field = await screen.findByRole('textbox', { name: /First name/ });
    const before = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(before()).toBe(false);
    await userEvent.setup().type(field, 'G');
    expect(before()).toBe(true);
  });

  it('does not ask after a successful save, and sends one POST however often the form is submitted', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const { calls } = fakeFetch(signedIn, noCustomFields, noGroups, ({ method, path }) => {
      if (method === 'POST' && path === '/api/people') {
        return gate.then(() => Response.json({ data: makePerson({ id: 77, firstName: 'Grace', lastName: 'Hopper' }) }, { status: 201 }));
      }
      if (method === 'GET' && path === '/api/people/77') return Response.json({ data: makePerson({ id: 77, firstName: 'Grace', lastName: 'Hopper' }) });
      return undefined;
    });
    const { router } = renderApp('/people/new');
    await userEvent.setup().type(await screen.findByRole('textbox', { name: /First name/ }), 'Grace');
    const form = screen.getByRole('form', { name: 'New person' }) as HTMLFormElement;
    act(() => {
      form.requestSubmit();
      form.requestSubmit();
      fireEvent.submit(form);
    });
    release();
    await waitFor(() => expect(router.state.location.pathname).toBe('/people/77'));
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/people')).toHaveLength(1);
    expect(screen.queryByRole('dialog', { name: 'Leave without saving?' })).not.toBeInTheDocument();
  });
});

describe('focus after navigation', () => {
  it('moves to the new page’s h1, not on first load and not for a query-string change', async () => {
    fakeFetch(signedIn, peopleList, ({ path }) => (path.startsWith('/api/companies') || path.startsWith('/api/contacts') ? Response.json({ data: [], page: { number: 1, size: 500, hasMore: false } }) : undefined));
    const { router } = renderApp('/people');
    const h1 = await screen.findByRole('heading', { level: 1, name: 'People' });
    await new Promise((r) => setTimeout(r, 50));
    expect(h1).not.toHaveFocus();

    act(() => void router.navigate('/people?page=2'));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByRole('heading', { level: 1, name: 'People' })).not.toHaveFocus();

    await userEvent.setup().click(screen.getByRole('link', { name: 'Companies' }));
    const next = await screen.findByRole('heading', { level: 1, name: 'Companies' });
    await waitFor(() => expect(next).toHaveFocus());
  });
});

describe('the phone menu', () => {
  it('opens the nav from a Menu button, closes on Esc and on navigation', async () => {
    fakeFetch(signedIn, peopleList);
    const { router } = renderApp('/people');
    const user = userEvent.setup();
    const menu = await screen.findByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveAttribute('aria-controls', nav.id);
    expect(nav.className).toMatch(/(^| )hidden( |$)/);

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(nav.className).not.toMatch(/(^| )hidden( |$)/);
    within(nav).getByRole('link', { name: 'Deals' }).focus();
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await user.click(menu);
    await user.click(within(nav).getByRole('link', { name: 'Search' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    await waitFor(() => expect(menu).toHaveAttribute('aria-expanded', 'false'));
  });
});

describe('custom fields on the New person form', () => {
  it('says when their definitions could not be loaded, and Try again loads them', async () => {
    let attempts = 0;
    fakeFetch(signedIn, noGroups, ({ path }) => {
      if (!path.startsWith('/api/custom-fields')) return undefined;
      attempts += 1;
      if (attempts === 1) return Response.json({ error: { status: 403, message: 'Highrise refused this request.' } }, { status: 403 });
      return Response.json({ data: [{ id: 3, label: 'Birthday', type: 'party' }] });
    });
    renderApp('/people/new');
    const section = await screen.findByRole('region', { name: 'Custom fields' });
    expect(within(section).getByRole('heading', { name: 'Custom fields could not be loaded' })).toBeInTheDocument();
    expect(within(section).getByText('Highrise refused this request.')).toBeInTheDocument();
    await userEvent.setup().click(within(section).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('textbox', { name: 'Birthday' })).toBeInTheDocument();
    expect(screen.queryByText('Custom fields could not be loaded')).not.toBeInTheDocument();
  });
});
