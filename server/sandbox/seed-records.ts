// Demo deals, cases, categories, notes, emails, comments, attachments, tasks, groups and memberships.
// Deterministic (own PRNG, fixed dates) except task due dates, which are relative to the seeding day so
// the demo always has tasks today, tomorrow, this week… (pass `now` to createSandbox to pin them).
import { RECORDING_ID_STARTS, type Db, insertSubjectField, isoSeconds, stmt } from './store.js';
import { type Frame, RECURRING_PERIODS, dateString, dueForFrame, localDate } from './time.js';

/** mulberry32, as in seed.ts (kept local to avoid an import cycle). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedRecordsOptions {
  accountId: number; users: number[]; size: 'tiny' | 'small' | 'large'; nowMs: number; timeZone: string;
}

const SIZES = {
  tiny: { deals: 6, kases: 3, closedKases: 1, notes: 12, emails: 4, comments: 3, attachments: 2, tasks: 6 },
  small: { deals: 40, kases: 10, closedKases: 3, notes: 90, emails: 30, comments: 12, attachments: 6, tasks: 36 },
  large: { deals: 1_000, kases: 170, closedKases: 30, notes: 38_000, emails: 12_000, comments: 2_000, attachments: 400, tasks: 5_000 },
};

const DEAL_CATEGORIES: [string, string][] = [['Wholesale', '2f6fde'], ['Retail', 'e0912f'], ['Consulting', '3aa655'], ['M&A', '8e44ad'], ['Sponsorship', 'c0392b']];
const TASK_CATEGORIES: [string, string][] = [['Call', '3478f6'], ['Email', 'f5a623'], ['Follow-up', '7ed321'], ['Meeting', 'bd10e0'], ['Send invoice', '000000']];
const DEAL_WORDS = ['spring order', 'annual contract', 'pilot project', 'renewal', 'expansion', 'store fit-out', 'catalogue print run',
  'trade fair booth', 'Series B diligence', 'loyalty programme', 'winter collection', 'support retainer'];
const NOTE_BODIES = [
  'Called about the next order. They want samples first.',
  'Met at the Lisbon trade fair.\r\nFollow up with the price list – ask for Ana in purchasing.',
  'Budget approved: < $50k & payment on 30 days.',
  'Prefers e-mail; don’t call before 10am.',
  'Réunion très positive — ils veulent un devis pour 3 magasins.',
  'Sent the contract. Waiting for the signed copy.\r\n\r\nReminder: NDA still open.',
  'Quoted "express" shipping; they said it is too expensive.',
  'Lunch with the founder. Talked about 2026 plans and the new warehouse.',
  '電話で確認済み。来週サンプルを送る。',
  'Complaint about a late delivery; offered a 5% discount.',
];
const EMAIL_TITLES = ['Re: price list', 'Samples shipped', 'Contract draft v2', 'Invoice #2041', 'Meeting next week?', 'Fwd: delivery delay',
  'Angebot für Frühjahr', 'Thanks for your time', 'Order confirmation', 'Questions about the catalogue'];
const CASE_NAMES = ['Warranty claim – tents batch 7', 'Late delivery complaint', 'Trade fair 2026 logistics', 'Supplier audit',
  'Return of damaged jackets', 'Store opening in Porto', 'Insurance claim – warehouse leak', 'Catalogue misprint', 'Customs paperwork for Japan',
  'GDPR request', 'Price dispute with Lumen & Oak', 'Team offsite planning', 'Recall of batch 12 boots'];
const TASK_BODIES = ['Call back about the quote', 'Send the revised price list', 'Prepare samples', 'Follow up on the contract',
  'Book the meeting room', 'Check the delivery status', 'Send invoice', 'Ask for a reference', 'Review the proposal', 'Update the catalogue'];
const ATTACHMENTS: [string, number, string][] = [['proposal.pdf', 182_344, 'application/pdf'], ['floor-plan.png', 72_633, 'image/png'],
  ['notes.txt', 8_837, 'text/plain'], ['Prix & tarifs 2026.csv', 4_210, 'text/csv']];

export function seedRecords(db: Db, o: SeedRecordsOptions): void {
  const rand = prng(9_1971 + o.accountId);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const n = SIZES[o.size];
  const [mara, jonas, priya] = o.users;
  const T_START = Date.UTC(2025, 0, 6, 9, 0, 0);
  const T_SPAN = Date.UTC(2026, 5, 30) - T_START;
  const at = (i: number, total: number) => T_START + Math.floor(((i + rand() * 0.9) / total) * T_SPAN / 1000) * 1000;
  const iso = isoSeconds;

  const parties = stmt(db, 'SELECT id, type, company_id, visible_to FROM parties WHERE account_id = ? ORDER BY id').all(o.accountId) as
    { id: number; type: string; company_id: number | null; visible_to: string }[];
  const everyone = parties.filter((p) => p.visible_to === 'Everyone');
  const companies = everyone.filter((p) => p.type === 'Company');
  const people = everyone.filter((p) => p.type === 'Person');
  const peopleOf = new Map<number, number[]>();
  for (const p of people) if (p.company_id != null) (peopleOf.get(p.company_id) ?? peopleOf.set(p.company_id, []).get(p.company_id)!).push(p.id);

  // Groups: "Sales team" (Mara, Jonas), "Leadership" (Mara, Priya). Admins are members like anyone else.
  const insGroup = stmt(db, 'INSERT INTO groups (account_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const insMember = stmt(db, 'INSERT INTO memberships (account_id, group_id, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const g0 = '2024-02-01T09:00:00Z';
  const sales = Number(insGroup.run(o.accountId, 'Sales team', g0, g0).lastInsertRowid);
  const leadership = Number(insGroup.run(o.accountId, 'Leadership', g0, g0).lastInsertRowid);
  for (const u of [mara, jonas]) if (u) insMember.run(o.accountId, sales, u, g0, g0);
  for (const u of [mara, priya]) if (u) insMember.run(o.accountId, leadership, u, g0, g0);

  const insDealCat = stmt(db, 'INSERT INTO deal_categories (account_id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insTaskCat = stmt(db, 'INSERT INTO task_categories (account_id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const dealCats = DEAL_CATEGORIES.map(([name, color]) => Number(insDealCat.run(o.accountId, name, color, g0, g0).lastInsertRowid));
  const taskCats = TASK_CATEGORIES.map(([name, color]) => Number(insTaskCat.run(o.accountId, name, color, g0, g0).lastInsertRowid));
  const expectedClose = insertSubjectField(db, o.accountId, 'Expected close', 'deal');

  // ---- deals: across statuses and categories, some without category, some without price ----
  const insDeal = stmt(db, `INSERT INTO deals (account_id, name, background, category_id, currency, duration, price, price_type, party_id,
    responsible_party_id, status, status_changed_on, visible_to, owner_id, group_id, author_id, created_at, updated_at)
    VALUES (@account_id, @name, @background, @category_id, @currency, @duration, @price, @price_type, @party_id, @responsible_party_id,
    @status, @status_changed_on, @visible_to, @owner_id, @group_id, @author_id, @created_at, @updated_at)`);
  const insDealParty = stmt(db, 'INSERT OR IGNORE INTO deal_parties (deal_id, party_id) VALUES (?, ?)');
  const dealIds: number[] = [];
  for (let i = 0; i < n.deals; i++) {
    const company = i === 0 ? companies[0] : pick(companies);
    const withCompany = i === 0 || rand() < 0.7;
    const staff = peopleOf.get(company.id) ?? [];
    const mainParty = withCompany ? company.id : pick(people).id;
    const status = i === 0 ? 'pending' : pick(['pending', 'pending', 'won', 'lost']);
    const created = at(i, n.deals);
    const updated = created + Math.floor(rand() * 40 * 86400) * 1000;
    const visibility = i % 13 === 5 ? { visible_to: 'Owner', owner_id: jonas ?? mara, group_id: null }
      : i % 11 === 3 ? { visible_to: 'NamedGroup', owner_id: null, group_id: sales } : { visible_to: 'Everyone', owner_id: null, group_id: null };
    const priceType = pick(['fixed', 'fixed', 'fixed', 'hour', 'month', 'year']);
    const id = Number(insDeal.run({
      account_id: o.accountId, name: i === 0 ? 'Harbor & Finch – spring wholesale order' : `${companyLabel(db, company.id)} – ${pick(DEAL_WORDS)}`,
      background: rand() < 0.3 ? pick(NOTE_BODIES) : null, category_id: i === 0 ? dealCats[0] : rand() < 0.8 ? pick(dealCats) : null,
      currency: pick(['USD', 'USD', 'EUR', 'GBP', 'JPY']), duration: priceType === 'fixed' ? null : 1 + Math.floor(rand() * 24),
      price: i === 0 ? 48_000 : rand() < 0.85 ? 500 * (1 + Math.floor(rand() * 200)) : null, price_type: priceType,
      party_id: mainParty, responsible_party_id: pick(o.users), status,
      status_changed_on: status === 'pending' ? null : dateString(localDate(o.timeZone, updated)),
      ...(i === 0 ? { visible_to: 'Everyone', owner_id: null, group_id: null } : visibility),
      author_id: pick(o.users), created_at: iso(created), updated_at: iso(updated),
    }).lastInsertRowid);
    insDealParty.run(id, mainParty);
    for (const p of staff.slice(0, 1 + Math.floor(rand() * 2))) insDealParty.run(id, p);
    dealIds.push(id);
  }
  // The demo deal carries a value for the deal custom field (no PRNG draw, so the rest of the seed is unchanged).
  if (dealIds.length > 0) stmt(db, 'INSERT INTO deal_subject_datas (deal_id, subject_field_id, value) VALUES (?, ?, ?)').run(dealIds[0], expectedClose, 'End of Q2');

  // ---- cases: open ones first, then closed ----
  const insKase = stmt(db, `INSERT INTO kases (account_id, name, background, closed_at, visible_to, owner_id, group_id, author_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insKaseParty = stmt(db, 'INSERT OR IGNORE INTO kase_parties (kase_id, party_id) VALUES (?, ?)');
  const kaseIds: number[] = [];
  const totalKases = n.kases + n.closedKases;
  for (let i = 0; i < totalKases; i++) {
    const closed = i >= n.kases;
    const created = at(i, totalKases);
    const updated = created + Math.floor(rand() * 30 * 86400) * 1000;
    const named = i % 7 === 4;
    const id = Number(insKase.run(o.accountId, CASE_NAMES[i % CASE_NAMES.length] + (i >= CASE_NAMES.length ? ` (${Math.floor(i / CASE_NAMES.length) + 1})` : ''),
      rand() < 0.4 ? pick(NOTE_BODIES) : null, closed ? iso(updated) : null, named ? 'NamedGroup' : 'Everyone', null, named ? leadership : null,
      i % 5 === 2 ? null : pick(o.users), iso(created), iso(updated)).lastInsertRowid);
    for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) insKaseParty.run(id, pick(rand() < 0.7 ? people : companies).id);
    kaseIds.push(id);
  }

  // ---- notes and emails, with comments and attachments ----
  const insRec = stmt(db, `INSERT INTO recordings (id, account_id, type, title, body, author_id, subject_type, subject_id, parent_id,
    visible_to, owner_id, group_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insAttachment = stmt(db, 'INSERT INTO attachments (recording_id, name, size, content_type) VALUES (?, ?, ?, ?)');
  const seqBump = stmt(db, `INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)`);
  const seqValue = (type: keyof typeof RECORDING_ID_STARTS) =>
    (stmt(db, 'SELECT value FROM sequences WHERE name = ?').get(`recordings:${type}`) as { value: number } | undefined)?.value ?? RECORDING_ID_STARTS[type];
  const nextRec = { Note: seqValue('Note'), Email: seqValue('Email'), Comment: seqValue('Comment') };
  const firstNote = nextRec.Note + 1;
  const subjectFor = (i: number): [string, number] => {
    if (i === 0) return ['Party', people[0].id];
    const r = rand();
    if (r < 0.15 && dealIds.length) return ['Deal', pick(dealIds)];
    if (r < 0.22 && kaseIds.length) return ['Kase', pick(kaseIds)];
    return ['Party', rand() < 0.75 ? pick(people).id : pick(companies).id];
  };
  const totalRecs = n.notes + n.emails;
  const parents: { id: number; created: number }[] = [];
  let firstCreated = T_START;
  for (let i = 0; i < totalRecs; i++) {
    const isEmail = i % Math.max(2, Math.round(totalRecs / n.emails)) === 1;
    const type = isEmail ? 'Email' : 'Note';
    const id = ++nextRec[type];
    const [st, sid] = subjectFor(i);
    const created = at(i, totalRecs);
    const edited = rand() < 0.1 ? created + Math.floor(rand() * 5 * 86400) * 1000 : created;
    const vis = i % 29 === 7 ? ['Owner', jonas ?? mara, null] : i % 31 === 9 ? ['NamedGroup', null, leadership] : ['Everyone', null, null];
    insRec.run(id, o.accountId, type, isEmail ? pick(EMAIL_TITLES) : null, pick(NOTE_BODIES), i === 0 ? mara : pick(o.users), st, sid, null,
      vis[0], vis[1], vis[2], iso(created), iso(edited));
    if (vis[0] === 'Everyone') parents.push({ id, created });
    if (id === firstNote) firstCreated = created;
  }
  // The first note gets two comments and an attachment, so there is always one to look at.
  for (let c = 0; c < n.comments; c++) {
    const parent = c < 2 ? { id: firstNote, created: firstCreated } : pick(parents);
    const created = parent.created + (1 + Math.floor(rand() * 72)) * 3600_000;
    insRec.run(++nextRec.Comment, o.accountId, 'Comment', null, c === 0 ? 'Agreed – I’ll send the samples on Monday.' : pick(['Done.', 'Thanks!', 'Any update on this?',
      'Spoke to them again, still interested.', 'Let’s discuss at the Monday meeting.']), pick(o.users), null, null, parent.id,
      'Everyone', null, null, iso(created), iso(created));
  }
  for (let a = 0; a < n.attachments; a++) {
    const [name, size, type] = ATTACHMENTS[a % ATTACHMENTS.length];
    insAttachment.run(a === 0 ? firstNote : pick(parents).id, name, size, type);
  }
  for (const [type, value] of Object.entries(nextRec)) seqBump.run(`recordings:${type}`, value);

  // ---- tasks across frames (relative to the seeding day), some done, some recurring ----
  const insTask = stmt(db, `INSERT INTO tasks (account_id, body, due_at, done_at, author_id, owner_id, category_id, subject_type, subject_id,
    public, recurring_period, anchor_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const frames: Frame[] = ['today', 'tomorrow', 'this_week', 'next_week', 'later', 'overdue'];
  const periods = Object.keys(RECURRING_PERIODS).map(Number);
  const createdTask = iso(o.nowMs - 7 * 86400_000);
  for (let i = 0; i < n.tasks; i++) {
    const frame = i === 0 ? 'today' : frames[i % frames.length];
    const due = dueForFrame(frame, o.timeZone, o.nowMs);
    const done = i !== 0 && i % 7 === 6 ? iso(o.nowMs - (1 + (i % 5)) * 86400_000) : null;
    const owner = i === 0 ? mara : i % 9 === 4 ? (jonas ?? mara) : i % 4 === 0 ? pick(o.users) : mara;
    const [st, sid] = i % 3 === 0 ? ['Party', pick(people).id] : i % 3 === 1 && dealIds.length ? ['Deal', pick(dealIds)] : [null, null];
    const recurring = i === 0 ? 1 : i % 8 === 3 ? pick(periods) : null;
    insTask.run(o.accountId, i === 0 ? 'Weekly pipeline review' : pick(TASK_BODIES), due, done, i % 9 === 4 ? mara : pick(o.users), owner,
      rand() < 0.7 ? pick(taskCats) : null, st, sid, i % 5 === 0 ? 1 : 0, recurring, i % 2, createdTask, done ?? createdTask);
  }
}

function companyLabel(db: Db, id: number): string {
  return (stmt(db, 'SELECT name FROM parties WHERE id = ?').get(id) as { name: string }).name;
}
