import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { HttpError } from '../http-error.js';
import { contentDisposition } from './files.js';
import { idParam } from './params.js';

/**
 * Highrise's vCard names the record's Highrise URL in SOURCE; the browser is never told a Highrise URL,
 * so that property (with its folded continuation lines) is dropped.
 */
export function withoutHighriseUrls(vcard: string): string {
  const out: string[] = [];
  let dropping = false;
  for (const line of vcard.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) out.push(line);
      continue;
    }
    dropping = /^SOURCE[;:]/i.test(line);
    if (!dropping) out.push(line);
  }
  return out.join('\r\n');
}

/**
 * Exports that Highrise renders itself: a contact's vCard (`/people/{id}.vcf`, `/companies/{id}.vcf`),
 * handed to the browser as a download. (CSV of a list is built in the SPA from what it has loaded.)
 */
export const exportRoutes = new Hono<AppEnv>().use('*', requireAccount()).get('/:subject/:id/vcard', async (c) => {
  const subject = c.req.param('subject');
  if (subject !== 'people' && subject !== 'companies') {
    throw new HttpError(400, 'Only people and companies have vCards.', { code: 'bad_subject', fields: { subject: ['Must be people or companies.'] } });
  }
  const id = idParam(c);
  const res = await c.get('highrise').request('GET', `/${subject}/${id}.vcf`);
  const upstreamName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  // The UTF-8 name goes in filename* (RFC 6266/5987: "Renée Okafor.vcf"); filename= is an ASCII fallback.
  // Name the file after the contact (the vCard's FN is UTF-8; a Content-Disposition name may be mangled to ASCII).
  // Unfolded first (RFC 6350 §3.2): a long or non-Latin FN spans several physical lines.
  const unfolded = res.body.replace(/\r?\n[ \t]/g, '');
  const fullName = /^FN(?:;[^:\r\n]*)?:(.*?)\r?$/m.exec(unfolded)?.[1]?.replace(/\\([,;\\])/g, '$1').trim();
  const raw = (fullName || upstreamName || `${subject === 'people' ? 'person' : 'company'}-${id}`).trim() || `contact-${id}`;
  return c.body(withoutHighriseUrls(res.body), 200, {
    'Content-Type': 'text/vcard; charset=utf-8',
    'Content-Disposition': contentDisposition(raw.toLowerCase().endsWith('.vcf') ? raw : `${raw}.vcf`),
  });
});
