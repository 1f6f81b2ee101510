/**
 * Figures in words (src/core/format.ts), hand-worked where test/core/format.test.ts leaves room
 * (issue 23): amounts around the 1,000 where cents stop being shown, an unknown currency, a zero
 * NPS, the change of every display unit, a change that rounds to nothing, the trend of a list or of
 * a cost, ISO dates, and the Sheets number formats not yet checked. NBSP is the no-break space.
 */

import { describe, expect, it } from 'vitest';
import {
  formatDelta,
  formatIsoDate,
  formatKpiValue,
  formatMoney,
  formatNumber,
  formatUpTo,
  numberFormatOf,
  shownDelta,
  trendOf,
} from '../../../src/core/format';

const NBSP = '\u00a0';

describe('numbers', () => {
  it('writes up to so many decimals, French thousands with a no-break space, and keeps each format apart', () => {
    expect(formatUpTo(1.5, 'fr', 2)).toBe('1,5');
    expect(formatUpTo(50, 'fr', 2)).toBe('50');
    expect(formatUpTo(1234.567, 'fr', 2)).toBe(`1${NBSP}234,57`);
    expect(formatUpTo(1234.567, 'en', 2)).toBe('1,234.57');
    // The formats made once are kept apart by language and decimals.
    expect(formatNumber(1234.5, 'fr', 2)).toBe(`1${NBSP}234,50`);
    expect(formatUpTo(1234.5, 'fr', 2)).toBe(`1${NBSP}234,5`);
    expect(formatNumber(1234.5, 'en', 0)).toBe('1,235');
    expect(formatUpTo(0.125, 'en', 1)).toBe('0.1');
  });
});

describe('amounts', () => {
  it('shows cents under 1,000 only when there are some, never from 1,000 on', () => {
    expect(formatMoney(999.5, 'fr')).toBe(`999,50${NBSP}€`);
    expect(formatMoney(12.5, 'en')).toBe('€12.50');
    // −1 500,50 rounds to −1 501 without cents.
    expect(formatMoney(-1500.5, 'fr')).toBe(`-1${NBSP}501${NBSP}€`);
    expect(formatMoney(1234.56, 'en', 'USD')).toBe('$1,235');
  });

  it('writes an unknown currency by its code', () => {
    expect(formatMoney(5, 'fr', 'XYZ')).toBe(`5${NBSP}XYZ`);
    expect(numberFormatOf('money', 'XYZ')).toBe(`#,##0"${NBSP}XYZ"`);
  });

  it('gives a zero NPS no sign', () => {
    expect(formatKpiValue(0, 'nps', 'fr')).toBe('0');
    expect(formatKpiValue(-5, 'nps', 'fr')).toBe('-5');
    // A number shown in a unit without its own format: one decimal.
    expect(formatKpiValue(3, 'list', 'fr')).toBe('3,0');
  });
});

describe('changes', () => {
  it('writes the change of each display unit, none for a list', () => {
    expect(formatDelta(0, 'ratio', 'fr')).toBe(`±0,0${NBSP}pts`);
    expect(formatDelta(3, 'nps', 'fr')).toBe(`+3${NBSP}pts`);
    expect(formatDelta(-0.25, 'mean_1_5', 'fr')).toBe('−0,25');
    expect(formatDelta(1500, 'count', 'en')).toBe('+1,500');
    // Hours keep their unit, as their values do (« 12 h »).
    expect(formatDelta(2, 'hours', 'fr')).toBe(`+2${NBSP}h`);
    // Cents are cents: 1.26 is not rounded to 1.30 first.
    expect(formatDelta(1.26, 'money_per_money', 'fr')).toBe(`+1,26${NBSP}€`);
    expect(formatDelta(1.3, 'money_per_money', 'fr')).toBe(`+1,30${NBSP}€`);
    expect(formatDelta(2, 'list', 'fr')).toBe('');
  });

  it('rounds a tiny fall to zero, not to minus zero', () => {
    expect(shownDelta(-0.00004, 'ratio')).toBe(0);
  });

  it('has no trend for a list, and a flat one for a cost', () => {
    expect(trendOf(0.1, 'list', 'up')).toBe(null);
    expect(trendOf(0.1, 'ratio', 'neither')).toBe('flat');
    expect(trendOf(-0.1, 'ratio', 'down')).toBe('good');
  });
});

describe('dates and number formats', () => {
  it('writes an ISO date dd/MM/yyyy in both languages', () => {
    expect(formatIsoDate('2026-03-15', 'fr')).toBe('15/03/2026');
    expect(formatIsoDate('2026-03-15', 'en')).toBe('15/03/2026');
  });

  it('gives a mean two decimals, hours their unit, and any other unit one decimal', () => {
    expect(numberFormatOf('mean_1_5')).toBe('0.00');
    expect(numberFormatOf('hours')).toBe(`#,##0"${NBSP}h"`);
    expect(numberFormatOf('list')).toBe('#,##0.0');
  });
});
