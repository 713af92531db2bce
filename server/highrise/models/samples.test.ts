/**
 * (a) Every XML sample in the Highrise reference (sections/*.md) that is well-formed parses into its
 * model. The set of samples that are NOT well-formed is pinned, so a reader regression (rejecting a
 * good sample, or accepting a broken one) shows up here.
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseMany, parseManyVariants, parseOne } from '../codec/parse.js';
import type { RecordSchema, Resource } from '../codec/schema.js';
import { XmlReader, xmlRootName } from '../codec/xml-reader.js';
import { accountResource } from './account.js';
import { dealResource, dealStatusResource } from './deal.js';
import { resourceByCollection, resourceByRoot, variantResourceByCollection } from './index.js';
import { kaseResource } from './kase.js';
import { membershipResource } from './membership.js';
import { noteResource } from './note.js';
import { partyResource } from './party.js';
import { personResource } from './person.js';
import { recordingResource } from './recording.js';
import { subjectFieldResource } from './subject-field.js';
import { taskResource } from './task.js';
import { deletionResource } from './deletion.js';
import { sectionSamples } from './test-support.js';

const samples = sectionSamples();
const byId = (id: string) => {
  const s = samples.find((x) => x.id === id);
  if (!s) throw new Error(`no sample ${id}`);
  return s.xml;
};

/** The reference's broken samples: `#{type}` in element names, and mismatched closing tags. */
const KNOWN_BAD = [
  'categories.md#1', // <#{type}-category>
  'categories.md#2',
  'categories.md#3',
  'categories.md#4',
  'data_reference.md#8', // email: <collection-id>…</subject-id>, <size>…</name>
  'emails.md#1', // same
  'notes.md#1', // <collection-id>…</subject-id>
  'tags.md#2', // <party type="Company"> never closed
];


function expectShape(value: unknown, schema: RecordSchema) {
  expect(value).toBeTypeOf('object');
  expect(Object.keys(value as object).sort()).toEqual(Object.keys(schema).sort());
}

