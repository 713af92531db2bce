// Behaviour beyond shapes: visibility, since ordering, paging boundaries, the deletion log, tasks in
// time, rate-limit buckets, plan limits, admin-only groups, search, tags, 422s, Launchpad revocation.
import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from './index.js';
import { isoSeconds } from './store.js';
import { makeSandbox, parse } from './test-helpers.js';

const A = '/sandbox/highrise/1';
/** The id of each <el> (its first <id> child; deals list a few fields before it). */
const ids = (xml: string, el: string) => [...xml.matchAll(new RegExp(`<${el}(?: [^>]*)?>[\\s\\S]*?<id type="integer">(\\d+)</id>`, 'g'))].map((m) => Number(m[1]));
/** Texts of <el> children of list members only (4 spaces deep), not of nested parties. */
const texts = (xml: string, el: string) => [...xml.matchAll(new RegExp(`\\n    <${el}[^>]*>([^<]*)</${el}>`, 'g'))].map((m) => m[1]);

function setup(overrides: Parameters<typeof makeSandbox>[0] = {}) {
  const t = makeSandbox(overrides);
  const token = (userId: number) => (t.sandbox.db.prepare('SELECT token FROM users WHERE id = ?').get(userId) as { token: string }).token;
  const as = (userId: number) => t.basic(token(userId));
  const get = async (path: string, userId = 70001) => t.request(A + path, { headers: as(userId) });
  const text = async (path: string, userId = 70001) => (await get(path, userId)).text();
  const send = (method: string, path: string, body: string, userId = 70001) =>
    t.request(A + path, { method, headers: { ...as(userId), 'Content-Type': 'application/xml' }, body });
  const count = (sql: string, ...args: unknown[]) => (t.sandbox.db.prepare(sql).get(...args) as { n: number }).n;
  return { t, get, text, send, count, as };
}

describe('visibility: Owner and NamedGroup on every list, get and search', () => {
  const s = setup();
  // Sales team = Mara 70001 + Jonas 70002; Leadership = Mara + Priya 70003; Tomás 70004 is in no group.
  it('hides a NamedGroup deal from non-members and an Owner deal from everyone but its owner', async () => {
    const named = s.t.sandbox.db.prepare("SELECT id FROM deals WHERE account_id = 1 AND visible_to = 'NamedGroup' AND group_id = 40001 LIMIT 1").get() as { id: number };
    const owned = s.t.sandbox.db.prepare("SELECT id, owner_id FROM deals WHERE account_id = 1 AND visible_to = 'Owner' LIMIT 1").get() as { id: number; owner_id: number };
    expect(owned.owner_id).toBe(70002);
    expect((await s.get(`/deals/${named.id}.xml`, 70002)).status).toBe(200);
    expect((await s.get(`/deals/${named.id}.xml`, 70003)).status).toBe(404);
    expect((await s.get(`/deals/${owned.id}.xml`, 70002)).status).toBe(200);
    expect((await s.get(`/deals/${owned.id}.xml`, 70001)).status).toBe(404); // admins get no special view
    const listFor = async (u: number) => ids(await s.text('/deals.xml', u), 'deal');
    expect(await listFor(70002)).toEqual(expect.arrayContaining([named.id, owned.id]));
    expect(await listFor(70004)).not.toContain(named.id);
    expect(await listFor(70004)).not.toContain(owned.id);
    const expected = s.count(`SELECT count(*) AS n FROM deals WHERE account_id = 1 AND (visible_to = 'Everyone'
      OR (visible_to = 'Owner' AND owner_id = 70004) OR (visible_to = 'NamedGroup' AND group_id IN (SELECT group_id FROM memberships WHERE user_id = 70004)))`);
    expect((await listFor(70004)).length).toBe(expected);
  });

  it('applies groups to notes, their comments and cases; membership changes take effect at once', async () => {
    const note = s.t.sandbox.db.prepare("SELECT id, subject_type, subject_id FROM recordings WHERE visible_to = 'NamedGroup' AND group_id = 40002 AND type = 'Note' LIMIT 1").get() as { id: number };
    expect((await s.get(`/notes/${note.id}.xml`, 70003)).status).toBe(200);
    expect((await s.get(`/notes/${note.id}.xml`, 70002)).status).toBe(404);
    expect((await s.get(`/notes/${note.id}/comments.xml`, 70002)).status).toBe(404);
    const recs = await s.text('/recordings.xml?since=20000101000000&n=0', 70002);
    expect(ids(recs, 'recording')).not.toContain(note.id);
    const kase = s.t.sandbox.db.prepare("SELECT id FROM kases WHERE visible_to = 'NamedGroup' AND group_id = 40002 LIMIT 1").get() as { id: number };
    expect((await s.get(`/kases/${kase.id}.xml`, 70004)).status).toBe(404);
    const join = await s.send('POST', '/memberships.xml', '<membership><user_id>70004</user_id><group_id>40002</group_id></membership>');
    expect(join.status).toBe(201);
    expect((await s.get(`/kases/${kase.id}.xml`, 70004)).status).toBe(200);
    expect(ids(await s.text('/kases/open.xml', 70004), 'kase').concat(ids(await s.text('/kases/closed.xml', 70004), 'kase'))).toContain(kase.id);
  });

  it('applies visibility to search and to records created Owner-only', async () => {
    const res = await s.send('POST', '/companies.xml', '<company><name>Zebulon Secret Holdings</name><visible-to>Owner</visible-to></company>', 70003);
    expect(res.status).toBe(201);
    expect(await s.text('/companies/search.xml?term=zebulon', 70003)).toContain('Zebulon');
    expect(await s.text('/companies/search.xml?term=zebulon', 70001)).not.toContain('Zebulon');
    expect(await s.text('/parties/search.xml?term=zebulon', 70002)).not.toContain('Zebulon');
  });
});

