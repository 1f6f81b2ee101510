/**
 * The History tab (src/core/history.ts) over refreshes of a small club, through the real report,
 * every value worked out by hand. (layouts.test.ts checks mergeHistory on hand-made KPI results.)
 *
 * Today 2026-09-15. Members: M001 joined 01/01/2025, M002 01/02/2026, M003 15/04/2026.
 * Active members at a period's end (SPEC §3): 31/12/2025 → M001 = 1; 31/03/2026 → M001, M002 = 2;
 * 30/06/2026 → all three = 3. So active_members is 2 for 2026-Q1 (previous 2025-Q4: 1, change +1),
 * and 3 for 2026-Q2 (previous 2026-Q1: 2, change +1).
 *
 * Contents: 10/02/2026 « Marketing » (3 reactions), 20/03/2026 « marketing » (1), 25/03/2026
 * « Export » (9), 10/05/2026 « Export » (0). top_topics, a list written as text: 2026-Q1 has
 * Marketing twice (grouped leniently, shown as first typed) then Export once → « Marketing, Export »,
 * its previous (2025-Q4, no content) the empty list, written as empty text; 2026-Q2 → « Export »,
 * its previous « Marketing, Export », no change for a list.
 */

import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/compute';
import { KPI_TABLE_HEADER, kpiTableRows } from '../../src/core/dashboard';
import { HISTORY_HEADER, mergeHistory } from '../../src/core/history';
import type { LayoutValue } from '../../src/core/layout';
import { MEMBERS_HEADER, run, tab } from './fixtures';

function smallClub(settings: unknown[][] = []) {
  return [
    tab('Membres', MEMBERS_HEADER, [
      ['M001', 'Alice', 'Martin', '', '01/01/2025', '', ''],
      ['M002', 'Bruno', 'Petit', '', '01/02/2026', '', ''],
      ['M003', 'Chloé', 'Durand', '', '15/04/2026', '', ''],
    ]),
    tab(
      'Contenus',
      ['Date', 'Auteur', 'Thème', 'Réactions'],
      [
        ['10/02/2026', 'M001', 'Marketing', 3],
        ['20/03/2026', 'M002', 'marketing ', 1],
        ['25/03/2026', 'M001', 'Export', 9],
        ['10/05/2026', 'M003', 'Export', 0],
      ],
    ),
    tab('Paramètres', ['Clé', 'Valeur'], settings),
  ];
}

const q1 = run(smallClub(), { period: '2026-Q1' });
const q2 = run(smallClub(), { period: '2026-Q2' });

/** The History rows of one period and KPI. */
const rowsOf = (grid: LayoutValue[][], period: string, kpi: string) =>
  grid.filter((row) => row[0] === period && row[1] === kpi);

/** What the tab holds after a write: '' for empty cells, as getValues() reads them back. */
const asRead = (grid: LayoutValue[][]): unknown[][] => grid.map((row) => row.map((v) => v ?? ''));

