// Every row of ENDPOINTS.md (1–87, L1–L3) called once over app.request(): status, content type, and for
// XML the root element and a few required children with their type= attributes. Rows run in order on
// one sandbox; rows that destroy something create their own victim first.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from './index.js';
import { makeSandbox } from './test-helpers.js';

const NOW = new Date('2026-03-04T15:00:00Z');
const t = makeSandbox({ now: () => NOW });
const A = '/sandbox/highrise/1';

// Notable seeded records (see README "Seed").
const PERSON = 1000045; // first seeded person; subject of note 20000001
const COMPANY = 1000001; // Harbor & Finch Ltd
const DEAL = 2000001;
const KASE = 3000001;
const NOTE = 20000001;
const EMAIL = 30000001;
const COMMENT = 40000001;
const TASK = 4000001;

type Kind = 'xml' | 'empty' | 'vcard' | 'atom' | 'html' | 'json';
interface Row {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string | (() => Promise<string>);
  body?: string;
  status: number;
  kind: Kind;
  root?: string;
  /** [element, type attribute or null for untyped] that must appear */
  has?: [string, string | null][];
  headers?: () => Promise<Record<string, string>>;
}

async function call(method: string, path: string, body?: string, headers?: Record<string, string>) {
  return t.request(path.startsWith('/sandbox') ? path : A + path, {
    method, headers: headers ?? (body !== undefined ? t.xmlHeaders() : t.basic()), body,
  });
}

/** Creates a record and returns its id from the Location header. */
async function make(path: string, body: string): Promise<number> {
  const res = await call('POST', path, body);
  expect(res.status).toBe(201);
  return Number(/\/(\d+)\.xml$/.exec(res.headers.get('location') ?? '')?.[1]);
}

