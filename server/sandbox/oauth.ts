// Launchpad's grants: verification codes, access tokens and refresh tokens, kept in SQLite so a
// restarted dev server keeps its sessions.
import { randomBytes } from 'node:crypto';
import type { Db } from './store.js';

export const CODE_TTL_SECONDS = 600;

const opaque = (bytes = 24) => randomBytes(bytes).toString('base64url');

export interface CodeGrant { client_id: string; redirect_uri: string; identity_id: number; expires_at: number; used: number }

export function issueCode(db: Db, clientId: string, redirectUri: string, identityId: number, nowMs: number): string {
  const code = opaque(16);
  db.prepare('INSERT INTO oauth_codes (code, client_id, redirect_uri, identity_id, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(code, clientId, redirectUri, identityId, nowMs + CODE_TTL_SECONDS * 1000);
  return code;
}

/** Looks a code up and burns it in the same step, so a replayed code can never mint a second token. */
export function redeemCode(db: Db, code: string): CodeGrant | undefined {
  return db.transaction(() => {
    const row = db.prepare('SELECT * FROM oauth_codes WHERE code = ?').get(code) as CodeGrant | undefined;
    if (row) db.prepare('UPDATE oauth_codes SET used = 1 WHERE code = ?').run(code);
    return row;
  })();
}

export interface TokenRow { token: string; kind: 'access' | 'refresh'; client_id: string; identity_id: number; expires_at: number | null; revoked: number }

export function issueAccessToken(db: Db, clientId: string, identityId: number, ttlSeconds: number, nowMs: number): { token: string; expiresAt: number } {
  const token = opaque();
  const expiresAt = nowMs + ttlSeconds * 1000;
  db.prepare("INSERT INTO oauth_tokens (token, kind, client_id, identity_id, expires_at) VALUES (?, 'access', ?, ?, ?)")
    .run(token, clientId, identityId, expiresAt);
  return { token, expiresAt };
}

export function issueRefreshToken(db: Db, clientId: string, identityId: number): string {
  const token = opaque(32);
  db.prepare("INSERT INTO oauth_tokens (token, kind, client_id, identity_id, expires_at) VALUES (?, 'refresh', ?, ?, NULL)")
    .run(token, clientId, identityId);
  return token;
}

export function findToken(db: Db, token: string, kind: 'access' | 'refresh'): TokenRow | undefined {
  return db.prepare('SELECT * FROM oauth_tokens WHERE token = ? AND kind = ?').get(token, kind) as TokenRow | undefined;
}

/** An access token that is known, unrevoked and unexpired, or undefined. */
export function liveAccessToken(db: Db, token: string, nowMs: number): TokenRow | undefined {
  const row = findToken(db, token, 'access');
  if (!row || row.revoked || (row.expires_at !== null && row.expires_at <= nowMs)) return undefined;
  return row;
}

export function revokeToken(db: Db, token: string): void {
  db.prepare('UPDATE oauth_tokens SET revoked = 1 WHERE token = ?').run(token);
}
