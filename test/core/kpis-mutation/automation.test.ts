/**
 * What the daily automation does today (src/core/automation.ts), hand-worked (issue 23) on clubs
 * built by hand: the hot surveys of attended events from their delay to 60 days after, from the day
 * automation was switched on (plus the last event before when asked); the cold survey of the ended
 * semester on its weekday; the three next events; the nudges of quiet active members with an
 * address, at most once per period; the event lines of a nudge e-mail in French and English.
 */

import { describe, expect, it } from 'vitest';
import {
  eventLines,
  FOLLOW_UP_DAYS,
  firstWeekdayFrom,
  lastActivity,
  lastSemesterDue,
  planAutomation,
} from '../../../src/core/automation';
import type { AutomationSettings } from '../../../src/core/automation-settings';
import { dayFromIso, isoOf } from '../../../src/core/dates';
import type { Club, ClubEvent, Member } from '../../../src/core/model';

const day = (iso: string) => dayFromIso(iso)!;

function member(id: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    row: 2,
    firstName: id,
    lastName: '',
    email: `${id.toLowerCase()}@club.fr`,
    joinedOn: day('2025-01-01'),
    leftOn: null,
    status: 'active',
    formerWithoutLeft: false,
    profile: {},
    ...extra,
  } as Member;
}

function event(id: string, iso: string, row: number, title = `Titre ${id}`): ClubEvent {
  return { id, row, date: day(iso), title } as ClubEvent;
}

function club(
  parts: Partial<Club> & { attendedBy?: Array<[ClubEvent, Member | null, boolean | null]> },
): Club {
  const { attendedBy = [], ...rest } = parts;
  return {
    members: [],
    events: [],
    attendance: attendedBy.map(([e, m, attended]) => ({ event: e, member: m, attended })),
    answers: [],
    referrals: [],
    interactions: [],
    contents: [],
    ...rest,
  } as unknown as Club;
}

function auto(extra: Partial<AutomationSettings> = {}): AutomationSettings {
  return {
    on: true,
    since: day('2026-03-01'),
    lastEvent: false,
    hotDelayDays: 1,
    reminderAfterDays: 3,
    coldDelayDays: 1,
    nudgeAfterWeeks: 0,
    nudgeEveryWeeks: 8,
    ...extra,
  };
}

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

describe('firstWeekdayFrom and lastSemesterDue', () => {
  it('moves a Saturday or a Sunday to the Monday and keeps a weekday', () => {
    expect(isoOf(firstWeekdayFrom(day('2026-03-14')))).toBe('2026-03-16');
    expect(isoOf(firstWeekdayFrom(day('2026-03-15')))).toBe('2026-03-16');
    expect(isoOf(firstWeekdayFrom(day('2026-03-13')))).toBe('2026-03-13');
    expect(isoOf(firstWeekdayFrom(day('2026-03-16')))).toBe('2026-03-16');
  });

  it('gives the semester that ended last and its survey day', () => {
    expect(lastSemesterDue(day('2026-06-30'), 1)).toEqual({ label: '2025-S2', due: day('2026-01-01') });
    expect(lastSemesterDue(day('2026-07-01'), 3)).toEqual({ label: '2026-S1', due: day('2026-07-03') });
    expect(lastSemesterDue(day('2026-12-31'), 4)).toEqual({ label: '2026-S1', due: day('2026-07-06') });
  });
});

