/**
 * Pacing against a sandbox that enforces Highrise's limits: requests wait for a slot instead of
 * bouncing off 503s. The 400-request test takes ~10 s by design (150 per 5 s) — the only slow test.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxServer, testConfig, type SandboxServer } from '../test/harness.js';
import { apiTokenSource, HighriseClient } from './client.js';
import { resetPacing } from './pacer.js';
import type { RequestLog } from './request-log.js';

let sb: SandboxServer;
/** Every status the sandbox answered, as the client's fetch saw it (503s included, even when retried). */
let statuses: number[] = [];
let logs: RequestLog[] = [];

const countingFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  statuses.push(res.status);
  return res;
};

beforeAll(async () => {
  // Highrise's published limits, with the special buckets shortened so their tests stay quick.
  sb = await startSandboxServer({ rateLimit: { general: [150, 5], searchByEmail: [2, 1], recordings: [10, 1] } });
});
afterAll(() => sb.close());
beforeEach(() => {
  resetPacing();
  statuses = [];
  logs = [];
});

function client(): HighriseClient {
  const base = testConfig(sb.origin);
  const config = {
    ...base,
    highrise: {
      ...base.highrise,
      timeoutMs: 10_000,
      pacing: { general: { requests: 150, windowMs: 5000 }, searchByEmail: { requests: 2, windowMs: 1000 }, recordings: { requests: 10, windowMs: 1000 } },
    },
  };
  return new HighriseClient({ baseUrl: `${sb.origin}/sandbox/highrise/1`, tokens: apiTokenSource(sb.sandbox.demo.apiToken), config, fetch: countingFetch, log: (l) => logs.push(l) });
}

describe('pacing per account', () => {
  it('sends 400 requests at once with zero 503s from a sandbox enforcing 150 per 5 s', { timeout: 40_000 }, async () => {
    const hr = client();
    const results = await Promise.all(Array.from({ length: 400 }, (_, i) => hr.request('GET', i % 2 ? '/account.xml' : '/me.xml')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(statuses).toHaveLength(400);
    expect(statuses.filter((s) => s === 503)).toEqual([]);
    expect(logs.every((l) => l.retries === 0)).toBe(true);
    // The later ones really waited for a slot (two full windows for the last hundred).
    const paced = logs.map((l) => l.pacedMs).sort((a, b) => a - b);
    expect(paced[399]).toBeGreaterThanOrEqual(9_000);
  });

  it('paces search by email on its own, tighter limit', { timeout: 15_000 }, async () => {
    const hr = client();
    const results = await Promise.all(Array.from({ length: 5 }, () => hr.request('GET', '/people/search.xml', { query: { 'criteria[email]': 'nobody@example.com' } })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(statuses.filter((s) => s === 503)).toEqual([]);
  });

  it('paces /recordings.xml on its own limit', { timeout: 15_000 }, async () => {
    const hr = client();
    const results = await Promise.all(Array.from({ length: 22 }, () => hr.request('GET', '/recordings.xml')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(statuses.filter((s) => s === 503)).toEqual([]);
  });
});
