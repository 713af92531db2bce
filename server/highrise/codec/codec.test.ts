import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../http-error.js';
import { personCreateInput } from '../../api/schemas/person.js';
import { sharedApiDir } from '../../test/harness.js';
import { companyResource } from '../models/company.js';
import { partyResource } from '../models/party.js';
import { personResource, type PersonWrite } from '../models/person.js';
import { buildElement, buildXml } from './build.js';
import { parseErrors, parseMany, parseManyVariants, parseOne } from './parse.js';

const fixture = (name: string) => readFileSync(path.join(sharedApiDir, 'fixtures', name), 'utf8');

describe('fixtures from the field parse to concrete values', () => {
  it('person-full.xml', () => {
    const p = parseOne(personResource, fixture('person-full.xml'));
    expect(p.id).toBe(116230001);
    // Numeric character references decoded.
    expect(p.firstName).toBe('Renée');
    // Non-breaking space kept, not trimmed away.
    expect(p.lastName).toBe('Okafor\u00a0');
    // CRLF inside text kept; &#8211; and &#8217; decoded.
    expect(p.background).toBe('Met at the Lisbon trade fair.\r\nPrefers calls after 3pm \u2013 ask for Renée\u2019s assistant.');
    // nil in its spellings → null, never 0 or ''.
    expect(p.title).toBeNull();
    expect(p.groupId).toBeNull();
    expect(p.ownerId).toBeNull();
    expect(p.linkedinUrl).toBeNull();
    expect(p.companyId).toBe(116620001);
    expect(p.companyName).toBe('Harbor & Finch Ltd');
    expect(p.createdAt).toBe('2012-05-02T22:50:40.000Z');
    expect(p.avatarUrl).toBe('http://dge9rmgqjs8m1.cloudfront.net/highrise/missing/avatar.gif?r=3');
    expect(p.tags).toEqual([{ id: 1353601, name: 'Trade Fair 2012' }]);
    // Self-closing typed arrays are empty lists.
    expect(p.contactData.instantMessengers).toEqual([]);
    expect(p.contactData.twitterAccounts).toEqual([]);
    expect(p.contactData.webAddresses).toEqual([]);
    expect(p.contactData.addresses).toEqual([{ id: 90210001, street: '12 Rua Exemplo', city: 'Porto', state: null, zip: '4000-001', country: null, location: 'Work' }]);
    expect(p.contactData.phoneNumbers.map((n) => n.number)).toEqual(['(555) 010-2000 ', '+1 (555) 010-2001']);
    // Stored as typed: whitespace and capitals are the person's (REAL-WORLD #10).
    expect(p.contactData.emailAddresses[0].address).toBe(' Renee.Okafor@Example.COM');
    // Underscore custom fields (REAL-WORLD #1).
    expect(p.customFields).toEqual([{ id: 39316001, subjectFieldId: 599801, subjectFieldLabel: 'Customer number', value: '717' }]);
  });

  it('companies-list.xml', () => {
    const list = parseMany(companyResource, fixture('companies-list.xml'));
    expect(list.map((c) => c.name)).toEqual(['Quayside Capital', 'Northgate Holdings']);
    const [quay, north] = list;
    expect(quay.authorId).toBeNull();
    expect(quay.background).toBeNull();
    // Tags left out altogether → empty list, never "fetch it" (REAL-WORLD #2).
    expect(quay.tags).toEqual([]);
    expect(quay.customFields).toEqual([]);
    expect(quay.contactData.phoneNumbers).toEqual([]);
    expect(north.background).toBe('Family office & advisory.');
    expect(north.tags).toEqual([{ id: 1353001, name: 'Investor - Private Equity' }]);
    expect(north.contactData.phoneNumbers).toEqual([{ id: 77419001, number: '555.010.3000', location: 'Work' }]);
  });

  it('parties-mixed.xml (type as an attribute)', () => {
    const parties = parseManyVariants(partyResource, fixture('parties-mixed.xml'));
    expect(parties.map((p) => p.type)).toEqual(['Company', 'Person']);
    const [company, person] = parties;
    if (company.type !== 'Company' || person.type !== 'Person') throw new Error('variants out of order');
    expect(company.name).toBe('Lumen & Oak');
    expect(person.firstName).toBe('Ada');
    expect(person.companyId).toBe(501);
    // An empty untyped element is null.
    expect(person.background).toBeNull();
    expect(person.contactData.emailAddresses[0].address).toBe('ada.quist@example.com');
    // Missing containers are empty lists.
    expect(person.contactData.addresses).toEqual([]);
  });

  it('errors-422.xml', () => {
    expect(parseErrors(fixture('errors-422.xml'))).toEqual(['Location is not included in the list', "Name can't be blank"]);
    expect(parseErrors('')).toEqual([]);
    expect(parseErrors('<errors/>')).toEqual([]);
  });

  it('reads the avatar_url spelling too', () => {
    const p = parseOne(personResource, '<person><id type="integer">1</id><first-name>A</first-name><avatar_url>https://x.example/a.png</avatar_url></person>');
    expect(p.avatarUrl).toBe('https://x.example/a.png');
  });

  it('one member is still a list; an empty list document is an empty list', () => {
    expect(parseMany(personResource, '<people type="array"><person><id type="integer">7</id></person></people>').map((p) => p.id)).toEqual([7]);
    expect(parseMany(personResource, '<people type="array"/>')).toEqual([]);
    expect(parseMany(personResource, '<nil-classes type="array"/>')).toEqual([]);
  });

  it('ignores unknown elements', () => {
    const p = parseOne(personResource, '<person><id type="integer">3</id><first-name>B</first-name><associated-parties><party/></associated-parties><admin>true</admin></person>');
    expect(p).toMatchObject({ id: 3, firstName: 'B' });
  });
});

