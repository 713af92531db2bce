import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../server/api/types';
import { createQueryClient } from '../../api/query-client';
import { fakeFetch } from '../../test/render-app';
import { useContactList } from './use-contact-list';

afterEach(() => {
  vi.unstubAllGlobals();
});

const people = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i, firstName: `P${from + i}`, lastName: 'Test' }) as Person);

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>;
}

describe('useContactList: Load all', () => {
  it('walks the pages to the short one', async () => {
    const { calls } = fakeFetch(({ path }) => {
      const n = Number(new URL(path, 'http://x').searchParams.get('page'));
      if (!path.startsWith('/api/people')) return undefined;
      return Response.json({ data: n < 3 ? people((n - 1) * 500 + 1, 500) : people(1001, 7), page: { number: n, size: 500, hasMore: n < 3 } });
    });
    const { result } = renderHook(() => useContactList({ type: 'people', sort: 'name' }), { wrapper });
    await waitFor(() => expect(result.current.pending).toBe(false));
    await act(() => result.current.loadAll());
    expect(result.current.rows).toHaveLength(1007);
    expect(result.current.hasMore).toBe(false);
    expect(calls.filter((c) => c.path.startsWith('/api/people'))).toHaveLength(3);
  });

  it('stops when Highrise hands the same full page again (REAL-WORLD #20), instead of asking for ever', async () => {
    const { calls } = fakeFetch(({ path }) => {
      if (!path.startsWith('/api/people')) return undefined;
      const n = Number(new URL(path, 'http://x').searchParams.get('page'));
      return Response.json({ data: people(1, 500), page: { number: n, size: 500, hasMore: true } });
    });
    const { result } = renderHook(() => useContactList({ type: 'people', sort: 'name' }), { wrapper });
    await waitFor(() => expect(result.current.pending).toBe(false));
    await act(() => result.current.loadAll());
    expect(result.current.rows).toHaveLength(500);
    expect(result.current.hasMore).toBe(false);
    expect(calls.filter((c) => c.path.startsWith('/api/people'))).toHaveLength(2);
  });
});
