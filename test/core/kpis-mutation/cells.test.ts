/**
 * Reading what a club types (src/core/cells.ts, dates.ts, normalize.ts), hand-worked where
 * test/core/cells.test.ts leaves room (issue 23): every KPI starts from these parsers, so a wrong
 * date, number or yes/no here is a wrong figure on the dashboard. Each case states what a volunteer
 * typed and what it must mean. Day numbers count days since 1970-01-01 (dates.ts).
 */

import { describe, expect, it } from 'vitest';
import {
  ChoiceMatcher,
  cellLocaleOf,
  dayOfInstant,
  fiscalYearOf,
  isBlank,
  isDate,
  parseCount,
  parseDate,
  parseMonth,
  parseNumber,
  parseScale,
  parseTerm,
  parseText,
  parseYesNo,
  rawText,
  timeOfDay,
} from '../../../src/core/cells';
import {
  addMonths,
  dayFromIso,
  dayFromSerial,
  dayOf,
  isoOf,
  monthStart,
  serialOf,
  validDay,
  ymdOf,
} from '../../../src/core/dates';
import { editDistance, normalizeLabel, normalizeName, stripAccents } from '../../../src/core/normalize';

const FR = cellLocaleOf('fr_FR', 'Europe/Paris');
const EN_US = cellLocaleOf('en_US', 'America/New_York');
const EN_GB = cellLocaleOf('en_GB', 'Europe/London');
const DE = cellLocaleOf('de_DE', 'Europe/Berlin');
const ok = <T>(value: T | null) => ({ ok: true, value });
const day = (iso: string) => dayFromIso(iso) as number;

describe('the locale of a spreadsheet', () => {
  it('puts the decimal comma everywhere but in English, and month first only in en_US', () => {
    expect(EN_GB).toEqual({ timeZone: 'Europe/London', dayFirst: true, decimalComma: false });
    expect(EN_US).toEqual({ timeZone: 'America/New_York', dayFirst: false, decimalComma: false });
    // German, like French, writes 1.250,50.
    expect(DE).toEqual({ timeZone: 'Europe/Berlin', dayFirst: true, decimalComma: true });
    // Made here, inside the test: en_GB starts with "en" but does not end with it.
    expect(cellLocaleOf('en_GB', 'UTC').decimalComma).toBe(false);
    expect(cellLocaleOf('en_GB', 'UTC').dayFirst).toBe(true);
    // A locale spelt in capitals is the same locale.
    expect(cellLocaleOf('EN_US', 'UTC').dayFirst).toBe(false);
    expect(cellLocaleOf('EN', 'UTC').decimalComma).toBe(false);
    // "fr_BE" ends in neither en nor en_us: French reading.
    expect(cellLocaleOf('nl_BE', 'UTC')).toEqual({ timeZone: 'UTC', dayFirst: true, decimalComma: true });
  });
});

describe('date cells', () => {
  it('are Dates of any realm, and nothing else: not a date-like object, a timestamp nor a date text', async () => {
    const { runInNewContext } = await import('node:vm');
    expect(isDate(new Date(0))).toBe(true);
    expect(isDate(runInNewContext('new Date(0)'))).toBe(true);
    for (const other of [{}, [], { getTime: () => 0 }, 0, '2026-01-01', null, undefined, true])
      expect(isDate(other), String(other)).toBe(false);
  });
});

describe('blank cells', () => {
  it('are empty strings, null, undefined and spaces only — not 0 nor false', () => {
    for (const blank of ['', null, undefined, '   ', '\t']) expect(isBlank(blank), String(blank)).toBe(true);
    for (const filled of [0, false, ' x ', 'non']) expect(isBlank(filled), String(filled)).toBe(false);
    // Every parser reads a blank cell as "nothing there", not as an error.
    expect(parseDate(null, FR)).toEqual(ok(null));
    expect(parseDate(undefined, FR)).toEqual(ok(null));
    expect(parseNumber(' ', FR)).toEqual(ok(null));
    expect(parseYesNo(null)).toEqual(ok(null));
    expect(parseTerm('', FR, 9)).toEqual(ok(null));
    expect(parseMonth('  ', FR)).toEqual(ok(null));
    expect(parseText(undefined, 'UTC')).toEqual(ok(null));
  });
});

