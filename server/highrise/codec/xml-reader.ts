/**
 * A strict pull reader for what Highrise sends: a cursor that moves from tag to tag over the document
 * string and checks well-formedness as it goes — tags nest and close, one root, nothing but
 * whitespace, comments and processing instructions outside it, every `&` a known reference, no `<` in
 * text or attribute values, no repeated attribute. Anything broken throws `XmlSyntaxError` with a line
 * number, so a truncated page is an error and never a shorter list.
 *
 * Why a cursor and not a tree: ./parse.ts reads straight into the resource's schema, so a 500-person
 * page costs one scan and the JSON objects it returns, with no intermediate tree to build and walk
 * (that tree was most of the BFF's time on a list page; see server/bench/). Why not fast-xml-parser:
 * it accepts truncated documents, mismatched closing tags and raw `&`, so it would need its validator
 * as a second full pass, and the pair is several times slower.
 *
 * Text is returned as sent: line ends are not normalised (Highrise texts carry CRLF, and a value the
 * person did not edit is never rewritten — REAL-WORLD #9, #10). A DOCTYPE without an internal subset is
 * skipped; one with declarations is refused (Highrise never sends one, and entity declarations are how
 * XML bombs are built).
 */

export class XmlSyntaxError extends Error {
  constructor(message: string, xml: string, pos: number) {
    let line = 1;
    for (let i = xml.indexOf('\n'); i !== -1 && i < pos; i = xml.indexOf('\n', i + 1)) line++;
    super(`${message} at line ${line}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAMED: Readonly<Record<string, string>> = {
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

/**
 * Where the reference starting with the `&` at `amp` ends (just past its `;`), or -1 if it is not one:
 * `&#x` hex digits `;`, `&#` digits `;`, or `&` name `;` (a name: a letter or `_`, then letters, digits, `_ . -`).
 */
function refEnd(xml: string, amp: number, to: number): number {
  let i = amp + 1;
  let c = xml.charCodeAt(i);
  if (c === 0x23) {
    const hex = xml.charCodeAt(i + 1) === 0x78;
    i += hex ? 2 : 1;
    const digitsFrom = i;
    for (c = xml.charCodeAt(i); i < to && (isDigit(c) || (hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)))); c = xml.charCodeAt(++i));
    return i > digitsFrom && i < to && c === 0x3b ? i + 1 : -1;
  }
  if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) || i >= to) return -1;
  for (c = xml.charCodeAt(++i); i < to && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || isDigit(c) || c === 0x5f || c === 0x2e || c === 0x2d); c = xml.charCodeAt(++i));
  return i < to && c === 0x3b ? i + 1 : -1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function isBlank(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x09 || ch === 0x0d;
}

function isNameStart(ch: number): boolean {
  return (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a) || ch === 0x5f || ch === 0x3a || ch >= 0xc0;
}

function isNameChar(ch: number): boolean {
  return (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x30 && ch <= 0x39) || ch === 0x2d || ch === 0x5f || ch === 0x2e || ch === 0x3a || ch >= 0xb7;
}

