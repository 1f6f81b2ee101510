/**
 * Wall clocks in the spreadsheet's time zone (src/core/timezone.ts), hand-worked where
 * test/core/timezone.test.ts leaves room (issue 23): a date cell is the instant of its midnight in
 * the sheet's zone, so a wrong offset moves an event or a payment to the day before — and out of a
 * period. Offsets are in milliseconds (Paris in winter: +1 h = 3,600,000).
 */

import { afterEach, describe, expect, it } from 'vitest';
import {
  instantOf,
  isValidTimeZone,
  offsetAt,
  setWallClockFallback,
  type WallClock,
  wallClockAt,
} from '../../../src/core/timezone';

const H = 3_600_000;
const clock = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
  millisecond,
});

afterEach(() => setWallClockFallback(null));

/** A made-up zone's wall-clock reader (as Apps Script's Utilities.formatDate would be) from its offset rule. */
const readerOf =
  (offsetOf: (ms: number) => number) =>
  (ms: number): WallClock => {
    const d = new Date(ms + offsetOf(ms));
    return clock(
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    );
  };

describe('offsets', () => {
  it('follows Paris through the spring change: +1 h up to 01:00 UTC on 29 March 2026, +2 h from then', () => {
    const change = Date.UTC(2026, 2, 29, 1, 0);
    expect(offsetAt(change - 1, 'Europe/Paris')).toBe(H);
    expect(offsetAt(change, 'Europe/Paris')).toBe(2 * H);
    // The whole day before and after: one offset each.
    expect(offsetAt(Date.UTC(2026, 2, 28, 12), 'Europe/Paris')).toBe(H);
    expect(offsetAt(Date.UTC(2026, 2, 30, 12), 'Europe/Paris')).toBe(2 * H);
    // Asked again (from the caches), the same answers.
    expect(offsetAt(change - 1, 'Europe/Paris')).toBe(H);
    expect(offsetAt(change + 60_000, 'Europe/Paris')).toBe(2 * H);
  });

  it('reads half- and three-quarter-hour zones and UTC', () => {
    expect(offsetAt(Date.UTC(2026, 0, 10), 'Asia/Kolkata')).toBe(5.5 * H);
    expect(offsetAt(Date.UTC(2026, 0, 10), 'Asia/Kathmandu')).toBe(5.75 * H);
    expect(offsetAt(Date.UTC(2026, 0, 10), 'UTC')).toBe(0);
    expect(offsetAt(Date.UTC(2026, 6, 10), 'America/New_York')).toBe(-4 * H);
  });

  it('keeps the milliseconds of instants before 1970', () => {
    // 1969-12-31T23:59:59.250Z in Paris is 1970-01-01 00:59:59.250.
    const ms = Date.UTC(1969, 11, 31, 23, 59, 59, 250);
    expect(wallClockAt(ms, 'Europe/Paris')).toEqual(clock(1970, 1, 1, 0, 59, 59, 250));
    expect(offsetAt(ms, 'Europe/Paris')).toBe(H);
  });
});

