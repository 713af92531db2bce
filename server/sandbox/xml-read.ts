// Reads request bodies. fast-xml-parser is a general parser, not our client codec, so using it here
// does not couple the emulator to the code under test.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed element: text (with attributes), nested children, or both absent for an empty element. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

export class MalformedXml extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  preserveOrder: true,
  textNodeName: '#text',
});

type Ordered = Record<string, unknown>;

function convert(entry: Ordered): XmlNode | null {
  const name = Object.keys(entry).find((k) => k !== ':@' && k !== '#text');
  if (!name) return null;
  const attrs = (entry[':@'] as Record<string, string> | undefined) ?? {};
  const inner = (entry[name] as Ordered[] | undefined) ?? [];
  let text = '';
  const children: XmlNode[] = [];
  for (const item of inner) {
    if ('#text' in item) text += String(item['#text']);
    else {
      const child = convert(item);
      if (child) children.push(child);
    }
  }
  return { name, attrs, text, children };
}

/** Parses a body into its root element; throws MalformedXml on anything a strict parser would refuse. */
export function parseXml(body: string): XmlNode {
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new MalformedXml(valid.err.msg);
  const entries = parser.parse(body) as Ordered[];
  const root = entries.map(convert).find((n): n is XmlNode => n !== null && n.name !== '?xml');
  if (!root) throw new MalformedXml('no root element');
  return root;
}

export function child(node: XmlNode, ...names: string[]): XmlNode | undefined {
  return node.children.find((c) => names.includes(c.name));
}

export function childrenNamed(node: XmlNode, ...names: string[]): XmlNode[] {
  return node.children.filter((c) => names.includes(c.name));
}

/**
 * The value of a leaf: undefined when absent, null when nil="true" or empty (an empty element clears
 * a field, REAL-WORLD #12), otherwise the text as sent.
 */
export function leaf(node: XmlNode, ...names: string[]): string | null | undefined {
  const c = child(node, ...names);
  if (!c) return undefined;
  if (c.attrs.nil === 'true') return null;
  return c.text === '' ? null : c.text;
}

export function intLeaf(node: XmlNode, ...names: string[]): number | null | undefined | 'invalid' {
  const v = leaf(node, ...names);
  if (v == null) return v;
  return /^\s*-?\d+\s*$/.test(v) ? Number(v) : 'invalid';
}
