/**
 * The Dashboard tab as a board reads it (issue 23: the dashboard's mutants): every block's words,
 * figures and colours, on a small club's report whose parts are then set by hand (recommendations,
 * KPIs, stories, issues), so that each expected cell is written out here.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { CHART_DATA_SHEET, type ChartSpec } from '../../../src/core/charts';
import { comparisonOf, formulaText, statusWords } from '../../../src/core/comparison';
import type { Report } from '../../../src/core/compute';
import {
  buildDashboard,
  CHART_COLUMN,
  CHART_ROWS,
  FAMILY_LABELS,
  ISSUES_SHOWN,
  kpiTableRows,
  storyFigure,
} from '../../../src/core/dashboard';
import { dayFromIso } from '../../../src/core/dates';
import { numberFormatOf } from '../../../src/core/format';
import { highlightsOf } from '../../../src/core/highlights';
import type { DataIssue } from '../../../src/core/issues';
import { LayoutBuilder, type SheetLayout } from '../../../src/core/layout';
import type { Story } from '../../../src/core/model';
import type { Recommendation } from '../../../src/core/recommendations/types';
import { DUES_HEADERS, MEMBER_HEADERS, run, tab } from '../fixtures';
import { kpiResult, unitKpi } from './kpi-result';
import { cellOf } from './layout-cells';

const NBSP = '\u00a0';
const GOOD = '#137333';
const BAD = '#c5221f';
const MUTED = '#5f6368';
const TITLE = '#1a73e8';
const FAMILY_BG = '#e8f0fe';
const HEADER_BG = '#f1f3f4';
const TEXT = '#202124';
const WHITE = '#ffffff';

function club(lang: 'fr' | 'en' = 'fr'): Report {
  const members = tab('Membres', MEMBER_HEADERS, [
    ['M001', 'Ana', 'Lopez', '', '', '01/01/2024', '', '', ''],
    ['M002', 'Bob', 'Morel', '', '', '01/01/2025', '', '', ''],
  ]);
  const dues = tab('Cotisations', DUES_HEADERS, [
    ['M001', 2026, 100, '10/01/2026', 'payé'],
    ['M002', 2026, 100, '10/01/2026', 'payé'],
  ]);
  return run([members, dues], { locale: lang === 'fr' ? 'fr_FR' : 'en_GB' });
}

/** The 0-based index of the first row whose first cell is `text` (or starts with it). */
function rowOf(layout: SheetLayout, text: string, from = 0): number {
  const index = layout.values.findIndex(
    (row, i) => i >= from && typeof row[0] === 'string' && (row[0] === text || row[0].startsWith(text)),
  );
  if (index < 0) throw new Error(`No row starting with ${text}`);
  return index;
}

const styleOf = cellOf;

function rec(severity: number, text: string): Recommendation {
  return { id: `r${severity}`, text, severity: severity as Recommendation['severity'], figures: {} };
}

function issue(n: number): DataIssue {
  return {
    tab: 'Membres',
    row: n + 1,
    column: 'Nom',
    value: `v${n}`,
    code: 'missing_required',
    message: `m${n}`,
  };
}

function story(date: string, title: string, kpi: string, value: number | null, text = '', row = 2): Story {
  return { row, date: dayFromIso(date)!, title, members: '', kpi, value, story: text, shareable: false };
}

let report: Report;
beforeEach(() => {
  report = club();
});

