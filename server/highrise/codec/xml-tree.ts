/**
 * A small, strict XML reader for what Highrise sends: elements, attributes, text, character and
 * entity references, CDATA, comments, processing instructions. It builds the same tree shape the
 * codec walks (children always arrays, text under `#text`, attributes under `@_name`, a leaf with no
 * attributes as its bare text) and checks well-formedness in the same pass: tags must nest and close,
 * one root, nothing but whitespace outside it, every `&` a known reference, no `<` in text or
 * attribute values, no repeated attribute. Anything broken throws `XmlSyntaxError` with a line number.
 *
 * Why not fast-xml-parser alone: it is lenient (it accepts truncated documents, mismatched closing
 * tags and raw `&`), so it needed its validator as a second full pass, and on this machine the pair
 * ran at ~5 MB/s. This reader does both in one pass at several times that speed (see server/bench/).
 * Documents with a DOCTYPE are not handled here: the caller falls back to validator + fast-xml-parser.
 *
 * Line endings are normalised as XML 1.0 §2.11 says (CRLF and lone CR → LF); a CR written as
 * `&#13;` survives, which is how the builder sends one.
 */

export type XmlNode = string | XmlElement;
export interface XmlElement {
  '#text'?: string;
  [childOrAttribute: string]: XmlNode[] | string | undefined;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, xml: string, pos: number) {
    let line = 1;
    for (let i = xml.indexOf('\n'); i !== -1 && i < pos; i = xml.indexOf('\n', i + 1)) line++;
    super(`${message} at line ${line}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  // Not XML, but seen in the wild from HTML-minded producers; decoded rather than failing a whole list.
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
};

const REF = /&(?:#x([0-9A-Fa-f]+);|#([0-9]+);|([A-Za-z_][\w.-]*);)?/g;
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7-\uFFFF-]*$/;
const ATTR = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * Decode references in raw character data; `at` is the offset of `raw` in the document (for messages).
 * Line ends are kept as sent (no CRLF → LF): Highrise texts carry CRLF and a value the person did not
 * edit is never rewritten (REAL-WORLD #9, #10). fast-xml-parser, the reference in tests, does the same.
 */
function decode(raw: string, xml: string, at: number): string {
  if (raw.indexOf('&') === -1) return raw;
  REF.lastIndex = 0;
  return raw.replace(REF, (whole: string, hex: string | undefined, dec: string | undefined, name: string | undefined, offset: number) => {
    if (hex !== undefined || dec !== undefined) {
      const cp = hex !== undefined ? parseInt(hex, 16) : parseInt(dec as string, 10);
      if (!isXmlChar(cp)) throw new XmlSyntaxError(`character reference ${whole} is not an XML character`, xml, at + offset);
      return String.fromCodePoint(cp);
    }
    if (name !== undefined) return NAMED[name] ?? whole;
    throw new XmlSyntaxError("a raw '&' (it must be written &amp;)", xml, at + offset);
  });
}

/** A DOCTYPE is legal XML this reader does not implement; the caller falls back to a full parser. */
export class XmlDoctypeUnsupported extends Error {}

interface Open {
  name: string;
  el: XmlElement | null;
  text: string;
  /** A whitespace-only run not yet sliced: kept for a leaf (`<title> </title>`), dropped once the element has children. */
  wsStart: number;
  wsEnd: number;
  hasChildren: boolean;
}

function finish(open: Open, xml: string): XmlNode {
  if (open.wsStart !== -1 && !open.hasChildren) open.text += decode(xml.slice(open.wsStart, open.wsEnd), xml, open.wsStart);
  if (open.el === null) return open.text;
  if (open.text !== '' && (!open.hasChildren || open.text.trim() !== '')) open.el['#text'] = open.text;
  return open.el;
}

function addChild(parent: Open, name: string, node: XmlNode): void {
  // Plain objects are much faster than null-prototype ones; the one name that would touch the
  // prototype is dropped (no Highrise element is called that).
  if (name === '__proto__') return;
  const el = parent.el ?? (parent.el = {});
  const existing = Object.hasOwn(el, name) ? el[name] : undefined;
  if (Array.isArray(existing)) existing.push(node);
  else el[name] = [node];
  parent.hasChildren = true;
  parent.wsStart = -1;
}

function isBlankRange(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch !== 0x20 && ch !== 0x0a && ch !== 0x09 && ch !== 0x0d) return false;
  }
  return true;
}

function isNameEnd(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x09 || ch === 0x0d || ch === 0x2f || ch === 0x3e || Number.isNaN(ch);
}

/** Parse a whole document into `{ [rootName]: [root] }`. Throws XmlSyntaxError if it is not well-formed. */
export function parseXmlTree(xml: string): XmlElement {
  const doc: XmlElement = {};
  const stack: Open[] = [];
  let rootSeen = false;
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const len = xml.length;

  const place = (name: string, node: XmlNode, parent: Open | undefined) => {
    if (parent !== undefined) addChild(parent, name, node);
    else if (name !== '__proto__') doc[name] = [node];
  };

  while (pos < len) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > pos) {
      const top = stack[stack.length - 1];
      if (isBlankRange(xml, pos, textEnd)) {
        if (top !== undefined && !top.hasChildren) {
          if (top.text === '' && top.wsStart === -1) {
            top.wsStart = pos;
            top.wsEnd = textEnd;
          } else top.text += decode(xml.slice(pos, textEnd), xml, pos);
        }
      } else if (top === undefined) {
        throw new XmlSyntaxError(rootSeen ? 'text after the root element' : 'text before the root element', xml, pos);
      } else {
        if (top.wsStart !== -1) {
          top.text += decode(xml.slice(top.wsStart, top.wsEnd), xml, top.wsStart);
          top.wsStart = -1;
        }
        top.text += decode(xml.slice(pos, textEnd), xml, pos);
      }
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);

    if (c === 0x2f /* </name> */) {
      const open = stack.pop();
      const gt = xml.indexOf('>', lt + 2);
      if (gt === -1) throw new XmlSyntaxError('the document ends inside a closing tag', xml, lt);
      if (open === undefined) throw new XmlSyntaxError(`closing tag </${xml.slice(lt + 2, gt).trim()}> without an opening tag`, xml, lt);
      const nameEnd = lt + 2 + open.name.length;
      if (!xml.startsWith(open.name, lt + 2) || !isBlankRange(xml, nameEnd, gt)) {
        throw new XmlSyntaxError(`closing tag </${xml.slice(lt + 2, gt).trim()}> does not match <${open.name}>`, xml, lt);
      }
      place(open.name, finish(open, xml), stack[stack.length - 1]);
      pos = gt + 1;
      continue;
    }

    if (c === 0x3f /* <? ?> */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlSyntaxError('the document ends inside a processing instruction', xml, lt);
      pos = end + 2;
      continue;
    }

    if (c === 0x21 /* <! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) throw new XmlSyntaxError('the document ends inside a comment', xml, lt);
        pos = end + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw new XmlSyntaxError('the document ends inside a CDATA section', xml, lt);
        const top = stack[stack.length - 1];
        if (top === undefined) throw new XmlSyntaxError('CDATA outside the root element', xml, lt);
        if (top.wsStart !== -1) {
          top.text += decode(xml.slice(top.wsStart, top.wsEnd), xml, top.wsStart);
          top.wsStart = -1;
        }
        top.text += xml.slice(lt + 9, end);
        pos = end + 3;
        continue;
      }
      if (xml.startsWith('<!DOCTYPE', lt) && stack.length === 0 && !rootSeen) throw new XmlDoctypeUnsupported();
      throw new XmlSyntaxError("'<!' that is not a comment or CDATA section", xml, lt);
    }

    // An opening or empty-element tag: the name, then attributes read in place (no slicing of the tag).
    let i = lt + 1;
    while (!isNameEnd(xml.charCodeAt(i))) i++;
    const name = xml.slice(lt + 1, i);
    if (!NAME.test(name)) throw new XmlSyntaxError(`'<' that does not start a valid tag; a raw '<' must be written &lt;`, xml, lt);
    let el: XmlElement | null = null;
    for (;;) {
      ATTR.lastIndex = i;
      const m = ATTR.exec(xml);
      if (m === null) break;
      const value = m[2] ?? m[3] ?? '';
      if (value.indexOf('<') !== -1) throw new XmlSyntaxError(`'<' inside the value of attribute ${m[1]}`, xml, lt);
      const key = `@_${m[1]}`;
      el ??= {};
      if (Object.hasOwn(el, key)) throw new XmlSyntaxError(`attribute ${m[1]} is repeated`, xml, lt);
      el[key] = decode(value, xml, i).replace(/[\t\n]/g, ' ');
      i = ATTR.lastIndex;
    }
    while (i < len && isBlankRange(xml, i, i + 1)) i++;
    let selfClosing = false;
    if (xml.charCodeAt(i) === 0x2f) {
      selfClosing = true;
      i++;
    }
    if (i >= len) throw new XmlSyntaxError('the document ends inside a tag', xml, lt);
    if (xml.charCodeAt(i) !== 0x3e) throw new XmlSyntaxError(`a malformed attribute in <${name}>`, xml, lt);

    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (rootSeen) throw new XmlSyntaxError(`a second root element <${name}>`, xml, lt);
      rootSeen = true;
    }
    const open: Open = { name, el, text: '', wsStart: -1, wsEnd: -1, hasChildren: false };
    if (selfClosing) place(name, finish(open, xml), parent);
    else stack.push(open);
    pos = i + 1;
  }

  if (stack.length > 0) throw new XmlSyntaxError(`the document ends before </${stack[stack.length - 1].name}> (truncated?)`, xml, len);
  if (!rootSeen) throw new XmlSyntaxError('no root element (empty document)', xml, len);
  return doc;
}
