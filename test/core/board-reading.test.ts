/**
 * What a board reads (issue 16): status words from the target or else the benchmark, the direction
 * each KPI calls good, year-earlier comparisons for yearly KPIs, no change on too small a base, the
 * members chart, the to-call list apart from recorded reasons, stories of the period with their unit,
 * and L'essentiel. Every expected figure is worked out by hand in the comments.
 */

import { describe, expect, it } from 'vitest';
import { buildCharts, MEMBER_COLORS } from '../../src/core/charts';
import { comparisonOf, deltaMeaningful, formulaText, statusWords } from '../../src/core/comparison';
import { reportToJson } from '../../src/core/compute';
import { buildDashboard, storyFigure } from '../../src/core/dashboard';
import { ymdOf } from '../../src/core/dates';
import { highlightsOf, notable, periodPhrase, sparkline } from '../../src/core/highlights';
import { monthAxisLabel } from '../../src/core/month-names';
import { parsePeriod, yearEarlier } from '../../src/core/periods';
import { DUES_HEADERS, kpi, MEMBER_HEADERS as MEMBERS, run, tab } from './fixtures';

const NBSP = '\u00a0';
const members = tab('Membres', MEMBERS, [
  ['M001', 'Ana', 'Lopez', '', '', '01/01/2024', '', '', ''],
  ['M002', 'Bob', 'Morel', '', '', '01/01/2025', '', '', ''],
  ['M003', 'Chloé', 'Faure', '', '', '01/01/2025', '', '', ''],
  ['M004', 'David', 'Roy', '', '', '01/01/2024', '', '', ''],
  ['M006', 'Fanny', 'Blanc', '', '', '01/01/2025', '', '', ''],
  ['M007', 'Gilles', 'Henry', '', '', '01/01/2025', '31/12/2025', 'Déménagement', 'ancien'],
  ['M008', 'Hélène', 'Dumas', '', '', '01/03/2026', '', '', ''],
  // Joined long before the ledger starts: first paid in 2025, never « new » in 2025.
  ['M009', 'Ines', 'Petit', '', '', '01/01/2015', '', '', ''],
]);
const dues = tab('Cotisations', DUES_HEADERS, [
  ['M001', 2024, 100, '10/01/2024', 'payé'],
  ['M004', 2024, 100, '10/01/2024', 'payé'],
  ['M001', 2025, 120, '10/01/2025', 'payé'],
  ['M002', 2025, 120, '10/01/2025', 'payé'],
  ['M003', 2025, 120, '10/01/2025', 'payé'],
  ['M004', 2025, 120, '10/01/2025', 'payé'],
  ['M006', 2025, 120, '10/01/2025', 'payé'],
  ['M007', 2025, 120, '10/01/2025', 'payé'],
  ['M009', 2025, 120, '10/01/2025', 'payé'],
  ['M001', 2026, 120, '15/01/2026', 'payé'],
  ['M002', 2026, 100, '20/02/2026', 'payé'],
  ['M004', 2026, 120, '20/02/2026', 'payé'],
  ['M006', 2026, 120, '01/07/2026', 'payé'], // S2
  ['M008', 2026, 150, '05/03/2026', 'payé'],
  ['M009', 2026, 120, '06/03/2026', 'payé'],
]);
const RESPONSES = ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS'];
const responses = tab('Réponses', RESPONSES, [
  // 2026-S1: 10, 10, 10, 9 promoters, 8 passive, 3 detractor → 4/6 − 1/6 = +50.
  ...[10, 10, 10, 9, 8, 3].map((s) => ['10/03/2026', 'C1', 'froid', '', '', s]),
  // 2025-S2: 10, 9 promoters, 7 passive, 6, 5 detractors → 2/5 − 2/5 = 0.
  ...[10, 9, 7, 6, 5].map((s) => ['10/10/2025', 'C0', 'froid', '', '', s]),
]);
const stories = tab(
  'Succès',
  ['Date', 'Titre', 'Membres', 'KPI', 'Valeur', 'Récit'],
  [
    ['12/03/2026', 'Un contrat', '', 'business_generated', 12000, ''],
    ['12/04/2026', 'Record', '', 'participation_rate', 80, ''],
    ['12/10/2025', 'Vieux succès', '', 'business_generated', 5000, ''],
  ],
);
const report = run([members, dues, responses, stories]);

