import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { createQueryClient } from '../../api/query-client';
import { fakeFetch } from '../../test/render-app';
import { emptyValues, valuesFromPerson } from './form-model';
import { PersonForm, type PersonFormSubmit } from './PersonForm';
import { makePerson } from './test-fixtures';

function renderForm(mode: 'create' | 'edit', onSubmit = vi.fn(async (_s: PersonFormSubmit) => {})) {
  const initial = mode === 'create' ? emptyValues() : valuesFromPerson(makePerson());
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter>
        <PersonForm mode={mode} initial={initial} onSubmit={onSubmit} cancelTo="/people" />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { onSubmit, user: userEvent.setup() };
}

function errorFor(input: HTMLElement): string | null {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim() || null;
}

describe('PersonForm (create)', () => {
  it('requires a first name: message next to the field, focus moves there, other values kept', async () => {
    const { onSubmit, user } = renderForm('create');
    await user.type(screen.getByLabelText('Last name'), 'Lovelace');
    await user.type(screen.getByLabelText('Title'), 'Analyst');
    await user.click(screen.getByRole('button', { name: 'Add email' }));
    await user.type(screen.getByLabelText('Email 1'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Save person' }));

    const first = screen.getByLabelText(/^First name/);
    expect(first).toHaveAttribute('aria-invalid', 'true');
    expect(errorFor(first)).toBe('Enter a first name.');
    expect(first).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('First name: Enter a first name.');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Last name')).toHaveValue('Lovelace');
    expect(screen.getByLabelText('Title')).toHaveValue('Analyst');
    expect(screen.getByLabelText('Email 1')).toHaveValue('ada@example.com');
  });

  it('adds and removes email rows, relabelling what is left', async () => {
    const { user, onSubmit } = renderForm('create');
    await user.click(screen.getByRole('button', { name: 'Add email' }));
    expect(screen.getByLabelText('Email 1')).toHaveFocus();
    await user.type(screen.getByLabelText('Email 1'), 'one@example.com');
    await user.click(screen.getByRole('button', { name: 'Add email' }));
    await user.type(screen.getByLabelText('Email 2'), 'two@example.com');
    await user.selectOptions(screen.getByLabelText('Location for email 2'), 'Home');
    expect(screen.getByLabelText('Location for email 1')).toHaveValue('Work');

    await user.click(screen.getByRole('button', { name: 'Remove email 1' }));
    expect(screen.queryByLabelText('Email 2')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Email 1')).toHaveValue('two@example.com');
    expect(screen.getByLabelText('Location for email 1')).toHaveValue('Home');

    await user.type(screen.getByLabelText(/^First name/), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const sent = onSubmit.mock.calls[0][0];
    expect(sent.mode).toBe('create');
    expect(sent.payload).toEqual({ firstName: 'Ada', visibleTo: 'Everyone', contactData: { emailAddresses: [{ location: 'Home', address: 'two@example.com' }] } });
  });

  it('shows a schema message next to an invalid email row', async () => {
    const { user, onSubmit } = renderForm('create');
    await user.type(screen.getByLabelText(/^First name/), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add email' }));
    await user.type(screen.getByLabelText('Email 1'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    const email = screen.getByLabelText('Email 1');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(errorFor(email)).toMatch(/name@example.com/);
    expect(email).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('PersonForm (edit)', () => {
  it('sends only the changed fields', async () => {
    const { user, onSubmit } = renderForm('edit');
    expect(screen.getByLabelText('Company')).toHaveValue('Analytical Engines');
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Countess');
    await user.clear(screen.getByLabelText('Last name'));
    await user.selectOptions(screen.getByLabelText('Location for email 2'), 'Other');
    await user.click(screen.getByRole('button', { name: 'Save person' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toEqual({
      mode: 'edit',
      unchanged: false,
      payload: {
        title: 'Countess',
        lastName: null,
        contactData: { emailAddresses: [{ id: 12, location: 'Other', address: 'ada@home.example' }] },
      },
    });
  });

  it('reports an untouched form as unchanged with an empty payload', async () => {
    const { user, onSubmit } = renderForm('edit');
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    expect(onSubmit.mock.calls[0][0]).toEqual({ mode: 'edit', unchanged: true, payload: {} });
  });

  it('sends a removed existing row as {id, remove: true}', async () => {
    const { user, onSubmit } = renderForm('edit');
    expect(screen.getByLabelText('Email 1')).toHaveValue('ada@work.example');
    await user.click(screen.getByRole('button', { name: 'Remove email 1' }));
    expect(screen.getByLabelText('Email 1')).toHaveValue('ada@home.example');
    await user.click(screen.getByRole('button', { name: 'Remove website 1' }));
    await user.click(screen.getByRole('button', { name: 'Save person' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    const payload = onSubmit.mock.calls[0][0].payload as { contactData: Record<string, unknown[]> };
    // Only the contact data changed: nothing else is sent.
    expect(Object.keys(payload)).toEqual(['contactData']);
    expect(Object.keys(payload.contactData).sort()).toEqual(['emailAddresses', 'webAddresses']);
    expect(payload.contactData.emailAddresses).toHaveLength(1);
    expect(payload.contactData.emailAddresses[0]).toMatchObject({ id: 11, remove: true });
    expect(payload.contactData.webAddresses).toHaveLength(1);
    expect(payload.contactData.webAddresses[0]).toMatchObject({ id: 31, remove: true });
    // The untouched row (id 12) is not sent at all.
    expect(JSON.stringify(payload)).not.toContain('"id":12');
  });

  it('puts server field errors next to the right fields and keeps what was typed', async () => {
    const onSubmit = vi.fn(async (_s: PersonFormSubmit) => {
      throw new ApiError(422, 'Highrise did not accept some fields.', {
        fields: {
          // payload index 0 is the new row, which is form row 3 (after the two existing emails)
          'contactData.emailAddresses.0.address': ['That address is already taken.'],
          title: ['Too fancy.'],
        },
      });
    });
    const { user } = renderForm('edit', onSubmit);
    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Countess of Lovelace');
    await user.click(screen.getByRole('button', { name: 'Add email' }));
    await user.type(screen.getByLabelText('Email 3'), 'taken@example.com');
    await user.click(screen.getByRole('button', { name: 'Save person' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Highrise did not accept some fields.');
    const email3 = screen.getByLabelText('Email 3');
    expect(email3).toHaveAttribute('aria-invalid', 'true');
    expect(errorFor(email3)).toBe('That address is already taken.');
    expect(screen.getByLabelText('Email 1')).not.toHaveAttribute('aria-invalid');
    expect(errorFor(screen.getByLabelText('Title'))).toBe('Too fancy.');
    // Nothing typed is lost.
    expect(screen.getByLabelText('Title')).toHaveValue('Countess of Lovelace');
    expect(email3).toHaveValue('taken@example.com');
    expect(within(summary).getByRole('link', { name: /Email 3: That address is already taken/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save person' })).toBeEnabled();
  });

  it('shows a server sentence without field errors and keeps the values', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(502, 'Highrise did not answer. Try again in a moment.');
    });
    const { user } = renderForm('edit', onSubmit);
    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Countess');
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Highrise did not answer. Try again in a moment.');
    expect(screen.getByLabelText('Title')).toHaveValue('Countess');
  });
});

describe('PersonForm company field', () => {
  afterEach(() => vi.unstubAllGlobals());

  const companies = ({ path }: { path: string }) => {
    const m = /^\/api\/search\?scope=companies&term=(.*)$/.exec(path);
    if (!m) return undefined;
    const term = decodeURIComponent(m[1].replace(/\+/g, ' ')).toLowerCase();
    const all = [
      { id: 41, type: 'Company', name: 'Harbor & Finch Ltd' },
      { id: 42, type: 'Company', name: 'Harbormaster Supplies' },
    ].filter((c) => c.name.toLowerCase().includes(term));
    return Response.json({ data: all, page: { number: 1, size: 25, hasMore: false } });
  };

  it('suggests existing companies as the person types; the keyboard chooses one and its id is sent', async () => {
    fakeFetch(companies);
    const { user, onSubmit } = renderForm('create');
    await user.type(screen.getByLabelText(/^First name/), 'Ada');
    const company = screen.getByRole('combobox', { name: 'Company' });
    await user.type(company, 'harbor');
    const list = await screen.findByRole('listbox', { name: 'Existing companies' });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Harbor & Finch Ltd', 'Harbormaster Supplies']));
    expect(company).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('New company: harbor. Saving creates it.')).toBeInTheDocument();

    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(company).toHaveValue('Harbormaster Supplies');
    expect(company).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('An existing company in Highrise.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    expect(onSubmit.mock.calls[0][0].payload).toMatchObject({ firstName: 'Ada', companyId: 42 });
    expect(onSubmit.mock.calls[0][0].payload).not.toHaveProperty('companyName');
  });

  it('keeps a new company as free text, says it is new, and keeps it after a failed save', async () => {
    fakeFetch(companies);
    const onSubmit = vi.fn(async (_s: PersonFormSubmit) => {
      throw new ApiError(502, 'Highrise did not answer. Try again in a moment.');
    });
    const { user } = renderForm('create', onSubmit);
    await user.type(screen.getByLabelText(/^First name/), 'Ada');
    const company = screen.getByRole('combobox', { name: 'Company' });
    await user.type(company, 'Fjord & Sons');
    expect(await screen.findByText('New company: Fjord & Sons. Saving creates it.')).toBeInTheDocument();
    expect(document.getElementById(`${company.id}-status`)).toHaveTextContent('No company matches. New company: Fjord & Sons.');
    expect(company).toHaveAttribute('aria-expanded', 'false');
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Highrise did not answer.');
    expect(onSubmit.mock.calls[0][0].payload).toMatchObject({ companyName: 'Fjord & Sons' });
    expect(company).toHaveValue('Fjord & Sons');
  });

  it('takes a typed name that matches an existing company exactly as that company', async () => {
    fakeFetch(companies);
    const { user } = renderForm('create');
    await user.type(screen.getByRole('combobox', { name: 'Company' }), 'Harbor & Finch Ltd');
    expect(await screen.findByText('An existing company in Highrise.')).toBeInTheDocument();
  });
});