describe('since ordering and paging boundaries', () => {
  it('orders since-lists oldest first and plain lists newest first (deals, notes, recordings)', async () => {
    const s = setup();
    const stamps = texts(await s.text('/deals.xml?since=20250301000000'), 'updated-at');
    expect(stamps.length).toBeGreaterThan(3);
    expect(stamps.every((x) => x >= '2025-03-01T00:00:00Z')).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    const recent = texts(await s.text('/recordings.xml'), 'created-at');
    expect([...recent].sort().reverse()).toEqual(recent);
    const since = texts(await s.text('/recordings.xml?since=20250601000000'), 'updated-at');
    expect([...since].sort()).toEqual(since);
    expect((await s.get('/recordings.xml?since=junk')).status).toBe(422);
  });

  it('pages deals and deletions by exactly 500, notes and recordings by exactly 25', async () => {
    const s = setup();
    const db = s.t.sandbox.db;
    const visibleDeals = () => s.count(`SELECT count(*) AS n FROM deals WHERE account_id = 1 AND (visible_to = 'Everyone' OR owner_id = 70001
      OR group_id IN (SELECT group_id FROM memberships WHERE user_id = 70001))`);
    db.transaction(() => {
      const ins = db.prepare("INSERT INTO deals (account_id, name, created_at, updated_at) VALUES (1, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
      for (let i = visibleDeals(); i < 500; i++) ins.run(`Bulk ${i}`);
      const del = db.prepare("INSERT INTO deletions (account_id, record_type, record_id, deleted_at) VALUES (1, 'Person', ?, '2026-01-01T00:00:00Z')");
      for (let i = 0; i < 500; i++) del.run(9_000_000 + i);
    })();
    expect(visibleDeals()).toBe(500);
    expect(ids(await s.text('/deals.xml'), 'deal').length).toBe(500);
    expect(await s.text('/deals.xml?n=500')).toContain('<deals type="array"/>');
    expect((await s.text('/deletions.xml')).match(/<deletion /g)?.length).toBe(500);
    expect(await s.text('/deletions.xml?n=500')).toContain('<deletions type="array"/>');

    const kase = 3000002;
    for (let i = 0; i < 25; i++) expect((await s.send('POST', `/kases/${kase}/notes.xml`, `<note><body>n${i}</body></note>`)).status).toBe(201);
    expect(ids(await s.text(`/kases/${kase}/notes.xml`), 'note').length).toBe(25);
    expect(await s.text(`/kases/${kase}/notes.xml?n=25`)).toContain('<notes type="array"/>');
    await s.send('POST', '/notes.xml', `<note><body>n25</body><subject-type>Kase</subject-type><subject-id>${kase}</subject-id></note>`);
    const second = ids(await s.text(`/kases/${kase}/notes.xml?n=25`), 'note');
    expect(second.length).toBe(1);
    expect(ids(await s.text('/recordings.xml'), 'recording').length).toBe(25);
    expect(ids(await s.text('/recordings.xml?n=25'), 'recording').length).toBe(25);
    expect(ids(await s.text('/people/search.xml?term=a'), 'person').length).toBe(25);
  });
});

describe('deletions log', () => {
  it('records every deletion with its type; deleting a deal removes its notes, emails and their comments', async () => {
    const s = setup({ now: () => new Date('2026-05-01T12:00:00Z') });
    const deal = Number(/(\d+)\.xml$/.exec((await s.send('POST', '/deals.xml', '<deal><name>Short-lived</name></deal>')).headers.get('location')!)![1]);
    const note = Number(/(\d+)\.xml$/.exec((await s.send('POST', `/deals/${deal}/notes.xml`, '<note><body>About the deal</body></note>')).headers.get('location')!)![1]);
    const email = Number(/(\d+)\.xml$/.exec((await s.send('POST', `/deals/${deal}/emails.xml`, '<email><title>Hi</title><body>Re deal</body></email>')).headers.get('location')!)![1]);
    const comment = Number(/(\d+)\.xml$/.exec((await s.send('POST', '/comments.xml', `<comment><parent-id>${note}</parent-id><body>ok</body></comment>`)).headers.get('location')!)![1]);
    expect((await s.t.request(`${A}/deals/${deal}.xml`, { method: 'DELETE', headers: s.as(70001) })).status).toBe(200);
    expect((await s.get(`/notes/${note}.xml`)).status).toBe(404);
    expect((await s.get(`/emails/${email}.xml`)).status).toBe(404);
    const log = await s.text('/deletions.xml?since=20260501000000');
    for (const [type, id] of [['Deal', deal], ['Note', note], ['Email', email], ['Comment', comment]] as const) {
      expect(log).toContain(`<deletion type="${type}">\n    <id type="integer">${id}</id>\n    <deleted-at type="datetime">2026-05-01T12:00:00Z</deleted-at>`);
    }
    expect(await s.text('/deletions.xml?since=20260501120001')).toContain('<deletions type="array"/>');
    const parties = await s.text('/parties/deletions.xml?since=20260501000000');
    expect(parties).toContain('<deletions type="array"/>');
  });
});

describe('tasks in time (fixed clock, account time zone America/Chicago)', () => {
  it('moves frames across the local midnight, not the UTC one', async () => {
    let now = new Date('2026-03-05T05:30:00Z'); // 23:30 on March 4 in Chicago, already March 5 in UTC
    const s = setup({ now: () => now });
    const create = async (frame: string) => {
      const res = await s.send('POST', '/tasks.xml', `<task><body>${frame} task</body><frame>${frame}</frame></task>`);
      expect(res.status).toBe(201);
      return res.text();
    };
    const today = await create('today');
    expect(today).toContain('<due-at type="datetime">2026-03-05T05:59:59Z</due-at>'); // 23:59:59 local
    expect(today).toContain('<frame>today</frame>');
    const tomorrow = await create('tomorrow');
    expect(tomorrow).toContain('<due-at type="datetime">2026-03-06T05:59:59Z</due-at>');
    expect(await create('later')).toContain('<due-at type="datetime" nil="true"></due-at>');
    const todayId = ids(today, 'task')[0];
    const tomorrowId = ids(tomorrow, 'task')[0];
    expect(ids(await s.text('/tasks/today.xml'), 'task')).toContain(todayId);
    expect(ids(await s.text('/tasks/today.xml'), 'task')).not.toContain(tomorrowId);

    now = new Date('2026-03-05T06:30:00Z'); // 00:30 on March 5 in Chicago
    const after = ids(await s.text('/tasks/today.xml'), 'task');
    expect(after).toContain(tomorrowId);
    expect(after).not.toContain(todayId);
    expect(await s.text(`/tasks/${todayId}.xml`)).toContain('<frame>overdue</frame>');
    expect(ids(await s.text('/tasks/upcoming.xml'), 'task')).toContain(todayId); // overdue is still upcoming
    // A this_week task made on Wednesday is due Sunday night, local time.
    expect(await create('this_week')).toContain('<due-at type="datetime">2026-03-09T04:59:59Z</due-at>'); // DST starts March 8
  });

  it('schedules the next occurrence of a recurring task by anchor type', async () => {
    let now = new Date('2026-03-04T15:00:00Z');
    const s = setup({ now: () => now });
    const make = async (body: string) => ids(await (await s.send('POST', '/tasks.xml', body)).text(), 'task')[0];
    const weekly = await make('<task><body>Weekly report</body><due-at type="datetime">2026-03-02T15:00:00Z</due-at><recurring_period>1</recurring_period><anchor_type>1</anchor_type></task>');
    const daily = await make('<task><body>Water plants</body><frame>today</frame><recurring-period>daily</recurring-period><anchor-type>0</anchor-type></task>');
    const monthly = await make('<task><body>Invoice</body><due-at>2026-01-31T18:00:00Z</due-at><recurring_period>3</recurring_period><anchor_type>1</anchor_type></task>');
    now = new Date('2026-03-04T16:00:00Z');
    for (const id of [weekly, daily, monthly]) {
      const done = await s.t.request(`${A}/tasks/${id}/complete.xml`, { method: 'POST', headers: s.as(70001) });
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('<done-at type="datetime">2026-03-04T16:00:00Z</done-at>');
    }
    const next = (body: string) => s.t.sandbox.db.prepare('SELECT due_at FROM tasks WHERE body = ? AND done_at IS NULL').get(body) as { due_at: string };
    // Due anchor: a week after the old due date, same local time (09:00) across the DST change of March 8.
    expect(next('Weekly report').due_at).toBe('2026-03-09T14:00:00Z');
    expect(next('Water plants').due_at).toBe('2026-03-06T05:59:59Z'); // completion anchor: a day after completion, end of day
    expect(next('Invoice').due_at).toBe('2026-02-28T18:00:00Z'); // Jan 31 + 1 month, clamped
    expect(await s.text(`/tasks/${weekly}.xml`)).toContain('<recurring-period type="integer">1</recurring-period>');
    expect((await s.send('POST', '/tasks.xml', '<task><body>x</body><frame>today</frame><recurring_period>6</recurring_period></task>')).status).toBe(422);
    expect((await s.send('POST', '/tasks.xml', '<task><body>x</body><frame>someday</frame></task>')).status).toBe(422);
    expect(ids(await s.text('/tasks/completed.xml'), 'task')).toEqual(expect.arrayContaining([weekly, daily, monthly]));
  });

  it('lists tasks assigned by me to others, and binds a task to a recording and its subject', async () => {
    const s = setup({ now: () => new Date('2026-03-04T15:00:00Z') });
    const res = await s.send('POST', '/tasks.xml', '<task><body>For Jonas</body><frame>tomorrow</frame><owner-id>70002</owner-id><notify>false</notify><recording-id>20000001</recording-id></task>');
    const body = await res.text();
    expect(body).toContain('<subject-id type="integer">1000045</subject-id>');
    expect(body).toContain('<recording-id type="integer">20000001</recording-id>');
    const id = ids(body, 'task')[0];
    expect(ids(await s.text('/tasks/assigned.xml'), 'task')).toContain(id);
    expect(ids(await s.text('/tasks/upcoming.xml', 70002), 'task')).toContain(id);
    expect(ids(await s.text('/people/1000045/tasks.xml', 70002), 'task')).toContain(id);
  });

  it('reopens a completed task when done-at is sent empty (nil too); a value in done-at is ignored', async () => {
    const s = setup({ now: () => new Date('2026-03-04T15:00:00Z') });
    const id = ids(await (await s.send('POST', '/tasks.xml', '<task><body>Reopen me</body><frame>today</frame></task>')).text(), 'task')[0];
    await s.send('POST', `/tasks/${id}/complete.xml`, '');
    expect(ids(await s.text('/tasks/completed.xml'), 'task')).toContain(id);
    const reopened = await s.send('PUT', `/tasks/${id}.xml?reload=true`, '<task><done-at type="datetime"></done-at></task>');
    expect(reopened.status).toBe(200);
    expect(await reopened.text()).toContain('<done-at type="datetime" nil="true"></done-at>');
    expect(ids(await s.text('/tasks/upcoming.xml'), 'task')).toContain(id);
    expect(ids(await s.text('/tasks/completed.xml'), 'task')).not.toContain(id);
    await s.send('POST', `/tasks/${id}/complete.xml`, '');
    await s.send('PUT', `/tasks/${id}.xml`, '<task><done_at nil="true"/></task>');
    expect(s.count('SELECT count(*) AS n FROM tasks WHERE id = ? AND done_at IS NULL', id)).toBe(1);
    // Not a way to complete: the body and the open state are as they were.
    await s.send('PUT', `/tasks/${id}.xml`, '<task><body>Still open</body><done-at type="datetime">2026-03-04T15:00:00Z</done-at></task>');
    expect(s.count("SELECT count(*) AS n FROM tasks WHERE id = ? AND done_at IS NULL AND body = 'Still open'", id)).toBe(1);
  });
});

describe('rate limits per bucket: 503 with Retry-After', () => {
  it('limits search by email to 2 per 10 s without touching the general bucket', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const s = setup({ now: () => now, rateLimit: { general: [150, 5], searchByEmail: [2, 10], recordings: [10, 10] } });
    const email = '/people/search.xml?criteria[email]=jonas@example.com';
    expect((await s.get(email)).status).toBe(200);
    expect((await s.get('/parties/search.xml?email=x@example.com')).status).toBe(200);
    const limited = await s.get(email);
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect((await s.get('/people/search.xml?term=a')).status).toBe(200);
    now = new Date('2026-03-01T10:00:10.001Z');
    expect((await s.get(email)).status).toBe(200);
  });

  it('limits /recordings.xml to 10 per 10 s', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const s = setup({ now: () => now, rateLimit: { general: [150, 5], searchByEmail: [2, 10], recordings: [10, 10] } });
    for (let i = 0; i < 10; i++) expect((await s.get('/recordings.xml')).status).toBe(200);
    const limited = await s.get('/recordings.xml');
    expect(limited.status).toBe(503);
    expect(Number(limited.headers.get('retry-after'))).toBe(10);
    expect((await s.get('/recordings.atom')).status).toBe(200);
  });

  it('limits everything else to 150 per 5 s per account', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const s = setup({ now: () => now, rateLimit: { general: [150, 5], searchByEmail: [2, 10], recordings: [10, 10] } });
    for (let i = 0; i < 150; i++) expect((await s.get('/me.xml')).status).toBe(200);
    const limited = await s.get('/deals/new.xml');
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).toBe('5');
  });
});

