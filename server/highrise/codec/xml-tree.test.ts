/**
 * The one-pass reader against fast-xml-parser (configured as the codec's fallback): same tree on every
 * fixture, reference sample and benchmark page, ignoring key order and whitespace-only text between
 * elements (which the codec never reads). And it rejects what fast-xml-parser lets through.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { peoplePageXml } from '../../bench/people-page.js';
import { fixture, fixtureNames, sectionSamples } from '../models/test-support.js';
import { parseXmlTree, XmlSyntaxError } from './xml-tree.js';

const fxp = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_n, _p, _l, isAttribute) => !isAttribute,
});

/**
 * Line ends are compared normalised: fast-xml-parser turns CRLF into LF, the reader keeps them as sent
 * (a stored value is never rewritten).
 * Text beside child elements (mixed content, e.g. `<tags>\n ...\n <tag>`) is compared trimmed: the
 * codec never reads it, and the reader keeps only its non-blank runs.
 */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v !== null && typeof v === 'object') {
    const hasChildren = Object.keys(v).some((k) => !k.startsWith('#') && !k.startsWith('@_'));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '#text' && hasChildren && typeof x === 'string') {
        if (x.trim() !== '') out[k] = x.replace(/\s+/g, ' ').trim();
      } else out[k] = normalise(x);
    }
    return out;
  }
  return typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v;
}

const documents: [string, string][] = [
  ...fixtureNames().map((f) => [f, fixture(f)] as [string, string]),
  ...sectionSamples()
    .filter((s) => XMLValidator.validate(s.xml) === true)
    .map((s) => [s.id, s.xml] as [string, string]),
  ['bench page (25 people)', peoplePageXml(25)],
];

describe('xml-tree reader', () => {
  it.each(documents)('same tree as fast-xml-parser: %s', (_name, xml) => {
    expect(normalise(parseXmlTree(xml))).toEqual(normalise(fxp.parse(xml)));
  });

  it.each([
    ['<a><b>x</b>', /ends before <\/a>/],
    ['<a><b>x</c></a>', /does not match <b>/],
    ['<a>x & y</a>', /raw '&'/],
    ['<a>x &amp y</a>', /raw '&'/],
    ['<a>&#0;</a>', /not an XML character/],
    ['<a>1 < 2</a>', /raw '<'/],
    ['<a b="<"/>', /inside the value/],
    ['<a b="1" b="2"/>', /repeated/],
    ['<a b=1/>', /malformed attribute/],
    ['<a/><b/>', /second root/],
    ['x<a/>', /before the root/],
    ['<a/>x', /after the root/],
    ['<a><!-- open', /inside a comment/],
    ['<a><![CDATA[ open', /inside a CDATA/],
    ['', /no root element/],
    ['   \n', /no root element/],
  ])('rejects %j', (xml, message) => {
    expect(() => parseXmlTree(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXmlTree(xml)).toThrow(message);
  });

  it('reports the line of the error', () => {
    expect(() => parseXmlTree('<a>\n<b>\n</c>\n</a>')).toThrow(/at line 3/);
  });

  it('keeps > inside attribute values, single-quoted values, a BOM, a declaration and comments', () => {
    expect(parseXmlTree('\ufeff<?xml version="1.0"?><!-- c --><a x="1>2" y=\'z\'><!-- in -->t</a>')).toEqual({ a: [{ '@_x': '1>2', '@_y': 'z', '#text': 't' }] });
  });

  it('never sets a prototype from an element name', () => {
    const tree = parseXmlTree('<a><__proto__><polluted>1</polluted></__proto__><constructor>c</constructor></a>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(tree.a).toEqual([{ constructor: ['c'] }]);
  });

  it('property: any text survives escape → parse (CR as &#13;)', () => {
    const xmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter((s) => !xmlChar.test(s)), (s) => {
        const tree = parseXmlTree(`<a><t>${esc(s)}</t></a>`);
        expect(tree.a).toEqual([{ t: [s] }]);
      }),
      { numRuns: 300 },
    );
  });
});
