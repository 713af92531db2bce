import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubjectField } from '../../../server/api/types';
import { clearToasts } from '../../components/toast-store';
import { fakeFetch, renderApp, signedIn, type FakeRoute } from '../../test/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
  clearToasts();
});

const error = (status: number, message: string, fields?: Record<string, string[]>) => Response.json({ error: { status, message, fields } }, { status });

/** A fake BFF that keeps custom fields like the real one: party fields can be added, renamed, removed. */
function fieldsBff(initial: SubjectField[] = [], deal: SubjectField[] = [{ id: 900, label: 'Expected close', type: 'deal' }]) {
  let party = [...initial];
  let nextId = 500;
  const route: FakeRoute = ({ method, path, body }) => {
    if (method === 'GET' && path === '/api/custom-fields?type=party') return Response.json({ data: party });
    if (method === 'GET' && path === '/api/custom-fields?type=deal') return Response.json({ data: deal });
    if (method === 'POST' && path === '/api/custom-fields') {
      const label = (body as { label: string }).label;
      if (party.some((f) => f.label?.toLowerCase() === label.toLowerCase())) {
        return error(422, 'Highrise could not save this: Label has already been taken', { label: ['Label has already been taken'] });
      }
      const field = { id: nextId++, label, type: 'party' };
      party = [...party, field];
      return Response.json({ data: field }, { status: 201 });
    }
    const m = /^\/api\/custom-fields\/(\d+)$/.exec(path);
    if (m) {
      const id = Number(m[1]);
      const field = party.find((f) => f.id === id);
      if (!field) return error(404, 'That custom field no longer exists in Highrise (someone may have removed it). Reload the list.');
      if (method === 'PUT') {
        const label = (body as { label: string }).label;
        if (label === 'Refused') return error(422, 'Highrise could not save this: Label is reserved', { label: ['Label is reserved'] });
        party = party.map((f) => (f.id === id ? { ...f, label } : f));
        return Response.json({ data: { ...field, label } });
      }
      if (method === 'DELETE') {
        party = party.filter((f) => f.id !== id);
        return new Response(null, { status: 204 });
      }
    }
    return undefined;
  };
  return { route, party: () => party };
}

const partySection = () => screen.getByRole('region', { name: 'People and companies' });
/** Labels also sit in the buttons' screen-reader text ("Rename Birthday"); match the visible one. */
const visible = { ignore: '.sr-only, script, style' };
/** The page's code is split out and loaded on first visit. */
const pageLoaded = () => screen.findByRole('heading', { level: 1, name: 'Custom fields' }, { timeout: 5000 });