describe('the header', () => {
  it('names the club, the period with its dates, the previous period, the refresh and the issues', () => {
    report.settings.clubName = 'Club Alpha';
    report.issues = [issue(1), issue(2)];
    const layout = buildDashboard(report, '15/09/2026 10:00', [], ['Automatisation : dernier passage hier']);
    expect(styleOf(layout, 0)).toEqual({
      value: 'Tableau de bord Club Pulse — Club Alpha',
      format: 'general',
      background: WHITE,
      color: TITLE,
      weight: 'bold',
      size: 16,
    });
    expect(layout.values[1]![0]).toBe(
      `Période${NBSP}: ${report.period.label} (01/01/2026 – 30/06/2026) · ` +
        `Période précédente${NBSP}: ${report.previous.label} · Actualisé le 15/09/2026 10:00 · ` +
        `Problèmes de données${NBSP}: 2`,
    );
    expect(styleOf(layout, 1).color).toBe(MUTED);
    expect(styleOf(layout, 1).weight).toBe('normal');
    expect(styleOf(layout, 2)).toMatchObject({
      value: 'Automatisation : dernier passage hier',
      color: MUTED,
    });
    expect(layout.values[3]!.every((v) => v === null)).toBe(true);
    expect(layout.name).toBe('Tableau de bord');
    expect(layout.frozenRows).toBe(2);
    expect(layout.columnWidths).toEqual([260, 110, 110, 90, 170, 50, 150, 420]);
  });

  it('in English, without a club name', () => {
    report = club('en');
    report.settings.clubName = '';
    report.issues = [];
    const layout = buildDashboard(report, '2026-09-15 10:00');
    expect(layout.values[0]![0]).toBe('Club Pulse dashboard');
    expect(layout.values[1]![0]).toBe(
      `Period: ${report.period.label} (01/01/2026 – 30/06/2026) · Previous period: ${report.previous.label} · ` +
        'Refreshed on 2026-09-15 10:00 · Data issues: 0',
    );
    expect(layout.name).toBe('Dashboard');
    // No notes: the blank row comes right after the period line.
    expect(layout.values[2]!.every((v) => v === null)).toBe(true);
  });
});

describe('the recommendations', () => {
  it('say their urgency in words (1 to 3, beyond clamped), the urgent ones in red, five at most', () => {
    report.recommendations = [rec(1, 'a'), rec(2, 'b'), rec(3, 'c'), rec(0, 'd'), rec(7, 'e'), rec(1, 'f')];
    const layout = buildDashboard(report, 'now');
    const title = rowOf(layout, 'Recommandations');
    expect(styleOf(layout, title)).toMatchObject({ background: FAMILY_BG, weight: 'bold', size: 12 });
    const shown = layout.values.slice(title + 1, title + 6).map((r) => r[0]);
    expect(shown).toEqual([
      `À suivre${NBSP}: a`,
      `Important${NBSP}: b`,
      `Urgent${NBSP}: c`,
      `À suivre${NBSP}: d`,
      `Urgent${NBSP}: e`,
    ]);
    expect([1, 2, 3, 4, 5].map((i) => styleOf(layout, title + i).color)).toEqual([
      TEXT,
      TEXT,
      BAD,
      TEXT,
      BAD,
    ]);
    expect(layout.values[title + 6]!.every((v) => v === null)).toBe(true);
  });

  it('say all is well when there is none', () => {
    report.recommendations = [];
    const layout = buildDashboard(report, 'now');
    const title = rowOf(layout, 'Recommandations');
    expect(styleOf(layout, title + 1)).toMatchObject({
      value: 'Aucune recommandation : tout va bien.',
      color: GOOD,
    });
  });
});