describe('History of a small club', () => {
  it('the first refresh writes the header and one row per KPI of the period', () => {
    const grid = mergeHistory([], q1);
    expect(grid[0]).toEqual(HISTORY_HEADER.fr);
    expect(grid).toHaveLength(1 + q1.kpis.length);
    const [active] = rowsOf(grid, '2026-Q1', 'active_members');
    // 2 at 31/03/2026, 1 at 31/12/2025: +1, over n = 2 members.
    expect(active.slice(3, 8)).toEqual([2, 1, 1, 2, 'count']);
    expect(rowsOf(grid, '2026-Q1', 'top_topics')[0].slice(3, 6)).toEqual(['Marketing, Export', '', null]);
  });

  it('a second period is added after the first; refreshing the first again changes nothing', () => {
    const afterQ1 = mergeHistory([], q1);
    const afterQ2 = mergeHistory(asRead(afterQ1), q2);
    expect(afterQ2).toHaveLength(1 + q1.kpis.length + q2.kpis.length);
    // Sorted by period: every 2026-Q1 row before every 2026-Q2 row.
    const periods = afterQ2.slice(1).map((row) => row[0]);
    expect(periods.lastIndexOf('2026-Q1')).toBeLessThan(periods.indexOf('2026-Q2'));
    // 3 at 30/06/2026, 2 at 31/03/2026: +1, n = 3.
    expect(rowsOf(afterQ2, '2026-Q2', 'active_members')[0].slice(3, 8)).toEqual([3, 2, 1, 3, 'count']);
    expect(rowsOf(afterQ2, '2026-Q2', 'top_topics')[0].slice(3, 6)).toEqual([
      'Export',
      'Marketing, Export',
      null,
    ]);
    // Q1 kept as it was, and refreshing 2026-Q1 again leaves the tab as it was (an empty list is
    // written '' where a cell read back is null: both are an empty cell).
    expect(rowsOf(afterQ2, '2026-Q1', 'active_members')).toEqual(
      rowsOf(afterQ1, '2026-Q1', 'active_members'),
    );
    expect(asRead(mergeHistory(asRead(afterQ2), q1))).toEqual(asRead(afterQ2));
  });

  it('a KPI switched off keeps its rows, even those of the period refreshed now (issue 18)', () => {
    const afterQ2 = mergeHistory(asRead(mergeHistory([], q1)), q2);
    // Only two KPIs on: the 2026-Q1 refresh replaces their two rows and keeps every other one.
    const narrow = run(smallClub([['enabled_kpis', 'active_members, top_topics']]), { period: '2026-Q1' });
    expect(narrow.kpis.map((k) => k.id)).toEqual(['active_members', 'top_topics']);
    const merged = mergeHistory(asRead(afterQ2), narrow);
    expect(merged).toHaveLength(afterQ2.length);
    expect(rowsOf(merged, '2026-Q1', 'active_members')).toHaveLength(1);
    expect(rowsOf(merged, '2026-Q1', 'renewal_rate')).toEqual(rowsOf(afterQ2, '2026-Q1', 'renewal_rate'));
    // Within 2026-Q1 the kept rows come first, then the two refreshed ones.
    const q1Kpis = merged.filter((row) => row[0] === '2026-Q1').map((row) => row[1]);
    expect(q1Kpis.slice(-2)).toEqual(['active_members', 'top_topics']);
  });

  it('an English workbook gets the English header; rows read back with blanks as empty', () => {
    const en: Report = run(smallClub(), { period: '2026-Q1', locale: 'en_GB' });
    const grid = mergeHistory([HISTORY_HEADER.fr, ['', '', '', '', '', '', '', '', '']], en);
    expect(grid[0]).toEqual(HISTORY_HEADER.en);
    expect(grid).toHaveLength(1 + en.kpis.length);
    // A KPI without data: value and change empty (null), never 0.
    const [nps] = rowsOf(grid, '2026-Q1', 'nps');
    expect([nps[3], nps[5]]).toEqual([null, null]);
  });
});

describe('the hidden KPI table of the same small club (dashboard.ts)', () => {
  it('has the History columns for the refreshed period, blanks written as empty text', () => {
    expect(KPI_TABLE_HEADER).toHaveLength(HISTORY_HEADER.en.length);
    const rows = kpiTableRows(q1);
    expect(rows).toHaveLength(q1.kpis.length);
    // active_members: 2, previous 1, +1, n = 2, no target so no status.
    expect(rows.find((r) => r[1] === 'active_members')).toEqual([
      '2026-Q1',
      'active_members',
      q1.kpis.find((k) => k.id === 'active_members')!.label,
      2,
      1,
      1,
      2,
      'count',
      '',
    ]);
    // top_topics over n = 3 contents of the quarter; an empty previous list and no change: ''.
    expect(rows.find((r) => r[1] === 'top_topics')).toEqual([
      '2026-Q1',
      'top_topics',
      'Thèmes les plus partagés',
      'Marketing, Export',
      '',
      '',
      3,
      'list',
      '',
    ]);
    // The History rows of the period say the same, with null for a blank.
    const history = mergeHistory([], q1).slice(1);
    expect(asRead(history)).toEqual(rows);
  });
});
