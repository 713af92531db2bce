/**
 * Time-zone arithmetic and the Upcoming grouping, computed client-side from each task's due-at in the
 * person's own time zone. Pure functions (the clock and the zone are arguments) so they are tested
 * across day boundaries and DST changes.
 */

export interface LocalParts {
  y: number;
  m: number; // 1-12
  d: number;
  h: number;
  mi: number;
  s: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock reading of an instant in a time zone. */
export function localParts(timeZone: string, ms: number): LocalParts {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) out[p.type] = p.value;
  return { y: +out.year, m: +out.month, d: +out.day, h: +out.hour % 24, mi: +out.minute, s: +out.second, weekday: WEEKDAYS[out.weekday] ?? 0 };
}

/** The instant at which the wall clock in `timeZone` reads y-m-d h:mi:s (the earlier one in a DST overlap). */
export function zonedToUtc(timeZone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  const wanted = Date.UTC(y, m - 1, d, h, mi, s);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = localParts(timeZone, guess);
    const seen = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
    const diff = wanted - seen;
    if (diff === 0) break;
    guess += diff;
  }
  return guess;
}

/** Midnight starting the local day `offset` days after the one containing `ms`. */
export function startOfLocalDay(timeZone: string, ms: number, offset = 0): number {
  const p = localParts(timeZone, ms);
  const day = new Date(Date.UTC(p.y, p.m - 1, p.d + offset));
  return zonedToUtc(timeZone, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

/** `YYYY-MM-DD` and `HH:MM` as an <input type=date/time> shows them, in the zone. */
export function toLocalInputs(timeZone: string, ms: number): { date: string; time: string } {
  const p = localParts(timeZone, ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.y}-${two(p.m)}-${two(p.d)}`, time: `${two(p.h)}:${two(p.mi)}` };
}

/** The UTC ISO instant for a local date and time typed in the zone; null when either is not valid. */
export function fromLocalInputs(timeZone: string, date: string, time: string): string | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return null;
  const ms = zonedToUtc(timeZone, +dm[1], +dm[2], +dm[3], +tm[1], +tm[2]);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const UPCOMING_FRAMES = ['overdue', 'today', 'tomorrow', 'this_week', 'next_week', 'later'] as const;
export type UpcomingFrame = (typeof UPCOMING_FRAMES)[number];
export const FRAME_LABELS: Record<UpcomingFrame, string> = {
  overdue: 'Overdue',
  today: 'Today',
  tomorrow: 'Tomorrow',
  this_week: 'This week',
  next_week: 'Next week',
  later: 'Later',
};

/** Weeks start on Monday. */
function startOfWeek(timeZone: string, nowMs: number, weeksAhead: number): number {
  const wd = localParts(timeZone, nowMs).weekday;
  const sinceMonday = (wd + 6) % 7;
  return startOfLocalDay(timeZone, nowMs, -sinceMonday + 7 * weeksAhead);
}

function isGenericFrame(frame: string | null | undefined): frame is UpcomingFrame {
  return frame != null && frame !== 'overdue' && (UPCOMING_FRAMES as readonly string[]).includes(frame);
}

/**
 * Which frame a due instant falls in, seen from `nowMs` in `timeZone`. No due time → later.
 * Highrise reports each task's frame (today, tomorrow, …) from its due-at in the account's time zone,
 * and filters the Today list the same way; when it says, that wins over the person's own zone so the
 * Upcoming groups and the Today list agree. Without it (or `specific`), the due-at is placed in the
 * person's zone.
 */
export function frameOf(dueAt: string | null, nowMs: number, timeZone: string, serverFrame?: string | null): UpcomingFrame {
  const due = dueAt ? Date.parse(dueAt) : Number.NaN;
  if (!Number.isNaN(due) && due < nowMs) return 'overdue';
  // Highrise's frame is computed in the account's zone; the Today list is too.
  if (isGenericFrame(serverFrame)) return serverFrame;
  if (Number.isNaN(due)) return 'later';
  if (due < startOfLocalDay(timeZone, nowMs, 1)) return 'today';
  if (due < startOfLocalDay(timeZone, nowMs, 2)) return 'tomorrow';
  if (due < startOfWeek(timeZone, nowMs, 1)) return 'this_week';
  if (due < startOfWeek(timeZone, nowMs, 2)) return 'next_week';
  return 'later';
}

/** Tasks grouped by frame, each group soonest first, empty groups left out, in the frames' order. */
export function groupByFrame<T extends { dueAt: string | null; id: number | null; frame?: string | null }>(tasks: T[], nowMs: number, timeZone: string): { frame: UpcomingFrame; tasks: T[] }[] {
  const groups = new Map<UpcomingFrame, T[]>();
  for (const t of tasks) {
    const f = frameOf(t.dueAt, nowMs, timeZone, t.frame);
    (groups.get(f) ?? groups.set(f, []).get(f)!).push(t);
  }
  const key = (t: T) => (t.dueAt ? Date.parse(t.dueAt) : Number.MAX_SAFE_INTEGER);
  return UPCOMING_FRAMES.filter((f) => groups.has(f)).map((frame) => ({ frame, tasks: groups.get(frame)!.sort((a, b) => key(a) - key(b) || (a.id ?? 0) - (b.id ?? 0)) }));
}

/** The person's own time zone (the browser's). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** How a task's due moment reads, in the person's zone (Highrise does not say whether a time was chosen or is a frame's end of day). */
export function dueLabel(task: { dueAt: string | null }, timeZone: string): string | null {
  if (!task.dueAt) return null;
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(task.dueAt));
}