/** The hash `XmlReader.nameHash` gives an element named `name`. */
export function nameHash(name: string): number {
  let hash = name.charCodeAt(0);
  for (let i = 1; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return hash;
}

/** Where a reader stood just after a start tag, to read that element again (see `XmlReader.mark`). */
export interface ReaderMark {
  pos: number;
  name: string;
  nameHash: number;
  selfClosing: boolean;
  attrCount: number;
  attrAt: number[];
}

/**
 * The cursor. After `openRoot()` or `nextChild()` returns a start tag, `name`, `selfClosing` and the
 * attributes (`attr(name)`) describe it and `pos` is just past its `>`; the caller then reads its
 * content with `readText`, walks its children with `nextChild`, or passes over it with `skipElement`.
 */
export class XmlReader {
  readonly xml: string;
  pos: number;
  name = '';
  /** `nameHash(name)`, computed while the name was read: schemas look elements up by it. */
  nameHash = 0;
  selfClosing = false;
  private attrCount = 0;
  /**
   * Attributes as offsets into the document, 4 per attribute: name start, name end, value start,
   * value end (negated when the value holds `&`, tab or newline and must be decoded). Nearly every
   * Highrise element carries `type="…"` and nearly nobody asks for it, so values are only sliced
   * when `attr()` is called.
   */
  private attrAt: number[] = [];
  /** Position of the next `&` at or after `pos` (len if none); recomputed only once `pos` passes it. */
  private amp = -1;
  private rootSeen = false;
  /** Where the last start tag began (for messages about it). */
  private tagStart = 0;

  constructor(xml: string) {
    this.xml = xml;
    this.pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  private fail(message: string, at: number): never {
    throw new XmlSyntaxError(message, this.xml, at);
  }

  /** Decode references in `xml[from, to)`; the only place text is decoded, so the only place refs are checked. */
  private decode(from: number, to: number): string {
    if (!this.hasAmp(from, to)) return this.xml.slice(from, to);
    const xml = this.xml;
    let out = '';
    let i = from;
    // A loop rather than a regex replace: a list page has a reference in one text of ten, and the
    // replace with its callback was an eighth of the whole read.
    for (let amp = this.amp; amp < to; amp = xml.indexOf('&', i), amp = amp === -1 ? to : amp) {
      out += xml.slice(i, amp);
      const end = refEnd(xml, amp, to);
      if (end === -1) this.fail("a raw '&' (it must be written &amp;)", amp);
      out += this.resolve(amp, end);
      i = end;
    }
    return out + xml.slice(i, to);
  }

  /** The text of the reference `xml[amp, end)`, which `refEnd` found well-formed. */
  private resolve(amp: number, end: number): string {
    const xml = this.xml;
    if (xml.charCodeAt(amp + 1) === 0x23) {
      const hex = xml.charCodeAt(amp + 2) === 0x78;
      const cp = parseInt(xml.slice(amp + (hex ? 3 : 2), end - 1), hex ? 16 : 10);
      if (!isXmlChar(cp)) this.fail(`character reference ${xml.slice(amp, end)} is not an XML character`, amp);
      return String.fromCodePoint(cp);
    }
    const whole = xml.slice(amp, end);
    return NAMED[whole.slice(1, -1)] ?? whole;
  }

  private hasAmp(from: number, to: number): boolean {
    if (this.amp < from) {
      const next = this.xml.indexOf('&', from);
      this.amp = next === -1 ? this.xml.length : next;
    }
    return this.amp < to;
  }

  /** Text between tags that nobody reads must still be well-formed. */
  private checkText(from: number, to: number): void {
    if (to > from && this.hasAmp(from, to)) this.decode(from, to);
  }

  attr(name: string): string | undefined {
    const at = this.attrAt;
    for (let k = 0; k < this.attrCount * 4; k += 4) {
      if (at[k + 1] - at[k] !== name.length || !this.xml.startsWith(name, at[k])) continue;
      const from = at[k + 2];
      const to = at[k + 3];
      if (to >= 0) return this.xml.slice(from, to);
      // The cursor may have moved on since this tag: look for `&` from the value itself.
      this.amp = -1;
      const value = this.decode(from, -to);
      return value.indexOf('\t') !== -1 || value.indexOf('\n') !== -1 ? value.replace(/[\t\n]/g, ' ') : value;
    }
    return undefined;
  }

  /** Whether the attribute whose name is at `xml[from, to)` is already among the first `count`. */
  private repeatsAttr(from: number, to: number, count: number): boolean {
    const at = this.attrAt;
    for (let k = 0; k < count * 4; k += 4) {
      if (at[k + 1] - at[k] !== to - from) continue;
      let same = true;
      for (let i = 0; same && i < to - from; i++) same = this.xml.charCodeAt(at[k] + i) === this.xml.charCodeAt(from + i);
      if (same) return true;
    }
    return false;
  }

  /** Read the start tag whose `<` is at `lt`; sets name, attributes, selfClosing and moves past `>`. */
  private readStartTag(lt: number): void {
    const xml = this.xml;
    this.tagStart = lt;
    let i = lt + 1;
    let ch = xml.charCodeAt(i);
    if (!isNameStart(ch)) this.fail(`'<' that does not start a valid tag; a raw '<' must be written &lt;`, lt);
    let hash = ch;
    while (isNameChar((ch = xml.charCodeAt(++i)))) hash = (Math.imul(hash, 31) + ch) | 0;
    const name = xml.slice(lt + 1, i);
    this.nameHash = hash;
    this.attrCount = 0;
    for (;;) {
      ch = xml.charCodeAt(i);
      while (isBlank(ch)) ch = xml.charCodeAt(++i);
      if (ch === 0x3e) {
        this.selfClosing = false;
        i++;
        break;
      }
      if (ch === 0x2f && xml.charCodeAt(i + 1) === 0x3e) {
        this.selfClosing = true;
        i += 2;
        break;
      }
      if (Number.isNaN(ch) || (ch === 0x2f && i + 1 >= xml.length)) this.fail('the document ends inside a tag', lt);
      if (!isNameStart(ch)) this.fail(i === lt + 1 + name.length ? `'<' that does not start a valid tag; a raw '<' must be written &lt;` : `a malformed attribute in <${name}>`, lt);
      const nameStart = i;
      while (isNameChar((ch = xml.charCodeAt(++i))));
      const nameEnd = i;
      while (isBlank(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 0x3d) this.fail(`a malformed attribute in <${name}>`, lt);
      i++;
      while (isBlank(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) this.fail(Number.isNaN(quote) ? 'the document ends inside a tag' : `a malformed attribute in <${name}>`, lt);
      // One pass over the (short) value: find its end and whether it needs decoding or rejecting.
      let close = i + 1;
      let special = false;
      let amp = false;
      for (let c = xml.charCodeAt(close); c !== quote; c = xml.charCodeAt(++close)) {
        if (Number.isNaN(c)) this.fail('the document ends inside a tag', lt);
        if (c === 0x3c) this.fail(`'<' inside the value of attribute ${xml.slice(nameStart, nameEnd)}`, lt);
        if (c === 0x26) amp = special = true;
        else if (c === 0x09 || c === 0x0a) special = true;
      }
      // References are checked now, even in a value nobody reads: a broken one is a broken document.
      if (amp) this.decode(i + 1, close);
      if (this.attrCount > 0 && this.repeatsAttr(nameStart, nameEnd, this.attrCount)) this.fail(`attribute ${xml.slice(nameStart, nameEnd)} is repeated`, lt);
      const k = this.attrCount * 4;
      this.attrAt[k] = nameStart;
      this.attrAt[k + 1] = nameEnd;
      this.attrAt[k + 2] = i + 1;
      this.attrAt[k + 3] = special ? -close : close;
      this.attrCount++;
      i = close + 1;
    }
    this.name = name;
    this.pos = i;
  }

  /** If `lt` starts `</name>`, the position just past its `>`; a closing tag for anything else is an error. */
  private closeOf(name: string, lt: number): number {
    const xml = this.xml;
    let i = lt + 2 + name.length;
    if (xml.startsWith(name, lt + 2)) {
      while (isBlank(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) === 0x3e) return i + 1;
    }
    const gt = xml.indexOf('>', lt + 2);
    if (gt === -1) this.fail('the document ends inside a closing tag', lt);
    return this.fail(`closing tag </${xml.slice(lt + 2, gt).trim()}> does not match <${name}>`, lt);
  }

  /**
   * Pass over a comment, processing instruction or CDATA section at `lt` (a CDATA section's text is
   * returned; anything else gives null). Returns the position after it in `this.pos`.
   */
  private skipMarkup(lt: number, inContent: boolean): string | null {
    const xml = this.xml;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x3f) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) this.fail('the document ends inside a processing instruction', lt);
      this.pos = end + 2;
      return null;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) this.fail('the document ends inside a comment', lt);
      this.pos = end + 3;
      return null;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      if (!inContent) this.fail('CDATA outside the root element', lt);
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) this.fail('the document ends inside a CDATA section', lt);
      this.pos = end + 3;
      return xml.slice(lt + 9, end);
    }
    if (!inContent && !this.rootSeen && xml.startsWith('<!DOCTYPE', lt)) {
      const gt = xml.indexOf('>', lt);
      const bracket = xml.indexOf('[', lt);
      if (bracket !== -1 && (gt === -1 || bracket < gt)) this.fail('a DOCTYPE with its own declarations (Skyline does not read DTDs)', lt);
      if (gt === -1) this.fail('the document ends inside a DOCTYPE', lt);
      this.pos = gt + 1;
      return null;
    }
    return this.fail("'<!' that is not a comment or CDATA section", lt);
  }

  /**
   * Outside the root, before or after it: pass whitespace, comments, processing instructions (and,
   * before it, a DOCTYPE). Reads the next start tag and returns true, or returns false at the end.
   */
  private outsideRoot(where: 'before' | 'after'): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      const end = lt === -1 ? xml.length : lt;
      for (let i = this.pos; i < end; i++) if (!isBlank(xml.charCodeAt(i))) this.fail(`text ${where} the root element`, i);
      if (lt === -1) return false;
      const c = xml.charCodeAt(lt + 1);
      if (c === 0x3f || c === 0x21) {
        this.skipMarkup(lt, false);
        continue;
      }
      if (c === 0x2f) this.fail(where === 'before' ? 'closing tag without an opening tag' : 'a closing tag after the root element', lt);
      this.readStartTag(lt);
      return true;
    }
  }

  /** Move past the prolog to the root's start tag and read it; returns the root's name. */
  openRoot(): string {
    if (!this.outsideRoot('before')) this.fail('no root element (empty document)', this.xml.length);
    this.rootSeen = true;
    return this.name;
  }

  /** After the root has been read: only whitespace, comments and processing instructions may follow. */
  close(): void {
    if (this.outsideRoot('after')) this.fail(`a second root element <${this.name}>`, this.tagStart);
  }

  /**
   * Inside `parent` (whose start tag has been read): move to its next child element and read that
   * start tag (true), or past `</parent>` (false). Text, comments and CDATA between children are
   * checked and passed over.
   */
  nextChild(parent: string): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt === -1) return this.fail(`the document ends before </${parent}> (truncated?)`, xml.length);
      this.checkText(this.pos, lt);
      const c = xml.charCodeAt(lt + 1);
      if (c === 0x2f) {
        this.pos = this.closeOf(parent, lt);
        return false;
      }
      if (c === 0x3f || c === 0x21) {
        this.skipMarkup(lt, true);
        continue;
      }
      this.readStartTag(lt);
      return true;
    }
  }

  /** Where the text found by `readTextInPlace` lies in `xml`. */
  textFrom = 0;
  textTo = 0;

  /**
   * As `readText`, without copying the text in the usual case (`<first-name>Ana</first-name>`:
   * nothing to decode, no CDATA, no child): returns null and leaves it at `xml[textFrom, textTo)`.
   * Otherwise returns the text, decoded.
   */
  readTextInPlace(): string | null {
    const start = this.pos;
    if (this.selfClosing) {
      this.textFrom = this.textTo = start;
      return null;
    }
    const lt = this.xml.indexOf('<', start);
    if (lt === -1 || this.xml.charCodeAt(lt + 1) !== 0x2f || this.hasAmp(start, lt)) return this.readText();
    this.textFrom = start;
    this.textTo = lt;
    this.pos = this.closeOf(this.name, lt);
    return null;
  }

  /**
   * The text of the element whose start tag was just read, and move past its end. Child elements
   * (never seen in a Highrise value) are passed over; beside them, whitespace-only text counts as none.
   */
  readText(): string {
    if (this.selfClosing) return '';
    const name = this.name;
    const xml = this.xml;
    const start = this.pos;
    const lt = xml.indexOf('<', start);
    // The usual case, `<first-name>Ana</first-name>`: one slice.
    if (lt !== -1 && xml.charCodeAt(lt + 1) === 0x2f) {
      const text = this.decode(start, lt);
      this.pos = this.closeOf(name, lt);
      return text;
    }
    let text = '';
    let hadChild = false;
    for (;;) {
      const next = xml.indexOf('<', this.pos);
      if (next === -1) return this.fail(`the document ends before </${name}> (truncated?)`, xml.length);
      text += this.decode(this.pos, next);
      const c = xml.charCodeAt(next + 1);
      if (c === 0x2f) {
        this.pos = this.closeOf(name, next);
        return hadChild && text.trim() === '' ? '' : text;
      }
      if (c === 0x3f || c === 0x21) {
        const cdata = this.skipMarkup(next, true);
        if (cdata !== null) text += cdata;
        continue;
      }
      this.readStartTag(next);
      hadChild = true;
      this.skipElement();
    }
  }

  /** Pass over the element whose start tag was just read (checking it); true if it had child elements. */
  skipElement(): boolean {
    if (this.selfClosing) return false;
    const xml = this.xml;
    const open: string[] = [this.name];
    let hadChild = false;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt === -1) return this.fail(`the document ends before </${open[open.length - 1]}> (truncated?)`, xml.length);
      this.checkText(this.pos, lt);
      const c = xml.charCodeAt(lt + 1);
      if (c === 0x2f) {
        this.pos = this.closeOf(open.pop() as string, lt);
        if (open.length === 0) return hadChild;
        continue;
      }
      if (c === 0x3f || c === 0x21) {
        this.skipMarkup(lt, true);
        continue;
      }
      this.readStartTag(lt);
      hadChild = true;
      if (!this.selfClosing) open.push(this.name);
    }
  }

  /** Remember the start tag just read, to read the element again after a look ahead (variants). */
  mark(): ReaderMark {
    return { pos: this.pos, name: this.name, nameHash: this.nameHash, selfClosing: this.selfClosing, attrCount: this.attrCount, attrAt: this.attrAt.slice(0, this.attrCount * 4) };
  }

  reset(mark: ReaderMark): void {
    this.pos = mark.pos;
    this.name = mark.name;
    this.nameHash = mark.nameHash;
    this.selfClosing = mark.selfClosing;
    this.attrCount = mark.attrCount;
    for (let k = 0; k < mark.attrAt.length; k++) this.attrAt[k] = mark.attrAt[k];
    this.amp = -1;
  }
}

/** Check a whole document and return its root element's name. */
export function xmlRootName(xml: string): string {
  const reader = new XmlReader(xml);
  const root = reader.openRoot();
  reader.skipElement();
  reader.close();
  return root;
}
