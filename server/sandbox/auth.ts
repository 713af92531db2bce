// Who is calling a Highrise route. Highrise accepts a user's API token as the Basic user name (any
// password) or a Launchpad OAuth Bearer token whose identity has a user in this account.
import type { Context } from 'hono';
import { liveAccessToken } from './oauth.js';
import { type Db, type UserRow, userByIdentity, userByToken } from './store.js';

export function resolveUser(db: Db, accountId: number, authorization: string | undefined, nowMs: number): UserRow | undefined {
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
    const token = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
    return token ? userByToken(db, accountId, token) : undefined;
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
