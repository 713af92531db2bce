// A fake 37signals Launchpad: the OAuth 2 (draft 5) web_server flow with refresh, and the
// authorization.json document that tells a client which Highrise accounts it may use.
import { Hono, type Context } from 'hono';
import { sandboxBase } from './highrise.js';
import { consentPage, errorPage } from './launchpad-page.js';
import { findToken, issueAccessToken, issueCode, issueRefreshToken, liveAccessToken, redeemCode, revokeToken } from './oauth.js';
import { type Db, accountsOfIdentity, getIdentity, listIdentities } from './store.js';
import { escapeXml } from './xml.js';

export interface LaunchpadDeps {
  db: Db;
  clients: { id: string; secret: string }[];
  tokenTtlSeconds: number;
  now: () => number;
}

function validRedirect(uri: string | undefined | null): uri is string {
  if (!uri) return false;
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function withParams(uri: string, params: Record<string, string | null>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== null) u.searchParams.set(k, v);
  return u.toString();
}

function oauthError(c: Context, status: 400 | 401, error: string, description: string): Response {
  return c.json({ error, error_description: description }, status);
}

/** Launchpad reads token parameters from the query string (as its docs show) or a form body. */
async function tokenParams(c: Context): Promise<URLSearchParams> {
  const params = new URLSearchParams(new URL(c.req.url).search);
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(await c.req.text())) if (!params.has(k)) params.set(k, v);
  }
  return params;
}

function bearer(c: Context): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return m?.[1];
}

