import { Hono } from 'hono';
import { requireAccount, type AppEnv } from '../context.js';
import { HttpError } from '../http-error.js';
import { idParam } from './params.js';

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
  const stem = (upstreamName ?? `${subject === 'people' ? 'person' : 'company'}-${id}.vcf`).replace(/[^\w .()-]/g, '_');
  const filename = stem.toLowerCase().endsWith('.vcf') ? stem : `${stem}.vcf`;
  return c.body(res.body, 200, {
    'Content-Type': 'text/vcard; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
});
