import { describe, expect, it } from 'vitest';
import { call, useSignedInApp } from '../test/harness.js';
import type { ApiErrorBody, One, SubjectField } from './types.js';

const json = async <T>(res: Response) => (await res.json()) as T;

const env = useSignedInApp();

interface FieldRow {
  id: number;
  account_id: number;
  label: string;
  type: string;
}
const stored = (id: number) => env.sb.sandbox.db.prepare('SELECT * FROM subject_fields WHERE id = ?').get(id) as FieldRow | undefined;

async function add(label: string): Promise<SubjectField> {
  const res = await call(env.app, env.jar, 'POST', '/api/custom-fields', { label });
  expect(res.status).toBe(201);
  return (await json<One<SubjectField>>(res)).data;
}

describe('adding, renaming and removing custom fields', () => {
  it('adds a party field with the label trimmed and escaped characters intact', async () => {
    const field = await add('  Shoe size & <fit>  ');
    expect(field).toMatchObject({ label: 'Shoe size & <fit>', type: 'party' });
    expect(stored(field.id!)).toMatchObject({ label: 'Shoe size & <fit>', type: 'party' });
    const list = (await json<{ data: SubjectField[] }>(await call(env.app, env.jar, 'GET', '/api/custom-fields'))).data;
    expect(list.some((f) => f.id === field.id)).toBe(true);
  });

  it('accepts type party and refuses a deal field with the reason', async () => {
    const ok = await call(env.app, env.jar, 'POST', '/api/custom-fields', { label: 'Party typed', type: 'party' });
    expect(ok.status).toBe(201);
    const before = env.sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM subject_fields').get() as { n: number };
    const res = await call(env.app, env.jar, 'POST', '/api/custom-fields', { label: 'Close quarter', type: 'deal' });
    expect(res.status).toBe(400);
    const { error } = await json<ApiErrorBody>(res);
    expect(error.message).toMatch(/Highrise only lets apps add party fields/);
    expect(error.fields?.type?.[0]).toMatch(/party fields/);
    expect(env.sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM subject_fields').get()).toEqual(before);
  });

  it('validates the label with field messages and never reaches Highrise', async () => {
    const before = env.sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM subject_fields').get() as { n: number };
    const cases: [unknown, RegExp][] = [
      [{ label: '   ' }, /Enter a label/],
      [{}, /Enter a label/],
      [{ label: 'x'.repeat(256) }, /255 characters/],
      [{ label: 'Bell\u0007' }, /control character/],
      [{ label: 'Two\nlines' }, /control character/],
    ];
    for (const [body, message] of cases) {
      const res = await call(env.app, env.jar, 'POST', '/api/custom-fields', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await json<ApiErrorBody>(res);
      expect(error.fields?.label?.[0]).toMatch(message);
    }
    const unknownKey = await call(env.app, env.jar, 'POST', '/api/custom-fields', { label: 'Fine', colour: 'red' });
    expect(unknownKey.status).toBe(400);
    expect((await call(env.app, env.jar, 'POST', '/api/custom-fields', { label: 'x'.repeat(255) })).status).toBe(201);
    expect(env.sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM subject_fields').get()).toEqual({ n: before.n + 1 });
  });

  it('a label Highrise already has is a 422 with the message on the label', async () => {
    await add('Favourite colour');
    const res = await call(env.app, env.jar, 'POST', '/api/custom-fields', { label: 'favourite colour' });
    expect(res.status).toBe(422);
    const { error } = await json<ApiErrorBody>(res);
    expect(error.message).toMatch(/already been taken/);
    expect(error.fields?.label?.[0]).toMatch(/already been taken/);
  });

  it('renames a field and answers with it as Highrise now has it', async () => {
    const field = await add('Shoe sise');
    const res = await call(env.app, env.jar, 'PUT', `/api/custom-fields/${field.id}`, { label: ' Shoe size ' });
    expect(res.status).toBe(200);
    expect((await json<One<SubjectField>>(res)).data).toEqual({ id: field.id, label: 'Shoe size', type: 'party' });
    expect(stored(field.id!)?.label).toBe('Shoe size');
    const bad = await call(env.app, env.jar, 'PUT', `/api/custom-fields/${field.id}`, { label: '' });
    expect(bad.status).toBe(400);
    expect((await json<ApiErrorBody>(bad)).error.fields?.label).toBeDefined();
    expect(stored(field.id!)?.label).toBe('Shoe size');
  });

  it('removes a field and, with it, its value on every contact', async () => {
    const field = await add('Doomed field');
    const party = env.sb.sandbox.db.prepare('SELECT id FROM parties WHERE account_id = ? LIMIT 1').get(stored(field.id!)!.account_id) as { id: number };
    env.sb.sandbox.db.prepare('INSERT INTO subject_datas (party_id, subject_field_id, value) VALUES (?, ?, ?)').run(party.id, field.id, '42');
    const res = await call(env.app, env.jar, 'DELETE', `/api/custom-fields/${field.id}`);
    expect(res.status).toBe(204);
    expect(stored(field.id!)).toBeUndefined();
    expect(env.sb.sandbox.db.prepare('SELECT COUNT(*) AS n FROM subject_datas WHERE subject_field_id = ?').get(field.id)).toEqual({ n: 0 });
  });

  it('a missing id is a 404 that names the field; a malformed id a 400', async () => {
    for (const [method, body] of [['PUT', { label: 'Nobody' }], ['DELETE', undefined]] as const) {
      const res = await call(env.app, env.jar, method, '/api/custom-fields/999999', body);
      expect(res.status, method).toBe(404);
      expect((await json<ApiErrorBody>(res)).error.message).toMatch(/custom field no longer exists/);
    }
    expect((await call(env.app, env.jar, 'DELETE', '/api/custom-fields/abc')).status).toBe(400);
  });
});
