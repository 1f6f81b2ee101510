/**
 * Cell values between the workbook model and the add-on: date serials to and from instants in the
 * spreadsheet time zone, strings parsed as Sheets parses user entry (USER_ENTERED: formulas, the
 * leading apostrophe, locale numbers and percentages, booleans, dates), and the display text of a
 * cell for getDisplayValues (locale number formatting and the few number formats the add-on uses).
 */
import type { CellValue } from '../workbook/model';
import type { Realm } from './types';
import { zoneOffsetAt } from './zone-offset';

/** 1899-12-30 00:00 as a UTC wall clock: serial 0. */
export const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Offsets are memoised per 15-minute slot: every modern zone changes offset on a quarter hour. */
const SLOT_MS = 900_000;

/**
 * Serial ↔ instant in one time zone, with the emulator's own offsets (zone-offset.ts, not the
 * core's timezone.ts; both tested equal on DST edges), memoised so that reading a column of
 * 250,000 dates does not format 500,000 dates with Intl: by UTC day when the offset is the same at
 * the day's midnight and the next (no zone changes its offset and back within a day), else by
 * quarter hour (at 5,000 members, ~1,000 Intl calls instead of ~100,000).
 */
export class ZoneClock {
  /** By UTC day: the day's one offset, or null when it changes during the day. */
  private readonly days = new Map<number, number | null>();
  private readonly slots = new Map<number, number>();
  constructor(readonly timeZone: string) {}

  offset(epochMs: number): number {
    const day = Math.floor(epochMs / DAY_MS);
    let o = this.days.get(day);
    if (o === undefined) {
      // The offsets at this midnight (UTC) and the next, each read once for the two days it
      // bounds; a change at midnight exactly makes the day before read by slots, as exactly.
      const first = this.slotOffset(day * (DAY_MS / SLOT_MS));
      const next = this.slotOffset((day + 1) * (DAY_MS / SLOT_MS));
      o = first === next ? first : null;
      this.days.set(day, o);
    }
    return o ?? this.slotOffset(Math.floor(epochMs / SLOT_MS));
  }

  private slotOffset(slot: number): number {
    let o = this.slots.get(slot);
    if (o === undefined) {
      o = zoneOffsetAt(slot * SLOT_MS, this.timeZone);
      this.slots.set(slot, o);
    }
    return o;
  }

  /** The instant whose wall clock in this zone is the serial's (as `instantOf`: a DST gap reads with the earlier offset). */
  instantOfSerial(serial: number): number {
    const wall = SERIAL_EPOCH_MS + Math.round(serial * DAY_MS);
    const guess = wall - this.offset(wall);
    return wall - this.offset(guess);
  }

  /** The serial of the wall clock this zone shows at `epochMs`. */
  serialOfInstant(epochMs: number): number {
    return (epochMs + this.offset(epochMs) - SERIAL_EPOCH_MS) / DAY_MS;
  }
}

const clocks = new Map<string, ZoneClock>();
export function zoneClock(timeZone: string): ZoneClock {
  let c = clocks.get(timeZone);
  if (!c) {
    c = new ZoneClock(timeZone);
    clocks.set(timeZone, c);
  }
  return c;
}

/** A Date of any realm. */
export function isDateObject(v: unknown): v is Date {
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
}

// ---------------------------------------------------------------------------------------------
// Locale rules

export interface LocaleRules {
  decimal: string;
  /** Characters accepted as thousands separators. */
  groups: string[];
  dateOrder: 'DMY' | 'MDY' | 'YMD';
  tag: string;
}

const SPACES = [' ', '\u00a0', '\u202f'];
const rulesCache = new Map<string, LocaleRules>();

/** `fr_FR` → `fr-FR`; falls back to `en-US` for a tag Intl does not know. */
export function intlTag(locale: string): string {
  const tag = locale.replace(/_/g, '-');
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length ? tag : 'en-US';
  } catch {
    return 'en-US';
  }
}

export function localeRules(locale: string): LocaleRules {
  let r = rulesCache.get(locale);
  if (r) return r;
  const tag = intlTag(locale);
  const parts = new Intl.NumberFormat(tag).formatToParts(12345.6);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const groups = SPACES.includes(group) ? SPACES : [group];
  const order = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(Date.UTC(2001, 10, 22)))
    .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
    .map((p) => p.type[0]!.toUpperCase())
    .join('');
  const dateOrder = order === 'MDY' || order === 'YMD' ? order : 'DMY';
  r = { decimal, groups, dateOrder, tag };
  rulesCache.set(locale, r);
  return r;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const numberRes = new Map<string, RegExp>();
function numberRe(rules: LocaleRules): RegExp {
  const key = rules.decimal + rules.groups.join('');
  let re = numberRes.get(key);
  if (!re) {
    const g = `[${rules.groups.map(escapeRe).join('')}]`;
    const d = escapeRe(rules.decimal);
    re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+|)(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
    numberRes.set(key, re);
  }
  return re;
}

