/** Type inference of the models, and the Launchpad authorization schema on the documented answer. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { authorizationSchema, highriseAccounts } from './authorization.js';
import type { Deal, DealWrite } from './deal.js';
import type { Deletion } from './deletion.js';
import type { Kase } from './kase.js';
import type { Party } from './party.js';
import type { Recording } from './recording.js';
import type { Task, TaskWrite } from './task.js';
import { sharedApi } from './test-support.js';

describe('inferred types', () => {
  it('deal', () => {
    expectTypeOf<Deal['status']>().toEqualTypeOf<'pending' | 'won' | 'lost' | null>();
    expectTypeOf<Deal['priceType']>().toEqualTypeOf<'fixed' | 'hour' | 'month' | 'year' | null>();
    expectTypeOf<Deal['parties']>().toEqualTypeOf<Party[]>();
    expectTypeOf<Deal['party']>().toEqualTypeOf<Party | null>();
    expectTypeOf<Deal['category']>().toEqualTypeOf<{ id: number | null; name: string | null } | null>();
    expectTypeOf<Deal['statusChangedOn']>().toEqualTypeOf<string | null>();
    // Never writable: status, category, party, parties (REAL-WORLD #11, #18).
    expectTypeOf<DealWrite>().not.toHaveProperty('status');
    expectTypeOf<DealWrite>().not.toHaveProperty('party');
    expectTypeOf<DealWrite>().not.toHaveProperty('parties');
    expectTypeOf<DealWrite>().not.toHaveProperty('category');
    expectTypeOf<DealWrite>().toHaveProperty('customFields');
  });

  it('case, task, recordings, deletions', () => {
    expectTypeOf<Kase['parties']>().toEqualTypeOf<Party[]>();
    expectTypeOf<Task['frame']>().toEqualTypeOf<'today' | 'tomorrow' | 'this_week' | 'next_week' | 'later' | 'overdue' | 'specific' | null>();
    expectTypeOf<TaskWrite>().not.toHaveProperty('doneAt');
    expectTypeOf<TaskWrite['dueAt']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Recording['type']>().toEqualTypeOf<'Note' | 'Email' | 'Comment'>();
    expectTypeOf<Deletion['type']>().toEqualTypeOf<string | null>();
  });
});

describe('Launchpad authorization.json', () => {
  it('accepts the documented answer (its sample has a trailing comma, removed here)', () => {
    const md = readFileSync(path.join(sharedApi, 'sections/launchpad-authentication.md'), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    const auth = authorizationSchema.parse(JSON.parse(json.replace(/,(\s*[}\]])/g, '$1')));
    expect(auth.expires_at).toBe('2012-03-22T16:56:48-05:00');
    expect(auth.identity).toMatchObject({ id: 9999999, first_name: 'Jason', email_address: 'jason@basecamp.com' });
    expect(auth.accounts.map((a) => a.product)).toEqual(['bc3', 'bcx', 'campfire']);
    expect(auth.accounts[0]).toEqual({ product: 'bc3', id: 99999999, name: 'Honcho Design', href: 'https://3.basecampapi.com/99999999', app_href: 'https://3.basecamp.com/99999999' });
    expect(highriseAccounts(auth)).toEqual([]);
  });

  it('keeps Highrise accounts, tolerates missing app_href and extra keys, rejects a bad href', () => {
    const auth = authorizationSchema.parse({
      expires_at: '2030-01-01T00:00:00Z',
      identity: { id: 1, first_name: 'A', last_name: 'B', email_address: 'a@b.c', extra: true },
      accounts: [{ product: 'highrise', id: '42', name: 'Acme', href: 'https://acme.highrisehq.com' }],
    });
    expect(highriseAccounts(auth)).toEqual([{ product: 'highrise', id: 42, name: 'Acme', href: 'https://acme.highrisehq.com' }]);
    expect(authorizationSchema.safeParse({ identity: {}, accounts: [{ product: 'highrise', id: 1, href: 'not a url' }] }).success).toBe(false);
    expect(authorizationSchema.safeParse({ expires_at: 'soon', identity: {}, accounts: [] }).success).toBe(false);
  });
});
