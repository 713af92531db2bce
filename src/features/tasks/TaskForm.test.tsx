import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../../server/api/types';
import { createQueryClient } from '../../api/query-client';
import { ToastProvider } from '../../components/Toast';
import { clearToasts } from '../../components/toast-store';
import { fakeFetch } from '../../test/render-app';
import { TaskForm } from './TaskForm';

afterEach(() => {
  vi.unstubAllGlobals();
  clearToasts();
});

function mount(ui: ReactNode) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <ToastProvider>
        <MemoryRouter>{ui}</MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const saved = { id: 9, body: 'Weekly report', dueAt: null, doneAt: null, recurringPeriod: 1, anchorType: 1 } as unknown as Task;
const backend = () =>
  fakeFetch(({ method, path }) => {
    if (path === '/api/users') return Response.json({ data: [] });
    if (path === '/api/task-categories') return Response.json({ data: [] });
    if (method === 'POST' && path === '/api/tasks') return Response.json({ data: saved }, { status: 201 });
    return undefined;
  });

describe('TaskForm recurrence', () => {
  it('repeats from the due date by default (anchorType 1)', async () => {
    const { calls } = backend();
    const onDone = vi.fn();
    mount(<TaskForm onDone={onDone} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Task/ }), 'Weekly report');
    expect(screen.queryByRole('combobox', { name: 'Repeat from' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Repeats' }), '1');
    const from = screen.getByRole('combobox', { name: 'Repeat from' });
    expect(from).toHaveValue('1');
    expect(screen.getByRole('option', { name: 'Due date' })).toHaveProperty('selected', true);
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/tasks');
    expect(post?.body).toMatchObject({ recurringPeriod: 1, anchorType: 1 });
  });

  it('sends anchorType 0 when it repeats from completion, and null when it does not repeat', async () => {
    const { calls } = backend();
    const onDone = vi.fn();
    const { unmount } = mount(<TaskForm onDone={onDone} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Task/ }), 'Water the plants');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Repeats' }), '0');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Repeat from' }), 'Completion');
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toMatchObject({ recurringPeriod: 0, anchorType: 0 });
    unmount();

    mount(<TaskForm onDone={onDone} />);
    await user.type(screen.getByRole('textbox', { name: /Task/ }), 'Once');
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toMatchObject({ recurringPeriod: null, anchorType: null });
  });

  it('opens a task set for a frame in that frame, and a task with a time at its time', () => {
    backend();
    // Highrise stores "tomorrow" as the end of that day in the account's zone (23:59:59 in Chicago = 05:59:59 UTC).
    const { unmount } = mount(<TaskForm task={{ ...saved, recurringPeriod: null, frame: 'tomorrow', dueAt: '2026-12-06T05:59:59Z' } as Task} onDone={() => undefined} />);
    expect(screen.getByRole('combobox', { name: 'When' })).toHaveValue('tomorrow');
    unmount();
    mount(<TaskForm task={{ ...saved, recurringPeriod: null, frame: 'tomorrow', dueAt: '2026-12-05T15:30:00Z' } as Task} onDone={() => undefined} />);
    expect(screen.getByRole('combobox', { name: 'When' })).toHaveValue('specific');
  });

  it('an edit sends when it is due only if that was changed, so an overdue day-task saved as it is stays a day-task', async () => {
    const overdue = { ...saved, id: 12, recurringPeriod: null, anchorType: null, frame: 'overdue', dueAt: '2026-12-03T05:59:59Z' } as unknown as Task;
    const { calls } = fakeFetch(({ method, path }) => {
      if (path === '/api/users') return Response.json({ data: [] });
      if (path === '/api/task-categories') return Response.json({ data: [] });
      if (method === 'PATCH' && path === '/api/tasks/12') return Response.json({ data: overdue });
      return undefined;
    });
    const onDone = vi.fn();
    const user = userEvent.setup();
    const { unmount } = mount(<TaskForm task={overdue} onDone={onDone} />);
    await user.type(screen.getByRole('textbox', { name: /Task/ }), ' (moved)');
    await user.click(screen.getByRole('button', { name: /Save/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const first = calls.filter((c) => c.method === 'PATCH').at(-1)?.body as Record<string, unknown>;
    expect(first).toMatchObject({ body: 'Weekly report (moved)' });
    expect(first).not.toHaveProperty('frame');
    expect(first).not.toHaveProperty('dueAt');
    unmount();

    mount(<TaskForm task={overdue} onDone={onDone} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'When' }), 'tomorrow');
    await user.click(screen.getByRole('button', { name: /Save/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toMatchObject({ frame: 'tomorrow', dueAt: null });
  });

  it('shows how an existing recurring task is anchored', () => {
    backend();
    mount(<TaskForm task={{ ...saved, anchorType: 0, frame: 'later' } as Task} onDone={() => undefined} />);
    expect(screen.getByRole('combobox', { name: 'Repeat from' })).toHaveValue('0');
  });
});
