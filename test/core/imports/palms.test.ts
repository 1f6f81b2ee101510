/**
 * BNI PALMS summary → the same tabs as detailed data, every row dated on the report's end date
 * (design in src/core/imports/palms.ts). The fixture is the rows a SpreadsheetML reader would hand
 * over, built from reference/export-formats.md §5.1 (title rows with values in column 5, spacer
 * columns, `-` for zero, a currency prefix, `Visitors` and `Total` rows) — not a real report.
 */

import { describe, expect, it } from 'vitest';
import { added, counts, fixtureRows, plan, type Tabs, write } from './helpers';

const FILE = 'bni_palms_summary_rows.csv';
const tabs: Tabs = [
  {
    name: 'Membres',
    values: [
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion"],
      ['M003', 'Alice', 'Martin', 'alice@example.org', '01/01/2024'],
      ['M007', 'Bob', 'Durand', 'bob@example.org', '01/01/2024'],
    ],
  },
];

// Report 01/01/2026 – 31/03/2026. Meetings = max(P+A+L+M+S) = Alice 10+1+1+0+0 = 12, Bob 8+2+0+1+1 = 12.
// Alice (line 9): 11 attended (P 10 + L 1), 1 not; 1 visitor; RGI 5 + RGO 2 + RRO 1 = 8 referrals;
//   TYFCB ₹1,500.00 → one won referral of 1500; 4 one-to-ones.
// Bob (line 10): 8 attended, 4 not (A 2 + M 1 + S 1); RGO 1; TYFCB « - » = 0; 2 one-to-ones.
// Zoé Klein (line 11) is not in Members → skipped. The table stops at « Visitors ».
// Totals: Events 12, Attendance 12 + 1 + 12 = 25, Referrals 8 + 1 + 1 = 10, Interactions 4 + 2 = 6.
describe('BNI PALMS summary (fixture)', () => {
  const p = plan(fixtureRows(FILE), FILE, { existing: { tabs } });

  it('turns per-member totals into rows dated on the report’s end date', () => {
    expect(p.source).toBe('bni_palms');
    expect(counts(p)).toEqual({ events: 12, attendance: 25, referrals: 10, interactions: 6 });
    expect(new Set(added(p, 'events').map((e) => e.date))).toEqual(new Set(['2026-03-31']));
    expect(added(p, 'events')[0]).toMatchObject({
      event_id: 'PALMS-2026-03-31-01',
      title: 'Réunion BNI 1/12 (PALMS du 01/01/2026 au 31/03/2026)',
    });
  });

  it('gives each member exactly their attended and missed meetings, spread over the meetings', () => {
    const attendance = added(p, 'attendance');
    const of = (member: string, attended: string) =>
      attendance
        .filter((a) => a.member === member && a.attended === attended)
        .map((a) => String(a.event_id).slice(-2));
    expect(of('M003', 'oui')).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11']);
    expect(of('M003', 'non')).toEqual(['12']);
    // Bob starts one meeting later: 02…09 attended, then 10, 11, 12, 01 missed.
    expect(of('M007', 'oui')).toEqual(['02', '03', '04', '05', '06', '07', '08', '09']);
    expect(of('M007', 'non')).toEqual(['10', '11', '12', '01']);
    expect(attendance.filter((a) => a.guest === 'oui')).toEqual([
      expect.objectContaining({
        event_id: 'PALMS-2026-03-31-01',
        member: 'Visiteur 1 de Alice Martin (PALMS 2026-03-31)',
        invited_by: 'M003',
        attended: 'oui',
      }),
    ]);
  });

  it('adds referrals given and received from outside, and TYFCB as won business, references in the note', () => {
    const referrals = added(p, 'referrals');
    const count = (giver: string, receiver: string) =>
      referrals.filter((r) => r.giver === giver && r.receiver === receiver && r.status === '').length;
    expect(count('M003', 'Membre du chapitre (PALMS)')).toBe(5);
    expect(count('M003', 'Hors chapitre (PALMS)')).toBe(2);
    expect(count('Hors chapitre (PALMS)', 'M003')).toBe(1);
    expect(count('M007', 'Hors chapitre (PALMS)')).toBe(1);
    expect(referrals.filter((r) => r.status === 'gagné')).toEqual([
      {
        date: '2026-03-31',
        giver: 'Membre du chapitre (PALMS)',
        receiver: 'M003',
        type: 'recommandation',
        status: 'gagné',
        value: 1500,
        closed_on: '2026-03-31',
        note: 'palms:2026-01-01:2026-03-31:M003:tyfcb',
      },
    ]);
    expect(added(p, 'interactions')[0]).toEqual({
      date: '2026-03-31',
      member: 'M003',
      type: 'entraide',
      channel: 'Tête-à-tête BNI',
      note: 'palms:2026-01-01:2026-03-31:M003:121:1',
    });
  });

  it('skips members the workbook does not know, and explains the RRI choice', () => {
    expect(p.skipped).toEqual([
      {
        line: 11,
        reason:
          '« Zoé Klein » introuvable dans l’onglet Membres : ajoutez ce membre puis importez à nouveau le rapport.',
      },
    ]);
    expect(p.notes.some((n) => n.includes('RRI'))).toBe(true);
  });

  it('adds nothing when imported again', () => {
    const again = plan(fixtureRows(FILE), FILE, { existing: { tabs: write(tabs, p) } });
    expect(again.additions).toEqual([]);
    expect(again.skipped.map((s) => s.line)).toEqual([9, 10, 11]);
  });

  it('refuses a report without its dates in one sentence', () => {
    const rows = fixtureRows(FILE).filter((r) => !/^(From|To):/.test(r[0]));
    expect(() => plan(rows, FILE)).toThrow(
      'Rapport PALMS illisible : les dates « From: » et « To: » du rapport sont introuvables ou illisibles.',
    );
  });
});