describe('a KPI card', () => {
  it('shows label, value, change, target, benchmark, n, status and formula with their formats', () => {
    const k = kpiResult('participation_rate', {
      label: 'Taux de participation',
      value: 0.5,
      previous: 0.4,
      delta: 0.1,
      target: 0.6,
      benchmark: { value: 0.45, source: 'Réseau X' },
      status: 'red',
      n: 12,
      details: { indicative: true },
      formula: 'présents / membres',
    });
    report.kpis = [k];
    const layout = buildDashboard(report, 'now');
    const family = rowOf(layout, 'Engagement');
    expect(styleOf(layout, family)).toMatchObject({ background: FAMILY_BG, weight: 'bold', size: 12 });
    expect(layout.values[family + 1]).toEqual([
      'Indicateur',
      'Valeur',
      'Évolution',
      'Objectif',
      'Référence',
      'n',
      'Statut',
      'Calcul',
    ]);
    expect(styleOf(layout, family + 1, 7)).toMatchObject({ background: HEADER_BG, weight: 'bold' });
    const r = family + 2;
    const change = comparisonOf(k, report, 'fr', '€');
    expect(change.delta).not.toBeNull();
    expect(styleOf(layout, r, 0)).toMatchObject({
      value: 'Taux de participation (indicatif)',
      weight: 'bold',
    });
    expect(styleOf(layout, r, 1)).toMatchObject({
      value: 0.5,
      format: numberFormatOf('ratio', '€'),
      weight: 'bold',
      size: 12,
    });
    expect(styleOf(layout, r, 2)).toMatchObject({ value: `${change.arrow} ${change.text}`, color: GOOD });
    expect(styleOf(layout, r, 3)).toMatchObject({
      value: 0.6,
      format: numberFormatOf('ratio', '€'),
      weight: 'normal',
    });
    expect(styleOf(layout, r, 4)).toMatchObject({ value: `45,0${NBSP}% (Réseau X)`, color: MUTED });
    expect(styleOf(layout, r, 5)).toMatchObject({ value: 12, format: '0', color: MUTED });
    expect(styleOf(layout, r, 6)).toMatchObject({
      value: `● ${statusWords(k, 'fr')}`,
      background: '#fad2cf',
    });
    expect(styleOf(layout, r, 7)).toMatchObject({ value: formulaText(k, report, 'fr'), color: MUTED });
    // Then a blank row closes the family.
    expect(layout.values[r + 1]!.every((v) => v === null)).toBe(true);
  });

  it('colours a change by what is good, shows lists as text, and leaves out what is missing', () => {
    const up = kpiResult('a', { label: 'Up', value: 0.5, previous: 0.4, delta: 0.1, status: 'green' });
    const down = kpiResult('b', { label: 'Down', value: 0.3, previous: 0.4, delta: -0.1, status: 'amber' });
    const flat = kpiResult('c', { label: 'Same', value: 0.4, previous: 0.4, delta: 0, status: 'grey' });
    const none = kpiResult('d', { label: 'None', value: ['x', 'y'], display: 'list', unit: 'list' });
    report.kpis = [up, down, flat, none];
    const layout = buildDashboard(report, 'now');
    const r = rowOf(layout, 'Up');
    expect(layout.values.slice(r, r + 4).map((row) => row[0])).toEqual(['Up', 'Down', 'Same', 'None']);
    const trends = [up, down, flat].map((k) => comparisonOf(k, report, 'fr', '€').trend);
    expect(trends).toEqual(['good', 'bad', 'flat']);
    expect([0, 1, 2].map((i) => styleOf(layout, r + i, 2).color)).toEqual([GOOD, BAD, MUTED]);
    expect([0, 1, 2].map((i) => styleOf(layout, r + i, 6).background)).toEqual([
      '#ceead6',
      '#feefc3',
      '#e8eaed',
    ]);
    // No change, no target, no benchmark, no status: empty cells, not « null ».
    expect(layout.values[r + 3]!.slice(1, 7)).toEqual(['x, y', '', null, '', 10, '']);
    expect(styleOf(layout, r + 3, 6).background).toBe(WHITE);
  });

  it('puts the network line under the card', () => {
    report.kpis = [
      kpiResult('participation_rate', {
        label: 'Taux',
        value: 0.5,
        peer: {
          kpi: 'participation_rate',
          period: '2026-S1',
          band: 'all',
          clubs: 12,
          p25: 0.3,
          median: 0.4,
          p75: 0.55,
          quartile: 3,
        },
      }),
    ];
    const layout = buildDashboard(report, 'now');
    const r = rowOf(layout, 'Taux', rowOf(layout, 'Engagement'));
    // The median and quartiles in the KPI's own unit.
    expect(String(layout.values[r + 1]![0])).toMatch(new RegExp(`^↳ .*12.*40,0${NBSP}%`));
    expect(styleOf(layout, r + 1).color).toBe(TITLE);
    expect(layout.values[r + 2]!.every((v) => v === null)).toBe(true);
  });
});