describe('status words', () => {
  it('says above or below the benchmark without a target, and on or off target with one', () => {
    // Paid 2025: 7 (M001–M007 but M005, + M009); paid 2025 and 2026: M001 M002 M004 M006 M009 = 5 → 5/7 = 71.4 %.
    // Benchmark 85 %, band 5 points: 71.4 % < 80 % → red, below the reference.
    const renewal = kpi(report, 'renewal_rate');
    expect(renewal.value).toBeCloseTo(5 / 7, 12);
    expect(renewal.status).toBe('red');
    expect(statusWords(renewal, 'fr')).toBe('Sous la référence');
    expect(statusWords(renewal, 'en')).toBe('Below the benchmark');
    // NPS +50 above the +21 benchmark (6 answers ≥ 5).
    expect(statusWords(kpi(report, 'nps'), 'fr')).toBe('Au-dessus de la référence');
    const withTarget = run([
      members,
      dues,
      tab('Paramètres', ['Clé', 'Valeur'], [['target.renewal_rate', '60 %']]),
    ]);
    expect(statusWords(kpi(withTarget, 'renewal_rate'), 'fr')).toBe('Objectif atteint');
    const high = run([
      members,
      dues,
      tab('Paramètres', ['Clé', 'Valeur'], [['target.renewal_rate', '95 %']]),
    ]);
    expect(statusWords(kpi(high, 'renewal_rate'), 'en')).toBe('Off target');
  });

  it('says nothing where there is neither target nor benchmark', () => {
    const active = kpi(report, 'active_members');
    expect(active.status).toBeNull();
    expect(statusWords(active, 'fr')).toBe('');
    const values = buildDashboard(report, '15/09/2026 10:00').values;
    const activeRow = values.find((r) => r[0] === 'Membres actifs');
    expect(activeRow).toBeDefined();
    expect(activeRow![6] ?? '').toBe('');
    expect(JSON.stringify(values)).not.toMatch(/En retard/);
  });
});

describe('directions and comparisons', () => {
  it('shows a fall in cost neither as good nor as bad news', () => {
    const investment = kpi(report, 'investment_total');
    expect(investment.good).toBe('neither');
    expect(kpi(report, 'churn_rate').good).toBe('down');
    expect(kpi(report, 'nps').good).toBe('up');
    const fall = { ...investment, value: 100, delta: -500, n: 10, previousN: 10 };
    expect(comparisonOf(fall, report, 'fr', 'EUR')).toMatchObject({ arrow: '▼', trend: 'flat' });
  });

  it('compares yearly KPIs with a year earlier, in the JSON and on the dashboard', () => {
    // dues_collected 2026-S1: 120 + 100 + 120 + 150 + 120 = 610 (M006 paid on 1 July, in S2).
    // 2025-S2: nothing → delta +610; 2025-S1: 7 × 120 = 840 → delta_year −230.
    const json = reportToJson(report).kpis.find((k) => k.id === 'dues_collected')!;
    expect(json).toMatchObject({ value: 610, previous: 0, delta: 610, previous_year: 840, delta_year: -230 });
    const dues = kpi(report, 'dues_collected');
    const change = comparisonOf(dues, report, 'fr', 'EUR');
    expect(change).toMatchObject({ against: 'previous_year', period: '2025-S1', delta: -230, arrow: '▼' });
    expect(change.text).toBe(`−230${NBSP}€`);
    expect(formulaText(dues, report, 'fr')).toContain('Comparé à 2025-S1, un an plus tôt');
    // Every KPI gains the two keys; a KPI of ordinary rhythm keeps comparing with the previous period.
    for (const k of reportToJson(report).kpis) expect(k).toHaveProperty('delta_year');
    expect(comparisonOf(kpi(report, 'nps'), report, 'fr', 'EUR')).toMatchObject({
      against: 'previous',
      period: '2025-S2',
      delta: 50,
    });
  });

  it('shows no change of a rate whose base is under 5', () => {
    // renewal_rate 2025-S2 → term 2025 rests on the 2 members paid in 2024: too small a base.
    const renewal = kpi(report, 'renewal_rate');
    expect(renewal.previousN).toBe(2);
    expect(renewal.delta).not.toBeNull(); // the JSON keeps SPEC §12's raw delta
    expect(comparisonOf(renewal, report, 'fr', 'EUR')).toMatchObject({ delta: null, text: '', arrow: '' });
    expect(deltaMeaningful('ratio', 6, 4)).toBe(false);
    expect(deltaMeaningful('ratio', 5, 5)).toBe(true);
    expect(deltaMeaningful('count', 1, 0)).toBe(true);
  });

  it('moves a period back one year', () => {
    expect(yearEarlier(parsePeriod('2026-S1')!).label).toBe('2025-S1');
    expect(yearEarlier(parsePeriod('2026-03')!).label).toBe('2025-03');
    expect(yearEarlier(parsePeriod('FY2026', 9)!, 9)).toMatchObject({ label: 'FY2025', kind: 'fiscal_year' });
    expect(yearEarlier(parsePeriod('2024-02-29..2024-03-31')!).label).toBe('2023-02-28..2023-03-31');
  });
});

