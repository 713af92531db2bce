import { describe, expect, it } from 'vitest';
import { countDueTodayOrOverdue, dueLabel, frameOf, fromLocalInputs, generalFrame, groupByFrame, startOfLocalDay, toLocalInputs, zonedToUtc } from './frames';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const t = (id: number, dueAt: string | null) => ({ id, dueAt });

describe('frames across a day boundary', () => {
  // Wednesday 2026-03-04 23:30 in New York = Thursday 04:30 UTC.
  const lateWednesdayNY = Date.parse('2026-03-05T04:30:00Z');

  it('uses the person’s zone, not UTC, for today and tomorrow', () => {
    // 23:45 Wednesday New York: still today there though it is Thursday in UTC.
    expect(frameOf({ dueAt: '2026-03-05T04:45:00Z' }, lateWednesdayNY, NY)).toBe('today');
    // 00:15 Thursday New York: tomorrow.
    expect(frameOf({ dueAt: '2026-03-05T05:15:00Z' }, lateWednesdayNY, NY)).toBe('tomorrow');
    // The same instants seen from Tokyo (Thursday 13:30 there) are both today.
    expect(frameOf({ dueAt: '2026-03-05T04:45:00Z' }, lateWednesdayNY, TOKYO)).toBe('today');
    expect(frameOf({ dueAt: '2026-03-05T05:15:00Z' }, lateWednesdayNY, TOKYO)).toBe('today');
  });

  it('moves a task from tomorrow to today when the clock passes midnight', () => {
    const due = '2026-03-05T14:00:00Z'; // Thursday 09:00 New York
    expect(frameOf({ dueAt: due }, lateWednesdayNY, NY)).toBe('tomorrow');
    expect(frameOf({ dueAt: due }, Date.parse('2026-03-05T05:00:01Z'), NY)).toBe('today');
    expect(frameOf({ dueAt: due }, Date.parse('2026-03-05T14:00:01Z'), NY)).toBe('overdue');
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
  // Friday 2026-12-04 10:55 UTC: 04:55 Friday in Chicago (the account's zone), 19:55 Friday in Tokyo.
  const now = Date.parse('2026-12-04T10:55:00Z');
  const CHICAGO = 'America/Chicago';
  // Set for a frame: Highrise's due-at is 23:59:59 of that day in Chicago, and it reports the frame.
  const overdue = { id: 1, dueAt: '2026-12-04T05:59:59Z', frame: 'overdue' }; // Thursday's
  const today = { id: 2, dueAt: '2026-12-05T05:59:59Z', frame: 'today' }; // 05:59 Saturday in UTC, 14:59 Saturday in Tokyo
  const tomorrow = { id: 3, dueAt: '2026-12-06T05:59:59Z', frame: 'tomorrow' };
  const thisWeek = { id: 4, dueAt: '2026-12-07T05:59:59Z', frame: 'this_week' }; // Sunday's
  const later = { id: 5, dueAt: null, frame: 'later' };
  // Specific times (Highrise reports a frame for these too, from Chicago's calendar).
  const fridayNight = { id: 6, dueAt: '2026-12-05T03:00:00Z', frame: 'today' }; // 21:00 Friday Chicago, 03:00 Saturday UTC
  const fridayAfternoon = { id: 7, dueAt: '2026-12-04T20:00:00Z', frame: 'today' }; // 14:00 Chicago, 20:00 UTC, 05:00 Saturday Tokyo
  const all = [overdue, today, tomorrow, thisWeek, later, fridayNight, fridayAfternoon];

  const grouped = (tz: string) => groupByFrame(all, now, tz).map((g) => [g.frame, g.tasks.map((x) => x.id)]);

  it('tells a frame task (end of a day in any zone) from one with a chosen time', () => {
    expect(generalFrame(today)).toBe('today');
    expect(generalFrame(later)).toBe('later');
    expect(generalFrame(fridayNight)).toBeNull();
    expect(generalFrame({ dueAt: '2026-12-04T18:29:59Z', frame: 'today' })).toBe('today'); // 23:59:59 in Kolkata (+5:30)
    expect(generalFrame({ dueAt: '2026-12-04T18:14:59Z', frame: 'today' })).toBe('today'); // 23:59:59 in Kathmandu (+5:45)
    expect(generalFrame({ dueAt: '2026-12-05T05:59:59Z', frame: 'specific' })).toBeNull();
    expect(generalFrame({ dueAt: '2026-12-05T05:59:59Z', frame: null })).toBeNull();
    expect(generalFrame(overdue)).toBeNull();
  });

  it('groups frame tasks by Highrise’s frame and timed tasks by the person’s zone, in UTC, Tokyo and Chicago', () => {
    expect(grouped('UTC')).toEqual([
      ['overdue', [1]],
      ['today', [7, 2]],
      ['tomorrow', [6, 3]],
      ['this_week', [4]],
      ['later', [5]],
    ]);
    expect(grouped(TOKYO)).toEqual([
      ['overdue', [1]],
      ['today', [2]],
      ['tomorrow', [7, 6, 3]],
      ['this_week', [4]],
      ['later', [5]],
    ]);
    expect(grouped(CHICAGO)).toEqual([
      ['overdue', [1]],
      ['today', [7, 6, 2]],
      ['tomorrow', [3]],
      ['this_week', [4]],
      ['later', [5]],
    ]);
  });

  it('still calls a passed due time overdue, whatever frame Highrise last reported', () => {
    expect(frameOf({ dueAt: '2026-12-04T10:00:00Z', frame: 'today' }, now, 'UTC')).toBe('overdue');
    expect(frameOf({ dueAt: '2026-12-04T05:59:59Z', frame: 'today' }, now, TOKYO)).toBe('overdue');
  });

  it('counts for the header exactly the Overdue and Today groups', () => {
    for (const tz of ['UTC', TOKYO, CHICAGO, NY]) {
      const groups = groupByFrame(all, now, tz);
      const shown = groups.filter((g) => g.frame === 'overdue' || g.frame === 'today').reduce((n, g) => n + g.tasks.length, 0);
      expect(countDueTodayOrOverdue(all, now, tz), tz).toBe(shown);
    }
    expect(countDueTodayOrOverdue(all, now, 'UTC')).toBe(3);
    expect(countDueTodayOrOverdue(all, now, TOKYO)).toBe(2);
    expect(countDueTodayOrOverdue(all, now, CHICAGO)).toBe(4);
    expect(countDueTodayOrOverdue([{ ...today, doneAt: '2026-12-04T09:00:00Z' }], now, 'UTC')).toBe(0);
  });

  it('says a frame task’s frame in words, and a specific time in the person’s zone', () => {
    for (const tz of ['UTC', TOKYO, CHICAGO]) {
      expect(dueLabel(today, tz, now)).toBe('today');
      expect(dueLabel(tomorrow, tz, now)).toBe('tomorrow');
      expect(dueLabel(thisWeek, tz, now)).toBe('this week');
      expect(dueLabel(later, tz, now)).toBeNull();
    }
    expect(dueLabel(fridayNight, 'UTC', now)).toMatch(/Sat.*Dec.*5.*3:00/);
    expect(dueLabel(fridayNight, CHICAGO, now)).toMatch(/Fri.*Dec.*4.*9:00/);
    expect(dueLabel(fridayAfternoon, TOKYO, now)).toMatch(/Sat.*Dec.*5.*5:00/);
    expect(dueLabel({ dueAt: '2026-12-04T09:30:00Z' }, NY, now)).toMatch(/4:30/);
    expect(dueLabel({ dueAt: null }, 'UTC', now)).toBeNull();
  });

  it('gives a passed frame task the day it was set for, in every zone, and no clock time it never had', () => {
    for (const tz of ['UTC', TOKYO, CHICAGO, NY]) {
      for (const task of [overdue, { ...today, dueAt: '2026-12-04T05:59:59Z' }]) {
        const label = dueLabel(task, tz, now) ?? '';
        expect(label, tz).toMatch(/Thu.*Dec.*3/);
        expect(label, tz).not.toMatch(/\d:\d\d/);
      }
    }
    // The end of Thursday in Tokyo and in London is Thursday too.
    expect(dueLabel({ dueAt: '2026-12-03T14:59:59Z', frame: 'overdue' }, CHICAGO, now)).toMatch(/Thu.*Dec.*3/);
    expect(dueLabel({ dueAt: '2026-12-03T23:59:59Z', frame: 'overdue' }, TOKYO, now)).toMatch(/Thu.*Dec.*3/);
    // A specific time that has passed keeps its time.
    expect(dueLabel({ dueAt: '2026-12-03T15:30:00Z', frame: 'overdue' }, 'UTC', now)).toMatch(/Thu.*Dec.*3.*3:30/);
  });
});
