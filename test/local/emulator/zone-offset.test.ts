/**
 * The emulator reads time zones with its own code (src/local/emulator/zone-offset.ts, Intl's
 * `longOffset`), the add-on's core with its own (src/core/timezone.ts, Intl's wall-clock fields):
 * both must agree, and both must give the hand-checked instants, at the DST changes of a northern
 * zone (Europe/Paris, last Sunday of March and of October) and of southern ones (Australia/Sydney,
 * first Sunday of April and of October; America/Santiago).
 */
import { describe, expect, test } from 'vitest';
import { instantOf, offsetAt, wallClockAt } from '../../../src/core/timezone';
import { zoneClock } from '../../../src/local/emulator/cells';
import { isKnownTimeZone, zoneOffsetAt, zoneWallClock } from '../../../src/local/emulator/zone-offset';

const H = 3_600_000;
const MIN = 60_000;

/** Each change: the zone, the UTC instant it happens at, the offsets (hours) before and after. */
const CHANGES: Array<[string, string, number, number]> = [
  // Paris: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
  ['Europe/Paris', '2026-03-29T01:00:00Z', 1, 2],
  ['Europe/Paris', '2026-10-25T01:00:00Z', 2, 1],
  ['Europe/Paris', '2024-03-31T01:00:00Z', 1, 2],
  // Sydney: 2026-04-05 03:00 AEDT → 02:00 AEST; 2026-10-04 02:00 AEST → 03:00 AEDT.
  ['Australia/Sydney', '2026-04-04T16:00:00Z', 11, 10],
  ['Australia/Sydney', '2026-10-03T16:00:00Z', 10, 11],
  // Santiago: 2026-04-05 00:00 -03 → 2026-04-04 23:00 -04; 2026-09-06 00:00 -04 → 01:00 -03.
  ['America/Santiago', '2026-04-05T03:00:00Z', -3, -4],
  ['America/Santiago', '2026-09-06T04:00:00Z', -4, -3],
  // Casablanca: 2010-05-02 00:00 WET → 01:00 WEST, a change at midnight UTC exactly (both codes
  // read a day by the offsets at its midnight and the next).
  ['Africa/Casablanca', '2010-05-02T00:00:00Z', 0, 1],
];