describe('Custom fields settings page', () => {
  it('lists party fields with actions and deal fields read-only, with why', async () => {
    const bff = fieldsBff([{ id: 1, label: 'Birthday', type: 'party' }]);
    fakeFetch(signedIn, bff.route);
    renderApp('/settings/custom-fields');
    expect(await pageLoaded()).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(await within(partySection()).findByText('Birthday', visible)).toBeInTheDocument();
    expect(within(partySection()).getByRole('button', { name: 'Rename Birthday' })).toBeInTheDocument();
    expect(within(partySection()).getByRole('button', { name: 'Delete Birthday' })).toBeInTheDocument();
    const deals = screen.getByRole('region', { name: 'Deals' });
    expect(await within(deals).findByText('Expected close', visible)).toBeInTheDocument();
    expect(within(deals).queryByRole('button')).not.toBeInTheDocument();
    expect(within(deals).getByText(/Highrise only lets apps add fields for people and companies/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Custom fields' })).toHaveAttribute('aria-current', 'page');
  });

  it('says what to do when there are none, and offers Try again when the list fails', async () => {
    let fail = true;
    const bff = fieldsBff([], []);
    fakeFetch(signedIn, ({ method, path }) => (method === 'GET' && path === '/api/custom-fields?type=party' && fail ? error(502, 'Highrise had a problem answering (status 500). Try again in a moment.') : undefined), bff.route);
    renderApp('/settings/custom-fields');
    await pageLoaded();
    const alert = await within(partySection()).findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent('Could not load the custom fields');
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(partySection()).findByText('No custom fields yet', visible)).toBeInTheDocument();
    expect(screen.getByText('This account has no deal fields.')).toBeInTheDocument();
  });

  it('adds a field; a label it refuses keeps what was typed and says why beside the input', async () => {
    const bff = fieldsBff([{ id: 1, label: 'Birthday', type: 'party' }]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/custom-fields');
    await pageLoaded();
    const user = userEvent.setup();
    const input = await screen.findByLabelText('New field label');
    await within(partySection()).findByText('Birthday', visible);

    await user.click(screen.getByRole('button', { name: 'Add field' }));
    expect(input).toHaveAccessibleDescription('Enter a label for the field.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(input, 'birthday{Enter}');
    await waitFor(() => expect(input).toHaveAccessibleDescription('Label has already been taken'));
    expect(input).toHaveValue('birthday');
    expect(input).toHaveFocus();

    await user.clear(input);
    await user.type(input, '  Shoe size {Enter}');
    expect(await within(partySection()).findByText('Shoe size', visible)).toBeInTheDocument();
    expect(input).toHaveValue('');
    expect(input).not.toHaveAccessibleDescription();
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ label: 'Shoe size' });
    expect(await screen.findByText('Added the field “Shoe size”', visible)).toBeInTheDocument();
  });

  it('a double click on Add field sends one request and leaves no “already taken” error behind', async () => {
    const bff = fieldsBff([{ id: 1, label: 'Birthday', type: 'party' }]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/custom-fields');
    await pageLoaded();
    const input = await screen.findByLabelText('New field label');
    await within(partySection()).findByText('Birthday', visible);
    await userEvent.setup().type(input, 'Shoe size');
    // Two clicks in the same moment: the second lands before React re-renders the button busy.
    const button = screen.getByRole('button', { name: 'Add field' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await within(partySection()).findByText('Shoe size', visible)).toBeInTheDocument();
    await waitFor(() => expect(input).toHaveValue(''));
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/custom-fields')).toHaveLength(1);
    expect(input).not.toHaveAccessibleDescription();
    expect(screen.queryByText('Label has already been taken')).not.toBeInTheDocument();
    expect(await screen.findAllByText('Added the field “Shoe size”', visible)).toHaveLength(1);
    expect(bff.party().map((f) => f.label)).toEqual(['Birthday', 'Shoe size']);
  });

  it('a double click on Delete field in the confirmation sends one DELETE and says so once', async () => {
    const bff = fieldsBff([
      { id: 1, label: 'Birthday', type: 'party' },
      { id: 2, label: 'Shoe size', type: 'party' },
    ]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/custom-fields');
    await pageLoaded();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Delete Shoe size' }));
    const confirm = within(screen.getByRole('dialog', { name: 'Delete the field “Shoe size”?' })).getByRole('button', { name: 'Delete field' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
    expect(await screen.findAllByText('Deleted the field “Shoe size”', visible)).toHaveLength(1);
    expect(screen.queryByText(/had already been deleted/)).not.toBeInTheDocument();
  });

  it('renames inline: Enter saves, Escape cancels, a failed save keeps the text and shows the error beside the field', async () => {
    const bff = fieldsBff([{ id: 1, label: 'Shoe sise', type: 'party' }]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/custom-fields');
    await pageLoaded();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Rename Shoe sise' }));
    let input = screen.getByRole('textbox', { name: 'New label for Shoe sise' });
    expect(input).toHaveFocus();

    // Escape: nothing sent, label unchanged, focus back on Rename.
    await user.keyboard('Something else{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New label for Shoe sise' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rename Shoe sise' })).toHaveFocus();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    // A refused save keeps the text, with the reason tied to the input.
    await user.keyboard('{Enter}');
    input = screen.getByRole('textbox', { name: 'New label for Shoe sise' });
    await user.clear(input);
    await user.type(input, 'Refused{Enter}');
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Label is reserved/));
    expect(input).toHaveValue('Refused');
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await user.clear(input);
    await user.type(input, 'Shoe size{Enter}');
    expect(await within(partySection()).findByRole('button', { name: 'Rename Shoe size' })).toHaveFocus();
    expect(calls.filter((c) => c.method === 'PUT').at(-1)).toMatchObject({ path: '/api/custom-fields/1', body: { label: 'Shoe size' } });
    expect(bff.party()[0].label).toBe('Shoe size');
  });

  it('deletes only after a confirmation that says the values go too, then focus lands on the section', async () => {
    const bff = fieldsBff([
      { id: 1, label: 'Birthday', type: 'party' },
      { id: 2, label: 'Shoe size', type: 'party' },
    ]);
    const { calls } = fakeFetch(signedIn, bff.route);
    renderApp('/settings/custom-fields');
    await pageLoaded();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete Shoe size' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete the field “Shoe size”?' });
    expect(dialog).toHaveAccessibleDescription(/removed from every person and company/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete Shoe size' }));
    dialog = screen.getByRole('dialog', { name: 'Delete the field “Shoe size”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete field' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(partySection()).queryByText('Shoe size', visible)).not.toBeInTheDocument();
    expect(within(partySection()).getByText('Birthday', visible)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'People and companies' })).toHaveFocus();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/custom-fields/2']);
  });

  it('the New person form shows a field added a moment ago (the forms’ cached definitions are refreshed)', async () => {
    const bff = fieldsBff([{ id: 1, label: 'Birthday', type: 'party' }]);
    fakeFetch(signedIn, bff.route, ({ path }) => (path === '/api/groups' ? Response.json({ data: [], available: false }) : undefined));
    const { router } = renderApp('/people/new');
    expect(await screen.findByLabelText('Birthday', {}, { timeout: 5000 })).toBeInTheDocument();
    await act(() => router.navigate('/settings/custom-fields'));
    await pageLoaded();
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('New field label'), 'Shoe size{Enter}');
    await within(partySection()).findByText('Shoe size', visible);
    await act(() => router.navigate('/people/new'));
    expect(await screen.findByLabelText('Shoe size')).toBeInTheDocument();
  });
  it('a field removed elsewhere: renaming it says so, the row goes and focus lands on the section', async () => {
    const bff = fieldsBff([
      { id: 1, label: 'Birthday', type: 'party' },
      { id: 2, label: 'Old field', type: 'party' },
    ]);
    fakeFetch(signedIn, ({ method, path }) => {
      // Someone removed it in Highrise after this page loaded.
      if (method === 'PUT' && path === '/api/custom-fields/2') {
        bff.party().splice(1, 1);
        return error(404, 'That custom field no longer exists in Highrise (someone may have removed it). Reload the list.');
      }
      return undefined;
    }, bff.route);
    renderApp('/settings/custom-fields');
    await pageLoaded();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Rename Old field' }));
    await user.keyboard('New name{Enter}');
    expect(await screen.findByText(/custom field no longer exists/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Rename Old field' })).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 2, name: 'People and companies' })).toHaveFocus();
  });
});
