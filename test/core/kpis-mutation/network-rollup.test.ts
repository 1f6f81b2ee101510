/**
 * The network's roll-up (src/core/network/rollup.ts), hand-worked (issue 23): the rows in period,
 * catalogue and band order, ids outside the catalogue left out, the default currency, snapshots in
 * another currency counted only when they carry amounts, and a band of more than 4,096 clubs (the
 * size of one storage chunk) read back whole. Every roll-up is built inside its test.
 */

import { describe, expect, it } from 'vitest';
import { Rollup } from '../../../src/core/network/rollup';
import type { Snapshot, SnapshotKpi } from '../../../src/core/network/snapshot';

const UNITS: Record<string, SnapshotKpi['unit']> = {
  active_members: 'count',
  participation_rate: 'ratio',
  nps: 'nps',
  business_generated: 'money',
  'custom:visits': 'count',
};

function snapshot(club: string, values: Record<string, number>, extra: Partial<Snapshot> = {}): Snapshot {
  return {
    schema_version: 1,
    club_id: club,
    network_id: 'reseau',
    size_band: 'lt50',
    period: '2026-S1',
    currency: 'EUR',
    kpis: Object.entries(values).map(([id, value]) => ({ id, value, n: 20, unit: UNITS[id] })),
    ...extra,
  };
}

describe('Rollup', () => {
  it('lists rows by period, then catalogue order, then band, and nothing else', () => {
    const rollup = new Rollup({ lang: 'fr' });
    // Five clubs, the later period and the last KPI of the catalogue given first.
    for (let i = 0; i < 5; i++) {
      rollup.add(
        snapshot(`club-s2-${i}`, { nps: i, active_members: 10 + i }, { period: '2026-S2' }),
        `s2-${i}`,
      );
      rollup.add(
        snapshot(`club-s1-${i}`, { nps: 10 * i, participation_rate: 0.1 * i, active_members: 20 }),
        `s1-${i}`,
      );
    }
    const { rows, withheld } = rollup.rows();
    expect(withheld).toBe(0);
    expect(rows.map((r) => `${r.period} ${r.kpi} ${r.band}`)).toEqual([
      '2026-S1 active_members lt50',
      '2026-S1 active_members all',
      '2026-S1 participation_rate lt50',
      '2026-S1 participation_rate all',
      '2026-S1 nps lt50',
      '2026-S1 nps all',
      '2026-S2 active_members lt50',
      '2026-S2 active_members all',
      '2026-S2 nps lt50',
      '2026-S2 nps all',
    ]);
    // nps of S1: 0 10 20 30 40 → p25 10, median 20, p75 30; participation 0 … 0.4 tidied to 0.1, 0.2, 0.3.
    expect(rows[4]).toEqual({
      kpi: 'nps',
      period: '2026-S1',
      band: 'lt50',
      clubs: 5,
      p25: 10,
      median: 20,
      p75: 30,
      deciles: null,
    });
    expect([rows[2].p25, rows[2].median, rows[2].p75]).toEqual([0.1, 0.2, 0.3]);
  });

  it('leaves out a KPI id the catalogue does not know', () => {
    const rollup = new Rollup({ lang: 'en' });
    for (let i = 0; i < 5; i++)
      rollup.add(snapshot(`club-${i}xxxx`, { 'custom:visits': i, nps: i }), `f${i}`);
    expect(rollup.rows().rows.map((r) => r.kpi)).toEqual(['nps', 'nps']);
  });

  it('keeps amounts in euros by default and counts only the other-currency snapshots with amounts', () => {
    const rollup = new Rollup({ lang: 'fr' });
    for (let i = 0; i < 5; i++)
      rollup.add(snapshot(`eur-club-${i}`, { business_generated: 1000 * (i + 1) }), `e${i}`);
    // A snapshot in dollars without amounts: its NPS counts, and it is not an other-currency one.
    rollup.add(snapshot('usd-club-1', { nps: 5 }, { currency: 'USD' }), 'u1');
    rollup.add(snapshot('usd-club-2', { nps: 5, business_generated: 9e9 }, { currency: 'USD' }), 'u2');
    expect(rollup.otherCurrency).toBe(1);
    expect(rollup.accepted).toBe(7);
    const { rows, withheld } = rollup.rows();
    // 1000 … 5000 → median 3000; the NPS of the two dollar clubs: 2 < 5 clubs, withheld in lt50 and all.
    expect(rows.map((r) => [r.kpi, r.band, r.clubs, r.median])).toEqual([
      ['business_generated', 'lt50', 5, 3000],
      ['business_generated', 'all', 5, 3000],
    ]);
    expect(withheld).toBe(2);
  });

  it('reads back a band of 4,100 clubs, beyond one storage chunk, in full', () => {
    const rollup = new Rollup({ lang: 'fr' });
    // Values 0 … 4099, added in a scrambled order (1237 is prime to 4100).
    for (let i = 0; i < 4100; i++) {
      const value = (i * 1237) % 4100;
      rollup.add(snapshot(`club-${String(i).padStart(6, '0')}`, { nps: value }), `c${i}`);
    }
    const [band, all] = rollup.rows().rows;
    // n = 4100, h = 4099·p: p25 → 1024.75, median → 2049.5, p75 → 3074.25; p10 → 409.9, p90 → 3689.1.
    for (const row of [band, all]) {
      expect(row.clubs).toBe(4100);
      expect([row.p25, row.median, row.p75]).toEqual([1024.75, 2049.5, 3074.25]);
      expect(row.deciles?.[0]).toBe(409.9);
      expect(row.deciles?.[7]).toBe(3689.1);
    }
  });
});
