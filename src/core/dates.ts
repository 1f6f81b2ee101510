/**
 * Calendar dates as whole day numbers (days since 1970-01-01), free of any time zone: a club's
 * dates are calendar dates in the spreadsheet time zone (SPEC §1), so once a cell is read they are
 * never shifted again. Month arithmetic for periods and dues terms lives here.
 */

/** Days since 1970-01-01. */
export type Day = number;

export function dayOf(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `2026-03-15` */
export function isoOf(day: Day): string {
  const { year, month, day: dd } = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** Parses `yyyy-MM-dd` strictly (calendar-valid), else null. */
export function dayFromIso(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The day if year/month/day name a real calendar date, else null. */
export function validDay(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const d = dayOf(year, month, day);
  const back = ymdOf(d);
  return back.year === year && back.month === month && back.day === day ? d : null;
}

/** First day of the month `months` after the month of (year, month). */
export function monthStart(year: number, month: number, months = 0): Day {
  return dayOf(year, month + months, 1);
}

/** The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dd } = ymdOf(day);
  const last = ymdOf(dayOf(year, month + months + 1, 0)).day;
  return dayOf(year, month + months, Math.min(dd, last));
}

/** Sheets' serial number (days since 1899-12-30) of a calendar day. */
export function serialOf(day: Day): number {
  return day + 25_569;
}

export function dayFromSerial(serial: number): Day {
  return Math.floor(serial) - 25_569;
}
