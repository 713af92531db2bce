/**
 * Property-based round trips through the real client against the sandbox over HTTP, for every
 * writable resource the sandbox serves: arbitrary JSON (any Unicode XML can carry, markup
 * characters, `]]>`, entity look-alikes, astral and RTL text, spaces at either end) → buildXml →
 * POST → sandbox (SQLite) → XML → parseOne → JSON, then the same for an update (PUT ?reload=true)
 * and a fresh GET. What comes back must equal what went in, up to the equivalences below.
 *
 * Equivalences (each is a documented behaviour, not a tolerance for bugs):
 *  - an empty string is written as an empty element and comes back as null (Highrise has no
 *    empty-vs-null distinction, REAL-WORLD #12);
 *  - nothing else: line ends survive as sent (CRLF, lone CR): the codec writes a CR as `&#13;`, the
 *    sandbox stores it as decoded and writes it back as `&#13;`, so even a conforming XML parser (which
 *    normalises a raw CR away) reads it back (checked below with fast-xml-parser on the raw GET).
 */
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildXml } from './codec/build.js';
import type { RecordSchema, Resource, Write } from './codec/schema.js';
import { startSandboxServer, testConfig, type SandboxServer } from '../test/harness.js';
import { apiTokenSource, HighriseClient } from './client.js';
import { dealCategoryResource, taskCategoryResource } from './models/category.js';
import { commentResource } from './models/comment.js';
import { companyResource } from './models/company.js';
import { IM_PROTOCOLS } from './models/contact-data.js';
import { dealResource, PRICE_TYPES } from './models/deal.js';
import { emailResource } from './models/email.js';
import { groupResource } from './models/group.js';
import { kaseResource } from './models/kase.js';
import { membershipResource } from './models/membership.js';
import { noteResource } from './models/note.js';
import { personResource } from './models/person.js';
import { subjectFieldResource } from './models/subject-field.js';
import { buildTagAdd, tagResource } from './models/tag.js';
import { RECURRING_PERIODS, taskResource } from './models/task.js';
import { userResource } from './models/user.js';

const NUM_RUNS = 25;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const tricky = fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<![CDATA[', '&amp;', '&#233;', '&nbsp;', '&lt;b&gt;', '<b>bold</b>', '\r\n', '\r', '\n', '\t', ' ', '\u00a0', '😀', '東京', 'مرحبا', 'שלום', '\u202e', 'é', 'e\u0301', '\u200b', 'a');
const text: fc.Arbitrary<string> = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(tricky, { maxLength: 12 }).map((xs) => xs.join('')))
  .filter((s) => !FORBIDDEN.test(s));
/** For fields that must not be blank (a name): at least one visible character. */
const nonBlank = fc.tuple(text, fc.constantFrom('N', 'Ö', '名', '<x>', '&')).map(([s, c]) => `${c}${s}`);

/** What the trip is allowed to change: "" → null. */
function expected(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? null : value;
  if (Array.isArray(value)) return value.map(expected);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expected(v)]));
  return value;
}

/** The fields of `actual` that `input` wrote, compared as the trip defines. */
function pickWritten(actual: Record<string, unknown>, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    const a = actual[k];
    if (Array.isArray(v) && Array.isArray(a)) {
      out[k] = a.map((row, i) => pickWritten(row as Record<string, unknown>, (v[i] ?? {}) as Record<string, unknown>));
    } else if (v && typeof v === 'object' && a && typeof a === 'object') {
      out[k] = pickWritten(a as Record<string, unknown>, v as Record<string, unknown>);
    } else out[k] = a;
  }
  return out;
}

let sb: SandboxServer;
let hr: HighriseClient;
let personId: number;
let noteId: number;
/** The signed-in (administrator) user: a responsible party, a membership's user. */
let meId: number;

beforeAll(async () => {
  sb = await startSandboxServer();
  // ~900 requests: pacing at Highrise's 150 per 5 s would make this a 30 s test (pacing has its own test).
  const base = testConfig(sb.origin);
  const unpaced = { requests: 1_000_000, windowMs: 1000 };
  const config = { ...base, highrise: { ...base.highrise, timeoutMs: 10_000, pacing: { general: unpaced, searchByEmail: unpaced, recordings: unpaced } } };
  hr = new HighriseClient({ baseUrl: `${sb.origin}/sandbox/highrise/1`, tokens: apiTokenSource(sb.sandbox.demo.apiToken), config, log: () => {} });
  personId = (await hr.create(personResource, '/people.xml', buildXml(personResource, { firstName: 'Subject' }, { mode: 'create' }))).id!;
  meId = (await hr.getOne(userResource, '/me.xml')).id!;
  noteId = (await hr.create(noteResource, '/notes.xml', buildXml(noteResource, { body: 'Parent', subjectId: personId, subjectType: 'Party' }, { mode: 'create' }))).id!;
});
afterAll(() => sb.close());

/**
 * Create with `input`, compare; read again, compare; update with `change`, compare the answer and
 * a fresh read. `fixed` fields (subjects, parents) are sent but not part of the generated text.
 */