const I = 'integer';
const DT = 'datetime';
const rows: Row[] = [
  { id: '1', method: 'GET', path: '/account.xml', status: 200, kind: 'xml', root: 'account', has: [['id', I], ['name', null], ['people-count', I], ['owner-id', I]] },
  { id: '2', method: 'GET', path: '/me.xml', status: 200, kind: 'xml', root: 'user', has: [['id', I], ['token', null], ['dropbox', null]] },
  { id: '3', method: 'GET', path: '/users.xml', status: 200, kind: 'xml', root: 'users', has: [['user', null], ['admin', 'boolean']] },
  { id: '4', method: 'GET', path: '/users/70002.xml', status: 200, kind: 'xml', root: 'user', has: [['id', I], ['email-address', null]] },
  { id: '5', method: 'GET', path: '/groups.xml', status: 200, kind: 'xml', root: 'groups', has: [['group', null], ['users', 'array']] },
  { id: '6', method: 'GET', path: '/groups/40001.xml', status: 200, kind: 'xml', root: 'group', has: [['id', I], ['name', null], ['users', 'array'], ['user', null]] },
  { id: '7', method: 'POST', path: '/groups.xml', body: '<group><name>Partners</name></group>', status: 201, kind: 'xml', root: 'group', has: [['id', I], ['name', null]] },
  { id: '8', method: 'PUT', path: '/groups/40002.xml', body: '<group><name>Senior leadership</name></group>', status: 200, kind: 'empty' },
  { id: '9', method: 'DELETE', path: async () => `/groups/${await make('/groups.xml', '<group><name>Temp</name></group>')}.xml`, status: 200, kind: 'empty' },
  { id: '10', method: 'GET', path: '/memberships.xml', status: 200, kind: 'xml', root: 'memberships', has: [['membership', null], ['group-id', I], ['user-id', I]] },
  { id: '11', method: 'GET', path: '/memberships/45001.xml', status: 200, kind: 'xml', root: 'membership', has: [['id', I], ['created-at', DT]] },
  { id: '12', method: 'POST', path: '/memberships.xml', body: '<membership><user_id type="integer">70004</user_id><group_id type="integer">40001</group_id></membership>', status: 201, kind: 'xml', root: 'membership', has: [['user-id', I]] },
  { id: '13', method: 'DELETE', path: '/memberships/45004.xml', status: 200, kind: 'empty' },
  { id: '14', method: 'GET', path: '/people.xml?n=0', status: 200, kind: 'xml', root: 'people', has: [['person', null], ['id', I], ['contact-data', null], ['updated-at', DT]] },
  { id: '15', method: 'GET', path: '/people/search.xml?term=an', status: 200, kind: 'xml', root: 'people', has: [['person', null], ['first-name', null]] },
  { id: '16', method: 'GET', path: `/people/${PERSON}.xml`, status: 200, kind: 'xml', root: 'person', has: [['id', I], ['first-name', null], ['company-id', I], ['visible-to', null], ['email-addresses', 'array']] },
  { id: '17', method: 'POST', path: '/people.xml', body: '<person><first-name>Row</first-name><last-name>Seventeen</last-name><company-name>Harbor &amp; Finch Ltd</company-name></person>', status: 201, kind: 'xml', root: 'person', has: [['id', I], ['company-id', I]] },
  { id: '18', method: 'PUT', path: `/people/${PERSON}.xml`, body: '<person><title>Buyer</title></person>', status: 200, kind: 'empty' },
  { id: '19', method: 'DELETE', path: async () => `/people/${await make('/people.xml', '<person><first-name>Doomed</first-name></person>')}.xml`, status: 200, kind: 'empty' },
  { id: '20', method: 'GET', path: '/companies.xml', status: 200, kind: 'xml', root: 'companies', has: [['company', null], ['name', null]] },
  { id: '21', method: 'GET', path: '/companies/search.xml?term=harbor', status: 200, kind: 'xml', root: 'companies', has: [['company', null]] },
  { id: '22', method: 'GET', path: `/companies/${COMPANY}.xml`, status: 200, kind: 'xml', root: 'company', has: [['id', I], ['name', null], ['author-id', I]] },
  { id: '23', method: 'GET', path: `/companies/${COMPANY}/people.xml`, status: 200, kind: 'xml', root: 'people', has: [['company-id', I]] },
  { id: '24', method: 'POST', path: '/companies.xml', body: '<company><name>Row 24 GmbH</name><contact-data><phone-numbers><phone-number><number>555</number><location>Work</location></phone-number></phone-numbers></contact-data></company>', status: 201, kind: 'xml', root: 'company', has: [['phone-numbers', 'array']] },
  { id: '25', method: 'PUT', path: '/companies/1000002.xml?reload=true', body: '<company><background>Updated</background></company>', status: 200, kind: 'xml', root: 'company', has: [['background', null]] },
  { id: '26', method: 'DELETE', path: async () => `/companies/${await make('/companies.xml', '<company><name>Doomed Co</name></company>')}.xml`, status: 200, kind: 'empty' },
  { id: '27', method: 'GET', path: '/parties/search.xml?country=Denmark', status: 200, kind: 'xml', root: 'parties', has: [['party', 'Person']] },
  { id: '28', method: 'GET', path: '/parties/parties.xml?scope=recently_viewed', status: 200, kind: 'xml', root: 'parties', has: [['party', 'Company']] },
  { id: '29', method: 'GET', path: '/parties/deletions.xml', status: 200, kind: 'xml', root: 'deletions', has: [['deletion', 'Person'], ['deleted-at', DT]] },
  { id: '30', method: 'GET', path: '/kases/open.xml', status: 200, kind: 'xml', root: 'kases', has: [['kase', null], ['closed-at', DT], ['parties', 'array']] },
  { id: '31', method: 'GET', path: '/kases/closed.xml', status: 200, kind: 'xml', root: 'kases', has: [['kase', null], ['closed-at', DT]] },
  { id: '32', method: 'GET', path: `/kases/${KASE}.xml`, status: 200, kind: 'xml', root: 'kase', has: [['id', I], ['name', null], ['parties', 'array'], ['type', null]] },
  { id: '33', method: 'POST', path: '/kases.xml', body: '<kase><name>Row 33 matter</name></kase>', status: 201, kind: 'xml', root: 'kase', has: [['id', I], ['author-id', I]] },
  { id: '34', method: 'PUT', path: '/kases/3000002.xml', body: '<kase><closed-at type="datetime">2026-03-04T12:00:00Z</closed-at></kase>', status: 200, kind: 'empty' },
  { id: '35', method: 'DELETE', path: async () => `/kases/${await make('/kases.xml', '<kase><name>Doomed</name></kase>')}.xml`, status: 200, kind: 'empty' },
  { id: '36', method: 'GET', path: '/deals.xml?status=pending', status: 200, kind: 'xml', root: 'deals', has: [['deal', null], ['price', I], ['status-changed-on', 'date']] },
  { id: '37', method: 'GET', path: '/deals/new.xml', status: 200, kind: 'xml', root: 'deal', has: [['name', null], ['party-id', I], ['price', I]] },
  { id: '38', method: 'GET', path: `/deals/${DEAL}.xml`, status: 200, kind: 'xml', root: 'deal', has: [['category', null], ['party', null], ['parties', 'array'], ['type', null], ['status-changed-on', 'date']] },
  { id: '39', method: 'POST', path: '/deals.xml', body: `<deal><name>Row 39</name><party-id type="integer">${COMPANY}</party-id><price type="integer">1200</price></deal>`, status: 201, kind: 'xml', root: 'deal', has: [['id', I], ['status', null]] },
  { id: '40', method: 'PUT', path: '/deals/2000002.xml', body: '<deal><name>Renamed</name><status>lost</status></deal>', status: 200, kind: 'empty' },
  { id: '41', method: 'PUT', path: `/deals/${DEAL}/status.xml`, body: '<status><name>won</name></status>', status: 200, kind: 'empty' },
  { id: '42', method: 'DELETE', path: async () => `/deals/${await make('/deals.xml', '<deal><name>Doomed</name></deal>')}.xml`, status: 200, kind: 'empty' },
  { id: '43', method: 'GET', path: '/task_categories.xml', status: 200, kind: 'xml', root: 'task-categories', has: [['task-category', null], ['color', null], ['elements-count', I]] },
  { id: '43b', method: 'GET', path: '/deal_categories.xml', status: 200, kind: 'xml', root: 'deal-categories', has: [['deal-category', null], ['account-id', I]] },
  { id: '44', method: 'GET', path: '/task_categories/50001.xml', status: 200, kind: 'xml', root: 'task-category', has: [['id', I], ['name', null]] },
  { id: '44b', method: 'GET', path: '/deal_categories/55001.xml', status: 200, kind: 'xml', root: 'deal-category', has: [['id', I], ['created-at', DT]] },
  { id: '45', method: 'POST', path: '/deal_categories.xml', body: '<deal-category><name>Row 45</name></deal-category>', status: 201, kind: 'xml', root: 'deal-category', has: [['color', null]] },
  { id: '45b', method: 'POST', path: '/task_categories.xml', body: '<task-category><name>Row 45b</name><color>ffcc33</color></task-category>', status: 201, kind: 'xml', root: 'task-category', has: [['id', I]] },
  { id: '46', method: 'PUT', path: '/task_categories/50002.xml', body: '<task-category><name>E-mail</name></task-category>', status: 200, kind: 'empty' },
  { id: '47', method: 'DELETE', path: async () => `/deal_categories/${await make('/deal_categories.xml', '<deal-category><name>Doomed</name></deal-category>')}.xml`, status: 200, kind: 'empty' },
  { id: '48', method: 'GET', path: '/subject_fields.xml?type=all', status: 200, kind: 'xml', root: 'subject-fields', has: [['subject-field', null], ['id', I], ['label', null], ['type', null]] },
  { id: '49', method: 'POST', path: '/subject_fields.xml', body: '<subject-field><label>Shoe size</label></subject-field>', status: 201, kind: 'xml', root: 'subject-field', has: [['id', I]] },
  { id: '50', method: 'PUT', path: '/subject_fields/302.xml', body: '<subject-field><label>Region</label></subject-field>', status: 200, kind: 'empty' },
  { id: '51', method: 'DELETE', path: async () => `/subject_fields/${await make('/subject_fields.xml', '<subject-field><label>Doomed</label></subject-field>')}.xml`, status: 200, kind: 'empty' },
  { id: '52', method: 'GET', path: '/tags.xml', status: 200, kind: 'xml', root: 'tags', has: [['tag', null], ['id', I]] },
  { id: '53', method: 'GET', path: '/tags/9001.xml', status: 200, kind: 'xml', root: 'parties', has: [['party', 'Person']] },
  { id: '54', method: 'GET', path: `/people/${PERSON}/tags.xml`, status: 200, kind: 'xml', root: 'tags' },
  { id: '55', method: 'POST', path: `/kases/${KASE}/tags.xml`, body: '<name>Urgent</name>', status: 201, kind: 'xml', root: 'tag', has: [['id', I], ['name', null]] },
  { id: '56', method: 'DELETE', path: async () => `/deals/${DEAL}/tags/${await make(`/deals/${DEAL}/tags.xml`, '<name>Hot</name>')}.xml`, status: 200, kind: 'empty' },
  { id: '57', method: 'GET', path: `/people/${PERSON}/notes.xml`, status: 200, kind: 'xml', root: 'notes', has: [['note', null], ['subject-type', null], ['attachments', 'array']] },
  { id: '58', method: 'GET', path: `/notes/${NOTE}.xml`, status: 200, kind: 'xml', root: 'note', has: [['id', I], ['body', null], ['subject-id', I], ['subject-name', null], ['attachment', null], ['size', I]] },
  { id: '59', method: 'POST', path: '/notes.xml', body: `<note><body>Row 59</body><subject-id type="integer">${DEAL}</subject-id><subject-type>Deal</subject-type></note>`, status: 201, kind: 'xml', root: 'note', has: [['collection-id', I], ['collection-type', null]] },
  { id: '59b', method: 'POST', path: `/companies/${COMPANY}/notes.xml`, body: '<note><body>Row 59b</body></note>', status: 201, kind: 'xml', root: 'note', has: [['subject-id', I]] },
  { id: '60', method: 'PUT', path: `/notes/${NOTE}.xml`, body: '<note><body>Edited</body></note>', status: 200, kind: 'empty' },
  { id: '61', method: 'DELETE', path: async () => `/notes/${await make(`/people/${PERSON}/notes.xml`, '<note><body>Doomed</body></note>')}.xml`, status: 200, kind: 'empty' },
  { id: '62', method: 'GET', path: async () => {
    const row = t.sandbox.db.prepare("SELECT subject_id FROM recordings WHERE id = ?").get(EMAIL) as { subject_id: number };
    const kind = (t.sandbox.db.prepare('SELECT type FROM parties WHERE id = ?').get(row.subject_id) as { type: string } | undefined)?.type;
    return kind ? `/${kind === 'Person' ? 'people' : 'companies'}/${row.subject_id}/emails.xml` : `/people/${PERSON}/emails.xml`;
  }, status: 200, kind: 'xml', root: 'emails' },
  { id: '63', method: 'GET', path: `/emails/${EMAIL}.xml`, status: 200, kind: 'xml', root: 'email', has: [['title', null], ['body', null], ['author-id', I]] },
  { id: '64', method: 'POST', path: '/emails.xml', body: `<email><title>Row 64</title><body>Hello</body><subject-id type="integer">${PERSON}</subject-id><subject-type>Party</subject-type></email>`, status: 201, kind: 'xml', root: 'email', has: [['title', null]] },
  { id: '64b', method: 'POST', path: `/kases/${KASE}/emails.xml`, body: '<email><title>Row 64b</title><body>Hi</body></email>', status: 201, kind: 'xml', root: 'email', has: [['collection-type', null]] },
  { id: '65', method: 'PUT', path: `/emails/${EMAIL}.xml`, body: '<email><title>Re: edited</title></email>', status: 200, kind: 'empty' },
  { id: '66', method: 'DELETE', path: async () => `/emails/${await make('/emails.xml', `<email><title>x</title><body>Doomed</body><subject-id>${PERSON}</subject-id><subject-type>Party</subject-type></email>`)}.xml`, status: 200, kind: 'empty' },
  { id: '67', method: 'GET', path: `/notes/${NOTE}/comments.xml`, status: 200, kind: 'xml', root: 'comments', has: [['comment', null], ['parent-id', I]] },
  { id: '68', method: 'GET', path: `/emails/${EMAIL}/comments.xml`, status: 200, kind: 'xml', root: 'comments' },
  { id: '69', method: 'GET', path: `/comments/${COMMENT}.xml`, status: 200, kind: 'xml', root: 'comment', has: [['id', I], ['parent-id', I], ['author-id', I], ['created-at', DT], ['body', null]] },
  { id: '70', method: 'POST', path: '/comments.xml', body: `<comment><body>Row 70</body><parent-id>${EMAIL}</parent-id></comment>`, status: 201, kind: 'xml', root: 'comment', has: [['parent-id', I]] },
  { id: '71', method: 'PUT', path: `/comments/${COMMENT}.xml`, body: '<comment><body>Rephrased</body></comment>', status: 200, kind: 'empty' },
  { id: '72', method: 'DELETE', path: async () => `/comments/${await make('/comments.xml', `<comment><body>Doomed</body><parent-id>${NOTE}</parent-id></comment>`)}.xml`, status: 200, kind: 'empty' },
  { id: '73', method: 'GET', path: async () => {
    const row = t.sandbox.db.prepare("SELECT subject_id FROM tasks WHERE subject_type = 'Deal' AND owner_id = 70001 AND done_at IS NULL LIMIT 1").get() as { subject_id: number };
    return `/deals/${row.subject_id}/tasks.xml`;
  }, status: 200, kind: 'xml', root: 'tasks', has: [['task', null], ['subject-type', null]] },
  { id: '74', method: 'GET', path: '/tasks/upcoming.xml', status: 200, kind: 'xml', root: 'tasks', has: [['task', null], ['frame', null]] },
  { id: '75', method: 'GET', path: '/tasks/assigned.xml', status: 200, kind: 'xml', root: 'tasks', has: [['task', null], ['owner-id', I]] },
  { id: '76', method: 'GET', path: '/tasks/completed.xml', status: 200, kind: 'xml', root: 'tasks', has: [['done-at', DT]] },
  { id: '77', method: 'GET', path: '/tasks/today.xml', status: 200, kind: 'xml', root: 'tasks', has: [['task', null]] },
  { id: '78', method: 'GET', path: '/tasks/all.xml', status: 200, kind: 'xml', root: 'tasks', has: [['task', null]] },
  { id: '79', method: 'GET', path: `/tasks/${TASK}.xml`, status: 200, kind: 'xml', root: 'task', has: [['id', I], ['body', null], ['frame', null], ['due-at', DT], ['public', 'boolean'], ['recurring-period', I], ['anchor-type', I]] },
  { id: '80', method: 'POST', path: '/tasks.xml', body: `<task><body>Row 80</body><frame>tomorrow</frame><subject-type>Party</subject-type><subject-id>${PERSON}</subject-id><category-id>50001</category-id></task>`, status: 201, kind: 'xml', root: 'task', has: [['due-at', DT], ['subject-name', null]] },
  { id: '81', method: 'POST', path: '/tasks/4000002/complete.xml', status: 200, kind: 'xml', root: 'task', has: [['done-at', DT]] },
  { id: '82', method: 'PUT', path: '/tasks/4000003.xml?reload=true', body: '<task><body>Moved</body><frame>later</frame></task>', status: 200, kind: 'xml', root: 'task', has: [['body', null]] },
  { id: '83', method: 'DELETE', path: async () => `/tasks/${await make('/tasks.xml', '<task><body>Doomed</body><frame>later</frame></task>')}.xml`, status: 200, kind: 'empty' },
  { id: '84', method: 'GET', path: '/recordings.xml', status: 200, kind: 'xml', root: 'recordings', has: [['recording', 'Note'], ['updated-at', DT]] },
  { id: '85', method: 'GET', path: '/deletions.xml', status: 200, kind: 'xml', root: 'deletions', has: [['deletion', 'Deal'], ['deletion', 'Note'], ['deletion', 'Task']] },
  { id: '86', method: 'GET', path: `/people/${PERSON}.vcf`, status: 200, kind: 'vcard' },
  { id: '86b', method: 'GET', path: `/companies/${COMPANY}.vcf`, status: 200, kind: 'vcard' },
  { id: '87', method: 'GET', path: '/recordings.atom', status: 200, kind: 'atom' },
  { id: '87b', method: 'GET', path: `/people/${PERSON}/recordings.atom`, status: 200, kind: 'atom' },
];

