/** Codec rules, both directions, on small hand-written documents (REAL-WORLD #1–#5, #9, #11–#14, #17). */
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../http-error.js';
import { buildDealStatus, dealResource } from '../models/deal.js';
import { personResource } from '../models/person.js';
import { buildTagAdd } from '../models/tag.js';
import { taskResource } from '../models/task.js';
import { buildElement, buildXml } from './build.js';
import { parseMany, parseOne, transcodeMany, transcodeOne } from './parse.js';
import { boolean, date, datetime, float, integer, list, resource, text } from './schema.js';

const probe = resource('probe', 'probes', {
  i: integer('i'),
  f: float('f'),
  d: float('d'),
  dt: datetime('dt'),
  day: date('day'),
  b: boolean('b'),
  t: text('t'),
  rows: list('rows', 'row', { id: integer('id') }),
});
const one = (body: string) => parseOne(probe, `<probe>${body}</probe>`);

function httpError(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HttpError) return e;
    throw e;
  }
  throw new Error('expected an HttpError');
}

describe('parse: typed values', () => {
  it('reads each type= kind', () => {
    expect(
      one(
        '<i type="integer">42</i><f type="float">1.5</f><d type="decimal">1000.25</d><dt type="datetime">2007-02-27T03:11:52Z</dt>' +
          '<day type="date">2011-03-11</day><b type="boolean">true</b><t>x</t><rows type="array"><row><id type="integer">1</id></row></rows>',
      ),
    ).toEqual({ i: 42, f: 1.5, d: 1000.25, dt: '2007-02-27T03:11:52.000Z', day: '2011-03-11', b: true, t: 'x', rows: [{ id: 1 }] });
  });

  it('datetimes become ISO UTC strings whatever the offset', () => {
    expect(one('<dt type="datetime">2012-03-22T16:56:48-05:00</dt>').dt).toBe('2012-03-22T21:56:48.000Z');
  });

  it.each([
    ['nil self-closing', '<i type="integer" nil="true"/>'],
    ['nil with closing tag', '<i type="integer" nil="true"></i>'],
    ['empty typed', '<i type="integer"></i>'],
    ['empty self-closing', '<i/>'],
    ['whitespace only', '<i type="integer">  </i>'],
    ['placeholder', '<i type="integer">#{ user_id }</i>'],
    ['missing', ''],
  ])('"nothing" is null, never 0 or epoch: %s', (_name, body) => {
    const as = (tag: string) => body.replace(/<(\/?)i\b/g, `<$1${tag}`);
    const r = one(body + as('dt') + as('b'));
    expect(r.i).toBeNull();
    expect(r.dt).toBeNull();
    expect(r.b).toBeNull();
  });

  it('booleans: true/1, false/0, anything else null', () => {
    expect(one('<b>1</b>').b).toBe(true);
    expect(one('<b type="boolean">false</b>').b).toBe(false);
    expect(one('<b>0</b>').b).toBe(false);
    expect(one('<b>maybe</b>').b).toBeNull();
  });

  it('integers: whole decimals read, fractions and hex do not', () => {
    expect(one('<i>1000.0</i>').i).toBe(1000);
    expect(one('<i>10.5</i>').i).toBeNull();
    expect(one('<i>0x10</i>').i).toBeNull();
  });

  it('empty text is null; other text is kept exactly (spaces, NBSP, CJK, RTL, emoji)', () => {
    expect(one('<t></t>').t).toBeNull();
    expect(one('<t nil="true"/>').t).toBeNull();
    for (const s of ['  lead and trail  ', '\u00a0nbsp\u00a0', '東京 مرحبا 😀', 'tab\there']) expect(one(`<t>${s}</t>`).t).toBe(s);
  });

  it('line ends are kept as sent (CRLF, lone CR) and a CR sent as &#13; survives', () => {
    expect(one('<t>a\r\nb\rc</t>').t).toBe('a\r\nb\rc');
    expect(one('<t>a&#13;\nb</t>').t).toBe('a\r\nb');
  });

  it('numeric character references, predefined entities and CDATA', () => {
    expect(one('<t>Ren&#233;e&#8217;s &#x1F600; &amp; &lt;b&gt; &quot;&apos;</t>').t).toBe('Renée’s 😀 & <b> "\'');
    expect(one('<t><![CDATA[<raw> & ]] stuff]]></t>').t).toBe('<raw> & ]] stuff');
    expect(one('<t>a<![CDATA[<b>]]>c</t>').t).toBe('a<b>c');
  });

  it('lists: missing, self-closing, without type="array", one member — always arrays', () => {
    expect(one('').rows).toEqual([]);
    expect(one('<rows type="array"/>').rows).toEqual([]);
    expect(one('<rows/>').rows).toEqual([]);
    expect(one('<rows></rows>').rows).toEqual([]);
    expect(one('<rows><row><id>7</id></row></rows>').rows).toEqual([{ id: 7 }]);
  });

  it('collections: one member, empty, self-closing, Rails nil-classes, without type="array"', () => {
    expect(parseMany(probe, '<probes><probe><i>1</i></probe></probes>')).toHaveLength(1);
    expect(parseMany(probe, '<probes type="array"/>')).toEqual([]);
    expect(parseMany(probe, '<probes></probes>')).toEqual([]);
    expect(parseMany(probe, '<nil-classes type="array"/>')).toEqual([]);
  });

  it('both custom-field spellings', () => {
    const under = parseOne(personResource, '<person><subject_datas type="array"><subject_data><id>1</id><subject_field_id>2</subject_field_id><subject_field_label>L</subject_field_label><value>v</value></subject_data></subject_datas></person>');
    const dashed = parseOne(personResource, '<person><subject-datas><subject-data><id>1</id><subject-field-id>2</subject-field-id><subject-field-label>L</subject-field-label><value>v</value></subject-data></subject-datas></person>');
    expect(under.customFields).toEqual([{ id: 1, subjectFieldId: 2, subjectFieldLabel: 'L', value: 'v' }]);
    expect(dashed.customFields).toEqual(under.customFields);
  });

  it('avatar-url and avatar_url both read', () => {
    expect(parseOne(personResource, '<person><avatar_url>u</avatar_url></person>').avatarUrl).toBe('u');
  });

  it('the main spelling beats an alias that came first, and the JSON names the field once', () => {
    const json = new TextDecoder().decode(transcodeOne(personResource, '<person><avatar_url>old</avatar_url><id>7</id><avatar-url>new</avatar-url><avatar_url>later</avatar_url></person>'));
    expect(json.match(/"avatarUrl"/g)).toHaveLength(1);
    expect(JSON.parse(json)).toMatchObject({ id: 7, avatarUrl: 'new' });
  });

  it('a list is written as JSON text with its member count; unknown members are left out of both', () => {
    const list = transcodeMany(personResource, '<people type="array"><person><id>1</id></person><robot><id>2</id></robot><person><id>3</id><first-name>Zoë &amp; "Al"</first-name></person></people>');
    expect(list.count).toBe(2);
    expect(JSON.parse(new TextDecoder().decode(list.json)).map((p: { id: number; firstName: string | null }) => [p.id, p.firstName])).toEqual([
      [1, null],
      [3, 'Zoë & "Al"'],
    ]);
    expect(transcodeMany(personResource, '<nil-classes type="array"/>')).toMatchObject({ count: 0 });
  });

  it('an empty nested record, self-closing or not, is no record (REAL-WORLD #3), and an empty contact-data still has its lists', () => {
    for (const category of ['<category/>', '<category></category>', '<category>\n  </category>', '<category><color>red</color></category>']) {
      expect(parseOne(dealResource, `<deal><id>1</id>${category}</deal>`).category, category).toBeNull();
    }
    expect(parseOne(dealResource, '<deal><category><id>4</id><name>Retail</name></category></deal>').category).toEqual({ id: 4, name: 'Retail' });
    expect(parseOne(dealResource, '<deal><category><id nil="true"/></category></deal>').category).toEqual({ id: null, name: null });
    const person = parseOne(personResource, '<person><id>1</id><contact-data></contact-data></person>');
    expect(person.contactData).toMatchObject({ emailAddresses: [], phoneNumbers: [], addresses: [] });
  });

  it('a choice outside its set reads as null', () => {
    expect(parseOne(dealResource, '<deal><status>archived</status><price-type>week</price-type></deal>')).toMatchObject({ status: null, priceType: null });
  });
});

