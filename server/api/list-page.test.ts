import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { transcodeMany } from '../highrise/codec/parse.js';
import { personResource } from '../highrise/models/person.js';
import { sendPage } from './list-page.js';

const people = (n: number) => `<people type="array">${Array.from({ length: n }, (_, i) => `<person><id type="integer">${i + 1}</id><first-name>Ré&amp;mi ${i}</first-name></person>`).join('')}</people>`;

describe('sendPage', () => {
  const app = new Hono().get('/:n', (c) => sendPage(c, transcodeMany(personResource, people(Number(c.req.param('n')))), 2, 3));

  it('sends the codec’s JSON list inside a page, full when it holds the page size', async () => {
    const res = await app.request('/3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.page).toEqual({ number: 2, size: 3, hasMore: true });
    expect(body.data.map((p: { id: number; firstName: string }) => [p.id, p.firstName])).toEqual([
      [1, 'Ré&mi 0'],
      [2, 'Ré&mi 1'],
      [3, 'Ré&mi 2'],
    ]);
  });

  it('a short page has no more after it; an empty one is an empty list', async () => {
    expect((await (await app.request('/2')).json()).page.hasMore).toBe(false);
    expect(await (await app.request('/0')).json()).toEqual({ data: [], page: { number: 2, size: 3, hasMore: false } });
  });
});
