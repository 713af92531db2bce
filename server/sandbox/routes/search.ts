// Search (people, companies, parties) by term or criteria, recently viewed parties, party deletions, vCards.
import { renderCompanies, renderDeletions, renderParties, renderPeople } from '../render.js';
import { VCARD_CONTENT_TYPE, vcard } from '../render-records.js';
import { type DeletionRow, type PartyRow, bundleParties, fold, getParty, listSubjectFields, stmt, visibleSql } from '../store.js';
import { PAGE_SIZE } from './parties-list.js';
import { SEARCH_PAGE, locationOf, sinceParam } from './common.js';
import { notFound, offsetParam, xml } from './respond.js';
import type { Bucket, HighriseRequest, Route } from './types.js';

type Kind = 'Person' | 'Company' | 'Party';

/** criteria[...] for people/companies; plain params (or criteria[...]) for parties. */
function criteriaOf(query: URLSearchParams, plain: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of query) {
    const m = /^criteria\[(.+)\]$/.exec(k);
    const key = m ? m[1] : plain ? k : null;
    if (key === null || v.trim() === '') continue;
    if (['n', 'strict', 'page', 'term'].includes(key) && !m) continue;
    out.set(key.trim(), v.trim());
  }
  return out;
}

/** Searching by email address has its own, lower limit (README: 2 requests per 10 s). */
export function searchBucket(plain: boolean) {
  return (query: URLSearchParams): Bucket => {
    const c = criteriaOf(query, plain);
    return c.has('email') || (query.get('term') ?? '').includes('@') ? 'searchByEmail' : 'general';
  };
}

/** A LIKE pattern for "contains": % and _ in what was typed are literal (Highrise matches text, not SQL patterns). */
const containing = (v: string) => `%${v.replace(/[\\%_]/g, '\\$&')}%`;
const ESC = "ESCAPE '\\'";

const NAME = "fold(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '') || ' ' || coalesce(p.name, '')))";

