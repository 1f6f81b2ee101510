/**
 * The core's entry point (src/core/compute.ts), its issue log (issues.ts) and the missing-tab issue
 * (missing-tabs.ts), hand-worked where test/core/compute.test.ts leaves room (issue 23): what every
 * KPI line carries beside its value (previous, deltas, direction, rhythm, issue count), which KPIs a
 * club enabled, how a bad period or date is refused, how issues are ordered and how the JSON writes
 * days. Every report is built inside its test.
 */

import { describe, expect, it } from 'vitest';
import { computeReport, reportToJson } from '../../../src/core/compute';
import { dayOf } from '../../../src/core/dates';
import { IssueLog } from '../../../src/core/issues';
import { CATALOGUE } from '../../../src/core/kpis/catalogue';
import { issues, kpi, MEMBERS_HEADER, run, tab } from '../fixtures';

// Three members in 2026-S1: M001 since 2024, M002 since March 2025, M003 from February 2026.
// Active at the end of 2026-S1 (30 June 2026): 3; of 2025-S2 (31 Dec 2025): 2; of 2025-S1 (30 June
// 2025): 2 (M001, M002).
const members = (...extra: unknown[][]) =>
  tab('Membres', MEMBERS_HEADER, [
    ['M001', 'Ana', 'Lopez', 'ana@club.fr', '01/01/2024', '', ''],
    ['M002', 'Léa', 'Moreau', 'lea@club.fr', '01/03/2025', '', ''],
    ['M003', 'Jean', 'Dupont', 'jean@club.fr', '01/02/2026', '', ''],
    ...extra,
  ]);
const settings = (...rows: unknown[][]) => tab('Paramètres', ['Clé', 'Valeur'], rows);

describe('a KPI line', () => {
  it('carries the previous period, the same period a year earlier and both differences', () => {
    const report = run([members()]);
    const active = kpi(report, 'active_members');
    // 3 now, 2 at the end of 2025-S2 (delta +1), 2 at the end of 2025-S1 (delta_year +1).
    expect([active.value, active.previous, active.delta]).toEqual([3, 2, 1]);
    expect([active.previousYear, active.deltaYear]).toEqual([2, 1]);
    expect([active.n, active.previousN, active.previousYearN]).toEqual([3, 2, 2]);
    expect(active).toMatchObject({
      family: 'engagement',
      label: 'Membres actifs',
      unit: 'count',
      display: 'count',
      lowerIsBetter: false,
      yearly: false,
      formula: 'Membres actifs à la fin de la période.',
    });
  });

  it('has no difference when a value is missing on either side', () => {
    // No Events tab: the attendance rate has no value now nor before.
    const report = run([members()]);
    const rate = report.kpis.find((k) => k.value === null && k.previous === null)!;
    expect([rate.delta, rate.deltaYear]).toEqual([null, null]);
  });

  it('says the direction, the rhythm and the display of the KPIs that have them', () => {
    const report = run([members()]);
    expect(kpi(report, 'churn_rate')).toMatchObject({ lowerIsBetter: true, yearly: false });
    expect(kpi(report, 'dues_collected')).toMatchObject({
      lowerIsBetter: false,
      yearly: true,
      display: 'money',
    });
    expect(kpi(report, 'return_per_dues_euro')).toMatchObject({ unit: 'ratio', display: 'money_per_money' });
  });

  it('counts the data issues of the tabs a KPI reads, and only those', () => {
    const report = run([
      members(['M001', 'Autre', 'Personne', '', '01/01/2025', '', '']), // duplicate ID: 1 Members issue
      tab(
        'Cotisations',
        ['ID membre', 'Période', 'Montant'],
        [
          ['Inconnu', '2026', '10'], // unknown member: 1 Dues issue
          ['Personne', '2026', '10'], // and another
        ],
      ),
    ]);
    // active_members reads Members only: 1; churn_rate reads Dues and Members: 1 + 2 = 3.
    expect(kpi(report, 'active_members').issueCount).toBe(1);
    expect(kpi(report, 'churn_rate').issueCount).toBe(3);
  });

  it('lists the KPIs a club enabled, in the catalogue order, whatever the order typed', () => {
    const report = run([members(), settings(['enabled_kpis', 'nps; active_members'])]);
    expect(report.kpis.map((k) => k.id)).toEqual(['active_members', 'nps']);
    const all = run([members()]);
    expect(all.kpis.map((k) => k.id)).toEqual(CATALOGUE.map((k) => k.id));
  });
});

