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

  it('seeds deals, cases, categories, notes with comments and files, tasks across frames, groups', async () => {
    const t = makeSandbox({ now: () => new Date('2026-03-04T15:00:00Z') });
    const db = t.sandbox.db;
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM deals WHERE account_id = 1')).toBe(40);
    expect(count("SELECT count(DISTINCT status) AS n FROM deals WHERE account_id = 1")).toBe(3);
    expect(count('SELECT count(*) AS n FROM deals WHERE account_id = 1 AND category_id IS NULL')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM deals WHERE account_id = 1 AND price IS NULL')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM deal_categories WHERE account_id = 1')).toBe(5);
    expect(count('SELECT count(*) AS n FROM task_categories WHERE account_id = 1')).toBe(5);
    expect(count('SELECT count(*) AS n FROM kases WHERE account_id = 1 AND closed_at IS NULL')).toBe(10);
    expect(count('SELECT count(*) AS n FROM kases WHERE account_id = 1 AND closed_at IS NOT NULL')).toBe(3);
    expect(count("SELECT count(*) AS n FROM recordings WHERE parent_id = 20000001")).toBe(2);
    expect(count('SELECT count(*) AS n FROM attachments WHERE recording_id = 20000001')).toBe(1);
    expect(count('SELECT count(*) AS n FROM tasks WHERE account_id = 1 AND recurring_period IS NOT NULL')).toBeGreaterThan(1);
    expect(count('SELECT count(*) AS n FROM tasks WHERE account_id = 1 AND done_at IS NOT NULL')).toBeGreaterThan(1);
    expect(count('SELECT count(*) AS n FROM memberships WHERE account_id = 1')).toBe(4);
    const frames = new Set((await (await t.request('/sandbox/highrise/1/tasks/all.xml', { headers: t.basic() })).text()).match(/<frame>\w+<\/frame>/g));
    expect(frames.size).toBe(6);
    // Same clock, same rows: the records seed is deterministic too.
    const other = makeSandbox({ now: () => new Date('2026-03-04T15:00:00Z') });
    const dump = (x: typeof t) => JSON.stringify(x.sandbox.db.prepare('SELECT * FROM deals ORDER BY id').all()) + JSON.stringify(x.sandbox.db.prepare('SELECT * FROM tasks ORDER BY id').all());
    expect(dump(other)).toBe(dump(t));
  });

  it.runIf(process.env.SANDBOX_LARGE_TEST === '1')('seeds the large data set in under a minute', () => {
    const started = performance.now();
    const t = makeSandbox({ seedSize: 'large' });
    const seconds = (performance.now() - started) / 1000;
    const count = (sql: string) => (t.sandbox.db.prepare(sql).get() as { n: number }).n;
    console.log(`large seed: ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);
    expect(count("SELECT count(*) AS n FROM parties WHERE account_id = 1 AND type = 'Person'")).toBe(20_000);
    expect(count("SELECT count(*) AS n FROM parties WHERE account_id = 1 AND type = 'Company'")).toBe(3_000);
    expect(count('SELECT count(*) AS n FROM deals WHERE account_id = 1')).toBe(1_000);
    expect(count('SELECT count(*) AS n FROM kases WHERE account_id = 1')).toBe(200);
    expect(count("SELECT count(*) AS n FROM recordings WHERE account_id = 1 AND type IN ('Note', 'Email')")).toBe(50_000);
    expect(count('SELECT count(*) AS n FROM tasks WHERE account_id = 1')).toBe(5_000);
  }, 90_000);

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