describe('the extras of a family', () => {
  it('satisfaction by format, unknown formats named as such', () => {
    report.kpis = [
      kpiResult('event_satisfaction', {
        family: 'satisfaction',
        label: 'Satisfaction',
        details: {
          by_format: [
            { format: 'conference', mean: 8.25, n: 4 },
            { format: 'mystery', mean: null, n: 0 },
          ],
        },
      }),
    ];
    const layout = buildDashboard(report, 'now');
    const head = rowOf(layout, 'Satisfaction par format');
    expect(layout.values[head]!.slice(0, 3)).toEqual(['Satisfaction par format', 'Moyenne', 'Réponses']);
    expect(styleOf(layout, head, 2)).toMatchObject({ weight: 'bold', background: HEADER_BG });
    expect(layout.values[head + 1]!.slice(0, 3)).toEqual(['conférence', 8.25, 4]);
    expect([styleOf(layout, head + 1, 1).format, styleOf(layout, head + 1, 2).format]).toEqual(['0.00', '0']);
    expect(layout.values[head + 2]!.slice(0, 3)).toEqual(['Sans format', null, 0]);
  });

  it('no by-format table without formats', () => {
    report.kpis = [kpiResult('event_satisfaction', { family: 'satisfaction', label: 'Satisfaction' })];
    const layout = buildDashboard(report, 'now');
    expect(() => rowOf(layout, 'Satisfaction par format')).toThrow();
  });

  it('the most shared topics', () => {
    report.kpis = [
      kpiResult('top_topics', {
        family: 'knowledge',
        label: 'Thèmes',
        details: { topics: [{ topic: 'Export', contents: 3, reactions: 12 }] },
      }),
    ];
    const layout = buildDashboard(report, 'now');
    const head = rowOf(layout, 'Thèmes les plus partagés');
    expect(layout.values[head]!.slice(0, 3)).toEqual(['Thèmes les plus partagés', 'Contenus', 'Réactions']);
    expect(styleOf(layout, head)).toMatchObject({ weight: 'bold', background: HEADER_BG });
    expect(layout.values[head + 1]!.slice(0, 3)).toEqual(['Export', 3, 12]);
    expect([styleOf(layout, head + 1, 1).format, styleOf(layout, head + 1, 2).format]).toEqual(['0', '0']);
  });

  it('the members to call, and the reasons of those who left', () => {
    report.kpis = [
      kpiResult('renewal_rate', {
        family: 'retention',
        label: 'Renouvellement',
        details: {
          to_call: ['M1', 'M2', 'M3'],
          previous_term: '2025',
          term: '2026',
          leave_reasons: [
            { reason: 'Déménagement $&', count: 2 },
            { reason: 'Prix', count: 1 },
          ],
        },
      }),
    ];
    const layout = buildDashboard(report, 'now');
    const call = rowOf(layout, '☎');
    expect(styleOf(layout, call)).toMatchObject({
      value: '☎ 3 membre(s) à appeler : cotisation 2025 payée, pas encore 2026.',
      color: BAD,
      weight: 'bold',
    });
    expect(styleOf(layout, call + 1)).toMatchObject({
      value:
        '3 membre(s) parti(s) avec un motif connu (cotisation 2025 payée, pas 2026) : Déménagement $& (2), Prix (1).',
      color: MUTED,
    });
  });

  it('nothing to call and no reasons: no such rows', () => {
    report.kpis = [kpiResult('renewal_rate', { family: 'retention', label: 'Renouvellement', details: {} })];
    const layout = buildDashboard(report, 'now');
    expect(() => rowOf(layout, '☎')).toThrow();
    const r = rowOf(layout, 'Renouvellement', rowOf(layout, 'Fidélisation et croissance'));
    expect(layout.values[r + 1]!.every((v) => v === null)).toBe(true);
  });
});

