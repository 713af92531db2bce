import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { buildXml } from '../highrise/codec/build.js';
import type { HighriseClient } from '../highrise/client.js';
import { subjectFieldResource, type SubjectField, type SubjectFieldWrite } from '../highrise/models/subject-field.js';
import { HttpError } from '../http-error.js';
import { idParam, jsonBody } from './params.js';
import { customFieldCreateInput, customFieldUpdateInput } from './schemas/custom-field.js';
import type { One } from './types.js';

const DEAL_FIELDS_REFUSED = 'Highrise only lets apps add party fields (for people and companies). Add deal fields in Highrise itself.';

/** A missing id is about a field, not "a record": say which, and what to do. */
async function onField<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) {
      throw new HttpError(404, 'That custom field no longer exists in Highrise (someone may have removed it). Reload the list.', { code: 'not_found', cause: e });
    }
    throw e;
  }
}

/** Highrise documents no GET for one field, so a renamed field is read back from the list. */
async function findField(highrise: HighriseClient, id: number): Promise<SubjectField> {
  const field = (await highrise.getMany(subjectFieldResource, '/subject_fields.xml', { type: 'all' })).find((f) => f.id === id);
  if (!field) throw new HttpError(404, 'That custom field no longer exists in Highrise (someone may have removed it). Reload the list.', { code: 'not_found' });
  return field;
}

/**
 * Custom field definitions (`/subject_fields.xml?type=party|deal|all`): read to build forms and
 * search; added (party fields only: Highrise refuses deal fields from apps), renamed and removed
 * from the Custom fields settings page.
 */
export const customFieldsRoutes = new Hono<AppEnv>()
  .use('*', requireAccount())
  .get('/', async (c) => {
    const type = c.req.query('type') ?? 'party';
    if (!['party', 'deal', 'all'].includes(type)) {
      throw new HttpError(400, 'type must be party, deal or all.', { code: 'bad_query', fields: { type: ['Must be party, deal or all.'] } });
    }
    const data = await c.get('highrise').getMany(subjectFieldResource, '/subject_fields.xml', { type });
    return c.json<{ data: SubjectField[] }>({ data });
  })
  .post('/', async (c) => {
    // Checked before the label, so a deal-field request hears the reason that matters even with a blank label.
    const raw: unknown = await c.req.json().catch(() => undefined);
    if (raw && typeof raw === 'object' && (raw as { type?: unknown }).type === 'deal') {
      throw new HttpError(400, DEAL_FIELDS_REFUSED, { code: 'deal_field', fields: { type: [DEAL_FIELDS_REFUSED] } });
    }
    const { label } = await jsonBody(c, customFieldCreateInput);
    const write: SubjectFieldWrite = { label };
    const data = await c.get('highrise').create(subjectFieldResource, '/subject_fields.xml', buildXml(subjectFieldResource, write, { mode: 'create' }));
    return c.json<One<SubjectField>>({ data }, 201);
  })
  .on(['PUT', 'PATCH'], '/:id', async (c) => {
    const id = idParam(c);
    const { label } = await jsonBody(c, customFieldUpdateInput);
    const write: SubjectFieldWrite = { label };
    const highrise = c.get('highrise');
    await onField(() => highrise.request('PUT', `/subject_fields/${id}.xml`, { body: buildXml(subjectFieldResource, write, { mode: 'update' }), schema: subjectFieldResource.schema }));
    return c.json<One<SubjectField>>({ data: await findField(highrise, id) });
  })
  .delete('/:id', async (c) => {
    const id = idParam(c);
    await onField(() => c.get('highrise').delete(`/subject_fields/${id}.xml`));
    return c.body(null, 204);
  });
