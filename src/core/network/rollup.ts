/**
 * The network's roll-up (issue 22): snapshots in, one row per (period, KPI, band) out — count of
 * clubs, quartiles, and deciles where there are at least 10 clubs; any (period, KPI, band) of fewer
 * than 5 clubs is withheld, so no club can be singled out.
 *
 * Memory: a snapshot is folded in and dropped; what stays is, per (period, KPI, size band), the
 * values alone, as 8-byte floats in fixed chunks (no per-value object, no string). 50,000 clubs ×
 * 45 KPIs × 4 periods is 9 million values: 72 MB, exact. The overall band is not stored twice: at
 * the end, each (period, KPI) merges its sorted size bands into one array, computes, and lets it go.
 * The duplicate check keeps one short key per (club, period). Quantiles are exact (type 7,
 * quantiles.ts) — no sketch, so no error to document.
 */

import { fill, type Lang } from '../i18n';
import { KPI_IDS, kpiDefinition } from '../kpis/catalogue';
import { BANDS, type Band, SIZE_BANDS, type SizeBand } from './bands';
import { NETWORK_TEXT } from './messages';
import { mergeSorted, quantileSorted } from './quantiles';
import type { Snapshot } from './snapshot';

/** Fewer clubs than this in a (period, KPI, band): withheld. */
export const MIN_CLUBS = 5;
/** Deciles from this many clubs. */
export const MIN_CLUBS_DECILES = 10;
export const DECILES = [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9];
export const DECILE_COLUMNS = ['p10', 'p20', 'p30', 'p40', 'p60', 'p70', 'p80', 'p90'];

export interface RollupRow {
  kpi: string;
  period: string;
  band: Band;
  clubs: number;
  p25: number;
  median: number;
  p75: number;
  /** p10, p20, p30, p40, p60, p70, p80, p90; null under 10 clubs. */
  deciles: number[] | null;
}

const CHUNK = 4096;

/** A growing list of numbers in fixed Float64Array chunks. */
class Values {
  private readonly chunks: Float64Array[] = [];
  length = 0;
  push(x: number): void {
    const at = this.length % CHUNK;
    if (at === 0) this.chunks.push(new Float64Array(CHUNK));
    this.chunks[this.chunks.length - 1][at] = x;
    this.length++;
  }
  sorted(): Float64Array {
    const out = new Float64Array(this.length);
    this.chunks.forEach((chunk, i) => {
      out.set(chunk.subarray(0, Math.min(CHUNK, this.length - i * CHUNK)), i * CHUNK);
    });
    return out.sort();
  }
}

export interface RollupOptions {
  lang: Lang;
  /** Keep only snapshots of this network (others are refused); default: every network. */
  network?: string;
  /** Money KPIs are kept only in this currency (default EUR). */
  currency?: string;
}

/** Rounds away float noise (0.30000000000000004) while keeping every meaningful digit. */
const tidy = (x: number): number => Number(x.toPrecision(12));

export class Rollup {
  private readonly values = new Map<string, Map<string, Map<SizeBand, Values>>>();
  private readonly seen = new Map<string, string>();
  readonly networks = new Set<string>();
  accepted = 0;
  otherCurrency = 0;

  constructor(readonly options: RollupOptions) {}

  /** Folds one valid snapshot in; returns why it is refused (a duplicate, another network), or null. */
  add(snapshot: Snapshot, source: string): string | null {
    const t = NETWORK_TEXT.reject;
    const lang = this.options.lang;
    const expected = this.options.network;
    if (expected !== undefined && snapshot.network_id !== expected)
      return fill(t.otherNetwork[lang], { network: snapshot.network_id, expected });
    const key = `${snapshot.club_id}\u0000${snapshot.period}`;
    const first = this.seen.get(key);
    if (first !== undefined)
      return fill(t.duplicate[lang], { club: snapshot.club_id, period: snapshot.period, first });
    this.seen.set(key, source);
    this.networks.add(snapshot.network_id);
    this.accepted++;
    const currency = this.options.currency ?? 'EUR';
    const moneyOk = snapshot.currency === currency;
    if (!moneyOk && snapshot.kpis.some((k) => k.unit === 'money')) this.otherCurrency++;
    let byKpi = this.values.get(snapshot.period);
    if (!byKpi) {
      byKpi = new Map();
      this.values.set(snapshot.period, byKpi);
    }
    for (const k of snapshot.kpis) {
      if (k.unit === 'money' && !moneyOk) continue;
      let byBand = byKpi.get(k.id);
      if (!byBand) {
        byBand = new Map();
        byKpi.set(k.id, byBand);
      }
      let list = byBand.get(snapshot.size_band);
      if (!list) {
        list = new Values();
        byBand.set(snapshot.size_band, list);
      }
      list.push(k.value);
    }
    return null;
  }

  /**
   * The rows, by period, KPI (catalogue order) and band (size bands, then all clubs); `withheld`
   * counts the (period, KPI, band) left out for having fewer than 5 clubs.
   */
  rows(): { rows: RollupRow[]; withheld: number } {
    const rows: RollupRow[] = [];
    let withheld = 0;
    const order = (id: string) => KPI_IDS.indexOf(id);
    for (const period of [...this.values.keys()].sort()) {
      const byKpi = this.values.get(period)!;
      for (const kpi of [...byKpi.keys()].sort((a, b) => order(a) - order(b))) {
        if (!kpiDefinition(kpi)) continue;
        const byBand = byKpi.get(kpi)!;
        const sorted = new Map<Band, Float64Array>();
        for (const band of SIZE_BANDS) {
          const list = byBand.get(band);
          if (list) sorted.set(band, list.sorted());
        }
        sorted.set('all', mergeSorted([...sorted.values()]));
        for (const band of BANDS) {
          const values = sorted.get(band);
          if (!values || values.length === 0) continue;
          if (values.length < MIN_CLUBS) {
            withheld++;
            continue;
          }
          rows.push(rowOf(kpi, period, band, values));
        }
      }
    }
    return { rows, withheld };
  }
}

function rowOf(kpi: string, period: string, band: Band, values: Float64Array): RollupRow {
  const q = (p: number) => tidy(quantileSorted(values, p));
  return {
    kpi,
    period,
    band,
    clubs: values.length,
    p25: q(0.25),
    median: q(0.5),
    p75: q(0.75),
    deciles: values.length >= MIN_CLUBS_DECILES ? DECILES.map(q) : null,
  };
}

/** The CSV header of benchmarks.csv. */
export const BENCHMARK_COLUMNS = [
  'kpi',
  'period',
  'band',
  'clubs',
  'p25',
  'median',
  'p75',
  ...DECILE_COLUMNS,
];

/** A row as benchmarks.csv cells (deciles empty under 10 clubs). */
export function benchmarkCells(row: RollupRow): Array<string | number> {
  const deciles = row.deciles ?? DECILES.map(() => '');
  return [row.kpi, row.period, row.band, row.clubs, row.p25, row.median, row.p75, ...deciles];
}