describe('reference samples (sections/*.md)', () => {
  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThan(80);
  });

  it('skips exactly the known-bad samples, and our reader agrees with XMLValidator on every one', () => {
    const bad: string[] = [];
    for (const s of samples) {
      const validatorSaysOk = XMLValidator.validate(s.xml) === true;
      let oursOk = true;
      try {
        xmlRootName(s.xml);
      } catch {
        oursOk = false;
      }
      expect(oursOk, s.id).toBe(validatorSaysOk);
      if (!validatorSaysOk) bad.push(s.id);
    }
    expect(bad).toEqual(KNOWN_BAD);
  });

  const good = samples.filter((s) => !KNOWN_BAD.includes(s.id));
  it.each(good.map((s) => [s.id, s.xml] as const))('%s parses into its model', (_id, xml) => {
    const root = xmlRootName(xml);
    if (root === 'name') {
      // The tag-add request body: a bare element.
      const r = new XmlReader(xml);
      r.openRoot();
      expect(r.readText()).toBe('#{name}');
      return;
    }
    const one: Resource<RecordSchema> | undefined = resourceByRoot(root);
    const many = resourceByCollection(root);
    const variants = variantResourceByCollection(root);
    if (one) expectShape(parseOne(one, xml), one.schema);
    else if (many) for (const item of parseMany(many, xml)) expectShape(item, many.schema);
    else if (variants) expect(Array.isArray(parseManyVariants(variants, xml))).toBe(true);
    else throw new Error(`no model for <${root}>`);
  });

  it('deal (data reference): nils, nested category, status, price type', () => {
    const deal = parseOne(dealResource, byId('data_reference.md#6'));
    expect(deal).toMatchObject({
      id: 1,
      accountId: 1,
      name: 'Example',
      background: null,
      currency: 'USD',
      duration: null,
      groupId: null,
      ownerId: null,
      partyId: 6915469,
      price: 1000,
      priceType: 'fixed',
      responsiblePartyId: 1,
      status: 'pending',
      statusChangedOn: null,
      createdAt: '2010-02-24T18:40:32.000Z',
      updatedAt: '2010-02-24T18:44:29.000Z',
      visibleTo: 'Everyone',
      category: { id: 1, name: 'Examples' },
      customFields: [],
      tags: [],
    });
    // `<party>...</party>` has no type: not a person nor a company, so no party (never a guess).
    expect(deal.party).toBeNull();
    expect(deal.parties).toEqual([]);
  });

  it('deal status request body', () => {
    expect(parseOne(dealStatusResource, byId('deals.md#6'))).toEqual({ name: null }); // `#{status}` is not a status
  });

  it('person (people.md Get person): custom fields with underscores, tags, contact data, empty typed → null', () => {
    const p = parseOne(personResource, byId('people.md#3'));
    expect(p).toMatchObject({ id: 1, firstName: 'John', lastName: 'Doe', avatarUrl: null, companyId: 5, ownerId: null, groupId: null, authorId: 2 });
    expect(p.customFields).toEqual([
      { id: 3, subjectFieldId: 1, subjectFieldLabel: 'Sales Region', value: 'Chicago' },
      { id: 5, subjectFieldId: 2, subjectFieldLabel: 'Account Manager', value: 'John' },
    ]);
    expect(p.tags).toEqual([{ id: 1, name: 'Partner' }]);
    expect(p.contactData.phoneNumbers.map((n) => n.number)).toEqual(['555-555-5555', '555-666-6666']);
    expect(p.contactData.addresses).toEqual([]);
  });

  it('task (tasks.md recurring sample): body whitespace kept, nil self-closing, booleans, dashed recurring names', () => {
    const t = parseOne(taskResource, byId('tasks.md#8'));
    expect(t).toMatchObject({
      id: 41848107,
      body: '\nContact Ben about Highrise (Jason Z mentioned he was a big fan)\n',
      alertAt: null,
      doneAt: null,
      dueAt: null,
      recordingId: null,
      categoryId: 5092829,
      public: true,
      frame: 'later',
      subjectType: 'Party',
      subjectName: 'Ben garvey',
      recurringPeriod: null,
      anchorType: 0,
      createdAt: '2014-09-03T15:12:24.000Z',
      notify: null,
    });
    // The recurring create sample writes underscores; read them too.
    expect(parseOne(taskResource, byId('tasks.md#7'))).toMatchObject({ recurringPeriod: 1, anchorType: 0, frame: 'today' });
  });

  it('account: underscored names, untyped boolean', () => {
    expect(parseOne(accountResource, byId('account.md#1'))).toEqual({
      id: 1,
      name: 'Your Company',
      subdomain: 'yourco',
      plan: 'premium',
      ownerId: null,
      peopleCount: 9412,
      storage: 17374444,
      colorTheme: 'blue',
      sslEnabled: true,
      createdAt: '2007-01-12T15:00:00.000Z',
      updatedAt: '2007-01-12T15:00:00.000Z',
    });
  });

  it('deletions: the kind comes from the type attribute', () => {
    const d = parseMany(deletionResource, byId('deletions.md#1'));
    expect(d).toHaveLength(10);
    expect(d[0]).toEqual({ type: 'Company', id: 88602616, deletedAt: '2011-10-06T10:03:41.000Z' });
    expect(d.map((x) => x.type)).toContain('ProjectRecording');
  });

  it('recordings: variants by type attribute', () => {
    const r = parseManyVariants(recordingResource, byId('recordings.md#1'));
    expect(r.map((x) => x.type)).toEqual(['Email', 'Note']);
    expect(r[0].updatedAt).toBe('2007-04-26T13:12:52.000Z');
  });

  it('parties search sample: variants by attribute', () => {
    expect(parseManyVariants(partyResource, byId('parties.md#1')).map((p) => p.type)).toEqual(['Person', 'Company']);
  });

  it('subject fields (dashed), memberships (underscored request), notes (valid sample)', () => {
    expect(parseMany(subjectFieldResource, byId('custom_fields.md#4'))).toEqual([{ id: null, label: 'Close Date', type: 'deal' }]);
    expect(parseOne(membershipResource, byId('memberships.md#3'))).toMatchObject({ userId: 1, groupId: 2 });
    expect(parseOne(membershipResource, byId('memberships.md#1'))).toMatchObject({ userId: 1, groupId: 1 });
    const note = parseOne(noteResource, byId('data_reference.md#11'));
    expect(note.attachments).toEqual([
      { id: 1, url: 'https://example.highrisehq.com/files/1', name: 'picture.png', size: 72633 },
      { id: 2, url: 'https://example.highrisehq.com/files/2', name: 'document.txt', size: 8837 },
    ]);
    expect(note).toMatchObject({ subjectType: null /* a #{…} placeholder */, subjectName: 'John Doe', collectionId: 1, ownerId: null });
  });

  it('case: closed-at empty → open', () => {
    expect(parseOne(kaseResource, byId('cases.md#1'))).toMatchObject({ id: 1, closedAt: null, authorId: null, visibleTo: 'Everyone', parties: [] });
  });
});
