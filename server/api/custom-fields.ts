import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { groupResource, type Group } from '../highrise/models/group.js';
import { subjectFieldResource, type SubjectField } from '../highrise/models/subject-field.js';
import { HttpError } from '../http-error.js';

/** Custom field definitions (`/subject_fields.xml?type=party|deal|all`), read to build forms and search. */
export const customFieldsRoutes = new Hono<AppEnv>().use('*', requireAccount()).get('/', async (c) => {
  const type = c.req.query('type') ?? 'party';
  if (!['party', 'deal', 'all'].includes(type)) {
    throw new HttpError(400, 'type must be party, deal or all.', { code: 'bad_query', fields: { type: ['Must be party, deal or all.'] } });
  }
  const data = await c.get('highrise').getMany(subjectFieldResource, '/subject_fields.xml', { type });
  return c.json<{ data: SubjectField[] }>({ data });
});

export interface GroupsList {
  data: Group[];
  /** false when Highrise refused (groups are admin-only, a 403): forms then offer only Everyone and Only me. */
  available: boolean;
}

/** `/groups.xml` is admin-only; a 403 is an answer ("not for you"), not a failure. */
export const groupsRoutes = new Hono<AppEnv>().use('*', requireAccount()).get('/', async (c) => {
  try {
    const data = await c.get('highrise').getMany(groupResource, '/groups.xml');
    // Members are not needed to pick a group; keep the payload small.
    return c.json<GroupsList>({ data: data.map((g) => ({ ...g, users: [] })), available: true });
  } catch (e) {
    if (e instanceof HttpError && e.status === 403) return c.json<GroupsList>({ data: [], available: false });
    throw e;
  }
});