describe('the stories', () => {
  it('of the period up to today, newest first, three per family, in the unit of their KPI', () => {
    report.kpis = [unitKpi('business_generated', 'opportunities', 'Affaires', 'money')];
    report.today = dayFromIso('2026-05-31')!;
    report.club.stories = [
      story('2025-12-31', 'Avant', 'business_generated', 1),
      story('2026-01-01', 'Premier jour', 'business_generated', 500, '', 3),
      story('2026-03-12', 'Un contrat', 'business_generated', 12000, 'signé au petit-déjeuner'),
      story('2026-03-12', 'Même jour', 'business_generated', null, '', 1),
      story('2026-05-31', "Aujourd'hui", 'business_generated', 2),
      story('2026-06-01', 'Après aujourd’hui', 'business_generated', 3),
    ];
    const layout = buildDashboard(report, 'now');
    const r = rowOf(layout, '★');
    expect(layout.values.slice(r, r + 4).map((row) => row[0])).toEqual([
      `★ 31/05/2026 — Aujourd'hui (2${NBSP}€)`,
      '★ 12/03/2026 — Même jour',
      `★ 12/03/2026 — Un contrat (12${NBSP}000${NBSP}€) : signé au petit-déjeuner`,
      null,
    ]);
    expect(styleOf(layout, r)).toMatchObject({ color: '#3c4043', background: '#fef7e0' });
    expect(() => rowOf(layout, 'Succès du club')).toThrow();
  });

  it('of a KPI not on the dashboard go to their own block', () => {
    report.kpis = [kpiResult('participation_rate', { label: 'Taux' })];
    report.today = dayFromIso('2026-09-15')!;
    report.club.stories = [
      story('2026-06-30', 'Fin', 'business_generated', null),
      story('2026-02-01', 'A', 'renewal_rate', null),
      story('2026-03-01', 'B', 'unknown_kpi', 7),
      story('2026-04-01', 'C', 'nps', null),
      story('2026-07-01', 'Hors période', 'nps', null),
    ];
    const layout = buildDashboard(report, 'now');
    const block = rowOf(layout, 'Succès du club');
    expect(styleOf(layout, block)).toMatchObject({ background: FAMILY_BG, weight: 'bold', size: 12 });
    expect(layout.values.slice(block + 1, block + 5).map((row) => row[0])).toEqual([
      '★ 30/06/2026 — Fin',
      '★ 01/04/2026 — C',
      '★ 01/03/2026 — B (7)',
      null,
    ]);
  });

  it('a figure in its KPI unit: rates written as percentages, counts with decimals, unknown KPIs', () => {
    expect(storyFigure({ kpi: 'participation_rate', value: 80 }, 'fr', '€')).toBe(`80,0${NBSP}%`);
    expect(storyFigure({ kpi: 'participation_rate', value: 0.8 }, 'fr', '€')).toBe(`80,0${NBSP}%`);
    expect(storyFigure({ kpi: 'participation_rate', value: 1 }, 'fr', '€')).toBe(`100,0${NBSP}%`);
    expect(storyFigure({ kpi: 'participation_rate', value: -80 }, 'en', '€')).toBe(`-80.0${NBSP}%`);
    expect(storyFigure({ kpi: 'business_generated', value: 1500 }, 'en', '$')).toBe('$1,500');
    expect(storyFigure({ kpi: 'nowhere', value: 3 }, 'fr', '€')).toBe('3');
    expect(storyFigure({ kpi: 'nowhere', value: 2.5 }, 'fr', '€')).toBe('2,5');
    expect(storyFigure({ kpi: 'nowhere', value: null }, 'fr', '€')).toBe('');
  });
});

describe('the data issues', () => {
  it('none: a word of praise', () => {
    report.issues = [];
    const layout = buildDashboard(report, 'now');
    const title = rowOf(layout, 'Problèmes de données (0)');
    expect(styleOf(layout, title)).toMatchObject({ background: FAMILY_BG, weight: 'bold', size: 12 });
    expect(styleOf(layout, title + 1)).toMatchObject({
      value: 'Aucun problème de données. Bravo !',
      color: GOOD,
    });
    expect(layout.values.length).toBe(title + 2);
  });

  it('the first fifty with tab, row, column, value and issue, then how many more', () => {
    report.issues = Array.from({ length: ISSUES_SHOWN + 2 }, (_, i) => issue(i));
    report.issues[1] = { ...issue(1), row: null, column: null };
    const layout = buildDashboard(report, 'now');
    const title = rowOf(layout, `Problèmes de données (${ISSUES_SHOWN + 2})`);
    expect(layout.values[title + 1]!.slice(0, 5)).toEqual([
      'Onglet',
      'Ligne',
      'Colonne',
      'Valeur',
      'Problème',
    ]);
    expect(styleOf(layout, title + 1, 4)).toMatchObject({ weight: 'bold', background: HEADER_BG });
    expect(layout.values[title + 2]!.slice(0, 5)).toEqual(['Membres', 1, 'Nom', 'v0', 'm0']);
    expect(layout.values[title + 3]!.slice(0, 5)).toEqual(['Membres', '', '', 'v1', 'm1']);
    const more = title + 2 + ISSUES_SHOWN;
    expect(layout.values[more - 1]![4]).toBe(`m${ISSUES_SHOWN - 1}`);
    expect(styleOf(layout, more)).toMatchObject({
      value: '… et 2 autres (voir la barre latérale).',
      color: MUTED,
    });
    expect(layout.values.length).toBe(more + 1);
  });

  it('exactly fifty: no « more » line', () => {
    report.issues = Array.from({ length: ISSUES_SHOWN }, (_, i) => issue(i));
    const layout = buildDashboard(report, 'now');
    const title = rowOf(layout, `Problèmes de données (${ISSUES_SHOWN})`);
    expect(layout.values.length).toBe(title + 2 + ISSUES_SHOWN);
  });
});

