import { afterEach, describe, expect, it } from 'vitest';
import { acquireSlot, bucketFor, resetPacing } from './pacer.js';
import { iterateOffsets } from './paginate.js';
import { formatRequestLog, loggablePath } from './request-log.js';
import { parseRetryAfter } from './retry-after.js';
import { fieldsFromMessages } from './upstream-errors.js';
import { personSchema } from './models/person.js';

afterEach(() => resetPacing());

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('pacing', () => {
  const limits = { general: { requests: 3, windowMs: 300 }, searchByEmail: { requests: 1, windowMs: 400 }, recordings: { requests: 10, windowMs: 1000 } };

  it('knows which requests fall under the special limits', () => {
    expect(bucketFor(new URL('https://x.example/people/search.xml?criteria[email]=a@b'))).toBe('searchByEmail');
    expect(bucketFor(new URL('https://x.example/people/search.xml?email=a@b'))).toBe('searchByEmail');
    expect(bucketFor(new URL('https://x.example/people/search.xml?term=Jo'))).toBeNull();
    expect(bucketFor(new URL('https://x.example/parties/search.xml?term=jo@example.com'))).toBe('searchByEmail');
    expect(bucketFor(new URL('https://x.example/recordings.xml?n=25'))).toBe('recordings');
    expect(bucketFor(new URL('https://x.example/people.xml'))).toBeNull();
  });

  const take = async (account: string, url: URL) => {
    const slot = await acquireSlot(account, url, limits);
    slot.release();
    return slot.waitedMs;
  };

  it('lets a window of requests through, then makes the next wait', async () => {
    const url = new URL('https://a.example/people.xml');
    const started = Date.now();
    const waits = await Promise.all([1, 2, 3, 4].map(() => take('https://a.example', url)));
    expect(waits.slice(0, 3).every((w) => w < 50)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('keeps accounts apart', async () => {
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => take('https://a.example', new URL('https://a.example/people.xml'))));
    await Promise.all([1, 2, 3].map(() => take('https://b.example', new URL('https://b.example/people.xml'))));
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('paces search by email on its own, tighter window', async () => {
    const url = new URL('https://a.example/people/search.xml?criteria[email]=x');
    const started = Date.now();
    await take('https://a.example', url);
    await take('https://a.example', url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('counts a request as occupying its slot until it ends, and its window from its end', async () => {
    const url = new URL('https://c.example/people.xml');
    const held = await Promise.all([1, 2, 3].map(() => acquireSlot('https://c.example', url, limits)));
    let fourthStarted = 0;
    const fourth = acquireSlot('https://c.example', url, limits).then((s) => {
      fourthStarted = Date.now();
      return s;
    });
    // Three requests in flight for longer than the window: the fourth must still wait.
    await new Promise((r) => setTimeout(r, 400));
    expect(fourthStarted).toBe(0);
    const endedAt = Date.now();
    held[0].release();
    (await fourth).release();
    // …until the first one's window (counted from when it ended) has passed.
    expect(fourthStarted - endedAt).toBeGreaterThanOrEqual(290);
    held[1].release();
    held[2].release();
  });
});

describe('iterateOffsets', () => {
  it('walks until a short page', async () => {
    const asked: number[] = [];
    const items = await iterateOffsets(async (n) => {
      asked.push(n);
      const size = n < 4 ? 2 : 1;
      return Array.from({ length: size }, (_, i) => ({ id: n + i }));
    }, 2);
    expect(asked).toEqual([0, 2, 4]);
    expect(items.map((i) => i.id)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops when Highrise hands back the same page (ignored paging) and dedupes', async () => {
    let calls = 0;
    const items = await iterateOffsets(async () => {
      calls++;
      return [{ id: 1 }, { id: 2 }];
    }, 2);
    expect(calls).toBe(2);
    expect(items).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('request log', () => {
  it('keeps paths account-relative and hides query values that could identify someone', () => {
    const base = new URL('https://acme.highrisehq.com/');
    expect(loggablePath(new URL('https://acme.highrisehq.com/people.xml?n=500'), base)).toBe('/people.xml?n=500');
    expect(loggablePath(new URL('https://acme.highrisehq.com/people/search.xml?criteria[email]=a@b.c'), base)).toBe('/people/search.xml?criteria[email]=…');
    const sandbox = new URL('http://127.0.0.1:3000/sandbox/highrise/1/');
    expect(loggablePath(new URL('http://127.0.0.1:3000/sandbox/highrise/1/people/4.xml'), sandbox)).toBe('/people/4.xml');
    expect(formatRequestLog({ method: 'GET', path: '/people.xml', status: 200, durationMs: 12, retries: 1, pacedMs: 0 })).toBe('highrise GET /people.xml 200 12ms retries=1');
  });
});

describe('422 messages to fields', () => {
  it('maps Rails full messages to the JSON field they name', () => {
    expect(fieldsFromMessages(["First name can't be blank", 'Company name is too long', 'Location is not included in the list'], personSchema)).toEqual({
      firstName: ["First name can't be blank"],
      companyName: ['Company name is too long'],
    });
    expect(fieldsFromMessages(['Something else'], personSchema)).toBeUndefined();
  });
});