describe('members chart', () => {
  it('starts at the first term with a term before it, counts as new only who joined in the term, left in red', () => {
    const data = buildCharts({ ...report, lang: 'fr' });
    const spec = data.charts.find((c) => c.id === 'members')!;
    const { row, column, numRows, numColumns } = spec.range;
    const table = data.values
      .slice(row - 1, row - 1 + numRows)
      .map((line) => line.slice(column - 1, column - 1 + numColumns));
    // 2023 and 2024 have no term before them with members: left out (no empty first year).
    // 2025: paid M001–M004, M006, M007, M009; joined in 2025: M002 M003 M006 M007 = 4 (M009 joined in
    // 2015); renewed from 2024: M001 M004 = 2; left: 0.
    // 2026: joined in 2026: M008 = 1; renewed: M001 M002 M004 M006 M009 = 5; left: M003 M007 = 2.
    expect(table).toEqual([
      ['Exercice', 'Nouveaux', 'Renouvelés', 'Partis'],
      ['2025', 4, 2, 0],
      ['2026', 1, 5, 2],
    ]);
    expect(spec.colors).toEqual(MEMBER_COLORS);
    expect(spec.colors![2]).toBe('#d93025');
  });
});

describe('monthly charts', () => {
  it('label months in the club language, never as ISO text', () => {
    const labelsIn = (lang: 'fr' | 'en') => {
      const data = buildCharts({ ...report, lang });
      const spec = data.charts.find((c) => c.id === 'participation')!;
      const { row, column, numRows } = spec.range;
      return data.values.slice(row, row - 1 + numRows).map((line) => line[column - 1]);
    };
    const fr = labelsIn('fr');
    expect(fr).toHaveLength(12);
    for (const label of fr)
      expect(label).toMatch(
        /^(janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}$/,
      );
    // The twelve months end with the period's last month, in calendar order.
    expect(fr.at(-1)).toBe(
      `${monthAxisLabel(parsePeriod(report.period.label.slice(0, 4) + '-' + String(ymdOf(report.period.end).month).padStart(2, '0'))!, 'fr')}`,
    );
    expect(labelsIn('en')[0]).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    expect(monthAxisLabel(parsePeriod('2026-02')!, 'fr')).toBe('févr. 2026');
    expect(monthAxisLabel(parsePeriod('2026-09')!, 'en')).toBe('Sep 2026');
    expect(monthAxisLabel(parsePeriod('2026-S1')!, 'fr')).toBe('2026-S1');
  });
});

describe('to call and stories', () => {
  it('lists apart, with reasons tallied, the members whose leave reason is recorded', () => {
    const details = kpi(report, 'renewal_rate').details;
    expect((details.to_call as Array<{ member_id: string }>).map((m) => m.member_id)).toEqual(['M003']);
    expect(details.leave_reasons).toEqual([{ reason: 'Déménagement', count: 1 }]);
    const text = JSON.stringify(buildDashboard(report, '').values);
    expect(text).toContain('1 membre(s) à appeler');
    expect(text).toContain('1 membre(s) parti(s) avec un motif connu');
    expect(text).toContain('Déménagement (1)');
  });

  it('shows only the stories of the period, their figure in the unit of their KPI', () => {
    const text = JSON.stringify(buildDashboard(report, '').values);
    expect(text).toContain(`Un contrat (12${NBSP}000${NBSP}€)`);
    expect(text).toContain(`Record (80,0${NBSP}%)`);
    expect(text).not.toContain('Vieux succès');
    expect(storyFigure({ kpi: 'participation_rate', value: 0.8 }, 'en', 'EUR')).toBe(`80.0${NBSP}%`);
    expect(storyFigure({ kpi: 'unknown', value: 3 }, 'fr', 'EUR')).toBe('3');
  });
});

