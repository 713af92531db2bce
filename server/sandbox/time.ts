// Calendar arithmetic in an account's time zone: task frames, due dates and deal status dates are
// decided by the local day of the account, while everything is stored and sent in UTC.
import { isoSeconds } from './store.js';

export interface LocalDate { y: number; m: number; d: number }
interface LocalParts extends LocalDate { h: number; mi: number; s: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function validTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function localParts(tz: string, ms: number): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { y: out.year, m: out.month, d: out.day, h: out.hour, mi: out.minute, s: out.second };
}

function offsetMs(tz: string, ms: number): number {
  const p = localParts(tz, ms);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a local wall-clock time (the later one when a DST change makes it ambiguous). */
export function zonedToUtc(tz: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  const guess = Date.UTC(y, m - 1, d, h, mi, s);
  const first = guess - offsetMs(tz, guess);
  const second = guess - offsetMs(tz, first);
  return second;
}

/** Adds days to a calendar date (month and year roll over like Date.UTC). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Adds months, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const first = new Date(Date.UTC(date.y, date.m - 1 + months, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth() + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(date.d, last) };
}

export function localDate(tz: string, ms: number): LocalDate {
  const { y, m, d } = localParts(tz, ms);
  return { y, m, d };
}

export function dateString(d: LocalDate): string {
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

/** Last second of a local day, in UTC ms. */
export function endOfDay(tz: string, date: LocalDate): number {
  return zonedToUtc(tz, date.y, date.m, date.d, 23, 59, 59);
}

export function startOfDay(tz: string, date: LocalDate): number {
  return zonedToUtc(tz, date.y, date.m, date.d, 0, 0, 0);
}

/** ISO weekday, Monday = 1 … Sunday = 7. Weeks end on Sunday (our choice; Highrise's is not documented). */
function isoWeekday(date: LocalDate): number {
  const wd = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export const FRAMES = ['today', 'tomorrow', 'this_week', 'next_week', 'later', 'overdue'] as const;
export type Frame = (typeof FRAMES)[number];

export interface FrameBounds { startToday: number; endToday: number; endTomorrow: number; endWeek: number; endNextWeek: number }

export function frameBounds(tz: string, nowMs: number): FrameBounds {
  const today = localDate(tz, nowMs);
  const endOfWeek = addDays(today, 7 - isoWeekday(today));
  return {
    startToday: startOfDay(tz, today),
    endToday: endOfDay(tz, today),
    endTomorrow: endOfDay(tz, addDays(today, 1)),
    endWeek: endOfDay(tz, endOfWeek),
    endNextWeek: endOfDay(tz, addDays(endOfWeek, 7)),
  };
}

/** due-at for a task created in a frame; `later` has no due date. */
export function dueForFrame(frame: Frame, tz: string, nowMs: number): string | null {
  const b = frameBounds(tz, nowMs);
  switch (frame) {
    case 'today': return isoSeconds(b.endToday);
    case 'tomorrow': return isoSeconds(b.endTomorrow);
    case 'this_week': return isoSeconds(b.endWeek);
    case 'next_week': return isoSeconds(b.endNextWeek);
    case 'overdue': return isoSeconds(b.startToday - 1000);
    case 'later': return null;
  }
}

/** The frame a task is in *now*, from its due date: frames move as days pass, as in Highrise's task list. */
export function frameOf(dueAt: string | null, tz: string, nowMs: number): Frame {
  if (dueAt === null) return 'later';
  const due = Date.parse(dueAt);
  const b = frameBounds(tz, nowMs);
  if (due < b.startToday) return 'overdue';
  if (due <= b.endToday) return 'today';
  if (due <= b.endTomorrow) return 'tomorrow';
  if (due <= b.endWeek) return 'this_week';
  if (due <= b.endNextWeek) return 'next_week';
  return 'later';
}

/** Highrise's recurring_period codes (tasks.md); names are accepted on input as well. */
export const RECURRING_PERIODS: Record<number, { name: string; days?: number; months?: number }> = {
  0: { name: 'daily', days: 1 },
  1: { name: 'weekly', days: 7 },
  2: { name: 'biweekly', days: 14 },
  3: { name: 'monthly', months: 1 },
  4: { name: 'quarterly', months: 3 },
  5: { name: 'semiannually', months: 6 },
  7: { name: 'yearly', months: 12 },
};

/** The next occurrence: same local time of day, `period` later on the local calendar. */
export function nextOccurrence(tz: string, baseMs: number, period: number): number {
  const p = localParts(tz, baseMs);
  const spec = RECURRING_PERIODS[period];
  const date = spec.days ? addDays(p, spec.days) : addMonths(p, spec.months ?? 1);
  return zonedToUtc(tz, date.y, date.m, date.d, p.h, p.mi, p.s);
}
