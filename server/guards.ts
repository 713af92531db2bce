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

/**
 * State-changing requests carry JSON or nothing. A form or `text/plain` body is what a page on
 * another site can send without a CORS preflight, so refusing anything but JSON keeps such a request
 * from ever being read as one of ours, whatever the browser does with cookies and Origin.
 */
export function jsonBodiesOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method)) return next();
    const length = c.req.header('content-length');
    const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (hasBody && type !== 'application/json') {
      throw new HttpError(415, 'Skyline only accepts changes sent as JSON (Content-Type: application/json).', { code: 'json_only' });
    }
    return next();
  };
}
