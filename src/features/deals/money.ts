import type { Deal } from '../../../server/api/types';

type Priced = Pick<Deal, 'price' | 'priceType' | 'duration' | 'currency'>;

/**
 * What a deal is worth: a fixed price as is; an hourly, monthly or yearly price times its duration.
 * A missing price is 0; a timed price without a duration counts one unit (Highrise shows the same).
 */
export function dealValue(d: Priced): number {
  const price = d.price ?? 0;
  if (!d.priceType || d.priceType === 'fixed') return price;
  const units = d.duration != null && d.duration > 0 ? d.duration : 1;
  return price * units;
}

/** Deals with no currency are counted in the account's default (Highrise's default is USD). */
export const DEFAULT_CURRENCY = 'USD';

export function currencyOf(d: Pick<Deal, 'currency'>): string {
  const c = d.currency?.trim().toUpperCase();
  return c && /^[A-Z]{3}$/.test(c) ? c : DEFAULT_CURRENCY;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** `$1,200` / `1.200 €` in the viewer's locale; whole units (Highrise prices are whole numbers). */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    } catch {
      // Not a currency Intl knows: number plus code.
      const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      return `${plain.format(amount)} ${currency}`;
    }
    formatters.set(key, f);
  }
  return f.format(amount);
}

/** Sum per currency, currencies in a stable order (largest total first, then code). */
export function totalsByCurrency(deals: readonly Priced[]): { currency: string; total: number }[] {
  const sums = new Map<string, number>();
  for (const d of deals) {
    const c = currencyOf(d);
    sums.set(c, (sums.get(c) ?? 0) + dealValue(d));
  }
  return [...sums].map(([currency, total]) => ({ currency, total })).sort((a, b) => b.total - a.total || a.currency.localeCompare(b.currency));
}

/** "$1,200 + 300 €": one figure per currency when mixed; "–" when there are no deals. */
export function formatTotals(deals: readonly Priced[], locale?: string): string {
  const totals = totalsByCurrency(deals);
  if (totals.length === 0) return formatMoney(0, DEFAULT_CURRENCY, locale);
  return totals.map((t) => formatMoney(t.total, t.currency, locale)).join(' + ');
}

const PRICE_UNITS: Record<string, string> = { hour: 'hour', month: 'month', year: 'year' };

/** "$100 per month × 6" for a timed price, "" for fixed. */
export function priceBreakdown(d: Priced, locale?: string): string {
  if (!d.priceType || d.priceType === 'fixed' || d.price == null) return '';
  const unit = PRICE_UNITS[d.priceType];
  const n = d.duration ?? 1;
  return `${formatMoney(d.price, currencyOf(d), locale)} per ${unit} × ${n} ${unit}${n === 1 ? '' : 's'}`;
}
