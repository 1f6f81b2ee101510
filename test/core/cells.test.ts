/** Cell parsing (SPEC §1, §12): dates, numbers, yes/no, enumerated values, scales, terms. */

import { describe, expect, it } from 'vitest';
import {
  type CellLocale,
  ChoiceMatcher,
  cellLocaleOf,
  parseCount,
  parseDate,
  parseNumber,
  parseScale,
  parseTerm,
  parseYesNo,
  rawText,
} from '../../src/core/cells';
import { isoOf } from '../../src/core/dates';
import { normalizeLabel } from '../../src/core/normalize';
import { DUES_STATUS, EVENT_FORMATS, REFERRAL_STATUS } from '../../src/core/schema';

const fr = cellLocaleOf('fr_FR', 'Europe/Paris');
const gb = cellLocaleOf('en_GB', 'Europe/London');
const us = cellLocaleOf('en_US', 'America/New_York');

function dateIso(value: unknown, locale: CellLocale = fr): string | null | 'bad' {
  const p = parseDate(value, locale);
  if (!p.ok) return 'bad';
  return p.value === null ? null : isoOf(p.value);
}

function num(value: unknown, locale: CellLocale = fr): number | null | 'bad' {
  const p = parseNumber(value, locale);
  if (!p.ok) return 'bad';
  return p.value;
}

describe('locale', () => {
  it('puts the day first everywhere but en_US, and the decimal comma in French only', () => {
    expect(fr).toMatchObject({ dayFirst: true, decimalComma: true });
    expect(gb).toMatchObject({ dayFirst: true, decimalComma: false });
    expect(us).toMatchObject({ dayFirst: false, decimalComma: false });
  });
});

describe('parseDate', () => {
  it('reads dd/MM/yyyy, with a time, and yyyy-MM-dd', () => {
    expect(dateIso('15/03/2026')).toBe('2026-03-15');
    expect(dateIso('5/3/2026')).toBe('2026-03-05');
    expect(dateIso('15/03/2026 18:30')).toBe('2026-03-15');
    expect(dateIso('15/03/2026 18:30:45')).toBe('2026-03-15');
    expect(dateIso('2026-03-15')).toBe('2026-03-15');
    expect(dateIso('  2026-03-15 ')).toBe('2026-03-15');
  });

  it('follows the locale for the day/month order: 03/04/2026 is 3 April in fr and en_GB, 4 March in en_US', () => {
    expect(dateIso('03/04/2026', fr)).toBe('2026-04-03');
    expect(dateIso('03/04/2026', gb)).toBe('2026-04-03');
    expect(dateIso('03/04/2026', us)).toBe('2026-03-04');
    // 03/15/2026 is only a date month first.
    expect(dateIso('03/15/2026', us)).toBe('2026-03-15');
    expect(dateIso('03/15/2026', fr)).toBe('bad');
  });

  it('rejects calendar-invalid dates and words', () => {
    expect(dateIso('31/02/2026')).toBe('bad');
    expect(dateIso('29/02/2026')).toBe('bad'); // 2026 is not a leap year
    expect(dateIso('29/02/2028')).toBe('2028-02-29');
    expect(dateIso('2026-13-01')).toBe('bad');
    expect(dateIso('demain')).toBe('bad');
    expect(dateIso(true)).toBe('bad');
  });

  it('reads numbers between 20000 and 80000 as Excel serial dates', () => {
    // 45658 is 2025-01-01; + 365 days of 2025 = 46023 (2026-01-01); + 31 + 28 = 46082 (2026-03-01); + 14 = 46096.
    expect(dateIso(45658)).toBe('2025-01-01');
    expect(dateIso(46096)).toBe('2026-03-15');
    expect(dateIso(46096.75)).toBe('2026-03-15'); // the time of day is dropped
    expect(dateIso('46096')).toBe('2026-03-15');
    // 25569 is 1970-01-01.
    expect(dateIso(25569)).toBe('1970-01-01');
    expect(dateIso(20000)).not.toBe('bad');
    expect(dateIso(80000)).not.toBe('bad');
    expect(dateIso(19999)).toBe('bad');
    expect(dateIso(80001)).toBe('bad');
    expect(dateIso(2026)).toBe('bad');
  });

  it('reads a Date from Apps Script in the spreadsheet time zone, never shifted by UTC', () => {
    // 23:30 UTC on 14 March is 00:30 on 15 March in Paris (UTC+1 before the 29 March change).
    const instant = new Date('2026-03-14T23:30:00Z');
    expect(dateIso(instant, fr)).toBe('2026-03-15');
    // … and still 14 March in London (UTC+0).
    expect(dateIso(instant, gb)).toBe('2026-03-14');
    // Summer: 22:30 UTC on 14 July is 00:30 on 15 July in Paris (UTC+2).
    expect(dateIso(new Date('2026-07-14T22:30:00Z'), fr)).toBe('2026-07-15');
    expect(dateIso(new Date(Number.NaN), fr)).toBe('bad');
  });

  it('gives null for empty cells', () => {
    expect(dateIso('')).toBeNull();
    expect(dateIso('   ')).toBeNull();
  });
});