async function trip<S extends RecordSchema>(resource: Resource<S>, collection: string, input: Record<string, unknown>, change: Record<string, unknown>): Promise<void> {
  const created = (await hr.create(resource, `/${collection}.xml`, buildXml(resource, input as Write<S>, { mode: 'create' }))) as Record<string, unknown>;
  expect(pickWritten(created, input)).toEqual(expected(input));
  const path = `/${collection}/${created.id as number}.xml`;
  const read = (await hr.getOne(resource, path)) as Record<string, unknown>;
  expect(read).toEqual(created);

  const updated = (await hr.update(resource, path, buildXml(resource, change as Write<S>, { mode: 'update' }))) as Record<string, unknown>;
  expect(pickWritten(updated, change)).toEqual(expected(change));
  // Fields the update did not name are left alone (partial update, REAL-WORLD #12).
  const untouched = Object.fromEntries(Object.entries(input).filter(([k]) => !(k in change)));
  expect(pickWritten(updated, untouched)).toEqual(expected(untouched));
  const reread = (await hr.getOne(resource, path)) as Record<string, unknown>;
  expect(pickWritten(reread, { ...input, ...change })).toEqual(expected({ ...input, ...change }));
}

const prop = <T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>) => fc.assert(fc.asyncProperty(arb, run), { numRuns: NUM_RUNS });

const location = fc.constantFrom('Work', 'Home', 'Other');
/** Names Highrise trims and keeps unique (tags, custom field labels): trimmed, with a counter so no two runs collide. */
let serial = 0;
const uniqueName = nonBlank.map((s) => `${s.trim()} ${++serial}`);
const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString());