describe('missing tabs', () => {
  it('names the KPIs an absent tab would feed, the first six then how many more', () => {
    const report = run([members()]);
    const missing = issues(report, 'missing_tab');
    // Members is there; every other tab that feeds a KPI is reported, in the order of the tabs.
    expect(missing.map((i) => [i.tab, i.row, i.column, i.value])[0]).toEqual([
      'Cotisations',
      null,
      null,
      'Cotisations',
    ]);
    expect(missing.some((i) => i.tab === 'Membres')).toBe(false);
    // The Events tab feeds more than six KPIs: six labels, then "et N autres".
    const fed = CATALOGUE.filter((k) => k.tabs.includes('events'));
    expect(fed.length).toBeGreaterThan(6);
    const events = missing.find((i) => i.tab === 'Événements')!;
    const six = fed.slice(0, 6).map((k) => k.label.fr);
    expect(events.message).toBe(
      `Onglet « Événements » absent : ces indicateurs restent sans données : ${six.join(', ')}, et ${
        fed.length - 6
      } autres. Créez-le avec « Créer les onglets de suivi ».`,
    );
  });

  it('lists all of them when there are six or fewer, and says nothing of tabs no enabled KPI reads', () => {
    const report = run([members(), settings(['enabled_kpis', 'active_members, nps'])]);
    // Only Responses feeds an enabled KPI (nps); Members is present.
    expect(issues(report, 'missing_tab').map((i) => [i.tab, i.message])).toEqual([
      [
        'Réponses',
        'Onglet « Réponses » absent : ces indicateurs restent sans données : NPS (recommandation du réseau). Créez-le avec « Créer les onglets de suivi ».',
      ],
    ]);
    const en = computeReport({
      tabs: [members(), settings(['enabled_kpis', 'nps'])],
      locale: 'en_GB',
      timeZone: 'Europe/London',
      today: '2026-09-15',
      period: '2026-S1',
    });
    if (!en.ok) throw new Error(en.message);
    expect(issues(en.report, 'missing_tab').map((i) => i.message)).toEqual([
      'Tab "Responses" is missing: these KPIs have no data: NPS (would recommend the network). Create it with "Set up tracking tabs".',
    ]);
  });
});

describe('the period and today', () => {
  const input = (period: string | null, today = '2026-09-15', locale = 'fr_FR') => ({
    tabs: [members()],
    locale,
    timeZone: 'Europe/Paris',
    today,
    period,
  });

  it('refuses a bad date or period with a message in the workbook language', () => {
    expect(computeReport(input('2026-S1', '2026-13-01'))).toEqual({
      ok: false,
      code: 'bad_today',
      message: 'Invalid date "2026-13-01": use yyyy-MM-dd.',
    });
    expect(computeReport(input('le semestre'))).toEqual({
      ok: false,
      code: 'bad_period',
      message:
        'Période « le semestre » invalide : utilisez 2026-03, 2026-Q1, 2026-S1, 2026, FY2026 ou 2026-01-15..2026-03-31.',
    });
    const en = computeReport(input('soon', '2026-09-15', 'en_GB'));
    expect(en).toMatchObject({ ok: false, code: 'bad_period' });
    expect(en.ok ? '' : en.message).toBe(
      'Invalid period "soon": use 2026-03, 2026-Q1, 2026-S1, 2026, FY2026 or 2026-01-15..2026-03-31.',
    );
  });

  it('reads a period typed with spaces, and takes the default when none or only spaces is given', () => {
    const trimmed = computeReport(input('  2026-Q1  '));
    expect(trimmed.ok && trimmed.report.period.label).toBe('2026-Q1');
    const blank = computeReport(input('   '));
    expect(blank.ok && blank.report.period.label).toBe('2026-S1');
  });

  it('uses a good default_period of Settings, and reports a bad one on its row in the language', () => {
    const good = run([members(), settings(['default_period', '2026-Q2'])], { period: null });
    expect(good.period.label).toBe('2026-Q2');
    expect(issues(good, 'bad_setting')).toEqual([]);

    const bad = run([members(), settings(['fiscal_year_start_month', '1'], ['Default period', 'bientôt'])], {
      period: null,
      locale: 'en_GB',
      timeZone: 'Europe/London',
    });
    expect(bad.period.label).toBe('2026-S1');
    expect(issues(bad, 'bad_setting').map((i) => [i.tab, i.row, i.column, i.value, i.message])).toEqual([
      [
        'Paramètres',
        3,
        'Default period',
        'default_period = bientôt',
        'Invalid setting "default_period = bientôt": Invalid period "bientôt": use 2026-03, 2026-Q1, 2026-S1, 2026, FY2026 or 2026-01-15..2026-03-31.',
      ],
    ]);
  });
});

describe('the order of issues', () => {
  it('goes by tab order, then unknown tabs alphabetically, then row (whole-tab first), then arrival', () => {
    const log = new IssueLog('fr');
    const add = (tab: string, row: number | null, value: string) =>
      log.add({ tab, row, column: 'Col', value, code: 'bad_number' });
    add('Zèbre', 1, 'z');
    add('Cotisations', 5, 'c5');
    add('Membres', 9, 'm9');
    add('Alpha', 1, 'a');
    add('Membres', null, 'm-whole');
    add('Membres', 2, 'm2-first');
    add('Membres', 2, 'm2-second');
    expect(log.sorted(['Membres', 'Cotisations']).map((i) => i.value)).toEqual([
      'm-whole',
      'm2-first',
      'm2-second',
      'm9',
      'c5',
      'a',
      'z',
    ]);
  });

  it('writes a message with an empty column name when the issue has no column', () => {
    const log = new IssueLog('fr');
    log.add({ tab: 'Membres', row: 2, column: null, value: '', code: 'missing_required' });
    expect(log.issues[0].message).toBe('Valeur obligatoire manquante dans «  » : la ligne est ignorée.');
    expect(log.issues[0].column).toBeNull();
  });
});

