import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const sandbox = { SANDBOX: 'on' };

describe('Highrise client settings', () => {
  it('paces at the published limits by default: 150 per 5 s, 2 per 10 s by email, 10 per 10 s for recordings', () => {
    const { highrise } = loadConfig(sandbox);
    expect(highrise.pacing).toEqual({
      general: { requests: 150, windowMs: 5000 },
      searchByEmail: { requests: 2, windowMs: 10_000 },
      recordings: { requests: 10, windowMs: 10_000 },
    });
    expect(highrise.timeoutMs).toBe(30_000);
    expect(highrise.retryBudgetMs).toBe(20_000);
  });

  it('takes each limit, the timeout and the retry budget from the environment (REAL-WORLD #22: limits change)', () => {
    const { highrise } = loadConfig({
      ...sandbox,
      HIGHRISE_PACE_GENERAL: '300/10',
      HIGHRISE_PACE_EMAIL_SEARCH: '5/60',
      HIGHRISE_PACE_RECORDINGS: '20/30',
      HIGHRISE_TIMEOUT_MS: '1500',
      HIGHRISE_RETRY_BUDGET_MS: '0',
    });
    expect(highrise.pacing).toEqual({
      general: { requests: 300, windowMs: 10_000 },
      searchByEmail: { requests: 5, windowMs: 60_000 },
      recordings: { requests: 20, windowMs: 30_000 },
    });
    expect(highrise.timeoutMs).toBe(1500);
    expect(highrise.retryBudgetMs).toBe(0);
  });

  it.each(['0/5', '150/0', '150', '1.5/5', '-1/5', '150/5s'])('refuses the pace %s, naming the variable (0 requests would hang every request)', (spec) => {
    expect(() => loadConfig({ ...sandbox, HIGHRISE_PACE_GENERAL: spec })).toThrow(/HIGHRISE_PACE_GENERAL: use requests\/seconds/);
  });
});
