// Who is calling a Highrise route. Highrise accepts a user's API token as the Basic user name (any
// password) or a Launchpad OAuth Bearer token whose identity has a user in this account.
import type { Context } from 'hono';
import { liveAccessToken } from './oauth.js';
import { type Db, type UserRow, userByEmail, userByIdentity, userByToken } from './store.js';

/**
 * Every seeded user's password. Highrise lets /me.xml alone be called with a user name (the email
 * address here) and password, so an app can obtain the API token from them.
 */
export const SANDBOX_PASSWORD = 'sandbox-password';

export function resolveUser(
  db: Db,
  accountId: number,
  authorization: string | undefined,
  nowMs: number,
  opts: { allowPassword?: boolean } = {},
): UserRow | undefined {
  if (!authorization) return undefined;
  const [scheme, ...rest] = authorization.trim().split(/\s+/);
  const credential = rest.join(' ');
  if (!credential) return undefined;
  if (scheme.toLowerCase() === 'basic') {
    let decoded: string;
    try {
      decoded = Buffer.from(credential, 'base64').toString('utf8');
    } catch {
      return undefined;
    }
    const colon = decoded.indexOf(':');
    const name = colon === -1 ? decoded : decoded.slice(0, colon);
    if (opts.allowPassword && name.includes('@')) {
      return decoded.slice(colon + 1) === SANDBOX_PASSWORD ? userByEmail(db, accountId, name) : undefined;
    }
    return name ? userByToken(db, accountId, name) : undefined;
  }
  if (scheme.toLowerCase() === 'bearer') {
    const grant = liveAccessToken(db, credential, nowMs);
    return grant ? userByIdentity(db, accountId, grant.identity_id) : undefined;
  }
  return undefined;
}

/** Rails' request_http_basic_authentication answer, byte for byte (REAL-WORLD #23). */
export function accessDenied(c: Context): Response {
  return c.body('HTTP Basic: Access denied.\n', 401, {
    'Content-Type': 'text/plain; charset=utf-8',
    'WWW-Authenticate': 'Basic realm="Application"',
  });
}
