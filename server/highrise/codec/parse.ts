import { HttpError } from '../../http-error.js';
import { JsonOut, keyBytes, readJson } from './json-out.js';
import { nameHash, XmlReader, XmlSyntaxError } from './xml-reader.js';
import type { Field, Infer, InferVariant, RecordSchema, Resource, ScalarField, ScalarKind, VariantResource, Variants } from './schema.js';

/**
 * XML → JSON, straight from the document into the schema's shape in one pass (./xml-reader.ts is
 * the cursor, ./json-out.ts the JSON text it is written into). The schema — not `type="array"` —
 * says what is a list, so "one member" and "many" read the same (REAL-WORLD #4); elements the schema
 * does not name are checked and passed over, never fatal. When a field appears more than once, the
 * first wins, and its main spelling beats an alias (REAL-WORLD #1, #7). ./test-oracle.ts is the slow,
 * obvious version the tests compare against.
 *
 * `transcode*` give the JSON text as UTF-8 bytes, which a route can send on as it is; `parse*` give
 * values (JSON.parse of the same bytes), for code that works on the records.
 */

/** JSON text known to hold a `T`: what `transcode*` return, so a route that sends it on stays typed. */
export type Json<T> = Uint8Array<ArrayBuffer> & { readonly __json?: T };

/** A list as JSON text, and how many members it holds (a page is full when that reaches the page size). */
export interface JsonList<T> {
  json: Json<T[]>;
  count: number;
}

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
      return ISO_DATE.test(day) && isRealDay(day) ? day : null;
    }
    case 'datetime': {
      const plain = plainUtc(value);
      if (plain !== null) return plain;
      // Date.parse rolls Feb 30 over into March: a day that does not exist is no date, not another one.
      if (ISO_DATE.test(value.slice(0, 10)) && !isRealDay(value.slice(0, 10))) return null;
      const t = Date.parse(value);
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    }
  }
}

/** Up to 15 plain digits (every id Highrise sends): read without a regex; anything else takes the general way. */
function plainInteger(v: string, from = 0, to = v.length): number | null {
  if (to - from > 15) return null;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `YYYY-MM-DD` names a day that exists (2024-02-29 does, 2023-02-29 and 2024-02-30 do not). */
function isRealDay(day: string): boolean {
  const year = Number(day.slice(0, 4));
  const month = twoDigits(day, 5);
  const date = twoDigits(day, 8);
  if (month < 1 || month > 12 || date < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return date <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]);
}

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
  return isPlainUtc(v, 0, v.length) ? `${v.slice(0, 19)}.000Z` : null;
}

function isPlainUtc(v: string, at: number, to: number): boolean {
  if (to - at !== 20 || v.charCodeAt(at + 19) !== 0x5a || v.charCodeAt(at + 4) !== 0x2d || v.charCodeAt(at + 7) !== 0x2d || v.charCodeAt(at + 10) !== 0x54 || v.charCodeAt(at + 13) !== 0x3a || v.charCodeAt(at + 16) !== 0x3a) return false;
  const century = twoDigits(v, at);
  const yy = twoDigits(v, at + 2);
  const month = twoDigits(v, at + 5);
  const day = twoDigits(v, at + 8);
  const hh = twoDigits(v, at + 11);
  const mm = twoDigits(v, at + 14);
  const ss = twoDigits(v, at + 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return false;
  const n = century * 100 + yy;
  const leap = n % 4 === 0 && (n % 100 !== 0 || n % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]);
}

function choiceOf(field: ScalarField, value: string | number | boolean | null): string | number | boolean | null {
  if (!field.values || typeof value !== 'string') return value;
  const trimmed = value.trim();
  return field.values.includes(trimmed) ? trimmed : null;
}

// ─── A schema, prepared once for writing ──────────────────────────────────────────────────────────

interface Slot {
  /** The element name; slots are found by its hash, so `next` holds any other name with the same hash. */
  name: string;
  index: number;
  /** 1 for the field's main element name, 2 for its first alias, … (lower wins). */
  rank: number;
  next: Slot | null;
}

interface Plan {
  fields: Field[];
  /** `,"key":` for each field: every key is written after a comma; a record's first comma becomes its `{`. */
  keys: Uint8Array[];
  /** Fields by their element names' hashes (see slotOf). */
  byElement: Map<number, Slot>;
  /** Fields read from the record's own attributes: [index, attribute name]. */
  attributes: [number, string][];
  /** For list fields: the member element's names, main spelling first (rank = position + 1). */
  items: (string[] | null)[];
  /** Each field's JSON when its element is missing: null, [] or an empty record. */
  missing: Uint8Array[];
  /** `,"key":` and the missing value together, written in one go for the fields a record lacks. */
  keyMissing: Uint8Array[];
  /** Whether the schema has a `type` field of its own (then a variant's name is not written over it). */
  ownType: boolean;
}