describe('dates typed by hand', () => {
  it('reads ISO with a time, a second fraction and a zone as the calendar day typed', () => {
    expect(parseDate('2026-03-15T09:30:00.000Z', FR)).toEqual(ok(day('2026-03-15')));
    expect(parseDate('2026-03-15 09:30+01:00', FR)).toEqual(ok(day('2026-03-15')));
    expect(parseDate('  2026-3-5  ', FR)).toEqual(ok(day('2026-03-05')));
    // 31 April does not exist.
    expect(parseDate('2026-04-31', FR)).toMatchObject({ ok: false, code: 'bad_date' });
    // Text around a date is not a date.
    expect(parseDate('le 2026-03-15', FR)).toMatchObject({ ok: false });
    expect(parseDate('2026-03-15 à midi', FR)).toMatchObject({ ok: false });
  });

  it('reads dd/MM/yyyy with dots, dashes and a French "h" time; month first in en_US only', () => {
    expect(parseDate('15.03.2026', FR)).toEqual(ok(day('2026-03-15')));
    expect(parseDate('15-03-2026 18h30', FR)).toEqual(ok(day('2026-03-15')));
    expect(parseDate('03/15/2026', EN_US)).toEqual(ok(day('2026-03-15')));
    // In en_US, 15/03 is month 15: refused rather than guessed.
    expect(parseDate('15/03/2026', EN_US)).toMatchObject({ ok: false, code: 'bad_date' });
    expect(parseDate('x15/03/2026', FR)).toMatchObject({ ok: false });
    expect(parseDate('15/03/2026 18:30 et après', FR)).toMatchObject({ ok: false });
  });

  it('reads a serial typed as text, with either decimal mark, between 20000 and 80000 only', () => {
    // 46096 = 2026-03-15 (46096 − 25569 = 20527 days after 1970-01-01).
    expect(parseDate('46096', FR)).toEqual(ok(day('2026-03-15')));
    expect(parseDate('46096,75', FR)).toEqual(ok(day('2026-03-15')));
    expect(parseDate('46096.75', FR)).toEqual(ok(day('2026-03-15')));
    expect(parseDate('46096,', FR)).toMatchObject({ ok: false });
    expect(parseDate('46096,7x', FR)).toMatchObject({ ok: false });
    expect(parseDate('n° 46096', FR)).toMatchObject({ ok: false });
    expect(parseDate('460960', FR)).toMatchObject({ ok: false });
    // A sign is no part of a serial typed by hand (Number('+46096') would read it).
    expect(parseDate('+46096', FR)).toMatchObject({ ok: false, code: 'bad_date' });
    // The bounds: 20000 and 80000 are read, 19999 and 80001 are not.
    expect(parseDate(20000, FR)).toEqual(ok(20000 - 25569));
    expect(parseDate(80000, FR)).toEqual(ok(80000 - 25569));
    expect(parseDate(19999, FR)).toMatchObject({ ok: false, code: 'bad_date' });
    expect(parseDate(80001, FR)).toMatchObject({ ok: false, code: 'bad_date' });
    expect(parseDate(Number.NaN, FR)).toMatchObject({ ok: false });
    expect(parseDate(true, FR)).toMatchObject({ ok: false, code: 'bad_date' });
  });

  it('reads a Date in the spreadsheet time zone, refuses an invalid one', () => {
    // 23:30 UTC on 14 March is 15 March in Paris, still 14 March in New York.
    const late = new Date(Date.UTC(2026, 2, 14, 23, 30));
    expect(parseDate(late, FR)).toEqual(ok(day('2026-03-15')));
    expect(parseDate(late, EN_US)).toEqual(ok(day('2026-03-14')));
    expect(dayOfInstant(late, 'Europe/Paris')).toBe(day('2026-03-15'));
    // Asked again (from the cache), the same answer per zone.
    expect(dayOfInstant(late, 'America/New_York')).toBe(day('2026-03-14'));
    expect(dayOfInstant(late, 'Europe/Paris')).toBe(day('2026-03-15'));
    expect(dayOfInstant(new Date(Number.NaN), 'Europe/Paris')).toBeNull();
    expect(parseDate(new Date(Number.NaN), FR)).toMatchObject({ ok: false, code: 'bad_date' });
  });

  it('stays right after more than 100,000 distinct instants (the cache is emptied, not wrong)', () => {
    const base = Date.UTC(2020, 0, 1, 12);
    for (let i = 0; i < 100_002; i++) dayOfInstant(new Date(base + i * 1000), 'UTC');
    expect(dayOfInstant(new Date(base), 'UTC')).toBe(day('2020-01-01'));
    expect(dayOfInstant(new Date(base + 100_001 * 1000), 'UTC')).toBe(day('2020-01-02'));
  });
});

