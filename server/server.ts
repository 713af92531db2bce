import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type AppDeps } from './app.js';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_MOUNT, type Config } from './config.js';
import { createSandbox, DEFAULT_RATE_LIMIT, type Sandbox } from './sandbox/index.js';

/**
 * The whole server as one Hono app: the BFF, the sandbox (when enabled, wired here so production
 * routes never import it) and the built SPA with its history fallback. Reused by the Node entry,
 * e2e and any other host.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(repoRoot, 'dist');

export interface ServerApp {
  app: ReturnType<typeof createApp>;
  sandbox: Sandbox | null;
  close(): void;
}

const NOT_SPA = /^\/(api|auth|sandbox|healthz)(\/|$)/;

export function createServerApp(config: Config, deps: AppDeps = {}): ServerApp {
  const app = createApp(config, deps);

  let sandbox: Sandbox | null = null;
  if (config.sandbox.enabled) {
    sandbox = createSandbox({
      // ':memory:' is SQLite's in-memory database, not a file name to resolve.
      dbPath: config.sandbox.dbPath === ':memory:' ? ':memory:' : path.resolve(repoRoot, config.sandbox.dbPath),
      tokenTtlSeconds: config.sandbox.tokenTtlSeconds,
      clients: [{ id: SANDBOX_CLIENT_ID, secret: SANDBOX_CLIENT_SECRET }],
      rateLimit: config.sandbox.rateLimit ? DEFAULT_RATE_LIMIT : false,
      faults: config.sandbox.faults,
      seedSize: config.sandbox.seedSize,
    });
    // Mounted before the SPA fallback so /sandbox/* never answers with index.html.
    app.route(SANDBOX_MOUNT, sandbox.app);
  }

  const assets = serveStatic({ root: path.relative(process.cwd(), distDir) || '.' });
  app.use('*', async (c, next) => {
    if (NOT_SPA.test(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    return assets(c, next);
  });

  // History fallback: every other GET is a page of the SPA (read per request in dev-ish setups is cheap; cached by mtime).
  let cached: { mtimeMs: number; html: string } | null = null;
  app.get('*', (c) => {
    if (NOT_SPA.test(c.req.path)) return c.notFound();
    const file = path.join(distDir, 'index.html');
    if (!existsSync(file)) return c.text('Skyline is not built yet: run `npm run build`, then reload.', 503);
    const mtimeMs = statSync(file).mtimeMs;
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    c.header('Cache-Control', 'no-cache');
    return c.html(cached.html);
  });

  return { app, sandbox, close: () => sandbox?.close() };
}
