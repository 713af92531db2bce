import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../../server/api/types';
import { createQueryClient } from '../../api/query-client';
import { ToastProvider } from '../../components/Toast';
import { clearToasts } from '../../components/toast-store';
import { fakeFetch } from '../../test/render-app';
import { SubjectTasks } from './SubjectTasks';
import { TaskForm } from './TaskForm';

afterEach(() => {
  vi.unstubAllGlobals();
  clearToasts();
});

function task(over: Partial<Task>): Task {
  return {
    id: 1, body: 'Call the buyer', dueAt: '2030-05-01T15:00:00Z', doneAt: null, alertAt: null, authorId: 70001, ownerId: 70001, categoryId: null,
    subjectId: 7, subjectType: 'Deal', subjectName: 'Big order', recordingId: null, public: false, frame: 'later', recurringPeriod: null, anchorType: 0,
    createdAt: null, updatedAt: null, ...over,
  } as Task;
}

function mount(ui: React.ReactNode) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <ToastProvider>
        <MemoryRouter>{ui}</MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const common = ({ path }: { path: string }) =>
  path === '/api/users' ? Response.json({ data: [{ id: 70001, name: 'Mara Lindqvist' }] }) : path === '/api/task-categories' ? Response.json({ data: [] }) : undefined;

describe('SubjectTasks', () => {
  it('lists the record’s upcoming tasks, completes one, and adds one about the record inline', async () => {
    let open = [task({}), task({ id: 2, body: 'Send the contract', dueAt: null })];
    const { calls } = fakeFetch(common, ({ method, path, body }) => {
      if (method === 'GET' && path === '/api/deals/7/tasks') return Response.json({ data: open });
      if (method === 'POST' && path === '/api/tasks/1/complete') {
        open = open.filter((t) => t.id !== 1);
        return Response.json({ data: task({ doneAt: '2030-01-01T00:00:00Z' }) });
      }
      if (method === 'POST' && path === '/api/tasks') {
        const created = task({ id: 3, ...(body as Partial<Task>), dueAt: '2030-06-01T00:00:00Z' });
        open = [...open, created];
        return Response.json({ data: created }, { status: 201 });
      }
      return undefined;
    });
    mount(<SubjectTasks subjectType="deals" subjectId={7} subjectName="Big order" />);
    const list = await screen.findByRole('list', { name: 'Tasks about Big order' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('p')?.textContent)).toEqual(['Call the buyer', 'Send the contract']);
    expect(within(list).getByText('No due date')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Complete: Call the buyer' }));
    await waitFor(() => expect(screen.queryByText('Call the buyer')).not.toBeInTheDocument());
    expect(await screen.findByText('Completed “Call the buyer”')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add task' }));
    expect(screen.getByRole('combobox', { name: 'About' })).toHaveValue('Big order');
    await user.type(screen.getByRole('textbox', { name: /^Task/ }), 'Chase the signature');
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/tasks')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/tasks')?.body).toMatchObject({ body: 'Chase the signature', subjectType: 'Deal', subjectId: 7 });
    expect(await within(screen.getByRole('list', { name: 'Tasks about Big order' })).findByText('Chase the signature')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New task' })).not.toBeInTheDocument();
  });

  it('says what to do when the record has no tasks', async () => {
    fakeFetch(common, ({ path }) => (path === '/api/kases/9/tasks' ? Response.json({ data: [] }) : undefined));
    mount(<SubjectTasks subjectType="kases" subjectId={9} subjectName="Late order" />);
    expect(await screen.findByText(/Nothing to do here yet/)).toBeInTheDocument();
  });
});

describe('TaskForm subject picker', () => {
  it('searches contacts, deals and cases in one field and sends the chosen one; typed but not chosen is an error', async () => {
    const { calls } = fakeFetch(common, ({ method, path, body }) => {
      if (path.startsWith('/api/deals/party-search?term=')) return Response.json({ data: [{ id: 1000001, type: 'Company', name: 'Harbor & Finch Ltd', detail: null }] });
      if (path === '/api/deals?page=1') return Response.json({ data: [{ id: 2000001, name: 'Harbor & Finch – spring order' }, { id: 2000002, name: 'Other' }], page: { number: 1, size: 500, hasMore: false } });
      if (path === '/api/cases?status=open') return Response.json({ data: [{ id: 3000001, name: 'Harbor returns' }] });
      if (path === '/api/cases?status=closed') return Response.json({ data: [] });
      if (method === 'POST' && path === '/api/tasks') return Response.json({ data: task({ id: 5, ...(body as Partial<Task>) }) }, { status: 201 });
      return undefined;
    });
    const onDone = vi.fn();
    mount(<TaskForm onDone={onDone} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /^Task/ }), 'Follow up');
    const about = screen.getByRole('combobox', { name: 'About' });
    await user.type(about, 'harb');
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Contacts, deals and cases' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['Harbor & Finch LtdCompany', 'Harbor & Finch – spring orderDeal', 'Harbor returnsCase']));

    // Typed but nothing chosen: the form says so and sends nothing.
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    expect(await screen.findByText('Choose a contact, deal or case from the list, or clear the field.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(about);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(about).toHaveValue('Harbor & Finch – spring order');
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ body: 'Follow up', subjectType: 'Deal', subjectId: 2000001 });
  });

  it('keeps the subject from the URL prefill, and Clear makes the task about nothing', async () => {
    const { calls } = fakeFetch(common, ({ method, path, body }) =>
      method === 'POST' && path === '/api/tasks' ? Response.json({ data: task({ id: 6, ...(body as Partial<Task>) }) }, { status: 201 }) : undefined,
    );
    const onDone = vi.fn();
    mount(<TaskForm prefill={{ subjectType: 'Party', subjectId: 1000045, subjectName: 'Aroha Petrov' }} onDone={onDone} />);
    const user = userEvent.setup();
    expect(screen.getByRole('combobox', { name: 'About' })).toHaveValue('Aroha Petrov');
    expect(screen.getByText('Contact: Aroha Petrov')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear what this task is about' }));
    await user.type(screen.getByRole('textbox', { name: /^Task/ }), 'No subject');
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ subjectType: null, subjectId: null });
  });
});
