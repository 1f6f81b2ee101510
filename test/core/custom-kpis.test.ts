// Custom KPIs (issue 18) and the KPI set of History, on a small club worked out by hand.
// Period 2026-S1 (previous 2025-S2), today 2026-09-15, fr_FR.
// Events: E1 petit-déjeuner 10/01/2026 cost 120; E2 webinaire 15/03/2026 cost 40; E3 webinaire
//   20/05/2026 cost 60 (+ cost '' ); E4 petit-déjeuner 20/10/2025 cost 100; E5 petit-déjeuner
//   01/10/2026 (after today: left out).
//   count Événements where format = petit-déjeuner → S1: E1 = 1; S2 2025: E4 = 1
//   sum Events.cost where format = webinar           → S1: 40 + 60 = 100 (n 2); 2025-S2: 0 (n 0)
//   count participations                              → by the event's date: S1 3 rows (E1 ×2, E2), 2025-S2 1 (E4)

import { describe, expect, it } from 'vitest';
import { cellLocaleOf } from '../../src/core/cells';
import { reportToJson } from '../../src/core/compute';
import { buildDashboard } from '../../src/core/dashboard';
import { dayFromIso } from '../../src/core/dates';
import { mergeHistory } from '../../src/core/history';
import { kpiReviewOf, reviewLine, reviewSettingRows } from '../../src/core/kpi-review';
import { issues, kpi, MEMBERS_HEADER, memberRows, run, sheetDate, tab } from './fixtures';

function club(settings: unknown[][]) {
  return [
    tab('Membres', MEMBERS_HEADER, memberRows(3, '01/01/2025')),
    tab(
      'Événements',
      ['ID événement', 'Date', 'Format', 'Coût'],
      [
        ['E1', sheetDate('2026-01-10'), 'petit-déjeuner', 120],
        ['E2', sheetDate('2026-03-15'), 'webinaire', 40],
        ['E3', sheetDate('2026-05-20'), 'webinaire', 60],
        ['E6', sheetDate('2026-05-21'), 'webinaire', ''],
        ['E4', sheetDate('2025-10-20'), 'petit-déjeuner', 100],
        ['E5', sheetDate('2026-10-01'), 'petit-déjeuner', 100],
      ],
    ),
    tab(
      'Participations',
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      [
        ['E1', 'M001', 'oui', 'oui'],
        ['E1', 'M002', 'oui', 'oui'],
        ['E2', 'M001', 'oui', 'non'],
        ['E4', 'M003', 'oui', 'oui'],
      ],
    ),
    tab('Paramètres', ['Clé', 'Valeur'], settings),
  ];
}

const GOOD = [
  ['custom_kpi.breakfasts', 'count Événements where format = petit-déjeuner'],
  ['custom_kpi.breakfasts.label', 'Petits-déjeuners'],
  ['custom_kpi.webinar_cost', 'sum Events.cost where Format = "webinar"'],
  ['custom_kpi.seats', 'count participations'],
  ['target.custom:breakfasts', '2'],
];

