import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AccountSummary, SessionInfo } from '../api/types.js';
import { signedOut, type AppEnv } from '../context.js';
import { HttpError } from '../http-error.js';
import { newSessionIdentity, safeReturnTo, type Session } from './session.js';

/**
 * Launchpad OAuth (web_server flow) and the session endpoints the SPA reads.
 * Browser-facing steps (login, callback) end in redirects, never in JSON: a person following a link
 * should land on a page, and errors go to /signin?error=<code> where the SPA explains them.
 */
export const authRoutes = new Hono<AppEnv>();

function redirectUriFor(c: Context<AppEnv>): string {
  const { config } = c.get('services');
  return `${config.appUrl ?? new URL(c.req.url).origin}/auth/callback`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sessionInfo(session: Session | null, sandbox: boolean): SessionInfo {
  if (!session) return { authenticated: false, sandbox };
  const accounts: AccountSummary[] = session.accounts.map((a) => ({ id: a.id, name: a.name }));
  return {
    authenticated: true,
    sandbox,
    identity: session.identity,
    account: accounts.find((a) => a.id === session.accountId) ?? null,
    accounts,
  };
}

authRoutes.get('/login', (c) => {
  const { config, store } = c.get('services');
  const state = randomBytes(24).toString('base64url');
  const redirectUri = redirectUriFor(c);
  store.writeState(c, { state, returnTo: safeReturnTo(c.req.query('returnTo')), redirectUri });
  const params = new URLSearchParams({ type: 'web_server', client_id: config.oauth.clientId, redirect_uri: redirectUri, state });
  return c.redirect(`${config.oauth.authorizeUrl}?${params}`, 302);
});

authRoutes.get('/callback', async (c) => {
  const { store, launchpad } = c.get('services');
  const saved = store.readState(c);
  const signinError = (code: string) => c.redirect(`/signin?error=${encodeURIComponent(code)}`, 302);
  const state = c.req.query('state') ?? '';
  // No state cookie (expired, other browser) or a different state: this callback is not the answer to our
  // latest request. The cookie is kept then, so a sign-in still pending in another tab can finish.
  const matches = Boolean(saved && state && sameSecret(saved.state, state));
  if (matches) store.clearState(c);

  const error = c.req.query('error');
  if (error) return signinError(error === 'access_denied' ? 'access_denied' : 'oauth_error');
  const code = c.req.query('code');
  if (!matches || !saved) return signinError('state_mismatch');
  if (!code) return signinError('oauth_error');

  try {
    const tokens = await launchpad.exchangeCode(code, saved.redirectUri);
    const auth = await launchpad.authorization(tokens.accessToken);
    if (auth.accounts.length === 0) return signinError('no_highrise_account');
    const previous = c.get('session');
    const keep = previous && auth.accounts.some((a) => a.id === previous.accountId) ? previous.accountId : null;
    const session: Session = {
      ...newSessionIdentity(),
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.expiresAt ?? auth.expiresAt,
      identity: auth.identity,
      accounts: auth.accounts,
      accountId: auth.accounts.length === 1 ? auth.accounts[0].id : keep,
    };
    c.set('session', session);
    c.set('sessionChanged', true);
    if (session.accountId === null) return c.redirect(`/accounts?returnTo=${encodeURIComponent(saved.returnTo)}`, 302);
    return c.redirect(saved.returnTo, 302);
  } catch (err) {
    if (err instanceof HttpError) return signinError(err.code ?? 'oauth_error');
    throw err;
  }
});

const ChooseAccount = z.object({ accountId: z.coerce.number().int().positive() });

authRoutes.post('/account', async (c) => {
  const session = c.get('session');
  if (!session) throw signedOut();
  const parsed = ChooseAccount.safeParse(await c.req.json().catch(() => null));
  const accountId = parsed.success ? parsed.data.accountId : null;
  if (accountId === null || !session.accounts.some((a) => a.id === accountId)) {
    throw new HttpError(400, 'Choose one of the Highrise accounts listed.', { fields: { accountId: ['Not one of your Highrise accounts.'] }, code: 'unknown_account' });
  }
  session.accountId = accountId;
  c.set('sessionChanged', true);
  return c.json(sessionInfo(session, c.get('services').config.sandbox.enabled));
});

authRoutes.get('/session', (c) => {
  c.header('Cache-Control', 'no-store');
  return c.json(sessionInfo(c.get('session'), c.get('services').config.sandbox.enabled));
});

authRoutes.post('/logout', (c) => {
  c.get('services').store.end(c, c.get('session'));
  c.set('session', null);
  return c.body(null, 204);
});

authRoutes.all('*', () => {
  throw new HttpError(404, 'There is no such sign-in page.', { code: 'not_found' });
});