const REDIRECT = 'http://127.0.0.1:9/callback';
let code = '';
let accessToken = '';
const launchpadRows: Row[] = [
  { id: 'L1', method: 'GET', path: `/sandbox/launchpad/authorization/new?type=web_server&client_id=${SANDBOX_CLIENT.id}&redirect_uri=${encodeURIComponent(REDIRECT)}&state=xyz`, status: 200, kind: 'html' },
  {
    id: 'L2', method: 'POST', status: 200, kind: 'json',
    path: async () => {
      const form = new URLSearchParams({ type: 'web_server', client_id: SANDBOX_CLIENT.id, redirect_uri: REDIRECT, identity_id: '1', decision: 'allow' });
      const res = await t.request('/sandbox/launchpad/authorization', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      code = new URL(res.headers.get('location')!).searchParams.get('code')!;
      return `/sandbox/launchpad/authorization/token?${new URLSearchParams({ type: 'web_server', client_id: SANDBOX_CLIENT.id, client_secret: SANDBOX_CLIENT.secret, redirect_uri: REDIRECT, code })}`;
    },
  },
  { id: 'L3', method: 'GET', path: '/sandbox/launchpad/authorization.json', status: 200, kind: 'json', headers: async () => ({ Authorization: `Bearer ${accessToken}` }) },
  { id: 'L3b', method: 'GET', path: '/sandbox/launchpad/authorization.xml', status: 200, kind: 'xml', root: 'authorization', has: [['expires-at', DT], ['accounts', 'array']], headers: async () => ({ Authorization: `Bearer ${accessToken}` }) },
];

const CONTENT: Record<Exclude<Kind, 'empty'>, RegExp> = {
  xml: /^application\/xml; charset=utf-8$/, vcard: /^text\/vcard/, atom: /^application\/atom\+xml/, html: /^text\/html/, json: /^application\/json/,
};

function checkXml(body: string, row: Row) {
  expect(XMLValidator.validate(body)).toBe(true);
  expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  expect(body).not.toMatch(/[^\x00-\x7f]/); // non-ASCII only as character references
  const root = /^<\?xml[^>]*>\s*<([\w-]+)/.exec(body)?.[1];
  expect(root).toBe(row.root);
  for (const [name, type] of row.has ?? []) {
    const re = type === null ? new RegExp(`<${name}(>| nil="true"|/>)`) : new RegExp(`<${name} type="${type}"( nil="true")?/?>`);
    expect(body, `${row.id}: <${name}${type ? ` type="${type}"` : ''}>`).toMatch(re);
  }
}

describe('ENDPOINTS.md conformance, every row', () => {
  for (const row of [...rows, ...launchpadRows]) {
    it(`row ${row.id}: ${row.method} ${typeof row.path === 'string' ? row.path.split('?')[0] : '(setup)'}`, async () => {
      const path = typeof row.path === 'string' ? row.path : await row.path();
      const headers = row.headers ? await row.headers() : undefined;
      const res = await call(row.method, path, row.body, headers);
      const body = await res.text();
      expect(res.status, `${row.method} ${path}: ${body.slice(0, 300)}`).toBe(row.status);
      if (row.status === 201) expect(res.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:4555\/sandbox\/highrise\/1\/[\w_]+\/\d+\.xml$/);
      if (row.kind === 'empty') {
        expect(body).toBe('');
        return;
      }
      expect(res.headers.get('content-type')).toMatch(CONTENT[row.kind]);
      if (row.kind === 'xml') checkXml(body, row);
      if (row.kind === 'vcard') {
        expect(body.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
        expect(body).toMatch(/\r\nFN:.+\r\n/);
        expect(body.endsWith('END:VCARD\r\n')).toBe(true);
      }
      if (row.kind === 'atom') {
        expect(XMLValidator.validate(body)).toBe(true);
        expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
        const entries = body.match(/<entry>/g) ?? [];
        expect(entries.length).toBeGreaterThan(0);
        expect(entries.length).toBeLessThanOrEqual(25);
      }
      if (row.id === 'L2') accessToken = (JSON.parse(body) as { access_token: string }).access_token;
      if (row.id === 'L3') expect(JSON.parse(body)).toMatchObject({ identity: { id: 1 }, accounts: expect.arrayContaining([expect.objectContaining({ product: 'highrise' })]) });
    });
  }
});
