// The Skyline sandbox: a Highrise + Launchpad emulator on SQLite. Mount its `app` at /sandbox.
import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import { FaultBook, SimulatedNetworkReset, faultSpec } from './faults.js';

export { SimulatedNetworkReset };
import { highriseHandler } from './highrise.js';
import { launchpadApp } from './launchpad.js';
import { RateLimiter } from './rate-limit.js';
import { isSeeded, seed, seededApiToken } from './seed.js';
import { openDb } from './store.js';
import type { PlanLimits } from './routes/types.js';

export type { PlanLimits };

export interface SandboxOptions {
  dbPath: string;
  tokenTtlSeconds: number;
  clients: { id: string; secret: string }[];
  rateLimit: false | { general: [number, number]; searchByEmail: [number, number]; recordings: [number, number] };
  faults: boolean;
  /** 'large': about 20,000 people, 3,000 companies, 1,000 deals, 200 cases, 50,000 notes and emails, 5,000 tasks in account 1. */
  seedSize?: 'small' | 'large';
  /** The sandbox clock (task frames, timestamps, token expiry, rate limits). Defaults to the real time, read per call. */
  now?: () => Date;
  /** Plan limits answered with 507 Insufficient Storage: people, pending deals, cases. Unlimited when absent. */
  limits?: PlanLimits;
}

export interface Sandbox {
  app: Hono;
  db: Database.Database;
  demo: { apiToken: string; accountId: number; accountPath: string };
  close(): void;
}

export const SANDBOX_CLIENT = { id: 'skyline-sandbox', secret: 'skyline-sandbox-secret' } as const;

export const DEFAULT_RATE_LIMIT = {
  general: [150, 5] as [number, number],
  searchByEmail: [2, 10] as [number, number],
  recordings: [10, 10] as [number, number],
};

export const DEFAULT_TOKEN_TTL_SECONDS = 1_209_600;

const DEMO_ACCOUNT_ID = 1;

export function createSandbox(options: SandboxOptions): Sandbox {
  const db = openDb(options.dbPath);
  // Date.now is read at call time so tests can move the clock with fake timers.
  const now = options.now ? () => options.now!().getTime() : () => Date.now();
  if (!isSeeded(db)) seed(db, { size: options.seedSize ?? 'small', nowMs: now() });
  const limiter = new RateLimiter(now);
  const faults = options.faults ? new FaultBook() : null;

  const app = new Hono();
  app.onError((err, c) => {
    // A simulated connection reset must surface to app.request() callers as a rejected promise.
    if (err instanceof SimulatedNetworkReset) throw err;
    console.error('[sandbox]', err);
    return c.body("We're sorry, but something went wrong.\n", 500, { 'Content-Type': 'text/plain; charset=utf-8' });
  });

  app.route('/launchpad', launchpadApp({ db, clients: options.clients, tokenTtlSeconds: options.tokenTtlSeconds, now }));
  app.all('/highrise/:accountId{[0-9]+}/*', highriseHandler({ db, faults, limiter, limits: options.rateLimit, now, plan: options.limits ?? {} }));

  app.get('/avatars/:file{[0-9]+\\.svg}', (c) => {
    const id = Number(c.req.param('file').replace('.svg', ''));
    // No names here: avatars are fetched without credentials, so they must not reveal private records.
    const hue = (id * 47) % 360;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="Avatar">
<rect width="64" height="64" rx="8" fill="hsl(${hue} 45% 55%)"/><circle cx="32" cy="25" r="11" fill="#fff" fill-opacity=".85"/>
<path d="M12 56c2-11 10-17 20-17s18 6 20 17z" fill="#fff" fill-opacity=".85"/></svg>`;
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' });
  });

  if (faults) {
    app.post('/_faults', async (c) => {
      let json: unknown;
      try {
        json = await c.req.json();
      } catch {
        return c.json({ error: 'Body must be JSON' }, 400);
      }
      const parsed = faultSpec.safeParse(json);
      if (!parsed.success) return c.json({ error: 'Invalid fault', issues: parsed.error.issues }, 400);
      return c.json(faults.add(parsed.data), 201);
    });
    app.get('/_faults', (c) => c.json(faults.list()));
    app.delete('/_faults', (c) => {
      faults.clear();
      return c.body(null, 204);
    });
  }

  return {
    app,
    db,
    demo: { apiToken: seededApiToken('1:1'), accountId: DEMO_ACCOUNT_ID, accountPath: `/sandbox/highrise/${DEMO_ACCOUNT_ID}` },
    close: () => db.close(),
  };
}
