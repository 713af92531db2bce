import { describe, expect, it } from 'vitest';
import { dueLabel, frameOf, fromLocalInputs, groupByFrame, startOfLocalDay, toLocalInputs, zonedToUtc } from './frames';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const t = (id: number, dueAt: string | null) => ({ id, dueAt });

describe('frames across a day boundary', () => {
  // Wednesday 2026-03-04 23:30 in New York = Thursday 04:30 UTC.
  const lateWednesdayNY = Date.parse('2026-03-05T04:30:00Z');

  it('uses the person’s zone, not UTC, for today and tomorrow', () => {
    // 23:45 Wednesday New York: still today there though it is Thursday in UTC.
    expect(frameOf('2026-03-05T04:45:00Z', lateWednesdayNY, NY)).toBe('today');
    // 00:15 Thursday New York: tomorrow.
    expect(frameOf('2026-03-05T05:15:00Z', lateWednesdayNY, NY)).toBe('tomorrow');
    // The same instants seen from Tokyo (Thursday 13:30 there) are both today.
    expect(frameOf('2026-03-05T04:45:00Z', lateWednesdayNY, TOKYO)).toBe('today');
    expect(frameOf('2026-03-05T05:15:00Z', lateWednesdayNY, TOKYO)).toBe('today');
  });

  it('moves a task from tomorrow to today when the clock passes midnight', () => {
    const due = '2026-03-05T14:00:00Z'; // Thursday 09:00 New York
    expect(frameOf(due, lateWednesdayNY, NY)).toBe('tomorrow');
    expect(frameOf(due, Date.parse('2026-03-05T05:00:01Z'), NY)).toBe('today');
    expect(frameOf(due, Date.parse('2026-03-05T14:00:01Z'), NY)).toBe('overdue');
  });

  it('groups overdue, today, tomorrow, this week, next week and later in order, soonest first', () => {
    const tasks = [
      t(1, null),
      t(2, '2026-03-20T15:00:00Z'), // later
      t(3, '2026-03-10T15:00:00Z'), // Tuesday next week
      t(4, '2026-03-07T15:00:00Z'), // Saturday this week
      t(5, '2026-03-05T14:00:00Z'), // tomorrow 09:00
      t(6, '2026-03-05T04:40:00Z'), // today 23:40
      t(7, '2026-03-04T12:00:00Z'), // overdue
      t(8, '2026-03-08T23:00:00Z'), // Sunday 19:00 = this week
      t(9, '2026-03-09T05:00:00Z'), // Monday 00:00 = next week
    ];
    const groups = groupByFrame(tasks, lateWednesdayNY, NY);
    expect(groups.map((g) => [g.frame, g.tasks.map((x) => x.id)])).toEqual([
      ['overdue', [7]],
      ['today', [6]],
      ['tomorrow', [5]],
      ['this_week', [4, 8]],
      ['next_week', [9, 3]],
      ['later', [2, 1]],
    ]);
  });

  it('handles a DST change (New York springs forward 2026-03-08)', () => {
    expect(startOfLocalDay(NY, Date.parse('2026-03-08T12:00:00Z'), 1)).toBe(Date.parse('2026-03-09T04:00:00Z'));
    expect(zonedToUtc(NY, 2026, 3, 9, 9, 30)).toBe(Date.parse('2026-03-09T13:30:00Z'));
    expect(zonedToUtc(NY, 2026, 3, 7, 9, 30)).toBe(Date.parse('2026-03-07T14:30:00Z'));
  });

  it('round-trips date and time inputs in the zone to UTC', () => {
    expect(fromLocalInputs(NY, '2026-07-01', '09:30')).toBe('2026-07-01T13:30:00Z');
    expect(fromLocalInputs(TOKYO, '2026-07-01', '09:30')).toBe('2026-07-01T00:30:00Z');
    expect(toLocalInputs(NY, Date.parse('2026-07-01T13:30:00Z'))).toEqual({ date: '2026-07-01', time: '09:30' });
    expect(fromLocalInputs(NY, '2026-7-1', '9:30')).toBeNull();
  });
});

describe('general-frame tasks (Highrise frames are days in the account’s zone)', () => {
  // Thursday 2026-12-03 19:00 UTC. The account is in Chicago; the person's browser is in UTC.
  const now = Date.parse('2026-12-03T19:00:00Z');
  // "Tomorrow" in Chicago ends Friday 23:59:59 there = Saturday 05:59:59 UTC.
  const tomorrowInChicago = { id: 1, dueAt: '2026-12-05T05:59:59Z', frame: 'tomorrow' };

  it('uses the frame Highrise reports, so Upcoming agrees with the Today list', () => {
    expect(frameOf(tomorrowInChicago.dueAt, now, 'UTC')).toBe('this_week');
    expect(frameOf(tomorrowInChicago.dueAt, now, 'UTC', tomorrowInChicago.frame)).toBe('tomorrow');
    expect(groupByFrame([tomorrowInChicago], now, 'UTC')).toEqual([{ frame: 'tomorrow', tasks: [tomorrowInChicago] }]);
  });

  it('still calls a passed due time overdue, and places specific times by the person’s zone', () => {
    expect(frameOf('2026-12-03T18:00:00Z', now, 'UTC', 'today')).toBe('overdue');
    expect(frameOf('2026-12-04T09:30:00Z', now, 'UTC', 'specific')).toBe('tomorrow');
  });

  it('shows the due moment in the person’s zone', () => {
    expect(dueLabel(tomorrowInChicago, 'UTC')).toMatch(/Sat.*Dec.*5.*5:59/);
    expect(dueLabel({ dueAt: '2026-12-04T09:30:00Z' }, 'America/New_York')).toMatch(/4:30/);
    expect(dueLabel({ dueAt: null }, 'UTC')).toBeNull();
  });
});
