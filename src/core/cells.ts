/**
 * Cell parsing per SPEC §1 and §12: values arrive as Apps Script gives them (Date, number, boolean,
 * string, '') and strings typed by hand are parsed too — French and English dates, Excel serials,
 * numbers with either decimal mark and grouped thousands, yes/no words, enumerated values in either
 * language, dues terms. A parser returns the value, `null` for an empty cell, or a failure code; it
 * never throws on user data.
 */

import { type Day, dayFromSerial, dayOf, validDay, ymdOf } from './dates';
import type { IssueCode } from './issues';
import { normalizeLabel } from './normalize';
import type { EnumChoice } from './schema';
import { NO_WORDS, YES_WORDS } from './schema';
import { wallClockAt } from './timezone';

/** How the spreadsheet's locale reads dates and numbers. */
export interface CellLocale {
  timeZone: string;
  /** Day before month (every locale but en_US). */
  dayFirst: boolean;
  /** `,` is the decimal mark (French); `.` otherwise. */
  decimalComma: boolean;
}

export function cellLocaleOf(locale: string, timeZone: string): CellLocale {
  const lower = locale.toLowerCase();
  return { timeZone, dayFirst: lower !== 'en_us', decimalComma: !lower.startsWith('en') };
}

export type Parsed<T> =
  | { ok: true; value: T | null }
  | { ok: false; code: IssueCode; extra?: Record<string, string> };

const EMPTY = { ok: true as const, value: null };
const fail = (code: IssueCode, extra?: Record<string, string>): Parsed<never> => ({ ok: false, code, extra });
/** A Date of any realm; `typeof` first, since toString boxes every primitive (0.3 s a refresh at L). */
export function isDate(value: unknown): value is Date {
  return typeof value === 'object' && Object.prototype.toString.call(value) === '[object Date]';
}

/** True for '', null, undefined and strings of spaces only. */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  return typeof value === 'string' && value.trim() === '';
}

const dayCache = new Map<string, number>();

