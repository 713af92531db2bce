import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HttpError } from '../../http-error.js';
import type { Field, Infer, InferVariant, RecordSchema, Resource, ScalarKind, Variants } from './schema.js';

/**
 * fast-xml-parser gives a generic tree; the schema walk below decides what is a list, what is typed,
 * what is empty. Every element is an array (isArray for non-attributes), so "one member" and "many"
 * look the same and the schema — not `type="array"` — says what is a list (REAL-WORLD #4).
 */
type XmlNode = string | XmlElement;
interface XmlElement {
  '#text'?: string;
  '@_type'?: string;
  '@_nil'?: string;
  [child: string]: XmlNode[] | string | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

export function malformed(detail: string, cause?: unknown): HttpError {
  return new HttpError(502, `Highrise sent a response Skyline could not read (${detail}). Try again; if it keeps happening, Highrise may be having trouble.`, {
    code: 'upstream_malformed',
    cause,
  });
}

/** Parse and validate; a truncated or broken body is an error, never a partial record. */
export function parseDocument(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw malformed(`${valid.err.msg} at line ${valid.err.line}`);
  return parser.parse(xml) as XmlElement;
}

function first(node: XmlElement, names: readonly string[]): XmlNode | undefined {
  for (const name of names) {
    const value = node[name];
    if (Array.isArray(value) && value.length > 0) return value[0];
  }
  return undefined;
}

function all(node: XmlElement, names: readonly string[]): XmlNode[] {
  for (const name of names) {
    const value = node[name];
    if (Array.isArray(value)) return value;
  }
  return [];
}

function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : (node['#text'] ?? '');
}

function isNil(node: XmlNode): boolean {
  return typeof node !== 'string' && node['@_nil'] === 'true';
}

function asElement(node: XmlNode | undefined): XmlElement {
  return node === undefined || typeof node === 'string' ? {} : node;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Nothing" has several spellings (REAL-WORLD #3): nil, empty typed, empty untyped — all null, never 0 or epoch. */
export function parseScalar(kind: ScalarKind, node: XmlNode | undefined): string | number | boolean | null {
  if (node === undefined || isNil(node)) return null;
  const raw = textOf(node);
  if (kind === 'text') return raw === '' ? null : raw;
  const value = raw.trim();
  if (value === '') return null;
  switch (kind) {
    case 'integer': {
      const n = Number(value);
      return Number.isInteger(n) ? n : null;
    }
    case 'float': {
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return value === 'true' || value === '1';
    case 'date':
      return ISO_DATE.test(value) ? value : null;
    case 'datetime': {
      const t = Date.parse(value);
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    }
  }
}

function names(field: Field): readonly string[] {
  return field.aliases ? [field.xml, ...field.aliases] : [field.xml];
}

/** The variant's name comes from a `<type>` child (deals, cases) or a `type` attribute (search, tags) — REAL-WORLD #5. */
function parseVariant<V extends Variants>(variants: V, node: XmlNode): InferVariant<V> | null {
  const el = asElement(node);
  const typeChild = first(el, ['type']);
  const name = (typeChild !== undefined ? textOf(typeChild).trim() : '') || el['@_type'] || '';
  const schema = variants[name];
  if (!schema) return null;
  return { type: name, ...parseRecord(schema, el) } as InferVariant<V>;
}

export function parseRecord<S extends RecordSchema>(schema: S, node: XmlNode | undefined): Infer<S> {
  const el = asElement(node);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema)) {
    const field = schema[key];
    switch (field.kind) {
      case 'scalar':
        out[key] = parseScalar(field.type, first(el, names(field)));
        break;
      case 'record': {
        const child = first(el, names(field));
        out[key] = child === undefined || isNil(child) ? (field.emptyWhenMissing ? parseRecord(field.schema, {}) : null) : parseRecord(field.schema, child);
        break;
      }
      case 'list': {
        // A missing container is an empty list, never "fetch it" (REAL-WORLD #2).
        const container = asElement(first(el, names(field)));
        const items = all(container, field.itemAliases ? [field.item, ...field.itemAliases] : [field.item]);
        out[key] = items.map((item) => parseRecord(field.schema, item));
        break;
      }
      case 'variant': {
        const child = first(el, names(field));
        out[key] = child === undefined || isNil(child) ? null : parseVariant(field.variants, child);
        break;
      }
    }
  }
  return out as Infer<S>;
}

function rootOf(doc: XmlElement, root: string): XmlNode {
  const node = first(doc, [root]);
  if (node === undefined) {
    const found = Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('@_'));
    throw malformed(found ? `expected <${root}>, got <${found}>` : `expected <${root}>, got an empty document`);
  }
  return node;
}

/** One record, e.g. GET /people/1.xml or the body of a 201. */
export function parseOne<S extends RecordSchema>(resource: Resource<S>, xml: string): Infer<S> {
  return parseRecord(resource.schema, rootOf(parseDocument(xml), resource.root));
}

/**
 * A collection, e.g. GET /people.xml. Rails renders an empty array as `<nil-classes type="array"/>`,
 * so any empty array document counts as an empty collection.
 */
export function parseMany<S extends RecordSchema>(resource: Resource<S>, xml: string): Infer<S>[] {
  const doc = parseDocument(xml);
  const container = first(doc, [resource.collection]);
  if (container === undefined) {
    const other = Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('@_'));
    const otherNode = other ? first(doc, [other]) : undefined;
    if (otherNode !== undefined && Object.keys(asElement(otherNode)).every((k) => k.startsWith('#') || k.startsWith('@_'))) return [];
    throw malformed(other ? `expected <${resource.collection}>, got <${other}>` : 'expected a list, got an empty document');
  }
  return all(asElement(container), [resource.root]).map((item) => parseRecord(resource.schema, item));
}

/** A polymorphic collection, e.g. GET /parties/search.xml: `<parties><party type="Person">`. */
export function parseManyVariants<V extends Variants>(collection: string, item: string, variants: V, xml: string): InferVariant<V>[] {
  const doc = parseDocument(xml);
  const container = first(doc, [collection]);
  if (container === undefined) return [];
  return all(asElement(container), [item])
    .map((node) => parseVariant(variants, node))
    .filter((v): v is InferVariant<V> => v !== null);
}

/** `<errors><error>…</error></errors>` from a 422; empty or missing bodies give no messages (tapajos/highrise #79). */
export function parseErrors(xml: string): string[] {
  if (!xml.trim()) return [];
  try {
    const doc = parser.parse(xml) as XmlElement;
    const errors = asElement(first(doc, ['errors']));
    return all(errors, ['error']).map((e) => textOf(e).trim()).filter(Boolean);
  } catch {
    return [];
  }
}
