/**
 * Differential: the one-pass reader (./parse.ts) against the obvious tree-and-walk version
 * (./test-oracle.ts, fast-xml-parser underneath) — on every fixture, every well-formed reference
 * sample, the benchmark page, and generated documents that shuffle, repeat, alias, nil and nest.
 * Strings are compared with line ends normalised: fast-xml-parser turns CRLF into LF, the reader
 * keeps them as sent.
 */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { peoplePageXml } from '../../bench/people-page.js';
import { dealResource } from '../models/deal.js';
import { resourceByCollection, resourceByRoot, variantResourceByCollection } from '../models/index.js';
import { personResource } from '../models/person.js';
import { fixture, fixtureNames, sectionSamples } from '../models/test-support.js';
import { parseErrors, parseMany, parseManyVariants, parseOne } from './parse.js';
import { oracleMany, oracleManyVariants, oracleOne } from './test-oracle.js';
import { xmlRootName } from './xml-reader.js';

function normalise(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\r\n?/g, '\n');
  if (Array.isArray(v)) return v.map(normalise);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}

/** Both readers on one document, whatever its root; true if a model knew the root. */
function expectAgreement(xml: string): boolean {
  const root = xmlRootName(xml);
  const one = resourceByRoot(root);
  const many = resourceByCollection(root);
  const variants = variantResourceByCollection(root);
  if (one) expect(normalise(parseOne(one, xml))).toEqual(normalise(oracleOne(one, xml)));
  else if (many) expect(normalise(parseMany(many, xml))).toEqual(normalise(oracleMany(many, xml)));
  else if (variants) expect(normalise(parseManyVariants(variants, xml))).toEqual(normalise(oracleManyVariants(variants, xml)));
  else return false;
  return true;
}

const documents: [string, string][] = [
  ...fixtureNames().map((f) => [f, fixture(f)] as [string, string]),
  ...sectionSamples()
    .filter((s) => XMLValidator.validate(s.xml) === true)
    .map((s) => [s.id, s.xml] as [string, string]),
  ['bench page (60 people)', peoplePageXml(60)],
];

describe('one-pass reader agrees with the tree-and-walk oracle', () => {
  it.each(documents)('%s', (_name, xml) => {
    if (expectAgreement(xml)) return;
    const root = xmlRootName(xml);
    if (root === 'errors') expect(parseErrors(xml).length).toBeGreaterThan(0);
    else expect(root).toBe('name'); // the bare tag-add request body
  });

  // ─── Generated documents ───────────────────────────────────────────────────────────────────────
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xmlSafe = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/g, ''));
  const ws = fc.constantFrom('', ' ', '\n  ', '\n\t');
  const leaf = (name: string) =>
    fc.oneof(
      xmlSafe.map((t) => `<${name}>${esc(t)}</${name}>`),
      fc.integer().map((n) => `<${name} type="integer">${n}</${name}>`),
      fc.constant(`<${name} nil="true"/>`),
      fc.constant(`<${name} type="integer" nil="true"></${name}>`),
      fc.constant(`<${name}/>`),
      fc.constant(`<${name}></${name}>`),
    );
  const unknown = fc.oneof(leaf('zz-unknown'), fc.constant('<zz-nested><a><b>1</b></a><a/></zz-nested>'));
  const contactList = (container: string, item: string, inner: string[]) =>
    fc.array(fc.tuple(...inner.map((n) => leaf(n))), { maxLength: 3 }).map((items) =>
      items.length === 0 && Math.random() < 0.5 ? `<${container} type="array"/>` : `<${container} type="array">${items.map((f) => `<${item}>${f.join('')}</${item}>`).join('')}</${container}>`,
    );
  const personChild = fc.oneof(
    ...['id', 'first-name', 'last-name', 'title', 'background', 'company-id', 'company-name', 'created-at', 'visible-to', 'avatar-url', 'avatar_url', 'linkedin-url'].map(leaf),
    fc.tuple(contactList('email-addresses', 'email-address', ['id', 'address', 'location']), contactList('phone-numbers', 'phone-number', ['id', 'number', 'location'])).map(
      ([e, p]) => `<contact-data>${e}${p}</contact-data>`,
    ),
    fc.constant('<contact-data nil="true"/>'),
    contactList('subject_datas', 'subject_data', ['id', 'subject_field_id', 'subject_field_label', 'value']),
    contactList('subject-datas', 'subject-data', ['id', 'subject-field-id', 'subject-field-label', 'value']),
    contactList('tags', 'tag', ['id', 'name']),
    // One container mixing both member spellings.
    fc.array(fc.tuple(fc.constantFrom('subject_data', 'subject-data'), leaf('value')), { minLength: 1, maxLength: 4 }).map(
      (items) => `<subject_datas>${items.map(([item, v]) => `<${item}>${v}</${item}>`).join('')}</subject_datas>`,
    ),
    unknown,
  );
  const person = fc.array(fc.tuple(ws, personChild), { maxLength: 14 }).map((children) => `<person>${children.map(([w, c]) => w + c).join('')}\n</person>`);

  it('property: generated people (shuffled, repeated, aliased, nil, unknown elements) read the same', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 4 }), (people) => {
        const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<people type="array">\n${people.join('\n')}\n</people>\n`;
        expect(normalise(parseMany(personResource, doc))).toEqual(normalise(oracleMany(personResource, doc)));
      }),
      { numRuns: 300 },
    );
  });

  const partyInDeal = fc.tuple(fc.constantFrom('Person', 'Company', 'Robot', ''), fc.boolean(), fc.array(fc.tuple(ws, personChild), { maxLength: 5 })).map(
    ([type, typeFirst, children]) => {
      const body = children.map(([w, c]) => w + c).join('');
      const typeEl = `<type>${type}</type>`;
      return `<party>${typeFirst ? typeEl + body : body + typeEl}</party>`;
    },
  );
  it('property: deals with parties of any variant, <type> before or after the fields, read the same', () => {
    fc.assert(
      fc.property(fc.array(partyInDeal, { maxLength: 3 }), partyInDeal, leaf('name'), (parties, party, name) => {
        const doc = `<deal>${name}${party}<parties type="array">${parties.join('')}</parties></deal>`;
        expect(normalise(parseOne(dealResource, doc))).toEqual(normalise(oracleOne(dealResource, doc)));
      }),
      { numRuns: 200 },
    );
  });
});
