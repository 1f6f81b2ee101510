/**
 * Engagement KPIs, hand-worked on a small club (issue 23). Period 2026-S1 (1 January – 30 June 2026),
 * today 2026-09-15 unless told otherwise.
 * Reports are computed inside each test, never at collection time: Stryker activates a mutant per test
 * and counts coverage per test, so a report computed while collecting would never see the mutant.
 */

import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_HEADER,
  EVENTS_HEADER,
  kpi,
  MEMBERS_HEADER,
  memberRows,
  run,
  sheetDate,
  tab,
} from '../fixtures';

const members = tab('Membres', MEMBERS_HEADER, [
  ...memberRows(4), // M001–M004, joined 01/01/2025
  ['M005', 'Eva', 'Février', 'eva@club.fr', '01/02/2026', '', ''],
  ['GA', 'Anne', 'A', 'a@ext.fr', '09/07/2026', '', ''], // E1 + 180 days exactly
  ['GB', 'Bruno', 'B', 'b@ext.fr', '10/07/2026', '', ''], // E1 + 181 days, E2 + 131 days
  ['GC', 'Carla', 'C', 'c@ext.fr', '09/01/2026', '', ''], // the day before E1
  ['GD', 'Dan', 'D', 'd@ext.fr', '10/01/2026', '', ''], // the day of E1
  ['GE', 'Elsa', 'E', 'e@ext.fr', '10/07/2026', '', ''], // E1 + 181 days, no other visit
]);
const events = tab('Événements', EVENTS_HEADER, [
  ['E1', sheetDate('2026-01-10'), 'atelier', ''],
  ['E2', sheetDate('2026-03-01'), 'afterwork', ''],
  ['E3', sheetDate('2026-07-05'), 'atelier', ''], // S2
]);
const attendance = tab('Participations', ATTENDANCE_HEADER, [
  ['E1', 'M001', 'oui', 'oui', ''],
  ['E1', 'M002', 'oui', 'non', ''],
  ['E1', 'M003', 'non', 'oui', ''], // walk-in
  ['E1', 'GA', 'oui', 'oui', 'oui'],
  ['E1', 'GB', 'oui', 'oui', 'oui'],
  ['E1', 'GC', 'oui', 'oui', 'oui'],
  ['E1', 'GD', 'oui', 'oui', 'oui'],
  ['E1', 'GE', 'oui', 'oui', 'oui'],
  ['E1', 'x@ext.fr', 'oui', 'oui', 'oui'],
  ['E1', 'y@ext.fr', 'oui', 'non', 'oui'], // a guest who did not come
  ['E2', 'M001', 'oui', 'oui', ''],
  ['E2', 'M005', 'oui', 'oui', ''],
  ['E2', 'GB', 'oui', 'oui', 'oui'],
  ['E2', 'GD', 'oui', 'oui', 'oui'], // a member by then: this visit converts nothing, the first one did
  ['E3', 'M002', 'oui', 'oui', ''], // S2
]);

describe('events and attendance, hand-worked', () => {
  const report = () => run([members, events, attendance]);

  it('active_members and participation_rate', () => {
    // Active on 30 June: M001–M005, GC, GD = 7 (GA, GB join in July).
    // Attended an event of P: M001, M003, M005, GC, GD (as guests, members now) → 5 ÷ 7.
    expect(kpi(report(), 'active_members')).toMatchObject({ value: 7, n: 7 });
    const p = kpi(report(), 'participation_rate');
    expect(p.value).toBeCloseTo(5 / 7, 12);
    expect(p).toMatchObject({ n: 7, details: { participants: 5, active_members: 7, min_events: 1 } });
  });

  it('registration_rate', () => {
    // Registered members, guests out: E1 M001, M002; E2 M001, M005 → 4.
    // Active on 10 Jan: M001–M004, GC, GD = 6; on 1 March: the same + M005 = 7 → 4 ÷ 13.
    const r = kpi(report(), 'registration_rate');
    expect(r.value).toBeCloseTo(4 / 13, 12);
    expect(r).toMatchObject({ n: 13, details: { registrations: 4, active_member_slots: 13, events: 2 } });
  });

  it('show_up_rate', () => {
    // Registered with a known attendance: E1 M001, M002, GA, GB, GC, GD, GE, x, y = 9 (M003 did not
    // register), of whom 7 came; E2 M001, M005, GB, GD: 4 of 4 → 11 ÷ 13.
    const s = kpi(report(), 'show_up_rate');
    expect(s.value).toBeCloseTo(11 / 13, 12);
    expect(s).toMatchObject({ n: 13, details: { attended: 11, registered: 13 } });
  });

  it('avg_attendance and guests_per_event', () => {
    // Attendees: E1 M001, M003, GA, GB, GC, GD, GE, x = 8; E2 4 → 12 ÷ 2 events = 6.
    expect(kpi(report(), 'avg_attendance')).toMatchObject({
      value: 6,
      n: 2,
      details: { attendees: 12, events: 2 },
    });
    // Guests who came: E1 GA, GB, GC, GD, GE, x = 6; E2 GB, GD = 2 → 8 ÷ 2 = 4.
    expect(kpi(report(), 'guests_per_event')).toMatchObject({
      value: 4,
      n: 2,
      details: { guests: 8, events: 2 },
    });
  });

  it('guest_conversion_rate: joined on the visit day up to 180 days after, any visit', () => {
    // Distinct guests who came: GA, GB, GC, GD, GE, x = 6. GA joined E1 + 180 days → yes; GB E1 + 181 → no,
    // but E2 + 131 → yes; GC the day before → no; GD the same day → yes (its later visit as a member
    // takes nothing away); GE E1 + 181 → no; x never → 3 ÷ 6.
    const g = kpi(report(), 'guest_conversion_rate');
    expect(g).toMatchObject({ value: 0.5, n: 6, details: { guests: 6, converted: 3, provisional: true } });
  });

  it('is provisional until 180 days after the end of P', () => {
    // 30 June 2026 + 180 days = 27 December 2026.
    const on = (today: string) => kpi(run([members, events, attendance], { today }), 'guest_conversion_rate');
    expect(on('2026-12-26').details.provisional).toBe(true);
    expect(on('2026-12-27').details.provisional).toBe(false);
  });

  it('is no data without Members (for member rates) or without Events', () => {
    const noMembers = run([events, attendance]);
    expect(kpi(noMembers, 'participation_rate')).toMatchObject({ value: null, n: 0 });
    expect(kpi(noMembers, 'registration_rate')).toMatchObject({ value: null, n: 0 });
    expect(kpi(noMembers, 'active_members')).toMatchObject({ value: null, n: 0 });
    const noEvents = run([members, attendance]);
    for (const id of [
      'participation_rate',
      'registration_rate',
      'show_up_rate',
      'avg_attendance',
      'guests_per_event',
      'guest_conversion_rate',
    ]) {
      expect(kpi(noEvents, id)).toMatchObject({ value: null, n: 0 });
      expect(Object.keys(kpi(noEvents, id).details)).toEqual([]); // NO_DATA, not empty counts
    }
  });
});