describe('the time of day of an answer', () => {
  it('is the seconds since midnight of a Date, in the spreadsheet time zone', () => {
    // 08:15:30.5 UTC is 09:15:30.5 in Paris in winter: 9 × 3600 + 15 × 60 + 30.5 = 33,330.5 s.
    expect(timeOfDay(new Date(Date.UTC(2026, 0, 10, 8, 15, 30, 500)), 'Europe/Paris')).toBe(33_330.5);
    expect(timeOfDay(new Date(Number.NaN), 'Europe/Paris')).toBeNull();
  });

  it('is the fraction of a serial, rounded to the second; none for a whole day', () => {
    // 0.75 of a day = 18:00 = 64,800 s.
    expect(timeOfDay(46096.75, 'UTC')).toBe(64_800);
    expect(timeOfDay(46096, 'UTC')).toBeNull();
  });

  it('is the HH:mm(:ss) of a typed date, none without a time or for other values', () => {
    // 18h30 = 18 × 3600 + 30 × 60 = 66,600 s; with 15 s more, 66,615.
    expect(timeOfDay('15/03/2026 18h30', 'UTC')).toBe(66_600);
    expect(timeOfDay('  15/03/2026 18h30  ', 'UTC')).toBe(66_600);
    expect(timeOfDay(' 2026-03-15 18:30:15 ', 'UTC')).toBe(66_615);
    expect(timeOfDay('2026-03-15', 'UTC')).toBeNull();
    expect(timeOfDay('vers 18h', 'UTC')).toBeNull();
    expect(timeOfDay(true, 'UTC')).toBeNull();
  });
});