describe('the emulator reads offsets with its own code, equal to the core and to the calendar', () => {
  test.each(CHANGES)('%s around %s', (zone, at, before, after) => {
    const t = Date.parse(at);
    expect(zoneOffsetAt(t - 1, zone)).toBe(before * H);
    expect(zoneOffsetAt(t, zone)).toBe(after * H);
    // Every minute of the six hours around the change, both codes agree.
    for (let m = t - 3 * H; m <= t + 3 * H; m += MIN) {
      expect(zoneOffsetAt(m, zone), new Date(m).toISOString()).toBe(offsetAt(m, zone));
      const w = wallClockAt(m, zone);
      const e = zoneWallClock(m, zone);
      expect([
        e.getUTCFullYear(),
        e.getUTCMonth() + 1,
        e.getUTCDate(),
        e.getUTCHours(),
        e.getUTCMinutes(),
      ]).toEqual([w.year, w.month, w.day, w.hour, w.minute]);
    }
  });

  test('a wall clock read back as an instant: the emulator (cells) and the core agree, gaps and overlaps included', () => {
    const DAY = 86_400_000;
    const serialOf = (iso: string) => (Date.parse(`${iso}Z`) - Date.UTC(1899, 11, 30)) / DAY;
    // Hand-checked: in a gap, the earlier offset applies (02:30 in Paris on 29 March 2026 does not
    // exist: read as 02:30 CET = 01:30Z); in an overlap, the later one (02:30 on 25 October 2026
    // happens twice: 00:30Z in CEST and 01:30Z in CET, read as 01:30Z). Sydney: 02:30 on 4 October
    // 2026 does not exist (read as 02:30 AEST, +10 = 16:30Z the day before); 02:30 on 5 April 2026
    // happens twice (15:30Z in AEDT, 16:30Z in AEST: read as 16:30Z).
    const cases: Array<[string, string, string]> = [
      ['Europe/Paris', '2026-03-29T02:30:00', '2026-03-29T01:30:00.000Z'],
      ['Europe/Paris', '2026-03-29T03:30:00', '2026-03-29T01:30:00.000Z'],
      ['Europe/Paris', '2026-03-29T01:30:00', '2026-03-29T00:30:00.000Z'],
      ['Europe/Paris', '2026-10-25T02:30:00', '2026-10-25T01:30:00.000Z'],
      ['Europe/Paris', '2026-10-25T03:30:00', '2026-10-25T02:30:00.000Z'],
      ['Australia/Sydney', '2026-10-04T02:30:00', '2026-10-03T16:30:00.000Z'],
      ['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-04T16:30:00.000Z'],
      ['Australia/Sydney', '2026-07-01T00:00:00', '2026-06-30T14:00:00.000Z'],
    ];
    for (const [zone, wall, instant] of cases) {
      const emulator = zoneClock(zone).instantOfSerial(serialOf(wall));
      const [date, time] = wall.split('T') as [string, string];
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      const [hour, minute] = time.split(':').map(Number) as [number, number];
      const core = instantOf({ year, month, day, hour, minute, second: 0, millisecond: 0 }, zone);
      expect([new Date(emulator).toISOString(), new Date(core).toISOString()], `${zone} ${wall}`).toEqual([
        instant,
        instant,
      ]);
    }
  });

  test('the memoised clock gives each quarter hour its offset, on the days the offset changes too', () => {
    // Memoised by day when the day has one offset, by quarter hour when it changes (cells.ts).
    // Each day and how many offsets it has; Casablanca changed at midnight UTC on 2 May 2010, so
    // the day before ends and the day itself starts on a change.
    const days: Array<[string, number, number]> = [
      ['Europe/Paris', Date.UTC(2026, 2, 28), 1],
      ['Europe/Paris', Date.UTC(2026, 2, 29), 2],
      ['Europe/Paris', Date.UTC(2026, 9, 25), 2],
      ['Australia/Sydney', Date.UTC(2026, 9, 3), 2],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4), 2],
      ['Africa/Casablanca', Date.UTC(2010, 4, 1), 1],
      ['Africa/Casablanca', Date.UTC(2010, 4, 2), 1],
    ];
    for (const [zone, start, count] of days) {
      const clock = zoneClock(zone);
      const offsets = new Set<number>();
      for (let t = start; t < start + 24 * H; t += H / 4) {
        expect(clock.offset(t + 60_000), `${zone} ${new Date(t).toISOString()}`).toBe(zoneOffsetAt(t, zone));
        offsets.add(zoneOffsetAt(t, zone));
      }
      expect(offsets.size, zone).toBe(count);
    }
    // Not the same offset on both Casablanca days: the change at midnight is seen.
    expect(zoneClock('Africa/Casablanca').offset(Date.UTC(2010, 4, 1, 23, 59))).toBe(0);
    expect(zoneClock('Africa/Casablanca').offset(Date.UTC(2010, 4, 2, 0, 1))).toBe(H);
  });

  test('before 1900 and in UTC: offsets with seconds, and zero', () => {
    // Paris kept local mean time (+00:09:21) until 1911.
    const t = Date.UTC(1899, 11, 30, 12);
    expect(zoneOffsetAt(t, 'Europe/Paris')).toBe((9 * 60 + 21) * 1000);
    expect(zoneOffsetAt(t, 'Europe/Paris')).toBe(offsetAt(t, 'Europe/Paris'));
    expect(zoneOffsetAt(Date.UTC(2026, 0, 1), 'UTC')).toBe(0);
    expect(zoneOffsetAt(Date.UTC(2026, 0, 1), 'Asia/Kolkata')).toBe(5.5 * H);
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
