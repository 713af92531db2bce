import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearToasts } from '../../components/toast-store';
import { fakeFetch, renderApp, signedIn, type FakeRoute } from '../../test/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
  clearToasts();
});

const base = (groups: unknown): FakeRoute => ({ method, path }) => {
  if (method !== 'GET') return undefined;
  if (path === '/api/deal-categories') return Response.json({ data: [] });
  if (path === '/api/users') return Response.json({ data: [{ id: 70001, name: 'Mara Lindqvist' }] });
  if (path === '/api/custom-fields?type=deal') return Response.json({ data: [{ id: 307, label: 'Expected close', type: 'deal' }] });
  if (path === '/api/groups') return Response.json(groups);
  return undefined;
};

describe('deal form: custom fields and visibility', () => {
  it('sends a deal custom field value; a non-admin is offered only Everyone and Only me', async () => {
    const { calls } = fakeFetch(signedIn, base({ data: [], available: false }), ({ method, path, body }) =>
      method === 'POST' && path === '/api/deals' ? Response.json({ data: { id: 2000099, name: (body as { name: string }).name, parties: [], tags: [], customFields: [] } }, { status: 201 }) : undefined,
    );
    renderApp('/deals/new');
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'Expected close' });
    const visibility = screen.getByRole('combobox', { name: /Who can see this deal/ });
    expect(within(visibility).getAllByRole('option').map((o) => o.textContent)).toEqual(['Everyone', 'Only me']);
    await waitFor(() => expect(screen.getByText('Only admins can share with a group.')).toBeInTheDocument());
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Fielded');
    await user.type(field, 'End of June');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ name: 'Fielded', visibleTo: 'Everyone', groupId: null, customFields: [{ subjectFieldId: 307, value: 'End of June' }] });
  });

  it('an admin can share with a group, chosen from the account’s groups', async () => {
    const { calls } = fakeFetch(signedIn, base({ data: [{ id: 40001, name: 'Sales team', users: [] }, { id: 40002, name: 'Leadership', users: [] }], available: true }), ({ method, path }) =>
      method === 'POST' && path === '/api/deals' ? Response.json({ data: { id: 2000100, name: 'Shared', parties: [], tags: [], customFields: [] } }, { status: 201 }) : undefined,
    );
    renderApp('/deals/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Shared');
    const visibility = screen.getByRole('combobox', { name: /Who can see this deal/ });
    await waitFor(() => expect(within(visibility).getAllByRole('option').map((o) => o.textContent)).toEqual(['Everyone', 'Only me', 'A group']));
    await user.selectOptions(visibility, 'NamedGroup');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Group/ }), 'Leadership');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ visibleTo: 'NamedGroup', groupId: 40002 });
    expect(sent.customFields).toBeUndefined();
  });

  it('shows every problem at once: a fractional price and a missing duration for an hourly deal', async () => {
    const { calls } = fakeFetch(signedIn, base({ data: [], available: false }));
    renderApp('/deals/new');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Consulting');
    await user.type(screen.getByRole('textbox', { name: /^Price/ }), '12.5');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Price type/ }), 'hour');
    expect(screen.getByText(/Deal value:/)).toHaveTextContent('Deal value: —');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findByText('Enter a whole number (no cents, no separators).')).toBeInTheDocument();
    expect(screen.getByText('Enter how many hours, months or years the deal runs.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('editing a deal with a contact saves a changed custom field and sends no party (a deal keeps its contact)', async () => {
    const deal = {
      id: 2000001, name: 'Spring order', background: null, status: 'pending', currency: 'USD', price: 48000, priceType: 'fixed', duration: null,
      categoryId: null, responsiblePartyId: null, visibleTo: 'Everyone', groupId: null, ownerId: null,
      party: { type: 'Company', id: 1000001, name: 'Harbor & Finch Ltd' }, parties: [], tags: [],
      customFields: [{ id: 8000001, subjectFieldId: 307, subjectFieldLabel: 'Expected close', value: 'End of Q2' }],
    };
    const { calls } = fakeFetch(signedIn, base({ data: [], available: false }), ({ method, path }) => {
      if (path !== '/api/deals/2000001') return undefined;
      if (method === 'GET') return Response.json({ data: deal });
      if (method === 'PATCH') return Response.json({ data: deal });
      return undefined;
    });
    renderApp('/deals/2000001/edit');
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'Expected close' });
    await waitFor(() => expect(field).toHaveValue('End of Q2'));
    await user.clear(field);
    await user.type(field, 'Mid July');
    await user.click(screen.getByRole('button', { name: 'Save deal' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(screen.queryByText('Some fields need attention.')).not.toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'PATCH')?.body as Record<string, unknown>;
    expect(sent).toEqual({ customFields: [{ id: 8000001, value: 'Mid July' }] });
  });
});
