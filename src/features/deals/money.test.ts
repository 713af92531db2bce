import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyOf, dealValue, formatMoney, formatTotals, priceBreakdown, totalsByCurrency } from './money';

const d = (price: number | null, priceType: 'fixed' | 'hour' | 'month' | 'year' | null, duration: number | null, currency: string | null = 'USD') => ({ price, priceType, duration, currency });

describe('dealValue', () => {
  it('fixed → price; hour/month/year → price × duration', () => {
    expect(dealValue(d(1200, 'fixed', 6))).toBe(1200);
    expect(dealValue(d(100, 'hour', 40))).toBe(4000);
    expect(dealValue(d(500, 'month', 12))).toBe(6000);
    expect(dealValue(d(20000, 'year', 3))).toBe(60000);
  });

  it('a missing price is 0; a missing price type is fixed; a timed price without duration counts one unit', () => {
    expect(dealValue(d(null, 'month', 3))).toBe(0);
    expect(dealValue(d(700, null, 3))).toBe(700);
    expect(dealValue(d(700, 'month', null))).toBe(700);
    expect(dealValue(d(700, 'month', 0))).toBe(700);
  });

  it('is never below the price for whole-number inputs', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.constantFrom('fixed', 'hour', 'month', 'year' as const), fc.option(fc.integer({ min: 1, max: 1000 })), (price, type, duration) => {
        const v = dealValue(d(price, type, duration));
        return Number.isInteger(v) && v >= price && (type === 'fixed' ? v === price : v === price * (duration ?? 1));
      }),
    );
  });
});

describe('currency formatting (Intl.NumberFormat)', () => {
  it('formats whole units in the deal currency and locale', () => {
    expect(formatMoney(1200, 'USD', 'en-US')).toBe('$1,200');
    expect(formatMoney(1200, 'EUR', 'de-DE')).toBe('1.200\u00a0€');
    expect(formatMoney(1200, 'JPY', 'en-US')).toBe('¥1,200');
    expect(formatMoney(0, 'GBP', 'en-GB')).toBe('£0');
  });

  it('falls back to number + code for a code Intl does not know', () => {
    expect(formatMoney(5, 'ZZ1', 'en-US')).toBe('5 ZZ1');
  });

  it('treats a missing or odd currency as USD', () => {
    expect(currencyOf({ currency: null })).toBe('USD');
    expect(currencyOf({ currency: ' eur ' })).toBe('EUR');
    expect(currencyOf({ currency: 'euro' })).toBe('USD');
  });
});

describe('totals', () => {
  it('sums per currency, largest first, and joins mixed totals', () => {
    const deals = [d(100, 'fixed', null, 'USD'), d(50, 'month', 2, 'EUR'), d(300, 'fixed', null, null), d(10, 'hour', 5, 'EUR')];
    expect(totalsByCurrency(deals)).toEqual([
      { currency: 'USD', total: 400 },
      { currency: 'EUR', total: 150 },
    ]);
    expect(formatTotals(deals, 'en-US')).toBe('$400 + €150');
    expect(formatTotals([], 'en-US')).toBe('$0');
  });

  it('explains a timed price', () => {
    expect(priceBreakdown(d(100, 'month', 6), 'en-US')).toBe('$100 per month × 6 months');
    expect(priceBreakdown(d(100, 'hour', 1), 'en-US')).toBe('$100 per hour × 1 hour');
    expect(priceBreakdown(d(100, 'fixed', 6), 'en-US')).toBe('');
  });
});
