// Highrise's XML shapes for the records the sandbox serves. Element order and spelling follow the
// reference and the recorded fixtures (dashes, except the underscore custom-field block and avatar_url).
import type { ContactKind, ContactRow, PartyBundle, SubjectDataRow, SubjectFieldRow, TagRow, UserRow, AccountRow, DeletionRow } from './store.js';
import { type XmlElement, array, bool, datetime, group, int, str, xmlDocument } from './xml.js';

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export interface RenderContext {
  /** absolute base of the sandbox mount, e.g. http://127.0.0.1:3000/sandbox */
  base: string;
}

const CONTACT_LISTS: [ContactKind, string, string, (c: ContactRow) => XmlElement[]][] = [
  ['email', 'email-addresses', 'email-address', (c) => [int('id', c.id), str('address', c.address), str('location', c.location)]],
  ['phone', 'phone-numbers', 'phone-number', (c) => [int('id', c.id), str('number', c.number), str('location', c.location)]],
  ['address', 'addresses', 'address', (c) => [
    int('id', c.id), str('city', c.city), str('country', c.country), str('state', c.state), str('street', c.street),
    str('zip', c.zip), str('location', c.location)]],
  ['im', 'instant-messengers', 'instant-messenger', (c) => [int('id', c.id), str('address', c.address), str('protocol', c.protocol), str('location', c.location)]],
  ['twitter', 'twitter-accounts', 'twitter-account', (c) => [int('id', c.id), str('location', c.location), str('username', c.username), str('url', c.url)]],
  ['web', 'web-addresses', 'web-address', (c) => [int('id', c.id), str('url', c.url), str('location', c.location)]],
];

/** The XML element names a contact kind uses, for parsing requests with the same table. */
export const CONTACT_ELEMENT_NAMES: { kind: ContactKind; list: string; item: string }[] =
  CONTACT_LISTS.map(([kind, list, item]) => ({ kind, list, item }));

function contactData(contacts: ContactRow[]): XmlElement {
  return group('contact-data', CONTACT_LISTS.map(([kind, list, item, fields]) =>
    array(list, contacts.filter((c) => c.kind === kind).map((c) => group(item, fields(c))))));
}

function subjectDatas(datas: SubjectDataRow[]): XmlElement[] {
  // Empty collections are left out, as Highrise often does (REAL-WORLD #2).
  if (datas.length === 0) return [];
  return [array('subject_datas', datas.map((d) => group('subject_data', [
    int('id', d.id), str('value', d.value), int('subject_field_id', d.subject_field_id), str('subject_field_label', d.subject_field_label),
  ])))];
}

export function tagElement(t: TagRow): XmlElement {
  return group('tag', [int('id', t.id), str('name', t.name)]);
}

function tags(list: TagRow[]): XmlElement[] {
  return list.length === 0 ? [] : [array('tags', list.map(tagElement))];
}

export function avatarUrl(ctx: RenderContext, partyId: number): string {
  return `${ctx.base}/avatars/${partyId}.svg`;
}

export function personElement(ctx: RenderContext, b: PartyBundle, name = 'person'): XmlElement {
  const p = b.party;
  return group(name, [
    int('id', p.id), str('first-name', p.first_name), str('last-name', p.last_name), str('title', p.title),
    str('background', p.background), str('linkedin-url', p.linkedin_url), str('avatar_url', avatarUrl(ctx, p.id)),
    int('company-id', p.company_id), str('company-name', b.companyName),
    datetime('created-at', p.created_at), datetime('updated-at', p.updated_at), str('visible-to', p.visible_to),
    int('owner-id', p.owner_id), int('group-id', p.group_id), int('author-id', p.author_id),
    contactData(b.contacts), ...subjectDatas(b.subjectDatas), ...tags(b.tags),
  ]);
}

export function companyElement(ctx: RenderContext, b: PartyBundle): XmlElement {
  const p = b.party;
  return group('company', [
    int('id', p.id), str('name', p.name), str('background', p.background),
    datetime('created-at', p.created_at), datetime('updated-at', p.updated_at), str('visible-to', p.visible_to),
    int('owner-id', p.owner_id), int('group-id', p.group_id), int('author-id', p.author_id),
    str('avatar_url', avatarUrl(ctx, p.id)), contactData(b.contacts), ...subjectDatas(b.subjectDatas), ...tags(b.tags),
  ]);
}

/**
 * A person or company as a party, in its two encodings (REAL-WORLD #5): `attribute` (<party type="Person">)
 * in search, tag and recently-viewed results; `child` (<type>Person</type>) inside deals and cases.
 */
export function partyElement(ctx: RenderContext, b: PartyBundle, form: 'attribute' | 'child'): XmlElement {
  const el = b.party.type === 'Person' ? personElement(ctx, b, 'party') : companyElement(ctx, b);
  const children = el.children ?? [];
  if (form === 'attribute') return { name: 'party', attrs: { type: b.party.type }, children };
  return { name: 'party', children: [children[0], str('type', b.party.type), ...children.slice(1)] };
}

export const renderParties = (ctx: RenderContext, list: PartyBundle[]) =>
  xmlDocument(array('parties', list.map((b) => partyElement(ctx, b, 'attribute'))));

export const renderPerson = (ctx: RenderContext, b: PartyBundle) => xmlDocument(personElement(ctx, b));
export const renderPeople = (ctx: RenderContext, list: PartyBundle[]) => xmlDocument(array('people', list.map((b) => personElement(ctx, b))));
export const renderCompany = (ctx: RenderContext, b: PartyBundle) => xmlDocument(companyElement(ctx, b));
export const renderCompanies = (ctx: RenderContext, list: PartyBundle[]) => xmlDocument(array('companies', list.map((b) => companyElement(ctx, b))));

export function userElement(u: UserRow, me?: { dropbox: string }): XmlElement {
  return group('user', [
    int('id', u.id), str('name', u.name), str('email-address', u.email_address),
    datetime('created-at', u.created_at), datetime('updated-at', u.updated_at), bool('admin', u.admin === 1),
    ...(me ? [str('token', u.token), str('dropbox', me.dropbox)] : []),
  ]);
}

export function dropboxAddress(u: UserRow, account: AccountRow): string {
  return `dropbox+${u.id}@${account.subdomain}.highrise.sandbox.example`;
}

export const renderUsers = (list: UserRow[]) => xmlDocument(array('users', list.map((u) => userElement(u))));
export const renderTags = (list: TagRow[]) => xmlDocument(array('tags', list.map(tagElement)));

export function renderSubjectFields(list: SubjectFieldRow[]): string {
  return xmlDocument(array('subject-fields', list.map((f) => group('subject-field', [int('id', f.id), str('label', f.label), str('type', f.type)]))));
}

export function renderDeletions(list: DeletionRow[]): string {
  return xmlDocument(array('deletions', list.map((d) => ({
    name: 'deletion', attrs: { type: d.record_type }, children: [int('id', d.record_id), datetime('deleted-at', d.deleted_at)],
  }))));
}

export function renderAccount(a: AccountRow, ownerId: number | null, peopleCount: number): string {
  return xmlDocument(group('account', [
    int('id', a.id), str('name', a.name), str('subdomain', a.subdomain), str('plan', 'sandbox'),
    int('owner-id', ownerId), int('people-count', peopleCount), int('storage', 0), str('color-theme', 'default'),
    bool('ssl-enabled', false), datetime('created-at', a.created_at), datetime('updated-at', a.updated_at),
  ]));
}

export function renderErrors(messages: string[]): string {
  return xmlDocument({ name: 'errors', children: messages.map((m) => str('error', m)), selfClose: true });
}