function search(kind: Kind) {
  const plain = kind === 'Party';
  return (r: HighriseRequest): Response => {
    const criteria = criteriaOf(r.query, plain);
    const strict = r.query.get('strict') === '1' || r.query.get('strict') === 'true';
    const term = (r.query.get('term') ?? '').trim() || criteria.get('name') || '';
    criteria.delete('name');
    const where = ['p.account_id = @a', visibleSql('p')];
    const params: Record<string, unknown> = { a: r.account.id, viewer: r.user.id, limit: SEARCH_PAGE, offset: offsetParam(r.query) };
    if (kind !== 'Party') where.push(`p.type = '${kind}'`);
    let n = 0;
    const bind = (v: unknown) => {
      const key = `p${n++}`;
      params[key] = v;
      return '@' + key;
    };
    if (term) {
      if (term.includes('@') && !strict) {
        where.push(`(${NAME} LIKE ${bind(containing(fold(term)))} ${ESC} OR EXISTS (SELECT 1 FROM contacts c WHERE c.party_id = p.id AND c.kind = 'email' AND fold(trim(c.address)) = ${bind(fold(term))}))`);
      } else if (strict) {
        // strict=1: a whole word of the name (or the whole name) must equal the term: "jon" finds Jon, "jo" does not.
        const t = fold(term);
        where.push(`(${NAME} = ${bind(t)} OR ' ' || ${NAME} || ' ' LIKE ${bind(containing(` ${t} `))} ${ESC})`);
      } else {
        // Loose: a substring anywhere in the name (REAL-WORLD #21: "Jo" finds "Major Co").
        where.push(`${NAME} LIKE ${bind(containing(fold(term)))} ${ESC}`);
      }
    }
    const fields = listSubjectFields(r.db, r.account.id, 'party');
    let usable = term !== '';
    for (const [key, value] of criteria) {
      const v = fold(value);
      const like = strict ? bind(v) : `${bind(containing(v))} ${ESC}`;
      const op = strict ? '=' : 'LIKE';
      if (['city', 'state', 'zip', 'country', 'street'].includes(key)) {
        where.push(`EXISTS (SELECT 1 FROM contacts c WHERE c.party_id = p.id AND c.kind = 'address' AND fold(trim(c.${key})) ${op} ${like})`);
      } else if (key === 'phone') {
        const digits = value.replace(/\D/g, '');
        if (!digits) continue;
        where.push(`EXISTS (SELECT 1 FROM contacts c WHERE c.party_id = p.id AND c.kind = 'phone' AND digits(c.number) LIKE ${bind(`%${digits}%`)})`);
      } else if (key === 'email') {
        // Compared on a normalised form: trimmed, case-folded (REAL-WORLD #10); a whole address unless partial.
        where.push(`EXISTS (SELECT 1 FROM contacts c WHERE c.party_id = p.id AND c.kind = 'email' AND fold(trim(c.address)) ${value.includes('@') ? '=' : 'LIKE'} ${value.includes('@') ? bind(v) : `${bind(containing(v))} ${ESC}`})`);
      } else if (key === 'title' && kind !== 'Company') {
        where.push(`fold(coalesce(p.title, '')) ${op} ${like}`);
      } else {
        // A custom field by label (spaces or underscores, any case), by id, or as subject_field_{id}.
        const norm = (s: string) => fold(s).replace(/[\s_]+/g, ' ').trim();
        const idMatch = /^(?:subject_field_)?(\d+)$/.exec(key);
        const field = fields.find((f) => (idMatch ? f.id === Number(idMatch[1]) : norm(f.label) === norm(key)));
        if (!field) continue; // unknown criteria are ignored, as the Contacts tab does
        where.push(`EXISTS (SELECT 1 FROM subject_datas d WHERE d.party_id = p.id AND d.subject_field_id = ${field.id} AND fold(d.value) ${op} ${like})`);
      }
      usable = true;
    }
    let rows: PartyRow[] = [];
    if (usable) {
      const order = kind === 'Company' ? "fold(coalesce(p.name, '')), p.id"
        : "fold(coalesce(p.last_name, p.name, '')), fold(coalesce(p.first_name, '')), p.id";
      rows = stmt(r.db, `SELECT p.* FROM parties p WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(params) as PartyRow[];
    }
    const bundles = bundleParties(r.db, rows);
    return xml(r.c, kind === 'Person' ? renderPeople(r, bundles) : kind === 'Company' ? renderCompanies(r, bundles) : renderParties(r, bundles));
  };
}

function recentlyViewed(r: HighriseRequest): Response {
  if (r.query.get('scope') !== 'recently_viewed') return notFound(r.c);
  const rows = stmt(r.db, `SELECT p.* FROM party_views v JOIN parties p ON p.id = v.party_id
    WHERE v.user_id = @viewer AND p.account_id = @a AND ${visibleSql('p')} ORDER BY v.seq DESC LIMIT 50`)
    .all({ viewer: r.user.id, a: r.account.id }) as PartyRow[];
  return xml(r.c, renderParties(r, bundleParties(r.db, rows)));
}

function partyDeletions(r: HighriseRequest): Response {
  const since = sinceParam(r);
  if (!since.ok) return since.response;
  const rows = stmt(r.db, `SELECT record_type, record_id, deleted_at FROM deletions WHERE account_id = @a AND record_type IN ('Person', 'Company')
    AND (@since IS NULL OR deleted_at >= @since) ORDER BY deleted_at, seq LIMIT @limit OFFSET @offset`)
    .all({ a: r.account.id, since: since.iso ?? null, limit: PAGE_SIZE, offset: offsetParam(r.query) }) as DeletionRow[];
  return xml(r.c, renderDeletions(rows));
}

const vcf = (type: 'Person' | 'Company') => (r: HighriseRequest): Response => {
  const row = getParty(r.db, r.account.id, r.user.id, type, Number(r.params[0]));
  if (!row) return notFound(r.c);
  const b = bundleParties(r.db, [row])[0];
  const name = (type === 'Person' ? [row.first_name, row.last_name].filter(Boolean).join(' ') : row.name ?? '') || 'contact';
  return r.c.body(vcard(b, locationOf(r, `${type === 'Person' ? 'people' : 'companies'}/${row.id}.xml`)), 200, {
    'Content-Type': VCARD_CONTENT_TYPE,
    'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}.vcf"`,
  });
};

export const searchRoutes: Route[] = [
  { method: 'GET', pattern: /^\/people\/search\.xml$/, handler: search('Person'), bucket: searchBucket(false) },
  { method: 'GET', pattern: /^\/companies\/search\.xml$/, handler: search('Company'), bucket: searchBucket(false) },
  { method: 'GET', pattern: /^\/parties\/search\.xml$/, handler: search('Party'), bucket: searchBucket(true) },
  { method: 'GET', pattern: /^\/parties\/parties\.xml$/, handler: recentlyViewed },
  { method: 'GET', pattern: /^\/parties\/deletions\.xml$/, handler: partyDeletions },
  { method: 'GET', pattern: /^\/people\/(\d+)\.vcf$/, handler: vcf('Person') },
  { method: 'GET', pattern: /^\/companies\/(\d+)\.vcf$/, handler: vcf('Company') },
];