describe("L'essentiel", () => {
  // Worked out inside each test (not at collection time) so the mutation run's per-test coverage sees it.
  const highlights = () => highlightsOf(run([members, dues, responses, stories]));

  it('has the six figures with their change and their trend over four semesters', () => {
    const h = highlights();
    expect(h.title).toBe("L'essentiel");
    expect(h.figures.map((f) => f.id)).toEqual([
      'active_members',
      'participation_rate',
      'nps',
      'business_generated',
      'renewal_rate',
      'roi',
    ]);
    const nps = h.figures.find((f) => f.id === 'nps')!;
    expect(nps.value).toBe('+50');
    expect(nps.periods).toEqual(['2024-S2', '2025-S1', '2025-S2', '2026-S1']);
    expect(nps.series).toEqual([null, null, 0, 50]);
    expect(nps.spark).toBe('  ▁█');
    expect(nps.change).toMatchObject({ arrow: '▲', trend: 'good', text: `+50${NBSP}pts` });
    // Active at 30/06/2026: M001 M002 M003 M004 M006 M008 M009 = 7; at 31/12/2025: the same but M008,
    // plus M007 (active on the day they left) = 7 → flat.
    const active = h.figures.find((f) => f.id === 'active_members')!;
    expect(active).toMatchObject({ value: '7', change: { delta: 0, arrow: '=' } });
    expect(h.trendCaption).toBe('Tendance sur 4 périodes (2e semestre 2024 → 1er semestre 2026)');
  });

  it('says in three sentences only what the figures say, naming the KPI and the period', () => {
    expect(highlights().sentences).toEqual([
      'Le nombre de membres actifs est stable : 7 au 1er semestre 2026, comme au 2e semestre 2025.',
      `Notre NPS progresse : +50 au 1er semestre 2026, soit +50${NBSP}pts par rapport au 2e semestre 2025.`,
      // No change told: its base (2 members paid in 2024) is too small.
      `Le taux de renouvellement : 71,4${NBSP}% au 1er semestre 2026.`,
    ]);
    const en = highlightsOf(run([members, dues, responses], { locale: 'en_GB' }));
    expect(en.sentences[1]).toBe(
      `Our NPS rises: +50 in the first half of 2026, +50${NBSP}pts compared with the second half of 2025.`,
    );
  });

  it('is on the dashboard, above the recommendations', () => {
    const rows = buildDashboard(report, '').values.map((r) => JSON.stringify(r));
    const title = rows.findIndex((r) => r.includes("L'essentiel"));
    const recommendations = rows.findIndex((r) => r.includes('Recommandations'));
    expect(title).toBeGreaterThan(0);
    expect(title).toBeLessThan(recommendations);
    expect(rows.some((r) => r.includes('Notre NPS progresse'))).toBe(true);
  });

  it('announces progress only when the change is worth it', () => {
    const k = (display: 'ratio' | 'nps' | 'money', previous: number) => ({
      display,
      previous,
      previousYear: null,
      yearly: false,
    });
    expect(notable(k('ratio', 0.776), 0.002)).toBe(false); // +0.2 point: stable
    expect(notable(k('ratio', 0.7), 0.01)).toBe(true);
    expect(notable(k('nps', 20), 1)).toBe(false);
    expect(notable(k('nps', 20), 5)).toBe(true);
    expect(notable(k('money', 100_000), 1500)).toBe(false); // 1.5 %
    expect(notable(k('money', 100_000), 2500)).toBe(true);
  });

  it('phrases every kind of period and draws sparklines', () => {
    expect(periodPhrase(parsePeriod('2026-03')!, 'fr', 'in')).toBe('en mars 2026');
    expect(periodPhrase(parsePeriod('2026-Q2')!, 'fr', 'vs')).toBe('au 2e trimestre 2026');
    expect(periodPhrase(parsePeriod('2026')!, 'fr', 'vs')).toBe('à 2026');
    expect(periodPhrase(parsePeriod('FY2026', 9)!, 'fr', 'in')).toBe("sur l'exercice 2026");
    expect(periodPhrase(parsePeriod('2026-01-15..2026-03-31')!, 'en', 'in')).toBe(
      'from 15/01/2026 to 31/03/2026',
    );
    expect(sparkline([1, 2, 3])).toBe('▁▅█');
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([null, 4])).toBe('');
  });
});