describe('parse: datetimes', () => {
  it('the fast path for plain UTC agrees with Date.parse on every edge (leap days, 24:00, bad digits); a day that does not exist is null, not rolled into the next month', () => {
    const pad = (n: number, l = 2) => String(n).padStart(l, '0');
    // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
    const exists = (y: number, m: number, d: number) => new Date(new Date(0).setUTCFullYear(y, m - 1, d)).getUTCDate() === d;
    const probe = resource('probe', 'probes', { at: datetime('at') });
    let checked = 0;
    for (const y of [0, 1900, 1999, 2000, 2012, 2013, 2100, 2400, 9999])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++)
          for (const t of ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60', '1a:00:00']) {
            const value = `${pad(y, 4)}-${pad(m)}-${pad(d)}T${t}Z`;
            const ms = Date.parse(value);
            const expected = Number.isNaN(ms) || (m >= 1 && m <= 12 && !exists(y, m, d)) ? null : new Date(ms).toISOString();
            expect(parseOne(probe, `<probe><at>${value}</at></probe>`).at, value).toBe(expected);
            checked++;
          }
    expect(checked).toBeGreaterThan(10000);
  });
});

describe('parse: days that do not exist', () => {
  it('Feb 30, Feb 29 of a common year and Apr 31 read as null, with or without a time or an offset; Feb 29 of a leap year reads', () => {
    const probe = resource('probe', 'probes', { at: datetime('at'), on: date('on') });
    const read = (v: string) => parseOne(probe, `<probe><at>${v}</at><on>${v}</on></probe>`);
    for (const v of ['2024-02-30', '2023-02-29T10:00:00Z', '2024-04-31T10:00:00+02:00', '2100-02-29']) expect(read(v), v).toEqual({ at: null, on: null });
    expect(read('2024-02-29T10:00:00+02:00')).toEqual({ at: '2024-02-29T08:00:00.000Z', on: '2024-02-29' });
  });
});