describe('the rest of the tab', () => {
  it('one block per family in the order of the KPIs, L’essentiel above, the leaderboard below', () => {
    report.kpis = [
      kpiResult('a', { family: 'satisfaction', label: 'A' }),
      kpiResult('b', { family: 'engagement', label: 'B' }),
      kpiResult('c', { family: 'satisfaction', label: 'C' }),
    ];
    const layout = buildDashboard(report, 'now');
    const satisfaction = rowOf(layout, FAMILY_LABELS.satisfaction.fr);
    const engagement = rowOf(layout, FAMILY_LABELS.engagement.fr);
    expect(satisfaction).toBeLessThan(engagement);
    expect(layout.values[satisfaction + 2]![0]).toBe('A');
    expect(layout.values[satisfaction + 3]![0]).toBe('C');
    expect(layout.values[engagement + 2]![0]).toBe('B');
    const h = highlightsOf(report);
    const essential = rowOf(layout, h.title);
    expect(styleOf(layout, essential)).toMatchObject({ background: FAMILY_BG, weight: 'bold', size: 14 });
    expect(essential).toBeLessThan(rowOf(layout, 'Recommandations'));
    const caption = rowOf(layout, h.trendCaption, essential);
    expect(caption).toBe(essential + 1 + h.figures.length);
    expect(styleOf(layout, caption).color).toBe(MUTED);
    for (const [i, sentence] of h.sentences.entries())
      expect(styleOf(layout, caption + 1 + i)).toMatchObject({ value: sentence, color: TEXT, size: 11 });
    const board = rowOf(layout, 'Palmarès — top 10');
    expect(board).toBeGreaterThan(engagement);
    expect(styleOf(layout, board)).toMatchObject({ background: FAMILY_BG, weight: 'bold', size: 12 });
    expect(styleOf(layout, board + 1)).toMatchObject({ background: HEADER_BG, weight: 'bold' });
  });

  it('the big figures of L’essentiel with their change coloured by what is good', () => {
    report = run(
      [
        tab('Membres', MEMBER_HEADERS, [
          ['M001', 'Ana', 'Lopez', '', '', '01/01/2024', '', '', ''],
          ['M002', 'Bob', 'Morel', '', '', '01/01/2024', '', '', ''],
          ['M003', 'Chloé', 'Faure', '', '', '01/01/2024', '', '', ''],
        ]),
        tab('Cotisations', DUES_HEADERS, [
          ['M001', 2025, 100, '10/01/2025', 'payé'],
          ['M002', 2025, 100, '10/01/2025', 'payé'],
          ['M003', 2025, 100, '10/01/2025', 'payé'],
          ['M001', 2026, 100, '10/01/2026', 'payé'],
        ]),
      ],
      { period: '2026', today: '2026-12-20' },
    );
    const h = highlightsOf(report);
    const layout = buildDashboard(report, 'now');
    const essential = rowOf(layout, h.title);
    expect(h.figures.length).toBeGreaterThan(0);
    for (const [i, f] of h.figures.entries()) {
      const r = essential + 1 + i;
      expect(styleOf(layout, r, 0)).toMatchObject({ value: f.label, weight: 'bold' });
      expect(styleOf(layout, r, 1)).toMatchObject({ value: f.value, weight: 'bold', size: 14 });
      expect(styleOf(layout, r, 2)).toMatchObject({ value: f.spark, color: TITLE, size: 12 });
      const text =
        f.change.delta === null ? '' : `${f.change.arrow}${NBSP}${f.change.text} (${f.change.period})`;
      const color = f.change.trend === 'good' ? GOOD : f.change.trend === 'bad' ? BAD : MUTED;
      expect(styleOf(layout, r, 3)).toMatchObject({ value: text, color, weight: 'bold' });
    }
    // Not a trivial loop: at least one figure has a change to show.
    expect(h.figures.some((f) => f.change.delta !== null)).toBe(true);
  });

  it('places the charts right of the table, one every twenty rows from the first family', () => {
    report.kpis = [kpiResult('participation_rate', { label: 'Taux' })];
    const spec = (id: string) => ({ id }) as unknown as ChartSpec;
    const layout = buildDashboard(report, 'now', [spec('a'), spec('b')]);
    const first = rowOf(layout, FAMILY_LABELS.engagement.fr) + 1;
    expect(CHART_COLUMN).toBe(10);
    expect(layout.charts).toEqual([
      { spec: spec('a'), dataSheet: CHART_DATA_SHEET, anchorRow: first, anchorColumn: 10 },
      { spec: spec('b'), dataSheet: CHART_DATA_SHEET, anchorRow: first + CHART_ROWS, anchorColumn: 10 },
    ]);
    expect(CHART_ROWS).toBe(20);
  });

  it('the hidden KPI table: one row per KPI, lists joined, nothing as empty', () => {
    report.kpis = [
      kpiResult('a', {
        label: 'A',
        value: 0.5,
        previous: null,
        delta: null,
        n: 4,
        unit: 'ratio',
        status: 'green',
      }),
      kpiResult('b', {
        label: 'B',
        value: ['x', 'y'],
        previous: ['x'],
        delta: 0,
        n: 2,
        unit: 'list',
        status: null,
      }),
    ];
    expect(kpiTableRows(report)).toEqual([
      [report.period.label, 'a', 'A', 0.5, '', '', 4, 'ratio', 'green'],
      [report.period.label, 'b', 'B', 'x, y', 'x', 0, 2, 'list', ''],
    ]);
  });
});

