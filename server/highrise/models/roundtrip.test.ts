/**
 * (d) Property-based round trips, for every resource with writable fields: arbitrary writable JSON →
 * buildXml → parseOne → equal on the fields written. The arbitraries are derived from the schema itself
 * (table-driven, like the codec), so a new writable field is covered without touching this file.
 *
 * Equivalences the codec defines: an empty string is written as an empty element and reads back as
 * null (Highrise has no empty-vs-null distinction); datetimes come back as ISO UTC with milliseconds.
 * Text covers arbitrary Unicode (astral, CJK, RTL, emoji), markup characters, `]]>`, CR/LF, spaces at
 * either end — everything XML 1.0 can carry. Forbidden control characters are a 400 naming the field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../http-error.js';
import { buildXml } from '../codec/build.js';
import { parseOne } from '../codec/parse.js';
import type { Field, RecordSchema, Resource } from '../codec/schema.js';
import { resources } from './index.js';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const tricky = fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<![CDATA[', '&amp;', '&#233;', '\r\n', '\r', '\n', '\t', ' ', '\u00a0', '😀', '東京', 'مرحبا', 'שלום', '\u202e', 'é', 'a');
const textArb: fc.Arbitrary<string> = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(tricky, { maxLength: 12 }).map((xs) => xs.join('')))
  .filter((s) => !FORBIDDEN.test(s));

const dateArb = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

function fieldArb(field: Field): fc.Arbitrary<unknown> | null {
  switch (field.kind) {
    case 'scalar':
      if (field.values) return fc.option(fc.constantFrom(...field.values));
      switch (field.type) {
        case 'text':
          return fc.option(textArb);
        case 'integer':
          return fc.option(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }));
        case 'float':
          return fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x))); // -0 is written as 0
        case 'boolean':
          return fc.option(fc.boolean());
        case 'datetime':
          return fc.option(dateArb.map((d) => d.toISOString()));
        case 'date':
          return fc.option(dateArb.map((d) => d.toISOString().slice(0, 10)));
      }
      return null;
    case 'record':
      return recordArb(field.schema);
    case 'list': {
      const row = fc.tuple(recordArb(field.schema), fc.option(fc.integer({ min: 1, max: 2 ** 31 }), { nil: undefined })).map(([r, id]) => (id === undefined ? r : { ...r, id }));
      return fc.array(row, { maxLength: 3 });
    }
    default:
      return null; // variants are never writable
  }
}

function recordArb(schema: RecordSchema): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, field] of Object.entries(schema)) {
    if (!field.writable) continue;
    const arb = fieldArb(field);
    if (arb) shape[key] = arb;
  }
  // Any subset of keys: an update is partial.
  return fc.record(shape, { requiredKeys: [] });
}

/** What the parse must give back for a written value. */
function expected(field: Field, value: unknown): unknown {
  if (value === null || value === '') return field.kind === 'list' ? [] : null;
  if (field.kind === 'scalar' && field.type === 'datetime') return new Date(String(value)).toISOString();
  // Text comes back exactly, CRs included (the builder sends them as &#13;, which line-end normalisation keeps).
  return value;
}

function compare(schema: RecordSchema, input: Record<string, unknown>, parsed: Record<string, unknown>, path: string) {
  for (const [key, value] of Object.entries(input)) {
    const field = schema[key];
    if (!field || !field.writable) continue;
    const here = `${path}.${key}`;
    if (field.kind === 'record') {
      compare(field.schema, value as Record<string, unknown>, parsed[key] as Record<string, unknown>, here);
    } else if (field.kind === 'list') {
      const rows = value as Record<string, unknown>[];
      const back = parsed[key] as Record<string, unknown>[];
      expect(back, here).toHaveLength(rows.length);
      rows.forEach((row, i) => {
        expect(back[i].id ?? undefined, `${here}.${i}.id`).toBe(row.id);
        compare(field.schema, row, back[i], `${here}.${i}`);
      });
    } else {
      expect(parsed[key], here).toEqual(expected(field, value));
    }
  }
}

const writable = resources.filter((r) => Object.values(r.schema).some((f) => f.writable));

describe('round trip: writable JSON → XML → JSON', () => {
  it('covers every writable resource', () => {
    expect(writable.map((r) => r.root).sort()).toEqual(
      ['comment', 'company', 'contact-data', 'deal', 'deal-category', 'email', 'group', 'kase', 'membership', 'note', 'person', 'status', 'subject-field', 'subject_data', 'tag', 'task', 'task-category'].sort(),
    );
  });

  it.each(writable.map((r) => [r.root, r] as const))('%s', (_root, res: Resource<RecordSchema>) => {
    fc.assert(
      fc.property(recordArb(res.schema), (input) => {
        const xml = buildXml(res, input, { mode: 'create' });
        const parsed = parseOne(res, xml) as Record<string, unknown>;
        compare(res.schema, input, parsed, res.root);
      }),
      { numRuns: 150 },
    );
  });

  it.each(writable.map((r) => [r.root, r] as const))('%s: a forbidden control character is a 400 naming the field', (_root, res: Resource<RecordSchema>) => {
    const texts = Object.entries(res.schema).filter(([, f]) => f.writable && f.kind === 'scalar' && f.type === 'text' && !f.values);
    if (texts.length === 0) return;
    fc.assert(
      fc.property(
        fc.constantFrom(...texts.map(([k]) => k)),
        textArb,
        fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\ufffe', '\uffff', '\ud83d'),
        textArb,
        (key, before, bad, after) => {
          let err: unknown;
          try {
            buildXml(res, { [key]: `${before}${bad}${after}` }, { mode: 'create' });
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(HttpError);
          const e = err as HttpError;
          expect(e.status).toBe(400);
          expect(Object.keys(e.fields ?? {})).toEqual([key]);
        },
      ),
      { numRuns: 50 },
    );
  });
});