describe('numbers typed by hand', () => {
  it('groups thousands with any kind of space, only before groups of exactly three digits', () => {
    expect(parseNumber('1 250', FR)).toEqual(ok(1250));
    expect(parseNumber('12\u00a0345\u202f678', FR)).toEqual(ok(12_345_678));
    expect(parseNumber('1\u2009250 ', FR)).toEqual(ok(1250));
    // 1 25 and 12 3456 are two numbers side by side, not one.
    expect(parseNumber('1 25', FR)).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseNumber('1234 567', FR)).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseNumber('1 2345', FR)).toMatchObject({ ok: false });
    expect(parseNumber('1  250', FR)).toEqual(ok(1250));
    // Two spaces between 1 and 2 are still two numbers, not 12.
    expect(parseNumber('1  2', FR)).toMatchObject({ ok: false, code: 'bad_number' });
    // A space before the unit is no grouping.
    expect(parseNumber('30 %', FR)).toEqual(ok(0.3));
    expect(parseNumber('1 250 €', FR)).toEqual(ok(1250));
  });

  it('strips a currency before or after, HT and TTC, a leading + and a typographic minus', () => {
    expect(parseNumber('€12,50', FR)).toEqual(ok(12.5));
    expect(parseNumber('EUR 40', FR)).toEqual(ok(40));
    expect(parseNumber('40 eur', FR)).toEqual(ok(40));
    expect(parseNumber('$7.5', EN_US)).toEqual(ok(7.5));
    expect(parseNumber('£3', EN_GB)).toEqual(ok(3));
    expect(parseNumber('100 HT', FR)).toEqual(ok(100));
    expect(parseNumber('120ttc', FR)).toEqual(ok(120));
    expect(parseNumber('+5', FR)).toEqual(ok(5));
    expect(parseNumber('\u22127', FR)).toEqual(ok(-7));
    // A currency in the middle, or a + or − anywhere but first, is not a number.
    expect(parseNumber('12€50', FR)).toMatchObject({ ok: false });
    expect(parseNumber('5+', FR)).toMatchObject({ ok: false });
    expect(parseNumber('5\u22127', FR)).toMatchObject({ ok: false });
    expect(parseNumber('HT 100', FR)).toMatchObject({ ok: false });
  });

  it('reads the decimal mark of the locale, and the other one as grouping or a lone decimal', () => {
    expect(parseNumber('1.250,5', FR)).toEqual(ok(1250.5));
    expect(parseNumber('-1.250.000', FR)).toEqual(ok(-1_250_000));
    expect(parseNumber('1,250.5', EN_US)).toEqual(ok(1250.5));
    expect(parseNumber('.5', EN_US)).toEqual(ok(0.5));
    expect(parseNumber('.55', EN_US)).toEqual(ok(0.55));
    // 12.500 in French is twelve thousand five hundred: a dot before exactly three digits groups.
    expect(parseNumber('12.500', FR)).toEqual(ok(12_500));
    expect(parseNumber('-12.500', FR)).toEqual(ok(-12_500));
    expect(parseNumber(',5', FR)).toEqual(ok(0.5));
    // 12.5 in French: the dot is not before three digits, so it is a decimal mark.
    expect(parseNumber('12.5', FR)).toEqual(ok(12.5));
    // Two decimal marks, or grouping after the decimal mark, or a bad group: refused.
    expect(parseNumber('1,2,3', FR)).toMatchObject({ ok: false });
    expect(parseNumber('1,250.5', FR)).toMatchObject({ ok: false });
    expect(parseNumber('12.50.5', FR)).toMatchObject({ ok: false });
    expect(parseNumber('1234.567,5', FR)).toMatchObject({ ok: false });
    expect(parseNumber('1.25,5', FR)).toMatchObject({ ok: false });
    expect(parseNumber('1.2345', FR)).toEqual(ok(1.2345));
    expect(parseNumber('1.234.5', FR)).toMatchObject({ ok: false });
    expect(parseNumber('5.', FR)).toMatchObject({ ok: false });
    expect(parseNumber('-', FR)).toMatchObject({ ok: false });
    expect(parseNumber('.', FR)).toMatchObject({ ok: false });
    expect(parseNumber('1.x', FR)).toMatchObject({ ok: false });
    expect(parseNumber('x1.250', FR)).toMatchObject({ ok: false });
    expect(parseNumber('1.250x', FR)).toMatchObject({ ok: false });
  });

  it('refuses what is no finite number', () => {
    expect(parseNumber(Number.POSITIVE_INFINITY, FR)).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseNumber(Number.NaN, FR)).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseNumber(true, FR)).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseNumber('9'.repeat(400), FR)).toMatchObject({ ok: false, code: 'bad_number' });
    expect(parseNumber(-0.5, FR)).toEqual(ok(-0.5));
  });
});

describe('yes and no', () => {
  it('reads 1 and 0, booleans, the check marks, and refuses other numbers and values', () => {
    expect(parseYesNo(1)).toEqual(ok(true));
    expect(parseYesNo(0)).toEqual(ok(false));
    expect(parseYesNo(true)).toEqual(ok(true));
    expect(parseYesNo(false)).toEqual(ok(false));
    for (const mark of ['✓', '✔', '☑', ' ✔ ']) expect(parseYesNo(mark), mark).toEqual(ok(true));
    expect(parseYesNo(2)).toEqual({ ok: false, code: 'bad_choice', extra: { choices: 'oui, non' } });
    expect(parseYesNo(new Date(0))).toEqual({
      ok: false,
      code: 'bad_choice',
      extra: { choices: 'oui, non' },
    });
    expect(parseYesNo('peut-être')).toEqual({
      ok: false,
      code: 'bad_choice',
      extra: { choices: 'oui, non' },
    });
    // Typed in capitals with spaces, the same answer, asked twice (from the cache) too.
    expect(parseYesNo('  OUI ')).toEqual(ok(true));
    expect(parseYesNo('  OUI ')).toEqual(ok(true));
    expect(parseYesNo('Non')).toEqual(ok(false));
  });

  it('stays right after more than 10,000 distinct texts (the cache is emptied, not wrong)', () => {
    for (let i = 0; i < 10_002; i++) parseYesNo(`mot ${i}`);
    expect(parseYesNo('oui')).toEqual(ok(true));
    expect(parseYesNo('mot 3')).toMatchObject({ ok: false });
  });
});

