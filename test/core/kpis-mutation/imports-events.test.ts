/**
 * Attendee lists (src/core/imports/events.ts), hand-worked where test/core/imports/events.test.ts
 * leaves room (issue 23): every Eventbrite attendee status, the UK report told by any one of its
 * headers (dates then read day first), the event named in the report, undated and nameless
 * attendees; Meetup RSVPs and attendance words, guests counted only for those who come, and the
 * RSVP dates read in the spreadsheet's locale. Rows follow the headers of
 * reference/export-formats.md §3 and the real Eventbrite sample; each expected row is worked out
 * in a comment. Workbook: M003 Alice Martin (alice.martin@example.org).
 */

import { describe, expect, it } from 'vitest';
import type { ImportInput } from '../../../src/core/imports/types';
import { added, plan, type Tabs } from '../imports/helpers';

const tabs: Tabs = [
  {
    name: 'Members',
    values: [
      ['Member ID', 'First name', 'Last name', 'Email', 'Joined on'],
      ['M003', 'Alice', 'Martin', 'alice.martin@example.org', '2024-01-01'],
    ],
  },
];

const csv = (header: string, lines: string[]): string[][] => [header, ...lines].map((l) => l.split(','));
const NAMED = { id: 'E-1', title: 'Apéro', date: '2026-03-05' };
const reasons = (p: { skipped: Array<{ line: number; reason: string }> }) =>
  p.skipped.map((s) => [s.line, s.reason]);

const US = 'Order #,Order Date,First Name,Last Name,Email,Attendee #,Attendee Status';
const eventbrite = (header: string, lines: string[], options: Partial<ImportInput> = {}) =>
  plan(csv(header, lines), 'attendees.csv', {
    existing: { tabs },
    source: 'eventbrite',
    event: NAMED,
    ...options,
  });

describe('Eventbrite attendee statuses', () => {
  it('skips every cancelled kind of registration and keeps the rest, checked in or not', () => {
    const p = eventbrite(US, [
      '3101,03/01/2026 10:00,Ann,Lee,ann@example.org,5101,Cancelled',
      '3102,03/01/2026 10:00,Ben,Lee,ben@example.org,5102,Deleted',
      '3103,03/01/2026 10:00,Cat,Lee,cat@example.org,5103,Transferred',
      '3104,03/01/2026 10:00,Dan,Lee,dan@example.org,5104,Not Attending',
      '3105,03/01/2026 10:00,Eve,Lee,eve@example.org,5105,Remboursé',
      '3106,03/01/2026 10:00,Fay,Lee,fay@example.org,5106,Annulé',
      // Line 8: « Checked In (transferred) » starts with checked in: attended; the word
      // « transferred » later in it does not cancel it (statuses are read from their start).
      '3107,03/01/2026 10:00,Gus,Lee,gus@example.org,5107,Checked In (transferred)',
      // Line 9: Attending → attendance unknown. Line 10: no status → kept, unknown.
      '3108,03/01/2026 10:00,Alice,Martin,alice.martin@example.org,5108,Attending',
      '3109,03/01/2026 10:00,Hal,Lee,hal@example.org,5109,',
    ]);
    expect(
      added(p, 'attendance').map((a) => [a.event_id, a.member, a.registered, a.attended, a.source_ref]),
    ).toEqual([
      ['E-1', 'gus@example.org', 'oui', 'oui', 'eventbrite:3107:5107'],
      ['E-1', 'M003', 'oui', '', 'eventbrite:3108:5108'],
      ['E-1', 'hal@example.org', 'oui', '', 'eventbrite:3109:5109'],
    ]);
    expect(reasons(p)).toEqual([
      [2, 'inscription « Cancelled » : la personne ne vient pas.'],
      [3, 'inscription « Deleted » : la personne ne vient pas.'],
      [4, 'inscription « Transferred » : la personne ne vient pas.'],
      [5, 'inscription « Not Attending » : la personne ne vient pas.'],
      [6, 'inscription « Remboursé » : la personne ne vient pas.'],
      [7, 'inscription « Annulé » : la personne ne vient pas.'],
    ]);
  });

  it('adds no event when nobody comes', () => {
    const p = eventbrite(US, ['3201,03/01/2026 10:00,Ann,Lee,ann@example.org,5201,Refunded']);
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([[2, 'inscription « Refunded » : la personne ne vient pas.']]);
  });

  it('says yes in English', () => {
    const p = eventbrite(US, ['3301,03/01/2026 10:00,Ann,Lee,ann@example.org,5301,Checked In'], {
      lang: 'en',
      locale: 'en_US',
    });
    expect(added(p, 'attendance').map((a) => [a.registered, a.attended])).toEqual([['yes', 'yes']]);
  });
});