/** A number typed in `locale` (`1,5` in French, `1 234,5`, `10%` → 0.1), or null. */
export function parseLocaleNumber(text: string, rules: LocaleRules): number | null {
  const m = numberRe(rules).exec(text.trim());
  if (!m) return null;
  const [, sign, int, frac, exp, pct] = m;
  if (!int && !frac) return null;
  const digits = `${sign}${(int ?? '').replace(/\D/g, '') || '0'}.${frac ?? '0'}e${exp ?? '0'}`;
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  return pct ? n / 100 : n;
}

const DATE_RE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The serial of a calendar date and time (no time zone involved). */
export function serialOf(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  return (Date.UTC(y, m - 1, d, hh, mm, ss) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** A date typed in `locale` (`22/11/2001` day-first, `11/22/2001` in en_US, `2001-11-22` anywhere), or null. */
export function parseLocaleDate(text: string, rules: LocaleRules): number | null {
  const t = text.trim();
  const time = TIME_RE.exec(t);
  if (time) {
    const [h, mi, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) return null;
    return (h * 3600 + mi * 60 + s) / 86400;
  }
  const m = DATE_RE.exec(t);
  if (!m) return null;
  const a = m[1]!;
  const b = m[2]!;
  const c = m[3]!;
  let y: number;
  let mo: number;
  let d: number;
  if (a.length === 4) {
    [y, mo, d] = [Number(a), Number(b), Number(c)];
  } else if (c.length === 4 || c.length === 2) {
    y = Number(c);
    if (c.length === 2) y += y < 30 ? 2000 : 1900;
    if (rules.dateOrder === 'MDY') [mo, d] = [Number(a), Number(b)];
    else [d, mo] = [Number(a), Number(b)];
  } else {
    return null;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const [hh, mi, ss] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hh > 23 || mi > 59 || ss > 59) return null;
  return serialOf(y, mo, d, hh, mi, ss);
}

/** What a string written with setValue(s) becomes, as Sheets parses user entry. */
export type Entered = { formula: string } | { value: CellValue };

export function parseUserEntered(text: string, rules: LocaleRules): Entered {
  if (text === '') return { value: '' };
  const first = text.charCodeAt(0);
  if (first === 61 /* = */ && text.length > 1) return { formula: text };
  if (first === 39 /* ' */) return { value: text.slice(1) };
  const upper = text.length <= 5 ? text.trim().toUpperCase() : '';
  if (upper === 'TRUE') return { value: true };
  if (upper === 'FALSE') return { value: false };
  // Cheap pre-check: only strings with a digit can be numbers or dates.
  if (!/\d/.test(text)) return { value: text };
  const n = parseLocaleNumber(text, rules);
  if (n !== null) return { value: n };
  const serial = parseLocaleDate(text, rules);
  if (serial !== null) return { value: { serial } };
  return { value: text };
}

/**
 * A string written to a cell formatted `@` (plain text): never a number, date or boolean
 * (https://developers.google.com/sheets/api/guides/formats: the TEXT type keeps what is entered).
 * Whether a leading apostrophe is consumed there as elsewhere is not documented (platform.ts
 * `plainTextStripsApostrophe`): if it is, `=` still starts a formula; if not, the text is kept as
 * written, apostrophe and all.
 */
export function plainTextEntered(text: string, stripsApostrophe: boolean): Entered {
  if (!stripsApostrophe) return { value: text };
  if (text.charCodeAt(0) === 61 /* = */ && text.length > 1) return { formula: text };
  if (text.charCodeAt(0) === 39 /* ' */) return { value: text.slice(1) };
  return { value: text };
}

// ---------------------------------------------------------------------------------------------
// Display text

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(
  tag: string,
  minFrac: number,
  maxFrac: number,
  grouping: boolean,
  percent: boolean,
): Intl.NumberFormat {
  const key = `${tag}|${minFrac}|${maxFrac}|${grouping}|${percent}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, {
      minimumFractionDigits: minFrac,
      maximumFractionDigits: maxFrac,
      useGrouping: grouping,
      style: percent ? 'percent' : 'decimal',
    });
    numberFormats.set(key, f);
  }
  return f;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

interface SerialParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function serialParts(serial: number): SerialParts {
  const dt = new Date(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS));
  return {
    y: dt.getUTCFullYear(),
    mo: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    h: dt.getUTCHours(),
    mi: dt.getUTCMinutes(),
    s: dt.getUTCSeconds(),
  };
}

function isDatePattern(pattern: string): boolean {
  return /[dy]/i.test(pattern) || /h+:m/i.test(pattern);
}

/** A Sheets date pattern (`dd/mm/yyyy`, `yyyy-mm-dd hh:mm`): `m` is minutes next to h or s, else month. */
function formatSerialPattern(serial: number, pattern: string): string {
  const p = serialParts(serial);
  const tokens = pattern.match(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|"[^"]*"|./gi) ?? [];
  let out = '';
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const prev =
      tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[a-z]+$/i.test(t))
        ?.toLowerCase() ?? '';
    const next =
      tokens
        .slice(i + 1)
        .find((t) => /^[a-z]+$/i.test(t))
        ?.toLowerCase() ?? '';
    const minutes = (lower === 'mm' || lower === 'm') && (prev.startsWith('h') || next.startsWith('s'));
    if (lower === 'yyyy') out += pad(p.y, 4);
    else if (lower === 'yy') out += pad(p.y % 100);
    else if (minutes) out += lower === 'mm' ? pad(p.mi) : String(p.mi);
    else if (lower === 'mm') out += pad(p.mo);
    else if (lower === 'm') out += String(p.mo);
    else if (lower === 'dd') out += pad(p.d);
    else if (lower === 'd') out += String(p.d);
    else if (lower === 'hh') out += pad(p.h);
    else if (lower === 'h') out += String(p.h);
    else if (lower === 'ss') out += pad(p.s);
    else if (lower === 's') out += String(p.s);
    else if (tok.startsWith('"')) out += tok.slice(1, -1);
    else out += tok;
  });
  return out;
}

function defaultDateText(serial: number, rules: LocaleRules): string {
  const p = serialParts(serial);
  let date: string;
  if (rules.dateOrder === 'MDY') date = `${p.mo}/${p.d}/${p.y}`;
  else if (rules.dateOrder === 'YMD') date = `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
  else date = `${pad(p.d)}/${pad(p.mo)}/${p.y}`;
  if (Number.isInteger(serial)) return date;
  const time = `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
  return serial >= 0 && serial < 1 ? time : `${date} ${time}`;
}

function formatNumber(n: number, pattern: string | undefined, rules: LocaleRules): string {
  if (!pattern || /^general$/i.test(pattern)) {
    return numberFormat(rules.tag, 0, 10, false, false).format(n);
  }
  if (pattern === '@') return String(n);
  if (isDatePattern(pattern)) return formatSerialPattern(n, pattern);
  // Sections `positive;negative;zero`: a negative number under its own section is shown without
  // its sign (the section writes it, e.g. `-0`), https://developers.google.com/sheets/api/guides/formats#meta_instructions
  const sections = pattern.split(';');
  if (n < 0 && sections.length > 1) return formatNumber(-n, sections[1], rules);
  if (n === 0 && sections.length > 2) return formatNumber(0, sections[2], rules);
  const core = sections[0]!;
  const frac = /\.([0#]+)/.exec(core)?.[1] ?? '';
  const minFrac = (frac.match(/0/g) ?? []).length;
  const maxFrac = frac.length;
  const grouping = /[#0],[#0]/.test(core);
  const percent = core.includes('%');
  let text = numberFormat(rules.tag, minFrac, maxFrac, grouping, percent).format(n);
  // A pattern with a decimal point keeps it even when no digit follows: Sheets shows 113 under
  // `0.##` as `113.` (`113,` in a French sheet). The point is a literal of the pattern, not
  // conditional: https://developers.google.com/sheets/api/guides/formats#number_format_tokens
  if (/\./.test(core) && !text.includes(rules.decimal)) {
    text = percent ? text.replace(/(\d)(\D*%)$/, `$1${rules.decimal}$2`) : `${text}${rules.decimal}`;
  }
  // Literal prefix/suffix such as currency signs: keep what is outside the digit pattern.
  const m = /^([^#0.,%]*)[#0.,]+%?([^#0.,%]*)$/.exec(core);
  if (!m) return text;
  const strip = (s: string): string => s.replace(/["\\]/g, '');
  return `${strip(m[1]!)}${text}${strip(m[2]!)}`;
}

/** The text Sheets shows for a cell (enough of it: locale numbers and dates, simple number formats). */
export function displayText(v: CellValue, pattern: string | undefined, rules: LocaleRules): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v, pattern, rules);
  if (pattern && pattern !== '@' && !/^general$/i.test(pattern)) {
    return isDatePattern(pattern)
      ? formatSerialPattern(v.serial, pattern)
      : formatNumber(v.serial, pattern, rules);
  }
  return defaultDateText(v.serial, rules);
}

type Reader = (
  values: CellValue[][],
  r0: number,
  c0: number,
  numRows: number,
  numColumns: number,
  toInstant: (serial: number) => number,
) => unknown[][];

/** Reads a block of cells into realm arrays; dates become realm Dates at `toInstant(serial)`. */
export function readValues(
  realm: Realm,
  ...[values, r0, c0, nr, nc, toInstant]: Parameters<Reader>
): unknown[][] {
  const out = new realm.Array<unknown[]>();
  // A tracking tab repeats its dates (an event's date on each of its rows): each distinct serial
  // goes through the time zone's offsets once per read.
  const instants = new Map<number, number>();
  const instantOf = (serial: number): number => {
    let instant = instants.get(serial);
    if (instant === undefined) {
      instant = toInstant(serial);
      instants.set(serial, instant);
    }
    return instant;
  };
  for (let i = 0; i < nr; i++) {
    const src = values[r0 + i];
    const row = new realm.Array<unknown>();
    for (let j = 0; j < nc; j++) {
      const v = src?.[c0 + j];
      if (v === undefined) row.push('');
      else if (typeof v === 'object') row.push(new realm.Date(instantOf(v.serial)));
      else row.push(v);
    }
    out.push(row);
  }
  return out;
}
