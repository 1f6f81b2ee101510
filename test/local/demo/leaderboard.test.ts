// Issue 16: the demo is a lively club (most members come, NPS well above zero), so its Palmarès
// must show it — before, its top 10 was all orange and red: the generator spread attendance evenly
// (the most engaged came to a third of the events) and drew referral givers nearly independently of
// who came, so nobody was active on every front. SPEC §4's thresholds are unchanged.
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/core/compute';
import { generateClub } from '../../../src/local/demo/generator';
import { zoneClock } from '../../../src/local/emulator/cells';
import { isDateCell } from '../../../src/local/workbook/model';

const ZONE = 'Europe/Paris';
const TODAY = '2026-11-27';
const clock = zoneClock(ZONE);

function demoReport(seed: number) {
  const generated = generateClub({ scale: 'demo', seed, today: TODAY });
  const tabs = generated.tabs.map((t) => ({
    name: t.name,
    values: t.rows.map((r) => r.map((v) => (isDateCell(v) ? new Date(clock.instantOfSerial(v.serial)) : v))),
  }));
  const outcome = computeReport({ tabs, locale: 'fr_FR', timeZone: ZONE, today: TODAY, period: '2026-S1' });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.report;
}

describe('the demo club’s Palmarès', () => {
  it.each([1, 2, 3])('has green members at the top of a lively club (seed %i)', (seed) => {
    const report = demoReport(seed);
    const participation = report.kpis.find((k) => k.id === 'participation_rate')!.value as number;
    expect(participation).toBeGreaterThan(0.6);
    const top = report.scores.slice(0, 10);
    expect(top.filter((s) => s.colour === 'green').length).toBeGreaterThanOrEqual(1);
    expect(top.every((s) => s.colour === 'green' || s.colour === 'amber' || s.colour === 'red')).toBe(true);
    // The best members are regulars: they come to most events (attendance tier ≥ 75 % → 15 points).
    const attendance = top.map((s) => s.components.find((c) => c.id === 'attendance')?.points ?? 0);
    expect(attendance.filter((p) => p >= 15).length).toBeGreaterThanOrEqual(2);
  });
});