describe('Eventbrite dates and event', () => {
  // Unnamed event, dated on the last order: 02/03/2026 is 3 February in a US report (month first),
  // 2 March in a UK one (day first). Any one UK header makes the report UK.
  const line = '3401,02/03/2026 10:00,Ann,Lee,ann@example.org,5401,Attending';
  const dateOf = (header: string) =>
    added(eventbrite(header, [line], { event: undefined }), 'events')[0]?.date;

  it('names an event without name after the file', () => {
    // No « Event Name » column: the title comes from « attendees.csv ».
    const p = eventbrite(US, [line], { event: undefined });
    expect(added(p, 'events').map((e) => [e.event_id, e.title])).toEqual([['EB-attendees', 'attendees']]);
    // An « Event Name » column left empty: the same.
    const q = eventbrite(`${US},Event Name`, [`${line},`], { event: undefined });
    expect(added(q, 'events').map((e) => [e.event_id, e.title])).toEqual([['EB-attendees', 'attendees']]);
  });

  it('reads a US report month first and a UK report day first, told by any UK header', () => {
    expect(dateOf(US)).toBe('2026-02-03');
    expect(dateOf('Order #,Order Date,First Name,Surname,Email,Attendee #,Attendee Status')).toBe(
      '2026-03-02',
    );
    expect(dateOf('Order no.,Order Date,First Name,Last Name,Email,Attendee #,Attendee Status')).toBe(
      '2026-03-02',
    );
    expect(dateOf('Order #,Order Date,First Name,Last Name,Email,Attendee no.,Attendee Status')).toBe(
      '2026-03-02',
    );
  });

  it('names the event after the report’s first event name, dated on the last order', () => {
    // Orders 03/01 and 03/05/2026 (US: 1 and 5 March) → the event « Gala de printemps » of 2026-03-05.
    const p = eventbrite(
      `${US},Event Name`,
      [
        '3501,03/05/2026 10:00,Ann,Lee,ann@example.org,5501,Attending,',
        '3502,03/01/2026 10:00,Ben,Lee,ben@example.org,5502,Attending,Gala de printemps',
      ],
      { event: undefined },
    );
    expect(added(p, 'events').map((e) => [e.event_id, e.date, e.title, e.source_ref])).toEqual([
      ['EB-gala-de-printemps', '2026-03-05', 'Gala de printemps', 'eventbrite:event:EB-gala-de-printemps'],
    ]);
    expect(p.notes).toEqual([
      'L’export ne donne pas la date de l’événement « Gala de printemps » : il est daté du 05/03/2026 (dernière commande). Corrigez-la au besoin.',
    ]);
  });

  it('skips every attendee when neither the user nor the orders date the event', () => {
    const p = eventbrite(
      US,
      ['3601,soon,Ann,Lee,ann@example.org,5601,Attending', '3602,,Ben,Lee,ben@example.org,5602,Attending'],
      { event: { title: 'Gala' } },
    );
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([
      [2, 'date illisible « soon » dans « Order Date ».'],
      [3, 'date illisible «  » dans « Order Date ».'],
    ]);
  });
});

