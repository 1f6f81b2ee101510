/**
 * Wall-clock time in a named time zone, with nothing but `Intl` (present in Apps Script's V8 and in
 * Node). Apps Script hands cell dates over as the instant whose wall clock, in the spreadsheet time
 * zone, is what the cell shows; these helpers turn such an instant back into that wall clock and
 * the other way round, so a calendar date is never shifted by UTC.
 */

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Reads the wall clock of a zone without Intl (Apps Script: Utilities.formatDate). */
export type WallClockReader = (epochMs: number, timeZone: string) => WallClock;
let fallbackReader: WallClockReader | null = null;

/**
 * Whether Apps Script's V8 carries full ICU time zones is not documented
 * (https://developers.google.com/apps-script/guides/v8-runtime; docs/PLATFORM.md): where
 * `Intl.DateTimeFormat` refuses a zone, the wall clock is read with `reader` instead.
 */
export function setWallClockFallback(reader: WallClockReader | null): void {
  fallbackReader = reader;
}

/**
 * `format` of the formatter above as en-US writes it with `hourCycle: 'h23'`: `1/31/2026, 13:04:05`.
 * About five times cheaper than `formatToParts`. Before the year 1000 (where `format` drops the era:
 * 51 BC prints as 51) and in any other shape (another ICU's punctuation) the parts are read.
 */
const EN_US_NUMERIC = /^(\d{1,2})\/(\d{1,2})\/(\d{4,6}), (\d{2}):(\d{2}):(\d{2})$/;
const YEAR_1000_MS = Date.UTC(1000, 0, 2);

/** The wall clock at `epochMs` as Intl reads it (exact, slow: one call into ICU). */
function exactWallClock(epochMs: number, timeZone: string): WallClock {
  const formatter = formatterFor(timeZone);
  const date = new Date(epochMs);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const m = epochMs >= YEAR_1000_MS ? EN_US_NUMERIC.exec(formatter.format(date)) : null;
  if (m)
    return {
      year: Number(m[3]),
      month: Number(m[1]),
      day: Number(m[2]),
      hour: Number(m[4]) % 24,
      minute: Number(m[5]),
      second: Number(m[6]),
      millisecond: ms,
    };
  const parts = formatter.formatToParts(date);
  const get = (type: string): number => {
    for (const p of parts) if (p.type === type) return Number(p.value);
    return 0;
  };
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
    millisecond: ms,
  };
}

/** JavaScript dates end at ±8.64e15 ms: probes at a day's or slice's edges stay within. */
const MAX_MS = 8.64e15;

const refused = new Map<string, boolean>();

/** True when this runtime's Intl refuses `timeZone` and a fallback reader is set. */
function usesFallback(timeZone: string): boolean {
  if (!fallbackReader) return false;
  let r = refused.get(timeZone);
  if (r === undefined) {
    r = !isValidTimeZone(timeZone);
    refused.set(timeZone, r);
  }
  return r;
}

function readerOffset(epochMs: number, timeZone: string, reader: WallClockReader): number {
  const w = reader(epochMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) - epochMs;
}

/** Per zone and UTC year: the instants where the offset changes, found with the reader. */
const yearTables = new Map<string, Array<[number, number]>>();
const MINUTE_MS = 60_000;

/**
 * Offsets through the fallback reader, a constant number of reads per zone and year (the offset at
 * each month's start, and a search to the minute in a month where it changed), so the number of
 * reads does not grow with the number of dates.
 */
