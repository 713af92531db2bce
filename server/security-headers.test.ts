import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { contentSecurityPolicy, launchpadOrigin } from './security-headers.js';
import { createServerApp, repoRoot } from './server.js';

const env = { SANDBOX: 'on', SANDBOX_DB: ':memory:', LOG_REQUESTS: '0', SESSION_SECRET: 'test-secret-test-secret-test-secret-0123' };

describe('security headers', () => {
  it('go with pages, API answers and errors alike: no framing, no sniffing, our own scripts only', async () => {
    const { app, close } = createServerApp(loadConfig(env));
    try {
      for (const [url, status] of [['/people', null], ['/api/people', 401], ['/healthz', 200], ['/api/nope', 404]] as const) {
        const res = await app.request(url);
        if (status !== null) expect(res.status, url).toBe(status);
        expect(res.headers.get('x-frame-options'), url).toBe('DENY');
        expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
        // Not no-referrer: that makes browsers send `Origin: null` on our own POSTs, which the cross-site guard refuses.
        expect(res.headers.get('referrer-policy'), url).toBe('same-origin');
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).toContain("connect-src 'self'");
      }
    } finally {
      close();
    }
  });

  it('let the sign-in form reach the real Launchpad when one is configured, and only our origin on the sandbox', () => {
    const real = loadConfig({ ...env, SANDBOX: 'off', HIGHRISE_CLIENT_ID: 'id', HIGHRISE_CLIENT_SECRET: 'secret' });
    expect(launchpadOrigin(real)).toBe('https://launchpad.37signals.com');
    expect(contentSecurityPolicy(launchpadOrigin(real))).toContain("form-action 'self' https://launchpad.37signals.com;");
    expect(launchpadOrigin(loadConfig(env))).toBeNull();
    expect(contentSecurityPolicy(null)).toContain("form-action 'self';");
  });

  it('are the same in vercel.json, which serves the SPA from its CDN', () => {
    const vercel = JSON.parse(readFileSync(path.join(repoRoot, 'vercel.json'), 'utf8')) as { headers: { source: string; headers: { key: string; value: string }[] }[] };
    const all = vercel.headers.find((h) => h.source === '/(.*)')?.headers ?? [];
    const value = (key: string) => all.find((h) => h.key.toLowerCase() === key.toLowerCase())?.value;
    expect(value('Content-Security-Policy')).toBe(contentSecurityPolicy('https://launchpad.37signals.com'));
    expect(value('X-Frame-Options')).toBe('DENY');
    expect(value('X-Content-Type-Options')).toBe('nosniff');
    expect(value('Referrer-Policy')).toBe('same-origin');
  });
});
