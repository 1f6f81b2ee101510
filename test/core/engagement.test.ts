/** Engagement KPIs (SPEC §3, §12) on small hand-made clubs; the arithmetic is in the comments. */

import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_HEADER,
  EVENTS_HEADER,
  issues,
  kpi,
  MEMBERS_HEADER,
  memberRows,
  run,
  sheetDate,
  tab,
} from './fixtures';

describe('the article example', () => {
  it('200 active members, 80 of whom came to an event in the period → participation 0.4', () => {
    const members = memberRows(200);
    const attendance = members.slice(0, 80).map((m) => ['E1', m[0], 'oui', 'oui', '']);
    const report = run([
      tab('Membres', MEMBERS_HEADER, members),
      tab('Événements', EVENTS_HEADER, [['E1', sheetDate('2026-03-10'), 'petit-déjeuner', '']]),
      tab('Participations', ATTENDANCE_HEADER, attendance),
    ]);
    const p = kpi(report, 'participation_rate');
    // 80 ÷ 200 = 0.4; benchmark 0.75 − band 0.05 = 0.70 > 0.4 → red.
    expect(p).toMatchObject({ value: 0.4, n: 200, status: 'red', previous: null, delta: null });
    expect(kpi(report, 'active_members')).toMatchObject({ value: 200, n: 200 });
  });
});

// A club of 13 members and two events in 2026-S1 (today 2026-09-15).
const members = tab('Membres', MEMBERS_HEADER, [
  ...memberRows(10), // M001–M010, joined 01/01/2025
  ['M011', 'Inès', 'Nouveau', 'ines@club.fr', '15/04/2026', '', ''], // joins mid-period
  ['M012', 'Hugo', 'Parti', 'hugo@club.fr', '01/01/2025', '28/02/2026', 'ancien'], // leaves 28 Feb
  ['M013', 'Nora', 'Recrue', 'nora@club.fr', '01/06/2026', '', ''], // a guest of E2 who joined after
]);
const events = tab('Événements', EVENTS_HEADER, [
  ['E1', sheetDate('2026-02-10'), 'atelier', ''],
  ['E2', sheetDate('2026-05-12'), 'afterwork', ''],
]);
const attendance = tab('Participations', ATTENDANCE_HEADER, [
  ['E1', 'M001', 'oui', 'oui', ''],
  ['E1', 'M002', '', 'non', ''],
  ['E1', 'M003', 'oui', '', ''],
  ['E1', 'M012', 'oui', 'oui', ''],
  ['E1', 'guest1@ext.fr', 'oui', 'oui', ''],
  ['E2', 'M001', 'oui', 'oui', ''],
  ['E2', 'M004', 'non', 'oui', ''],
  ['E2', 'M011', 'x', '✓', ''],
  ['E2', 'GUEST1@ext.fr', 'oui', 'oui', ''],
  ['E2', 'Nora Recrue', 'oui', 'oui', ''],
]);

describe('events and attendance', () => {
  const report = run([members, events, attendance]);

  it('counts active members at the end of the period', () => {
    // On 30 June: M001–M011 and M013 = 12 (M012 left on 28 Feb).
    expect(kpi(report, 'active_members').value).toBe(12);
  });

  it('participation_rate: active members of P who attended ≥ 1 event of P ÷ active members of P', () => {
    // Attended and active on 30 June: M001, M004, M011, M013 (as a guest of E2, now a member) = 4;
    // M012 attended but has left. 4 ÷ 12 = 1/3.
    expect(kpi(report, 'participation_rate')).toMatchObject({ value: 4 / 12, n: 12 });
  });

  it('participation_rate counts events against active_min_events', () => {
    const two = run([
      members,
      events,
      attendance,
      tab('Paramètres', ['Clé', 'Valeur'], [['active_min_events', 2]]),
    ]);
    // Only M001 attended 2 events: 1 ÷ 12.
    expect(kpi(two, 'participation_rate').value).toBe(1 / 12);
  });

  it('registration_rate: Σ registered members per event ÷ Σ active members at each event date', () => {
    // E1 (10 Feb): registered members M001, M002 (blank = yes), M003, M012 = 4; active that day M001–M010 + M012 = 11.
    // E2 (12 May): M001, M011 = 2 (M004 said no; the guests are left out); active M001–M011 = 11.
    // (4 + 2) ÷ (11 + 11) = 6/22.
    expect(kpi(report, 'registration_rate')).toMatchObject({ value: 6 / 22, n: 22 });
  });

  it('show_up_rate: attended ÷ registered over rows with a known attendance, guests included', () => {
    // E1: M001 yes, M002 no, M012 yes, guest yes (M003 unknown, left out) → 3 of 4.
    // E2: M001, M011, guest, Nora → 4 of 4 (M004 did not register). 7 ÷ 8 = 0.875 ≥ benchmark 0.72 → green.
    expect(kpi(report, 'show_up_rate')).toMatchObject({ value: 7 / 8, n: 8, status: 'green' });
  });

  it('avg_attendance and guests_per_event', () => {
    // Attended rows: E1 M001, M012, guest = 3; E2 M001, M004, M011, guest, Nora = 5. 8 ÷ 2 events = 4.
    expect(kpi(report, 'avg_attendance')).toMatchObject({ value: 4, n: 2 });
    // Guests who attended: E1 guest; E2 guest, Nora (not yet a member) = 3 ÷ 2 = 1.5.
    expect(kpi(report, 'guests_per_event').value).toBe(1.5);
  });

  it('guest_conversion_rate: distinct guests who joined within 180 days ÷ distinct guests, provisional', () => {
    // Distinct guests: guest1@ext.fr (twice, any case) and Nora; Nora joined 1 June, 20 days after E2. 1 ÷ 2.
    const g = kpi(report, 'guest_conversion_rate');
    expect(g).toMatchObject({ value: 0.5, n: 2 });
    // 30 June + 180 days is after 15 Sept: still provisional.
    expect(g.details.provisional).toBe(true);
  });

  it('leaves rows dated after today out, and gives no data for a period without events', () => {
    // On 1 April, E2 (12 May) has not been held: only E1's 3 attendees count.
    const early = run([members, events, attendance], { today: '2026-04-01' });
    expect(kpi(early, 'avg_attendance').value).toBe(3);
    expect(kpi(early, 'show_up_rate').value).toBe(3 / 4);
    // 2025-S2 has no event: participation has no data (null), not 0.
    expect(kpi(report, 'participation_rate').previous).toBeNull();
  });

  it('gives no data without an Attendance tab', () => {
    const none = run([members, events]);
    for (const id of [
      'participation_rate',
      'registration_rate',
      'show_up_rate',
      'avg_attendance',
      'guests_per_event',
    ]) {
      expect(kpi(none, id).value).toBeNull();
    }
  });
});

