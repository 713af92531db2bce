import { parseErrors } from './codec/parse.js';
import type { RecordSchema } from './codec/schema.js';
import { HttpError } from '../http-error.js';

/**
 * Highrise's failure answers, turned into sentences a person can act on. Bodies are read as XML
 * only when the response says it is XML: a 401 is plain text (`HTTP Basic: Access denied.`).
 */

/** A Highrise answer with its body already read (reading it can fail too, so the client does it up front). */
export interface UpstreamResponse {
  status: number;
  headers: Headers;
  body: string;
}

export function isXml(res: { headers: Headers }): boolean {
  return /\bxml\b/i.test(res.headers.get('content-type') ?? '');
}

/**
 * Rails full messages start with the humanised attribute name ("First name can't be blank").
 * Map them to the JSON field they name, using the resource's own schema so no table drifts.
 */
export function fieldsFromMessages(messages: string[], schema: RecordSchema | undefined): Record<string, string[]> | undefined {
  if (!schema) return undefined;
  const labels = Object.entries(schema)
    .filter(([, f]) => f.kind === 'scalar' && f.writable)
    .map(([key, f]) => ({ key, label: humanise(f.xml) }))
    .sort((a, b) => b.label.length - a.label.length);
  const fields: Record<string, string[]> = {};
  for (const message of messages) {
    const hit = labels.find(({ label }) => message.toLowerCase().startsWith(`${label.toLowerCase()} `));
    if (hit) (fields[hit.key] ??= []).push(message);
  }
  return Object.keys(fields).length ? fields : undefined;
}

function humanise(xmlName: string): string {
  const words = xmlName.replace(/[-_]/g, ' ').replace(/ id$/, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function errorForStatus(res: UpstreamResponse, schema?: RecordSchema): HttpError {
  const status = res.status;
  switch (status) {
    case 403:
      return new HttpError(403, 'Highrise says you are not allowed to do that in this account. Ask an account administrator if you need access.', { code: 'forbidden' });
    case 404:
      return new HttpError(404, 'That record no longer exists in Highrise (it may have been deleted).', { code: 'not_found' });
    case 422: {
      const messages = isXml(res) ? parseErrors(res.body) : [];
      const detail = messages.length ? messages.join('; ') : 'Highrise did not say why. Check the fields and try again.';
      return new HttpError(422, `Highrise could not save this: ${detail}`, { code: 'rejected', fields: fieldsFromMessages(messages, schema) });
    }
    case 507:
      return new HttpError(507, "Your Highrise plan's limit is reached, so Highrise will not store more. Remove records you no longer need or upgrade the plan, then try again.", {
        code: 'plan_limit',
      });
    default:
      if (status >= 500) {
        return new HttpError(502, `Highrise had a problem answering (status ${status}). Try again in a moment.`, { code: 'upstream_error' });
      }
      return new HttpError(502, `Highrise answered in a way Skyline did not expect (status ${status}). Try again; if it keeps happening, tell us.`, {
        code: 'upstream_unexpected',
      });
  }
}
