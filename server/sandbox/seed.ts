// Deterministic demo data. Same input, same rows, same ids: tests and screenshots can rely on it.
// No Math.random and no clock: a seeded PRNG and fixed dates in 2024–2026.
import { createHash } from 'node:crypto';
import { seedRecords } from './seed-records.js';
import {
  type ContactKind, type ContactValues, type Db, insertContact, insertParty, insertSubjectField, insertTag,
  isoSeconds, setSubjectData, tagParty,
} from './store.js';

/** mulberry32: tiny, fast and good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The API token of a seeded user: stable across fresh databases, unguessable-looking. */
export function seededApiToken(userKey: string): string {
  return createHash('sha256').update(`skyline-sandbox:api-token:${userKey}`).digest('hex').slice(0, 32);
}

const FIRST = [
  'Renée', 'Łukasz', 'Søren', 'Ada', 'Mateo', 'Chiara', 'Amara', 'Jonas', 'Ingrid', 'Yusuf', 'Zoë', 'Björn',
  'Priya', 'Kwame', 'Noémie', 'Siobhán', 'Tomás', 'Aroha', 'Dmitri', 'Lena', 'François', 'Mai', 'Oluwaseun',
  'Rafael', 'Saoirse', 'Hannah', 'Ewa', 'Kenji', 'Fatima', 'Grace', 'Élodie', 'Jürgen', 'Leila', 'Marcus',
  'Nadia', 'Óscar', 'Pavel', 'Rosa', 'Sanjay', 'Tamsin', 'Umar', 'Valentina', 'Wiremu', 'Xavier', 'Yara', 'Zofia',
];
const LAST = [
  "O'Brien", "D'Angelo", 'Okafor', 'Kowalski', 'Søndergaard', 'Müller', 'García', 'Nguyen', 'Haddad', 'Fischer',
  'Lindqvist', 'Moreau', 'Rossi', 'Mensah', 'Novák', 'Brennan', 'Ferreira', 'Tanaka', 'Ivanova', 'Schmidt',
  'Popescu', 'Yılmaz', 'Andersen', 'Costa', 'Nakamura', 'Dubois', 'Kaur', 'Walsh', 'Horvath', 'Zieliński',
  'van der Berg', 'MacLeod', 'Al-Sayed', 'Ng', 'Petrov', 'Quist', 'Ramírez', 'Sato', 'Thorsen', 'Ukwu',
];
// Full names written family-name first, as Highrise users in Japan and China enter them.
const CJK: [string, string][] = [['太郎', '山田'], ['芳', '王'], ['美咲', '佐藤'], ['伟', '李'], ['민준', '김'], ['花子', '鈴木']];

const COMPANIES = [
  'Harbor & Finch Ltd', 'Lumen & Oak', 'Quayside Capital', 'Northgate Holdings', 'Bergström Logistik AB',
  'Café Müller GmbH', 'Søstrene Design ApS', 'Kowalski i Synowie', 'Atelier Dubois', 'Ferreira Têxteis',
  'Tanaka Seisakusho', '株式会社サクラ', '北京长城贸易', 'Pacific Rim Outfitters', 'Blue Ridge Supply Co.',
  'Cedar & Stone Builders', 'Greenleaf Organics', 'Summit Gear Co.', 'Riverbend Analytics', 'Polaris Maritime',
  'Alder Creek Farms', 'Brightwater Labs', 'Copperline Media', 'Driftwood Hospitality', 'Evergreen Trails',
  'Foxglove Studios', 'Granite Peak Partners', 'Highland Wool Mills', 'Ironbark Tools', 'Juniper Health',
  'Kestrel Aviation', 'Lakeshore Rentals', 'Meridian Freight', 'Nimbus Cloudworks', 'Orchard Lane Bakery',
  '"Quotes" & <Brackets> Inc', 'Redwood Legal LLP', 'Saltmarsh Fisheries', 'Tidewater Energy', 'Umbra Optics',
  'Vantage Point Surveys', 'Willow & Wren', 'Yellowstone Expeditions', 'Zephyr Bikes',
];
const COUNTRIES: { city: string; state: string | null; zip: string | null; country: string; street: string }[] = [
  { city: 'Porto', state: null, zip: '4000-001', country: 'Portugal', street: '12 Rua Exemplo' },
  { city: 'København', state: null, zip: '1050', country: 'Denmark', street: 'Nørregade 7' },
  { city: 'Kraków', state: 'Małopolskie', zip: '30-001', country: 'Poland', street: 'ul. Floriańska 3' },
  { city: 'Chicago', state: 'IL', zip: '60601', country: 'United States', street: '233 S Wacker Dr, Suite 4400' },
  { city: 'Boulder', state: 'CO', zip: '80302', country: 'United States', street: '1800 Pearl St' },
  { city: '東京', state: '東京都', zip: '100-0005', country: 'Japan', street: '丸の内1-1-1' },
  { city: 'München', state: 'Bayern', zip: '80331', country: 'Germany', street: 'Marienplatz 8' },
  { city: 'Lagos', state: 'Lagos', zip: '100001', country: 'Nigeria', street: '14 Awolowo Rd' },
  { city: 'Toronto', state: 'ON', zip: 'M5H 2N2', country: 'Canada', street: '100 Queen St W' },
  { city: 'São Paulo', state: 'SP', zip: '01310-100', country: 'Brazil', street: 'Av. Paulista, 1000' },
  { city: 'Auckland', state: null, zip: '1010', country: 'New Zealand', street: '1 Queen Street' },
  { city: 'Dublin', state: null, zip: 'D02 X285', country: 'Ireland', street: "12 St Stephen's Green" },
];
const TITLES = ['CEO', 'Founder', 'Head of Purchasing', 'Buyer', 'Sales Director', 'Marketing Manager', 'Store Manager',
  'Operations Lead', 'CTO', 'Account Executive', 'Procurement Specialist', 'Editor', 'Partner', 'Consultant'];
