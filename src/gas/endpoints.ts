/**
 * The server side of the sidebar (`google.script.run`), implementing `ServerApi` of src/core/api.ts with
 * JSON-only values: the sidebar's initial state, refresh and its progress, selecting the cell of a
 * data issue, setting up tracking tabs, surveys (surveys.ts).
 */

import type { ServerApi, SidebarState } from '../core/api';
import { dayFromIso } from '../core/dates';
import { langOfLocale } from '../core/i18n';
import { normalizeLabel } from '../core/normalize';
import { lastCompletedSemester, parsePeriod, previousPeriod } from '../core/periods';
import { applyImport, previewImport } from './imports';
import { getRefreshProgress, lastRefreshSummary, refreshKpis } from './refresh';
import { setupTrackingTabs } from './setup';
import { todayIn } from './sheets';
import {
  createColdSurvey,
  createHotSurvey,
  listSurveyTargets,
  sendSurveyInvitations,
  surveyLinks,
} from './surveys';

export function getSidebarState(): SidebarState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  const today = dayFromIso(todayIn(ss.getSpreadsheetTimeZone()))!;
  const periods: SidebarState['periods'] = [];
  let p = lastCompletedSemester(today);
  for (let i = 0; i < 4; i++) {
    periods.push({ label: p.label, text: p.label });
    p = previousPeriod(p);
  }
  const year = parsePeriod(String(Number(periods[0].label.slice(0, 4))))!;
  periods.push({ label: year.label, text: year.label });
  return {
    lang,
    clubName: ss.getName(),
    periods,
    defaultPeriod: periods[0].label,
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

export const endpoints: ServerApi = {
  getSidebarState,
  refreshKpis,
  getRefreshProgress,
  selectIssueCell,
  setupTrackingTabs,
  previewImport,
  applyImport,
  listSurveyTargets,
  createHotSurvey,
  createColdSurvey,
  surveyLinks,
  sendSurveyInvitations,
};
