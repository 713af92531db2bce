import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../../server/api/types';
import { createQueryClient } from '../../api/query-client';
import { ToastProvider } from '../../components/Toast';
import { fakeFetch } from '../../test/render-app';
import { TasksPage } from '../tasks/TasksPage';
import { ActivityNavItems } from './NavCounts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function task(over: Partial<Task>): Task {
  return {
    id: 1, body: 'A task', dueAt: null, doneAt: null, alertAt: null, authorId: 70001, ownerId: 70001, categoryId: null, subjectId: null, subjectType: null,
    subjectName: null, recordingId: null, public: true, frame: 'later', recurringPeriod: null, anchorType: 0, createdAt: null, updatedAt: null, ...over,
  } as Task;
}

// Friday 2026-12-04 10:55 UTC = 04:55 in Chicago, the account's zone. Frame tasks are due at 23:59:59
// Chicago time of their day and carry Highrise's frame.
const NOW = '2026-12-04T10:55:00Z';
const TASKS = [
  task({ id: 1, body: 'Overdue one', dueAt: '2026-12-03T05:59:59Z', frame: 'overdue' }),
  task({ id: 2, body: 'Overdue two', dueAt: '2026-12-04T05:59:59Z', frame: 'overdue' }),
  task({ id: 3, body: 'Today one', dueAt: '2026-12-05T05:59:59Z', frame: 'today' }),
  task({ id: 4, body: 'Today two', dueAt: '2026-12-05T05:59:59Z', frame: 'today' }),
  task({ id: 5, body: 'Tomorrow one', dueAt: '2026-12-06T05:59:59Z', frame: 'tomorrow' }),
  task({ id: 6, body: 'Call at nine', dueAt: '2026-12-04T15:00:00Z', frame: 'today' }), // 09:00 Chicago, 15:00 UTC, 00:00 Saturday Tokyo
  task({ id: 7, body: 'Someday', dueAt: null, frame: 'later' }),
];

function mountIn(timeZone: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  const real = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
    return { ...real.call(this), timeZone };
  });
  fakeFetch(({ path }) => {
    if (path === '/api/tasks?view=upcoming') return Response.json({ data: TASKS });
    if (path === '/api/users') return Response.json({ data: [{ id: 70001, name: 'Mara Lindqvist' }] });
    if (path === '/api/task-categories') return Response.json({ data: [] });
    if (path.startsWith('/api/recordings')) return Response.json({ data: [] });
    return undefined;
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ToastProvider>
        <MemoryRouter initialEntries={['/tasks']}>
          <nav aria-label="Main">
            <ul>
              <ActivityNavItems className={() => ''} />
            </ul>
          </nav>
          <TasksPage />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

async function groupCount(name: string): Promise<number> {
  const region = screen.queryByRole('region', { name: new RegExp(`^${name}`) });
  return region ? within(region).getAllByRole('listitem').length : 0;
}

describe('the header’s Tasks count', () => {
  it.each([
    ['UTC', 5],
    ['Asia/Tokyo', 4],
    ['America/Chicago', 5],
  ])('equals Overdue + Today on /tasks with the browser in %s', async (zone, expected) => {
    mountIn(zone);
    await screen.findByRole('region', { name: /^Today/ });
    const overdue = await groupCount('Overdue');
    const today = await groupCount('Today');
    expect(overdue + today).toBe(expected);
    const link = screen.getByRole('link', { name: /^Tasks/ });
    expect(link.textContent).toBe(`Tasks ${expected} due today or overdue`);
  });

  it('labels frame tasks in Today by their frame, not by a clock time on another day', async () => {
    mountIn('UTC');
    const today = await screen.findByRole('region', { name: /^Today/ });
    const row = within(today).getByText('Today one').closest('li')!;
    expect(row).toHaveTextContent('Due today');
    expect(within(today).getByText('Call at nine').closest('li')).toHaveTextContent(/Due Fri, Dec 4, 3:00\sPM/);
    const tomorrow = screen.getByRole('region', { name: /^Tomorrow/ });
    expect(within(tomorrow).getByText('Tomorrow one').closest('li')).toHaveTextContent('Due tomorrow');
  });
});