describe('instants of a wall clock', () => {
  it('finds the instant of a wall clock on both sides of a change', () => {
    // 28 March 12:00 in Paris (+1 h) is 11:00Z; 30 March 12:00 (+2 h) is 10:00Z.
    expect(instantOf(clock(2026, 3, 28, 12), 'Europe/Paris')).toBe(Date.UTC(2026, 2, 28, 11));
    expect(instantOf(clock(2026, 3, 30, 12), 'Europe/Paris')).toBe(Date.UTC(2026, 2, 30, 10));
    // 03:30 on the change day exists (+2 h): 01:30Z.
    expect(instantOf(clock(2026, 3, 29, 3, 30), 'Europe/Paris')).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it('reads a time in the spring gap with the offset before the change, as Sheets does', () => {
    // 02:30 on 29 March 2026 does not exist in Paris: read with +1 h, 01:30Z, shown as 03:30.
    const ms = instantOf(clock(2026, 3, 29, 2, 30), 'Europe/Paris');
    expect(ms).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(wallClockAt(ms, 'Europe/Paris')).toMatchObject({ day: 29, hour: 3, minute: 30 });
  });

  it('round-trips every quarter hour of the autumn change day in Paris', () => {
    for (let q = 0; q < 96; q++) {
      const w = clock(2026, 10, 25, Math.floor(q / 4), (q % 4) * 15);
      const back = wallClockAt(instantOf(w, 'Europe/Paris'), 'Europe/Paris');
      expect(back, `${w.hour}:${w.minute}`).toEqual(w);
    }
  });
});

describe('zones this runtime may not know', () => {
  it('tells a known IANA name from an unknown one', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('reads an unknown zone through the fallback reader: offsets per month and the change to the minute', () => {
    // A made-up zone: +1 h until 2026-03-29 01:00Z, then +2 h (Paris' 2026 change), as Apps
    // Script's Utilities.formatDate would give it. The reader counts its reads.
    const change = Date.UTC(2026, 2, 29, 1, 0);
    let reads = 0;
    const reader = readerOf((ms) => {
      reads++;
      return ms >= change ? 2 * H : H;
    });
    setWallClockFallback(reader);
    const zone = 'Mars/Olympus_Mons';
    expect(offsetAt(Date.UTC(2026, 0, 15, 12), zone)).toBe(H);
    expect(offsetAt(Date.UTC(2026, 6, 15, 12), zone)).toBe(2 * H);
    // The change is found to the minute: a minute before, +1 h; at it, +2 h.
    expect(offsetAt(change - 60_000, zone)).toBe(H);
    expect(offsetAt(change, zone)).toBe(2 * H);
    expect(wallClockAt(change, zone)).toMatchObject({ month: 3, day: 29, hour: 3, minute: 0 });
    // A constant number of reads for the year: 13 month starts and a search within March.
    const afterYear = reads;
    expect(afterYear).toBeLessThan(40);
    for (let d = 1; d <= 28; d++) offsetAt(Date.UTC(2026, 1, d, 9), zone);
    expect(reads).toBe(afterYear);
    // A known zone never goes through the reader.
    expect(offsetAt(Date.UTC(2026, 0, 15), 'Asia/Kolkata')).toBe(5.5 * H);
    expect(reads).toBe(afterYear);
  });

  it('keeps one table of changes per year through the fallback reader', () => {
    // A made-up zone on summer time every year from 1 April to 1 October (UTC), +2 h, else +1 h.
    const reader = readerOf((ms) => {
      const month = new Date(ms).getUTCMonth();
      return month >= 3 && month < 9 ? 2 * H : H;
    });
    setWallClockFallback(reader);
    const zone = 'Mars/Tharsis';
    // 2026 first, then 2027: each year its own changes, found to the minute.
    expect(offsetAt(Date.UTC(2026, 5, 15), zone)).toBe(2 * H);
    expect(offsetAt(Date.UTC(2026, 10, 15), zone)).toBe(H);
    expect(offsetAt(Date.UTC(2027, 5, 15), zone)).toBe(2 * H);
    expect(offsetAt(Date.UTC(2027, 0, 15), zone)).toBe(H);
    expect(offsetAt(Date.UTC(2027, 3, 1) - 60_000, zone)).toBe(H);
    expect(offsetAt(Date.UTC(2027, 3, 1), zone)).toBe(2 * H);
  });

  it('gets a change inside a quarter hour right on both sides (never one cached offset for the slice)', () => {
    // Changes at 01:07Z on 29 March 2026, inside the 01:00–01:15 slice; as in a zone's history.
    const change = Date.UTC(2026, 2, 29, 1, 7);
    const reader = readerOf((ms) => (ms >= change ? 2 * H : H));
    setWallClockFallback(reader);
    const zone = 'Mars/Arsia';
    expect(offsetAt(change - 5 * 60_000, zone)).toBe(H);
    expect(offsetAt(change + 3 * 60_000, zone)).toBe(2 * H);
    expect(offsetAt(change - 60_000, zone)).toBe(H);
    expect(offsetAt(change, zone)).toBe(2 * H);
  });

  it('gives no offset for an unknown zone without a reader: Intl refuses it', () => {
    expect(() => offsetAt(Date.UTC(2026, 0, 15), 'Mars/Valles')).toThrow(RangeError);
  });
});