/** The calendar day (in the spreadsheet time zone) of a Date handed over by Apps Script. */
export function dayOfInstant(date: Date, timeZone: string): Day | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  const key = `${timeZone}|${ms}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    const w = wallClockAt(ms, timeZone);
    day = validDay(w.year, w.month, w.day) ?? Number.NaN;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(key, day);
  }
  return Number.isNaN(day) ? null : day;
}

/** The raw cell as text for an issue: dates as ISO yyyy-MM-dd. */
export function rawText(value: unknown, timeZone: string): string {
  if (isDate(value)) {
    const day = dayOfInstant(value, timeZone);
    if (day === null) return String(value);
    const { year, month, day: d } = ymdOf(day);
    return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  if (value === null || value === undefined) return '';
  return String(value);
}

const DATE_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
const DATE_ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

/** A date cell: Date, Excel serial (20000–80000), `dd/MM/yyyy[ HH:mm[:ss]]` (month first in en_US), `yyyy-MM-dd`. */
export function parseDate(value: unknown, locale: CellLocale): Parsed<Day> {
  if (isBlank(value)) return EMPTY;
  if (isDate(value)) {
    const day = dayOfInstant(value, locale.timeZone);
    return day === null ? fail('bad_date') : { ok: true, value: day };
  }
  if (typeof value === 'number') return serialDay(value);
  if (typeof value !== 'string') return fail('bad_date');
  const text = value.trim();
  let m = DATE_ISO.exec(text);
  if (m) {
    const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return day === null ? fail('bad_date') : { ok: true, value: day };
  }
  m = DATE_DMY.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const day = locale.dayFirst ? validDay(Number(m[3]), b, a) : validDay(Number(m[3]), a, b);
    return day === null ? fail('bad_date') : { ok: true, value: day };
  }
  if (/^\d{5}(?:[.,]\d+)?$/.test(text)) return serialDay(Number(text.replace(',', '.')));
  return fail('bad_date');
}

/**
 * The time of day of a date cell, in seconds since midnight in the spreadsheet time zone: from a
 * Date, the fraction of an Excel serial, or the `HH:mm(:ss)` of a typed date; null when the cell
 * gives only a day (or is no date). Orders answers of the same day.
 */
export function timeOfDay(value: unknown, timeZone: string): number | null {
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return null;
    const w = wallClockAt(ms, timeZone);
    return w.hour * 3600 + w.minute * 60 + w.second + w.millisecond / 1000;
  }
  if (typeof value === 'number') {
    const fraction = value - Math.floor(value);
    return fraction > 0 ? Math.round(fraction * 86_400) : null;
  }
  if (typeof value !== 'string') return null;
  const m = DATE_ISO.exec(value.trim()) ?? DATE_DMY.exec(value.trim());
  if (!m || m[4] === undefined) return null;
  return Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
}

function serialDay(serial: number): Parsed<Day> {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return fail('bad_date');
  return { ok: true, value: dayFromSerial(serial) };
}

/**
 * A number: `1 250,50 €` = 1250.5 in French. The locale's decimal mark is decimal; the other mark
 * groups thousands only when followed by exactly three digits (`1.250` = 1250 in French), otherwise
 * it is a decimal mark (`12.5` = 12.5 anywhere). `%` divides by 100. `−7` (typographic minus) = -7;
 * scientific notation typed as text (`1e1`) is not a number a club types: refused.
 */
export function parseNumber(value: unknown, locale: CellLocale): Parsed<number> {
  if (isBlank(value)) return EMPTY;
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : fail('bad_number');
  if (typeof value !== 'string') return fail('bad_number');
  // Spaces group thousands: between digits, only before groups of exactly three (`1 250`, not `1 2 3`).
  const spaced = /\d+[\s\u00a0\u202f\u2009]+\d[\d\s\u00a0\u202f\u2009]*/.exec(value);
  if (spaced && !/^\d{1,3}(?:[\s\u00a0\u202f\u2009]+\d{3})+[\s\u00a0\u202f\u2009]*$/.test(spaced[0]))
    return fail('bad_number');
  let text = value.trim().replace(/[\s\u00a0\u202f\u2009]/g, '');
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1);
  }
  text = text.replace(/^(€|\$|£|EUR|eur)|(€|\$|£|EUR|eur|HT|TTC|ht|ttc)$/g, '');
  // The typographic minus (U+2212) is how the add-on itself prints negative numbers (format.ts).
  text = text.replace(/^\+/, '').replace(/^\u2212/, '-');
  const decimal = locale.decimalComma ? ',' : '.';
  const other = locale.decimalComma ? '.' : ',';
  const normalized = normalizeMarks(text, decimal, other);
  if (normalized === null || !/^-?(\d+(\.\d+)?|\.\d+)$/.test(normalized)) return fail('bad_number');
  const n = Number(normalized);
  if (!Number.isFinite(n)) return fail('bad_number');
  return { ok: true, value: percent ? n / 100 : n };
}

function normalizeMarks(text: string, decimal: string, other: string): string | null {
  const decimals = text.split(decimal).length - 1;
  if (decimals > 1) return null;
  if (decimals === 1) {
    const [whole, fraction] = text.split(decimal);
    const grouped = ungroup(whole, other);
    if (grouped === null || fraction.includes(other)) return null;
    return `${grouped}.${fraction}`;
  }
  if (!text.includes(other)) return text;
  const grouped = ungroup(text, other);
  if (grouped !== null) return grouped;
  // The other mark is then a decimal mark, once at most.
  return text.split(other).length === 2 ? text.replace(other, '.') : null;
}

/** `1.250.000` → `1250000` when every group after the first has exactly three digits, else null. */
function ungroup(text: string, mark: string): string | null {
  if (!text.includes(mark)) return text;
  const groups = text.split(mark);
  if (!/^-?\d{1,3}$/.test(groups[0])) return null;
  for (const g of groups.slice(1)) if (!/^\d{3}$/.test(g)) return null;
  return groups.join('');
}

const YES = new Set(YES_WORDS);
const NO = new Set(NO_WORDS);

/** oui/non/yes/no/x/1/0/true/false/vrai/faux/✓, booleans and 1/0. */
function parseYesNoUncached(value: unknown): Parsed<boolean> {
  if (isBlank(value)) return EMPTY;
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') {
    if (value === 1) return { ok: true, value: true };
    if (value === 0) return { ok: true, value: false };
    return fail('bad_choice', { choices: 'oui, non' });
  }
  if (typeof value !== 'string') return fail('bad_choice', { choices: 'oui, non' });
  const raw = value.trim().toLowerCase();
  const key = raw === '✓' || raw === '✔' || raw === '☑' ? '✓' : normalizeLabel(raw);
  if (YES.has(key)) return { ok: true, value: true };
  if (NO.has(key)) return { ok: true, value: false };
  return fail('bad_choice', { choices: 'oui, non' });
}

const yesNoCache = new Map<string, Parsed<boolean>>();

/** oui/non/yes/no/x/1/0/true/false/vrai/faux/✓, booleans and 1/0 (texts cached: a column repeats a few words). */
export function parseYesNo(value: unknown): Parsed<boolean> {
  if (typeof value !== 'string') return parseYesNoUncached(value);
  let parsed = yesNoCache.get(value);
  if (!parsed) {
    parsed = parseYesNoUncached(value);
    if (yesNoCache.size > 10_000) yesNoCache.clear();
    yesNoCache.set(value, parsed);
  }
  return parsed;
}

/** Lookup of enumerated values by normalised id, French label, English label or alias. */
export class ChoiceMatcher {
  private readonly byKey = new Map<string, string>();
  constructor(readonly choices: EnumChoice[]) {
    for (const ch of choices) {
      for (const spelling of [ch.id, ch.label.fr, ch.label.en, ...(ch.aliases ?? [])]) {
        const key = normalizeLabel(spelling);
        if (!this.byKey.has(key)) this.byKey.set(key, ch.id);
      }
    }
  }

  parse(value: unknown, lang: 'fr' | 'en'): Parsed<string> {
    if (isBlank(value)) return EMPTY;
    const id =
      typeof value === 'string' || typeof value === 'number'
        ? this.byKey.get(normalizeLabel(String(value)))
        : undefined;
    if (id !== undefined) return { ok: true, value: id };
    return fail('bad_choice', { choices: this.choices.map((c) => c.label[lang]).join(', ') });
  }
}

/** A whole number within [min, max] (NPS 0–10, the other scales 1–5). */
export function parseScale(value: unknown, locale: CellLocale, min: number, max: number): Parsed<number> {
  const n = parseNumber(value, locale);
  if (!n.ok || n.value === null) return n;
  if (!Number.isInteger(n.value) || n.value < min || n.value > max)
    return fail('out_of_range', { range: `${min}–${max}` });
  return n;
}

/** A whole number ≥ 0 (counts of people, opens, reactions). */
export function parseCount(value: unknown, locale: CellLocale): Parsed<number> {
  const n = parseNumber(value, locale);
  if (!n.ok || n.value === null) return n;
  if (!Number.isInteger(n.value) || n.value < 0) return fail('out_of_range', { range: '0, 1, 2…' });
  return n;
}

/** Identifiers and free text: trimmed text; whole numbers without decimals; dates as ISO. */
export function parseText(value: unknown, timeZone: string): Parsed<string> {
  if (isBlank(value)) return EMPTY;
  return { ok: true, value: rawText(value, timeZone).trim() };
}

/**
 * The fiscal year (by the calendar year it starts in) of a dues term: `2026`, `2025-2026`,
 * `2025/26`, or a start date — a date term belongs to the fiscal year in which it starts (SPEC §12).
 */
export function parseTerm(value: unknown, locale: CellLocale, fyStartMonth: number): Parsed<number> {
  if (isBlank(value)) return EMPTY;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200)
    return { ok: true, value };
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d{4}$/.test(text)) return { ok: true, value: Number(text) };
    const m = /^(?:FY\s*)?(\d{4})\s*[-/–]\s*(\d{4}|\d{2})$/i.exec(text);
    if (m) {
      const first = Number(m[1]);
      const second = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
      if (second === first + 1) return { ok: true, value: first };
      return fail('bad_term');
    }
    const fy = /^FY\s*(\d{4})$/i.exec(text);
    if (fy) return { ok: true, value: Number(fy[1]) };
  }
  const date = parseDate(value, locale);
  if (!date.ok || date.value === null) return fail('bad_term');
  return { ok: true, value: fiscalYearOf(date.value, fyStartMonth) };
}

/**
 * A calendar month, as its first day: `2026-03`, `03/2026` (or `3-2026`, `03.2026`), or any date in the
 * month (a Date, a serial, `15/03/2026`, `2026-03-15`).
 */
export function parseMonth(value: unknown, locale: CellLocale): Parsed<Day> {
  if (isBlank(value)) return EMPTY;
  if (typeof value === 'string') {
    const text = value.trim();
    const iso = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
    const dmy = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
    const [year, month] = iso ? [iso[1], iso[2]] : dmy ? [dmy[2], dmy[1]] : [null, null];
    if (year !== null) {
      const day = validDay(Number(year), Number(month), 1);
      return day === null ? fail('bad_month') : { ok: true, value: day };
    }
  }
  const date = parseDate(value, locale);
  if (!date.ok || date.value === null) return fail('bad_month');
  const { year, month } = ymdOf(date.value);
  return { ok: true, value: dayOf(year, month, 1) };
}

/** The fiscal year (named by the calendar year it starts in) containing `day`. */
export function fiscalYearOf(day: Day, fyStartMonth: number): number {
  const { year, month } = ymdOf(day);
  return month >= fyStartMonth ? year : year - 1;
}
