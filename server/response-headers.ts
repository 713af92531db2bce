import type { Context } from 'hono';

/**
 * Sets a header on the answer a middleware got back from `next()`. Hono's `c.header()` at that
 * point copies the whole Response to do it (a new Response around the same body, on every API
 * answer: about a millisecond on a 500-person page). Headers are set in place unless they are
 * immutable (a Response straight from `fetch()`), where the copy is the only way.
 */
export function setAnswerHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
