/** (b) Every realistic payload in fixtures/ parses into its model, with concrete values. */
import { describe, expect, it } from 'vitest';
import { parseErrors, parseMany, parseManyVariants, parseOne } from '../codec/parse.js';
import { companyResource } from './company.js';
import { dealResource } from './deal.js';
import { kaseResource } from './kase.js';
import { partyResource } from './party.js';
import { personResource } from './person.js';
import { fixture, fixtureNames } from './test-support.js';

describe('fixtures/', () => {
  it('covers every fixture file', () => {
    expect(fixtureNames()).toEqual(['companies-list.xml', 'deal-with-parties.xml', 'errors-422.xml', 'kase.xml', 'parties-mixed.xml', 'person-full.xml']);
  });

  it('person-full.xml: references decoded, CRLF kept, NBSP and stray spaces kept, nil spellings, underscored custom fields', () => {
    const p = parseOne(personResource, fixture('person-full.xml'));
    expect(p).toEqual({
      id: 116230001,
      firstName: 'Renée',
      // The NBSP (&#160;) is kept: display trims, the stored value is never rewritten (REAL-WORLD #10).
      lastName: 'Okafor\u00a0',
      title: null,
      // The CRLF inside the text is kept as Highrise sent it.
      background: 'Met at the Lisbon trade fair.\r\nPrefers calls after 3pm \u2013 ask for Ren\u00e9e\u2019s assistant.',
      linkedinUrl: null,
      avatarUrl: 'http://dge9rmgqjs8m1.cloudfront.net/highrise/missing/avatar.gif?r=3',
      companyId: 116620001,
      companyName: 'Harbor & Finch Ltd',
      createdAt: '2012-05-02T22:50:40.000Z',
      updatedAt: '2013-03-09T18:04:11.000Z',
      visibleTo: 'Everyone',
      ownerId: null,
      groupId: null,
      authorId: 708100,
      contactData: {
        emailAddresses: [{ id: 38220001, address: ' Renee.Okafor@Example.COM', location: 'Work' }],
        phoneNumbers: [
          { id: 77410001, number: '(555) 010-2000 ', location: 'Work' },
          { id: 77410002, number: '+1 (555) 010-2001', location: 'Fax' },
        ],
        // <address> inside <addresses> is a row; inside <email-address> it is a text.
        addresses: [{ id: 90210001, street: '12 Rua Exemplo', city: 'Porto', state: null, zip: '4000-001', country: null, location: 'Work' }],
        instantMessengers: [],
        twitterAccounts: [],
        webAddresses: [],
      },
      customFields: [{ id: 39316001, subjectFieldId: 599801, subjectFieldLabel: 'Customer number', value: '717' }],
      tags: [{ id: 1353601, name: 'Trade Fair 2012' }],
    });
  });

  it('companies-list.xml: nil author and background, missing tags → [], one-member lists are lists', () => {
    const cs = parseMany(companyResource, fixture('companies-list.xml'));
    expect(cs).toHaveLength(2);
    expect(cs[0]).toMatchObject({ id: 44272001, name: 'Quayside Capital', authorId: null, background: null, tags: [], customFields: [] });
    expect(cs[0].contactData.phoneNumbers).toEqual([]);
    expect(cs[1]).toMatchObject({ id: 72371001, authorId: 290400, background: 'Family office & advisory.' });
    expect(cs[1].tags).toEqual([{ id: 1353001, name: 'Investor - Private Equity' }]);
    expect(cs[1].contactData.phoneNumbers).toEqual([{ id: 77419001, number: '555.010.3000', location: 'Work' }]);
  });

  it('deal-with-parties.xml: party and parties as variants via a <type> child, nested category, date', () => {
    const d = parseOne(dealResource, fixture('deal-with-parties.xml'));
    expect(d).toMatchObject({
      id: 920001,
      name: 'Quayside - Series B diligence',
      status: 'won',
      statusChangedOn: '2011-03-11',
      price: 200000,
      priceType: 'fixed',
      duration: 1,
      currency: 'USD',
      responsiblePartyId: null,
      categoryId: 2107001,
      category: { id: 2107001, name: 'M&A' },
    });
    expect(d.party?.type).toBe('Company');
    if (d.party?.type !== 'Company') throw new Error('unreachable');
    expect(d.party).toMatchObject({ id: 44272001, name: 'Quayside Capital', authorId: null, tags: [{ id: 935601, name: 'Asset Manager' }] });
    expect(d.parties).toHaveLength(1);
    const [theo] = d.parties;
    expect(theo.type).toBe('Person');
    if (theo.type !== 'Person') throw new Error('unreachable');
    expect(theo).toMatchObject({ id: 44274001, firstName: 'Theo', lastName: 'Varga', title: null, companyName: 'Quayside Capital' });
  });

  it('a deal without <category> has category null', () => {
    const xml = fixture('deal-with-parties.xml').replace(/\n  <category>[\s\S]*?<\/category>/, '');
    expect(parseOne(dealResource, xml).category).toBeNull();
  });

  it('kase.xml: parties via <type> child, unknown <associated-parties> ignored, empty self-closing list', () => {
    const ks = parseMany(kaseResource, fixture('kase.xml'));
    expect(ks).toHaveLength(2);
    expect(ks[0]).toMatchObject({ id: 3100001, name: 'Warranty claim - pump #7', closedAt: null, authorId: null, background: null });
    expect(ks[0].parties).toHaveLength(1);
    expect(ks[0].parties[0]).toMatchObject({ type: 'Person', id: 502, firstName: 'Ada', companyName: 'Lumen & Oak' });
    expect(ks[1]).toMatchObject({ closedAt: '2014-02-01T10:00:00.000Z', groupId: 77, visibleTo: 'NamedGroup', parties: [] });
    expect(ks[0]).not.toHaveProperty('associatedParties');
  });

  it('parties-mixed.xml: variants via a type ATTRIBUTE; missing contact lists are []', () => {
    const ps = parseManyVariants(partyResource, fixture('parties-mixed.xml'));
    expect(ps.map((p) => p.type)).toEqual(['Company', 'Person']);
    const [company, person] = ps;
    if (company.type !== 'Company' || person.type !== 'Person') throw new Error('unreachable');
    expect(company).toMatchObject({ id: 501, name: 'Lumen & Oak', background: null });
    expect(company.contactData.addresses).toEqual([]);
    expect(person).toMatchObject({ id: 502, firstName: 'Ada', lastName: 'Quist', background: null, companyId: 501 });
    expect(person.contactData.emailAddresses).toEqual([{ id: 1, address: 'ada.quist@example.com', location: 'Work' }]);
  });

  it('errors-422.xml, an empty <errors/>, and an empty body', () => {
    expect(parseErrors(fixture('errors-422.xml'))).toEqual(['Location is not included in the list', "Name can't be blank"]);
    expect(parseErrors('<errors/>')).toEqual([]);
    expect(parseErrors('<?xml version="1.0" encoding="UTF-8"?>\n<errors>\n</errors>\n')).toEqual([]);
    expect(parseErrors('<errors><error></error></errors>')).toEqual([]);
    expect(parseErrors('')).toEqual([]);
    expect(parseErrors('HTTP Basic: Access denied.')).toEqual([]);
  });
});
