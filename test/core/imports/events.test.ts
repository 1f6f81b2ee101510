/**
 * Attendee lists → Events and Attendance: the real Eventbrite US sample (/work/shared/samples/),
 * and fixtures built from reference/export-formats.md §3 (not real exports): Eventbrite with UK
 * headers and a Meetup attendee export.
 */

import { describe, expect, it } from 'vitest';
import { added, counts, fixtureRows, plan, sampleRows, type Tabs, write } from './helpers';

const tabs: Tabs = [
  {
    name: 'Members',
    values: [
      ['Member ID', 'First name', 'Last name', 'Email', 'Joined on'],
      ['M003', 'Alice', 'Martin', 'alice.martin@example.org', '2024-01-01'],
    ],
  },
];

describe('Eventbrite, US headers (real sample)', () => {
  const FILE = 'eventbrite_attendee_report_sample.csv';
  // Two « Attending » attendees (attendance unknown until the check-in), neither a member.
  it('adds the event the user names and one attendance row per attendee', () => {
    const p = plan(sampleRows(FILE), FILE, { event: { title: 'CNSV talk', date: '05/12/2024' } });
    expect(p.source).toBe('eventbrite');
    expect(added(p, 'events')).toEqual([
      expect.objectContaining({ event_id: 'EB-cnsv-talk', date: '2024-12-05' }),
    ]);
    expect(added(p, 'attendance').map((a) => [a.member, a.registered, a.attended, a.source_ref])).toEqual([
      ['jdoe1@test1mail.com', 'oui', '', 'eventbrite:11211912243:18441583423'],
      ['jdoe2@test2mail.com', 'oui', '', 'eventbrite:11211987213:18441700883'],
    ]);
    const again = plan(sampleRows(FILE), FILE, {
      existing: { tabs: write([], p) },
      event: { title: 'CNSV talk', date: '05/12/2024' },
    });
    expect(again.additions).toEqual([]);
  });

  // « 11/29/24 22:28 »: two-digit year, month first (US report) → 2024-11-29, even for a French club.
  it('reads its US order dates when it must date the event on the last order', () => {
    const p = plan(sampleRows(FILE), FILE);
    expect(added(p, 'events')[0].date).toBe('2024-11-29');
    expect(p.notes[0]).toContain('29/11/2024');
  });
});

describe('Eventbrite, UK headers (fixture)', () => {
  const FILE = 'eventbrite_attendee_report_uk.csv';
  // Line 2: Alice (member M003), Checked In → attended oui. Line 3: Tom, Attending → unknown.
  // Line 4: Amy, Refunded → skipped. Last order 14/03/2026 (day first) → the event's date.
  it('reads Surname / Order no. / Attendee no. and the check-in status', () => {
    const p = plan(fixtureRows(FILE), FILE, { existing: { tabs } });
    expect(counts(p)).toEqual({ events: 1, attendance: 2 });
    expect(added(p, 'events')[0].date).toBe('2026-03-14');
    expect(added(p, 'attendance').map((a) => [a.member, a.attended, a.source_ref])).toEqual([
      ['M003', 'oui', 'eventbrite:3001:4001'],
      ['tom.baker@example.org', '', 'eventbrite:3002:4002'],
    ]);
    expect(p.skipped).toEqual([{ line: 4, reason: 'inscription « Refunded » : la personne ne vient pas.' }]);
  });
});

describe('Meetup (fixture)', () => {
  const FILE = 'meetup_attendees.csv';
  // Alice Martin (member, matched by name) attended; Tom Baker no show; Zoé Klein unknown; Paul
  // Simon answered No → skipped. Guests announced: Alice 1 + Zoé 2 = 3, named nowhere → a note.
  it('adds RSVP-yes attendees, matched by name, and counts unnamed guests in a note', () => {
    const p = plan(fixtureRows(FILE), FILE, {
      existing: { tabs },
      event: { id: 'E-MU-1', date: '2026-03-05', title: 'Apéro' },
    });
    expect(p.source).toBe('meetup');
    expect(added(p, 'attendance').map((a) => [a.event_id, a.member, a.attended, a.source_ref])).toEqual([
      ['E-MU-1', 'M003', 'oui', 'meetup:E-MU-1:111'],
      ['E-MU-1', 'Tom Baker', 'non', 'meetup:E-MU-1:222'],
      ['E-MU-1', 'Zoé Klein', '', 'meetup:E-MU-1:333'],
    ]);
    expect(p.skipped).toEqual([{ line: 5, reason: 'réponse « No » : la personne ne s’est pas inscrite.' }]);
    expect(p.notes).toContain(
      '3 invités annoncés via Meetup ne sont pas importés : Meetup ne donne pas leur nom.',
    );
  });
});
