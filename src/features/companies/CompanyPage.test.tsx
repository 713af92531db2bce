import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Company } from '../../../server/api/types';
import { clearToasts } from '../../components/toast-store';
import { fakeFetch, renderApp, signedIn } from '../../test/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
  clearToasts();
});

function company(over: Partial<Company> = {}): Company {
  return {
    id: 40, name: 'Fjord Ltd', background: null, avatarUrl: null, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z',
    visibleTo: 'Everyone', ownerId: null, groupId: null, authorId: 1,
    contactData: { emailAddresses: [], phoneNumbers: [], addresses: [], instantMessengers: [], twitterAccounts: [], webAddresses: [] },
    customFields: [], tags: [], ...over,
  };
}

describe('company page', () => {
  it('a double click on the confirmation’s Delete sends one DELETE and one toast', async () => {
    const { calls } = fakeFetch(signedIn, ({ method, path }) => {
      if (path === '/api/companies/40' && method === 'GET') return Response.json({ data: company() });
      if (path === '/api/companies/40' && method === 'DELETE') return new Response(null, { status: 204 });
      if (path === '/api/companies/40/people') return Response.json({ data: [] });
      return undefined;
    });
    const { router } = renderApp('/companies/40');
    expect(await screen.findByRole('heading', { level: 1, name: 'Fjord Ltd' }, { timeout: 5000 })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = within(screen.getByRole('dialog', { name: 'Delete Fjord Ltd?' })).getByRole('button', { name: 'Delete Fjord Ltd' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(router.state.location.pathname).not.toBe('/companies/40'));
    expect(await screen.findAllByText('Deleted Fjord Ltd')).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('a phone number with nothing to dial is plain text, shown as stored; a real one is a tel: link', async () => {
    fakeFetch(signedIn, ({ path }) => {
      if (path === '/api/companies/40') {
        return Response.json({
          data: company({
            contactData: {
              ...company().contactData,
              phoneNumbers: [
                { id: 1, number: '  call me maybe ', location: 'Work' },
                { id: 2, number: ' +47 22 00-00 00 ', location: 'Mobile' },
              ],
            },
          }),
        });
      }
      if (path === '/api/companies/40/people') return Response.json({ data: [] });
      return undefined;
    });
    renderApp('/companies/40');
    const contact = await screen.findByRole('region', { name: 'Contact' }, { timeout: 5000 });
    const text = await within(contact).findByText('call me maybe');
    expect(text.closest('a')).toBeNull();
    expect(text.textContent).toBe('call me maybe');
    expect(within(contact).queryByRole('link', { name: /call me maybe/ })).not.toBeInTheDocument();
    expect(within(contact).getByRole('link', { name: '+47 22 00-00 00' })).toHaveAttribute('href', 'tel:+4722000000');
  });
});
