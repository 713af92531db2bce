// The Highrise side of the sandbox: one handler for /highrise/{accountId}/..., which applies
// faults, the rate limit and authentication in Highrise's order before dispatching to a route.
import type { Context } from 'hono';
import { accessDenied, resolveUser } from './auth.js';
import { type FaultAction, type FaultBook, SimulatedNetworkReset } from './faults.js';
import type { Limit, RateLimiter } from './rate-limit.js';
import { accountRoutes } from './routes/account.js';
import { companyRoutes } from './routes/companies.js';
import { peopleRoutes } from './routes/people.js';
import { notFound } from './routes/respond.js';
import type { PlanLimits, Route } from './routes/types.js';
import { recordRoutes } from './routes/records-index.js';
import { type Db, getAccount } from './store.js';

export interface HighriseDeps {
  db: Db;
  faults: FaultBook | null;
  limiter: RateLimiter;
  limits: false | Record<'general' | 'searchByEmail' | 'recordings', Limit>;
  now: () => number;
  plan: PlanLimits;
}

const ROUTES: Route[] = [...peopleRoutes, ...companyRoutes, ...accountRoutes, ...recordRoutes];

/** Absolute URL of the sandbox mount, derived from the request so it works on any port and prefix. */
export function sandboxBase(c: Context, marker: string): string {
  const url = new URL(c.req.url);
  const at = url.pathname.indexOf(marker);
  return url.origin + (at > 0 ? url.pathname.slice(0, at) : '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface NodeBindings { incoming?: { socket?: { destroy(): void } } }

/** Drops the TCP connection under a real server; without one (app.request) fails like fetch does. */
function resetConnection(c: Context): Response {
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket;
  if (!socket) throw new SimulatedNetworkReset();
  socket.destroy();
  return new Response(null, { status: 500 });
}

function runsAfter(action: FaultAction): boolean {
  return 'truncate' in action || (('hang' in action || 'reset' in action) && action.after === true);
}

async function faultBefore(c: Context, action: FaultAction): Promise<Response> {
  if ('hang' in action) {
    // The server sat on the request and never acted: the client only ever sees a dead connection.
    await sleep(action.hang);
    return resetConnection(c);
  }
  if ('reset' in action) return resetConnection(c);
  if ('redirect' in action) {
    const url = new URL(c.req.url);
    let location: string;
    if (action.redirect === 'scheme') {
      url.protocol = url.protocol === 'https:' ? 'http:' : 'https:';
      location = url.toString();
    } else {
      location = `${url.origin}/login`;
    }
    return c.body(`<html><body>You are being <a href="${location.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">redirected</a>.</body></html>`, 302, {
      Location: location, 'Content-Type': 'text/html; charset=utf-8',
    });
  }
  if ('truncate' in action) throw new Error('truncate runs after the handler');
  return new Response(action.body ?? '', { status: action.status ?? 500, headers: action.headers });
}

async function faultAfter(c: Context, action: FaultAction, res: Response): Promise<Response> {
  if ('hang' in action) {
    await sleep(action.hang);
    return res;
  }
  if ('reset' in action) return resetConnection(c);
  const text = await res.text();
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(text.slice(0, Math.floor(text.length / 2)), { status: res.status, headers });
}

export function highriseHandler(deps: HighriseDeps) {
  return async (c: Context): Promise<Response> => {
    const url = new URL(c.req.url);
    const accountId = Number(c.req.param('accountId'));
    const marker = `/highrise/${c.req.param('accountId')}`;
    const at = url.pathname.indexOf(marker + '/');
    const local = url.pathname.slice(at + marker.length);
    const method = c.req.method.toUpperCase();

    const action = deps.faults?.take(method, url.pathname + url.search);
    if (action && !runsAfter(action)) return faultBefore(c, action);

    const account = getAccount(deps.db, accountId);
    if (!account) return notFound(c);
    const route = ROUTES.find((r) => r.method === method && r.pattern.test(local));

    if (deps.limits) {
      const bucket = typeof route?.bucket === 'function' ? route.bucket(url.searchParams) : route?.bucket ?? 'general';
      const verdict = deps.limiter.take(`${account.id}:${bucket}`, deps.limits[bucket]);
      if (!verdict.ok) {
        return c.body('Rate limit exceeded. Please retry later.\n', 503, {
          'Retry-After': String(verdict.retryAfterSeconds), 'Content-Type': 'text/plain; charset=utf-8',
        });
      }
    }

    const nowMs = deps.now();
    const user = resolveUser(deps.db, account.id, c.req.header('authorization'), nowMs, { allowPassword: method === 'GET' && local === '/me.xml' });
    if (!user) return accessDenied(c);
    if (!route) return notFound(c);

    const params = (route.pattern.exec(local) ?? []).slice(1);
    const res = await route.handler({
      c, db: deps.db, account, user, params, query: url.searchParams, nowMs, base: sandboxBase(c, marker + '/'), plan: deps.plan,
    });
    return action ? faultAfter(c, action, res) : res;
  };
}
