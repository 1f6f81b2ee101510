/**
 * Calendar helpers of the synthetic club generator, on Sheets date serials (days since 1899-12-30,
 * the `DateCell` of the workbook model): ISO day ↔ serial, year/month of a serial, French text
 * dates for the "messy" defects. Pure arithmetic on UTC calendar days, never the real clock.
 */

const EPOCH_OFFSET = 25569; // serial of 1970-01-01
const MS_PER_DAY = 86_400_000;

export function serialFromYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + EPOCH_OFFSET;
}

/** `YYYY-MM-DD` → serial; throws on anything else. */
export function serialFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Expected a day as YYYY-MM-DD, got "${iso}".`);
  const serial = serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (isoFromSerial(serial) !== iso) throw new Error(`Not a calendar day: "${iso}".`);
  return serial;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymdFromSerial(serial: number): Ymd {
  const d = new Date((Math.floor(serial) - EPOCH_OFFSET) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `dd/MM/yyyy`, plus ` HH:mm` when the serial has a time of day. */
export function frenchTextFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  const text = `${pad2(day)}/${pad2(month)}/${year}`;
  const minutes = Math.round((serial - Math.floor(serial)) * 1440);
  return minutes === 0 ? text : `${text} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(serial: number): number {
  return (((Math.floor(serial) - 1) % 7) + 7) % 7;
}

/** Serial of the first day of the month `months` months after the month of `serial`. */
export function addMonths(serial: number, months: number): number {
  const { year, month } = ymdFromSerial(serial);
  return serialFromYmd(year, month + months, 1);
}

/** Same calendar day `years` years earlier or later (29 February → 28). */
export function addYears(serial: number, years: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const target = serialFromYmd(year + years, month, day);
  return ymdFromSerial(target).day === day ? target : serialFromYmd(year + years, month, 28);
}
