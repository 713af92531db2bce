import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { setAnswerHeader } from './response-headers.js';

function appWith(answer: () => Response) {
  const seen: { before?: Response; after?: Response } = {};
  const app = new Hono()
    .use('*', async (c, next) => {
      await next();
      seen.before = c.res;
      setAnswerHeader(c, 'Cache-Control', 'no-store');
      seen.after = c.res;
    })
    .get('/', () => answer());
  return { app, seen };
}

describe('setAnswerHeader', () => {
  it('sets the header on the answer itself, without copying the Response around its body', async () => {
    const { app, seen } = appWith(() => Response.json({ ok: true }));
    const res = await app.request('/');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(seen.after).toBe(seen.before);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('still sets it on an answer whose headers cannot change (a redirect), by copying that one', async () => {
    const { app } = appWith(() => Response.redirect('https://example.com/elsewhere', 302));
    const res = await app.request('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://example.com/elsewhere');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
