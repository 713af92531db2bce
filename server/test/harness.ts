import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppDeps } from '../app.js';
import { loadConfig, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, type Config } from '../config.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox/index.js';

/**
 * BFF tests run the real path: the sandbox listens on an ephemeral port, the BFF (driven with
 * app.request) talks to it over HTTP with real OAuth, real XML and real faults.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** CI clones the repo with a copy of shared/ beside it. */
export const sharedApiDir = path.resolve(repoRoot, '../shared/highrise-api');

export interface SandboxServer {
  origin: string;
  sandbox: Sandbox;
  /** Add a fault (see server/sandbox/faults.ts). */
  fault(spec: unknown): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

export async function startSandboxServer(overrides: Partial<SandboxOptions> = {}): Promise<SandboxServer> {
  const sandbox = createSandbox({
    dbPath: ':memory:',
    tokenTtlSeconds: 3600,
    clients: [{ id: SANDBOX_CLIENT_ID, secret: SANDBOX_CLIENT_SECRET }],
    rateLimit: false,
    faults: true,
    ...overrides,
  });
  const host = new Hono().route('/sandbox', sandbox.app);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const faults = `${origin}/sandbox/_faults`;
  return {
    origin,
    sandbox,
    async fault(spec) {
      const res = await fetch(faults, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(spec) });
      if (res.status !== 201) throw new Error(`fault rejected: ${res.status} ${await res.text()}`);
    },
    async clearFaults() {
      await fetch(faults, { method: 'DELETE' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        sandbox.close();
      }),
  };
}

export function testConfig(origin: string, patch: { highrise?: Partial<Config['highrise']>; corsOrigins?: string[] } = {}): Config {
  const base = loadConfig({ SANDBOX: 'on', LOG_REQUESTS: '0', SESSION_SECRET: 'test-secret-test-secret-test-secret-0123' });
  return {
    ...base,
    oauth: {
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      authorizeUrl: `${origin}/sandbox/launchpad/authorization/new`,
      launchpadUrl: `${origin}/sandbox/launchpad`,
    },
    highrise: { ...base.highrise, contact: 'tests@skyline.example', timeoutMs: 5000, retryBudgetMs: 3000, ...patch.highrise },
    corsOrigins: patch.corsOrigins ?? [],
  };
}

export type TestApp = ReturnType<typeof createApp>;

export function makeApp(config: Config, deps: AppDeps = {}): TestApp {
  return createApp(config, deps);
}

/** A minimal cookie jar: name → value, fed from Set-Cookie headers (expired ones removed). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): this {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface SignInOptions {
  /** Sandbox identity to sign in as: 1 = Mara (two Highrise accounts), 2 = Jonas (one). */
  identityId?: number;
  /** Account to choose when the identity has several; omitted = leave unchosen. */
  accountId?: number;
  returnTo?: string;
  jar?: CookieJar;
}

export interface SignInResult {
  jar: CookieJar;
  /** Where /auth/callback sent the browser. */
  location: string;
}

/** Read the sandbox consent form: its action and every hidden field. */
function consentForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no consent form in the Launchpad page');
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]] = decodeHtml(m[2]);
  return { action: decodeHtml(action), fields };
}

function decodeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The consent step as a browser would do it: load the Launchpad page over HTTP and submit its form. Returns the redirect back to us. */
export async function consent(authorizeLocation: string, identityId: number, decision: 'allow' | 'deny' = 'allow'): Promise<URL> {
  const page = await fetch(authorizeLocation);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  const { action, fields } = consentForm(await page.text());
  const res = await fetch(new URL(action, authorizeLocation), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, identity_id: String(identityId), decision }),
    redirect: 'manual',
  });
  if (res.status !== 302) throw new Error(`consent answered ${res.status}`);
  return new URL(res.headers.get('location')!);
}

/** The whole sign-in: /auth/login → Launchpad consent → /auth/callback (→ /auth/account). */
export async function signIn(app: TestApp, opts: SignInOptions = {}): Promise<SignInResult> {
  const jar = opts.jar ?? new CookieJar();
  const login = await app.request(`/auth/login?returnTo=${encodeURIComponent(opts.returnTo ?? '/people')}`, { headers: { cookie: jar.header } });
  if (login.status !== 302) throw new Error(`/auth/login answered ${login.status}`);
  jar.take(login);
  const back = await consent(login.headers.get('location')!, opts.identityId ?? 2);
  const callback = await app.request(`/auth/callback${back.search}`, { headers: { cookie: jar.header } });
  if (callback.status !== 302) throw new Error(`/auth/callback answered ${callback.status}: ${await callback.text()}`);
  jar.take(callback);
  if (opts.accountId !== undefined) {
    const chosen = await app.request('/auth/account', { method: 'POST', headers: { cookie: jar.header, 'Content-Type': 'application/json' }, body: JSON.stringify({ accountId: opts.accountId }) });
    if (chosen.status !== 200) throw new Error(`/auth/account answered ${chosen.status}: ${await chosen.text()}`);
    jar.take(chosen);
  }
  return { jar, location: callback.headers.get('location')! };
}

/** JSON request helper with the jar's cookies. */
export async function call(app: TestApp, jar: CookieJar, method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { cookie: jar.header };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  jar.take(res);
  return res;
}

export interface SignedInAppOptions {
  /** Sandbox options for startSandboxServer. */
  sandbox?: Partial<SandboxOptions>;
  /** App dependencies (fetch, log), given the started sandbox. */
  deps?: (sb: SandboxServer) => AppDeps;
  /** Who signs in (default: Jonas, identity 2); false = nobody (then `jar` throws). */
  signIn?: SignInOptions | false;
}

/** What useSignedInApp set up; each getter throws if read before its beforeAll ran. */
export interface SignedInApp {
  readonly sb: SandboxServer;
  readonly app: TestApp;
  readonly jar: CookieJar;
}

/**
 * The usual test-file setup: beforeAll starts a sandbox server, makes the app against it and
 * signs in; afterAll closes the sandbox. Call at the top level of a test file.
 */
export function useSignedInApp(opts: SignedInAppOptions = {}): SignedInApp {
  let sb: SandboxServer | undefined;
  let app: TestApp | undefined;
  let jar: CookieJar | undefined;
  beforeAll(async () => {
    sb = await startSandboxServer(opts.sandbox);
    app = makeApp(testConfig(sb.origin), opts.deps?.(sb));
    if (opts.signIn !== false) ({ jar } = await signIn(app, opts.signIn ?? { identityId: 2 }));
  });
  afterAll(() => sb?.close());
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useSignedInApp: ${name} is not set up (read before beforeAll, or signIn: false)`);
    return value;
  };
  return {
    get sb() {
      return ready(sb, 'sb');
    },
    get app() {
      return ready(app, 'app');
    },
    get jar() {
      return ready(jar, 'jar');
    },
  };
}