describe('plan limits: 507', () => {
  it('refuses people, pending deals and cases past their limits', async () => {
    const s = setup();
    const people = s.count("SELECT count(*) AS n FROM parties WHERE account_id = 1 AND type = 'Person'");
    const pending = s.count("SELECT count(*) AS n FROM deals WHERE account_id = 1 AND status = 'pending'");
    const kases = s.count('SELECT count(*) AS n FROM kases WHERE account_id = 1');
    const l = setup({ limits: { people: people + 1, deals: pending + 1, cases: kases + 1 } });
    expect((await l.send('POST', '/people.xml', '<person><first-name>One</first-name></person>')).status).toBe(201);
    expect((await l.send('POST', '/people.xml', '<person><first-name>Two</first-name></person>')).status).toBe(507);
    expect((await l.send('POST', '/deals.xml', '<deal><name>One</name></deal>')).status).toBe(201);
    expect((await l.send('POST', '/deals.xml', '<deal><name>Two</name></deal>')).status).toBe(507);
    const won = l.t.sandbox.db.prepare("SELECT id FROM deals WHERE account_id = 1 AND status = 'won' AND visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    expect((await l.send('PUT', `/deals/${won.id}/status.xml`, '<status><name>pending</name></status>')).status).toBe(507);
    expect((await l.send('PUT', `/deals/${won.id}/status.xml`, '<status><name>lost</name></status>')).status).toBe(200);
    expect((await l.send('POST', '/kases.xml', '<kase><name>One</name></kase>')).status).toBe(201);
    expect((await l.send('POST', '/kases.xml', '<kase><name>Two</name></kase>')).status).toBe(507);
  });
});

describe('admin-only groups and memberships', () => {
  it('answers 403 to non-admins on every group and membership route', async () => {
    const s = setup();
    for (const [method, path] of [['GET', '/groups.xml'], ['GET', '/groups/40001.xml'], ['POST', '/groups.xml'], ['PUT', '/groups/40001.xml'],
      ['DELETE', '/groups/40001.xml'], ['GET', '/memberships.xml'], ['GET', '/memberships/45001.xml'], ['POST', '/memberships.xml'], ['DELETE', '/memberships/45001.xml']]) {
      const res = method === 'GET' || method === 'DELETE'
        ? await s.t.request(A + path, { method, headers: s.as(70002) })
        : await s.send(method, path, '<group><name>x</name></group>', 70002);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.text()).toBe('');
    }
    expect((await s.send('POST', '/memberships.xml', '<membership><user_id>70002</user_id><group_id>40001</group_id></membership>')).status).toBe(422);
  });
});

