/**
 * What the custom functions read (SPEC §10), stored by refresh in two hidden tabs so that a
 * function reads one range instead of recomputing the report:
 * - `_ClubPulse_Periods`: the KPI table of every period in History (History has the columns of
 *   `_ClubPulse_KPI`), copied after History is written; hidden, so a function never depends on
 *   what someone types in History between two refreshes;
 * - `_ClubPulse_Scores`: the member scores of the last refreshed period (every member, the score
 *   empty for one not active at the end of the period).
 * A period never refreshed is computed live only while the modelled cost of reading and computing
 * the tabs stays under a budget (bench/LATENCY.md, "Custom functions"); else the caller returns a
 * sentence asking for a refresh of that period. Custom functions run read-only
 * (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services):
 * only refresh writes these tabs.
 */

import type { Report } from '../core/compute';
import { KPI_TABLE_HEADER, kpiTableRows } from '../core/dashboard';
import { HISTORY_NAME } from '../core/history';
import { type Member, MemberResolver } from '../core/model';
import { asText, writeGrid } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PERIODS_SHEET = '_ClubPulse_Periods';
export const SCORES_SHEET = '_ClubPulse_Scores';
const SCORES_HEADER = ['member_id', 'first_name', 'last_name', 'email', 'score'];

/** Model cost of one cell read by getValues (src/local/emulator/latency.ts READ_CELL_MS: 50 ms / 4,000 cells). */
const READ_CELL_MS = 50 / 4000;
/** Model compute per cell read: CLUB_KPIS at scale L, 3,910 ms / 2,982,012 cells in Node × V8 factor 3. */
const COMPUTE_CELL_MS = (3910 / 2_982_012) * 3;
/** Live computation budget: the 30 s custom-function limit less a third (bundle load, calls, error). */
export const LIVE_BUDGET_MS = 20_000;

function hiddenSheet(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  sheet.hideSheet();
  return sheet;
}

/**
 * Called by refresh once History is written: the KPI rows of every History period (History has the
 * KPI table's columns), and the member scores of the refreshed period.
 */
export function writeFunctionStore(ss: Spreadsheet, report: Report): void {
  const label = report.period.label;
  const history = ss.getSheetByName(HISTORY_NAME[report.lang]);
  const rows = history
    ? history
        .getDataRange()
        .getValues()
        .slice(1)
        .filter((row) => row[0] !== '' && row[1] !== '')
    : kpiTableRows(report);
  writeGrid(hiddenSheet(ss, PERIODS_SHEET), [KPI_TABLE_HEADER, ...rows], true);
  const scores = new Map(report.scores.map((s) => [s.memberId, s.score]));
  const members = report.club.members.map((m) => [
    m.id,
    m.firstName,
    m.lastName,
    m.email,
    scores.get(m.id) ?? '',
  ]);
  writeScores(ss, [['period', label, '', '', ''], SCORES_HEADER, ...members]);
}

/**
 * The scores tab, made anew on each refresh with the same calls whatever the number of members
 * (one row insertion, as renderLayout does), so a refresh's service calls stay constant.
 */
function writeScores(ss: Spreadsheet, grid: unknown[][]): void {
  const old = ss.getSheetByName(SCORES_SHEET);
  if (old) ss.deleteSheet(old);
  const sheet = hiddenSheet(ss, SCORES_SHEET);
  const maxRows = sheet.getMaxRows();
  sheet.insertRowsAfter(maxRows, Math.max(1, grid.length - maxRows + 1));
  sheet.getRange(1, 1, grid.length, SCORES_HEADER.length).setValues(grid.map((r) => r.map(asText)));
}

/** The stored KPI rows of a period, by KPI id; null when that period was never refreshed. */
export function storedPeriodRows(ss: Spreadsheet, label: string): Map<string, unknown[]> | null {
  const sheet = ss.getSheetByName(PERIODS_SHEET);
  if (!sheet) return null;
  const rows = sheet
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((row) => String(row[0]) === label);
  return rows.length ? new Map(rows.map((row) => [String(row[1]), row])) : null;
}

export type StoredScore =
  | { found: 'score'; score: number }
  | { found: 'not_active' | 'unknown_member' | 'ambiguous_member' }
  | { found: 'period_not_stored' };

/** A member's stored score for a period, matched by ID, email or name as the tracking tabs do. */
export function storedScore(ss: Spreadsheet, label: string, ref: string): StoredScore {
  const sheet = ss.getSheetByName(SCORES_SHEET);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  if (String(values[0]?.[1] ?? '') !== label || label === '') return { found: 'period_not_stored' };
  const rows = values.slice(2).filter((row) => row[0] !== '');
  const members = rows.map(
    (row) =>
      ({
        id: String(row[0]),
        firstName: String(row[1]),
        lastName: String(row[2]),
        email: String(row[3]),
      }) as Member,
  );
  const found = new MemberResolver(members).resolve(ref);
  if ('ambiguous' in found) return { found: 'ambiguous_member' };
  if (!('member' in found)) return { found: 'unknown_member' };
  const score = rows[members.indexOf(found.member)][4];
  return typeof score === 'number' ? { found: 'score', score } : { found: 'not_active' };
}

/**
 * The modelled cost (ms) of computing a report live: every cell of every tab read and computed.
 * Counted on the used range of each tab (two calls a tab), an upper bound of what is read.
 */
export function liveCostMs(ss: Spreadsheet): number {
  let cells = 0;
  for (const sheet of ss.getSheets()) cells += sheet.getLastRow() * sheet.getLastColumn();
  return cells * (READ_CELL_MS + COMPUTE_CELL_MS);
}

export function liveAffordable(ss: Spreadsheet): boolean {
  return liveCostMs(ss) <= LIVE_BUDGET_MS;
}