const TAGS = ['Customer', 'Lead', 'Partner', 'VIP', 'Investor', 'Press', 'Supplier', 'Prospect', 'Former customer',
  'Trade Fair 2025', 'Newsletter', 'Wholesale'];
const BACKGROUNDS = [
  'Met at the Lisbon trade fair.\r\nPrefers calls after 3pm – ask for the assistant.',
  'Buys for 12 stores & 2 warehouses. Budget < $50k per quarter.',
  'Introduced by a mutual friend at the climbing gym.',
  'Wants quarterly reviews.\r\n\r\nAllergic to early meetings.',
  'Référence client depuis 2019 — très fidèle.',
  'Uses <angle brackets> & "quotes" in notes; keep them.',
  'Former colleague from Summit Gear Co.',
];
const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM', 'Nordics'];

export interface SeedResult { demoAccountId: number; demoApiToken: string }

const ASCII_FOLD: Record<string, string> = { 'ł': 'l', 'ø': 'o', 'æ': 'ae', 'ß': 'ss', 'ı': 'i' };
function emailLocal(first: string, last: string): string {
  const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[łøæßı]/g, (c) => ASCII_FOLD[c] ?? c).replace(/[^a-z0-9]/g, '');
  const local = [fold(first), fold(last)].filter(Boolean).join('.');
  return local || 'contact';
}

export interface SeedOptions { size?: 'small' | 'large'; /** tasks are due relative to this day; everything else is fixed */ nowMs?: number }

const PREFIXES = ['North', 'Blue', 'Silver', 'Granite', 'Harbor', 'Summit', 'Cedar', 'Oak', 'Maple', 'Iron', 'Golden', 'River', 'Prairie',
  'Coastal', 'Alpine', 'Urban', 'Crescent', 'Pioneer', 'Liberty', 'Sterling', 'Aurora', 'Bright', 'Clear', 'Delta', 'Echo'];
const NOUNS = ['Logistics', 'Outfitters', 'Supply', 'Analytics', 'Foods', 'Textiles', 'Builders', 'Media', 'Labs', 'Partners', 'Works',
  'Trading', 'Studios', 'Health', 'Energy', 'Optics', 'Freight', 'Gear', 'Systems', 'Ventures', 'Design', 'Capital', 'Farms', 'Tools'];
const SUFFIXES = ['Inc', 'LLC', 'Ltd', 'GmbH', 'AB', 'SA', 'Co.', 'BV', 'Pty Ltd', 'KK'];

/** COMPANIES first, then deterministic combinations, all distinct. */
function companyNames(count: number): string[] {
  const out = [...COMPANIES];
  for (let i = 0; out.length < count; i++) {
    const base = `${PREFIXES[i % PREFIXES.length]} ${NOUNS[Math.floor(i / PREFIXES.length) % NOUNS.length]} ${SUFFIXES[Math.floor(i / (PREFIXES.length * NOUNS.length)) % SUFFIXES.length]}`;
    const round = Math.floor(i / (PREFIXES.length * NOUNS.length * SUFFIXES.length));
    out.push(round === 0 ? base : `${base} ${round + 1}`);
  }
  return out.slice(0, count);
}

