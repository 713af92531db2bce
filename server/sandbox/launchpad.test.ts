import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_CLIENT } from './index.js';
import { ORIGIN, PEOPLE, makeSandbox } from './test-helpers.js';

const REDIRECT = 'http://127.0.0.1:4555/auth/callback';
const t = makeSandbox({ tokenTtlSeconds: 60 });

async function authorize(identityId?: number): Promise<string> {
  const page = await t.request(`/sandbox/launchpad/authorization/new?type=web_server&client_id=${SANDBOX_CLIENT.id}&redirect_uri=${encodeURIComponent(REDIRECT)}&state=xyz`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const chosen = identityId ?? Number(/name="identity_id" value="(\d+)" checked/.exec(html)?.[1]);
  const form = new URLSearchParams({ type: 'web_server', client_id: SANDBOX_CLIENT.id, redirect_uri: REDIRECT, state: 'xyz', identity_id: String(chosen), decision: 'allow' });
  const res = await t.request(action!, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(location.origin + location.pathname).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code')!;
}

async function exchange(params: Record<string, string>, inBody = false): Promise<Response> {
  const qs = new URLSearchParams(params).toString();
  return inBody
    ? t.request('/sandbox/launchpad/authorization/token', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: qs })
    : t.request(`/sandbox/launchpad/authorization/token?${qs}`, { method: 'POST' });
}

const codeParams = (code: string) => ({ type: 'web_server', code, client_id: SANDBOX_CLIENT.id, client_secret: SANDBOX_CLIENT.secret, redirect_uri: REDIRECT });

afterEach(() => {
  vi.useRealTimers();
});

describe('fake Launchpad', () => {
  it('renders an accessible consent page listing the identities, first one pre-selected', async () => {
    const res = await t.request(`/sandbox/launchpad/authorization/new?type=web_server&client_id=${SANDBOX_CLIENT.id}&redirect_uri=${encodeURIComponent(REDIRECT)}&state=%3Cscript%3E`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Sign in to Launchpad (Skyline sandbox)</title>');
    expect(html).toContain('<h1>');
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html.match(/type="radio"/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toMatch(/<label class="identity" for="identity-1">/);
    expect(html).toContain('mara@acme-outfitters.example');
    expect(html).toContain('value="&lt;script&gt;"');
    expect(html).not.toContain('<script>');
  });

  it('shows an error page, never a redirect, for an unknown client or a bad redirect_uri', async () => {
    for (const q of [`client_id=evil&redirect_uri=${encodeURIComponent(REDIRECT)}`, `client_id=${SANDBOX_CLIENT.id}`, `client_id=${SANDBOX_CLIENT.id}&redirect_uri=not-a-url`]) {
      const res = await t.request(`/sandbox/launchpad/authorization/new?type=web_server&${q}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('role="alert"');
    }
  });

  it('redirects with error=access_denied on Deny', async () => {
    const form = new URLSearchParams({ type: 'web_server', client_id: SANDBOX_CLIENT.id, redirect_uri: REDIRECT, state: 's1', identity_id: '1', decision: 'deny' });
    const res = await t.request('/sandbox/launchpad/authorization', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('code')).toBeNull();
  });

  it('runs the full flow: consent → code → token → authorization.json → people.xml with Bearer', async () => {
    const code = await authorize();
    const res = await exchange(codeParams(code));
    expect(res.status).toBe(200);
    const tokens = await res.json() as { access_token: string; refresh_token: string; expires_in: number };
    expect(tokens.expires_in).toBe(60);
    expect(tokens.access_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const auth = await t.request('/sandbox/launchpad/authorization.json', { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(auth.status).toBe(200);
    const doc = await auth.json() as { expires_at: string; identity: { id: number; email_address: string }; accounts: { product: string; id: number; href: string; name: string }[] };
    expect(doc.identity).toMatchObject({ id: 1, email_address: 'mara@acme-outfitters.example' });
    const highrise = doc.accounts.filter((a) => a.product === 'highrise');
    expect(highrise.map((a) => [a.id, a.name])).toEqual([[1, 'Acme Outfitters'], [2, 'Northwind Studio']]);
    expect(highrise[0].href).toBe(`${ORIGIN}/sandbox/highrise/1`);
    expect(doc.accounts.some((a) => a.product !== 'highrise')).toBe(true);

    const people = await t.request(`${new URL(highrise[1].href).pathname}/people.xml`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(people.status).toBe(200);
    const me = await (await t.request('/sandbox/highrise/2/me.xml', { headers: { Authorization: `Bearer ${tokens.access_token}` } })).text();
    expect(me).toContain('<name>Mara Lindqvist</name>');

    const xml = await t.request('/sandbox/launchpad/authorization.xml', { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(await xml.text()).toContain('<product>highrise</product>');

    // The code is single use.
    const again = await exchange(codeParams(code));
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('limits other identities to account 1', async () => {
    const code = await authorize(3);
    const { access_token } = await (await exchange(codeParams(code), true)).json() as { access_token: string };
    const doc = await (await t.request('/sandbox/launchpad/authorization.json', { headers: { Authorization: `Bearer ${access_token}` } })).json() as { accounts: { product: string; id: number }[] };
    expect(doc.accounts.filter((a) => a.product === 'highrise').map((a) => a.id)).toEqual([1]);
    expect((await t.request('/sandbox/highrise/2/people.xml', { headers: { Authorization: `Bearer ${access_token}` } })).status).toBe(401);
  });

  it('refuses wrong secrets, mismatched redirect_uri and unknown grant types with verbose JSON', async () => {
    const code = await authorize();
    let res = await exchange({ ...codeParams(code), client_secret: 'wrong' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    res = await exchange({ ...codeParams(code), redirect_uri: 'http://elsewhere.example/cb' });
    expect(res.status).toBe(400);
    expect((await res.json() as { error_description: string }).error_description).toMatch(/redirect_uri/);
    res = await exchange({ type: 'password', client_id: SANDBOX_CLIENT.id, client_secret: SANDBOX_CLIENT.secret });
    expect(res.status).toBe(400);
  });

  it('expires access tokens and refreshes them with the same refresh token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const code = await authorize();
    const first = await (await exchange(codeParams(code))).json() as { access_token: string; refresh_token: string };
    const bearer = (tok: string) => ({ Authorization: `Bearer ${tok}` });
    expect((await t.request(PEOPLE, { headers: bearer(first.access_token) })).status).toBe(200);

    vi.setSystemTime(new Date('2026-03-01T10:01:01Z'));
    const expired = await t.request(PEOPLE, { headers: bearer(first.access_token) });
    expect(expired.status).toBe(401);
    expect(await expired.text()).toBe('HTTP Basic: Access denied.\n');
    expect((await t.request('/sandbox/launchpad/authorization.json', { headers: bearer(first.access_token) })).status).toBe(401);

    const refreshed = await exchange({ type: 'refresh', refresh_token: first.refresh_token, client_id: SANDBOX_CLIENT.id, client_secret: SANDBOX_CLIENT.secret });
    expect(refreshed.status).toBe(200);
    const second = await refreshed.json() as { access_token: string; refresh_token: string };
    expect(second.refresh_token).toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await t.request(PEOPLE, { headers: bearer(second.access_token) })).status).toBe(200);
    const auth = await (await t.request('/sandbox/launchpad/authorization.json', { headers: bearer(second.access_token) })).json() as { expires_at: string };
    expect(auth.expires_at).toBe('2026-03-01T10:02:01Z');
  });

  it('expires verification codes after 10 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const code = await authorize();
    vi.setSystemTime(new Date('2026-03-01T10:10:01Z'));
    const res = await exchange(codeParams(code));
    expect(res.status).toBe(400);
    expect((await res.json() as { error_description: string }).error_description).toMatch(/expired/);
  });
});
