/**
 * The cursor's well-formedness checks: what it refuses (fast-xml-parser lets several of these through),
 * where it says the problem is, and the legal XML it passes over.
 */
import { describe, expect, it } from 'vitest';
import { XmlReader, XmlSyntaxError, xmlRootName } from './xml-reader.js';

describe('xml-reader', () => {
  it.each([
    ['<a><b>x</b>', /ends before <\/a>/],
    ['<a><b>x</c></a>', /does not match <b>/],
    ['<a>x & y</a>', /raw '&'/],
    ['<a>x &amp y</a>', /raw '&'/],
    ['<a b="x & y"/>', /raw '&'/],
    ['<a>&#0;</a>', /not an XML character/],
    ['<a>&#xD800;</a>', /not an XML character/],
    ['<a>1 < 2</a>', /raw '<'/],
    ['<a b="<"/>', /inside the value/],
    ['<a b="1" b="2"/>', /repeated/],
    ['<a xy="1" b="2" xy="3"/>', /attribute xy is repeated/],
    ['<a><b c="&#0;"/></a>', /not an XML character/],
    ['<a b=1/>', /malformed attribute/],
    ['<a b/>', /malformed attribute/],
    ['<a b="1', /ends inside a tag/],
    ['<a', /ends inside a tag/],
    ['<a/><b/>', /second root/],
    ['<a/></a>', /closing tag after the root/],
    ['x<a/>', /before the root/],
    ['<a/>x', /after the root/],
    ['<![CDATA[x]]><a/>', /CDATA outside the root/],
    ['<a>&amp;</a><![CDATA[x]]>', /CDATA outside the root/],
    ['<a><b>&amp;</b><c>x & y</c></a>', /raw '&'/],
    ['<a><b x="&amp;"/><c>&amp;</c><d>&</d></a>', /raw '&' .* at line 1/],
    ['<a><!-- open', /inside a comment/],
    ['<a><![CDATA[ open', /inside a CDATA/],
    ['<a><? open', /inside a processing instruction/],
    ['<a><!ENTITY x "y"></a>', /not a comment or CDATA/],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DOCTYPE with its own declarations/],
    ['<a></a', /ends inside a closing tag|does not match/],
    ['', /no root element/],
    ['   \n', /no root element/],
  ])('rejects %j', (xml, message) => {
    expect(() => xmlRootName(xml)).toThrow(XmlSyntaxError);
    expect(() => xmlRootName(xml)).toThrow(message);
  });

  it('reports the line of the error', () => {
    expect(() => xmlRootName('<a>\n<b>\n</c>\n</a>')).toThrow(/at line 3/);
    expect(() => xmlRootName('<a/>\n<!-- c -->\n<b/>')).toThrow(/second root element <b> at line 3/);
  });

  it('passes a BOM, a declaration, a plain DOCTYPE, comments and processing instructions around the root', () => {
    expect(xmlRootName('\ufeff<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "a.dtd">\n<!-- c --><a x="1>2" y=\'z\'><!-- in -->t<?pi x?></a>\n<!-- after -->\n')).toBe('a');
  });

  it('reads text with references, CDATA and comments, and keeps line ends as sent', () => {
    const r = new XmlReader('<a>x &lt;&#233;&#xE9;&rsquo;\r\n<![CDATA[<b>&amp;]]><!-- no -->y</a>');
    expect(r.openRoot()).toBe('a');
    expect(r.readText()).toBe('x <éé’\r\n<b>&amp;y');
    r.close();
  });

  it('keeps an unknown named reference as written rather than failing a whole list', () => {
    const r = new XmlReader('<a>&unknown;</a>');
    r.openRoot();
    expect(r.readText()).toBe('&unknown;');
  });

  it('reads attributes (decoded, tabs and newlines as spaces) and walks children', () => {
    const r = new XmlReader('<a  x = "1&amp;2"\ty=\'line\none\'><b nil="true"/>text<c>C</c></a>');
    r.openRoot();
    expect([r.attr('x'), r.attr('y'), r.attr('z')]).toEqual(['1&2', 'line one', undefined]);
    expect(r.nextChild('a')).toBe(true);
    expect([r.name, r.selfClosing, r.attr('nil')]).toEqual(['b', true, 'true']);
    expect(r.readText()).toBe('');
    expect(r.nextChild('a')).toBe(true);
    expect(r.readText()).toBe('C');
    expect(r.nextChild('a')).toBe(false);
    r.close();
  });

  it('a value with a child element reads as its text; whitespace beside a child counts as none', () => {
    const r = new XmlReader('<a><v>x<i>skipped</i>y</v><w>\n  <i/>\n</w></a>');
    r.openRoot();
    r.nextChild('a');
    expect(r.readText()).toBe('xy');
    r.nextChild('a');
    expect(r.readText()).toBe('');
  });

  it('mark and reset read the same element again', () => {
    const r = new XmlReader('<a><p type="T" k="v"><type>X</type><q>1</q></p></a>');
    r.openRoot();
    r.nextChild('a');
    const mark = r.mark();
    expect(r.skipElement()).toBe(true);
    r.reset(mark);
    expect([r.name, r.attr('type'), r.attr('k')]).toEqual(['p', 'T', 'v']);
    r.nextChild('p');
    expect(r.readText()).toBe('X');
  });
});