describe('email rates', () => {
  const report = run([
    tab(
      'Communications',
      ['Date', 'Campagne', 'Destinataires', 'Rebonds', 'Ouvertures uniques', 'Clics uniques'],
      [
        ['15/01/2026', 'Janvier', 200, 10, 57, 19], // delivered 190
        ['15/03/2026', 'Mars', 100, '', '', 5], // empty bounces = 0, no opens: out of the open rate
        ['15/04/2026', 'Avril', '110', '10', '30', '1'], // delivered 100
        ['10/09/2025', 'Rentrée', 100, 0, 20, 2], // previous period
      ],
    ),
  ]);

  it('email_open_rate: Σ opens ÷ Σ (recipients − bounces) over campaigns with opens', () => {
    // (57 + 30) ÷ (190 + 100) = 87/290 = 0.3; previous 20/100 = 0.2; delta 0.1; 0.3 ≥ 0.286 → green.
    const open = kpi(report, 'email_open_rate');
    expect(open.value).toBeCloseTo(0.3, 12);
    expect(open.previous).toBeCloseTo(0.2, 12);
    expect(open.delta).toBeCloseTo(0.1, 12);
    expect(open).toMatchObject({ n: 290, status: 'green' });
    expect(open.details.indicative).toBe(true);
  });

  it('email_click_rate: Σ clicks ÷ Σ (recipients − bounces)', () => {
    // (19 + 5 + 1) ÷ (190 + 100 + 100) = 25/390 ≈ 0.064 ≥ 0.035 → green.
    expect(kpi(report, 'email_click_rate')).toMatchObject({ value: 25 / 390, n: 390, status: 'green' });
  });
});

describe('interactions', () => {
  const interactions = tab(
    'Interactions',
    ['Date', 'Membre', 'Type'],
    [
      ['20/01/2026', 'M001', 'sollicitation'],
      ['03/03/2026', 'M002', 'Sollicitation'],
      ['04/03/2026', 'M003', 'entraide'],
      ['20/05/2026', 'M003', 'solicitation'],
    ],
  );

  it('solicitations_per_week over the whole period once it is over', () => {
    // 3 solicitations ÷ (181 days ÷ 7) = 21/181.
    const report = run([members, interactions]);
    expect(kpi(report, 'solicitations_per_week').value).toBeCloseTo(21 / 181, 12);
    // 4 interactions ÷ 12 active members.
    expect(kpi(report, 'interactions_per_member').value).toBeCloseTo(4 / 12, 12);
  });

  it('solicitations_per_week over the elapsed part of a period not over', () => {
    // On 4 March: 31 + 28 + 4 = 63 days = 9 weeks; solicitations so far: 20 Jan, 3 Mar = 2 → 2/9.
    const report = run([members, interactions], { today: '2026-03-04' });
    expect(kpi(report, 'solicitations_per_week').value).toBeCloseTo(2 / 9, 12);
  });

  it('is no data without the tab, 0 with rows but none in the period', () => {
    expect(kpi(run([members]), 'solicitations_per_week').value).toBeNull();
    const old = tab('Interactions', ['Date', 'Membre', 'Type'], [['20/01/2025', 'M001', 'sollicitation']]);
    expect(kpi(run([members, old]), 'solicitations_per_week').value).toBe(0);
  });
});

describe('email counts larger than what they count', () => {
  it('are reported out_of_range and left out of the rates', () => {
    // Campaign 1: 100 sent, 10 bounces, 45 opens → counted; campaign 2: 50 sent, 60 opens → reported.
    const report = run([
      tab(
        'Communications',
        ['Date', 'Campagne', 'Destinataires', 'Rebonds', 'Ouvertures uniques'],
        [
          ['10/03/2026', 'Mars', 100, 10, 45],
          ['10/04/2026', 'Avril', 50, 0, 60],
        ],
      ),
    ]);
    // 45 ÷ (100 − 10) = 0.5; campaign 2 has no usable opens.
    expect(kpi(report, 'email_open_rate').value).toBeCloseTo(0.5, 10);
    expect(issues(report, 'out_of_range')).toEqual([
      expect.objectContaining({ tab: 'Communications', row: 3, column: 'Ouvertures uniques', value: '60' }),
    ]);
  });
});
