/**
 * L'essentiel (src/core/highlights.ts), hand-worked where test/core/board-reading.test.ts leaves room
 * (issue 23): every kind of period in both forms and both languages, and the thresholds of a
 * change worth announcing at their exact values (a 1–5 mean, the NPS, an amount against the previous
 * period, a yearly amount against a year earlier, a base of zero or none), and the sentences: their
 * order, a fall, a slight change, a yearly comparison, a KPI without a value or left out.
 */

import { describe, expect, it } from 'vitest';
import { highlightsOf, notable, periodPhrase } from '../../../src/core/highlights';
import type { KpiResult } from '../../../src/core/kpis/types';
import { parsePeriod } from '../../../src/core/periods';
import { run } from '../fixtures';
import { kpiResult } from './kpi-result';

describe('periodPhrase', () => {
  // [period, fr in, fr vs, en in, en vs]; fiscal years start in September.
  const CASES = [
    ['2026-03', 'en mars 2026', 'à mars 2026', 'in March 2026', 'March 2026'],
    ['2026-Q2', 'au 2e trimestre 2026', 'au 2e trimestre 2026', 'in Q2 2026', 'Q2 2026'],
    [
      '2026-S1',
      'au 1er semestre 2026',
      'au 1er semestre 2026',
      'in the first half of 2026',
      'the first half of 2026',
    ],
    [
      '2026-S2',
      'au 2e semestre 2026',
      'au 2e semestre 2026',
      'in the second half of 2026',
      'the second half of 2026',
    ],
    ['2026', 'en 2026', 'à 2026', 'in 2026', '2026'],
    ['FY2026', "sur l'exercice 2026", "à l'exercice 2026", 'in fiscal year 2026', 'fiscal year 2026'],
    [
      '2026-01-15..2026-03-31',
      'du 15/01/2026 au 31/03/2026',
      'à la période du 15/01/2026 au 31/03/2026',
      'from 15/01/2026 to 31/03/2026',
      'the period from 15/01/2026 to 31/03/2026',
    ],
  ];

  it('says each kind of period after « au » / "in" and after « par rapport » / "compared with"', () => {
    for (const [label, frIn, frVs, enIn, enVs] of CASES) {
      const p = parsePeriod(label, 9)!;
      expect([
        periodPhrase(p, 'fr', 'in'),
        periodPhrase(p, 'fr', 'vs'),
        periodPhrase(p, 'en', 'in'),
        periodPhrase(p, 'en', 'vs'),
      ]).toEqual([frIn, frVs, enIn, enVs]);
    }
  });
});

describe('notable', () => {
  const k = (display: 'ratio' | 'nps' | 'mean_1_5' | 'money', previous: number | null, extra = {}) => ({
    display,
    previous,
    previousYear: null,
    yearly: false,
    ...extra,
  });

  it('takes the thresholds themselves as worth announcing', () => {
    expect(notable(k('ratio', 0.5), 0.01)).toBe(true);
    expect(notable(k('ratio', 0.5), 0.0099)).toBe(false);
    expect(notable(k('nps', 20), 2)).toBe(true);
    expect(notable(k('nps', 20), -1.9)).toBe(false);
    expect(notable(k('mean_1_5', 4), 0.05)).toBe(true);
    expect(notable(k('mean_1_5', 4), -0.04)).toBe(false);
    // 2 % of 100 000 = 2 000.
    expect(notable(k('money', 100_000), -2_000)).toBe(true);
    expect(notable(k('money', 100_000), 1_999)).toBe(false);
  });

  it('announces any change of an amount from zero or from no figure', () => {
    expect(notable(k('money', 0), 1)).toBe(true);
    expect(notable(k('money', null), 1)).toBe(true);
  });

  it('weighs a yearly amount against a year earlier, not the previous period', () => {
    // A year earlier 1 000: 30 ≥ 20 is notable; against the previous period's 100 000 it would not be.
    expect(notable(k('money', 100_000, { yearly: true, previousYear: 1_000 }), 30)).toBe(true);
    expect(notable(k('money', 1_000, { yearly: true, previousYear: 100_000 }), 30)).toBe(false);
  });
});

const kpi = kpiResult;

// An empty club's report (2026-S1, fr) with the KPIs replaced by hand-built ones.
const sentences = (kpis: KpiResult[]) => highlightsOf({ ...run([]), kpis }).sentences;

describe('the sentences', () => {
  it('membership first, then the changes worth telling in their order, then the rest, three at most', () => {
    expect(
      sentences([
        // 38 → 40 members: +2 ≥ 2 % of 38.
        kpi('active_members', { unit: 'count', display: 'count', value: 40, previous: 38, delta: 2 }),
        // 50,0 % → 50,2 %: +0.2 point, under 1 point: stable, its change in brackets.
        kpi('participation_rate', { value: 0.502, previous: 0.5, delta: 0.002 }),
        // +20 → +10: −10 points.
        kpi('nps', { unit: 'nps', display: 'nps', value: 10, previous: 20, delta: -10 }),
        // No value: no sentence.
        kpi('business_generated', { unit: 'money', display: 'money', value: null }),
        // Yearly: 70 % a year earlier (2025-S1) → 80 %.
        kpi('renewal_rate', { value: 0.8, yearly: true, previousYear: 0.7, deltaYear: 0.1 }),
      ]),
    ).toEqual([
      'Le nombre de membres actifs progresse : 40 au 1er semestre 2026, soit +2 par rapport au 2e semestre 2025.',
      'Notre NPS recule : +10 au 1er semestre 2026, soit −10\u00a0pts par rapport au 2e semestre 2025.',
      'Le taux de renouvellement progresse : 80,0\u00a0% au 1er semestre 2026, soit +10,0\u00a0pts par rapport au 1er semestre 2025 (un an plus tôt).',
    ]);
  });

  it('tells a slight change as stable, with the change in brackets, after membership without a change', () => {
    expect(
      sentences([
        kpi('participation_rate', { value: 0.502, previous: 0.5, delta: 0.002 }),
        kpi('active_members', { unit: 'count', display: 'count', value: 40 }),
        // An amount without a previous figure has no change: told after the stable participation.
        kpi('business_generated', { unit: 'money', display: 'money', value: 5_000 }),
      ]),
    ).toEqual([
      'Le nombre de membres actifs : 40 au 1er semestre 2026.',
      'Le taux de participation est stable : 50,2\u00a0% au 1er semestre 2026 (+0,2\u00a0pts par rapport au 2e semestre 2025).',
      "Le chiffre d'affaires généré entre membres : 5\u00a0000\u00a0€ au 1er semestre 2026.",
    ]);
  });
});
