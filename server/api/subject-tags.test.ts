import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { Deal, One, Tag } from './types.js';

/** Tags on deals and cases through the generic /api/tags/:subject/:id routes (people and companies: tags.test.ts). */
const json = async <T>(res: Response) => (await res.json()) as T;

const env = useSignedInApp();

describe('tags on deals and cases', () => {
  for (const [subject, id, type] of [['deals', 2000001, 'Deal'], ['kases', 3000001, 'Kase']] as const) {
    it(`adds (idempotent by name), lists and removes a tag on ${subject}`, async () => {
      const added = await call(env.app, env.jar, 'POST', `/api/tags/${subject}/${id}`, { name: `  Priority & Co ${subject} ` });
      expect(added.status).toBe(201);
      const tag = (await json<One<Tag>>(added)).data;
      expect(tag.name).toBe(`Priority & Co ${subject}`);
      // Case-insensitively the same tag: no duplicate.
      expect((await json<One<Tag>>(await call(env.app, env.jar, 'POST', `/api/tags/${subject}/${id}`, { name: `priority & co ${subject}` }))).data.id).toBe(tag.id);
      const listed = await json<{ data: Tag[] }>(await call(env.app, env.jar, 'GET', `/api/tags/${subject}/${id}`));
      expect(listed.data.filter((t) => t.id === tag.id)).toHaveLength(1);
      const row = env.sb.sandbox.db.prepare('SELECT count(*) AS n FROM subject_taggings WHERE subject_type = ? AND subject_id = ? AND tag_id = ?').get(type, id, tag.id) as { n: number };
      expect(row.n).toBe(1);
      if (subject === 'deals') {
        expect((await json<One<Deal>>(await call(env.app, env.jar, 'GET', `/api/deals/${id}`))).data.tags.map((t) => t.id)).toContain(tag.id);
      } else {
        expect((await json<{ data: Tag[] }>(await call(env.app, env.jar, 'GET', `/api/cases/${id}/tags`))).data.map((t) => t.id)).toContain(tag.id);
      }
      expect((await call(env.app, env.jar, 'DELETE', `/api/tags/${subject}/${id}/${tag.id}`)).status).toBe(204);
      expect((await json<{ data: Tag[] }>(await call(env.app, env.jar, 'GET', `/api/tags/${subject}/${id}`))).data.map((t) => t.id)).not.toContain(tag.id);
    });
  }

  it('refuses a blank name, an unknown subject and a missing record', async () => {
    expect((await call(env.app, env.jar, 'POST', '/api/tags/deals/2000001', { name: '  ' })).status).toBe(400);
    expect((await call(env.app, env.jar, 'GET', '/api/tags/cases/3000001')).status).toBe(400);
    expect((await call(env.app, env.jar, 'GET', '/api/tags/deals/2999999')).status).toBe(404);
    expect((await call(env.app, env.jar, 'POST', '/api/tags/kases/3999999', { name: 'x' })).status).toBe(404);
  });
});
