import type { MiddlewareHandler } from 'hono';
import type { Config } from './config.js';
import { HttpError } from './http-error.js';

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;

/**
 * Reject cross-site state-changing requests. SameSite=Lax already keeps the cookie off cross-site
 * POSTs, but a `text/plain` POST needs no preflight, so we also check what the browser says:
 * Origin when present (every browser sends it on POST), else Sec-Fetch-Site. Requests with neither
 * (curl, server-to-server) carry no ambient browser cookie and pass.
 */
export function crossSiteGuard(config: Config): MiddlewareHandler {
  const configured = new Set<string>(config.corsOrigins);
  if (config.appUrl) configured.add(new URL(config.appUrl).origin);
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const ok = origin !== undefined ? origin === new URL(c.req.url).origin || configured.has(origin) : site === undefined || site === 'same-origin' || site === 'none';
    if (!ok) throw new HttpError(403, 'This request came from another site, so Skyline refused it. Open Skyline directly and try again.', { code: 'cross_site' });
    return next();
  };
}
