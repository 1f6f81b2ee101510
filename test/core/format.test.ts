// KPI values and deltas as a club reads them, in French and English.
import { describe, expect, it } from 'vitest';
import { formatDelta, formatKpiValue, numberFormatOf, trendOf } from '../../src/core/format';
import { emulator, workbook } from '../local/emulator/helpers';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('formatKpiValue', () => {
  it('writes rates, NPS, means, money and counts in the locale', () => {
    expect(formatKpiValue(0.4, 'ratio', 'fr')).toBe(`40,0${NBSP}%`);
    expect(formatKpiValue(0.4, 'ratio', 'en')).toBe(`40.0${NBSP}%`);
    expect(formatKpiValue(21, 'nps', 'fr')).toBe('+21');
    expect(formatKpiValue(-5, 'nps', 'fr')).toBe('-5');
    expect(formatKpiValue(4.351, 'mean_1_5', 'fr')).toBe('4,35 / 5');
    expect(formatKpiValue(12500, 'money', 'fr')).toBe(`12${NBSP}500${NBSP}€`);
    expect(formatKpiValue(12500, 'money', 'en')).toBe('€12,500');
    expect(formatKpiValue(1234, 'count', 'fr')).toBe(`1${NBSP}234`);
    expect(formatKpiValue(['Marketing', 'Export'], 'list', 'fr')).toBe('Marketing, Export');
    // Return per euro of dues is a plain ratio shown as euros: 6.3889 → 6,39 €.
    expect(formatKpiValue(6.3889, 'money_per_money', 'fr')).toBe(`6,39${NBSP}€`);
    expect(formatDelta(-0.5, 'money_per_money', 'en')).toBe('−€0.50');
  });

  it('says "no data", never 0', () => {
    expect(formatKpiValue(null, 'ratio', 'fr')).toBe('pas de données');
    expect(formatKpiValue(null, 'count', 'en')).toBe('no data');
  });
});

describe('formatDelta and trendOf', () => {
  it('gives rate changes in points and rounds to what is shown', () => {
    // 0.4 → 0.45: +5.0 points.
    expect(formatDelta(0.05, 'ratio', 'fr')).toBe(`+5,0${NBSP}pts`);
    // −0.0004 shows as ±0.0 point: flat, not a red arrow.
    expect(formatDelta(-0.0004, 'ratio', 'fr')).toBe(`±0,0${NBSP}pts`);
    expect(trendOf(-0.0004, 'ratio', 'up')).toBe('flat');
    expect(formatDelta(-1500, 'money', 'fr')).toBe(`−1${NBSP}500${NBSP}€`);
    expect(formatDelta(null, 'ratio', 'fr')).toBe('');
  });

  it('mirrors good and bad for a KPI where lower is better (churn)', () => {
    expect(trendOf(0.02, 'ratio', 'up')).toBe('good');
    expect(trendOf(0.02, 'ratio', 'down')).toBe('bad');
    expect(trendOf(-0.02, 'ratio', 'down')).toBe('good');
    expect(trendOf(null, 'ratio', 'down')).toBeNull();
  });
});

describe('numberFormatOf: thousands grouped, money glued to its currency', () => {
  it('gives every unit a grouped format and a no-break space before the currency', () => {
    expect(numberFormatOf('ratio')).toBe('#,##0.0%');
    expect(numberFormatOf('count')).toBe('#,##0');
    expect(numberFormatOf('nps')).toBe('+#,##0;-#,##0;0');
    expect(numberFormatOf('money')).toBe(`#,##0"${NBSP}€"`);
    expect(numberFormatOf('money_per_money', 'CHF')).toBe(`#,##0.00"${NBSP}CHF"`);
  });

  it('displays as a club reads it in a French and an English workbook (emulated Sheets)', () => {
    for (const [locale, expected] of [
      // Hand-checked: 257 800 € and 1 728,5 % (French groups with a narrow no-break space).
      ['fr_FR', [`257${NNBSP}800${NBSP}€`, `1${NNBSP}728,5${NBSP}%`, `12${NNBSP}345`, `6,39${NBSP}€`]],
      ['en_GB', [`257,800${NBSP}€`, '1,728.5%', '12,345', `6.39${NBSP}€`]],
    ] as const) {
      const em = emulator(workbook(['S'], { locale, timeZone: 'Europe/Paris' }));
      const sheet = em.ss.getSheets()[0]!;
      em.workbook.sheets[0]!.values = [[257800, 17.285, 12345, 6.3889]];
      sheet
        .getRange('A1:D1')
        .setNumberFormats([
          [
            numberFormatOf('money'),
            numberFormatOf('ratio'),
            numberFormatOf('count'),
            numberFormatOf('money_per_money'),
          ],
        ]);
      const shown = sheet.getRange('A1:D1').getDisplayValues()[0]!;
      expect(shown, locale).toEqual(expected);
      // No breakable space anywhere: the amount stays on one line.
      for (const text of shown) expect(text).not.toMatch(/ /);
    }
  });

  it('groups thousands in text values too', () => {
    expect(formatKpiValue(17.285, 'ratio', 'fr')).toBe(`1${NBSP}728,5${NBSP}%`);
    expect(formatKpiValue(17.285, 'ratio', 'en')).toBe(`1,728.5${NBSP}%`);
    expect(formatKpiValue(257800, 'money', 'fr')).toBe(`257${NBSP}800${NBSP}€`);
    expect(formatKpiValue(1500, 'hours', 'fr')).toBe(`1${NBSP}500${NBSP}h`);
  });
});