describe('enumerated values', () => {
  // Built inside each test, so that a mutation run sees which test uses it.
  const matcher = () =>
    new ChoiceMatcher([
      { id: 'won', label: { fr: 'Gagnée', en: 'Won' }, aliases: ['signé'] },
      { id: 'lost', label: { fr: 'Perdue', en: 'Lost' } },
      // A later choice spelt like an earlier one does not take its place.
      { id: 'won_again', label: { fr: 'gagnee', en: 'Win' } },
      { id: '3', label: { fr: 'Trois', en: 'Three' } },
    ]);

  it('matches an id, a label in either language or an alias; the first spelling wins', () => {
    expect(matcher().parse('GAGNÉE', 'fr')).toEqual(ok('won'));
    expect(matcher().parse('signe', 'fr')).toEqual(ok('won'));
    expect(matcher().parse('win', 'en')).toEqual(ok('won_again'));
    expect(matcher().parse(3, 'fr')).toEqual(ok('3'));
    expect(matcher().parse('  ', 'fr')).toEqual(ok(null));
  });

  it('lists the choices in the language of the workbook when nothing matches', () => {
    expect(matcher().parse('annulée', 'fr')).toEqual({
      ok: false,
      code: 'bad_choice',
      extra: { choices: 'Gagnée, Perdue, gagnee, Trois' },
    });
    expect(matcher().parse(true, 'en')).toEqual({
      ok: false,
      code: 'bad_choice',
      extra: { choices: 'Won, Lost, Win, Three' },
    });
  });
});

