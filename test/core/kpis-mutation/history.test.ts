/**
 * The History tab (src/core/history.ts), hand-worked on hand-made KPI lines (issue 23): which rows of
 * the tab a refresh keeps (blank rows dropped, the refreshed period's rows of the refreshed KPIs
 * replaced, everything else kept), how a row read back is padded and trimmed to the nine columns, how
 * a list value is written, and the order (by period label, then kept rows before fresh ones, each in
 * the order they came). Every grid is merged inside its test.
 */

import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/compute';
import { HISTORY_HEADER, mergeHistory } from '../../../src/core/history';
import type { Lang } from '../../../src/core/i18n';
import type { KpiResult } from '../../../src/core/kpis/types';
import { kpiResult } from './kpi-result';

/** A report of `label` with these KPI lines: mergeHistory reads nothing else. */
const report = (label: string, kpis: KpiResult[], lang: Lang = 'fr'): Report =>
  ({ period: { label }, kpis, lang }) as unknown as Report;

const active = (value: number, previous: number) =>
  kpiResult('active_members', {
    label: 'Membres actifs',
    unit: 'count',
    value,
    previous,
    delta: value - previous,
    n: value,
    status: 'green',
  });

describe('mergeHistory', () => {
  it('writes one row per KPI under the header of the workbook language', () => {
    const topics = kpiResult('top_topics', {
      label: 'Thèmes',
      unit: 'list',
      value: ['Export', 'Marketing'] as unknown as number,
      previous: [] as unknown as number,
      n: 3,
    });
    const grid = mergeHistory([], report('2026-Q1', [active(12, 10), topics], 'en'));
    expect(grid).toEqual([
      HISTORY_HEADER.en,
      ['2026-Q1', 'active_members', 'Membres actifs', 12, 10, 2, 12, 'count', 'green'],
      // A list is written as its items joined by « , »; an empty previous list as empty text.
      ['2026-Q1', 'top_topics', 'Thèmes', 'Export, Marketing', '', null, 3, 'list', null],
    ]);
    expect(mergeHistory([], report('2026-Q1', [], 'fr'))).toEqual([HISTORY_HEADER.fr]);
  });

  it('drops rows left blank (empty text or empty cells) and keeps a row with one value', () => {
    const existing = [
      HISTORY_HEADER.fr,
      ['', '', '', '', '', '', '', '', ''],
      [null, null, null],
      ['', null, ''],
      ['', '', '', 7],
    ];
    const grid = mergeHistory(existing, report('2026-Q2', []));
    // The last row has only a value: kept, its blanks read as empty cells, padded to nine columns.
    expect(grid).toEqual([HISTORY_HEADER.fr, [null, null, null, 7, null, null, null, null, null]]);
  });

  it('replaces the refreshed period’s rows of the refreshed KPIs and keeps the others', () => {
    const existing = [
      HISTORY_HEADER.fr,
      ['2026-Q1', 'active_members', 'Membres actifs', 9, 8, 1, 9, 'count', ''],
      ['2026-Q1', 'nps', 'NPS', 30, '', '', 12, 'nps', 'green'],
      ['2025-Q4', 'active_members', 'Membres actifs', 8, 8, 0, 8, 'count', ''],
    ];
    const grid = mergeHistory(existing, report('2026-Q1', [active(12, 10)]));
    expect(grid).toEqual([
      HISTORY_HEADER.fr,
      ['2025-Q4', 'active_members', 'Membres actifs', 8, 8, 0, 8, 'count', null],
      // nps was not refreshed (switched off): its 2026-Q1 row stays, before the fresh rows.
      ['2026-Q1', 'nps', 'NPS', 30, null, null, 12, 'nps', 'green'],
      ['2026-Q1', 'active_members', 'Membres actifs', 12, 10, 2, 12, 'count', 'green'],
    ]);
  });

  it('keeps rows without a period or KPI, trims long rows and pads short ones', () => {
    const existing = [
      HISTORY_HEADER.fr,
      [undefined, 'active_members', 'Sans période', 1],
      ['2026-Q1', undefined, 'Sans KPI', 2],
      ['2026-Q1', 'active_members', 'Trop long', 3, 3, 0, 3, 'count', '', 'en trop', 'encore'],
    ];
    const grid = mergeHistory(existing, report('2026-Q1', [kpiResult('nps', { label: 'NPS', value: 40 })]));
    // Kept (none is a refreshed row of 2026-Q1), blanks read as empty cells, padded or cut to nine
    // columns; the fresh nps row after the kept rows of its period.
    expect(grid).toHaveLength(5);
    expect(grid).toContainEqual([null, 'active_members', 'Sans période', 1, null, null, null, null, null]);
    expect(grid.filter((row) => row[0] === '2026-Q1')).toEqual([
      ['2026-Q1', null, 'Sans KPI', 2, null, null, null, null, null],
      ['2026-Q1', 'active_members', 'Trop long', 3, 3, 0, 3, 'count', null],
      ['2026-Q1', 'nps', 'NPS', 40, null, null, 10, 'ratio', null],
    ]);
  });

  it('sorts by period label and keeps the order of rows within a period', () => {
    const existing = [
      HISTORY_HEADER.fr,
      ['2026-Q3', 'b', 'B', 1],
      ['2025-Q1', 'z', 'Z', 2],
      ['2026-Q3', 'a', 'A', 3],
      ['2025-Q1', 'y', 'Y', 4],
      ['2026-Q3', 'c', 'C', 5],
    ];
    const fresh = ['k1', 'k2', 'k3'].map((id, i) => kpiResult(id, { label: id, value: i }));
    const grid = mergeHistory(existing, report('2026-Q2', fresh));
    expect(grid.slice(1).map((row) => `${row[0]} ${row[1]}`)).toEqual([
      '2025-Q1 z',
      '2025-Q1 y',
      '2026-Q2 k1',
      '2026-Q2 k2',
      '2026-Q2 k3',
      '2026-Q3 b',
      '2026-Q3 a',
      '2026-Q3 c',
    ]);
  });
});
