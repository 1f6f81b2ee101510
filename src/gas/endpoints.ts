/**
 * The sidebar's own endpoints (`google.script.run`), JSON-only values: its initial state and
 * selecting the cell of a data issue. Every endpoint, these and the others (refresh, imports, set-up,
 * surveys), is listed once in entry-points.ts, which the compiler checks against `ServerApi`.
 */

import type { SidebarState } from '../core/api';
import { dayFromIso } from '../core/dates';
import { periodTitle } from '../core/highlights';
import { langOfLocale } from '../core/i18n';
import { IssueLog } from '../core/issues';
import { normalizeLabel } from '../core/normalize';
import { periodChoices, settingsOfTabs } from '../core/period-choices';
import { matchTabs } from '../core/read';
import { lastRefreshSummary } from './refresh';
import { todayIn } from './sheets';

export function getSidebarState(): SidebarState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = dayFromIso(todayIn(timeZone))!;
  // The core decides the periods and the default from Settings, as for the menu and the CLI.
  // Only the Settings tab is read (found by the core's tab matching), so the sidebar opens fast.
  const probe = ss.getSheets().map((sheet) => ({ name: sheet.getName(), values: [] as unknown[][] }));
  const settingsName = matchTabs(probe, new IssueLog(lang)).get('settings')?.name;
  const settingsSheet = settingsName ? ss.getSheetByName(settingsName) : null;
  const tabs = settingsSheet
    ? [{ name: settingsName!, values: settingsSheet.getDataRange().getValues() }]
    : [];
  const choices = periodChoices(settingsOfTabs(tabs, ss.getSpreadsheetLocale(), timeZone), today);
  return {
    lang,
    clubName: ss.getName(),
    // The select shows the period's name (« 1er semestre 2026 »); its code stays the value and title.
    periods: choices.periods.map((p) => ({ label: p.label, text: periodTitle(p, lang) })),
    defaultPeriod: choices.defaultPeriod.label,
    last: lastRefreshSummary(),
  };
}

/** Selects the cell of a data issue (the whole row when the column is unknown). */
export function selectIssueCell(tab: string, row: number | null, column: string | null): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return false;
  sheet.activate();
  if (row === null) return true;
  const headers = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
  const index =
    column === null ? -1 : headers.findIndex((h) => normalizeLabel(String(h)) === normalizeLabel(column));
  const range =
    index >= 0
      ? sheet.getRange(row, index + 1)
      : sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn()));
  range.activate();
  return true;
}
