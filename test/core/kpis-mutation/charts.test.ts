/**
 * The dashboard's chart tables and charts (issue 23: the charts' mutants): what each table counts,
 * month by month, and where each chart finds it. A small club, every figure counted by hand below.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { buildCharts, CHART_MONTHS, type ChartData, MEMBER_COLORS } from '../../../src/core/charts';
import type { Report } from '../../../src/core/compute';
import { ATTENDANCE_HEADER, DUES_HEADERS, EVENTS_HEADER, MEMBER_HEADERS, run, tab } from '../fixtures';

const NBSP = '\u00a0';
const REFERRALS = ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'];

function clubTabs() {
  return [
    tab('Membres', MEMBER_HEADERS, [
      ['M001', 'Ana', 'Lopez', '', '', '01/01/2024', '', '', ''],
      ['M002', 'Bob', 'Morel', '', '', '01/01/2025', '', '', ''],
      ['M003', 'Chloé', 'Faure', '', '', '15/02/2026', '', '', ''],
    ]),
    tab('Cotisations', DUES_HEADERS, [
      ['M001', 2024, 100, '10/01/2024', 'payé'],
      ['M001', 2025, 100, '10/01/2025', 'payé'],
      ['M002', 2025, 100, '10/01/2025', 'payé'],
      ['M001', 2026, 100, '10/01/2026', 'payé'],
      ['M003', 2026, 100, '20/02/2026', 'payé'],
    ]),
    tab('Événements', EVENTS_HEADER, [
      ['E1', '12/12/2025', 'conférence', ''],
      ['E2', '01/01/2026', 'atelier', ''],
      ['E3', '10/03/2026', 'atelier', ''],
      ['E4', '30/06/2026', '', ''],
      ['E5', '01/07/2026', 'conférence', ''],
    ]),
    tab('Participations', ATTENDANCE_HEADER, [
      ['E1', 'M001', 'oui', 'oui', 'non'], // before the period
      ['E2', 'M001', 'oui', 'oui', 'non'], // first day of the period
      ['E2', 'M002', 'oui', 'non', 'non'], // registered, did not come
      ['E3', 'M001', 'oui', 'oui', 'non'],
      ['E3', 'M003', 'oui', 'oui', 'non'],
      ['E4', 'M002', 'oui', 'oui', 'non'], // last day, no format
      ['E5', 'M003', 'oui', 'oui', 'non'], // after the period
    ]),
    tab('Recommandations', REFERRALS, [
      ['05/01/2026', 'M001', 'M002', '', 'gagné', 1000, '20/02/2026'], // given in Jan, won in Feb
      ['31/01/2026', 'M002', 'M001', '', 'en cours', '', ''], // given on the month's last day
      ['01/02/2026', 'M003', 'M001', '', 'gagné', 500, ''], // won, no closing date: its own date
      ['10/06/2026', 'M001', 'M003', '', 'perdu', '', '12/06/2026'],
      ['15/06/2026', 'M003', 'M002', '', 'en cours', '', ''], // today
      ['20/06/2026', 'M001', 'M003', '', 'gagné', 200, '25/06/2026'], // after today below
    ]),
    // Two promoters and a detractor in March 2026: NPS (2 − 1) / 3 = +33.
    tab(
      'Réponses',
      ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS'],
      [
        ['10/03/2026', 'C1', 'froid', '', '', 10],
        ['11/03/2026', 'C1', 'froid', '', '', 9],
        ['12/03/2026', 'C1', 'froid', '', '', 2],
      ],
    ),
    tab('Investissements', ['Date', 'Catégorie', 'Heures', 'Montant'], [['05/01/2026', 'salle', 0, 1000]]),
  ];
}

/** The table of `id`: its rows as the chart reads them. */
function table(data: ChartData, id: string): unknown[][] {
  const chart = data.charts.find((c) => c.id === id)!;
  const { row, column, numRows, numColumns } = chart.range;
  return data.values
    .slice(row - 1, row - 1 + numRows)
    .map((r) => r.slice(column - 1, column - 1 + numColumns));
}

let report: Report;
beforeEach(() => {
  // 2026-S1 seen on 15 June: the month runs on, the referral of the 20th is not yet.
  report = run(clubTabs(), { period: '2026-S1', today: '2026-06-15' });
});