const plans = new WeakMap<RecordSchema, Plan>();

function planOf(schema: RecordSchema): Plan {
  let plan = plans.get(schema);
  if (plan) return plan;
  const names = Object.keys(schema);
  const fields = names.map((k) => schema[k]);
  const byElement = new Map<number, Slot>();
  const attributes: [number, string][] = [];
  const items: (string[] | null)[] = [];
  fields.forEach((field, index) => {
    if (field.kind === 'scalar' && field.attribute) attributes.push([index, field.xml]);
    else {
      [field.xml, ...(field.aliases ?? [])].forEach((name, k) => {
        const hash = nameHash(name);
        let known = byElement.get(hash) ?? null;
        while (known !== null && known.name !== name) known = known.next;
        if (known === null) byElement.set(hash, { name, index, rank: k + 1, next: byElement.get(hash) ?? null });
      });
    }
    items.push(field.kind === 'list' || field.kind === 'variantList' ? [field.item, ...(field.itemAliases ?? [])] : null);
  });
  const keys = names.map((k) => {
    const key = keyBytes(k);
    const withComma = new Uint8Array(key.length + 1);
    withComma[0] = 0x2c;
    withComma.set(key, 1);
    return withComma;
  });
  plan = { fields, keys, byElement, attributes, items, missing: [], keyMissing: [], ownType: names.includes('type') };
  plans.set(schema, plan);
  plan.missing = fields.map(missingJson);
  plan.keyMissing = keys.map((key, index) => {
    const both = new Uint8Array(key.length + plan.missing[index].length);
    both.set(key);
    both.set(plan.missing[index], key.length);
    return both;
  });
  return plan;
}

const NULL = new TextEncoder().encode('null');
const EMPTY_LIST = new TextEncoder().encode('[]');

function missingJson(field: Field): Uint8Array {
  switch (field.kind) {
    case 'scalar':
    case 'variant':
      return NULL;
    case 'record': {
      if (!field.emptyWhenMissing) return NULL;
      const out = new JsonOut(64);
      writeMissingRecord(planOf(field.schema), out);
      return out.result().slice();
    }
    case 'list':
    case 'variantList':
      return EMPTY_LIST;
  }
}

/** A record none of whose elements came: every field as missing. */
function writeMissingRecord(plan: Plan, out: JsonOut): void {
  const start = out.len;
  for (let index = 0; index < plan.fields.length; index++) out.bytes(plan.keyMissing[index]);
  closeRecord(out, start);
}

/** Turn the record's first comma into `{` (or write `{` if it has no field) and close it. */
function closeRecord(out: JsonOut, start: number): void {
  if (out.len === start) out.byte(0x7b);
  else out.buf[start] = 0x7b;
  out.byte(0x7d);
}