describe('parse: malformed documents are a clear 502 upstream_malformed', () => {
  it.each([
    ['truncated mid-tag', '<people type="array"><person><id type="integer">1</id></person><person><id type="int'],
    ['truncated at an element boundary', '<people type="array"><person><id type="integer">1</id></person>'],
    ['unescaped &', '<people><person><first-name>Tom & Jerry</first-name></person></people>'],
    ['unescaped <', '<people><person><first-name>a < b</first-name></person></people>'],
    ['mismatched closing tag', '<people><person><id>1</name></person></people>'],
    ['two roots', '<people></people><people></people>'],
    ['text after the root', '<people></people>garbage'],
    ['HTML error page', '<html><body><p>Oops<br></p></body></html>'],
    ['empty body', ''],
    ['plain text', 'HTTP Basic: Access denied.'],
  ])('%s', (_name, xml) => {
    const e = httpError(() => parseMany(personResource, xml));
    expect(e.status).toBe(502);
    expect(e.code).toBe('upstream_malformed');
    expect(e.message).toMatch(/could not read/);
  });

  it('wrong root element names both', () => {
    const e = httpError(() => parseOne(personResource, '<company><id>1</id></company>'));
    expect(e.status).toBe(502);
    expect(e.code).toBe('upstream_malformed');
    expect(e.message).toContain('expected <person>, got <company>');
    expect(httpError(() => parseMany(personResource, '<companies><company><id>1</id></company></companies>')).message).toContain('expected <people>, got <companies>');
  });

  it('a document with a DOCTYPE still parses (through the fallback parser)', () => {
    expect(parseOne(probe, '<?xml version="1.0"?><!DOCTYPE probe><probe><i>3</i></probe>').i).toBe(3);
    expect(httpError(() => parseOne(probe, '<!DOCTYPE probe><probe><i>3</probe>')).code).toBe('upstream_malformed');
  });
});