function fallbackOffset(epochMs: number, timeZone: string, reader: WallClockReader): number {
  const year = new Date(epochMs).getUTCFullYear();
  const key = `${timeZone}|${year}`;
  let table = yearTables.get(key);
  if (!table) {
    const starts = Array.from({ length: 13 }, (_, m) => Date.UTC(year, m, 1));
    const offsets = starts.map((t) => readerOffset(t, timeZone, reader));
    table = [[Number.NEGATIVE_INFINITY, offsets[0] ?? 0]];
    for (let m = 0; m < 12; m++) {
      const before = offsets[m] ?? 0;
      const after = offsets[m + 1] ?? 0;
      if (before === after) continue;
      let lo = starts[m] ?? 0;
      let hi = starts[m + 1] ?? 0;
      while (hi - lo > MINUTE_MS) {
        const mid = Math.floor((lo + hi) / 2 / MINUTE_MS) * MINUTE_MS;
        if (mid <= lo || mid >= hi) break;
        if (readerOffset(mid, timeZone, reader) === before) lo = mid;
        else hi = mid;
      }
      table.push([hi, after]);
    }
    yearTables.set(key, table);
  }
  let offset = 0;
  for (const [start, o] of table) {
    if (epochMs < start) break;
    offset = o;
  }
  return offset;
}

function exactOffset(epochMs: number, timeZone: string): number {
  if (fallbackReader && usesFallback(timeZone))
    return fallbackOffset(Math.max(-MAX_MS, Math.min(MAX_MS, epochMs)), timeZone, fallbackReader);
  const w = exactWallClock(Math.max(-MAX_MS, Math.min(MAX_MS, epochMs)), timeZone);
  return (
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond) -
    Math.max(-MAX_MS, Math.min(MAX_MS, epochMs))
  );
}

/**
 * Offsets are cached by UTC day when the offset is the same at the day's start and the next day's
 * start (so one read per day boundary, shared by the days on either side), else by 15-minute slice
 * (a zone's offset changes at a slice boundary in practice; a slice whose two ends disagree is never
 * cached). A change at midnight UTC exactly makes the day before read by slices: slower, as exact.
 * Reading 100,000 dates then costs a few thousand Intl calls.
 */
const SLICE_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;
const offsetCache = new Map<string, Map<number, number>>();
const dayOffsetCache = new Map<string, Map<number, number | null>>();
const boundaryCache = new Map<string, Map<number, number>>();

function zoneMap<V>(caches: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
  let zone = caches.get(timeZone);
  if (!zone) {
    zone = new Map();
    caches.set(timeZone, zone);
  }
  return zone;
}

/** The offset at the start of UTC day `day` (midnight UTC). */
function boundaryOffset(day: number, timeZone: string): number {
  const zone = zoneMap(boundaryCache, timeZone);
  let offset = zone.get(day);
  if (offset === undefined) {
    offset = exactOffset(day * DAY_MS, timeZone);
    if (zone.size > 100_000) zone.clear();
    zone.set(day, offset);
  }
  return offset;
}

function dayOffset(epochMs: number, timeZone: string): number | null {
  const zone = zoneMap(dayOffsetCache, timeZone);
  const day = Math.floor(epochMs / DAY_MS);
  let offset = zone.get(day);
  if (offset === undefined) {
    const first = boundaryOffset(day, timeZone);
    offset = first === boundaryOffset(day + 1, timeZone) ? first : null;
    if (zone.size > 100_000) zone.clear();
    zone.set(day, offset);
  }
  return offset;
}

/** Offset of `timeZone` from UTC at `epochMs`, in milliseconds (Paris in winter: +3,600,000). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const whole = dayOffset(epochMs, timeZone);
  if (whole !== null) return whole;
  const zone = zoneMap(offsetCache, timeZone);
  const slice = Math.floor(epochMs / SLICE_MS);
  const cached = zone.get(slice);
  if (cached !== undefined) return cached;
  const first = exactOffset(slice * SLICE_MS, timeZone);
  const last = exactOffset(slice * SLICE_MS + SLICE_MS - 1, timeZone);
  if (first !== last) return exactOffset(epochMs, timeZone);
  if (zone.size > 200_000) zone.clear();
  zone.set(slice, first);
  return first;
}

/** The wall clock shown in `timeZone` at the instant `epochMs`. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const d = new Date(epochMs + offsetAt(epochMs, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/**
 * The instant at which `timeZone` shows the wall clock `w`. In a DST gap the clock is read as if
 * the earlier offset still applied, as Sheets does for a time that does not exist.
 */
export function instantOf(w: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  let guess = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(guess, timeZone);
  if (second !== guess) guess = second;
  return guess;
}