describe('planAutomation: hot surveys', () => {
  it('does nothing while automation is off', () => {
    const e = event('E1', '2026-03-10', 2);
    const m = member('M1');
    const plan = planAutomation(
      club({ members: [m], events: [e, event('E9', '2026-04-01', 3)], attendedBy: [[e, m, true]] }),
      auto({ on: false, nudgeAfterWeeks: 1 }),
      new Map(),
      day('2026-03-12'),
    );
    expect(plan).toEqual({ hotEvents: [], coldSemester: null, nudges: [], nextEvents: [] });
  });

  it('surveys attended events from their delay on, since the day automation was switched on', () => {
    const m = member('M1');
    const before = event('E0', '2026-02-20', 2);
    const e1 = event('E1', '2026-03-05', 5);
    const e2 = event('E2', '2026-03-11', 3);
    const e3 = event('E3', '2026-03-10', 4);
    const e4 = event('E4', '2026-03-12', 6);
    const guestOnly = event('E5', '2026-03-09', 7);
    const plan = planAutomation(
      club({
        members: [m],
        events: [e4, e2, e3, e1, before, guestOnly],
        attendedBy: [
          [before, m, true],
          [e1, m, true],
          [e2, m, true],
          [e3, m, false],
          [e3, m, null],
          [e4, m, true],
          [guestOnly, null, true],
        ],
      }),
      auto(),
      new Map(),
      day('2026-03-12'),
    );
    expect(ids(plan.hotEvents)).toEqual(['E1', 'E2']);
  });

  it('keeps an event in hand 60 days after its survey day, not one more', () => {
    const m = member('M1');
    const kept = event('E1', '2026-01-10', 2);
    const dropped = event('E0', '2026-01-09', 3);
    expect(FOLLOW_UP_DAYS).toBe(60);
    const plan = planAutomation(
      club({
        members: [m],
        events: [kept, dropped],
        attendedBy: [
          [kept, m, true],
          [dropped, m, true],
        ],
      }),
      auto({ since: day('2026-01-01') }),
      new Map(),
      day('2026-03-12'),
    );
    expect(ids(plan.hotEvents)).toEqual(['E1']);
  });

  it('adds the events of the last day before switching on when asked, by date then row', () => {
    const m = member('M1');
    const older = event('E0', '2026-01-20', 2);
    const lastA = event('EB', '2026-02-01', 9);
    const lastB = event('EA', '2026-02-01', 4);
    const after = event('E1', '2026-03-05', 3);
    const sameDayLater = event('E2', '2026-03-05', 1);
    const all = [after, lastA, older, lastB, sameDayLater];
    const attendedBy = all.map((e): [ClubEvent, Member, boolean] => [e, m, true]);
    const withLast = planAutomation(
      club({ members: [m], events: all, attendedBy }),
      auto({ lastEvent: true }),
      new Map(),
      day('2026-03-12'),
    );
    expect(ids(withLast.hotEvents)).toEqual(['EA', 'EB', 'E2', 'E1']);
    const without = planAutomation(
      club({ members: [m], events: all, attendedBy }),
      auto(),
      new Map(),
      day('2026-03-12'),
    );
    expect(ids(without.hotEvents)).toEqual(['E2', 'E1']);
  });

  it('takes the last event strictly before the day of switching on, and copes with none', () => {
    const m = member('M1');
    const before = event('E0', '2026-02-01', 2);
    const onTheDay = event('E1', '2026-03-01', 3);
    const both = planAutomation(
      club({
        members: [m],
        events: [onTheDay, before],
        attendedBy: [
          [before, m, true],
          [onTheDay, m, true],
        ],
      }),
      auto({ lastEvent: true }),
      new Map(),
      day('2026-03-12'),
    );
    expect(ids(both.hotEvents)).toEqual(['E0', 'E1']);
    const noneBefore = planAutomation(
      club({ members: [m], events: [onTheDay], attendedBy: [[onTheDay, m, true]] }),
      auto({ lastEvent: true }),
      new Map(),
      day('2026-03-12'),
    );
    expect(ids(noneBefore.hotEvents)).toEqual(['E1']);
  });

  it('counts from today when the day of switching on is unknown', () => {
    const m = member('M1');
    const today = event('E1', '2026-03-12', 2);
    const yesterday = event('E0', '2026-03-11', 3);
    const plan = planAutomation(
      club({
        members: [m],
        events: [today, yesterday],
        attendedBy: [
          [today, m, true],
          [yesterday, m, true],
        ],
      }),
      auto({ since: null, hotDelayDays: 0, lastEvent: false }),
      new Map(),
      day('2026-03-12'),
    );
    expect(ids(plan.hotEvents)).toEqual(['E1']);
  });
});

describe('planAutomation: the cold survey and the next events', () => {
  it('asks the ended semester from its survey day to 60 days after, if switched on by then', () => {
    const plan = (today: string, since: string | null) =>
      planAutomation(club({}), auto({ since: since === null ? null : day(since) }), new Map(), day(today))
        .coldSemester;
    expect(plan('2026-01-01', '2026-01-01')).toBe('2025-S2');
    expect(plan('2026-03-02', '2026-01-01')).toBe('2025-S2');
    expect(plan('2026-03-03', '2026-01-01')).toBeNull();
    expect(plan('2026-02-01', '2026-01-02')).toBeNull();
    expect(plan('2026-01-01', null)).toBe('2025-S2');
    const late = (today: string) =>
      planAutomation(club({}), auto({ since: null, coldDelayDays: 3 }), new Map(), day(today)).coldSemester;
    expect(late('2026-07-02')).toBeNull();
    expect(late('2026-07-03')).toBe('2026-S1');
  });

  it('lists the three next events after today, soonest first', () => {
    const events = [
      event('E5', '2026-05-01', 2),
      event('E0', '2026-03-12', 3),
      event('E2', '2026-03-20', 4),
      event('E4', '2026-04-15', 5),
      event('E3', '2026-04-01', 6),
      event('EP', '2026-03-01', 7),
    ];
    const plan = planAutomation(club({ events }), auto(), new Map(), day('2026-03-12'));
    expect(ids(plan.nextEvents)).toEqual(['E2', 'E3', 'E4']);
  });
});

