/**
 * A resource is described once, as a record schema; parsing (XML → JSON) and building (JSON → XML)
 * both walk that description, so the two directions cannot drift apart.
 *
 * JSON keys are the camelCase names of the schema's keys; `xml` is the element name Highrise uses,
 * `aliases` are other spellings seen in the field (REAL-WORLD #1, #7).
 */

export type ScalarKind = 'text' | 'integer' | 'float' | 'datetime' | 'date' | 'boolean';

interface FieldBase {
  xml: string;
  aliases?: readonly string[];
  /** Sent on create/update. Read-only fields are never written (REAL-WORLD #11). */
  writable: boolean;
  /** Written on create only (e.g. company-name on a person is a lookup, harmless on update too). */
  createOnly?: boolean;
}

export interface ScalarField<K extends ScalarKind = ScalarKind> extends FieldBase {
  kind: 'scalar';
  type: K;
  /**
   * Read from an attribute of the record's own element instead of a child element, e.g. the
   * `type` of `<deletion type="Person">`. Attribute fields are never written.
   */
  attribute?: boolean;
  /**
   * A closed set of values (deal status, price type, task frame). Parsing a value outside the set
   * gives null (the type promises one of the set); building one is a 400 naming the field.
   */
  values?: readonly string[];
}

export interface RecordField<S extends RecordSchema = RecordSchema> extends FieldBase {
  kind: 'record';
  schema: S;
  /** When the element is missing, parse as an empty record (all null / empty lists) instead of null. */
  emptyWhenMissing?: boolean;
}

export interface ListField<S extends RecordSchema = RecordSchema> extends FieldBase {
  kind: 'list';
  /** Element name of one member, e.g. `email-address` inside `email-addresses`. */
  item: string;
  itemAliases?: readonly string[];
  schema: S;
  /** Members may be removed on update by sending their id negated (contact data, subject data). */
  removableById?: boolean;
}

/** A polymorphic member, e.g. the `<party>` of a deal (person or company). */
export interface VariantField<V extends Variants = Variants> extends FieldBase {
  kind: 'variant';
  variants: V;
}

/**
 * A list of polymorphic members, e.g. `<parties type="array"><party><type>Person</type>…` on deals
 * and cases. Members of an unknown variant are skipped (REAL-WORLD #8). Never written (#11, #18).
 */
export interface VariantListField<V extends Variants = Variants> extends FieldBase {
  kind: 'variantList';
  item: string;
  itemAliases?: readonly string[];
  variants: V;
}

/** A polymorphic member (a party is a person or a company): told apart by a `<type>` child or a `type` attribute. */
export type Variants = Record<string, RecordSchema>;

export type Field = ScalarField | RecordField | ListField | VariantField | VariantListField;
export type RecordSchema = { readonly [key: string]: Field };

type ScalarValue<K extends ScalarKind> = K extends 'integer' | 'float'
  ? number
  : K extends 'boolean'
    ? boolean
    : string;

/** A polymorphic record gets a `type` discriminator holding the variant's name. */
export type InferVariant<V extends Variants> = {
  [N in keyof V & string]: { type: N } & Infer<V[N]>;
}[keyof V & string];

/** A scalar with a closed set of values infers to that union. */
type ChoiceOf<F> = F extends { values: readonly (infer U extends string)[] } ? U : never;

export type InferField<F> =
  F extends ScalarField<'text'> & { values: readonly string[] }
    ? ChoiceOf<F> | null
    : F extends ScalarField<infer K>
    ? ScalarValue<K> | null
    : F extends RecordField<infer S> & { emptyWhenMissing: true }
      ? Infer<S>
      : F extends RecordField<infer S>
      ? Infer<S> | null
      : F extends ListField<infer S>
        ? Infer<S>[]
        : F extends VariantField<infer V>
          ? InferVariant<V> | null
          : F extends VariantListField<infer V>
            ? InferVariant<V>[]
            : never;

export type Infer<S extends RecordSchema> = { -readonly [K in keyof S]: InferField<S[K]> };

