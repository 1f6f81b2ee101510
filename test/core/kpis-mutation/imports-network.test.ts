/**
 * Importing the network's benchmarks.csv (src/core/imports/network.ts), hand-worked where
 * test/core/network.test.ts leaves room (issue 23): the refusals (missing columns named, no usable
 * line), blank lines, deciles present, missing or unreadable, a header of French labels, every
 * reason a line is left out, and the summary sentences with their plurals in French and English.
 */

import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n';
import { planImport } from '../../../src/core/imports';
import { PEER_COLUMNS } from '../../../src/core/network/peers';

const HEADER = ['kpi', 'period', 'band', 'clubs', 'p25', 'median', 'p75'];
/** The eight decile cells of a row without deciles. */
const NO_DECILES = Array<string>(8).fill('');

const run = (rows: string[][], lang: Lang = 'fr') =>
  planImport({
    rows,
    source: 'network_benchmarks',
    fileName: 'benchmarks.csv',
    lang,
    locale: lang === 'fr' ? 'fr_FR' : 'en_GB',
    existing: { tabs: [] },
  });
const planOf = (rows: string[][], lang: Lang = 'fr') => {
  const r = run(rows, lang);
  if (!r.ok) throw new Error(r.message);
  return r.plan;
};

describe('refusals', () => {
  it('names the missing columns', () => {
    // kpi, period, band, clubs and median make the file a benchmarks file; p25 and p75 are missing.
    const rows = [
      ['kpi', 'period', 'band', 'clubs', 'median'],
      ['nps', '2026-S1', 'all', '12', '20'],
    ];
    expect(run(rows)).toEqual({
      ok: false,
      message: 'Ce fichier de repères du réseau n’a pas les colonnes p25, p75.',
    });
    expect(run(rows, 'en')).toEqual({
      ok: false,
      message: 'This network benchmarks file lacks the columns p25, p75.',
    });
  });

  it('refuses a file without a usable line, leaving the tab as it is', () => {
    const rows = [HEADER, ['nope', '2026-S1', 'all', '12', '1', '2', '3']];
    expect(run(rows)).toEqual({
      ok: false,
      message:
        'Aucune ligne de repères utilisable dans ce fichier : l’onglet Repères réseau n’est pas modifié.',
    });
    expect(run(rows, 'en')).toEqual({
      ok: false,
      message: 'No usable benchmark line in this file: the Network benchmarks tab is left as it is.',
    });
  });
});

