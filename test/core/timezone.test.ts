// Wall clocks in a named time zone: the cached offsets agree with Intl on every quarter hour
// around the DST changes of Paris, Auckland and a half-hour zone, and instants round-trip.
import { describe, expect, it } from 'vitest';
import { instantOf, offsetAt, wallClockAt } from '../../src/core/timezone';

function intlWallClock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}

const pad = (n: number) => String(n).padStart(2, '0');
const text = (ms: number, tz: string) => {
  const w = wallClockAt(ms, tz);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
};

describe('wallClockAt', () => {
  for (const [tz, around] of [
    ['Europe/Paris', Date.UTC(2026, 2, 29, 1, 0)],
    ['Europe/Paris', Date.UTC(2026, 9, 25, 1, 0)],
    ['Pacific/Auckland', Date.UTC(2026, 3, 4, 14, 0)],
    ['Australia/Adelaide', Date.UTC(2026, 3, 4, 16, 30)],
  ] as const) {
    it(`agrees with Intl every 7 minutes around a DST change in ${tz}`, () => {
      for (let ms = around - 6 * 3_600_000; ms <= around + 6 * 3_600_000; ms += 7 * 60_000 + 13_000) {
        expect(text(ms, tz)).toBe(intlWallClock(ms, tz));
      }
    });
  }

  it('agrees with Intl far from today: before the year 1000, in 12345 and in 200000', () => {
    // Intl's `format` drops the era (51 BC prints as 51): those years are read from the parts.
    for (const ms of [
      Date.UTC(999, 5, 1, 12),
      Date.UTC(1000, 0, 1, 12),
      Date.UTC(12345, 5, 1, 12),
      Date.UTC(200000, 0, 1),
    ])
      expect(text(ms, 'Europe/Paris'), new Date(ms).toISOString()).toBe(intlWallClock(ms, 'Europe/Paris'));
    expect(wallClockAt(Date.UTC(999, 5, 1, 12), 'Europe/Paris')).toMatchObject({ year: 999, minute: 9 });
    // West of Greenwich the parts are read at an hour other than midnight (New York's local mean
    // time, -4:56:02, shows 19:03:58 at midnight UTC): the hour is read too.
    for (const ms of [Date.UTC(999, 5, 1, 12), Date.UTC(999, 5, 2, 3, 30)])
      expect(text(ms, 'America/New_York'), new Date(ms).toISOString()).toBe(
        intlWallClock(ms, 'America/New_York'),
      );
    expect(offsetAt(Date.UTC(999, 5, 1, 12), 'America/New_York')).toBe(-(4 * 3600 + 56 * 60 + 2) * 1000);
  });

  it('gives midnight in Paris for the instant Sheets hands over for a date cell', () => {
    // 15/03/2026 00:00 in Paris (UTC+1) is 2026-03-14T23:00Z.
    const ms = Date.UTC(2026, 2, 14, 23, 0);
    expect(wallClockAt(ms, 'Europe/Paris')).toMatchObject({ year: 2026, month: 3, day: 15, hour: 0 });
    expect(offsetAt(ms, 'Europe/Paris')).toBe(3_600_000);
    expect(
      instantOf(
        { year: 2026, month: 3, day: 15, hour: 0, minute: 0, second: 0, millisecond: 0 },
        'Europe/Paris',
      ),
    ).toBe(ms);
  });
});