describe('what only some reports have', () => {
  it('an indicative KPI in English, and the extras under their own family only', () => {
    report = club('en');
    report.kpis = [
      kpiResult('event_satisfaction', {
        family: 'satisfaction',
        label: 'Satisfaction',
        details: { indicative: true, by_format: [{ format: 'webinar', mean: 4, n: 2 }] },
      }),
      kpiResult('top_topics', {
        family: 'knowledge',
        label: 'Topics',
        details: { topics: [{ topic: 'Export', contents: 1, reactions: 2 }] },
      }),
      kpiResult('renewal_rate', {
        family: 'retention',
        label: 'Renewal',
        details: {
          to_call: ['M1'],
          previous_term: '2025',
          term: '2026',
          leave_reasons: [{ reason: 'Price', count: 1 }],
        },
      }),
      kpiResult('participation_rate', { family: 'engagement', label: 'Participation' }),
    ];
    const layout = buildDashboard(report, 'now');
    const first = (text: string) => layout.values.filter((r) => r[0] === text).length;
    expect(first('Satisfaction (indicative)')).toBe(1);
    expect(first('Satisfaction by format')).toBe(1);
    expect(first('Top topics')).toBe(1);
    expect(
      layout.values.filter((r) => String(r[0]).startsWith('☎ 1 member(s) to call: paid 2025, not yet 2026.'))
        .length,
    ).toBe(1);
    expect(first('1 member(s) left with a known reason (paid 2025, not 2026): Price (1).')).toBe(1);
    // Each extra right under its family's cards.
    expect(rowOf(layout, 'Satisfaction by format')).toBe(rowOf(layout, 'Satisfaction (indicative)') + 1);
    expect(rowOf(layout, 'Top topics')).toBe(
      rowOf(layout, 'Topics', rowOf(layout, 'Knowledge and content')) + 1,
    );
    expect(rowOf(layout, '☎')).toBe(rowOf(layout, 'Renewal', rowOf(layout, 'Retention and growth')) + 1);
  });

  it('no topics: no topics table', () => {
    report.kpis = [
      kpiResult('top_topics', { family: 'knowledge', label: 'Thèmes', details: { topics: [] } }),
    ];
    const layout = buildDashboard(report, 'now');
    expect(() => rowOf(layout, 'Thèmes les plus partagés')).toThrow();
  });

  it('a story on the period’s first day; each family shows its own stories', () => {
    report.kpis = [
      kpiResult('participation_rate', { label: 'Taux' }),
      unitKpi('nps', 'satisfaction', 'NPS', 'nps'),
    ];
    report.today = dayFromIso('2026-09-15')!;
    report.club.stories = [
      story('2026-01-01', 'Premier jour', 'participation_rate', null),
      story('2026-02-01', 'Note', 'nps', null),
    ];
    const layout = buildDashboard(report, 'now');
    expect(layout.values[rowOf(layout, 'Taux', rowOf(layout, 'Engagement')) + 1]![0]).toBe(
      '★ 01/01/2026 — Premier jour',
    );
    expect(layout.values[rowOf(layout, 'NPS', rowOf(layout, 'Satisfaction')) + 1]![0]).toBe(
      '★ 01/02/2026 — Note',
    );
    expect(layout.values.filter((r) => String(r[0]).startsWith('★')).length).toBe(2);
  });

  it('L’essentiel colours a rise in green and a fall in red, its sentences below', () => {
    report.kpis = [
      unitKpi('active_members', 'retention', 'Actifs', 'count', {
        value: 50,
        previous: 40,
        delta: 10,
        n: 50,
        previousN: 40,
      }),
      kpiResult('renewal_rate', {
        family: 'retention',
        label: 'Renouvellement',
        value: 0.5,
        previous: 0.8,
        delta: -0.3,
        n: 40,
        previousN: 40,
      }),
    ];
    const h = highlightsOf(report);
    expect(h.figures.map((f) => f.change.trend)).toContain('good');
    expect(h.figures.map((f) => f.change.trend)).toContain('bad');
    expect(h.sentences.length).toBeGreaterThan(0);
    const layout = buildDashboard(report, 'now');
    const essential = rowOf(layout, h.title);
    for (const [i, f] of h.figures.entries()) {
      const color = f.change.trend === 'good' ? GOOD : f.change.trend === 'bad' ? BAD : MUTED;
      expect(styleOf(layout, essential + 1 + i, 3).color, f.label).toBe(color);
    }
    const caption = essential + 1 + h.figures.length;
    for (const [i, sentence] of h.sentences.entries())
      expect(styleOf(layout, caption + 1 + i)).toMatchObject({ value: sentence, color: TEXT, size: 11 });
  });

  it('the leaderboard shows ten members at most; no charts unless given', () => {
    const score = report.scores[0];
    expect(score).toBeDefined();
    report.scores = Array.from({ length: 12 }, (_, i) => ({ ...score!, rank: i + 1 }));
    const layout = buildDashboard(report, 'now');
    const board = rowOf(layout, 'Palmarès — top 10');
    const ranks = layout.values.slice(board + 2, board + 13).map((r) => r[0]);
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
    // The dashboard's leaderboard is the short one: rank, name, score and colour, no components.
    expect(layout.values[board + 1]!.filter((v) => v !== null).length).toBe(
      layout.values[board + 2]!.filter((v) => v !== null).length,
    );
    expect(layout.charts).toEqual([]);
  });
});

describe('the layout builder', () => {
  it('keeps empty cells empty and gives plain numbers a pattern by kind', () => {
    const layout = new LayoutBuilder('x', [10, 10, 10]).row([null, 2.5, 3]).row(['a', 'b', 'c', 'd']).build();
    expect(layout.values).toEqual([
      [null, 2.5, 3],
      ['a', 'b', 'c'],
    ]);
    expect(layout.numberFormats[0]).toEqual(['general', '0.0#', '0']);
    expect(layout.frozenRows).toBe(0);
  });
});