describe('planAutomation: nudges', () => {
  it('nudges active members with an address quiet for the set weeks, at most once per period', () => {
    const today = day('2026-03-12');
    const quiet = member('M1', { joinedOn: today - 56 });
    const recent = member('M2', { joinedOn: today - 55 });
    const noAt = member('M3', { joinedOn: today - 100, email: 'm3-club.fr' });
    const optedOut = member('M4', { joinedOn: today - 100, profile: { no_email: 'true' } });
    const left = member('M5', { joinedOn: today - 400, leftOn: today - 1 });
    const nudgedLong = member('M6', { joinedOn: today - 100 });
    const nudgedLately = member('M7', { joinedOn: today - 100 });
    const members = [quiet, recent, noAt, optedOut, left, nudgedLong, nudgedLately];
    const lastNudges = new Map([
      ['M6', today - 56],
      ['M7', today - 55],
    ]);
    const plan = planAutomation(
      club({ members }),
      auto({ nudgeAfterWeeks: 8, nudgeEveryWeeks: 8 }),
      lastNudges,
      today,
    );
    expect(ids(plan.nudges)).toEqual(['M1', 'M6']);
    const none = planAutomation(club({ members }), auto({ nudgeAfterWeeks: 0 }), lastNudges, today);
    expect(none.nudges).toEqual([]);
  });

  it('counts an attended event as a sign of life, not an absence', () => {
    const today = day('2026-03-12');
    const came = member('M1', { joinedOn: today - 200 });
    const absent = member('M2', { joinedOn: today - 200 });
    const e = event('E1', '2026-03-01', 2);
    const plan = planAutomation(
      club({
        members: [came, absent],
        events: [e],
        attendedBy: [
          [e, came, true],
          [e, absent, false],
        ],
      }),
      auto({ nudgeAfterWeeks: 2 }),
      new Map(),
      today,
    );
    expect(ids(plan.nudges)).toEqual(['M2']);
  });
});

describe('lastActivity', () => {
  it('keeps the latest sign of life up to today: joining, attending, answering, referring, meeting, writing', () => {
    const today = day('2026-03-12');
    const a = member('A', { joinedOn: day('2026-01-01') });
    const b = member('B', { joinedOn: null });
    const c = member('C', { joinedOn: day('2026-01-01') });
    const d = member('D', { joinedOn: day('2026-01-01') });
    const e = member('E', { joinedOn: day('2026-01-01') });
    const f = member('F', { joinedOn: day('2026-01-01') });
    const g = member('G', { joinedOn: day('2026-03-20') });
    const h = member('H', { joinedOn: null });
    const ev = event('E1', '2026-02-10', 2);
    const later = event('E2', '2026-03-13', 3);
    const built = club({
      members: [a, b, c, d, e, f, g, h],
      events: [ev, later],
      attendedBy: [
        [ev, a, true],
        [later, a, true],
        [ev, null, true],
      ],
      answers: [
        { member: b, submittedOn: day('2026-02-01') },
        { member: b, submittedOn: day('2026-01-15') },
        { member: null, submittedOn: day('2026-03-01') },
      ],
      referrals: [{ giver: c, date: day('2026-02-20') }],
      interactions: [{ member: d, date: day('2026-03-12') }],
      contents: [{ author: e, date: day('2026-02-25') }],
    } as unknown as Partial<Club>);
    const last = lastActivity(built, today);
    expect(Object.fromEntries([...last].map(([id, d]) => [id, isoOf(d)]))).toEqual({
      A: '2026-02-10',
      B: '2026-02-01',
      C: '2026-02-20',
      D: '2026-03-12',
      E: '2026-02-25',
      F: '2026-01-01',
    });
  });
});

describe('eventLines', () => {
  it('writes the next events, French dates in French, untitled ones by id', () => {
    const events = [event('E1', '2026-03-20', 2, 'Petit-déjeuner'), event('E2', '2026-04-02', 3, '')];
    expect(eventLines(events, 'fr')).toBe('- 20/03/2026 : Petit-déjeuner\n- 02/04/2026 : E2');
    expect(eventLines(events, 'en')).toBe('- 2026-03-20: Petit-déjeuner\n- 2026-04-02: E2');
  });

  it('says the programme is coming when no event is planned', () => {
    expect(eventLines([], 'fr')).toBe('- (le programme arrive bientôt)');
    expect(eventLines([], 'en')).toBe('- (the programme is coming soon)');
  });
});
