import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from '../http-error.js';

/** Record ids in paths are positive integers; anything else never reaches Highrise. */
export function idParam(c: Context, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new HttpError(400, 'That is not a record id (ids are whole numbers).', { code: 'bad_id', fields: { [name]: ['Must be a positive whole number.'] } });
  return Number(raw);
}

/** `?page=N`, 1-based; Highrise pages by offset n=(N-1)*size. */
export function pageParam(c: Context): number {
  const raw = c.req.query('page') ?? '1';
  if (/^[1-9]\d{6,}$/.test(raw)) throw new HttpError(400, 'There is no page that far: pages go up to 999999.', { code: 'bad_page', fields: { page: ['Must be at most 999999.'] } });
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new HttpError(400, 'Pages are numbered from 1.', { code: 'bad_page', fields: { page: ['Must be a whole number from 1.'] } });
  return Number(raw);
}

/** Validate a JSON body; every problem is reported against its field path (`contactData.emailAddresses.0.address`). */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (body === undefined) throw new HttpError(400, 'Send the record as JSON.', { code: 'bad_json' });
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    (fields[path] ??= []).push(issue.message);
  }
  throw new HttpError(400, 'Some fields need attention.', { code: 'invalid', fields });
}