describe('parseNumber', () => {
  it('reads French numbers: comma decimals, space and no-break-space thousands, € and %', () => {
    expect(num('1 250,50 €')).toBe(1250.5);
    expect(num('1\u00a0250,50\u00a0€')).toBe(1250.5);
    expect(num('1\u202f250')).toBe(1250); // narrow no-break space, as Sheets formats French numbers
    expect(num('12,5')).toBe(12.5);
    expect(num('50 %')).toBe(0.5); // 50 ÷ 100
    expect(num('12,5 %')).toBeCloseTo(0.125, 12);
    expect(num('-3,5')).toBe(-3.5);
  });

  it('reads the other mark as thousands only before exactly three digits', () => {
    expect(num('1.250', fr)).toBe(1250);
    expect(num('1.250.000', fr)).toBe(1_250_000);
    expect(num('1.250,75', fr)).toBe(1250.75);
    expect(num('12.5', fr)).toBe(12.5);
    expect(num('12.5', gb)).toBe(12.5);
    expect(num('12.5', us)).toBe(12.5);
    expect(num('1,250', gb)).toBe(1250);
    expect(num('1,25', gb)).toBe(1.25);
    expect(num('1,250.50', gb)).toBe(1250.5);
    expect(num('1.250', gb)).toBe(1.25);
  });

  it('keeps numbers as numbers and rejects text', () => {
    expect(num(42)).toBe(42);
    expect(num(0.4)).toBe(0.4);
    expect(num('')).toBeNull();
    expect(num('beaucoup')).toBe('bad');
    expect(num('1,2,3', fr)).toBe('bad');
    expect(num(Number.NaN)).toBe('bad');
    expect(num(true)).toBe('bad');
  });

  it('reads the typographic minus the add-on itself prints (issue 14)', () => {
    expect(num('−7')).toBe(-7);
    expect(num('−12,5 €')).toBe(-12.5);
    expect(num('−7', gb)).toBe(-7);
    expect(num('−1 250,50')).toBe(-1250.5);
    expect(num('7−')).toBe('bad');
    expect(num('−−7')).toBe('bad');
  });

  it('refuses scientific notation typed as text: "1e1" is no score (issue 14)', () => {
    expect(num('1e1')).toBe('bad');
    expect(num('1E1', gb)).toBe('bad');
    expect(parseScale('1e1', fr, 0, 10)).toMatchObject({ ok: false, code: 'bad_number' });
  });
});

describe('parseYesNo', () => {
  it.each([
    ['oui', true],
    ['Oui', true],
    ['YES', true],
    ['x', true],
    ['X', true],
    ['1', true],
    [1, true],
    ['true', true],
    [true, true],
    ['vrai', true],
    ['✓', true],
    ['non', false],
    ['No', false],
    ['0', false],
    [0, false],
    ['false', false],
    [false, false],
    ['faux', false],
  ])('%s → %s', (cell, expected) => {
    expect(parseYesNo(cell)).toEqual({ ok: true, value: expected });
  });

  it('gives null for empty and bad_choice for other words', () => {
    expect(parseYesNo('')).toEqual({ ok: true, value: null });
    expect(parseYesNo('peut-être')).toMatchObject({ ok: false, code: 'bad_choice' });
    expect(parseYesNo(2)).toMatchObject({ ok: false, code: 'bad_choice' });
  });
});