describe('the chart tables', () => {
  it('six charts side by side, each table one column apart, with their titles, types and formats', () => {
    const data = buildCharts(report);
    expect(data.charts.map((c) => [c.id, c.type, c.range, c.axisFormat, c.colors ?? null])).toEqual([
      ['participation', 'LINE', { row: 1, column: 1, numRows: 13, numColumns: 2 }, '#,##0%', null],
      ['formats', 'COLUMN', { row: 1, column: 4, numRows: 2, numColumns: 2 }, '#,##0', null],
      ['nps', 'LINE', { row: 1, column: 7, numRows: 13, numColumns: 2 }, '#,##0', null],
      ['referrals', 'COLUMN', { row: 1, column: 10, numRows: 13, numColumns: 3 }, '#,##0', null],
      ['members', 'COLUMN', { row: 1, column: 14, numRows: 3, numColumns: 4 }, '#,##0', MEMBER_COLORS],
      ['roi', 'COLUMN', { row: 1, column: 19, numRows: 3, numColumns: 3 }, `#,##0${NBSP}€`, null],
    ]);
    expect(data.charts.map((c) => c.title)).toEqual([
      'Part des membres actifs venus à un événement du mois',
      'Participants par format d’événement',
      'NPS par mois',
      'Recommandations données et gagnées par mois',
      'Membres nouveaux, renouvelés, partis par exercice',
      'Investissement et retours',
    ]);
    // As high as the tallest table, as wide as all of them and a gap after each; empty cells are null.
    expect(data.values.length).toBe(13);
    expect(data.values.every((r) => r.length === 22)).toBe(true);
    expect(data.values[0]![2]).toBeNull();
    expect(data.values[5]![3]).toBeNull();
    expect(CHART_MONTHS).toBe(12);
  });

  it('attendance by format: those who came, in the period up to today, by format (none: « other »)', () => {
    const formats = table(buildCharts(report), 'formats');
    // E2 (M001) and E3 (M001, M003): 3 at workshops; E4 has no format and is after today (15 June).
    expect(formats).toEqual([
      ['Format', 'Participants'],
      ['atelier', 3],
    ]);
    // At the end of June, E4 (30 June, its last day, no format) counts as « autre ».
    const later = table(buildCharts({ ...report, today: report.period.end }), 'formats');
    expect(later).toEqual([
      ['Format', 'Participants'],
      ['atelier', 3],
      ['autre', 1],
    ]);
  });

  it('referrals given and won by month, up to today', () => {
    const rows = table(buildCharts(report), 'referrals');
    expect(rows[0]).toEqual(['Mois', 'Données', 'Gagnées']);
    const byMonth = Object.fromEntries(rows.slice(1).map((r) => [r[0], [r[1], r[2]]]));
    const months = rows.slice(1).map((r) => r[0]);
    expect(months.length).toBe(12);
    // Months from July 2025 to June 2026.
    const [jan, feb, mar, jun] = [months[6], months[7], months[8], months[11]] as string[];
    expect(byMonth[jan]).toEqual([2, 0]); // 5 and 31 January
    expect(byMonth[feb]).toEqual([1, 2]); // given 1 Feb; won 20 Feb (closed) and 1 Feb (no closing date)
    expect(byMonth[mar]).toEqual([0, 0]);
    expect(byMonth[jun]).toEqual([2, 0]); // the 10th and today; the 20th is after today, and lost is not won
    expect(byMonth[months[0] as string]).toEqual([0, 0]);
  });

  it('participation and NPS month by month, investment and returns of both periods', () => {
    const data = buildCharts(report);
    const participation = table(data, 'participation');
    expect(participation[0]).toEqual(['Mois', 'Participation']);
    expect(participation.length).toBe(13);
    // March: E3 brought M001 and M003 of the active members.
    expect(participation[9]![1]).toBeGreaterThan(0);
    expect(participation.slice(1).every((r) => r[1] === null || typeof r[1] === 'number')).toBe(true);
    const nps = table(data, 'nps');
    expect(nps[0]).toEqual(['Mois', 'NPS']);
    // The same months as participation's, with March's answers alone.
    expect(nps.map((r) => r[0])).toEqual(participation.map((r) => r[0]));
    expect(Math.round(nps[9]![1] as number)).toBe(33);
    expect(nps.slice(1).filter((r) => r[1] !== null)).toHaveLength(1);
    const roi = table(data, 'roi');
    const value = (id: string) => report.kpis.find((k) => k.id === id)?.value ?? null;
    // The period's own KPIs: 1,000 € of investment in January, the returns the report counts.
    expect(roi).toEqual([
      ['Période', 'Investissement', 'Retours'],
      [report.previous.label, roi[1]![1], roi[1]![2]],
      [report.period.label, 1000, value('returns_total')],
    ]);
    expect(value('investment_total')).toBe(1000);
    expect(value('returns_total')).not.toBeNull();
  });

  it('members new, renewed and left by term, from the first term with a term before it', () => {
    const members = table(buildCharts(report), 'members');
    expect(members).toEqual([
      ['Exercice', 'Nouveaux', 'Renouvelés', 'Partis'],
      // 2025: M001 renewed, M002 joined in 2025; 2026: M001 renewed, M003 new, M002 left.
      [members[1]![0], 1, 1, 0],
      [members[2]![0], 1, 1, 1],
    ]);
  });

  it('in English: headers, titles and the money axis with the symbol first', () => {
    const data = buildCharts({ ...report, lang: 'en', settings: { ...report.settings, currency: 'USD' } });
    expect(table(data, 'referrals')[0]).toEqual(['Month', 'Given', 'Won']);
    expect(table(data, 'formats')[0]).toEqual(['Format', 'Attendees']);
    expect(table(data, 'members')[0]).toEqual(['Term', 'New', 'Renewed', 'Left']);
    expect(table(data, 'roi')[0]).toEqual(['Period', 'Investment', 'Returns']);
    expect(table(data, 'nps')[0]).toEqual(['Month', 'NPS']);
    expect(table(data, 'participation')[0]).toEqual(['Month', 'Participation']);
    expect(data.charts.find((c) => c.id === 'roi')!.axisFormat).toBe('$#,##0');
    expect(data.charts.find((c) => c.id === 'formats')!.title).toBe('Attendance by event format');
    // A currency without a known symbol is written as its code.
    const other = buildCharts({ ...report, settings: { ...report.settings, currency: 'XYZ' } });
    expect(other.charts.find((c) => c.id === 'roi')!.axisFormat).toBe(`#,##0${NBSP}XYZ`);
  });
});
