import type { Person } from '../../../server/api/types';

type Named = Pick<Person, 'firstName' | 'lastName'>;

export function fullName(p: Named): string {
  const name = [p.firstName, p.lastName].filter((s) => s && s.trim()).join(' ').trim();
  return name || 'Unnamed person';
}

export function initials(p: Named): string {
  const parts = [p.firstName, p.lastName].filter((s): s is string => !!s && !!s.trim());
  const letters = parts.map((s) => Array.from(s.trim())[0]?.toUpperCase() ?? '').join('');
  return letters.slice(0, 2) || '?';
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A `tel:` link for a phone number as stored, or null when it has no digit to dial ("call me maybe",
 * "n/a"): then it is shown as plain text. Only what a dialler understands is kept (digits, +, *, #,
 * and , ; for pauses).
 */
export function telHref(raw: string | null | undefined): string | null {
  if (!raw || !/\d/.test(raw)) return null;
  return `tel:${raw.replace(/[^\d+*#,;]/g, '')}`;
}

export function formatAddress(a: { street: string | null; city: string | null; state: string | null; zip: string | null; country: string | null }): string {
  const cityLine = [a.city, [a.state, a.zip].filter(Boolean).join(' ')].filter((s) => s && s.trim()).join(', ');
  return [a.street, cityLine, a.country].filter((s) => s && s.trim()).join('\n');
}

/** Dates in the viewer's own time zone, with the zone named so it is never ambiguous. */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(d);
}

export function primary<T extends { location: string | null }>(rows: T[] | undefined, prefer = 'Work'): T | undefined {
  if (!rows || rows.length === 0) return undefined;
  return rows.find((r) => r.location === prefer) ?? rows[0];
}

export function twitterUrl(username: string | null): string | null {
  if (!username) return null;
  const handle = username.replace(/^@/, '').trim();
  return /^\w{1,64}$/.test(handle) ? `https://twitter.com/${handle}` : null;
}
