/**
 * Reading an export's cells with the core's cell parsers (src/core/cells.ts). Exports write dates
 * and numbers in forms a club never types, so the text is first rewritten into a form the core
 * parsers know — month names (`Jun 09, 2018 09:30 pm`, `Sat, May 1, 2021 10:15`) to ISO, two-digit
 * years (`11/29/24 22:28`) to four, `yyyy/MM/dd` to `yyyy-MM-dd`, the time of day dropped (only the
 * calendar day is kept), counts with a percentage (`141 (8.1%)`) to the count, currency words and
 * symbols the core does not strip (`CA$`, `₹`, `Rs.`) and `-` for zero — and then `parseDate` and
 * `parseNumber` do the reading. Day/month order is decided per file from its own values when one of
 * them settles it (`29/11/2024`), else by the source's convention or the spreadsheet locale.
 */

import { type CellLocale, cellLocaleOf, parseDate, parseNumber } from '../cells';
import { type Day, isoOf } from '../dates';
import { normalizeLabel, stripAccents } from '../normalize';

const MONTHS: Record<string, number> = {
  jan: 1,
  janv: 1,
  janvier: 1,
  january: 1,
  feb: 2,
  fev: 2,
  fevr: 2,
  fevrier: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  apr: 4,
  avr: 4,
  avril: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  juin: 6,
  june: 6,
  jul: 7,
  juil: 7,
  juillet: 7,
  july: 7,
  aug: 8,
  aou: 8,
  aout: 8,
  august: 8,
  sep: 9,
  sept: 9,
  septembre: 9,
  september: 9,
  oct: 10,
  octobre: 10,
  october: 10,
  nov: 11,
  novembre: 11,
  november: 11,
  dec: 12,
  decembre: 12,
  december: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

const monthOf = (word: string): number | undefined => MONTHS[normalizeLabel(stripAccents(word))];

/** The date part of an export's date text in a form `parseDate` reads, or the text unchanged. */
export function dateTextForCore(text: string): string {
  const t = text.trim();
  // `Jun 09, 2018 09:30 pm`, `Sat, May 1, 2021 10:15`
  let m = /^(?:[A-Za-zÀ-ÿ]+\.?,?\s+)?([A-Za-zÀ-ÿ]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(t);
  if (m && monthOf(m[1])) return `${m[3]}-${pad(monthOf(m[1])!)}-${pad(Number(m[2]))}`;
  // `1 mai 2021`, `samedi 1 mai 2021 10:15`, `01-May-2021`
  m = /^(?:[A-Za-zÀ-ÿ]+\.?,?\s+)?(\d{1,2})[\s-]+([A-Za-zÀ-ÿ]{3,})\.?[\s-]+(\d{4})\b/.exec(t);
  if (m && monthOf(m[2])) return `${m[3]}-${pad(monthOf(m[2])!)}-${pad(Number(m[1]))}`;
  // `2022/10/17 6:31:58 PM EST`
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(t);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  // `11/29/24 22:28`: a two-digit year is 20YY up to 69, else 19YY.
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?!\d)/.exec(t);
  if (m) {
    const yy = Number(m[4]);
    return `${m[1]}/${m[3]}/${yy < 70 ? 2000 + yy : 1900 + yy}`;
  }
  // `29/11/2024 22:28`, `2026-04-03T18:23:13.5309447+02:00`: keep the day only.
  m = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})(?:[ T].*)?$/.exec(t);
  if (m) return m[1];
  return t;
}

/**
 * True when the file writes the day first: settled by any value whose first number is above 12
 * (day first) or whose second is (month first); else `fallback`.
 */
export function inferDayFirst(texts: Iterable<string>, fallback: boolean): boolean {
  for (const text of texts) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(dateTextForCore(text));
    if (!m) continue;
    if (Number(m[1]) > 12) return true;
    if (Number(m[2]) > 12) return false;
  }
  return fallback;
}

/** How one export file reads its dates and numbers. */
export interface FileLocale {
  dates: CellLocale;
  numbers: CellLocale;
}

/**
 * A file's reading rules: numbers as written by `numberLocale` (the source's convention, e.g.
 * HelloAsso `fr_FR`, Mailchimp `en_US`), dates day-first or not as its own values show, else as
 * `dateLocale` says.
 */
export function fileLocale(
  dateTexts: Iterable<string>,
  dateLocale: string,
  numberLocale: string,
  timeZone: string,
): FileLocale {
  const base = cellLocaleOf(dateLocale, timeZone);
  return {
    dates: { ...base, dayFirst: inferDayFirst(dateTexts, base.dayFirst) },
    numbers: cellLocaleOf(numberLocale, timeZone),
  };
}

/** The calendar day of an export's date cell, or null when empty or unreadable. */
export function readDay(text: string | undefined, locale: FileLocale): Day | null {
  if (text === undefined || text.trim() === '') return null;
  const parsed = parseDate(dateTextForCore(text), locale.dates);
  return parsed.ok ? parsed.value : null;
}

/** `yyyy-MM-dd` of an export's date cell, or null. */
export function readIsoDate(text: string | undefined, locale: FileLocale): string | null {
  const day = readDay(text, locale);
  return day === null ? null : isoOf(day);
}

/** The number of an export's cell; `-`, `n/a` and empty give null (see `readAmount` for `-` = 0). */
export function readNumber(text: string | undefined, locale: FileLocale): number | null {
  if (text === undefined) return null;
  let t = text.trim();
  if (t === '' || t === '-' || /^n\/?a$/i.test(t)) return null;
  // `141 (8.1%)` → 141
  t = t.replace(/\s*\([^)]*\)\s*$/, '');
  // Currency words and symbols the core does not strip: `CA$0.00`, `₹1,200.00`, `Rs. 500`, `USD 12`.
  t = t.replace(/^(?:[A-Z]{2,3}\s?\$|[A-Z]{3}\s|Rs\.?\s*|₹|¥|CHF\s?)/, '').replace(/\s?(?:[A-Z]{3}|₹)$/, '');
  const parsed = parseNumber(t, locale.numbers);
  return parsed.ok ? parsed.value : null;
}

/** A count or amount where `-` or an empty cell means zero (BNI PALMS). */
export function readAmount(text: string | undefined, locale: FileLocale): number | null {
  if (text === undefined || text.trim() === '' || text.trim() === '-') return 0;
  return readNumber(text, locale);
}