export function launchpadApp(deps: LaunchpadDeps): Hono {
  const app = new Hono();
  const html = (c: Context, body: string, status: 200 | 400 = 200) => c.html(body, status);
  const client = (id: string | undefined | null) => deps.clients.find((x) => x.id === id);

  /** Problems that must never be sent to the redirect_uri (it may belong to an attacker). */
  function requestProblem(p: { type?: string | null; clientId?: string | null; redirectUri?: string | null }): string | null {
    if (!client(p.clientId)) return `Unknown client_id ${JSON.stringify(p.clientId ?? '')}. Register the application first.`;
    if (!validRedirect(p.redirectUri)) return 'The redirect_uri is missing or is not an absolute URL.';
    if (p.type !== 'web_server') return 'Only type=web_server is supported by the sandbox.';
    return null;
  }

  app.get('/authorization/new', (c) => {
    const q = c.req.query();
    const problem = requestProblem({ type: q.type, clientId: q.client_id, redirectUri: q.redirect_uri });
    if (problem) return html(c, errorPage(problem), 400);
    const action = new URL(c.req.url).pathname.replace(/\/new$/, '');
    return html(c, consentPage({ clientId: q.client_id, redirectUri: q.redirect_uri, state: q.state ?? null, type: q.type }, listIdentities(deps.db), action));
  });

  app.post('/authorization', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const p = { type: form.get('type'), clientId: form.get('client_id'), redirectUri: form.get('redirect_uri') };
    const problem = requestProblem(p);
    if (problem) return html(c, errorPage(problem), 400);
    const redirectUri = p.redirectUri as string;
    const state = form.get('state');
    if (form.get('decision') !== 'allow') return c.redirect(withParams(redirectUri, { error: 'access_denied', state }), 302);
    const identity = getIdentity(deps.db, Number(form.get('identity_id')));
    if (!identity) return html(c, errorPage('Choose one of the listed identities.'), 400);
    const code = issueCode(deps.db, p.clientId as string, redirectUri, identity.id, deps.now());
    return c.redirect(withParams(redirectUri, { code, state }), 302);
  });

  app.post('/authorization/token', async (c) => {
    const p = await tokenParams(c);
    const registered = client(p.get('client_id'));
    if (!registered) return oauthError(c, 401, 'invalid_client', `Unknown client_id ${JSON.stringify(p.get('client_id') ?? '')}`);
    if (registered.secret !== p.get('client_secret')) return oauthError(c, 401, 'invalid_client', 'The client_secret does not match this client_id');
    const now = deps.now();
    const type = p.get('type');
    if (type === 'web_server') {
      const code = p.get('code');
      if (!code) return oauthError(c, 400, 'invalid_request', 'Missing code');
      const grant = redeemCode(deps.db, code);
      if (!grant) return oauthError(c, 400, 'invalid_grant', 'Unknown verification code');
      if (grant.used) return oauthError(c, 400, 'invalid_grant', 'This verification code has already been used');
      if (grant.expires_at <= now) return oauthError(c, 400, 'invalid_grant', 'This verification code has expired (codes last 10 minutes)');
      if (grant.client_id !== registered.id) return oauthError(c, 400, 'invalid_grant', 'This verification code was issued to another client');
      if (grant.redirect_uri !== p.get('redirect_uri')) return oauthError(c, 400, 'invalid_grant', 'The redirect_uri does not match the one used to get the code');
      const access = issueAccessToken(deps.db, registered.id, grant.identity_id, deps.tokenTtlSeconds, now);
      const refresh = issueRefreshToken(deps.db, registered.id, grant.identity_id);
      return c.json({ access_token: access.token, refresh_token: refresh, expires_in: deps.tokenTtlSeconds });
    }
    if (type === 'refresh') {
      const refreshToken = p.get('refresh_token');
      if (!refreshToken) return oauthError(c, 400, 'invalid_request', 'Missing refresh_token');
      const row = findToken(deps.db, refreshToken, 'refresh');
      if (!row || row.revoked) return oauthError(c, 400, 'invalid_grant', 'Unknown or revoked refresh_token');
      if (row.client_id !== registered.id) return oauthError(c, 400, 'invalid_grant', 'This refresh_token was issued to another client');
      const access = issueAccessToken(deps.db, registered.id, row.identity_id, deps.tokenTtlSeconds, now);
      return c.json({ access_token: access.token, refresh_token: refreshToken, expires_in: deps.tokenTtlSeconds });
    }
    return oauthError(c, 400, 'unsupported_grant_type', `type must be web_server or refresh, got ${JSON.stringify(type ?? '')}`);
  });

  function authorization(c: Context) {
    const token = bearer(c);
    const grant = token ? liveAccessToken(deps.db, token, deps.now()) : undefined;
    const identity = grant ? getIdentity(deps.db, grant.identity_id) : undefined;
    if (!grant || !identity) return undefined;
    const base = sandboxBase(c, '/launchpad/');
    const accounts = [
      ...accountsOfIdentity(deps.db, identity.id).map((a) => ({
        product: 'highrise', id: a.id, name: a.name, href: `${base}/highrise/${a.id}`, app_href: `${base}/highrise/${a.id}`,
      })),
      // A non-Highrise product, so clients prove they filter by `product`.
      { product: 'bc3', id: 9_900_000 + identity.id, name: 'Acme Projects', href: `https://3.basecampapi.com/${9_900_000 + identity.id}`, app_href: `https://3.basecamp.com/${9_900_000 + identity.id}` },
    ];
    return {
      expires_at: new Date(grant.expires_at ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      identity: { id: identity.id, first_name: identity.first_name, last_name: identity.last_name, email_address: identity.email_address },
      accounts,
    };
  }

  const unauthorized = (c: Context) => c.json({ error: 'invalid_token', error_description: 'OAuth token is missing, unknown, revoked or expired' }, 401, {
    'WWW-Authenticate': 'Bearer realm="37signals", error="invalid_token"',
  });

  // Sandbox extension (Launchpad has no documented revocation endpoint): DELETE /authorization with the
  // Bearer token revokes it, and the refresh_token given as a parameter if it belongs to the same grant holder.
  app.delete('/authorization', async (c) => {
    const token = bearer(c);
    const grant = token ? liveAccessToken(deps.db, token, deps.now()) : undefined;
    if (!token || !grant) return unauthorized(c);
    const p = await tokenParams(c);
    const refresh = p.get('refresh_token');
    if (refresh) {
      const row = findToken(deps.db, refresh, 'refresh');
      if (!row || row.identity_id !== grant.identity_id || row.client_id !== grant.client_id) {
        return oauthError(c, 400, 'invalid_grant', 'That refresh_token does not belong to this access token holder');
      }
      revokeToken(deps.db, refresh);
    }
    revokeToken(deps.db, token);
    return c.body(null, 204);
  });

  app.get('/authorization.json', (c) => {
    const doc = authorization(c);
    return doc ? c.json(doc) : unauthorized(c);
  });

  app.get('/authorization.xml', (c) => {
    const doc = authorization(c);
    if (!doc) return unauthorized(c);
    const t = (name: string, v: string | number, type?: string) => `<${name}${type ? ` type="${type}"` : ''}>${escapeXml(String(v))}</${name}>`;
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<authorization>
  ${t('expires-at', doc.expires_at, 'datetime')}
  <identity>
    ${t('id', doc.identity.id, 'integer')}
    ${t('first-name', doc.identity.first_name)}
    ${t('last-name', doc.identity.last_name)}
    ${t('email-address', doc.identity.email_address)}
  </identity>
  <accounts type="array">
${doc.accounts.map((a) => `    <account>
      ${t('product', a.product)}
      ${t('id', a.id, 'integer')}
      ${t('name', a.name)}
      ${t('href', a.href)}
      ${t('app-href', a.app_href)}
    </account>`).join('\n')}
  </accounts>
</authorization>
`;
    return c.body(body, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });

  return app;
}