describe('broken XML is a clear error, never a partial record', () => {
  it.each([
    ['truncated', fixture('person-full.xml').slice(0, 900)],
    ['mismatched tags', '<person><first-name>x</person>'],
    ['not XML', 'HTTP Basic: Access denied.\n'],
    ['empty', ''],
  ])('%s', (_name, xml) => {
    let error: unknown;
    try {
      parseOne(personResource, xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 502, code: 'upstream_malformed' });
    expect((error as HttpError).message).toMatch(/^Highrise sent a response Skyline could not read/);
  });

  it('a different root is named in the error', () => {
    expect(() => parseOne(personResource, '<company><id type="integer">1</id></company>')).toThrow(/expected <person>, got <company>/);
  });
});

describe('JSON → XML → JSON', () => {
  const awkward = {
    firstName: 'Zoë <&> "quotes" \'apostrophes\'',
    lastName: '山田 ]]> Ω 😀',
    title: 'R&D <b>lead</b>',
    background: 'CRLF\r\nkept\u00a0and tabs\tkept',
    companyName: 'Harbor & Finch',
    contactData: {
      emailAddresses: [
        { address: 'a@example.com', location: 'Work' },
        { address: 'b@example.com', location: 'Home' },
      ],
    },
    customFields: [{ subjectFieldId: 5, value: '<7> & 8' }],
  } satisfies PersonWrite;

  it('round-trips awkward text through the codec', () => {
    const xml = buildXml(personResource, awkward, { mode: 'create' });
    expect(xml).not.toMatch(/<b>/);
    expect(xml).toContain('&lt;&amp;&gt;');
    const back = parseOne(personResource, xml);
    expect(back.firstName).toBe(awkward.firstName);
    expect(back.lastName).toBe(awkward.lastName);
    expect(back.title).toBe(awkward.title);
    expect(back.background).toBe(awkward.background);
    expect(back.companyName).toBe(awkward.companyName);
    expect(back.contactData.emailAddresses.map((e) => [e.address, e.location])).toEqual([
      ['a@example.com', 'Work'],
      ['b@example.com', 'Home'],
    ]);
    expect(back.customFields).toEqual([{ id: null, subjectFieldId: 5, subjectFieldLabel: null, value: '<7> & 8' }]);
  });

  it('writes only writable fields that are present; null is an explicit empty element', () => {
    const input = { title: null, id: 99, avatarUrl: 'x', tags: [{ name: 'VIP' }] } as unknown as PersonWrite;
    const xml = buildXml(personResource, input, { mode: 'update' });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><person><title></title></person>');
  });

  it('removes a contact row by its negated id', () => {
    const xml = buildXml(personResource, { contactData: { emailAddresses: [{ id: 12, remove: true }, { address: 'new@example.com', location: 'Work' }] } }, { mode: 'update' });
    expect(xml).toContain('<email-address><id type="integer">-12</id></email-address>');
    expect(xml).toContain('<email-address><address>new@example.com</address><location>Work</location></email-address>');
  });

  it('refuses characters XML cannot carry, naming the field', () => {
    let error: unknown;
    try {
      buildXml(personResource, { firstName: 'ok', title: 'bell\u0007' }, { mode: 'create' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 400, fields: { title: expect.any(Array) } });
  });

  it('the zod input schema output feeds the builder as is', () => {
    const parsed = personCreateInput.parse({ firstName: 'A', contactData: { phoneNumbers: [{ number: '1' }] } });
    expect(buildXml(personResource, parsed, { mode: 'create' })).toContain('<phone-number><number>1</number><location>Work</location></phone-number>');
  });

  it('builds a bare element (tag add) escaped', () => {
    expect(buildElement('name', 'A & B')).toBe('<?xml version="1.0" encoding="UTF-8"?><name>A &amp; B</name>');
  });
});
