/**
 * The emulator's own reading of a time zone's offset, independent of the core's
 * `src/core/timezone.ts` (which reads the wall-clock fields with `formatToParts` and caches by day
 * and slice): here `Intl.DateTimeFormat`'s `timeZoneName: 'longOffset'` names the offset itself
 * (`GMT+02:00`, `GMT+00:09:21`, `GMT` for UTC+0). Two codes, so that a bug in one does not cancel
 * out in tests that run the add-on's core over the emulator (test/local/emulator/zone-offset.test.ts
 * compares them, and both with hand-checked instants, on DST edges).
 *
 * Apps Script hands a date cell over as the instant whose wall clock in the spreadsheet time zone
 * is what the cell shows (reference §1.3):
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA name Node's Intl knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    offsetFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const OFFSET = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;
/** The offset's name at the end of `format`'s text (en-US: `1/31/2026, GMT+01:00`). */
const TRAILING_OFFSET = / (GMT(?:[+-][\d:]+)?)$/;

/** Offset of `timeZone` from UTC at `epochMs`, in milliseconds (Paris in winter: +3,600,000). */
export function zoneOffsetAt(epochMs: number, timeZone: string): number {
  const formatter = offsetFormatter(timeZone);
  const date = new Date(epochMs);
  // `format` costs half of `formatToParts`; any other shape of text is read from the parts.
  const name =
    TRAILING_OFFSET.exec(formatter.format(date))?.[1] ??
    formatter.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ??
    '';
  const m = OFFSET.exec(name);
  if (!m) throw new Error(`Unreadable offset "${name}" for the time zone ${timeZone}.`);
  if (!m[1]) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return (m[1] === '-' ? -seconds : seconds) * 1000;
}

/** The wall clock `timeZone` shows at `epochMs`, as a Date whose UTC fields are that wall clock. */
export function zoneWallClock(epochMs: number, timeZone: string): Date {
  return new Date(epochMs + zoneOffsetAt(epochMs, timeZone));
}
