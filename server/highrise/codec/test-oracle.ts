/**
 * Test oracle, not imported by app code: the obvious way to read a resource — fast-xml-parser builds a
 * generic tree (every child an array), then the schema is walked over it. ./parse.ts reads the same
 * documents in one pass without a tree; the differential tests check the two agree on every fixture,
 * reference sample and generated document. Scalars go through parse.ts's `parseScalar`, so the oracle
 * checks the structure (lists, aliases, nil, variants, first-wins), not the scalar rules, which
 * codec.test.ts pins on their own.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseScalar } from './parse.js';
import type { Field, Infer, InferVariant, RecordSchema, Resource, ScalarKind, VariantResource, Variants } from './schema.js';

type XmlNode = string | XmlElement;
interface XmlElement {
  '#text'?: string;
  [childOrAttribute: string]: XmlNode[] | string | undefined;
}

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
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

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

function scalarOf(kind: ScalarKind, node: XmlNode | undefined): string | number | boolean | null {
  if (node === undefined || isNil(node)) return null;
  return parseScalar(kind, textOf(node));
}

function names(field: Field): readonly string[] {
  return field.aliases ? [field.xml, ...field.aliases] : [field.xml];
}

/** The variant's name comes from a `<type>` child (deals, cases) or a `type` attribute (search, tags) — REAL-WORLD #5. */
function walkVariant<V extends Variants>(variants: V, node: XmlNode): InferVariant<V> | null {
  const el = asElement(node);
  const typeChild = first(el, ['type']);
  const attr = el['@_type'];
  const name = (typeChild !== undefined ? textOf(typeChild).trim() : '') || (typeof attr === 'string' ? attr.trim() : '');
  const schema = Object.hasOwn(variants, name) ? variants[name] : undefined;
  if (!schema) return null;
  return { type: name, ...walkRecord(schema, el) } as InferVariant<V>;
}

/** Whether an element carries any of the schema's child elements or attributes (else it is "nothing", REAL-WORLD #3). */
function holdsAnyOf(schema: RecordSchema, el: XmlElement): boolean {
  return Object.values(schema).some((f) => {
    if (f.kind === 'scalar' && f.attribute) {
      const attr = el[`@_${f.xml}`];
      return typeof attr === 'string' && attr !== '';
    }
    return names(f).some((n) => Array.isArray(el[n]));
  });
}

export function walkRecord<S extends RecordSchema>(schema: S, node: XmlNode | undefined): Infer<S> {
  const el = asElement(node);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema)) {
    const field = schema[key];
    switch (field.kind) {
      case 'scalar': {
        if (field.attribute) {
          const attr = el[`@_${field.xml}`];
          out[key] = typeof attr === 'string' && attr !== '' ? attr : null;
          break;
        }
        const value = scalarOf(field.type, first(el, names(field)));
        out[key] = field.values && typeof value === 'string' && !field.values.includes(value.trim()) ? null : field.values && typeof value === 'string' ? value.trim() : value;
        break;
      }
      case 'record': {
        const child = first(el, names(field));
        const nothing = child === undefined || isNil(child) || !holdsAnyOf(field.schema, asElement(child));
        out[key] = nothing ? (field.emptyWhenMissing ? walkRecord(field.schema, {}) : null) : walkRecord(field.schema, child);
        break;
      }
      case 'list': {
        // A missing container is an empty list, never "fetch it" (REAL-WORLD #2).
        const container = asElement(first(el, names(field)));
        const items = all(container, field.itemAliases ? [field.item, ...field.itemAliases] : [field.item]);
        out[key] = items.map((item) => walkRecord(field.schema, item));
        break;
      }
      case 'variant': {
        const child = first(el, names(field));
        out[key] = child === undefined || isNil(child) ? null : walkVariant(field.variants, child);
        break;
      }
      case 'variantList': {
        const container = asElement(first(el, names(field)));
        const items = all(container, field.itemAliases ? [field.item, ...field.itemAliases] : [field.item]);
        const parsed: unknown[] = [];
        for (const item of items) {
          const v = walkVariant(field.variants, item);
          if (v !== null) parsed.push(v);
        }
        out[key] = parsed;
        break;
      }
    }
  }
  return out as Infer<S>;
}


function container(xml: string, name: string): XmlElement | null {
  const doc = fxp.parse(xml) as XmlElement;
  const node = first(doc, [name]);
  return node === undefined ? null : asElement(node);
}

/** What parseOne should give, or null when the root is not the resource's. */
export function oracleOne<S extends RecordSchema>(resource: Resource<S>, xml: string): Infer<S> | null {
  const doc = fxp.parse(xml) as XmlElement;
  const node = first(doc, [resource.root]);
  return node === undefined ? null : walkRecord(resource.schema, node);
}

/** What parseMany should give, or null when the root is not the collection. */
export function oracleMany<S extends RecordSchema>(resource: Resource<S>, xml: string): Infer<S>[] | null {
  const c = container(xml, resource.collection);
  return c === null ? null : all(c, [resource.root]).map((item) => walkRecord(resource.schema, item));
}

/** What parseManyVariants should give, or null when the root is not the collection. */
export function oracleManyVariants<V extends Variants>(resource: VariantResource<V>, xml: string): InferVariant<V>[] | null {
  const c = container(xml, resource.collection);
  if (c === null) return null;
  const out: InferVariant<V>[] = [];
  for (const node of all(c, [resource.root])) {
    const v = walkVariant(resource.variants, node);
    if (v !== null) out.push(v);
  }
  return out;
}