// ─── Writing ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The record whose start tag the reader has just read, written as a JSON object; leaves the reader
 * past its end. With `emptyIsNothing`, an element that holds none of the schema's elements or
 * attributes — `<category/>`, `<category></category>` — is "nothing" (REAL-WORLD #3): nothing is
 * written and the result is false. `variantName` is written first as `type` (polymorphic members).
 */
function writeRecord(schema: RecordSchema, r: XmlReader, out: JsonOut, emptyIsNothing = false, variantName?: string): boolean {
  const plan = planOf(schema);
  const start = out.len;
  if (variantName !== undefined && !plan.ownType) {
    out.ascii(',"type":');
    out.string(variantName);
  }
  let anyAttribute = false;
  for (const [index, name] of plan.attributes) {
    const value = r.attr(name);
    const present = value !== undefined && value !== '';
    anyAttribute ||= present;
    out.bytes(plan.keys[index]);
    if (present) out.string(value);
    else out.null();
  }
  const ranks = new Uint8Array(plan.fields.length);
  let anyElement = false;
  // Where a field read under an alias was written, in case its main spelling comes later and wins: [index, from, to].
  let aliasSpans: number[] | null = null;
  if (!r.selfClosing) {
    const element = r.name;
    while (r.nextChild(element)) {
      const slot = slotOf(plan, r);
      if (slot === undefined) {
        r.skipElement();
        continue;
      }
      anyElement = true;
      const seen = ranks[slot.index];
      if (seen !== 0 && seen <= slot.rank) {
        r.skipElement();
        continue;
      }
      if (seen !== 0 && aliasSpans !== null) cutAliasSpan(out, aliasSpans, slot.index);
      ranks[slot.index] = slot.rank;
      const from = out.len;
      out.bytes(plan.keys[slot.index]);
      writeField(plan, slot.index, r, out);
      if (slot.rank > 1) (aliasSpans ??= []).push(slot.index, from, out.len);
    }
  }
  if (emptyIsNothing && !anyElement && !anyAttribute) {
    out.truncate(start);
    return false;
  }
  for (let index = 0; index < plan.fields.length; index++) {
    if (ranks[index] !== 0) continue;
    const field = plan.fields[index];
    if (field.kind === 'scalar' && field.attribute) continue;
    out.bytes(plan.keyMissing[index]);
  }
  closeRecord(out, start);
  return true;
}

/**
 * The field the element just read belongs to. Found by the hash the reader computed as it read the
 * name, then confirmed by the name: a page has 20,000 elements, and hashing each freshly cut name
 * string for a Map keyed by names was the hottest line of the read.
 */
function slotOf(plan: Plan, r: XmlReader): Slot | undefined {
  let slot = plan.byElement.get(r.nameHash);
  while (slot !== undefined && slot.name !== r.name) slot = slot.next ?? undefined;
  return slot;
}

/** Remove what was written for field `index` under an alias, now that its main spelling has come. */
function cutAliasSpan(out: JsonOut, spans: number[], index: number): void {
  for (let k = 0; k < spans.length; k += 3) {
    if (spans[k] !== index) continue;
    const from = spans[k + 1];
    const length = spans[k + 2] - from;
    out.cut(from, from + length);
    spans.splice(k, 3);
    for (let j = 0; j < spans.length; j += 3) {
      if (spans[j + 1] > from) {
        spans[j + 1] -= length;
        spans[j + 2] -= length;
      }
    }
    return;
  }
}

function writeField(plan: Plan, index: number, r: XmlReader, out: JsonOut): void {
  const field = plan.fields[index];
  const nil = r.attr('nil') === 'true';
  switch (field.kind) {
    case 'scalar':
      return writeScalar(field, r, nil, out);
    case 'record':
      if (nil) r.skipElement();
      else if (writeRecord(field.schema, r, out, true)) return;
      out.bytes(plan.missing[index]);
      return;
    case 'variant':
      if (nil) r.skipElement();
      else if (writeVariant(field.variants, r, out)) return;
      out.null();
      return;
    case 'list':
    case 'variantList':
      return writeList(field, plan.items[index] as string[], r, out);
  }
}

/** A value's text as the field's kind. The usual values (text, ids, Highrise's datetimes) are copied from the document without an intermediate string. */
function writeScalar(field: ScalarField, r: XmlReader, nil: boolean, out: JsonOut): void {
  const decoded = r.readTextInPlace();
  if (nil) return out.null();
  if (decoded === null && !field.values) {
    const { xml, textFrom: from, textTo: to } = r;
    switch (field.type) {
      case 'text':
        if (from === to) out.null();
        else out.text(xml, from, to);
        return;
      case 'integer': {
        const n = from === to ? null : plainInteger(xml, from, to);
        if (n !== null) return out.integer(n);
        break;
      }
      case 'datetime':
        if (isPlainUtc(xml, from, to)) {
          out.text(xml, from, from + 19);
          out.len--;
          out.ascii('.000Z"');
          return;
        }
        break;
    }
  }
  const raw = decoded ?? r.xml.slice(r.textFrom, r.textTo);
  writeValue(choiceOf(field, parseScalar(field.type, raw)), out);
}

function writeValue(value: string | number | boolean | null, out: JsonOut): void {
  if (value === null) out.null();
  else if (typeof value === 'string') out.string(value);
  else if (typeof value === 'number') out.number(value);
  else out.ascii(value ? 'true' : 'false');
}

/**
 * Members of a list container. If members come under more than one spelling, the main spelling's
 * members are the list (a container never mixes them in practice).
 */
function writeList(field: Field & { kind: 'list' | 'variantList' }, items: string[], r: XmlReader, out: JsonOut): void {
  const open = out.len;
  out.byte(0x5b);
  if (!r.selfClosing) {
    const container = r.name;
    let best = Infinity;
    while (r.nextChild(container)) {
      // One or two spellings: comparing beats hashing the name.
      const rank = items.indexOf(r.name) + 1;
      if (rank === 0 || rank > best) {
        r.skipElement();
        continue;
      }
      if (rank < best) {
        best = rank;
        out.truncate(open + 1);
      }
      const before = out.len;
      if (before > open + 1) out.byte(0x2c);
      const wrote = field.kind === 'list' ? writeRecord(field.schema, r, out) : writeVariant(field.variants, r, out);
      if (!wrote) out.truncate(before);
    }
  }
  out.byte(0x5d);
}

/**
 * A polymorphic member: its variant is named by a `<type>` child (deals, cases) or a `type` attribute
 * (search, tags) — REAL-WORLD #5. The `<type>` child can come anywhere, so the element is looked
 * through for it first, then read with the variant's schema. Unknown variants are skipped (#8):
 * nothing is written and the result is false.
 */
function writeVariant(variants: Variants, r: XmlReader, out: JsonOut): boolean {
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
  if (!Object.hasOwn(variants, name)) return false;
  r.reset(start);
  return writeRecord(variants[name], r, out, false, name);
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

/** A JSON list is usually under half the size of its XML. */
const outFor = (xml: string) => new JsonOut(xml.length >> 1);

/** One record as JSON, e.g. GET /people/1.xml or the body of a 201. */
export function transcodeOne<S extends RecordSchema>(resource: Resource<S>, xml: string): Json<Infer<S>> {
  return readDocument(xml, (r, root) => {
    if (root !== resource.root) {
      r.skipElement();
      wrongRoot(r, resource.root, root);
    }
    const out = outFor(xml);
    writeRecord(resource.schema, r, out);
    return out.result();
  });
}

/**
 * The members of a collection document as a JSON list. Rails renders an empty array as
 * `<nil-classes type="array"/>`, so any other root without child elements counts as an empty collection.
 */
function transcodeCollection(xml: string, collection: string, item: string, writeItem: (r: XmlReader, out: JsonOut) => boolean): JsonList<never> {
  return readDocument(xml, (r, root) => {
    const out = outFor(xml);
    let count = 0;
    out.byte(0x5b);
    if (root !== collection) {
      if (r.skipElement()) wrongRoot(r, collection, root);
    } else if (!r.selfClosing) {
      while (r.nextChild(collection)) {
        if (r.name !== item) {
          r.skipElement();
          continue;
        }
        const before = out.len;
        if (before > 1) out.byte(0x2c);
        if (writeItem(r, out)) count++;
        else out.truncate(before);
      }
    }
    out.byte(0x5d);
    return { json: out.result(), count };
  });
}

/** A collection as JSON, e.g. GET /people.xml. */
export function transcodeMany<S extends RecordSchema>(resource: Resource<S>, xml: string): JsonList<Infer<S>> {
  return transcodeCollection(xml, resource.collection, resource.root, (r, out) => writeRecord(resource.schema, r, out));
}

/**
 * A polymorphic collection as JSON, e.g. GET /parties/search.xml (`<parties><party type="Person">`)
 * or GET /recordings.xml. Members of an unknown variant are skipped (REAL-WORLD #8).
 */
export function transcodeManyVariants<V extends Variants>(resource: VariantResource<V>, xml: string): JsonList<InferVariant<V>> {
  return transcodeCollection(xml, resource.collection, resource.root, (r, out) => writeVariant(resource.variants, r, out));
}

/** One record, e.g. GET /people/1.xml or the body of a 201. */
export function parseOne<S extends RecordSchema>(resource: Resource<S>, xml: string): Infer<S> {
  return readJson(transcodeOne(resource, xml));
}

/** A collection, e.g. GET /people.xml. */
export function parseMany<S extends RecordSchema>(resource: Resource<S>, xml: string): Infer<S>[] {
  return readJson(transcodeMany(resource, xml).json);
}

/**
 * A polymorphic collection, e.g. GET /parties/search.xml or GET /recordings.xml. Takes a
 * `variantResource(...)` or, as before, (collection, item, variants).
 */
export function parseManyVariants<V extends Variants>(resource: VariantResource<V>, xml: string): InferVariant<V>[];
export function parseManyVariants<V extends Variants>(collection: string, item: string, variants: V, xml: string): InferVariant<V>[];
export function parseManyVariants<V extends Variants>(...args: [VariantResource<V>, string] | [string, string, V, string]): InferVariant<V>[] {
  const [resource, xml] = args.length === 2 ? args : [{ collection: args[0], root: args[1], variants: args[2] }, args[3]];
  return readJson(transcodeManyVariants(resource, xml).json);
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
