import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Every setting Skyline reads from the environment, in one place (documented in the README).
 * Without OAuth credentials Skyline runs on its embedded sandbox; with them it talks to the real
 * Launchpad and Highrise.
 */

const bool = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no', ''])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

/**
 * "requests/seconds", both whole and at least 1: with 0 requests the pacer would wait for a slot that
 * never comes (every Highrise request would hang), and a 0-second window would pace nothing.
 */
const paceSpec = (example: string) =>
  z
    .string()
    .regex(/^[1-9]\d*\/[1-9]\d*$/, `use requests/seconds, both at least 1, e.g. ${example}`)
    .default(example);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  NODE_ENV: z.string().default('development'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  HIGHRISE_CLIENT_ID: z.string().min(1).optional(),
  HIGHRISE_CLIENT_SECRET: z.string().min(1).optional(),
  APP_URL: z.string().url().optional(),
  LAUNCHPAD_URL: z.string().url().default('https://launchpad.37signals.com'),
  SANDBOX: z.enum(['auto', 'on', 'off']).default('auto'),
  SANDBOX_DB: z.string().default('.data/sandbox.sqlite'),
  SANDBOX_URL: z.string().url().optional(),
  SANDBOX_TOKEN_TTL: z.coerce.number().int().positive().default(1_209_600),
  SANDBOX_RATE_LIMIT: bool.default(true),
  SANDBOX_FAULTS: bool.default(false),
  /** Seed for a new sandbox database: 'small' (a few hundred contacts) or 'large' (about 20,000 people, 3,000 companies). */
  SANDBOX_SEED: z.enum(['small', 'large']).default('small'),
  HIGHRISE_CONTACT: z.string().default('skyline@example.com'),
  HIGHRISE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  HIGHRISE_RETRY_BUDGET_MS: z.coerce.number().int().nonnegative().default(20_000),
  LOG_REQUESTS: bool.default(true),
  /** Comma-separated origins allowed to call /api and /auth with credentials; empty = same origin only. */
  CORS_ORIGINS: z.string().default(''),
  /** Client-side pacing per account, "requests/seconds" (REAL-WORLD #22: limits change, so they are settings). */
  HIGHRISE_PACE_GENERAL: paceSpec('150/5'),
  HIGHRISE_PACE_EMAIL_SEARCH: paceSpec('2/10'),
  HIGHRISE_PACE_RECORDINGS: paceSpec('10/10'),
});

/** A sliding-window limit: at most `requests` started in any `windowMs`. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

export interface PacingLimits {
  general: RateLimit;
  /** `/search.xml` by email address. */
  searchByEmail: RateLimit;
  /** `/recordings.xml`. */
  recordings: RateLimit;
}

function rate(spec: string): RateLimit {
  const [requests, seconds] = spec.split('/').map(Number);
  return { requests, windowMs: seconds * 1000 };
}

export interface Config {
  port: number;
  host: string;
  production: boolean;
  /** Secure (and `__Host-`) cookies: on when APP_URL is https, else in production. */
  secureCookies: boolean;
  /** 32+ character secret the session cookie is encrypted with. */
  sessionSecret: string;
  /** Public base URL of Skyline, used for the OAuth redirect URI; when unset, taken from each request. */
  appUrl: string | null;
  oauth: {
    clientId: string;
    clientSecret: string;
    /** Where the browser is sent to authorize (may be a path on this server in sandbox mode). */
    authorizeUrl: string;
    /** Where the BFF exchanges codes and reads authorization.json (always absolute). */
    launchpadUrl: string;
  };
  sandbox: {
    enabled: boolean;
    dbPath: string;
    tokenTtlSeconds: number;
    rateLimit: boolean;
    faults: boolean;
    /** Only used when the database file is new. */
    seedSize: 'small' | 'large';
  };
  highrise: {
    /** Contact in the User-Agent, as 37signals asks. */
    contact: string;
    timeoutMs: number;
    /** Longest total wait spent honouring Retry-After before a 503 is handed to the SPA. */
    retryBudgetMs: number;
    pacing: PacingLimits;
  };
  logRequests: boolean;
  /** Extra origins allowed cross-origin with credentials (CORS_ORIGINS); none by default. */
  corsOrigins: string[];
}

export const SANDBOX_MOUNT = '/sandbox';
export const SANDBOX_CLIENT_ID = 'skyline-sandbox';
export const SANDBOX_CLIENT_SECRET = 'skyline-sandbox-secret';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const hasOAuth = Boolean(e.HIGHRISE_CLIENT_ID && e.HIGHRISE_CLIENT_SECRET);
  const sandbox = e.SANDBOX === 'on' || (e.SANDBOX === 'auto' && !hasOAuth);
  const production = e.NODE_ENV === 'production';

  if (!sandbox && !hasOAuth) throw new Error('SANDBOX=off needs HIGHRISE_CLIENT_ID and HIGHRISE_CLIENT_SECRET (register an app at launchpad.37signals.com/integrations).');
  if (production && !sandbox && !e.SESSION_SECRET) throw new Error('SESSION_SECRET (32+ characters) is required in production.');

  // The sandbox's Launchpad lives on this very server: the browser is sent to a path, the BFF calls loopback
  // (or SANDBOX_URL where there is no loopback to call, e.g. a serverless deployment).
  const loopback = (e.SANDBOX_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/$/, '');
  const useSandboxLaunchpad = sandbox && !hasOAuth;

  return {
    port: e.PORT,
    host: e.HOST,
    production,
    secureCookies: e.APP_URL ? e.APP_URL.startsWith('https:') : production,
    // A random secret per start is fine for a sandbox: sessions just end when the server restarts.
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    appUrl: e.APP_URL ? e.APP_URL.replace(/\/$/, '') : null,
    oauth: {
      clientId: useSandboxLaunchpad ? SANDBOX_CLIENT_ID : e.HIGHRISE_CLIENT_ID!,
      clientSecret: useSandboxLaunchpad ? SANDBOX_CLIENT_SECRET : e.HIGHRISE_CLIENT_SECRET!,
      authorizeUrl: useSandboxLaunchpad ? `${SANDBOX_MOUNT}/launchpad/authorization/new` : `${e.LAUNCHPAD_URL.replace(/\/$/, '')}/authorization/new`,
      launchpadUrl: useSandboxLaunchpad ? `${loopback}${SANDBOX_MOUNT}/launchpad` : e.LAUNCHPAD_URL.replace(/\/$/, ''),
    },
    sandbox: {
      enabled: sandbox,
      dbPath: e.SANDBOX_DB,
      tokenTtlSeconds: e.SANDBOX_TOKEN_TTL,
      rateLimit: e.SANDBOX_RATE_LIMIT,
      faults: e.SANDBOX_FAULTS,
      seedSize: e.SANDBOX_SEED,
    },
    highrise: {
      contact: e.HIGHRISE_CONTACT,
      timeoutMs: e.HIGHRISE_TIMEOUT_MS,
      retryBudgetMs: e.HIGHRISE_RETRY_BUDGET_MS,
      pacing: {
        general: rate(e.HIGHRISE_PACE_GENERAL),
        searchByEmail: rate(e.HIGHRISE_PACE_EMAIL_SEARCH),
        recordings: rate(e.HIGHRISE_PACE_RECORDINGS),
      },
    },
    logRequests: e.LOG_REQUESTS,
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
  };
}