describe('enumerated values', () => {
  it('matches French, English, accents and case: Gagné = gagne = won', () => {
    const status = new ChoiceMatcher(REFERRAL_STATUS);
    for (const spelling of ['Gagné', 'gagne', 'GAGNÉ', 'won', 'Won ']) {
      expect(status.parse(spelling, 'fr')).toEqual({ ok: true, value: 'won' });
    }
    expect(status.parse('Sans suite', 'fr')).toEqual({ ok: true, value: 'dropped' });
    expect(status.parse('sans-suite', 'fr')).toEqual({ ok: true, value: 'dropped' });
    expect(new ChoiceMatcher(EVENT_FORMATS).parse('Petit-déjeuner', 'fr')).toEqual({
      ok: true,
      value: 'breakfast',
    });
    expect(new ChoiceMatcher(EVENT_FORMATS).parse('CONFERENCE', 'fr')).toEqual({
      ok: true,
      value: 'conference',
    });
    expect(new ChoiceMatcher(DUES_STATUS).parse('Payé', 'fr')).toEqual({ ok: true, value: 'paid' });
  });

  it('reports an unknown value with the possible values in the language', () => {
    const parsed = new ChoiceMatcher(DUES_STATUS).parse('offert', 'fr');
    expect(parsed).toMatchObject({ ok: false, code: 'bad_choice' });
    if (!parsed.ok) expect(parsed.extra?.choices).toBe('payé, en attente, annulé, remboursé');
  });

  it('normalises labels as SPEC §1 says', () => {
    expect(normalizeLabel("Date d'adhésion")).toBe('datedadhesion');
    expect(normalizeLabel('DATE D ADHESION')).toBe('datedadhesion');
    expect(normalizeLabel("date d'adhesion ")).toBe('datedadhesion');
  });
});

describe('scales and counts', () => {
  it('accepts whole numbers within the scale only', () => {
    expect(parseScale(10, fr, 0, 10)).toEqual({ ok: true, value: 10 });
    expect(parseScale('0', fr, 0, 10)).toEqual({ ok: true, value: 0 });
    expect(parseScale(11, fr, 0, 10)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(parseScale(-1, fr, 0, 10)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(parseScale('7,5', fr, 0, 10)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(parseScale(0, fr, 1, 5)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(parseScale('dix', fr, 0, 10)).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseCount(-2, fr)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(parseCount('1 200', fr)).toEqual({ ok: true, value: 1200 });
  });
});

describe('dues terms', () => {
  it('reads a year, a season and a start date as the fiscal year they start in', () => {
    expect(parseTerm(2026, fr, 1)).toEqual({ ok: true, value: 2026 });
    expect(parseTerm('2026', fr, 1)).toEqual({ ok: true, value: 2026 });
    expect(parseTerm('2025-2026', fr, 9)).toEqual({ ok: true, value: 2025 });
    expect(parseTerm('2025/26', fr, 9)).toEqual({ ok: true, value: 2025 });
    // With years starting in September, 15/10/2025 starts in FY2025 and 15/03/2026 too (Sept 2025 – Aug 2026).
    expect(parseTerm('15/10/2025', fr, 9)).toEqual({ ok: true, value: 2025 });
    expect(parseTerm('15/03/2026', fr, 9)).toEqual({ ok: true, value: 2025 });
    expect(parseTerm('15/03/2026', fr, 1)).toEqual({ ok: true, value: 2026 });
    expect(parseTerm('2025-2027', fr, 1)).toMatchObject({ ok: false, code: 'bad_term' });
    expect(parseTerm('bientôt', fr, 1)).toMatchObject({ ok: false, code: 'bad_term' });
  });
});

describe('rawText', () => {
  it('writes dates as ISO in the sheet time zone and everything else as typed', () => {
    expect(rawText(new Date('2026-03-14T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-15');
    expect(rawText(12.5, 'Europe/Paris')).toBe('12.5');
    expect(rawText(true, 'Europe/Paris')).toBe('true');
    expect(rawText('', 'Europe/Paris')).toBe('');
  });
});
