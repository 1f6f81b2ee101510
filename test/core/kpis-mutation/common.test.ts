/**
 * The small pieces every KPI family rests on (src/core/kpis/common.ts, direction.ts), hand-worked
 * (issue 23): ratios and means that give "no data" on an empty base, "in P and not after today",
 * the members active at P's end, the NPS of a list of answers, the good direction of a change.
 */

import { describe, expect, it } from 'vitest';
import { CATALOGUE, KPI_IDS, kpiDefinition } from '../../../src/core/kpis/catalogue';
import { mean, npsOf, ratio } from '../../../src/core/kpis/common';
import { goodDirectionOf } from '../../../src/core/kpis/direction';
import { kpi, run, tab } from '../fixtures';

describe('ratio and mean', () => {
  it('ratio divides, and gives null rather than a division by zero or by a negative', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 5)).toBe(0);
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(2, 0)).toBeNull();
    expect(ratio(2, -1)).toBeNull();
  });

  it('mean is the sum over the count, null for no values', () => {
    // (1 + 2 + 6) ÷ 3 = 3; a single value is itself.
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([-4])).toBe(-4);
    expect(mean([])).toBeNull();
  });
});

describe('npsOf', () => {
  it('counts 9 and 10 as promoters, 0 to 6 as detractors, 7 and 8 as passives', () => {
    expect(npsOf([9])).toBe(100);
    expect(npsOf([10])).toBe(100);
    expect(npsOf([8])).toBe(0);
    expect(npsOf([7])).toBe(0);
    expect(npsOf([6])).toBe(-100);
    expect(npsOf([0])).toBe(-100);
    // 2 promoters, 1 detractor of 4: (2 − 1) ÷ 4 × 100 = 25.
    expect(npsOf([10, 9, 6, 7])).toBe(25);
  });

  it('refuses anything but whole numbers from 0 to 10, naming the value', () => {
    expect(() => npsOf([11])).toThrow(/got 11/);
    expect(() => npsOf([-1])).toThrow(/got -1/);
    expect(() => npsOf([8, 7.5])).toThrow(RangeError);
    expect(npsOf([])).toBeNull();
  });
});

describe('goodDirectionOf', () => {
  it('is the stated direction, else down when lower is better, else up', () => {
    expect(goodDirectionOf({})).toBe('up');
    expect(goodDirectionOf({ lowerIsBetter: true })).toBe('down');
    expect(goodDirectionOf({ lowerIsBetter: false })).toBe('up');
    expect(goodDirectionOf({ good: 'neither', lowerIsBetter: true })).toBe('neither');
    expect(goodDirectionOf({ good: 'up', lowerIsBetter: true })).toBe('up');
  });
});

describe('the catalogue', () => {
  it('finds a definition by its id, and nothing for an unknown id', () => {
    expect(kpiDefinition('roi')?.family).toBe('roi');
    expect(kpiDefinition('contents_shared')?.id).toBe('contents_shared');
    expect(kpiDefinition('no_such_kpi')).toBeUndefined();
    // One id per definition, in catalogue order: engagement first, ROI last (SPEC §3).
    expect(KPI_IDS).toHaveLength(CATALOGUE.length);
    expect(new Set(KPI_IDS).size).toBe(KPI_IDS.length);
    expect(KPI_IDS[0]).toBe('active_members');
    expect(KPI_IDS.at(-1)).toBe('return_per_dues_euro');
  });
});

describe('in P, and the members active at its end, through the KPIs', () => {
  const members = tab(
    'Membres',
    ['ID membre', "Date d'adhésion", 'Date de départ'],
    [
      ['M001', '01/01/2025', ''],
      ['M002', '01/01/2025', '10/03/2026'], // left on 10 March: still active on that day
      ['M003', '11/03/2026', ''], // joins the day after 10 March
      ['M004', '01/01/2025', '09/03/2026'], // left the day before
    ],
  );
  const contents = tab(
    'Contenus',
    ['Date', 'Titre'],
    [
      ['01/01/2026', 'the first day of S1'],
      ['10/03/2026', 'today'],
      ['11/03/2026', 'tomorrow: dated ahead, not yet counted'],
      ['31/12/2025', 'the day before S1'],
    ],
  );

  it('counts rows from the first day of P up to today included', () => {
    // Today 10 March 2026: the first-day row and today's row → 2.
    expect(kpi(run([members, contents], { today: '2026-03-10' }), 'contents_shared').value).toBe(2);
    // In 2025-S2 only the last day's row, 31 December.
    expect(kpi(run([members, contents], { period: '2025-S2' }), 'contents_shared').value).toBe(1);
  });

  it('active members are those on the books on the last day that counts (today while P runs)', () => {
    // 10 March: M001 and M002 (leaves that day); M003 has not joined, M004 has left → 2.
    const march = run([members, contents], { today: '2026-03-10' });
    expect(kpi(march, 'active_members').value).toBe(2);
    // Once S1 is over, its end (30 June) counts: M001 and M003 → 2, not M002 any more.
    const after = run([members, contents], { today: '2026-09-15' });
    expect(kpi(after, 'active_members')).toMatchObject({ value: 2 });
    expect(kpi(run([members, contents], { today: '2026-03-11' }), 'active_members').value).toBe(2);
  });
});