/** Writable subset, every key optional: an update sends only what changed (REAL-WORLD #12). */
export type WriteField<F> =
  F extends ScalarField<'text'> & { values: readonly string[] }
    ? ChoiceOf<F> | null
    : F extends ScalarField<infer K>
    ? ScalarValue<K> | null
    : F extends RecordField<infer S>
      ? Write<S>
      : F extends ListField<infer S>
        ? (Write<S> & { id?: number; remove?: boolean })[]
        : never;

type WritableKeys<S extends RecordSchema> = {
  [K in keyof S]: S[K]['writable'] extends true ? K : never;
}[keyof S];

export type Write<S extends RecordSchema> = { -readonly [K in WritableKeys<S>]?: WriteField<S[K]> };

type Opts = { writable?: boolean; aliases?: readonly string[]; createOnly?: boolean };

function scalar<K extends ScalarKind>(type: K) {
  return <W extends boolean = false>(xml: string, opts: Opts & { writable?: W } = {}) =>
    ({ kind: 'scalar', type, xml, writable: (opts.writable ?? false) as W, aliases: opts.aliases, createOnly: opts.createOnly }) as ScalarField<K> & {
      writable: W;
    };
}

export const text = scalar('text');
export const integer = scalar('integer');
export const float = scalar('float');
export const datetime = scalar('datetime');
export const date = scalar('date');
export const boolean = scalar('boolean');

/** A text with a closed set of values, e.g. `choice('status', ['pending', 'won', 'lost'] as const)`. */
export function choice<const U extends readonly string[], W extends boolean = false>(xml: string, values: U, opts: Opts & { writable?: W } = {}) {
  return { ...text(xml, opts), values } as ScalarField<'text'> & { writable: W; values: U };
}

/** A value carried as an attribute of the record's own element, e.g. `<deletion type="Person">`. Read-only. */
export function attribute(name: string) {
  return { kind: 'scalar', type: 'text', xml: name, writable: false, attribute: true } as ScalarField<'text'> & { writable: false };
}

export function record<S extends RecordSchema, W extends boolean = false, E extends boolean = false>(
  xml: string,
  schema: S,
  opts: Opts & { writable?: W; emptyWhenMissing?: E } = {},
) {
  return { kind: 'record', xml, schema, writable: (opts.writable ?? false) as W, aliases: opts.aliases, emptyWhenMissing: (opts.emptyWhenMissing ?? false) as E } as RecordField<S> & {
    writable: W;
    emptyWhenMissing: E;
  };
}

export function list<S extends RecordSchema, W extends boolean = false>(
  xml: string,
  item: string,
  schema: S,
  opts: Opts & { writable?: W; itemAliases?: readonly string[]; removableById?: boolean } = {},
) {
  return {
    kind: 'list',
    xml,
    item,
    schema,
    writable: (opts.writable ?? false) as W,
    aliases: opts.aliases,
    itemAliases: opts.itemAliases,
    removableById: opts.removableById,
  } as ListField<S> & { writable: W };
}

export function variant<V extends Variants>(xml: string, variants: V, opts: { aliases?: readonly string[] } = {}) {
  return { kind: 'variant', xml, variants, writable: false as const, aliases: opts.aliases } as VariantField<V> & { writable: false };
}

export function variantList<V extends Variants>(
  xml: string,
  item: string,
  variants: V,
  opts: { aliases?: readonly string[]; itemAliases?: readonly string[] } = {},
) {
  return { kind: 'variantList', xml, item, variants, writable: false as const, aliases: opts.aliases, itemAliases: opts.itemAliases } as VariantListField<V> & {
    writable: false;
  };
}

/** A resource: its root element, the collection element of a list, and its fields. */
export interface Resource<S extends RecordSchema = RecordSchema> {
  root: string;
  collection: string;
  schema: S;
}

export function resource<S extends RecordSchema>(root: string, collection: string, schema: S): Resource<S> {
  return { root, collection, schema };
}

/** A polymorphic collection, e.g. `<parties><party type="Person">` or `<recordings><recording type="Note">`. */
export interface VariantResource<V extends Variants = Variants> {
  root: string;
  collection: string;
  variants: V;
}

export function variantResource<V extends Variants>(root: string, collection: string, variants: V): VariantResource<V> {
  return { root, collection, variants };
}
