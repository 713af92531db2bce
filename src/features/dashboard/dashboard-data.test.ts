import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../server/api/types';
import { mainCurrency, valueByCategory, valueByStatus, wonLostByMonth } from './dashboard-data';

const deal = (p: Partial<Deal>): Deal => ({ id: 1, name: 'D', status: 'pending', price: 0, priceType: 'fixed', duration: null, currency: 'USD', categoryId: null, statusChangedOn: null, ...p }) as Deal;

describe('dashboard data', () => {
  const deals = [
    deal({ id: 1, status: 'pending', price: 100, categoryId: 1 }),
    deal({ id: 2, status: 'won', price: 10, priceType: 'month', duration: 12, categoryId: 1, statusChangedOn: '2026-11-03' }),
    deal({ id: 3, status: 'lost', price: 50, statusChangedOn: '2026-10-30' }),
    deal({ id: 4, status: 'won', price: 999, currency: 'EUR', statusChangedOn: '2026-11-20' }),
  ];

  it('sums value by status in one currency', () => {
    expect(mainCurrency(deals)).toBe('EUR');
    expect(valueByStatus(deals, 'USD').map((r) => [r.status, r.value, r.count])).toEqual([
      ['pending', 100, 1],
      ['won', 120, 1],
      ['lost', 50, 1],
    ]);
  });

  it('sums value by category and status, with deals without one under No category', () => {
    const rows = valueByCategory(deals, [{ id: 1, name: 'Wholesale' } as never, { id: 2, name: 'Empty' } as never], 'USD');
    expect(rows).toEqual([
      { category: 'Wholesale', pending: 100, won: 120, lost: 0 },
      { category: 'No category', pending: 0, won: 0, lost: 50 },
    ]);
  });

  it('counts won and lost per month over the last months', () => {
    const rows = wonLostByMonth(deals, new Date(2026, 11, 5), 3, 'en-US');
    expect(rows.map((r) => [r.month, r.won, r.lost])).toEqual([
      ['2026-10', 0, 1],
      ['2026-11', 2, 0],
      ['2026-12', 0, 0],
    ]);
    expect(rows[0].label).toBe('Oct 2026');
  });
});
