/**
 * Time-zone arithmetic and the Upcoming grouping, computed client-side: tasks set for a general frame
 * by the frame Highrise reports, tasks with a specific time from their due-at in the person's own time
 * zone. Pure functions (the clock and the zone are arguments) so they are tested across day boundaries
 * and DST changes.
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

function isGenericFrame(frame: string | null | undefined): frame is Exclude<UpcomingFrame, 'overdue'> {
  return frame != null && frame !== 'overdue' && (UPCOMING_FRAMES as readonly string[]).includes(frame);
}

/** What {@link frameOf} and {@link dueLabel} read from a task: its due-at and the frame Highrise reports. */
export interface TaskTiming {
  dueAt: string | null;
  frame?: string | null;
}

/**
 * The general frame a task was set for (today, tomorrow, this week, next week, later), or null when it
 * has a specific time. Highrise reports a frame for every task, worked out from its due-at in the
 * account's time zone, so the frame alone does not tell the two apart; but a task set for a frame is
 * due at 23:59:59 of that day in the account's zone, while a time a person picks has whole minutes.
 * Every zone's offset is a whole number of quarter hours, so such an end of day reads hh:14:59,
 * hh:29:59, hh:44:59 or hh:59:59 in UTC, whatever the account's zone.
 */
export function generalFrame(task: TaskTiming): Exclude<UpcomingFrame, 'overdue'> | null {
  if (!isGenericFrame(task.frame)) return null;
  if (task.dueAt == null) return task.frame;
  return setForADay(task.dueAt) ? task.frame : null;
}

/** Whether a due-at is the end of a day in some zone (see {@link generalFrame}): a task set for a day, not a time. */
export function setForADay(dueAt: string | null): boolean {
  if (dueAt == null) return false;
  const due = new Date(dueAt);
  return !Number.isNaN(due.getTime()) && due.getUTCSeconds() === 59 && due.getUTCMinutes() % 15 === 14;
}

/**
 * The day an end-of-day due-at belongs to in the account's zone, which the API does not name: 12 hours
 * before that end is midday of the same day for every zone from UTC−11 to UTC+11:45, so its UTC date is
 * the day (only the few zones at the date line's edges read a day off).
 */
function accountDayOf(dueMs: number): Date {
  return new Date(dueMs - 12 * 3600_000);
}

/**
 * Which frame a task is in, seen from `nowMs` by a person in `timeZone` — the one rule behind the
 * Upcoming groups and the header's "due today or overdue" count. A due-at that has passed is overdue.
 * A task set for a general frame is in the frame Highrise reports: its days are the account's, and
 * its due-at is only the end of that day there, so the person's zone would move it to another day.
 * A task with a specific time is placed by that time in the person's zone, where its due line shows
 * it. No due-at and no frame → later.
 */
export function frameOf(task: TaskTiming, nowMs: number, timeZone: string): UpcomingFrame {
  const due = task.dueAt ? Date.parse(task.dueAt) : Number.NaN;
  if (!Number.isNaN(due) && due < nowMs) return 'overdue';
  const general = generalFrame(task);
  if (general) return general;
  if (Number.isNaN(due)) return 'later';
  if (due < startOfLocalDay(timeZone, nowMs, 1)) return 'today';
  if (due < startOfLocalDay(timeZone, nowMs, 2)) return 'tomorrow';
  if (due < startOfWeek(timeZone, nowMs, 1)) return 'this_week';
  if (due < startOfWeek(timeZone, nowMs, 2)) return 'next_week';
  return 'later';
}

/** Tasks grouped by frame, each group soonest first, empty groups left out, in the frames' order. */
export function groupByFrame<T extends TaskTiming & { id: number | null }>(tasks: T[], nowMs: number, timeZone: string): { frame: UpcomingFrame; tasks: T[] }[] {
  const groups = new Map<UpcomingFrame, T[]>();
  for (const t of tasks) {
    const f = frameOf(t, nowMs, timeZone);
    (groups.get(f) ?? groups.set(f, []).get(f)!).push(t);
  }
  const key = (t: T) => (t.dueAt ? Date.parse(t.dueAt) : Number.MAX_SAFE_INTEGER);
  return UPCOMING_FRAMES.filter((f) => groups.has(f)).map((frame) => ({ frame, tasks: groups.get(frame)!.sort((a, b) => key(a) - key(b) || (a.id ?? 0) - (b.id ?? 0)) }));
}

/** The person's own time zone (the browser's). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** How many of these tasks are overdue or due today: the Overdue and Today groups of {@link groupByFrame}, counted (completed ones left out; Upcoming has none). */
export function countDueTodayOrOverdue(tasks: (TaskTiming & { doneAt?: string | null })[], nowMs: number, timeZone: string): number {
  return tasks.filter((t) => t.doneAt == null && ['overdue', 'today'].includes(frameOf(t, nowMs, timeZone))).length;
}

/**
 * How a task's due moment reads after "Due": a task set for a general frame by that frame in words
 * ("today", "next week"), as its due-at is only the end of that day in the account's zone (a clock
 * time would name another day to a person elsewhere); a specific time, and any due-at that has passed,
 * as the moment in the person's zone. Null when there is nothing to say.
 */
export function dueLabel(task: TaskTiming, timeZone: string, nowMs = Date.now()): string | null {
  const general = generalFrame(task);
  if (general && frameOf(task, nowMs, timeZone) !== 'overdue') return general === 'later' && !task.dueAt ? null : FRAME_LABELS[general].toLowerCase();
  if (!task.dueAt) return null;
  const due = Date.parse(task.dueAt);
  // Set for a day and now past (Highrise says "overdue"): that day, with no clock time it never had.
  if (setForADay(task.dueAt)) return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(accountDayOf(due));
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(due));
}
