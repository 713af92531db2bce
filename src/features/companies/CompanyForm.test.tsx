import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Company, GroupsList, SubjectField } from '../../../server/api/types';
import { ApiError } from '../../api/client';
import { createQueryClient } from '../../api/query-client';
import { emptyCompanyValues, emptyValues, valuesFromCompany, valuesFromPerson, type PersonFormValues } from '../people/form-model';
import { PersonForm, type PersonFormSubmit } from '../people/PersonForm';
import { makePerson } from '../people/test-fixtures';

const defs: SubjectField[] = [
  { id: 7, label: 'Sales region', type: 'party' },
  { id: 8, label: 'Account manager', type: 'party' },
];

function company(): Company {
  return {
    id: 40, name: 'Fjord Ltd', background: null, avatarUrl: null, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z',
    visibleTo: 'Everyone', ownerId: null, groupId: null, authorId: 1,
    contactData: {
      emailAddresses: [{ id: 1, address: 'a@fjord.example', location: 'Work' }, { id: 2, address: 'b@fjord.example', location: 'Other' }],
      phoneNumbers: [], addresses: [], instantMessengers: [], twitterAccounts: [], webAddresses: [],
    },
    customFields: [{ id: 90, subjectFieldId: 7, subjectFieldLabel: 'Sales region', value: 'North' }],
    tags: [],
  };
}

function renderForm(initial: PersonFormValues, mode: 'create' | 'edit', extra: { groups?: GroupsList } = {}) {
  const onSubmit = vi.fn(async (_s: PersonFormSubmit) => {});
  // The visibility tests use person forms too, whose company field searches through React Query.
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter>
        <PersonForm mode={mode} initial={initial} onSubmit={onSubmit} cancelTo="/companies" customFieldDefs={defs} groups={extra.groups} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { onSubmit, user: userEvent.setup() };
}

describe('company form', () => {
  it('requires a name next to the field and keeps what was typed', async () => {
    const { onSubmit, user } = renderForm(emptyCompanyValues(), 'create');
    await user.type(screen.getByLabelText('Sales region'), 'West');
    await user.click(screen.getByRole('button', { name: 'Save company' }));
    const name = screen.getByLabelText(/^Company name/);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Company name: Enter the company name.');
    expect(screen.getByLabelText('Sales region')).toHaveValue('West');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('creates with custom fields by definition and contact rows', async () => {
    const { onSubmit, user } = renderForm(emptyCompanyValues(), 'create');
    await user.type(screen.getByLabelText(/^Company name/), 'Fjord & Sons');
    await user.type(screen.getByLabelText('Sales region'), 'North');
    await user.click(screen.getByRole('button', { name: 'Add phone' }));
    await user.type(screen.getByLabelText('Phone 1'), '+47 22 00 00 00');
    await user.click(screen.getByRole('button', { name: 'Add website' }));
    await user.type(screen.getByLabelText('Website 1'), 'https://fjord.example');
    await user.click(screen.getByRole('button', { name: 'Save company' }));
    expect(onSubmit).toHaveBeenCalledWith({
      mode: 'create',
      payload: {
        name: 'Fjord & Sons',
        visibleTo: 'Everyone',
        customFields: [{ subjectFieldId: 7, value: 'North' }],
        contactData: { phoneNumbers: [{ location: 'Work', number: '+47 22 00 00 00' }], webAddresses: [{ location: 'Work', url: 'https://fjord.example' }] },
      },
    });
  });

  it('edit: a removed email goes out as {id, remove}, a changed custom field by its id, a cleared one removed, a new one by field id', async () => {
    const { onSubmit, user } = renderForm(valuesFromCompany(company()), 'edit');
    await user.click(screen.getByRole('button', { name: 'Remove email 2' }));
    await user.type(screen.getByLabelText('Account manager'), 'Kari');
    await user.click(screen.getByRole('button', { name: 'Save company' }));
    const sent = onSubmit.mock.calls[0][0];
    expect(sent.mode).toBe('edit');
    expect(sent.payload).toMatchObject({
      contactData: { emailAddresses: [{ id: 2, remove: true }] },
      customFields: [{ subjectFieldId: 8, value: 'Kari' }],
    });

    onSubmit.mockClear();
    await user.clear(screen.getByLabelText('Sales region'));
    await user.click(screen.getByRole('button', { name: 'Save company' }));
    expect(onSubmit.mock.calls[0][0].payload.customFields).toEqual([{ id: 90, remove: true }, { subjectFieldId: 8, value: 'Kari' }]);
  });

  it('a server failure keeps everything typed and shows the field message', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(422, 'Highrise did not accept the company.', { fields: { name: ['Name has already been taken'] } });
    });
    render(
      <MemoryRouter>
        <PersonForm mode="create" initial={emptyCompanyValues()} onSubmit={onSubmit} cancelTo="/companies" customFieldDefs={defs} />
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Company name/), 'Taken Inc');
    await user.type(screen.getByLabelText('Sales region'), 'East');
    await user.click(screen.getByRole('button', { name: 'Save company' }));
    expect(await screen.findByText('Name has already been taken')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Company name/)).toHaveValue('Taken Inc');
    expect(screen.getByLabelText('Sales region')).toHaveValue('East');
  });
});

describe('visibility and groups', () => {
  it('without groups (403 for non-admins) offers only Everyone and Only me', () => {
    renderForm(emptyValues(), 'create', { groups: { data: [], available: false } });
    const select = screen.getByLabelText('Visible to');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Everyone', 'Only me (Owner)']);
    expect(screen.getByText('Only admins can choose a group.')).toBeInTheDocument();
  });

  it('with groups, choosing a group sends visibleTo NamedGroup and its id; no group chosen is a field error', async () => {
    const { onSubmit, user } = renderForm(valuesFromPerson(makePerson()), 'edit', { groups: { data: [{ id: 3, name: 'Partners', users: [] }], available: true } });
    await user.selectOptions(screen.getByLabelText('Visible to'), 'NamedGroup');
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Group: Choose the group that may see this contact.');
    await user.selectOptions(screen.getByLabelText(/^Group/), '3');
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    expect(onSubmit.mock.calls[0][0].payload).toMatchObject({ visibleTo: 'NamedGroup', groupId: 3 });
  });
});
