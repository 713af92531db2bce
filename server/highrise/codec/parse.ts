import { HttpError } from '../../http-error.js';
import { XmlReader, XmlSyntaxError } from './xml-reader.js';
import type { Field, Infer, InferVariant, RecordSchema, Resource, ScalarField, ScalarKind, VariantResource, Variants } from './schema.js';

/**
 * XML → JSON, straight from the document into the schema's shape in one pass (./xml-reader.ts is
 * the cursor). The schema — not `type="array"` — says what is a list, so "one member" and "many"
 * read the same (REAL-WORLD #4); elements the schema does not name are checked and passed over,
 * never fatal. When a field appears more than once, the first wins, and its main spelling beats an
 * alias (REAL-WORLD #1, #7). ./test-oracle.ts is the slow, obvious version the tests compare against.
 */

export function malformed(detail: string, cause?: unknown): HttpError {
  return new HttpError(502, `Highrise sent a response Skyline could not read (${detail}). Try again; if it keeps happening, Highrise may be having trouble.`, {
    code: 'upstream_malformed',
    cause,
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * One value's text (null for a nil element or a missing one) as the field's kind. "Nothing" has
 * several spellings (REAL-WORLD #3): nil, empty typed, empty untyped — all null, never 0 or epoch.
 * The schema, not the `type=` attribute, decides the kind, so `type="decimal"` on a float field and a
 * whole `1000.0` on an integer field both read as numbers; a value that is not one (a `#{…}`
 * placeholder, garbage) is null rather than NaN.
 */
export function parseScalar(kind: ScalarKind, raw: string | null): string | number | boolean | null {
  if (raw === null) return null;
  if (kind === 'text') return raw === '' ? null : raw;
  const value = raw.trim();
  if (value === '') return null;
  switch (kind) {
    case 'integer': {
      const whole = plainInteger(value);
      if (whole !== null) return whole;
      if (!NUMBER.test(value)) return null;
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : null;
    }
    case 'float': {
      if (!NUMBER.test(value)) return null;
      const n = Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      return null;
    case 'date': {
      // A datetime where a date is expected keeps its calendar day (Highrise dates are UTC days).
      const day = value.slice(0, 10);
      return ISO_DATE.test(day) && !Number.isNaN(Date.parse(day)) ? day : null;
    }
    case 'datetime': {
      const plain = plainUtc(value);
      if (plain !== null) return plain;
      const t = Date.parse(value);
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    }
  }
}

/** Up to 15 plain digits (every id Highrise sends): read without a regex; anything else takes the general way. */
function plainInteger(v: string): number | null {
  if (v.length > 15) return null;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two decimal digits at `i` as a number, or -1. */
function twoDigits(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ` with a real day and time — how Highrise writes every datetime — is already
 * ISO UTC but for the milliseconds, so it skips Date.parse (most of a list page's parse time went
 * there). Anything else (offsets, fractions, Feb 30, which Date.parse rolls over) takes the general way.
 */
function plainUtc(v: string): string | null {
  if (v.length !== 20 || v.charCodeAt(19) !== 0x5a || v.charCodeAt(4) !== 0x2d || v.charCodeAt(7) !== 0x2d || v.charCodeAt(10) !== 0x54 || v.charCodeAt(13) !== 0x3a || v.charCodeAt(16) !== 0x3a) return null;
  const century = twoDigits(v, 0);
  const yy = twoDigits(v, 2);
  const month = twoDigits(v, 5);
  const day = twoDigits(v, 8);
  const hh = twoDigits(v, 11);
  const mm = twoDigits(v, 14);
  const ss = twoDigits(v, 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return null;
  const n = century * 100 + yy;
  const leap = n % 4 === 0 && (n % 100 !== 0 || n % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1])) return null;
  return `${v.slice(0, 19)}.000Z`;
}

function choiceOf(field: ScalarField, value: string | number | boolean | null): string | number | boolean | null {
  if (!field.values || typeof value !== 'string') return value;
  const trimmed = value.trim();
  return field.values.includes(trimmed) ? trimmed : null;
}

// ─── A schema, prepared once for reading ──────────────────────────────────────────────────────────

interface Slot {
  index: number;
  /** 1 for the field's main element name, 2 for its first alias, … (lower wins). */
  rank: number;
}

interface Plan {
  keys: string[];
  fields: Field[];
  byElement: Map<string, Slot>;
  /** Fields read from the record's own attributes: [index, attribute name]. */
  attributes: [number, string][];
  /** For list fields: item element name → rank. */
  items: (Map<string, number> | null)[];
  /** Every key null, in schema order: each record starts as a copy (one clone instead of a store per key). */
  template: Record<string, null>;
  /** Fields whose "missing" value is a fresh list or record rather than null. */
  fresh: number[];
}

const plans = new WeakMap<RecordSchema, Plan>();

function planOf(schema: RecordSchema): Plan {
  let plan = plans.get(schema);
  if (plan) return plan;
  const keys = Object.keys(schema);
  const fields = keys.map((k) => schema[k]);
  const byElement = new Map<string, Slot>();
  const attributes: [number, string][] = [];
  const items: (Map<string, number> | null)[] = [];
  fields.forEach((field, index) => {
    if (field.kind === 'scalar' && field.attribute) attributes.push([index, field.xml]);
    else {
      [field.xml, ...(field.aliases ?? [])].forEach((name, k) => {
        if (!byElement.has(name)) byElement.set(name, { index, rank: k + 1 });
      });
    }
    items.push(field.kind === 'list' || field.kind === 'variantList' ? new Map([field.item, ...(field.itemAliases ?? [])].map((n, k) => [n, k + 1])) : null);
  });
  const template = Object.fromEntries(keys.map((k) => [k, null]));
  const fresh = fields.flatMap((f, index) => (emptyValue(f) === null ? [] : [index]));
  plan = { keys, fields, byElement, attributes, items, template, fresh };
  plans.set(schema, plan);
  return plan;
}

function emptyValue(field: Field): unknown {
  switch (field.kind) {
    case 'scalar':
    case 'variant':
      return null;
    case 'record':
      return field.emptyWhenMissing ? emptyRecord(field.schema) : null;
    case 'list':
    case 'variantList':
      return [];
  }
}

function emptyRecord(schema: RecordSchema): Record<string, unknown> {
  const plan = planOf(schema);
  const out: Record<string, unknown> = { ...plan.template };
  for (const index of plan.fresh) out[plan.keys[index]] = emptyValue(plan.fields[index]);
  return out;
}

// ─── Reading ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The record whose start tag the reader has just read; leaves the reader past its end. With
 * `emptyIsNothing`, an element that holds none of the schema's elements or attributes — `<category/>`,
 * `<category></category>` — is "nothing" (REAL-WORLD #3) and gives null rather than a record of nulls.
 */
function readRecord(schema: RecordSchema, r: XmlReader, emptyIsNothing: true): Record<string, unknown> | null;
function readRecord(schema: RecordSchema, r: XmlReader): Record<string, unknown>;
function readRecord(schema: RecordSchema, r: XmlReader, emptyIsNothing = false): Record<string, unknown> | null {
  const plan = planOf(schema);
  const out: Record<string, unknown> = { ...plan.template };
  let anyAttribute = false;
  for (const [index, name] of plan.attributes) {
    const value = r.attr(name);
    const present = value !== undefined && value !== '';
    anyAttribute ||= present;
    out[plan.keys[index]] = present ? value : null;
  }
  let ranks: Uint8Array | null = null;
  if (!r.selfClosing) {
    const element = r.name;
    while (r.nextChild(element)) {
      const slot = plan.byElement.get(r.name);
      if (slot === undefined) {
        r.skipElement();
        continue;
      }
      ranks ??= new Uint8Array(plan.keys.length);
      const seen = ranks[slot.index];
      if (seen !== 0 && seen <= slot.rank) {
        r.skipElement();
        continue;
      }
      ranks[slot.index] = slot.rank;
      out[plan.keys[slot.index]] = readField(plan.fields[slot.index], plan.items[slot.index], r);
    }
  }
  if (emptyIsNothing && ranks === null && !anyAttribute) return null;
  for (const index of plan.fresh) if (ranks === null || ranks[index] === 0) out[plan.keys[index]] = emptyValue(plan.fields[index]);
  return out;
}

function readField(field: Field, items: Map<string, number> | null, r: XmlReader): unknown {
  const nil = r.attr('nil') === 'true';
  switch (field.kind) {
    case 'scalar': {
      const text = r.readText();
      return nil ? null : choiceOf(field, parseScalar(field.type, text));
    }
    case 'record':
      if (!nil) return readRecord(field.schema, r, true) ?? emptyValue(field);
      r.skipElement();
      return emptyValue(field);
    case 'variant':
      if (!nil) return readVariant(field.variants, r);
      r.skipElement();
      return null;
    case 'list':
    case 'variantList':
      return readList(field, items as Map<string, number>, r);
  }
}

/**
 * Members of a list container. If members come under more than one spelling, the main spelling's
 * members are the list (a container never mixes them in practice).
 */
function readList(field: Field & { kind: 'list' | 'variantList' }, items: Map<string, number>, r: XmlReader): unknown[] {
  let out: unknown[] = [];
  if (r.selfClosing) return out;
  const container = r.name;
  let best = Infinity;
  while (r.nextChild(container)) {
    const rank = items.get(r.name);
    if (rank === undefined || rank > best) {
      r.skipElement();
      continue;
    }
    if (rank < best) {
      best = rank;
      out = [];
    }
    if (field.kind === 'list') out.push(readRecord(field.schema, r));
    else {
      const v = readVariant(field.variants, r);
      if (v !== null) out.push(v);
    }
  }
  return out;
}

/**
 * A polymorphic member: its variant is named by a `<type>` child (deals, cases) or a `type` attribute
 * (search, tags) — REAL-WORLD #5. The `<type>` child can come anywhere, so the element is looked
 * through for it first, then read with the variant's schema. Unknown variants are skipped (#8).
 */
function readVariant<V extends Variants>(variants: V, r: XmlReader): InferVariant<V> | null {
  const start = r.mark();
  const attr = r.attr('type');
  let typeText = '';
  if (!r.selfClosing) {
    const element = r.name;
    let open = true;
    while ((open = r.nextChild(element))) {
      if (r.name === 'type') {
        typeText = r.readText().trim();
        break;
      }
      r.skipElement();
    }
    if (open) {
      // Stopped at <type>: finish the element so an unknown variant is still checked and passed over.
      while (r.nextChild(element)) r.skipElement();
    }
  }
  const name = typeText || (attr ?? '').trim();
  if (!Object.hasOwn(variants, name)) return null;
  r.reset(start);
  const record = readRecord(variants[name], r);
  return { type: name, ...record } as InferVariant<V>;
}

// ─── Documents ────────────────────────────────────────────────────────────────────────────────────

/** Read a whole document: `body` handles the root (already opened); a broken document is a 502, never a partial record. */
function readDocument<T>(xml: string, body: (r: XmlReader, root: string) => T): T {
  try {
    const r = new XmlReader(xml);
    const root = r.openRoot();
    const result = body(r, root);
    r.close();
    return result;
  } catch (cause) {
    if (cause instanceof XmlSyntaxError) throw malformed(cause.message, cause);
    throw cause;
  }
}

/** Anything but the expected root (already passed over): checked to the end first, so a broken document reports that instead. */
function wrongRoot(r: XmlReader, expected: string, found: string): never {
  r.close();
  throw malformed(`expected <${expected}>, got <${found}>`);
}

/** One record, e.g. GET /people/1.xml or the body of a 201. */
export function parseOne<S extends RecordSchema>(resource: Resource<S>, xml: string): Infer<S> {
  return readDocument(xml, (r, root) => {
    if (root === resource.root) return readRecord(resource.schema, r) as Infer<S>;
    r.skipElement();
    return wrongRoot(r, resource.root, root);
  });
}

/**
 * The members of a collection document. Rails renders an empty array as `<nil-classes type="array"/>`,
 * so any other root without child elements counts as an empty collection.
 */
function readCollection<T>(xml: string, collection: string, item: string, readItem: (r: XmlReader) => T | null): T[] {
  return readDocument(xml, (r, root) => {
    const out: T[] = [];
    if (root !== collection) {
      if (r.skipElement()) wrongRoot(r, collection, root);
      return out;
    }
    if (r.selfClosing) return out;
    while (r.nextChild(collection)) {
      if (r.name !== item) {
        r.skipElement();
        continue;
      }
      const value = readItem(r);
      if (value !== null) out.push(value);
    }
    return out;
  });
}

/** A collection, e.g. GET /people.xml. */
export function parseMany<S extends RecordSchema>(resource: Resource<S>, xml: string): Infer<S>[] {
  return readCollection(xml, resource.collection, resource.root, (r) => readRecord(resource.schema, r) as Infer<S>);
}

/**
 * A polymorphic collection, e.g. GET /parties/search.xml (`<parties><party type="Person">`) or
 * GET /recordings.xml. Takes a `variantResource(...)` or, as before, (collection, item, variants).
 * Members of an unknown variant are skipped (REAL-WORLD #8).
 */
export function parseManyVariants<V extends Variants>(resource: VariantResource<V>, xml: string): InferVariant<V>[];
export function parseManyVariants<V extends Variants>(collection: string, item: string, variants: V, xml: string): InferVariant<V>[];
export function parseManyVariants<V extends Variants>(...args: [VariantResource<V>, string] | [string, string, V, string]): InferVariant<V>[] {
  const [collection, item, variants, xml] = args.length === 2 ? [args[0].collection, args[0].root, args[0].variants, args[1]] : args;
  return readCollection(xml, collection, item, (r) => readVariant(variants, r));
}

/** `<errors><error>…</error></errors>` from a 422; empty, missing or unreadable bodies give no messages (tapajos/highrise #79). */
export function parseErrors(xml: string): string[] {
  if (!xml.trim()) return [];
  try {
    return readDocument(xml, (r, root) => {
      const messages: string[] = [];
      if (root !== 'errors') {
        r.skipElement();
        return messages;
      }
      if (r.selfClosing) return messages;
      while (r.nextChild('errors')) {
        if (r.name !== 'error') r.skipElement();
        else {
          const message = r.readText().trim();
          if (message) messages.push(message);
        }
      }
      return messages;
    });
  } catch {
    return [];
  }
}
