import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { userAgent } from '../auth/launchpad.js';
import { HttpError } from '../http-error.js';
import { idParam } from './params.js';

/**
 * GET /api/files/:id — an attachment of a note or email, streamed through the BFF with the session's
 * token, so the SPA never sees a Highrise URL or a token. Highrise may answer with a redirect to its
 * file store: that hop is followed here without the Authorization header.
 *
 * The file is always sent as a download (Content-Disposition: attachment) under a sandboxing CSP:
 * an uploaded HTML file must never run as a page on Skyline's origin.
 */
export const filesRoutes = new Hono<AppEnv>().use('*', requireAccount()).get('/:id', async (c) => {
  const id = idParam(c);
  const session = c.get('session')!;
  const account = session.accounts.find((a) => a.id === session.accountId)!;
  const { config, fetch: fetchFn } = c.get('services');
  const url = new URL(`files/${id}`, `${account.href.replace(/\/+$/, '')}/`);

  const get = (target: URL, auth: boolean) =>
    fetchFn(target, {
      headers: { ...(auth ? { Authorization: `Bearer ${session.accessToken}` } : {}), 'User-Agent': userAgent(config) },
      redirect: 'manual',
      signal: AbortSignal.timeout(config.highrise.timeoutMs * 4),
    });

  let res: Response;
  try {
    res = await get(url, true);
    if (res.status === 401) {
      // Let the Highrise client refresh the session's token (it updates the session), then try once more.
      await c.get('highrise').request('GET', '/me.xml');
      res = await get(url, true);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') throw new HttpError(502, 'Highrise sent the file somewhere Skyline cannot fetch from.');
      // Only the account's own host gets the token; a file store gets a plain request.
      res = await get(next, next.origin === url.origin);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(502, 'Skyline could not fetch that file from Highrise. Try again in a moment.', { code: 'upstream_unreachable', cause: e });
  }
  if (res.status === 404) throw new HttpError(404, 'That file is no longer in Highrise.', { code: 'not_found' });
  if (res.status === 401) throw new HttpError(401, 'Your Highrise session has ended. Sign in again.', { code: 'session_expired' });
  if (!res.ok || !res.body) throw new HttpError(502, `Highrise could not hand over that file (${res.status}). Try again in a moment.`, { code: 'upstream_error' });

  const name = c.req.query('name') ?? filenameOf(res.headers.get('content-disposition')) ?? `file-${id}`;
  const headers = new Headers({
    'Content-Type': res.headers.get('content-type') ?? 'application/octet-stream',
    'Content-Disposition': contentDisposition(name),
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
  const length = res.headers.get('content-length');
  if (length) headers.set('Content-Length', length);
  return new Response(res.body, { status: 200, headers });
});

function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

/** File systems take names of up to 255 bytes; leave room for the " (1)" a browser adds to a second copy. */
const MAX_NAME_BYTES = 200;

/**
 * RFC 6266 for every download Skyline hands out: the UTF-8 name in filename* and an ASCII fallback
 * (accents dropped rather than replaced). Characters no file system takes become `_`; a long name is
 * cut, by whole characters, to MAX_NAME_BYTES of UTF-8 and keeps its extension.
 */
export function contentDisposition(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f"\\/:*?<>|]/g, '_').trim() || 'file';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  let stem = clean.slice(0, clean.length - ext.length);
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  if (bytes(stem + ext) > MAX_NAME_BYTES) {
    const chars = [...stem];
    while (chars.length > 1 && bytes(chars.join('') + ext) > MAX_NAME_BYTES) chars.pop();
    stem = chars.join('').trimEnd();
  }
  const utf8 = stem + ext;
  const ascii = utf8.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(utf8)}`;
}

/**
 * A filename* value (RFC 5987 ext-value). encodeURIComponent leaves ' ( ) * as they are, but they are not
 * attr-chars: browsers then ignore filename* and a "Devis (révisé).pdf" arrives as "Devis (r_vis_).pdf".
 */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
