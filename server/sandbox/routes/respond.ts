// Response helpers with Highrise's exact status codes, headers and bodies.
import type { Context } from 'hono';
import { renderErrors, XML_CONTENT_TYPE } from '../render.js';
import { MalformedXml, type XmlNode, parseXml } from '../xml-read.js';

export function xml(c: Context, body: string, status: 200 | 201 = 200, headers: Record<string, string> = {}): Response {
  return c.body(body, status, { 'Content-Type': XML_CONTENT_TYPE, ...headers });
}

/** `head :ok` in Rails: 200, nothing in the body. */
export function ok(c: Context): Response {
  return c.body(null, 200);
}

/** Highrise says "404 The record could not be found" in the status line and sends no document. */
export function notFound(c: Context): Response {
  return c.body(null, 404);
}

export function unprocessable(c: Context, messages: string[]): Response {
  return c.body(renderErrors(messages), 422, { 'Content-Type': XML_CONTENT_TYPE });
}

export type BodyResult = { ok: true; root: XmlNode } | { ok: false; response: Response };

/**
 * Reads an XML request body. Highrise needs `Content-Type: application/xml` (text/xml also works);
 * we answer anything else with 415 so a client that forgets it fails loudly instead of silently
 * sending form data that Highrise would ignore. Malformed XML gets a 500 like Highrise's (REAL-WORLD #14).
 */
export async function readXmlBody(c: Context): Promise<BodyResult> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/xml' && type !== 'text/xml') {
    return { ok: false, response: c.body('Content-Type must be application/xml\n', 415, { 'Content-Type': 'text/plain; charset=utf-8' }) };
  }
  const text = await c.req.text();
  try {
    return { ok: true, root: parseXml(text) };
  } catch (e) {
    if (!(e instanceof MalformedXml)) throw e;
    return {
      ok: false,
      response: c.body("<html><body><h1>We're sorry, but something went wrong.</h1></body></html>\n", 500, { 'Content-Type': 'text/html; charset=utf-8' }),
    };
  }
}

export function offsetParam(query: URLSearchParams): number {
  const n = Number(query.get('n') ?? '0');
  return Number.isInteger(n) && n > 0 ? n : 0;
}
