// XML (and Atom, vCard) for deals, cases, categories, notes, emails, comments, tasks, groups and
// memberships. Element order follows the reference and the recorded fixtures.
import {
  type AttachmentRow, type CategoryKind, type CategoryRow, type DealRow, type GroupRow, type KaseRow, type MembershipRow,
  type RecordingRow, type TaskRow,
} from './records.js';
import { type RenderContext, partyElement, tagElement, userElement } from './render.js';
import type { ContactRow, PartyBundle, TagRow, UserRow } from './store.js';
import { frameOf } from './time.js';
import { type XmlElement, array, bool, datetime, group, int, str, xmlDocument } from './xml.js';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
export const VCARD_CONTENT_TYPE = 'text/vcard; charset=utf-8';

const date = (name: string, value: string | null): XmlElement =>
  value == null ? { name, attrs: { type: 'date', nil: 'true' } } : { name, attrs: { type: 'date' }, text: value };

function tagsOrNothing(tags: TagRow[]): XmlElement[] {
  return tags.length === 0 ? [] : [array('tags', tags.map(tagElement))];
}

export interface DealExtras { category: CategoryRow | undefined; party: PartyBundle | undefined; parties: PartyBundle[]; tags: TagRow[]; subjectDatas?: XmlElement[] }

export function dealElement(ctx: RenderContext, d: DealRow, x: DealExtras): XmlElement {
  return group('deal', [
    int('account-id', d.account_id), int('author-id', d.author_id), str('background', d.background), int('category-id', d.category_id),
    datetime('created-at', d.created_at), str('currency', d.currency), int('duration', d.duration), int('group-id', d.group_id),
    int('id', d.id), str('name', d.name), int('owner-id', d.owner_id), int('party-id', d.party_id), int('price', d.price),
    str('price-type', d.price_type), int('responsible-party-id', d.responsible_party_id), str('status', d.status),
    date('status-changed-on', d.status_changed_on), datetime('updated-at', d.updated_at), str('visible-to', d.visible_to),
    // A deal without a category has no <category> at all (REAL-WORLD #6); parties use the <type> child (#5).
    ...(x.category ? [group('category', [int('id', x.category.id), str('name', x.category.name)])] : []),
    ...(x.party ? [partyElement(ctx, x.party, 'child')] : []),
    array('parties', x.parties.map((b) => partyElement(ctx, b, 'child'))),
    ...(x.subjectDatas ?? []),
    ...tagsOrNothing(x.tags),
  ]);
}

/** GET /deals/new.xml: every writable field, empty. */
export function dealTemplate(): string {
  return xmlDocument(group('deal', [
    int('author-id', null), str('background', null), int('category-id', null), str('currency', 'USD'), int('duration', null),
    int('group-id', null), str('name', null), int('owner-id', null), int('party-id', null), int('price', null), str('price-type', 'fixed'),
    int('responsible-party-id', null), str('status', 'pending'), date('status-changed-on', null), str('visible-to', 'Everyone'),
  ]));
}

export function kaseElement(ctx: RenderContext, k: KaseRow, parties: PartyBundle[], tags: TagRow[]): XmlElement {
  return group('kase', [
    int('id', k.id), int('author-id', k.author_id), str('background', k.background), datetime('closed-at', k.closed_at),
    datetime('created-at', k.created_at), datetime('updated-at', k.updated_at), str('name', k.name), str('visible-to', k.visible_to),
    int('group-id', k.group_id), int('owner-id', k.owner_id), array('parties', parties.map((b) => partyElement(ctx, b, 'child'))),
    ...tagsOrNothing(tags),
  ]);
}

export function categoryElement(kind: CategoryKind, c: CategoryRow, elementsCount: number): XmlElement {
  return group(`${kind}-category`, [
    int('id', c.id), str('name', c.name), str('color', c.color), int('account-id', c.account_id),
    datetime('created-at', c.created_at), datetime('updated-at', c.updated_at), int('elements-count', elementsCount),
  ]);
}

export function fileUrl(ctx: RenderContext, accountId: number, a: AttachmentRow): string {
  return `${ctx.base}/highrise/${accountId}/files/${a.id}`;
}

export interface RecordingExtras { subjectName: string | null; attachments: AttachmentRow[] }

/** Notes and emails; comments have their own, shorter shape. */
export function recordingChildren(ctx: RenderContext, r: RecordingRow, x: RecordingExtras): XmlElement[] {
  if (r.type === 'Comment') {
    return [int('id', r.id), int('parent-id', r.parent_id), int('author-id', r.author_id), datetime('created-at', r.created_at),
      datetime('updated-at', r.updated_at), str('body', r.body)];
  }
  const collection = r.subject_type === 'Deal' || r.subject_type === 'Kase';
  return [
    int('id', r.id), ...(r.type === 'Email' ? [str('title', r.title)] : []), str('body', r.body), int('author-id', r.author_id),
    int('subject-id', r.subject_id), str('subject-type', r.subject_type), str('subject-name', x.subjectName),
    int('collection-id', collection ? r.subject_id : null), str('collection-type', collection ? r.subject_type : null),
    str('visible-to', r.visible_to), int('owner-id', r.owner_id), int('group-id', r.group_id),
    datetime('updated-at', r.updated_at), datetime('created-at', r.created_at),
    array('attachments', x.attachments.map((a) => group('attachment', [
      int('id', a.id), str('url', fileUrl(ctx, r.account_id, a)), str('name', a.name), int('size', a.size),
    ]))),
  ];
}