describe('custom KPIs from Settings', () => {
  it('computes count and sum definitions by the tab’s own dates', () => {
    const report = run(club(GOOD));
    const breakfasts = kpi(report, 'custom:breakfasts');
    expect(breakfasts).toMatchObject({
      label: 'Petits-déjeuners',
      family: 'custom',
      unit: 'count',
      value: 1,
      previous: 1,
      delta: 0,
      n: 1,
      target: 2,
      status: 'grey',
    });
    expect(kpi(report, 'custom:webinar_cost')).toMatchObject({
      unit: 'money',
      value: 100,
      n: 2,
      previous: 0,
    });
    expect(kpi(report, 'custom:seats')).toMatchObject({ label: 'seats', value: 3, previous: 1 });
    // After the catalogue, in Settings order.
    expect(report.kpis.slice(-3).map((k) => k.id)).toEqual([
      'custom:breakfasts',
      'custom:webinar_cost',
      'custom:seats',
    ]);
    expect(issues(report, 'bad_setting')).toEqual([]);
  });

  it('is in the JSON, the dashboard and History like the others', () => {
    const report = run(club(GOOD));
    const json = reportToJson(report).kpis.find((k) => k.id === 'custom:breakfasts');
    expect(json).toMatchObject({ value: 1, previous: 1, delta: 0, n: 1, unit: 'count', target: 2 });
    const dashboard = buildDashboard(report, '15/09/2026 10:00').values;
    const title = dashboard.findIndex((r) => r[0] === 'Indicateurs du club');
    expect(title).toBeGreaterThan(0);
    expect(dashboard[title + 2].slice(0, 2)).toEqual(['Petits-déjeuners', 1]);
    const history = mergeHistory([], report);
    expect(history.find((r) => r[1] === 'custom:breakfasts')).toEqual([
      '2026-S1',
      'custom:breakfasts',
      'Petits-déjeuners',
      1,
      1,
      0,
      1,
      'count',
      'grey',
    ]);
  });

  it('reports each bad definition with its row and reason, and leaves it out', () => {
    const report = run(
      club([
        ['custom_kpi.Bad-Id', 'count Events'],
        ['custom_kpi.avg', 'avg Events.cost'],
        ['custom_kpi.foo', 'count Foo'],
        ['custom_kpi.title_sum', 'sum Events.title'],
        ['custom_kpi.brunch', 'count Events where format = brunch'],
        ['custom_kpi.formula', '=SUM(A1:A3)'],
        ['custom_kpi.nocol', 'sum Events.price'],
        ['custom_kpi.settings', 'count Paramètres'],
        ['custom_kpi.ok', 'count Events'],
        ['custom_kpi.ok', 'count Members'],
      ]),
    );
    const bad = issues(report, 'bad_setting');
    expect(bad.map((i) => [i.row, i.column])).toEqual([
      [2, 'custom_kpi.Bad-Id'],
      [3, 'custom_kpi.avg'],
      [4, 'custom_kpi.foo'],
      [5, 'custom_kpi.title_sum'],
      [6, 'custom_kpi.brunch'],
      [7, 'custom_kpi.formula'],
      [8, 'custom_kpi.nocol'],
      [9, 'custom_kpi.settings'],
      [11, 'custom_kpi.ok'],
    ]);
    expect(bad.every((i) => i.tab === 'Paramètres')).toBe(true);
    expect(bad[0].message).toContain('lettres minuscules, chiffres et _ seulement');
    expect(bad[1].message).toContain('attendu « count <onglet> » ou « sum <onglet>.<colonne> »');
    expect(bad[2].message).toContain('onglet « Foo » inconnu');
    expect(bad[3].message).toContain('la colonne « title » ne contient pas des nombres');
    expect(bad[4].message).toContain('valeur « brunch » illisible pour la colonne format');
    expect(bad[5].message).toContain('aucune formule n’est calculée');
    expect(bad[6].message).toContain('colonne « price » inconnue dans l’onglet events');
    expect(bad[8].message).toContain('déjà défini plus haut');
    expect(report.kpis.filter((k) => k.family === 'custom').map((k) => [k.id, k.value])).toEqual([
      ['custom:ok', 4],
    ]);
  });

  it('is "no data" when its tab is missing', () => {
    const report = run(club([['custom_kpi.mentions', 'count Notoriété']]));
    expect(kpi(report, 'custom:mentions')).toMatchObject({ value: null, n: 0 });
  });
});

describe('KPIs switched off and on (enabled_kpis)', () => {
  it('keeps the past of a switched-off KPI in History, and refreshes it again once back on', () => {
    const all = run(club(GOOD));
    let history = mergeHistory([], all);
    const rowOf = (h: unknown[][], period: string, id: string) =>
      h.find((r) => r[0] === period && r[1] === id);
    expect(rowOf(history, '2026-S1', 'custom:breakfasts')?.[3]).toBe(1);

    // Switched off: the refresh of the same period and of another one keeps its S1 row.
    const off = [...GOOD, ['enabled_kpis', 'active_members, custom:seats']];
    history = mergeHistory(history, run(club(off)));
    history = mergeHistory(history, run(club(off), { period: '2025-S2' }));
    expect(rowOf(history, '2026-S1', 'custom:breakfasts')?.[3]).toBe(1);
    expect(rowOf(history, '2026-S1', 'participation_rate')).toBeDefined();
    expect(rowOf(history, '2025-S2', 'custom:breakfasts')).toBeUndefined();
    expect(rowOf(history, '2025-S2', 'custom:seats')?.[3]).toBe(1);
    expect(run(club(off)).kpis.map((k) => k.id)).toEqual(['active_members', 'custom:seats']);
    // Refreshing twice changes nothing.
    expect(mergeHistory(history, run(club(off)))).toEqual(
      mergeHistory(mergeHistory(history, run(club(off))), run(club(off))),
    );

    // Back on: S2 gains its row, S1 keeps one row per KPI.
    history = mergeHistory(history, run(club(GOOD), { period: '2025-S2' }));
    expect(rowOf(history, '2025-S2', 'custom:breakfasts')?.[3]).toBe(1);
    history = mergeHistory(history, run(club(GOOD)));
    expect(history.filter((r) => r[0] === '2026-S1' && r[1] === 'custom:breakfasts')).toHaveLength(1);
  });
});