describe('Eventbrite people and references', () => {
  it('reads « Email Address » and « Order ID », refers by person without attendee number, skips the nameless', () => {
    const p = eventbrite('Order ID,Order Date,First Name,Last Name,Email Address,Attendee Status', [
      // Line 2: Ann Lee → ann@example.org; no attendee number → slug of it.
      'O-1,03/01/2026 10:00,Ann,Lee,ann@example.org,Attending',
      // Line 3: Alice (M003) → slug « m003 ».
      'O-2,03/01/2026 10:00,Alice,Martin,ALICE.MARTIN@example.org,Attending',
      // Line 4: nobody named.
      'O-3,03/01/2026 10:00,,,,Attending',
      // Line 5: Ann again in another order → the same person at the same event.
      'O-4,03/01/2026 10:00,Ann,Lee,ann@example.org,Attending',
    ]);
    expect(added(p, 'attendance').map((a) => [a.member, a.source_ref])).toEqual([
      ['ann@example.org', 'eventbrite:O-1:ann-example-org'],
      ['M003', 'eventbrite:O-2:m003'],
    ]);
    expect(reasons(p)).toEqual([
      [4, 'ni e-mail ni nom : impossible de savoir de qui il s’agit.'],
      [5, 'doublon d’une ligne précédente du fichier (référence eventbrite:O-4:ann-example-org).'],
    ]);
  });

  it('writes a person without e-mail by name, from « Surname » too', () => {
    const p = eventbrite('Order no.,Order Date,First Name,Surname,Email,Attendee no.,Attendee Status', [
      '3701,03/01/2026 10:00,Zoé,Klein,,5701,Attending',
    ]);
    expect(added(p, 'attendance').map((a) => [a.member, a.source_ref])).toEqual([
      ['Zoé Klein', 'eventbrite:3701:5701'],
    ]);
  });

  it('ignores blank lines but keeps the line numbers of the file', () => {
    // Line 2: empty cells; line 3: cells of spaces only; line 4: cancelled.
    const p = eventbrite(US, [
      ',,,,,,',
      ' , ,  , , , , ',
      '3801,03/01/2026 10:00,Ann,Lee,ann@example.org,5801,Cancelled',
    ]);
    expect(reasons(p)).toEqual([[4, 'inscription « Cancelled » : la personne ne vient pas.']]);
  });
});

const MEETUP = 'Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on';
const meetup = (lines: string[], options: Partial<ImportInput> = {}) =>
  plan(csv(MEETUP, lines), 'meetup-apero.csv', { existing: { tabs }, event: NAMED, ...options });

describe('Meetup RSVPs and attendance', () => {
  it('keeps yes, going and blank RSVPs, and reads every attendance word', () => {
    const p = meetup([
      // RSVP kept: line 2 « Going », 3 « Oui », 4 blank, then « Yes » for the attendance words.
      'Ann Lee,Not attended,101,Member,No,Going,0,2026-03-01',
      'Ben Lee,Unknown,102,Member,No,Oui,0,2026-03-01',
      'Cat Lee,Présent,103,Member,No,,0,2026-03-01',
      'Dan Lee,Absent,104,Member,No,Yes,0,2026-03-01',
      'Eve Lee,Checked in,105,Member,No,Yes,0,2026-03-01',
      'Fay Lee,Did not attend,106,Member,No,Yes,0,2026-03-01',
      'Alice Martin,Yes,107,Member,No,Yes,0,2026-03-01',
      'Gus Lee,No,108,Member,No,Yes,0,2026-03-01',
      // RSVP refused: « Not going », « Yes, maybe » (quoted in the export; here « Yes; maybe »),
      // « Waitlist »; their guests are not counted.
      'Hal Lee,,109,Member,No,Not going,5,2026-03-01',
      'Ivy Lee,,110,Member,No,Yes; maybe,5,2026-03-01',
      'Jon Lee,,111,Member,No,Waitlist,5,2026-03-01',
    ]);
    // « Not attended » starts with no (not with attended): non. « Unknown » contains no but does not
    // start with it: unknown.
    expect(added(p, 'attendance').map((a) => [a.member, a.attended, a.source_ref])).toEqual([
      ['Ann Lee', 'non', 'meetup:E-1:101'],
      ['Ben Lee', '', 'meetup:E-1:102'],
      ['Cat Lee', 'oui', 'meetup:E-1:103'],
      ['Dan Lee', 'non', 'meetup:E-1:104'],
      ['Eve Lee', 'oui', 'meetup:E-1:105'],
      ['Fay Lee', 'non', 'meetup:E-1:106'],
      ['M003', 'oui', 'meetup:E-1:107'],
      ['Gus Lee', 'non', 'meetup:E-1:108'],
    ]);
    expect(reasons(p)).toEqual([
      [10, 'réponse « Not going » : la personne ne s’est pas inscrite.'],
      [11, 'réponse « Yes; maybe » : la personne ne s’est pas inscrite.'],
      [12, 'réponse « Waitlist » : la personne ne s’est pas inscrite.'],
    ]);
    // No guest among those who come: no note at all.
    expect(p.notes).toEqual([]);
  });

  it('counts the guests of those who come, an unreadable count as none', () => {
    // 2 + 1 = 3 guests; « n/a » counts 0; the 5 guests of a « No » are not counted.
    const p = meetup([
      'Ann Lee,,101,Member,No,Yes,2,2026-03-01',
      'Ben Lee,,102,Member,No,Yes,n/a,2026-03-01',
      'Cat Lee,,103,Member,No,Yes,1,2026-03-01',
      'Dan Lee,,104,Member,No,No,5,2026-03-01',
    ]);
    expect(p.notes).toEqual([
      '3 invités annoncés via Meetup ne sont pas importés : Meetup ne donne pas leur nom.',
    ]);
  });

  it('says yes and no in English', () => {
    const p = meetup(
      ['Ann Lee,Attended,101,Member,No,Yes,0,2026-03-01', 'Ben Lee,No show,102,Member,No,Yes,0,2026-03-01'],
      {
        lang: 'en',
        locale: 'en_US',
      },
    );
    expect(added(p, 'attendance').map((a) => [a.registered, a.attended])).toEqual([
      ['yes', 'yes'],
      ['yes', 'no'],
    ]);
  });

  it('skips the same member twice, and passes over lines of spaces', () => {
    const p = meetup([
      'Ann Lee,,101,Member,No,Yes,0,2026-03-01',
      ' , , , , , , , ',
      'Ann Lee,,101,Member,No,Yes,0,2026-03-01',
    ]);
    expect(added(p, 'attendance')).toHaveLength(1);
    expect(reasons(p)).toEqual([
      [4, 'doublon d’une ligne précédente du fichier (référence meetup:E-1:101).'],
    ]);
  });

  it('adds no event when nobody said yes', () => {
    const p = meetup(['Ann Lee,,101,Member,No,No,0,2026-03-01']);
    expect(p.additions).toEqual([]);
  });

  it('refers to a member without user ID by name, and skips a nameless line', () => {
    const p = meetup(['Zoé Klein,,,Member,No,Yes,0,2026-03-01', ',,112,Member,No,Yes,0,2026-03-01']);
    expect(added(p, 'attendance').map((a) => [a.member, a.source_ref])).toEqual([
      ['Zoé Klein', 'meetup:E-1:zoe-klein'],
    ]);
    expect(reasons(p)).toEqual([[3, 'ni e-mail ni nom : impossible de savoir de qui il s’agit.']]);
  });
});

