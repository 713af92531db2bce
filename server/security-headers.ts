import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.js';
import { setAnswerHeader } from './response-headers.js';

/**
 * The Content-Security-Policy of every page Skyline serves. Scripts and connections stay on our own
 * origin (the SPA talks only to the BFF); styles allow inline `style` attributes (the virtual list
 * and the charts position with them); images may come from any https host, since contacts' avatars
 * live on Highrise's servers. Forms may go to the Launchpad: "Sign in" is a form whose answer is a
 * redirect there, and browsers hold redirects after a submission to form-action too.
 * vercel.json sends the same policy with the static SPA (a test keeps the two equal).
 */
export function contentSecurityPolicy(launchpadOrigin: string | null): string {
  const formAction = launchpadOrigin ? `'self' ${launchpadOrigin}` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src 'self'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: https:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action ${formAction}`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** The Launchpad's origin when it is another site (null when it is ours: the sandbox's). */
export function launchpadOrigin(config: Config): string | null {
  if (!/^https?:\/\//.test(config.oauth.authorizeUrl)) return null;
  return new URL(config.oauth.authorizeUrl).origin;
}

/**
 * Headers on every answer: the CSP above, no framing (clickjacking), no MIME sniffing, and a
 * referrer policy of `same-origin`. Not `no-referrer`: browsers then send `Origin: null` on our own
 * POSTs, which the cross-site guard would refuse.
 */
export function securityHeaders(config: Config): MiddlewareHandler {
  const csp = contentSecurityPolicy(launchpadOrigin(config));
  const headers = secureHeaders({
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // Only meaningful over https; browsers ignore it on http (the sandbox on loopback).
    strictTransportSecurity: 'max-age=15552000',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
  return async (c, next) => {
    await headers(c, next);
    // A route with a stricter policy of its own (attachments are sandboxed downloads) keeps it.
    if (!c.res.headers.has('Content-Security-Policy')) setAnswerHeader(c, 'Content-Security-Policy', csp);
  };
}