describe('build: JSON → XML', () => {
  it('escapes every markup character, including ]]>', () => {
    const xml = buildXml(personResource, { firstName: `<b>&"'</b> ]]>` }, { mode: 'create' });
    expect(xml).toContain('<first-name>&lt;b&gt;&amp;&quot;&apos;&lt;/b&gt; ]]&gt;</first-name>');
    expect(xml).not.toContain(']]>');
    expect(parseOne(personResource, xml).firstName).toBe(`<b>&"'</b> ]]>`);
  });

  it.each(['\u0000', '\u0007', '\u000b', '\u001f', '\ufffe', '\uffff', '\ud800'])('rejects XML-forbidden character U+%s with a 400 naming the field', (ch) => {
    const e = httpError(() => buildXml(personResource, { contactData: { emailAddresses: [{ address: `a${ch}b`, location: 'Work' }] } }, { mode: 'create' }));
    expect(e.status).toBe(400);
    expect(e.fields).toHaveProperty(['contactData.emailAddresses.0.address']);
    expect(e.message).toContain('contactData.emailAddresses.0.address');
  });

  it('tab, LF, CR, emoji and astral characters are allowed', () => {
    expect(() => buildXml(personResource, { background: 'a\tb\nc\r\nd 😀 𝄞' }, { mode: 'create' })).not.toThrow();
  });

  it('writes only writable fields, only the keys present; null clears with an explicit empty element', () => {
    const input = { firstName: 'Ada', title: null, id: 9, avatarUrl: 'x', tags: [{ id: 1, name: 'VIP' }], createdAt: '2020-01-01T00:00:00Z' };
    const xml = buildXml(personResource, input as Parameters<typeof buildXml<typeof personResource.schema>>[1], { mode: 'update' });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><person><first-name>Ada</first-name><title></title></person>');
  });

  it('a deal update never carries party, parties, category or status (REAL-WORLD #11, #18)', () => {
    const fetched = { name: 'N', status: 'won', category: { id: 1, name: 'c' }, party: { type: 'Person', id: 1 }, parties: [], price: null, statusChangedOn: '2011-01-01' };
    const xml = buildXml(dealResource, fetched as Parameters<typeof buildXml<typeof dealResource.schema>>[1], { mode: 'update' });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><deal><name>N</name><price></price></deal>');
  });

  it('list rows: id kept, remove → negative id only, unsaved removed rows dropped, custom fields underscored', () => {
    const xml = buildXml(
      personResource,
      {
        contactData: { phoneNumbers: [{ id: 5, number: '1', location: 'Work' }, { id: 6, remove: true, number: 'x' }, { remove: true, number: 'never saved' }, { number: '2', location: 'Home' }] },
        customFields: [{ id: 3, value: 'Chicago' }, { subjectFieldId: 5, value: 'Mark' }],
      },
      { mode: 'update' },
    );
    expect(xml).toContain(
      '<contact-data><phone-numbers type="array"><phone-number><id type="integer">5</id><number>1</number><location>Work</location></phone-number>' +
        '<phone-number><id type="integer">-6</id></phone-number><phone-number><number>2</number><location>Home</location></phone-number></phone-numbers></contact-data>',
    );
    expect(xml).toContain('<subject_datas type="array"><subject_data><id type="integer">3</id><value>Chicago</value></subject_data><subject_data><subject_field_id type="integer">5</subject_field_id><value>Mark</value></subject_data></subject_datas>');
  });

  it('datetimes written in UTC without milliseconds; dates as YYYY-MM-DD; bad values are 400s', () => {
    expect(buildXml(taskResource, { dueAt: '2007-03-10T10:11:52.123-05:00', frame: 'specific' }, { mode: 'create' })).toContain(
      '<frame>specific</frame><due-at type="datetime">2007-03-10T15:11:52Z</due-at>',
    );
    expect(httpError(() => buildXml(taskResource, { dueAt: 'tomorrow-ish' }, { mode: 'create' })).status).toBe(400);
    expect(httpError(() => buildXml(taskResource, { frame: 'someday' as 'later' }, { mode: 'create' })).fields).toHaveProperty('frame');
    expect(httpError(() => buildXml(dealResource, { price: 1.5 }, { mode: 'create' })).fields).toHaveProperty('price');
    expect(httpError(() => buildXml(dealResource, { price: Number.NaN }, { mode: 'create' })).status).toBe(400);
  });

  it('task: booleans, recurring names as the recurring section writes them', () => {
    expect(buildXml(taskResource, { body: 'b', public: true, notify: false, recurringPeriod: 1, anchorType: 0 }, { mode: 'create' })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><task><body>b</body><public type="boolean">true</public><notify type="boolean">false</notify>' +
        '<recurring_period type="integer">1</recurring_period><anchor_type type="integer">0</anchor_type></task>',
    );
  });

  it('tag-add body and deal status body', () => {
    expect(buildTagAdd('R&D <VIP>')).toBe('<?xml version="1.0" encoding="UTF-8"?><name>R&amp;D &lt;VIP&gt;</name>');
    expect(buildElement('name', 'x')).toBe('<?xml version="1.0" encoding="UTF-8"?><name>x</name>');
    expect(buildDealStatus('won')).toBe('<?xml version="1.0" encoding="UTF-8"?><status><name>won</name></status>');
    expect(httpError(() => buildTagAdd('bad\u0001')).fields).toHaveProperty('name');
  });
});