describe('scales and counts', () => {
  it('accept the bounds themselves and refuse one step outside, with the range said', () => {
    expect(parseScale('0', FR, 0, 10)).toEqual(ok(0));
    expect(parseScale('10', FR, 0, 10)).toEqual(ok(10));
    expect(parseScale(11, FR, 0, 10)).toEqual({ ok: false, code: 'out_of_range', extra: { range: '0–10' } });
    expect(parseScale(0, FR, 1, 5)).toEqual({ ok: false, code: 'out_of_range', extra: { range: '1–5' } });
    expect(parseScale('4,5', FR, 1, 5)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(parseScale('', FR, 1, 5)).toEqual(ok(null));
    expect(parseScale('bien', FR, 1, 5)).toMatchObject({ ok: false, code: 'bad_number' });
  });

  it('count people from 0 up, whole only', () => {
    expect(parseCount('0', FR)).toEqual(ok(0));
    expect(parseCount('1 200', FR)).toEqual(ok(1200));
    expect(parseCount(-1, FR)).toEqual({ ok: false, code: 'out_of_range', extra: { range: '0, 1, 2…' } });
    expect(parseCount('2,5', FR)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(parseCount('', FR)).toEqual(ok(null));
    expect(parseCount('beaucoup', FR)).toMatchObject({ ok: false, code: 'bad_number' });
  });
});

describe('text', () => {
  it('is trimmed; a number stays as typed; a Date is its ISO day in the sheet time zone', () => {
    expect(parseText('  Dupont  ', 'UTC')).toEqual(ok('Dupont'));
    expect(parseText(42, 'UTC')).toEqual(ok('42'));
    expect(parseText(new Date(Date.UTC(2026, 2, 14, 23, 30)), 'Europe/Paris')).toEqual(ok('2026-03-15'));
    expect(rawText(new Date(Date.UTC(2026, 0, 5)), 'UTC')).toBe('2026-01-05');
    expect(rawText(null, 'UTC')).toBe('');
    expect(rawText(undefined, 'UTC')).toBe('');
    expect(rawText(false, 'UTC')).toBe('false');
    expect(rawText(new Date(Number.NaN), 'UTC')).toBe('Invalid Date');
  });
});

describe('dues terms', () => {
  // The fiscal year starts in September (9): a term is named by the year it starts in.
  it('reads a year as a number between 1900 and 2200 only', () => {
    expect(parseTerm(1900, FR, 9)).toEqual(ok(1900));
    expect(parseTerm(2200, FR, 9)).toEqual(ok(2200));
    // 1899 and 2201 are no years a club pays dues for; as serials they are no dates either.
    expect(parseTerm(1899, FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    expect(parseTerm(2201, FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    // 2026.5 is no year: as a serial it is no date either.
    expect(parseTerm(2026.5, FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    // A serial date: 46096 = 15 March 2026, in the fiscal year that started in September 2025.
    expect(parseTerm(46096, FR, 9)).toEqual(ok(2025));
  });

  it('reads seasons written in many ways, and only consecutive years', () => {
    expect(parseTerm(' 2026 ', FR, 9)).toEqual(ok(2026));
    expect(parseTerm('2025-2026', FR, 9)).toEqual(ok(2025));
    expect(parseTerm('2025 / 26', FR, 9)).toEqual(ok(2025));
    expect(parseTerm('FY 2025–2026', FR, 9)).toEqual(ok(2025));
    expect(parseTerm('fy2025-26', FR, 9)).toEqual(ok(2025));
    // The two digits take the century of the first year: 1999/00 reads as 1999–1900 and is
    // refused (a season across 2000 is typed in full), as is 2099/00.
    expect(parseTerm('1999/00', FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    expect(parseTerm('2099/00', FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    expect(parseTerm('2025-27', FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    expect(parseTerm('saison 2025-2026', FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    expect(parseTerm('2025-2026 bis', FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    expect(parseTerm('FY 2026', FR, 9)).toEqual(ok(2026));
    expect(parseTerm('FY2026', FR, 9)).toEqual(ok(2026));
    expect(parseTerm('FY 2026 bis', FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    expect(parseTerm('saison FY2026', FR, 9)).toEqual({ ok: false, code: 'bad_term' });
    expect(parseTerm('l’an 2026', FR, 9)).toEqual({ ok: false, code: 'bad_term' });
  });

  it('reads a start date as the fiscal year it falls in, September on in this club', () => {
    expect(parseTerm('01/09/2025', FR, 9)).toEqual(ok(2025));
    expect(parseTerm('31/08/2025', FR, 9)).toEqual(ok(2024));
    expect(fiscalYearOf(day('2026-09-01'), 9)).toBe(2026);
    expect(fiscalYearOf(day('2026-08-31'), 9)).toBe(2025);
    // A calendar-year club (January): every day is in its own year.
    expect(fiscalYearOf(day('2026-01-01'), 1)).toBe(2026);
  });
});

describe('months', () => {
  it('reads 2026-03, 03/2026, 3-2026 and 03.2026 as the first of March', () => {
    const march = day('2026-03-01');
    for (const text of ['2026-03', '2026/3', '2026.03', '03/2026', '3-2026', '03.2026', ' 03/2026 '])
      expect(parseMonth(text, FR), text).toEqual(ok(march));
  });

  it('reads any date of the month as its first day, refuses month 13 and words', () => {
    expect(parseMonth('15/03/2026', FR)).toEqual(ok(day('2026-03-01')));
    expect(parseMonth(46096, FR)).toEqual(ok(day('2026-03-01')));
    expect(parseMonth(new Date(Date.UTC(2026, 2, 31, 23, 30)), FR)).toEqual(ok(day('2026-04-01')));
    expect(parseMonth('2026-13', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth('13/2026', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth('mars 2026', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth('x2026-03', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth('2026-03x', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth('123/2026', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth('x03/2026', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth('03/2026x', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth('2026-123', FR)).toEqual({ ok: false, code: 'bad_month' });
    expect(parseMonth(true, FR)).toEqual({ ok: false, code: 'bad_month' });
  });
});

describe('calendar days', () => {
  it('writes ISO days with their zeros and reads only strict ones', () => {
    expect(isoOf(dayOf(2026, 3, 5))).toBe('2026-03-05');
    expect(isoOf(dayOf(987, 1, 1))).toBe('0987-01-01');
    expect(dayFromIso('2026-03-05')).toBe(dayOf(2026, 3, 5));
    expect(dayFromIso('2026-3-5')).toBeNull();
    expect(dayFromIso(' 2026-03-05')).toBeNull();
    expect(dayFromIso('2026-03-05 ')).toBeNull();
    expect(dayFromIso('2026-02-30')).toBeNull();
  });

  it('knows which days exist: the edges of months and of the years a club may type', () => {
    expect(validDay(2026, 12, 31)).toBe(dayOf(2026, 12, 31));
    expect(validDay(2026, 1, 1)).toBe(dayOf(2026, 1, 1));
    expect(validDay(1000, 1, 1)).toBe(dayOf(1000, 1, 1));
    expect(validDay(9999, 12, 31)).toBe(dayOf(9999, 12, 31));
    for (const [y, m, d] of [
      [2026, 0, 10],
      [2026, 13, 10],
      [2026, 1, 0],
      [2026, 1, 32],
      [999, 6, 1],
      [10000, 6, 1],
      [2026, 2, 29],
      [2026, 4, 31],
    ])
      expect(validDay(y, m, d), `${y}-${m}-${d}`).toBeNull();
    expect(validDay(2024, 2, 29)).toBe(dayOf(2024, 2, 29));
  });

  it('counts months: first days, and the same day clamped to the month end', () => {
    expect(monthStart(2026, 11, 3)).toBe(dayOf(2027, 2, 1));
    expect(monthStart(2026, 3)).toBe(dayOf(2026, 3, 1));
    expect(addMonths(dayOf(2026, 1, 31), 1)).toBe(dayOf(2026, 2, 28));
    expect(addMonths(dayOf(2024, 1, 31), 1)).toBe(dayOf(2024, 2, 29));
    expect(addMonths(dayOf(2026, 3, 15), -14)).toBe(dayOf(2025, 1, 15));
    expect(ymdOf(dayOf(2026, 3, 15))).toEqual({ year: 2026, month: 3, day: 15 });
  });

  it('turns Sheets serials into days and back: 25569 is 1970-01-01, a time is dropped', () => {
    expect(serialOf(0)).toBe(25_569);
    expect(dayFromSerial(25_569.99)).toBe(0);
    expect(dayFromSerial(46_096.5)).toBe(day('2026-03-15'));
    expect(serialOf(day('2026-03-15'))).toBe(46_096);
  });
});

describe('matching what people type', () => {
  it('removes accents and spells the ligatures out', () => {
    expect(stripAccents('Œuvre cœur Æther æ straße Élodie')).toBe('OEuvre coeur AEther ae strasse Elodie');
    expect(normalizeLabel("Date d'adhésion")).toBe('datedadhesion');
    expect(normalizeLabel('N° SIRET (14 chiffres)')).toBe('nsiret14chiffres');
  });

  it('keeps the spaces of names, collapsed and trimmed', () => {
    expect(normalizeName('  Jean-Édouard   LE  Bœuf ')).toBe('jean-edouard le boeuf');
    expect(normalizeName('Anne\tMarie')).toBe('anne marie');
  });

  it('measures edit distances and stops once past the limit', () => {
    expect(editDistance('dupont', 'dupond')).toBe(1);
    expect(editDistance('martin', 'martine')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    // Past the limit the answer is limit + 1, whatever the true distance.
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('abcdef', 'ghijkl', 1)).toBe(2);
    // Within the limit, the true distance.
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('ab', 'ba', 2)).toBe(2);
    // Lengths differing by exactly the limit: still measured (a → abc is 2 insertions).
    expect(editDistance('a', 'abc', 2)).toBe(2);
    // Every row's best reaching the limit only at the last letter: the limit itself, not limit + 1.
    expect(editDistance('abc', 'xyz', 3)).toBe(3);
  });
});
