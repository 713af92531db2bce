import type { Context } from 'hono';
import type { JsonList } from '../highrise/codec/parse.js';
import type { Page } from './types.js';

const encoder = new TextEncoder();
const HEAD = encoder.encode('{"data":');

/**
 * A `Page<T>` answer around a list the codec already wrote as JSON: the list's bytes go out as they
 * are, rather than becoming values to serialise again (on a 500-person page that round trip was most
 * of what the BFF added to Highrise's own time; see server/bench/). The page is full, so more may
 * follow, when it holds `size` members (REAL-WORLD #20).
 */
export function sendPage<T>(c: Context, list: JsonList<T>, number: number, size: number): Response {
  const page: Page<T>['page'] = { number, size, hasMore: list.count === size };
  const tail = encoder.encode(`,"page":${JSON.stringify(page)}}`);
  const body = new Uint8Array(HEAD.length + list.json.length + tail.length);
  body.set(HEAD, 0);
  body.set(list.json, HEAD.length);
  body.set(tail, HEAD.length + list.json.length);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
}
