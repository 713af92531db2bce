import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { apiRoutes } from './api/index.js';
import { authRoutes } from './auth/routes.js';
import type { Config } from './config.js';
import { createServices, sessionMiddleware, type AppEnv } from './context.js';
import { crossSiteGuard, jsonBodiesOnly } from './guards.js';
import type { RequestLog } from './highrise/request-log.js';
import { HttpError } from './http-error.js';
import { setAnswerHeader } from './response-headers.js';
import { securityHeaders } from './security-headers.js';

export type { RequestLog } from './highrise/request-log.js';

export interface AppDeps {
  /** Used for every outgoing call (Launchpad, Highrise); tests inject a wrapper. */
  fetch?: typeof fetch;
  /** One line per Highrise request; defaults to console when config.logRequests. */
  log?: (line: RequestLog) => void;
}

/**
 * The BFF: /healthz, /auth/*, /api/*. Testable with app.request(); it does not listen and does not
 * know about the sandbox or the built SPA (server/server.ts composes those).
 */
export function createApp(config: Config, deps: AppDeps = {}) {
  const services = createServices(config, deps);
  const app = new Hono<AppEnv>();

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter));
      return c.json(err.toBody(), err.status as ContentfulStatusCode);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(new HttpError(err.status, err.message || 'That request could not be handled.').toBody(), err.status);
    }
    // Unknown failures: log the details here, hand the person a sentence without internals.
    console.error(`[skyline] ${c.req.method} ${c.req.path} failed:`, err);
    return c.json(new HttpError(500, 'Something went wrong inside Skyline. Try again; if it keeps happening, tell us what you were doing.', { code: 'internal' }).toBody(), 500);
  });

  // Registered first, so it covers everything composed on this app later (the SPA, the sandbox).
  app.use('*', securityHeaders(config));

  app.get('/healthz', (c) => c.json({ ok: true }));

  // Same-origin SPA: no cross origins unless CORS_ORIGINS lists them.
  if (config.corsOrigins.length > 0) {
    const corsMiddleware = cors({ origin: config.corsOrigins, credentials: true, allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], maxAge: 600 });
    app.use('/api/*', corsMiddleware);
    app.use('/auth/*', corsMiddleware);
  }
  const guard = crossSiteGuard(config);
  app.use('/api/*', guard);
  app.use('/auth/*', guard);
  const jsonOnly = jsonBodiesOnly();
  app.use('/api/*', jsonOnly);
  app.use('/auth/*', jsonOnly);
  const session = sessionMiddleware(services);
  app.use('/api/*', session);
  app.use('/auth/*', session);
  app.use('/api/*', async (c, next) => {
    await next();
    // API answers are per person: never cached by the browser or a proxy.
    setAnswerHeader(c, 'Cache-Control', 'no-store');
  });

  app.route('/auth', authRoutes);
  app.route('/api', apiRoutes);
  return app;
}

export type App = ReturnType<typeof createApp>;