describe('Meetup dates', () => {
  it('reads the RSVP dates in the spreadsheet’s locale to date an unnamed event', () => {
    // Last RSVP 03/04/2026: 3 April for a French sheet, 4 March for a US one.
    const lines = ['Ann Lee,,101,Member,No,Yes,0,03/04/2026', 'Ben Lee,,102,Member,No,Yes,0,01/04/2026'];
    const fr = meetup(lines, { event: { title: 'Apéro' } });
    expect(added(fr, 'events').map((e) => [e.event_id, e.date, e.source_ref])).toEqual([
      ['MU-apero', '2026-04-03', 'meetup:event:MU-apero'],
    ]);
    const us = meetup(lines, { event: { title: 'Apéro' }, locale: 'en_US' });
    expect(added(us, 'events').map((e) => e.date)).toEqual(['2026-03-04']);
  });

  it('settles the day order from the RSVP dates themselves', () => {
    // 13/03/2026 can only be day first: so 03/04/2026 is 3 April even for a US sheet; latest 2026-04-03.
    const lines = ['Ann Lee,,101,Member,No,Yes,0,13/03/2026', 'Ben Lee,,102,Member,No,Yes,0,03/04/2026'];
    const us = meetup(lines, { event: { title: 'Apéro' }, locale: 'en_US' });
    expect(added(us, 'events').map((e) => e.date)).toEqual(['2026-04-03']);
  });

  it('skips every RSVP when neither the user nor the RSVPs date the event', () => {
    const p = meetup(['Ann Lee,,101,Member,No,Yes,0,bientôt', ',,,,,,,'], { event: { title: 'Apéro' } });
    expect(p.additions).toEqual([]);
    expect(reasons(p)).toEqual([[2, 'date illisible « bientôt » dans « RSVPed on ».']]);
  });
});
