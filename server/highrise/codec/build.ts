import { HttpError } from '../../http-error.js';
import type { Field, RecordSchema, Resource, Write } from './schema.js';

/**
 * JSON → XML. Only writable fields, only the keys present in the input (an update is partial,
 * REAL-WORLD #12); null clears a field with an explicit empty element. Every text is escaped here
 * and nowhere else, so nothing unescaped can reach Highrise (REAL-WORLD #14).
 */

// Characters XML 1.0 cannot carry at all, even escaped: C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function escapeXml(text: string, path = 'value'): string {
  if (FORBIDDEN.test(text)) {
    throw new HttpError(400, `${path} contains a control character that cannot be saved. Remove it and try again.`, {
      code: 'invalid_character',
      fields: { [path]: ['Contains a character that cannot be saved (a control character).'] },
    });
  }
  return text.replace(/[&<>"'\r]/g, (ch) => ENTITY[ch]);
}

// `>` is escaped too, so `]]>` can never appear; CR as a reference, because a parser normalises a raw
// CRLF to LF (XML 1.0 §2.11) and the person's line endings would not survive the trip.
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

export interface BuildOptions {
  mode: 'create' | 'update';
}

function scalarXml(field: Field & { kind: 'scalar' }, value: unknown, path: string): string {
  const tag = field.xml;
  if (value === null || value === undefined || value === '') return `<${tag}></${tag}>`;
  switch (field.type) {
    case 'integer':
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value) || (field.type === 'integer' && !Number.isInteger(value))) {
        throw new HttpError(400, `${path} must be a ${field.type === 'integer' ? 'whole ' : ''}number.`, { fields: { [path]: ['Must be a number.'] } });
      }
      return `<${tag} type="${field.type === 'integer' ? 'integer' : 'float'}">${value}</${tag}>`;
    case 'boolean':
      return `<${tag} type="boolean">${value ? 'true' : 'false'}</${tag}>`;
    case 'datetime': {
      const t = Date.parse(String(value));
      if (Number.isNaN(t)) throw new HttpError(400, `${path} is not a valid date and time.`, { fields: { [path]: ['Not a valid date and time.'] } });
      return `<${tag} type="datetime">${new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z')}</${tag}>`;
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value))) throw new HttpError(400, `${path} must be a date (YYYY-MM-DD).`, { fields: { [path]: ['Must be a date (YYYY-MM-DD).'] } });
      return `<${tag} type="date">${value}</${tag}>`;
    case 'text':
      if (field.values && !field.values.includes(String(value))) {
        const allowed = field.values.join(', ');
        throw new HttpError(400, `${path} must be one of: ${allowed}.`, { fields: { [path]: [`Must be one of: ${allowed}.`] } });
      }
      return `<${tag}>${escapeXml(String(value), path)}</${tag}>`;
  }
}

function recordBody(schema: RecordSchema, value: Record<string, unknown>, opts: BuildOptions, path: string, isListItem: boolean): string {
  let out = '';
  // In a list member the id says "update this row" (or, negated, "remove it") — REAL-WORLD #13.
  if (isListItem && typeof value.id === 'number') {
    if (!Number.isSafeInteger(value.id)) throw new HttpError(400, `${path}.id must be a whole number.`, { fields: { [`${path}.id`]: ['Must be a whole number.'] } });
    out += `<id type="integer">${value.remove ? -Math.abs(value.id) : value.id}</id>`;
    if (value.remove) return out;
  }
  for (const key of Object.keys(schema)) {
    const field = schema[key];
    if (!field.writable || !Object.hasOwn(value, key) || value[key] === undefined) continue;
    if (field.createOnly && opts.mode !== 'create') continue;
    const fieldPath = path ? `${path}.${key}` : key;
    const v = value[key];
    switch (field.kind) {
      case 'scalar':
        out += scalarXml(field, v, fieldPath);
        break;
      case 'record':
        if (v !== null && typeof v === 'object') out += `<${field.xml}>${recordBody(field.schema, v as Record<string, unknown>, opts, fieldPath, false)}</${field.xml}>`;
        break;
      case 'list': {
        if (!Array.isArray(v)) break;
        let items = '';
        v.forEach((item: Record<string, unknown>, i) => {
          // Removing a row that was never saved (no id) is nothing to send; paths keep the input's index.
          if (item.remove && typeof item.id !== 'number') return;
          items += `<${field.item}>${recordBody(field.schema, item, opts, `${fieldPath}.${i}`, true)}</${field.item}>`;
        });
        out += `<${field.xml} type="array">${items}</${field.xml}>`;
        break;
      }
      case 'variant':
      case 'variantList':
        break; // polymorphic members are never writable (REAL-WORLD #11, #18)
    }
  }
  return out;
}

export function buildXml<S extends RecordSchema>(resource: Resource<S>, value: Write<S>, opts: BuildOptions): string {
  return `<?xml version="1.0" encoding="UTF-8"?><${resource.root}>${recordBody(resource.schema, value as Record<string, unknown>, opts, '', false)}</${resource.root}>`;
}

/** A bare element, e.g. the `<name>VIP</name>` body that adds a tag (REAL-WORLD #17). */
export function buildElement(tag: string, text: string, path = tag): string {
  return `<?xml version="1.0" encoding="UTF-8"?><${tag}>${escapeXml(text, path)}</${tag}>`;
}