export function seed(db: Db, options: SeedOptions = {}): SeedResult {
  const large = options.size === 'large';
  const nowMs = options.nowMs ?? Date.now();
  const rand = prng(20240501);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number) => rand() < p;
  // Fixed window: created in 2024–2025, updated up to mid-2026.
  const START = Date.UTC(2024, 0, 2, 9, 0, 0);
  const SPAN = Date.UTC(2025, 11, 31) - START;
  const stamp = () => {
    const created = START + Math.floor(rand() * SPAN / 1000) * 1000;
    const updated = created + Math.floor(rand() * 180 * 86400) * 1000;
    return { created_at: isoSeconds(created), updated_at: isoSeconds(updated) };
  };

  const run = db.transaction((): SeedResult => {
    const T0 = '2024-01-02T09:00:00Z';
    db.prepare('INSERT INTO accounts (id, name, subdomain, people_limit, time_zone, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?)')
      .run(1, 'Acme Outfitters', 'acmeoutfitters', 'America/Chicago', T0, '2025-06-01T12:00:00Z');
    db.prepare('INSERT INTO accounts (id, name, subdomain, people_limit, time_zone, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?)')
      .run(2, 'Northwind Studio', 'northwindstudio', 'Europe/London', '2024-03-15T10:30:00Z', '2025-09-09T08:00:00Z');

    const identities = [
      [1, 'Mara', 'Lindqvist', 'mara@acme-outfitters.example'],
      [2, 'Jonas', 'Okafor', 'jonas@acme-outfitters.example'],
      [3, 'Priya', 'Raman', 'priya@acme-outfitters.example'],
      [4, 'Tomás', 'Herrera', 'tomas@acme-outfitters.example'],
    ] as const;
    const insIdentity = db.prepare('INSERT INTO identities (id, first_name, last_name, email_address) VALUES (?, ?, ?, ?)');
    for (const i of identities) insIdentity.run(...i);

    const insUser = db.prepare(`INSERT INTO users (account_id, identity_id, name, email_address, token, admin, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const addUser = (accountId: number, identityId: number | null, name: string, email: string, admin: boolean, key: string) =>
      Number(insUser.run(accountId, identityId, name, email, seededApiToken(key), admin ? 1 : 0, T0, '2025-01-10T08:00:00Z').lastInsertRowid);
    const acmeUsers = identities.map(([id, first, last, email], i) => addUser(1, id, `${first} ${last}`, email, i === 0, `1:${id}`));
    const northwindUsers = [
      addUser(2, 1, 'Mara Lindqvist', 'mara@acme-outfitters.example', true, '2:1'),
      addUser(2, null, 'Aiko Fujimoto', 'aiko@northwind-studio.example', false, '2:aiko'),
      addUser(2, null, "Liam O'Connor", 'liam@northwind-studio.example', false, '2:liam'),
    ];

    const populate = (accountId: number, users: number[], peopleCount: number, companyNames: string[]) => {
      const tagIds = TAGS.map((name) => insertTag(db, accountId, name));
      const fieldCustomer = insertSubjectField(db, accountId, 'Customer number');
      const fieldRegion = insertSubjectField(db, accountId, 'Sales region');
      const fieldBirthday = insertSubjectField(db, accountId, 'Birthday');

      const contact = (partyId: number, kind: ContactKind, values: ContactValues) => insertContact(db, partyId, kind, values);
      const companyIds = companyNames.map((name, i) => {
        const s = stamp();
        // Companies auto-created from a person's company-name have no author (seen in real exports).
        const id = insertParty(db, {
          account_id: accountId, type: 'Company', name, author_id: i % 3 === 0 ? null : pick(users),
          background: i % 7 === 0 ? pick(BACKGROUNDS) : null, ...s,
        });
        if (chance(0.6)) contact(id, 'phone', { number: `+1 555 01${String(i).padStart(2, '0')} 3000`, location: 'Work' });
        if (chance(0.5)) contact(id, 'web', { url: `https://www.${emailLocal(name, '')}.example`, location: 'Work' });
        if (chance(0.4)) { const a = pick(COUNTRIES); contact(id, 'address', { ...a, location: 'Work' }); }
        if (chance(0.5)) tagParty(db, pick(tagIds), id);
        if (chance(0.3)) setSubjectData(db, id, fieldRegion, pick(REGIONS));
        return { id, name };
      });

      for (let i = 0; i < peopleCount; i++) {
        const cjk = i % 23 === 5;
        const [first, last] = cjk ? pick(CJK) : [pick(FIRST), pick(LAST)];
        const company = chance(0.8) ? pick(companyIds) : null;
        const s = stamp();
        const owner = i % 41 === 7 ? users[1] : null; // a few private records owned by the second user
        const id = insertParty(db, {
          account_id: accountId, type: 'Person', first_name: first, last_name: i % 37 === 3 ? null : last,
          title: chance(0.75) ? pick(TITLES) : null, background: chance(0.15) ? pick(BACKGROUNDS) : null,
          linkedin_url: chance(0.2) ? `https://www.linkedin.com/in/${emailLocal(first, last).replace('.', '-')}` : null,
          company_id: company?.id ?? null, author_id: pick(users), visible_to: owner ? 'Owner' : 'Everyone', owner_id: owner, ...s,
        });
        const local = emailLocal(first, last) + (i > 40 ? String(i) : '');
        const domain = company ? `${emailLocal(company.name, '').slice(0, 16) || 'company'}.example` : 'mail.example';
        // A few addresses keep the stray whitespace and capitals seen in real data (REAL-WORLD #10).
        contact(id, 'email', { address: i % 19 === 0 ? ` ${local.replace(/^./, (c) => c.toUpperCase())}@${domain.toUpperCase()}` : `${local}@${domain}`, location: 'Work' });
        if (chance(0.35)) contact(id, 'email', { address: `${local}@home.example`, location: pick(['Home', 'Other']) });
        const phones = Math.floor(rand() * 3);
        for (let p = 0; p <= phones; p++) {
          contact(id, 'phone', {
            number: pick(['(555) 010-', '+44 20 7946 ', '+49 30 901820', '555.010.', '+81 3-1234-'])+ String(1000 + Math.floor(rand() * 8999)) + (i % 29 === 0 ? ' ' : ''),
            location: pick(['Work', 'Mobile', 'Home', 'Fax', 'Skype', 'Other']),
          });
        }
        const addresses = Math.floor(rand() * 3);
        for (let a = 0; a < addresses; a++) contact(id, 'address', { ...pick(COUNTRIES), location: pick(['Work', 'Home', 'Other']) });
        if (chance(0.15)) contact(id, 'im', { address: local, protocol: pick(['Skype', 'Jabber', 'Google Talk', 'QQ', 'AIM']), location: pick(['Work', 'Personal']) });
        if (chance(0.2)) contact(id, 'twitter', { username: local.replace('.', '_').slice(0, 15), url: `http://twitter.com/${local.replace('.', '_').slice(0, 15)}`, location: 'Personal' });
        if (chance(0.2)) contact(id, 'web', { url: `https://${local.replace('.', '-')}.example`, location: pick(['Work', 'Personal']) });
        const tagCount = Math.floor(rand() * 4);
        for (let t = 0; t < tagCount; t++) tagParty(db, pick(tagIds), id);
        if (chance(0.6)) setSubjectData(db, id, fieldCustomer, String(700 + i * 3));
        if (chance(0.5)) setSubjectData(db, id, fieldRegion, pick(REGIONS));
        if (chance(0.3)) setSubjectData(db, id, fieldBirthday, `19${60 + Math.floor(rand() * 40)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`);
      }
    };

    populate(1, acmeUsers, large ? 20_000 : 240, large ? companyNames(3_000) : COMPANIES);
    populate(2, northwindUsers, 30, ['Northwind Traders', 'Fabrikam Studio', 'Contoso Prints', 'Tailspin Toys', 'Wide World Importers', 'Adventure Works', 'Litware & Sons', 'Proseware']);
    // Everything beyond people and companies comes from its own PRNG, so the party seed above never shifts.
    seedRecords(db, { accountId: 1, users: acmeUsers, size: large ? 'large' : 'small', nowMs, timeZone: 'America/Chicago' });
    seedRecords(db, { accountId: 2, users: northwindUsers, size: 'tiny', nowMs, timeZone: 'Europe/London' });
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', '1')").run();
    return { demoAccountId: 1, demoApiToken: seededApiToken('1:1') };
  });
  return run();
}

export function isSeeded(db: Db): boolean {
  return db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get() !== undefined;
}
