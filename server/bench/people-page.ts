/**
 * A realistic `GET /people.xml` page: 500 people shaped like the recorded pages in fixtures/
 * (alphabetical columns then computed ones, nil spellings, self-closing empty arrays, underscored
 * custom fields, tags, numeric character references, raw UTF-8, CRLF, escaped markup).
 * Deterministic (seeded), so runs compare like with like.
 */

const FIRST = ['Renée', 'José', 'Zoë', 'Łukasz', 'Søren', 'Ana', 'Mei', '美咲', 'Олег', 'Yusuf', 'Chloé', 'Ng', 'Björn', 'Aoife', 'Dario'];
const LAST = ['Okafor', 'Núñez', 'Müller', 'Kowalski', 'Ødegaard', 'Silva', 'Chen', '佐藤', 'Иванов', 'Yılmaz', 'Dubois', 'Nguyen', 'Åberg', "O'Neill", 'Rossi'];
const COMPANIES = ['Harbor & Finch Ltd', 'Quayside Capital', 'Lumen & Oak', 'Northgate Holdings', 'Café <Bleu>', 'Ærø Shipping', 'Šumava s.r.o.'];
const TAGS = ['Trade Fair 2012', 'Investor - Private Equity', 'VIP', 'Newsletter', 'Prospect', 'Partner'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Non-ASCII as numeric references in some records (REAL-WORLD #9), raw UTF-8 in others. */
function ncr(s: string): string {
  return esc(s).replace(/[^\x00-\x7f]/gu, (ch) => `&#${ch.codePointAt(0)};`);
}

export function peoplePageXml(count = 500, seed = 42): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<people type="array">\n'];
  for (let i = 0; i < count; i++) {
    const id = 116230001 + i;
    const enc = i % 3 === 0 ? ncr : esc;
    const first = pick(FIRST);
    const last = pick(LAST);
    const company = pick(COMPANIES);
    const hasBackground = r() < 0.6;
    const nTags = Math.floor(r() * 3);
    const nPhones = Math.floor(r() * 3);
    const nCustom = Math.floor(r() * 3);
    let p = '  <person>\n';
    p += `    <author-id type="integer">${708100 + (i % 7)}</author-id>\n`;
    p += hasBackground
      ? `    <background>${enc(`Met ${first} at the Lisbon trade fair.\r\nPrefers calls after 3pm – ask for ${last}’s assistant. Budget < $10k & "urgent".`)}</background>\n`
      : '    <background nil="true"/>\n';
    p += `    <company-id type="integer">${116620001 + (i % 40)}</company-id>\n`;
    p += `    <created-at type="datetime">2012-05-${String(1 + (i % 28)).padStart(2, '0')}T22:50:40Z</created-at>\n`;
    p += `    <first-name>${enc(first)}</first-name>\n`;
    p += '    <group-id type="integer" nil="true"/>\n';
    p += `    <id type="integer">${id}</id>\n`;
    p += `    <last-name>${enc(last)}${i % 11 === 0 ? '&#160;' : ''}</last-name>\n`;
    p += '    <owner-id type="integer" nil="true"/>\n';
    p += r() < 0.5 ? `    <title>${enc(pick(['CEO', 'Head of Procurement', 'Directeur général', 'CTO & co-founder']))}</title>\n` : '    <title nil="true"/>\n';
    p += `    <updated-at type="datetime">2013-03-09T18:04:${String(i % 60).padStart(2, '0')}Z</updated-at>\n`;
    p += '    <visible-to>Everyone</visible-to>\n';
    p += `    <company-name>${enc(company)}</company-name>\n`;
    p += '    <linkedin-url nil="true"/>\n';
    p += '    <avatar-url>http://dge9rmgqjs8m1.cloudfront.net/highrise/missing/avatar.gif?r=3</avatar-url>\n';
    if (nTags > 0) {
      p += '    <tags type="array">\n';
      for (let t = 0; t < nTags; t++) p += `      <tag>\n        <id type="integer">${1353601 + t}</id>\n        <name>${esc(TAGS[(i + t) % TAGS.length])}</name>\n      </tag>\n`;
      p += '    </tags>\n';
    }
    p += '    <contact-data>\n      <instant-messengers type="array"/>\n';
    if (r() < 0.4) {
      p += `      <addresses type="array">\n        <address>\n          <city>${enc(pick(['Porto', 'Zürich', 'Kraków', 'München']))}</city>\n          <country nil="true"/>\n          <id type="integer">${90210001 + i}</id>\n          <location>Work</location>\n          <state nil="true"/>\n          <street>12 Rua Exemplo</street>\n          <zip>4000-001</zip>\n        </address>\n      </addresses>\n`;
    } else p += '      <addresses type="array"/>\n';
    p += '      <twitter-accounts type="array"/>\n';
    if (nPhones > 0) {
      p += '      <phone-numbers type="array">\n';
      for (let k = 0; k < nPhones; k++) p += `        <phone-number>\n          <id type="integer">${77410001 + i * 3 + k}</id>\n          <location>${k === 0 ? 'Work' : 'Mobile'}</location>\n          <number>(555) 010-${String(2000 + k).padStart(4, '0')} </number>\n        </phone-number>\n`;
      p += '      </phone-numbers>\n';
    } else p += '      <phone-numbers type="array"/>\n';
    p += '      <web-addresses type="array"/>\n';
    p += `      <email-addresses type="array">\n        <email-address>\n          <address> ${enc(first.toLowerCase())}.${i}@Example.COM</address>\n          <id type="integer">${38220001 + i}</id>\n          <location>Work</location>\n        </email-address>\n      </email-addresses>\n`;
    p += '    </contact-data>\n';
    if (nCustom > 0) {
      p += '    <subject_datas type="array">\n';
      for (let c = 0; c < nCustom; c++) p += `      <subject_data>\n        <id type="integer">${39316001 + i * 2 + c}</id>\n        <subject_field_id type="integer">${599801 + c}</subject_field_id>\n        <subject_field_label>${c === 0 ? 'Customer number' : 'Région'}</subject_field_label>\n        <value>${c === 0 ? 700 + i : enc('Île-de-France')}</value>\n      </subject_data>\n`;
      p += '    </subject_datas>\n';
    }
    p += '  </person>\n';
    parts.push(p);
  }
  parts.push('</people>\n');
  return parts.join('');
}