describe('registration_rate with an event nobody registered for', () => {
  it('counts 0 registrations for it', () => {
    // Active on both dates: M001, M002. E1: M001 registered; E2: nobody → 1 ÷ (2 + 2).
    const r = run([
      tab('Membres', MEMBERS_HEADER, memberRows(2)),
      tab('Événements', EVENTS_HEADER, [
        ['E1', sheetDate('2026-03-10'), 'atelier', ''],
        ['E2', sheetDate('2026-04-12'), 'atelier', ''],
      ]),
      tab('Participations', ATTENDANCE_HEADER, [['E1', 'M001', 'oui', 'oui', '']]),
    ]);
    expect(kpi(r, 'registration_rate')).toMatchObject({ value: 0.25, n: 4 });
  });
});

describe('email rates, hand-worked', () => {
  const report = () =>
    run([
      tab(
        'Communications',
        ['Date', 'Campagne', 'Destinataires', 'Rebonds', 'Ouvertures uniques', 'Clics uniques'],
        [
          ['15/01/2026', 'Janvier', 200, 10, 50, 10], // delivered 190
          ['15/03/2026', 'Mars', 100, 0, '', 5], // delivered 100, no opens
          ['15/11/2025', 'Novembre', 100, 0, 90, 90], // previous period
        ],
      ),
    ]);

  it('sums over the campaigns of P that have the count', () => {
    // Opens 50 ÷ 190 on 1 campaign; clicks (10 + 5) ÷ (190 + 100) on 2.
    const open = kpi(report(), 'email_open_rate');
    expect(open.value).toBeCloseTo(50 / 190, 12);
    expect(open).toMatchObject({ n: 190, details: { opens: 50, delivered: 190, campaigns: 1 } });
    const click = kpi(report(), 'email_click_rate');
    expect(click.value).toBeCloseTo(15 / 290, 12);
    expect(click).toMatchObject({ n: 290, details: { clicks: 15, delivered: 290, campaigns: 2 } });
  });
});

describe('interactions, hand-worked', () => {
  const interactions = tab(
    'Interactions',
    ['Date', 'Membre', 'Type'],
    [
      ['20/01/2026', 'M001', 'sollicitation'],
      ['03/03/2026', 'M002', 'sollicitation'],
      ['04/03/2026', 'M003', 'entraide'],
      ['20/07/2026', 'M003', 'sollicitation'], // S2
      ['20/10/2025', 'M003', 'sollicitation'], // 2025
    ],
  );

  it('counts the interactions of P', () => {
    // 2 solicitations ÷ (181 days ÷ 7) = 14/181. 3 interactions ÷ 7 active members, n = 3.
    const report = () => run([members, interactions]);
    const s = kpi(report(), 'solicitations_per_week');
    expect(s.value).toBeCloseTo(14 / 181, 12);
    expect(s).toMatchObject({ n: 2, details: { solicitations: 2 } });
    expect(s.details.weeks).toBeCloseTo(181 / 7, 12);
    const i = kpi(report(), 'interactions_per_member');
    expect(i.value).toBeCloseTo(3 / 7, 12);
    expect(i).toMatchObject({ n: 3, details: { interactions: 3, active_members: 7 } });
  });

  it('interactions_per_member needs Members', () => {
    const report = () => run([interactions]);
    expect(kpi(report(), 'interactions_per_member')).toMatchObject({ value: null, n: 0 });
    expect(kpi(report(), 'solicitations_per_week').n).toBe(2);
  });
});
