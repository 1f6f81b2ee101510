/**
 * Time zones without Intl. Whether Apps Script's V8 carries full ICU time-zone data is not
 * documented (https://developers.google.com/apps-script/guides/v8-runtime; docs/PLATFORM.md,
 * switch `intlTimeZones`): where `Intl.DateTimeFormat` refuses a zone, the core reads the wall
 * clock with Utilities.formatDate, which takes any time zone Java knows
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 * Importing this module only registers the reader: no service is called until a zone is refused.
 */
import { setWallClockFallback, type WallClock } from '../core/timezone';

export function wallClockByUtilities(epochMs: number, timeZone: string): WallClock {
  const text = Utilities.formatDate(new Date(epochMs), timeZone, 'yyyy-MM-dd-HH-mm-ss');
  const [year, month, day, hour, minute, second] = text.split('-').map(Number);
  return {
    year: year ?? 1970,
    month: month ?? 1,
    day: day ?? 1,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

setWallClockFallback(wallClockByUtilities);