describe('the KPI review', () => {
  it('lists every KPI, on or off, with data, movement, votes and target', () => {
    const report = run(club([...GOOD, ['enabled_kpis', 'active_members, custom:seats']]));
    const review = kpiReviewOf(report);
    const row = (id: string) => review.rows.find((r) => r.id === id)!;
    expect(row('custom:breakfasts')).toMatchObject({
      enabled: false,
      custom: true,
      hasData: true,
      moved: 'flat',
      target: 2,
      targetText: '2',
      valueText: '1',
    });
    expect(row('custom:seats')).toMatchObject({ enabled: true, moved: 'up' });
    expect(row('active_members')).toMatchObject({ enabled: true, hasData: true });
    expect(row('nps')).toMatchObject({
      enabled: false,
      hasData: false,
      moved: null,
      valueText: 'pas de données',
    });
    expect(review.due).toBe(true);
    expect(review.lastReview).toBeNull();
  });

  it('suggests a review six months after the last one', () => {
    const last = dayFromIso('2026-03-15')!;
    expect(reviewLine(last, dayFromIso('2026-09-14')!, 'fr')).toEqual({
      due: false,
      line: 'Revue des indicateurs : dernière le 15/03/2026, prochaine conseillée vers le 15/09/2026.',
    });
    expect(reviewLine(last, dayFromIso('2026-09-15')!, 'en').due).toBe(true);
    expect(reviewLine(null, dayFromIso('2026-09-15')!, 'fr').line).toMatch(
      /^Revue des indicateurs : aucune enregistrée/,
    );
    const report = run(club([...GOOD, ['last_kpi_review', '15/03/2026']]));
    const dashboard = buildDashboard(report, '15/09/2026 10:00').values.flat();
    expect(dashboard).toContain(
      'Revue des indicateurs : la dernière date du 15/03/2026, il y a plus de six mois. Il est temps d’en refaire une (barre latérale Club Pulse › Revue des indicateurs).',
    );
  });

  it('turns the board’s decision into Settings rows', () => {
    const review = kpiReviewOf(run(club(GOOD)));
    const everything = review.rows.map((r) => r.id);
    const locale = cellLocaleOf('fr_FR', 'Europe/Paris');
    expect(
      reviewSettingRows(review, { enabled: everything, targets: {} }, '2026-09-15', locale, 'fr'),
    ).toEqual({
      ok: true,
      rows: [
        ['enabled_kpis', 'all'],
        ['last_kpi_review', '2026-09-15'],
      ],
    });
    expect(
      reviewSettingRows(
        review,
        {
          enabled: ['nps', 'custom:seats', 'npss'],
          targets: { nps: '30', 'custom:breakfasts': '', participation_rate: '75 %', bogus: '3' },
        },
        '2026-09-15',
        locale,
        'fr',
      ),
    ).toEqual({
      ok: true,
      rows: [
        ['enabled_kpis', 'nps, custom:seats'],
        ['target.nps', 30],
        ['target.custom:breakfasts', ''],
        ['target.participation_rate', 0.75],
        ['last_kpi_review', '2026-09-15'],
      ],
    });
    expect(
      reviewSettingRows(
        review,
        { enabled: ['nps'], targets: { nps: 'beaucoup' } },
        '2026-09-15',
        locale,
        'fr',
      ),
    ).toEqual({
      ok: false,
      message:
        'Objectif illisible pour « NPS (recommandation du réseau) » : « beaucoup ». Écrivez un nombre (0.75) ou un pourcentage (75 %).',
    });
    expect(reviewSettingRows(review, { enabled: [], targets: {} }, '2026-09-15', locale, 'en')).toEqual({
      ok: false,
      message: 'Keep at least one KPI ticked.',
    });
  });
});
