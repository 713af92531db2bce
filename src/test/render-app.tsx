import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { setAuthNavigator } from '../api/auth-redirect';
import { createQueryClient } from '../api/query-client';
import { ToastProvider } from '../components/Toast';
import { routes } from '../router';

export type FakeRoute = (req: { method: string; path: string; body: unknown }) => Response | Promise<Response> | undefined;

/** A tiny fake BFF: each handler may answer a request; unanswered requests are 404 JSON errors. */
export function fakeFetch(...handlers: FakeRoute[]) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const req = { method, path, body };
    calls.push(req);
    for (const h of handlers) {
      const res = await h(req);
      if (res) return res;
    }
    return Response.json({ error: { status: 404, message: `No fake for ${method} ${path}` } }, { status: 404 });
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}

export const signedIn: FakeRoute = ({ method, path }) =>
  method === 'GET' && path === '/auth/session'
    ? Response.json({
        authenticated: true,
        sandbox: true,
        identity: { name: 'Grace Hopper', email: 'grace@example.com' },
        account: { id: 1, name: 'Acme' },
        accounts: [{ id: 1, name: 'Acme' }],
      })
    : undefined;

export function renderApp(path: string) {
  const client = createQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  setAuthNavigator(
    (to) => void router.navigate(to),
    () => `${router.state.location.pathname}${router.state.location.search}`,
  );
  const utils = render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...utils, router, client };
}