describe('lines', () => {
  it('says why each line is left out, passing over blank lines', () => {
    const p = planOf([
      HEADER,
      // Line 2: kept. Line 3: blank (passed over). Lines 4–8: period, band, clubs, quartiles, order.
      ['nps', '2026-S1', 'all', '12', '20', '30', '40'],
      ['', ' ', '', '', '', '', ''],
      ['nps', 'S1', 'all', '12', '20', '30', '40'],
      ['nps', '2026-S1', 'géants', '12', '20', '30', '40'],
      ['nps', '2026-S1', 'all', '12,5', '20', '30', '40'],
      ['nps', '2026-S1', 'all', '12', 'vingt', '30', '40'],
      ['nps', '2026-S1', 'all', '12', '40', '30', '20'],
      // Line 9: the same KPI, period and band as line 2.
      ['nps', '2026-S1', 'all', '12', '21', '31', '41'],
    ]);
    expect(p.skipped).toEqual([
      { line: 4, reason: 'période invalide' },
      { line: 5, reason: 'taille de club inconnue' },
      { line: 6, reason: 'nombre de clubs invalide' },
      { line: 7, reason: 'quartiles ou médiane non numériques' },
      { line: 8, reason: 'quartiles dans le désordre (p25 ≤ médiane ≤ p75)' },
      { line: 9, reason: 'déjà donné plus haut (même indicateur, période et taille)' },
    ]);
    expect(p.generated?.rows).toHaveLength(1);
  });

  it('keeps the same KPI and period for another band, and the deciles given', () => {
    // Deciles p10 to p80 given; « n/a » (p60) is no number → empty; no p90 column → empty. The label is the KPI's (catalogue).
    const header = [...HEADER, 'p10', 'p20', 'p30', 'p40', 'p60', 'p70', 'p80'];
    const p = planOf([
      header,
      ['nps', '2026-S1', 'all', '12', '20', '30', '40', '5', '10', '15', '25', 'n/a', '35', '45'],
      ['nps', '2026-S1', '50-149', '6', '0,5', '1', '1.5', '', '', '', '', '', '', ''],
    ]);
    expect(p.generated?.rows).toEqual([
      [
        'nps',
        'NPS (recommandation du réseau)',
        '2026-S1',
        'tous les clubs',
        12,
        20,
        30,
        40,
        5,
        10,
        15,
        25,
        '',
        35,
        45,
        '',
      ],
      ['nps', 'NPS (recommandation du réseau)', '2026-S1', '50 à 149 membres', 6, 0.5, 1, 1.5, ...NO_DECILES],
    ]);
    expect(p.skipped).toEqual([]);
  });

  it('reads a header of French labels and writes the tab in English', () => {
    const p = planOf(
      [
        // The tab's own French labels (Indicateur, Libellé, Période, Taille de club, Clubs,
        // 1er quartile, Médiane, 3e quartile), as a club copying the tab would write them.
        PEER_COLUMNS.slice(0, 8).map((c) => c.label.fr),
        ['nps', 'NPS (recommandation du réseau)', '2026-S1', 'tous les clubs', '12', '20', '30', '40'],
      ],
      'en',
    );
    expect(p.source).toBe('network_benchmarks');
    expect(p.sourceLabel).toBe('Network — benchmarks (benchmarks.csv)');
    expect(p.additions).toEqual([]);
    expect(p.generated).toEqual({
      names: { fr: 'Repères réseau', en: 'Network benchmarks' },
      tabName: 'Network benchmarks',
      header: [
        'KPI',
        'Label',
        'Period',
        'Club size',
        'Clubs',
        '1st quartile',
        'Median',
        '3rd quartile',
        'P10',
        'P20',
        'P30',
        'P40',
        'P60',
        'P70',
        'P80',
        'P90',
      ],
      rows: [
        ['nps', 'NPS (would recommend the network)', '2026-S1', 'all clubs', 12, 20, 30, 40, ...NO_DECILES],
      ],
    });
    expect(p.notes).toEqual(['The dashboard places each KPI among the network’s clubs at the next refresh.']);
  });
});

describe('summaries', () => {
  const line = (band: string) => ['nps', '2026-S1', band, '12', '20', '30', '40'];
  const bad = ['nope', '2026-S1', 'all', '12', '1', '2', '3'];

  it('one benchmark, nothing left out', () => {
    const p = planOf([HEADER, line('all')]);
    expect(p.summary).toBe('1 repère écrit dans l’onglet Repères réseau.');
    expect(p.plannedSummary).toBe('1 repère remplacerait le contenu de l’onglet Repères réseau.');
    expect(p.notes).toEqual([
      'Le tableau de bord situe chaque indicateur parmi les clubs du réseau à la prochaine actualisation.',
    ]);
    const en = planOf([HEADER, line('all')], 'en');
    expect(en.summary).toBe('1 benchmark written to the Network benchmarks tab.');
    expect(en.plannedSummary).toBe('1 benchmark would replace the content of the Network benchmarks tab.');
  });

  it('several benchmarks, one or several lines left out', () => {
    const p = planOf([HEADER, line('all'), line('lt50'), bad]);
    expect(p.summary).toBe('2 repères écrits dans l’onglet Repères réseau, 1 ignorée.');
    expect(p.plannedSummary).toBe(
      '2 repères remplaceraient le contenu de l’onglet Repères réseau, 1 ignorée.',
    );
    const q = planOf([HEADER, line('all'), line('lt50'), bad, bad], 'en');
    expect(q.summary).toBe('2 benchmarks written to the Network benchmarks tab, 2 skipped.');
    expect(q.plannedSummary).toBe(
      '2 benchmarks would replace the content of the Network benchmarks tab, 2 skipped.',
    );
    const r = planOf([HEADER, line('all'), bad, bad]);
    expect(r.summary).toBe('1 repère écrit dans l’onglet Repères réseau, 2 ignorées.');
  });
});