describe('round trips through the sandbox', { timeout: 60_000 }, () => {
  it('people, with contact data', () =>
    prop(
      fc.record({
        input: fc.record({
          firstName: nonBlank,
          lastName: text,
          title: text,
          background: text,
          contactData: fc.record({
            emailAddresses: fc.array(fc.record({ address: nonBlank, location }), { maxLength: 2 }),
            phoneNumbers: fc.array(fc.record({ number: nonBlank, location }), { maxLength: 2 }),
          }),
        }),
        change: fc.record({ lastName: text, background: text }, { requiredKeys: [] }),
      }),
      ({ input, change }) => trip(personResource, 'people', input, change),
    ));

  it('companies', () =>
    prop(fc.record({ input: fc.record({ name: nonBlank, background: text }), change: fc.record({ name: nonBlank, background: text }, { requiredKeys: [] }) }), ({ input, change }) =>
      trip(companyResource, 'companies', input, change),
    ));

  it('notes', () =>
    prop(fc.record({ body: nonBlank, change: nonBlank }), ({ body, change }) =>
      trip(noteResource, 'notes', { body, subjectId: personId, subjectType: 'Party' }, { body: change }),
    ));

  it('emails', () =>
    prop(fc.record({ title: nonBlank, body: nonBlank, change: nonBlank }), ({ title, body, change }) =>
      trip(emailResource, 'emails', { title, body, subjectId: personId, subjectType: 'Party' }, { title: change }),
    ));

  it('comments', () =>
    prop(fc.record({ body: nonBlank, change: nonBlank }), ({ body, change }) => trip(commentResource, 'comments', { parentId: noteId, body }, { body: change })));

  it('deals', () =>
    prop(fc.record({ name: nonBlank, background: text, change: text }), ({ name, background, change }) =>
      trip(dealResource, 'deals', { name, background, partyId: personId }, { background: change }),
    ));

  it('cases', () =>
    prop(fc.record({ name: nonBlank, background: text, change: nonBlank }), ({ name, background, change }) => trip(kaseResource, 'kases', { name, background }, { name: change })));

  it('tasks', () =>
    prop(fc.record({ body: nonBlank, change: nonBlank }), ({ body, change }) =>
      trip(taskResource, 'tasks', { body, frame: 'tomorrow', subjectId: personId, subjectType: 'Party' }, { body: change }),
    ));

  it('CRLF and a lone CR survive POST → GET through the client; the sandbox sends each CR as &#13;', async () => {
    const body = 'a\r\nb\rc\n\r\n';
    const created = await hr.create(noteResource, '/notes.xml', buildXml(noteResource, { body, subjectId: personId, subjectType: 'Party' }, { mode: 'create' }));
    expect(created.body).toBe(body);
    expect((await hr.getOne(noteResource, `/notes/${created.id!}.xml`)).body).toBe(body);
    const raw = await hr.request('GET', `/notes/${created.id!}.xml`);
    expect(raw.body).not.toContain('\r');
    expect(raw.body).toContain('<body>a&#13;\nb&#13;c\n&#13;\n</body>');
    const conforming = new XMLParser({ parseTagValue: false, trimValues: false, htmlEntities: true }).parse(raw.body) as { note: { body: string } };
    expect(conforming.note.body).toBe(body);
  });

  it('people: every kind of contact data, custom-field values and the LinkedIn URL', async () => {
    const field = await hr.create(subjectFieldResource, '/subject_fields.xml', buildXml(subjectFieldResource, { label: `Round trip ${++serial}` }, { mode: 'create' }));
    await prop(
      fc.record({
        input: fc.record({
          firstName: nonBlank,
          linkedinUrl: text,
          contactData: fc.record({
            addresses: fc.array(fc.record({ street: text, city: text, state: text, zip: text, country: text, location }), { maxLength: 2 }),
            instantMessengers: fc.array(fc.record({ address: nonBlank, protocol: fc.constantFrom(...IM_PROTOCOLS), location: fc.constantFrom('Work', 'Personal', 'Other') }), { maxLength: 2 }),
            twitterAccounts: fc.array(fc.record({ username: nonBlank, location: fc.constantFrom('Personal', 'Business', 'Other') }), { maxLength: 2 }),
            webAddresses: fc.array(fc.record({ url: nonBlank, location: fc.constantFrom('Work', 'Personal', 'Other') }), { maxLength: 2 }),
          }),
          customFields: fc.tuple(nonBlank).map(([value]) => [{ subjectFieldId: field.id!, value }]),
        }),
        change: fc.record({ linkedinUrl: text, title: text }, { requiredKeys: [] }),
      }),
      ({ input, change }) => trip(personResource, 'people', input, change),
    );
  });

  it('deals: price, type, duration, currency, category and responsible party', async () => {
    const category = await hr.create(dealCategoryResource, '/deal_categories.xml', buildXml(dealCategoryResource, { name: `Deals ${++serial}` }, { mode: 'create' }));
    const deal = fc.record({
      price: fc.integer({ min: 0, max: 2_000_000_000 }),
      priceType: fc.constantFrom(...PRICE_TYPES),
      duration: fc.integer({ min: 1, max: 1000 }),
      currency: fc.constantFrom('USD', 'EUR', 'JPY', 'SEK'),
      categoryId: fc.constant(category.id!),
      responsiblePartyId: fc.constant(meId),
    }, { requiredKeys: [] });
    await prop(fc.record({ name: nonBlank, input: deal, change: deal }), ({ name, input, change }) =>
      trip(dealResource, 'deals', { name, partyId: personId, ...input }, change),
    );
  });

  it('tasks: due at an instant, public, category, recurring period and anchor', async () => {
    const category = await hr.create(taskCategoryResource, '/task_categories.xml', buildXml(taskCategoryResource, { name: `Tasks ${++serial}` }, { mode: 'create' }));
    const periods = Object.keys(RECURRING_PERIODS).map(Number);
    const task = fc.record({
      dueAt: instant,
      public: fc.boolean(),
      categoryId: fc.constant(category.id!),
      recurringPeriod: fc.constantFrom(...periods),
      anchorType: fc.constantFrom(0, 1),
    }, { requiredKeys: ['dueAt'] });
    await prop(fc.record({ body: nonBlank, input: task, change: task }), ({ body, input, change }) =>
      trip(taskResource, 'tasks', { body, subjectId: personId, subjectType: 'Party', ...input }, change),
    );
  });

  it('groups (renamed by PUT) and their memberships', () =>
    prop(fc.record({ name: nonBlank.map((s) => s.trim()), change: nonBlank.map((s) => s.trim()) }), async ({ name, change }) => {
      await trip(groupResource, 'groups', { name }, { name: change });
      // A membership has no text and no update: create it and read it back.
      const group = await hr.create(groupResource, '/groups.xml', buildXml(groupResource, { name }, { mode: 'create' }));
      const membership = await hr.create(membershipResource, '/memberships.xml', buildXml(membershipResource, { userId: meId, groupId: group.id! }, { mode: 'create' }));
      expect(membership).toMatchObject({ userId: meId, groupId: group.id });
      expect(await hr.getOne(membershipResource, `/memberships/${membership.id!}.xml`)).toEqual(membership);
      expect((await hr.getOne(groupResource, `/groups/${group.id!}.xml`)).users.map((u) => u.id)).toEqual([meId]);
    }));

  it('custom field definitions (subject fields), created and renamed', () =>
    prop(fc.record({ label: uniqueName, change: uniqueName }), ({ label, change }) => trip(subjectFieldResource, 'subject_fields', { label }, { label: change })));

  it('tags: a bare <name> on a subject comes back as that tag, on the subject too', () =>
    prop(uniqueName, async (name) => {
      const tag = await hr.create(tagResource, `/people/${personId}/tags.xml`, buildTagAdd(name));
      expect(tag.name).toBe(name);
      const onSubject = await hr.getMany(tagResource, `/people/${personId}/tags.xml`);
      expect(onSubject).toContainEqual({ id: tag.id, name });
    }));

  // The sandbox trims category names (surrounding whitespace, CR included), as Highrise's own
  // category form does; names are generated trimmed so the rest of the text is still checked exactly.
  const categoryName = nonBlank.map((s) => s.trim());
  it('deal and task categories', () =>
    prop(fc.record({ name: categoryName, change: categoryName }), async ({ name, change }) => {
      await trip(dealCategoryResource, 'deal_categories', { name }, { name: change });
      await trip(taskCategoryResource, 'task_categories', { name }, { name: change });
    }));
});
