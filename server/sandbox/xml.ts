// A tiny XML writer for the sandbox. It is deliberately independent of the client codec in
// server/highrise so that a codec bug cannot be hidden by sharing code with the emulator.

export type XmlAttrs = Record<string, string>;

export interface XmlElement {
  name: string;
  attrs?: XmlAttrs;
  /** text content; null means "no text" (empty element) */
  text?: string | null;
  children?: XmlElement[];
  /** empty elements are written as <a/> instead of <a></a> */
  selfClose?: boolean;
}

// XML 1.0 forbids most C0 controls even as character references; drop them rather than emit
// a document no parser accepts.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text the way Rails' Builder did for Highrise: markup characters as entities and every
 * non-ASCII code point as a numeric character reference (REAL-WORLD #9), so clients must decode them.
 * A carriage return is written as `&#13;` so that text comes back exactly as it was stored.
 */
export function escapeXml(value: string, inAttribute = false): string {
  let out = '';
  for (const ch of value.replace(FORBIDDEN, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"' && inAttribute) out += '&quot;';
    // A raw CR would be normalised away by any conforming parser (XML 1.0 §2.11); as a reference it survives.
    else if (ch === '\r') out += '&#13;';
    else if (cp > 0x7e) out += `&#${cp};`;
    else out += ch;
  }
  return out;
}

function writeAttrs(attrs: XmlAttrs | undefined): string {
  if (!attrs) return '';
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v, true)}"`)
    .join('');
}

function writeElement(el: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const open = `${el.name}${writeAttrs(el.attrs)}`;
  if (el.children && el.children.length > 0) {
    out.push(`${pad}<${open}>`);
    for (const child of el.children) writeElement(child, depth + 1, out);
    out.push(`${pad}</${el.name}>`);
    return;
  }
  const text = el.text ?? '';
  if (text === '' && el.selfClose) out.push(`${pad}<${open}/>`);
  else out.push(`${pad}<${open}>${escapeXml(text)}</${el.name}>`);
}

export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  writeElement(root, 0, out);
  return out.join('\n') + '\n';
}

// Builders for the typed fields Highrise emits. A missing value keeps the element and marks it
// nil="true" — clients must treat that as null, never 0 or epoch (REAL-WORLD #3).

export function str(name: string, value: string | null | undefined): XmlElement {
  return value == null ? { name, attrs: { nil: 'true' } } : { name, text: value };
}

export function int(name: string, value: number | null | undefined): XmlElement {
  return value == null
    ? { name, attrs: { type: 'integer', nil: 'true' } }
    : { name, attrs: { type: 'integer' }, text: String(value) };
}

export function bool(name: string, value: boolean | null | undefined): XmlElement {
  return value == null
    ? { name, attrs: { type: 'boolean', nil: 'true' } }
    : { name, attrs: { type: 'boolean' }, text: value ? 'true' : 'false' };
}

/** Stored datetimes are already ISO-8601 UTC without fractions (2007-02-27T03:11:52Z). */
export function datetime(name: string, value: string | null | undefined): XmlElement {
  return value == null
    ? { name, attrs: { type: 'datetime', nil: 'true' } }
    : { name, attrs: { type: 'datetime' }, text: value };
}

export function array(name: string, children: XmlElement[]): XmlElement {
  return { name, attrs: { type: 'array' }, children, selfClose: true };
}

export function group(name: string, children: XmlElement[]): XmlElement {
  return { name, children };
}
