// Property tests (fast-check) on the output of every KPI, beside test/core/properties.test.ts (which
// checks parsers and computeReport never throw, the ranges of rates, NPS and means, and row-order
// independence on a structured club): on the seeded generator's clubs, messy or mutated by
// mutate.ts, and on grids of arbitrary cells under the real headers, every KPI keeps the catalogue's
// invariants — rates in [0, 1], NPS in [−100, 100], 1–5 means in [1, 5], counts whole and ≥ 0,
// n ≥ 0, delta = value − previous, status null without target or benchmark — and shuffling the data
// rows of every tab changes no KPI.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, type Report } from '../../src/core/compute';
import type { RawTab } from '../../src/core/read';
import { TABS } from '../../src/core/schema';
import { generateClub } from '../../src/local/demo/generator';
import { zoneClock } from '../../src/local/emulator/cells';
import { isDateCell } from '../../src/local/workbook/model';
import { MEAN_KPIS, RATE_KPIS } from '../kpi-ranges';
import { type MutableTab, mutateClub } from './mutate';

const ZONE = 'Europe/Paris';
const clock = zoneClock(ZONE);
const PERIODS = ['2026-S1', '2025-S2', '2026-Q2', '2025', '2026-03', 'FY2025', '2025-11-15..2026-02-10'];

/** A generated club (mutated or not) as getValues() gives it: date cells become Dates. */
function club(seed: number, mutate: boolean, messy = true): RawTab[] {
  const generated = generateClub({ scale: 'demo', seed, today: '2026-11-27', messy });
  const tabs: MutableTab[] = generated.tabs.map((t) => ({
    key: t.key,
    name: t.name,
    rows: t.rows.map((r) => [...r]),
  }));
  if (mutate) mutateClub(tabs, seed);
  return tabs.map((t) => ({
    name: t.name,
    values: t.rows.map((r) => r.map((v) => (isDateCell(v) ? new Date(clock.instantOfSerial(v.serial)) : v))),
  }));
}

function report(tabs: RawTab[], period: string, locale = 'fr_FR'): Report {
  const outcome = computeReport({ tabs, locale, timeZone: ZONE, today: '2026-11-27', period });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.report;
}

const RATES = RATE_KPIS;
const MEANS = MEAN_KPIS;

function expectInvariants(r: Report): void {
  for (const k of r.kpis) {
    const where = `${k.id} (${r.period.label})`;
    expect(Number.isInteger(k.n) && k.n >= 0, `${where} n = ${k.n}`).toBe(true);
    for (const v of [k.value, k.previous]) {
      if (typeof v !== 'number') continue;
      expect(Number.isFinite(v), where).toBe(true);
      if (RATES.includes(k.id)) expect(v >= 0 && v <= 1, `${where} = ${v}`).toBe(true);
      if (k.id === 'nps') expect(v >= -100 && v <= 100, `${where} = ${v}`).toBe(true);
      if (MEANS.includes(k.id)) expect(v >= 1 && v <= 5, `${where} = ${v}`).toBe(true);
      if (k.unit === 'count') expect(Number.isInteger(v) && v >= 0, `${where} = ${v}`).toBe(true);
    }
    if (typeof k.value === 'number' && typeof k.previous === 'number')
      expect(k.delta, where).toBeCloseTo(k.value - k.previous, 9);
    else expect(k.delta, where).toBeNull();
    if (k.target === null && k.benchmark === null) expect(k.status, where).toBeNull();
    if (k.status !== null) expect(['green', 'amber', 'red', 'grey']).toContain(k.status);
  }
}

describe('KPI output invariants', () => {
  it('hold on generated clubs, messy and mutated, for every period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        fc.constantFrom(...PERIODS),
        (seed, mutate, period) => {
          expectInvariants(report(club(seed, mutate), period));
        },
      ),
      { numRuns: 4 },
    );
  }, 120_000);

  it('hold on arbitrary cells under the real headers', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer({ min: -5, max: 60_000 }),
      fc.boolean(),
      fc.date({ min: new Date('2024-01-01'), max: new Date('2027-01-01') }),
      fc.constantFrom(
        '',
        'oui',
        'non',
        'gagné',
        '15/03/2026',
        '2026-02-01',
        '1 250,50 €',
        '50 %',
        'E1',
        'M1',
      ),
    );
    const tab = fc.record({
      spec: fc.constantFrom(...TABS),
      rows: fc.array(fc.array(cell, { minLength: 3, maxLength: 12 }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(
        fc.array(tab, { maxLength: 8 }),
        fc.constantFrom(...PERIODS),
        fc.constantFrom('fr_FR', 'en_US'),
        (tabs, period, locale) => {
          const raw = tabs.map((t) => ({
            name: t.spec.name.fr,
            values: [t.spec.columns.map((c) => c.label.fr), ...t.rows],
          }));
          expectInvariants(report(raw, period, locale));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('do not depend on the order of the data rows of a generated club', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom(...PERIODS),
        fc.integer(),
        (seed, period, shuffleSeed) => {
          // A clean club: with duplicate ids the first row keeps the id (SPEC §12), so order matters there.
          const tabs = club(seed, false, false);
          let s = shuffleSeed >>> 0;
          const rand = () => {
            s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
            return s / 4_294_967_296;
          };
          const shuffled = tabs.map((t) => {
            const [header, ...rows] = t.values;
            for (let i = rows.length - 1; i > 0; i--) {
              const j = Math.floor(rand() * (i + 1));
              [rows[i], rows[j]] = [rows[j], rows[i]];
            }
            return { name: t.name, values: [header, ...rows] };
          });
          const a = report(tabs, period).kpis;
          const b = report(shuffled, period).kpis;
          for (let i = 0; i < a.length; i++) {
            expect(b[i].id).toBe(a[i].id);
            expect(b[i].n, a[i].id).toBe(a[i].n);
            for (const key of ['value', 'previous'] as const) {
              const [x, y] = [a[i][key], b[i][key]];
              if (typeof x === 'number' && typeof y === 'number') expect(y, a[i].id).toBeCloseTo(x, 9);
              else expect(y, a[i].id).toEqual(x);
            }
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
