import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GroupWithMembers, User } from '../../../server/api/types';
import { clearToasts } from '../../components/toast-store';
import { fakeFetch, renderApp, signedIn, type FakeRoute } from '../../test/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
  clearToasts();
});

const error = (status: number, message: string, extra: { fields?: Record<string, string[]>; code?: string } = {}) =>
  Response.json({ error: { status, message, ...extra } }, { status });

const user = (id: number, name: string): User => ({ id, name, emailAddress: `${name.split(' ')[0].toLowerCase()}@example.com`, admin: false, createdAt: null, updatedAt: null });
const USERS = [user(1, 'Mara Lindqvist'), user(2, 'Jonas Okafor'), user(3, 'Priya Raman')];
const ADMIN_ONLY = 'Only account administrators can manage groups. Ask an administrator of this Highrise account to add, rename or remove a group or change who is in it.';

/** A fake BFF that keeps groups like the real one: created, renamed, deleted, members added and removed. */
function groupsBff(initial: { id: number; name: string; userIds: number[] }[] = []) {
  let groups = initial.map((g) => ({ ...g, userIds: [...g.userIds] }));
  let nextId = 500;
  const shape = (g: (typeof groups)[number]): GroupWithMembers => ({
    id: g.id,
    name: g.name,
    members: g.userIds.map((id) => USERS.find((u) => u.id === id)!).map((u) => ({ userId: u.id!, name: u.name, emailAddress: u.emailAddress })),
  });
  const route: FakeRoute = ({ method, path, body }) => {
    if (method === 'GET' && path === '/api/users') return Response.json({ data: USERS });
    if (method === 'GET' && path === '/api/groups?members=1') return Response.json({ data: groups.map(shape) });
    if (method === 'GET' && path === '/api/groups') return Response.json({ data: groups.map((g) => ({ id: g.id, name: g.name, users: [] })), available: true });
    if (method === 'POST' && path === '/api/groups') {
      const name = (body as { name: string }).name;
      if (name === 'Refused') return error(422, 'Highrise could not save this: Name is reserved', { fields: { name: ['Name is reserved'] } });
      const g = { id: nextId++, name, userIds: [] };
      groups = [...groups, g];
      return Response.json({ data: shape(g) }, { status: 201 });
    }
    const member = /^\/api\/groups\/(\d+)\/members(?:\/(\d+))?$/.exec(path);
    if (member) {
      const g = groups.find((x) => x.id === Number(member[1]));
      if (!g) return error(404, 'That group no longer exists in Highrise (someone may have deleted it). Reload the list.');
      if (method === 'POST') {
        const userId = (body as { userId: number }).userId;
        if (g.userIds.includes(userId)) return error(409, 'That person is already a member of this group.', { code: 'already_member', fields: { userId: ['That person is already a member of this group.'] } });
        g.userIds.push(userId);
        return Response.json({ data: { id: 900 + userId, groupId: g.id, userId, createdAt: null, updatedAt: null } }, { status: 201 });
      }
      if (method === 'DELETE') {
        const userId = Number(member[2]);
        if (!g.userIds.includes(userId)) return error(404, 'That person is not a member of this group.', { code: 'not_member' });
        g.userIds = g.userIds.filter((id) => id !== userId);
        return new Response(null, { status: 204 });
      }
    }
    const one = /^\/api\/groups\/(\d+)$/.exec(path);
    if (one) {
      const g = groups.find((x) => x.id === Number(one[1]));
      if (!g) return error(404, 'That group no longer exists in Highrise (someone may have deleted it). Reload the list.');
      if (method === 'PUT') {
        const name = (body as { name: string }).name;
        if (name === 'Refused') return error(422, 'Highrise could not save this: Name is reserved', { fields: { name: ['Name is reserved'] } });
        g.name = name;
        return Response.json({ data: shape(g) });
      }
      if (method === 'DELETE') {
        groups = groups.filter((x) => x !== g);
        return new Response(null, { status: 204 });
      }
    }
    return undefined;
  };
  return { route, groups: () => groups };
}