describe('deals, cases, categories', () => {
  it('sets status-changed-on to the local date, ignores status on update, refuses nested parties and unknown statuses', async () => {
    const s = setup({ now: () => new Date('2026-03-05T03:00:00Z') }); // still March 4 in Chicago
    const id = ids(await (await s.send('POST', '/deals.xml', '<deal><name>Status test</name></deal>')).text(), 'deal')[0];
    expect((await s.send('PUT', `/deals/${id}/status.xml`, '<status><name>won</name></status>')).status).toBe(200);
    const won = await s.text(`/deals/${id}.xml`);
    expect(won).toContain('<status>won</status>');
    expect(won).toContain('<status-changed-on type="date">2026-03-04</status-changed-on>');
    expect(won).not.toContain('<category>');
    expect((await s.send('PUT', `/deals/${id}.xml`, '<deal><status>lost</status><price type="integer"></price></deal>')).status).toBe(200);
    expect(await s.text(`/deals/${id}.xml`)).toContain('<status>won</status>');
    expect(await s.text(`/deals/${id}.xml`)).toContain('<price type="integer" nil="true"></price>');
    const nested = await s.send('PUT', `/deals/${id}.xml`, '<deal><name>x</name><party><id>1000001</id></party></deal>');
    expect(nested.status).toBe(422);
    expect(await nested.text()).toContain('<errors/>');
    const bad = await s.send('PUT', `/deals/${id}/status.xml`, '<status><name>maybe</name></status>');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('<error>Status is not included in the list</error>');
    expect((await s.send('POST', '/deals.xml', '<deal><price>5</price></deal>')).status).toBe(422);
    expect((await s.get('/deals.xml?status=maybe')).status).toBe(422);
    const pendingOnly = await s.text('/deals.xml?status=won');
    expect(texts(pendingOnly, 'status').every((x) => x === 'won')).toBe(true);
  });

  it('stores a carriage return sent as &#13; exactly and writes it back as &#13; (a raw CR would be normalised away)', async () => {
    const s = setup();
    const res = await s.send('POST', '/notes.xml', '<note><body>a&#13;\nb&#13;c\r\nd</body><subject-id>1000045</subject-id><subject-type>Party</subject-type></note>');
    expect(res.status).toBe(201);
    const id = ids(await res.text(), 'note')[0];
    // A raw CRLF in the request is one line end (XML 1.0 §2.11); the references are kept.
    expect((s.t.sandbox.db.prepare('SELECT body FROM recordings WHERE id = ?').get(id) as { body: string }).body).toBe('a\r\nb\rc\nd');
    const xml = await s.text(`/notes/${id}.xml`);
    expect(xml).toContain('<body>a&#13;\nb&#13;c\nd</body>');
    expect(xml).not.toContain('\r');
    expect(parse(xml).note.body).toBe('a\r\nb\rc\nd');
  });

  it('closes a case with closed-at and reopens it with an empty one', async () => {
    const s = setup();
    await s.send('PUT', '/kases/3000001.xml', '<kase><closed-at type="datetime">2026-02-01T10:00:00Z</closed-at></kase>');
    expect(ids(await s.text('/kases/closed.xml'), 'kase')).toContain(3000001);
    expect(ids(await s.text('/kases/open.xml'), 'kase')).not.toContain(3000001);
    await s.send('PUT', '/kases/3000001.xml', '<kase><closed-at type="datetime"></closed-at></kase>');
    expect(ids(await s.text('/kases/open.xml'), 'kase')).toContain(3000001);
    expect((await s.send('POST', '/kases.xml', '<kase><name> </name></kase>')).status).toBe(422);
  });

  it('stores deal custom field values (deal fields only), renders them as subject_datas, clears them', async () => {
    const s = setup();
    const seeded = parse(await s.text('/deals/2000001.xml')).deal.subject_datas.subject_data[0];
    expect(seeded).toMatchObject({ value: 'End of Q2', subject_field_id: { '#text': '307' }, subject_field_label: 'Expected close' });
    const res = await s.send('POST', '/deals.xml', '<deal><name>With a field</name><subject_datas type="array"><subject_data><subject_field_id>307</subject_field_id><value>June&#13;\n30</value></subject_data></subject_datas></deal>');
    expect(res.status).toBe(201);
    const id = ids(await res.text(), 'deal')[0];
    const data = parse(await s.text(`/deals/${id}.xml`)).deal.subject_datas.subject_data[0];
    expect(data).toMatchObject({ value: 'June\r\n30', subject_field_label: 'Expected close' });
    // By id (the dashed spelling too), then removed with an empty value by field.
    await s.send('PUT', `/deals/${id}.xml`, `<deal><subject-datas><subject-data><id>${data.id['#text']}</id><value>July</value></subject-data></subject-datas></deal>`);
    expect(parse(await s.text(`/deals/${id}.xml`)).deal.subject_datas.subject_data[0].value).toBe('July');
    await s.send('PUT', `/deals/${id}.xml`, '<deal><subject_datas><subject_data><subject_field_id>307</subject_field_id><value></value></subject_data></subject_datas></deal>');
    expect(await s.text(`/deals/${id}.xml`)).not.toContain('subject_datas');
    // A party field on a deal is refused; deleting the deal takes its values with it.
    expect((await s.send('PUT', `/deals/${id}.xml`, '<deal><subject_datas><subject_data><subject_field_id>301</subject_field_id><value>x</value></subject_data></subject_datas></deal>')).status).toBe(422);
    await s.send('PUT', `/deals/${id}.xml`, '<deal><subject_datas><subject_data><subject_field_id>307</subject_field_id><value>Aug</value></subject_data></subject_datas></deal>');
    await s.t.request(`${A}/deals/${id}.xml`, { method: 'DELETE', headers: s.as(70001) });
    expect(s.count('SELECT count(*) AS n FROM deal_subject_datas WHERE deal_id = ?', id)).toBe(0);
  });

  it('defaults category colors to 000000 and counts elements', async () => {
    const s = setup();
    const created = await (await s.send('POST', '/task_categories.xml', '<task-category><name>Visit</name></task-category>')).text();
    expect(created).toContain('<color>000000</color>');
    expect(created).toContain('<elements-count type="integer">0</elements-count>');
    expect((await s.send('POST', '/deal_categories.xml', '<deal-category><name>x</name><color>blue</color></deal-category>')).status).toBe(422);
    expect(await s.text('/deal_categories/55001.xml')).toMatch(/<elements-count type="integer">[1-9]\d*<\/elements-count>/);
    expect((await s.t.request(`${A}/deal_categories/55001.xml`, { method: 'DELETE', headers: s.as(70001) })).status).toBe(200);
    expect(await s.text('/deals/2000001.xml')).not.toContain('<category>');
  });
});

