import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Config } from '../config.js';
import { HttpError } from '../http-error.js';
import { createSealer, type Sealer } from './seal.js';

/**
 * The session lives entirely in an encrypted cookie (no server store), so any instance — including
 * a serverless one — can serve any request. It holds the Launchpad tokens and the Highrise accounts
 * authorization.json listed; the BFF only ever calls those hrefs.
 *
 * A copied cookie must not outlive its session: each session carries its own end (30 days from
 * sign-in, not renewed by rewrites) and an id that signing out revokes on this server
 * (`revokedSessions`), since Launchpad offers no way to revoke the tokens themselves.
 */
export interface HighriseAccount {
  id: number;
  name: string;
  /** API base URL from authorization.json; never sent to the SPA. */
  href: string;
}

export interface Session {
  /** Random, per sign-in; what sign-out revokes. */
  id: string;
  /** Epoch ms when this sign-in ends, whatever the cookie's own lifetime says. */
  endsAt: number;
  accessToken: string;
  refreshToken: string | null;
  /** Epoch ms when the access token ends, when Launchpad said so. */
  expiresAt: number | null;
  identity: { name: string; email: string };
  accounts: HighriseAccount[];
  /** The account every /api call goes to; null until chosen when there are several. */
  accountId: number | null;
}

/** What the OAuth round trip remembers between /auth/login and /auth/callback. */
export interface OAuthState {
  state: string;
  returnTo: string;
  redirectUri: string;
}

// Short keys: a cookie must stay under 4 KB including two long tokens.
const StoredSession = z.object({
  id: z.string().min(16).max(64),
  x: z.number(),
  a: z.string().min(1),
  r: z.string().nullable(),
  e: z.number().nullable(),
  i: z.tuple([z.string(), z.string()]),
  ac: z.array(z.tuple([z.number().int(), z.string(), z.string()])),
  c: z.number().int().nullable(),
});
const StoredState = z.object({ s: z.string(), t: z.string(), u: z.string(), x: z.number() });

export const SESSION_MAX_AGE_S = 60 * 60 * 24 * 30;
const STATE_MAX_AGE_S = 60 * 10;
/** Browsers drop cookies over 4096 bytes (name + value + attributes); keep a margin. */
const MAX_COOKIE_VALUE = 3800;
const MAX_ACCOUNTS = 25;

/** A new sign-in's id and end. */
export function newSessionIdentity(now = Date.now()): Pick<Session, 'id' | 'endsAt'> {
  return { id: randomBytes(18).toString('base64url'), endsAt: now + SESSION_MAX_AGE_S * 1000 };
}

/**
 * Session ids signed out on this server, until their sessions would have ended anyway. In memory:
 * one container remembers every sign-out until it restarts; serverless instances each know only
 * their own (see the README).
 */
class RevokedSessions {
  private readonly ends = new Map<string, number>();

  revoke(id: string, endsAt: number): void {
    this.ends.set(id, endsAt);
    if (this.ends.size % 256 === 0) this.prune();
  }

  has(id: string): boolean {
    return this.ends.has(id);
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, end] of this.ends) if (end <= now) this.ends.delete(id);
  }
}

export const revokedSessions = new RevokedSessions();

export interface SessionStore {
  read(c: Context): Session | null;
  write(c: Context, session: Session): void;
  /** Sign out: forget the cookie here and refuse its session from now on. */
  end(c: Context, session: Session | null): void;
  readState(c: Context): OAuthState | null;
  writeState(c: Context, state: OAuthState): void;
  clearState(c: Context): void;
}

export function createSessionStore(config: Config): SessionStore {
  const sessionSealer: Sealer = createSealer(config.sessionSecret, 'session');
  const stateSealer: Sealer = createSealer(config.sessionSecret, 'oauth-state');
  // `__Host-` makes the browser refuse the cookie unless Secure, Path=/ and no Domain: only in production (https).
  const prefix = config.secureCookies ? '__Host-' : '';
  const sessionName = `${prefix}skyline_session`;
  const stateName = `${prefix}skyline_oauth`;
  const base = { httpOnly: true, sameSite: 'Lax', path: '/', secure: config.secureCookies } as const;

  return {
    read(c) {
      const parsed = StoredSession.safeParse(sessionSealer.open(getCookie(c, sessionName)));
      if (!parsed.success) return null;
      const s = parsed.data;
      if (s.x <= Date.now() || revokedSessions.has(s.id)) return null;
      return {
        id: s.id,
        endsAt: s.x,
        accessToken: s.a,
        refreshToken: s.r,
        expiresAt: s.e,
        identity: { name: s.i[0], email: s.i[1] },
        accounts: s.ac.map(([id, name, href]) => ({ id, name, href })),
        accountId: s.c,
      };
    },
    write(c, session) {
      const accounts = session.accounts.slice(0, MAX_ACCOUNTS).map((a) => [a.id, a.name.slice(0, 80), a.href] as [number, string, string]);
      const value = sessionSealer.seal({
        id: session.id,
        x: session.endsAt,
        a: session.accessToken,
        r: session.refreshToken,
        e: session.expiresAt,
        i: [session.identity.name.slice(0, 120), session.identity.email.slice(0, 254)],
        ac: accounts,
        c: session.accountId,
      });
      if (value.length > MAX_COOKIE_VALUE) {
        throw new HttpError(500, 'Your sign-in details are too large to keep in this browser. Sign in again; if it keeps happening, tell us how many Highrise accounts you have.', {
          code: 'session_too_large',
        });
      }
      setCookie(c, sessionName, value, { ...base, maxAge: Math.max(0, Math.floor((session.endsAt - Date.now()) / 1000)) });
    },
    end(c, session) {
      if (session) revokedSessions.revoke(session.id, session.endsAt);
      deleteCookie(c, sessionName, { path: '/', secure: config.secureCookies });
    },
    readState(c) {
      const parsed = StoredState.safeParse(stateSealer.open(getCookie(c, stateName)));
      if (!parsed.success || parsed.data.x < Date.now()) return null;
      return { state: parsed.data.s, returnTo: parsed.data.t, redirectUri: parsed.data.u };
    },
    writeState(c, st) {
      const value = stateSealer.seal({ s: st.state, t: st.returnTo, u: st.redirectUri, x: Date.now() + STATE_MAX_AGE_S * 1000 });
      setCookie(c, stateName, value, { ...base, maxAge: STATE_MAX_AGE_S });
    },
    clearState(c) {
      deleteCookie(c, stateName, { path: '/', secure: config.secureCookies });
    },
  };
}

/** Only same-site paths: `/people?x=1` yes; `//evil.example`, `https://…`, `/\evil` no (open-redirect guard). */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\r\n]/.test(value)) return '/';
  if (value.startsWith('/auth/') || value.startsWith('/api/')) return '/';
  return value.slice(0, 512);
}