describe('the JSON report', () => {
  it('writes days of details as ISO dates (keys ending in _on, and date), everything else as it is', () => {
    const report = run([members()]);
    const paid = dayOf(2026, 1, 15);
    report.kpis[0].details = {
      paid_on: paid,
      date: paid,
      count: paid,
      note: 'date',
      rows: [{ joined_on: paid, n: 2 }],
      list: [paid],
    };
    const json = reportToJson(report);
    expect(json.kpis[0].details).toEqual({
      paid_on: '2026-01-15',
      date: '2026-01-15',
      count: paid,
      note: 'date',
      rows: [{ joined_on: '2026-01-15', n: 2 }],
      list: [paid],
    });
    expect(json.period).toBe('2026-S1');
    expect(json.previous).toBe('2025-S2');
    expect(json.kpis[0]).toMatchObject({ id: report.kpis[0].id, previous_year: report.kpis[0].previousYear });
  });
});

describe('edges of the report', () => {
  it('has no difference when only the current period has a value', () => {
    // NPS answers in 2026-S1 only: 2 promoters of 2 → NPS 100 now, none before → no delta.
    const report = run([
      members(),
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', "Type d'enquête", 'Membre', 'NPS'],
        [
          ['10/03/2026', 'COLD-1', 'froid', 'M001', 9],
          ['11/03/2026', 'COLD-1', 'froid', 'M002', 10],
        ],
      ),
    ]);
    const nps = kpi(report, 'nps');
    expect([nps.value, nps.previous, nps.delta, nps.previousYear, nps.deltaYear]).toEqual([
      100,
      null,
      null,
      null,
      null,
    ]);
  });

  it('marks the indicative KPIs as such, even without data', () => {
    const report = run([members()]);
    const indicative = CATALOGUE.filter((k) => k.indicative).map((k) => k.id);
    expect(indicative.length).toBeGreaterThan(0);
    for (const k of report.kpis) expect(k.details.indicative === true, k.id).toBe(indicative.includes(k.id));
  });

  it('lists exactly six KPIs without "and more"', () => {
    const six = CATALOGUE.filter((k) => k.tabs.includes('events')).slice(0, 6);
    const report = run([members(), settings(['enabled_kpis', six.map((k) => k.id).join(', ')])]);
    const events = issues(report, 'missing_tab').find((i) => i.tab === 'Événements')!;
    expect(events.message).toBe(
      `Onglet « Événements » absent : ces indicateurs restent sans données : ${six
        .map((k) => k.label.fr)
        .join(', ')}. Créez-le avec « Créer les onglets de suivi ».`,
    );
  });

  it('keeps the arrival order of issues on one row among many, as they were added', () => {
    const log = new IssueLog('en');
    // 300 issues alternating between two tabs, all on row 2: more than V8 sorts by insertion alone
    // (64), so the sort merges runs and compares ties both ways round.
    for (let i = 0; i < 300; i++)
      log.add({ tab: i % 2 ? 'Dues' : 'Members', row: 2, column: 'C', value: String(i), code: 'bad_number' });
    const sorted = log.sorted(['Members', 'Dues']).map((x) => Number(x.value));
    const evens = Array.from({ length: 150 }, (_, i) => 2 * i);
    expect(sorted).toEqual([...evens, ...evens.map((n) => n + 1)]);
  });

  it('has no difference when only the previous period has a value', () => {
    // NPS answers in 2025-S2 only: none now → no value, so no delta (not minus the previous).
    const report = run([
      members(),
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', "Type d'enquête", 'Membre', 'NPS'],
        [['10/10/2025', 'COLD-0', 'froid', 'M001', 9]],
      ),
    ]);
    const nps = kpi(report, 'nps');
    expect([nps.value, nps.previous, nps.delta]).toEqual([null, 100, null]);
  });

  it('writes the recommendations into the JSON, and leaves a text under a date key as it is', () => {
    const report = run([members()]);
    report.recommendations = [
      { id: 'r1', text: 'Relancer', severity: 2 } as (typeof report.recommendations)[0],
    ];
    report.kpis[0].details = { closed_on: 'en cours', date: 'inconnue' };
    const json = reportToJson(report);
    expect(json.recommendations).toEqual([{ id: 'r1', text: 'Relancer', severity: 2 }]);
    expect(json.kpis[0].details).toEqual({ closed_on: 'en cours', date: 'inconnue' });
  });
});