describe('search, tags, recently viewed, custom fields, vCard, 422s', () => {
  const s = setup();

  it('takes % and _ in a term or criterion literally (they are not SQL wildcards to Highrise)', async () => {
    await s.send('POST', '/companies.xml', '<company><name>100% Organic_Foods</name></company>');
    expect(texts(await s.text('/companies/search.xml?term=%25'), 'name')).toEqual(['100% Organic_Foods']);
    expect(texts(await s.text('/companies/search.xml?term=_'), 'name')).toEqual(['100% Organic_Foods']);
    expect(texts(await s.text('/companies/search.xml?term=c_f'), 'name')).toEqual(['100% Organic_Foods']);
    expect(texts(await s.text('/companies/search.xml?term=0%25%20o'), 'name')).toEqual(['100% Organic_Foods']);
    expect(await s.text('/people/search.xml?criteria[city]=%25')).toContain('<people type="array"/>');
    expect(await s.text('/people/search.xml?criteria[title]=_')).toContain('<people type="array"/>');
  });

  it('searches loosely by term (Jo finds Major Co), strictly with strict=1, and by criteria', async () => {
    await s.send('POST', '/companies.xml', '<company><name>Major Co</name></company>');
    expect(await s.text('/companies/search.xml?term=Jo')).toContain('<name>Major Co</name>');
    expect(await s.text('/parties/search.xml?term=Jo')).toContain('<party type="Company">');
    await s.send('POST', '/people.xml', '<person><first-name>Jon</first-name><last-name>Snowe</last-name></person>');
    expect(await s.text('/parties/search.xml?name=jon&strict=1')).toContain('<first-name>Jon</first-name>');
    expect(await s.text('/parties/search.xml?name=jo&strict=1')).not.toContain('<first-name>Jon</first-name>');
    expect(await s.text('/people/search.xml?term=renee')).toContain('Ren&#233;e'); // accent-insensitive
    const chicago = await s.text('/people/search.xml?criteria[city]=chicago&criteria[state]=IL');
    expect(chicago).toContain('<city>Chicago</city>');
    expect(await s.text('/people/search.xml?criteria[sales_region]=EMEA')).toContain('<value>EMEA</value>');
    expect(await s.text('/people/search.xml?criteria[302]=APAC')).toContain('<value>APAC</value>');
    expect(await s.text('/people/search.xml')).toContain('<people type="array"/>');
  });

  it('matches email and phone criteria on a normalised form', async () => {
    await s.send('POST', '/people.xml', `<person><first-name>Norma</first-name><contact-data>
      <email-addresses><email-address><address> Norma.Lised@Example.COM </address><location>Work</location></email-address></email-addresses>
      <phone-numbers><phone-number><number>(555) 010-7788 </number><location>Work</location></phone-number></phone-numbers></contact-data></person>`);
    expect(await s.text('/people/search.xml?criteria[email]=norma.lised@example.com')).toContain('<first-name>Norma</first-name>');
    expect(await s.text('/parties/search.xml?phone=5550107788')).toContain('<first-name>Norma</first-name>');
    expect(await s.text('/people/search.xml?criteria[email]=norma.lised@example.co')).not.toContain('<first-name>Norma</first-name>');
  });

  it('keeps the last 50 viewed parties, most recent first, attribute-typed', async () => {
    const people = (s.t.sandbox.db.prepare("SELECT id FROM parties WHERE account_id = 1 AND type = 'Person' AND visible_to = 'Everyone' ORDER BY id LIMIT 55").all() as { id: number }[]).map((r) => r.id);
    for (const id of people) await s.get(`/people/${id}.xml`);
    await s.get('/companies/1000002.xml');
    const list = await s.text('/parties/parties.xml?scope=recently_viewed');
    const seen = ids(list, 'party');
    expect(seen.length).toBe(50);
    expect(seen[0]).toBe(1000002);
    expect(seen[1]).toBe(people[54]);
    expect(list).toContain('<party type="Person">');
    expect((await s.get('/parties/recently_viewed.xml')).status).toBe(404); // the old route moved (REAL-WORLD #24)
  });

  it('adds tags idempotently by name, lists tagged parties only, removes with 200 and no body', async () => {
    const first = await s.send('POST', '/people/1000045/tags.xml', '<name>Trade Fair 2025</name>');
    expect(first.status).toBe(201);
    const tagId = ids(await first.text(), 'tag')[0];
    expect(first.headers.get('location')).toMatch(new RegExp(`/tags/${tagId}\\.xml$`));
    const again = await s.send('POST', '/deals/2000001/tags.xml', '<name>trade fair 2025</name>');
    expect(ids(await again.text(), 'tag')[0]).toBe(tagId);
    expect(await s.text('/deals/2000001/tags.xml')).toContain('<name>Trade Fair 2025</name>');
    expect(await s.text('/deals/2000001.xml')).toContain('<name>Trade Fair 2025</name>');
    const tagged = await s.text(`/tags/${tagId}.xml`);
    expect(ids(tagged, 'party')).toContain(1000045);
    expect(ids(tagged, 'party')).not.toContain(2000001);
    const del = await s.t.request(`${A}/people/1000045/tags/${tagId}.xml`, { method: 'DELETE', headers: s.as(70001) });
    expect(del.status).toBe(200);
    expect(await del.text()).toBe('');
    expect(del.headers.get('location')).toBeNull();
  });

  it('creates, renames and deletes custom fields; deal fields cannot be created', async () => {
    expect(await s.text('/subject_fields.xml?type=deal')).toContain('<type>deal</type>');
    expect(await s.text('/subject_fields.xml?type=deal')).not.toContain('<type>party</type>');
    expect((await s.send('POST', '/subject_fields.xml', '<subject-field><label>Close</label><type>deal</type></subject-field>')).status).toBe(422);
    expect((await s.send('POST', '/subject_fields.xml', '<subject-field><label></label></subject-field>')).status).toBe(422);
    expect((await s.send('PUT', '/subject_fields/303.xml', '<subject-field><label>Date of birth</label></subject-field>')).status).toBe(200);
    expect(await s.text('/subject_fields.xml')).toContain('<label>Date of birth</label>');
  });

  it('escapes vCard text', async () => {
    const res = await s.send('POST', '/people.xml', `<person><first-name>Ann, Jr.</first-name><last-name>O'Neil; Smith</last-name><background>Line one\nLine two \\ end</background></person>`);
    const id = ids(await res.text(), 'person')[0];
    const card = await (await s.get(`/people/${id}.vcf`)).text();
    expect(card).toContain("N:O'Neil\\; Smith;Ann\\, Jr.;;;\r\n");
    expect(card).toContain('NOTE:Line one\\nLine two \\\\ end\r\n');
  });

  it('answers 422 with <errors> for invalid records', async () => {
    for (const [path, body, message] of [
      ['/people.xml', '<person><last-name>Only</last-name></person>', "First name can't be blank"],
      ['/deals.xml', '<deal><name></name></deal>', "Name can't be blank"],
      ['/people.xml', '<person><first-name>X</first-name><contact-data><addresses><address><city>Oslo</city></address></addresses></contact-data></person>', 'Location is not included in the list'],
      ['/companies.xml', '<company><name>X</name><contact-data><phone-numbers><phone-number><number>1</number><location>Moon</location></phone-number></phone-numbers></contact-data></company>', 'Location is not included in the list'],
      ['/notes.xml', '<note><body>orphan</body></note>', "Subject can't be blank"],
      ['/comments.xml', '<comment><body>x</body><parent-id>1</parent-id></comment>', 'Parent must be a note or an email'],
    ]) {
      const res = await s.send('POST', path, body);
      expect(res.status, path).toBe(422);
      expect(await res.text()).toContain(`<errors>\n  <error>${message.replace(/'/g, "'")}</error>`);
    }
  });

  it('lets only the author or an admin edit a note', async () => {
    const note = s.t.sandbox.db.prepare("SELECT id FROM recordings WHERE type = 'Note' AND author_id = 70003 AND visible_to = 'Everyone' LIMIT 1").get() as { id: number };
    expect((await s.send('PUT', `/notes/${note.id}.xml`, '<note><body>mine now</body></note>', 70002)).status).toBe(403);
    expect((await s.send('PUT', `/notes/${note.id}.xml?reload=true`, '<note><body>admin edit</body></note>', 70001)).status).toBe(200);
  });
});