export function recordingElement(ctx: RenderContext, r: RecordingRow, x: RecordingExtras, asRecording = false): XmlElement {
  const children = recordingChildren(ctx, r, x);
  if (asRecording) return { name: 'recording', attrs: { type: r.type }, children };
  return group(r.type.toLowerCase(), children);
}

export function taskElement(t: TaskRow, subjectName: string | null, tz: string, nowMs: number): XmlElement {
  return group('task', [
    int('id', t.id), int('author-id', t.author_id), int('owner-id', t.owner_id), int('recording-id', t.recording_id),
    int('subject-id', t.subject_id), str('subject-type', t.subject_type), str('subject-name', subjectName),
    int('category-id', t.category_id), str('body', t.body), str('frame', frameOf(t.due_at, tz, nowMs)),
    datetime('due-at', t.due_at), datetime('alert-at', t.alert_at), datetime('done-at', t.done_at),
    datetime('created-at', t.created_at), datetime('updated-at', t.updated_at), bool('public', t.public === 1),
    t.recurring_period == null ? { name: 'recurring-period', attrs: { nil: 'true' }, selfClose: true } : int('recurring-period', t.recurring_period),
    int('anchor-type', t.anchor_type),
  ]);
}

export function groupElement(g: GroupRow, users: UserRow[]): XmlElement {
  return group('group', [int('id', g.id), str('name', g.name), array('users', users.map((u) => userElement(u)))]);
}

export function membershipElement(m: MembershipRow): XmlElement {
  return group('membership', [
    int('id', m.id), int('group-id', m.group_id), int('user-id', m.user_id), datetime('created-at', m.created_at), datetime('updated-at', m.updated_at),
  ]);
}

// ---- Atom -------------------------------------------------------------------------------------

export interface AtomEntry { rec: RecordingRow; subjectName: string | null; authorName: string | null; href: string }

export function atomFeed(opts: { id: string; title: string; self: string; updated: string; entries: AtomEntry[] }): string {
  const text = (name: string, value: string, attrs?: Record<string, string>): XmlElement => ({ name, text: value, attrs });
  const link = (href: string, rel?: string): XmlElement => ({ name: 'link', attrs: { ...(rel ? { rel } : {}), href }, selfClose: true });
  return xmlDocument({
    name: 'feed', attrs: { xmlns: 'http://www.w3.org/2005/Atom' },
    children: [
      text('id', opts.id), text('title', opts.title), text('updated', opts.updated), link(opts.self, 'self'),
      ...opts.entries.map(({ rec, subjectName, authorName, href }) => ({
        name: 'entry',
        children: [
          text('id', `${opts.id}/${rec.type.toLowerCase()}s/${rec.id}`),
          text('title', `${rec.type}${subjectName ? ` about ${subjectName}` : ''}${rec.title ? `: ${rec.title}` : ''}`),
          text('published', rec.created_at), text('updated', rec.updated_at),
          group('author', [text('name', authorName ?? 'Unknown')]),
          link(href, 'alternate'),
          text('content', rec.body, { type: 'text' }),
        ],
      })),
    ],
  });
}

// ---- vCard ------------------------------------------------------------------------------------

/** vCard 3.0 text escaping (RFC 2426 §4): backslash, comma, semicolon, newlines. */
export function vcardEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const VCARD_TYPES: Record<string, string> = { Work: 'WORK', Home: 'HOME', Mobile: 'CELL', Fax: 'FAX', Pager: 'PAGER', Other: 'OTHER', Skype: 'OTHER', Personal: 'HOME' };

export function vcard(b: PartyBundle, noteUrl: string): string {
  const p = b.party;
  const e = (v: string | null | undefined) => vcardEscape(v ?? '');
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Skyline Sandbox//Highrise emulator//EN'];
  const typeOf = (c: ContactRow) => VCARD_TYPES[c.location ?? ''] ?? 'OTHER';
  if (p.type === 'Person') {
    const full = [p.first_name, p.last_name].filter(Boolean).join(' ');
    lines.push(`N:${e(p.last_name)};${e(p.first_name)};;;`, `FN:${e(full)}`);
    if (b.companyName) lines.push(`ORG:${e(b.companyName)}`);
    if (p.title) lines.push(`TITLE:${e(p.title)}`);
  } else {
    lines.push(`N:${e(p.name)};;;;`, `FN:${e(p.name)}`, `ORG:${e(p.name)}`, 'X-ABShowAs:COMPANY');
  }
  for (const c of b.contacts) {
    if (c.kind === 'email' && c.address) lines.push(`EMAIL;TYPE=INTERNET,${typeOf(c)}:${e(c.address.trim())}`);
    if (c.kind === 'phone' && c.number) lines.push(`TEL;TYPE=${typeOf(c)}:${e(c.number.trim())}`);
    if (c.kind === 'address') lines.push(`ADR;TYPE=${typeOf(c)}:;;${e(c.street)};${e(c.city)};${e(c.state)};${e(c.zip)};${e(c.country)}`);
    if (c.kind === 'web' && c.url) lines.push(`URL;TYPE=${typeOf(c)}:${e(c.url)}`);
    if (c.kind === 'twitter' && c.username) lines.push(`X-TWITTER:${e(c.username)}`);
    if (c.kind === 'im' && c.address) lines.push(`X-${(c.protocol ?? 'IM').toUpperCase().replace(/[^A-Z0-9-]/g, '')}:${e(c.address)}`);
  }
  if (p.background) lines.push(`NOTE:${e(p.background)}`);
  lines.push(`SOURCE:${e(noteUrl)}`, `REV:${p.updated_at}`, `UID:highrise-party-${p.id}`, 'END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}

