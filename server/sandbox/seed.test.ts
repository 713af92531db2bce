import { describe, expect, it } from 'vitest';
import { PEOPLE, makeSandbox } from './test-helpers.js';

describe('seed', () => {
  it('is deterministic: two fresh databases give the same demo token and the same first person', async () => {
    const a = makeSandbox();
    const b = makeSandbox();
    expect(a.sandbox.demo).toEqual(b.sandbox.demo);
    expect(a.sandbox.demo).toMatchObject({ accountId: 1, accountPath: '/sandbox/highrise/1' });
    const first = async (t: typeof a) => (await (await t.request(`/sandbox/highrise/1/people/1000001.xml`, { headers: t.basic() })).text());
    expect(await first(a)).toBe(await first(b));
    const listA = await (await a.request(PEOPLE, { headers: a.basic() })).text();
    const listB = await (await b.request(PEOPLE, { headers: b.basic() })).text();
    expect(listA).toBe(listB);
  });

  it('seeds two accounts, four identities, international data, and quickly', () => {
    const started = performance.now();
    const t = makeSandbox();
    expect(performance.now() - started).toBeLessThan(1000);
    const db = t.sandbox.db;
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM parties WHERE account_id = 1 AND type = 'Person'")).toBeGreaterThanOrEqual(200);
    expect(count("SELECT count(*) AS n FROM parties WHERE account_id = 1 AND type = 'Company'")).toBeGreaterThanOrEqual(40);
    expect(count("SELECT count(*) AS n FROM parties WHERE account_id = 2 AND type = 'Person'")).toBe(30);
    expect(count('SELECT count(*) AS n FROM identities')).toBeGreaterThanOrEqual(4);
    expect(count('SELECT count(*) AS n FROM users WHERE account_id = 2')).toBeGreaterThanOrEqual(3);
    expect(count("SELECT count(*) AS n FROM parties WHERE last_name LIKE '%''%'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM parties WHERE background LIKE '%' || char(13) || char(10) || '%'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM parties WHERE first_name IN ('太郎', '芳', 'Renée', 'Łukasz', 'Søren')")).toBeGreaterThan(0);
  });

  it('survives a reopen of a file database without reseeding', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
    try {
      const path = join(dir, 'nested', 'sandbox.sqlite');
      const one = makeSandbox({ dbPath: path });
      await one.request(PEOPLE, { method: 'POST', headers: one.xmlHeaders(), body: '<person><first-name>Persisted</first-name></person>' });
      one.sandbox.close();
      const two = makeSandbox({ dbPath: path });
      const n = (two.sandbox.db.prepare("SELECT count(*) AS n FROM parties WHERE first_name = 'Persisted'").get() as { n: number }).n;
      expect(n).toBe(1);
      expect((two.sandbox.db.pragma('journal_mode') as { journal_mode: string }[])[0].journal_mode).toBe('wal');
      two.sandbox.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