describe('Launchpad: refresh by query parameters, expiry and revocation', () => {
  it('refreshes with query params, 401s an expired token, and revokes with DELETE /authorization', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const s = setup({ now: () => now, tokenTtlSeconds: 60 });
    const redirect = 'http://127.0.0.1:9/cb';
    const form = new URLSearchParams({ type: 'web_server', client_id: SANDBOX_CLIENT.id, redirect_uri: redirect, identity_id: '1', decision: 'allow' });
    const consent = await s.t.request('/sandbox/launchpad/authorization', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const q = (p: Record<string, string>) => `/sandbox/launchpad/authorization/token?${new URLSearchParams({ client_id: SANDBOX_CLIENT.id, client_secret: SANDBOX_CLIENT.secret, ...p })}`;
    const tokens = await (await s.t.request(q({ type: 'web_server', code, redirect_uri: redirect }), { method: 'POST' })).json() as { access_token: string; refresh_token: string };
    const bearer = (tok: string) => ({ Authorization: `Bearer ${tok}` });
    expect((await s.t.request(`${A}/me.xml`, { headers: bearer(tokens.access_token) })).status).toBe(200);
    now = new Date('2026-03-01T10:01:01Z');
    const expired = await s.t.request(`${A}/me.xml`, { headers: bearer(tokens.access_token) });
    expect(expired.status).toBe(401);
    expect(await expired.text()).toBe('HTTP Basic: Access denied.\n');
    expect((await s.t.request('/sandbox/launchpad/authorization.json', { headers: bearer(tokens.access_token) })).status).toBe(401);
    const refreshed = await (await s.t.request(q({ type: 'refresh', refresh_token: tokens.refresh_token }), { method: 'POST' })).json() as { access_token: string };
    expect((await s.t.request(`${A}/me.xml`, { headers: bearer(refreshed.access_token) })).status).toBe(200);
    const revoke = await s.t.request(`/sandbox/launchpad/authorization?refresh_token=${tokens.refresh_token}`, { method: 'DELETE', headers: bearer(refreshed.access_token) });
    expect(revoke.status).toBe(204);
    expect((await s.t.request(`${A}/me.xml`, { headers: bearer(refreshed.access_token) })).status).toBe(401);
    const again = await s.t.request(q({ type: 'refresh', refresh_token: tokens.refresh_token }), { method: 'POST' });
    expect(again.status).toBe(400);
    expect(isoSeconds(now.getTime())).toBe('2026-03-01T10:01:01Z');
  });
});