const section = () => screen.getByRole('region', { name: 'Groups' });
const visible = { ignore: '.sr-only, script, style' };
const pageLoaded = () => screen.findByRole('heading', { level: 1, name: 'Groups' }, { timeout: 5000 });
const SALES = { id: 1, name: 'Sales team', userIds: [1, 2] };
const LEADERSHIP = { id: 2, name: 'Leadership', userIds: [1, 3] };

describe('Groups settings page', () => {
  it('lists each group with its members and labelled controls, linked from the header', async () => {
    fakeFetch(signedIn, groupsBff([SALES, LEADERSHIP]).route);
    renderApp('/settings/groups');
    await pageLoaded();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(await within(section()).findByRole('heading', { level: 3, name: 'Sales team' })).toBeInTheDocument();
    const sales = within(section()).getByRole('list', { name: 'Members of Sales team' });
    expect(within(sales).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Mara Lindqvist'),
      expect.stringContaining('Jonas Okafor'),
    ]);
    expect(within(sales).getByRole('button', { name: 'Remove Jonas Okafor from Sales team' })).toBeInTheDocument();
    expect(within(section()).getByRole('button', { name: 'Rename Sales team' })).toBeInTheDocument();
    expect(within(section()).getByRole('button', { name: 'Delete Leadership' })).toBeInTheDocument();
    // The picker offers only the account's people not yet in the group.
    const picker = await within(section()).findByRole('combobox', { name: 'Add a person to Sales team' });
    await waitFor(() => expect(picker).toBeEnabled());
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a person to add…', 'Priya Raman']);
    expect(screen.getByLabelText('New group name')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page');
  });

  it('someone who is not an administrator gets a plain explanation and no controls', async () => {
    fakeFetch(signedIn, ({ path }) => (path === '/api/groups?members=1' ? error(403, ADMIN_ONLY, { code: 'admin_only' }) : undefined), groupsBff([SALES]).route);
    renderApp('/settings/groups');
    await pageLoaded();
    expect(await within(section()).findByText(/Only account administrators can see and change groups/)).toBeInTheDocument();
    expect(within(section()).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(section()).queryByRole('button')).not.toBeInTheDocument();
    expect(within(section()).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(section()).queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('says what to do when there are none, and offers Try again when the list fails', async () => {
    let fail = true;
    const bff = groupsBff([]);
    fakeFetch(signedIn, ({ path }) => (path === '/api/groups?members=1' && fail ? error(502, 'Highrise had a problem answering (status 500). Try again in a moment.') : undefined), bff.route);
    renderApp('/settings/groups');
    await pageLoaded();
    const alert = await within(section()).findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent('Could not load the groups');
    expect(alert).toHaveTextContent('Highrise had a problem answering');
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(section()).findByText('No groups yet', visible)).toBeInTheDocument();
  });

  it('adds a group; a blank or refused name keeps what was typed and says why beside the input', async () => {
    const bff = groupsBff([SALES]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/groups');
    await pageLoaded();
    const u = userEvent.setup();
    const input = await screen.findByLabelText('New group name');
    await within(section()).findByRole('heading', { level: 3, name: 'Sales team' });

    await u.click(screen.getByRole('button', { name: 'Add group' }));
    expect(input).toHaveAccessibleDescription('Enter a name for the group.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await u.type(input, 'Refused{Enter}');
    await waitFor(() => expect(input).toHaveAccessibleDescription('Name is reserved'));
    expect(input).toHaveValue('Refused');
    expect(input).toHaveFocus();

    await u.clear(input);
    await u.type(input, '  Field crew {Enter}');
    expect(await within(section()).findByRole('heading', { level: 3, name: 'Field crew' })).toBeInTheDocument();
    expect(input).toHaveValue('');
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ name: 'Field crew' });
    expect(await screen.findByText('Added the group “Field crew”', visible)).toBeInTheDocument();
    expect(within(section()).getByText('No one is in this group yet.')).toBeInTheDocument();
  });

  it('a double click on Add group creates one group', async () => {
    const bff = groupsBff([SALES]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/groups');
    await pageLoaded();
    const input = await screen.findByLabelText('New group name');
    await within(section()).findByRole('heading', { level: 3, name: 'Sales team' });
    await userEvent.setup().type(input, 'Field crew');
    const button = screen.getByRole('button', { name: 'Add group' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await within(section()).findByRole('heading', { level: 3, name: 'Field crew' })).toBeInTheDocument();
    await waitFor(() => expect(input).toHaveValue(''));
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/groups')).toHaveLength(1);
    expect(bff.groups().map((g) => g.name)).toEqual(['Sales team', 'Field crew']);
    expect(await screen.findAllByText('Added the group “Field crew”', visible)).toHaveLength(1);
  });

  it('renames inline: Enter saves, Escape cancels, a refused save keeps the text with the reason beside it', async () => {
    const bff = groupsBff([{ id: 1, name: 'Sales tem', userIds: [2] }]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/groups');
    await pageLoaded();
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Rename Sales tem' }));
    let input = screen.getByRole('textbox', { name: 'New name for Sales tem' });
    expect(input).toHaveFocus();

    await u.keyboard('Something else{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New name for Sales tem' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rename Sales tem' })).toHaveFocus();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await u.keyboard('{Enter}');
    input = screen.getByRole('textbox', { name: 'New name for Sales tem' });
    await u.clear(input);
    await u.type(input, 'Bad\u0007{Enter}');
    expect(input).toHaveAccessibleDescription(/control character/);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await u.clear(input);
    await u.type(input, 'Refused{Enter}');
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Name is reserved/));
    expect(input).toHaveValue('Refused');
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await u.clear(input);
    await u.type(input, 'Sales team{Enter}');
    expect(await within(section()).findByRole('button', { name: 'Rename Sales team' })).toHaveFocus();
    expect(calls.filter((c) => c.method === 'PUT').at(-1)).toMatchObject({ path: '/api/groups/1', body: { name: 'Sales team' } });
    expect(bff.groups()[0].name).toBe('Sales team');
    // Members stay.
    expect(within(section()).getByRole('button', { name: 'Remove Jonas Okafor from Sales team' })).toBeInTheDocument();
  });

  it('deletes only after a confirmation that says what happens to records visible to the group, then focus lands on the section', async () => {
    const bff = groupsBff([SALES, LEADERSHIP]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/groups');
    await pageLoaded();
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Delete Leadership' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete the group “Leadership”?' });
    expect(dialog).toHaveAccessibleDescription(/visible only to “Leadership” become visible to no one/);
    expect(dialog).toHaveTextContent('Its 2 members stay in the account; only the group goes.');
    await u.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await u.click(screen.getByRole('button', { name: 'Delete Leadership' }));
    dialog = screen.getByRole('dialog', { name: 'Delete the group “Leadership”?' });
    await u.click(within(dialog).getByRole('button', { name: 'Delete group' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(section()).queryByRole('heading', { level: 3, name: 'Leadership' })).not.toBeInTheDocument();
    expect(within(section()).getByRole('heading', { level: 3, name: 'Sales team' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Groups' })).toHaveFocus();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/groups/2']);
  });

  it('adds a member chosen among the people not yet in the group, and removes them with the button named for them', async () => {
    const bff = groupsBff([SALES]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/groups');
    await pageLoaded();
    const u = userEvent.setup();
    const picker = await within(section()).findByRole('combobox', { name: 'Add a person to Sales team' });
    await waitFor(() => expect(picker).toBeEnabled());

    // Nothing chosen: the reason beside the picker, nothing sent.
    await u.click(within(section()).getByRole('button', { name: 'Add to Sales team' }));
    expect(picker).toHaveAccessibleDescription('Choose a person to add.');
    expect(calls.some((c) => c.path.endsWith('/members'))).toBe(false);

    await u.selectOptions(picker, 'Priya Raman');
    await u.click(within(section()).getByRole('button', { name: 'Add to Sales team' }));
    const members = () => within(section()).getByRole('list', { name: 'Members of Sales team' });
    expect(await within(members()).findByText('Priya Raman', visible)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)).toMatchObject({ path: '/api/groups/1/members', body: { userId: 3 } });
    expect(await screen.findByText('Added Priya Raman to “Sales team”', visible)).toBeInTheDocument();
    // Everyone is in it now.
    expect(await within(section()).findByText('Everyone in this account is in this group.')).toBeInTheDocument();

    await u.click(within(members()).getByRole('button', { name: 'Remove Jonas Okafor from Sales team' }));
    await waitFor(() => expect(within(members()).queryByText('Jonas Okafor', visible)).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/groups/1/members/2']);
    expect(await screen.findByText('Removed Jonas Okafor from “Sales team”', visible)).toBeInTheDocument();
    // Their button is gone: focus is on the picker, which offers them again.
    const again = within(section()).getByRole('combobox', { name: 'Add a person to Sales team' });
    await waitFor(() => expect(again).toHaveFocus());
    expect(within(again).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a person to add…', 'Jonas Okafor']);
    expect(bff.groups()[0].userIds).toEqual([1, 3]);
  });

  it('adding someone who was added elsewhere in the meantime says so, and the list shows them', async () => {
    const bff = groupsBff([SALES]);
    fakeFetch(signedIn, ({ method, path }) => {
      // Someone else added Priya after this page loaded.
      if (method === 'POST' && path === '/api/groups/1/members' && !bff.groups()[0].userIds.includes(3)) bff.groups()[0].userIds.push(3);
      return undefined;
    }, bff.route);
    renderApp('/settings/groups');
    await pageLoaded();
    const u = userEvent.setup();
    const picker = await within(section()).findByRole('combobox', { name: 'Add a person to Sales team' });
    await waitFor(() => expect(picker).toBeEnabled());
    await u.selectOptions(picker, 'Priya Raman');
    await u.click(within(section()).getByRole('button', { name: 'Add to Sales team' }));
    expect(await screen.findByText('Priya Raman is already in “Sales team”.', visible)).toBeInTheDocument();
    // The list is reloaded and shows her.
    expect(await within(within(section()).getByRole('list', { name: 'Members of Sales team' })).findByText('Priya Raman', visible)).toBeInTheDocument();
  });

  it('a form’s group choice shows a group added a moment ago (the forms’ cached groups are refreshed)', async () => {
    const bff = groupsBff([]);
    fakeFetch(signedIn, bff.route, ({ path }) => (path.startsWith('/api/custom-fields') ? Response.json({ data: [] }) : undefined));
    const { router } = renderApp('/people/new');
    const visibility = await screen.findByRole('combobox', { name: 'Visible to' }, { timeout: 5000 });
    await waitFor(() => expect(within(visibility).queryByRole('option', { name: 'A group' })).not.toBeInTheDocument());
    await act(() => router.navigate('/settings/groups'));
    await pageLoaded();
    const u = userEvent.setup();
    await u.type(await screen.findByLabelText('New group name'), 'Partners{Enter}');
    await within(section()).findByRole('heading', { level: 3, name: 'Partners' });
    await act(() => router.navigate('/people/new'));
    const again = await screen.findByRole('combobox', { name: 'Visible to' });
    await u.selectOptions(again, 'A group');
    expect(within(screen.getByRole('combobox', { name: /^Group/ })).getByRole('option', { name: 'Partners' })).toBeInTheDocument();
  });
});
