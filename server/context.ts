import type { MiddlewareHandler } from 'hono';
import type { Config } from './config.js';
import { Launchpad } from './auth/launchpad.js';
import { refreshShared } from './auth/refresh.js';
import { createSessionStore, type Session, type SessionStore } from './auth/session.js';
import { HighriseClient, type TokenSource } from './highrise/client.js';
import type { RequestLog } from './highrise/request-log.js';
import { HttpError } from './http-error.js';

/** Everything a route needs beside the request, built once per app. */
export interface Services {
  config: Config;
  store: SessionStore;
  launchpad: Launchpad;
  fetch: typeof fetch;
  log?: (line: RequestLog) => void;
}

export interface AppEnv {
  Variables: {
    services: Services;
    /** This request's session, possibly updated (new tokens, chosen account); null when signed out. */
    session: Session | null;
    /** Set when the session changed and the cookie must be written again at the end of the request. */
    sessionChanged: boolean;
    /** Only on /api routes that need an account. */
    highrise: HighriseClient;
  };
}

export function createServices(config: Config, deps: { fetch?: typeof fetch; log?: (line: RequestLog) => void } = {}): Services {
  const fetchFn = deps.fetch ?? fetch;
  return { config, store: createSessionStore(config), launchpad: new Launchpad(config, fetchFn), fetch: fetchFn, log: deps.log };
}

/**
 * Reads the session cookie before the route and writes it back after, when something (a token
 * refresh inside the Highrise client, an account choice) changed it. Runs after errors too: Hono
 * turns a thrown error into a response before control returns here, so a refreshed token is kept
 * even when the request itself then fails.
 */
export function sessionMiddleware(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('services', services);
    c.set('session', services.store.read(c));
    c.set('sessionChanged', false);
    await next();
    const session = c.get('session');
    if (c.get('sessionChanged') && session) services.store.write(c, session);
  };
}

export function signedOut(): HttpError {
  return new HttpError(401, 'Sign in to continue.', { code: 'signed_out' });
}

/** /api routes that talk to Highrise: need a session with a chosen account; builds the client. */
export function requireAccount(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) throw signedOut();
    const account = session.accounts.find((a) => a.id === session.accountId);
    if (!account) throw new HttpError(409, 'Choose which Highrise account to open.', { code: 'choose_account' });
    const { config, launchpad, fetch: fetchFn, log } = c.get('services');
    const tokens: TokenSource = {
      accessToken: () => session.accessToken,
      canRefresh: () => session.refreshToken !== null,
      expired: () => session.expiresAt !== null && session.expiresAt <= Date.now() + 5_000,
      refresh: async () => {
        if (!session.refreshToken) return false;
        const fresh = await refreshShared(launchpad, session.refreshToken);
        if (!fresh) return false;
        session.accessToken = fresh.accessToken;
        session.refreshToken = fresh.refreshToken ?? session.refreshToken;
        session.expiresAt = fresh.expiresAt;
        c.set('sessionChanged', true);
        return true;
      },
    };
    c.set('highrise', new HighriseClient({ baseUrl: account.href, tokens, config, fetch: fetchFn, log }));
    await next();
  };
}
