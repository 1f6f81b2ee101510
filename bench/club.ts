/**
 * The benchmark club and how Club Pulse's core sees it: the seeded generator's clean club (French,
 * `messy: false`) at a scale, its tabs as `getValues()` grids with real Date objects (the wall clock
 * of each serial in the spreadsheet time zone, as the local runtime gives them), and the core's
 * report on them.
 */

import { computeReport, type Report } from '../src/core/compute';
import { type ClubScale, type GeneratedClub, generateClub } from '../src/local/demo/generator';
import { zoneClock } from '../src/local/emulator/cells';
import { fillTabs } from '../src/local/workbook/fill';
import { isDateCell, newWorkbookModel, type WorkbookModel } from '../src/local/workbook/model';

/** The fixed scenario of every run: the club's last day of history, the period, the other period. */
export const BENCH = {
  today: '2026-11-27',
  period: '2026-S1',
  /** CLUB_KPIS asks for this one: not the stored period, so it is computed live. */
  otherPeriod: '2025-S2',
  locale: 'fr_FR',
  timeZone: 'Europe/Paris',
  seed: 1,
} as const;

export function benchClub(scale: ClubScale): GeneratedClub {
  return generateClub({ scale, today: BENCH.today, seed: BENCH.seed, lang: 'fr', messy: false });
}

export interface RawGrid {
  name: string;
  values: unknown[][];
}

/** The tabs as getValues gives them: DateCells become Dates in the spreadsheet time zone. */
export function gridsOf(club: GeneratedClub, timeZone: string = BENCH.timeZone): RawGrid[] {
  const clock = zoneClock(timeZone);
  return club.tabs.map((t) => ({
    name: t.name,
    values: t.rows.map((r) => r.map((v) => (isDateCell(v) ? new Date(clock.instantOfSerial(v.serial)) : v))),
  }));
}

export function clubPulseReport(grids: RawGrid[], period: string = BENCH.period): Report {
  const outcome = computeReport({
    tabs: grids,
    locale: BENCH.locale,
    timeZone: BENCH.timeZone,
    today: BENCH.today,
    period,
  });
  if (!outcome.ok) throw new Error(`computeReport failed: ${outcome.message}`);
  return outcome.report;
}

/** KPI id → value (numbers only; a list-valued KPI is left out). */
export function kpiValues(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const k of report.kpis) if (!Array.isArray(k.value)) out.set(k.id, k.value);
  return out;
}

/**
 * The club in a new workbook model, as `fillTabs` makes it. fillTabs itself throws a RangeError on a
 * tab of more than ~125,000 rows (it spreads every row length into Math.max), so it is given the
 * header rows only and the data rows are set here, exactly as it would set them. Each tab is then
 * trimmed to its own columns: fillTabs keeps Sheets' 26 default columns, which puts scale L
 * (~450,000 rows × 26) above Sheets' 10-million-cell limit — a club that size has to delete its
 * empty columns, and so does the benchmark.
 */
export function clubWorkbook(club: GeneratedClub): WorkbookModel {
  const model = newWorkbookModel({ locale: BENCH.locale, timeZone: BENCH.timeZone, name: club.name });
  fillTabs(
    model,
    club.tabs.map((t) => ({ name: t.name, rows: t.rows.slice(0, 1) })),
  );
  for (const tab of club.tabs) {
    const sheet = model.sheets.find((s) => s.name === tab.name)!;
    sheet.values = tab.rows.map((r) => [...r]);
    sheet.maxRows = Math.max(sheet.maxRows, tab.rows.length);
    sheet.maxColumns = tab.rows[0].length;
  }
  return model;
}
