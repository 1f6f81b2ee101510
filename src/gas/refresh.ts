/**
 * Refresh KPIs, under the document lock: read every tracking tab once, compute with the core,
 * rebuild the Dashboard tab from the core's layout, write the refresh stamp and the hidden KPI
 * table (SPEC §6, §10), and report progress through the document cache so the sidebar can show it.
 * Tracking tabs are only read.
 */

import type { Progress, RefreshRequest, RefreshResult, RefreshSummary } from '../core/api';
import { automationNote } from '../core/automation-words';
import { challengesSummary } from '../core/challenge-views';
import { buildCharts, CHART_DATA_SHEET, type ChartSpec } from '../core/charts';
import { comparisonOf, statusWords } from '../core/comparison';
import { computeReport, type Report, reportToJson } from '../core/compute';
import {
  buildDashboard,
  DASHBOARD_NAME,
  FAMILY_LABELS,
  KPI_TABLE_HEADER,
  KPI_TABLE_SHEET,
  kpiTableRows,
  STAMP_RANGE_NAME,
} from '../core/dashboard';
import { buildMembersEditionLayout } from '../core/editions/layout';
import { buildMembersEdition, MEMBERS_EDITION_NAME } from '../core/editions/members';
import { formatKpiValue } from '../core/format';
import { highlightsOf, periodPhrase, periodTitle } from '../core/highlights';
import { HISTORY_HEADER, HISTORY_NAME, mergeHistory } from '../core/history';
import { type Bilingual, type Lang, langOfLocale } from '../core/i18n';
import type { SheetLayout } from '../core/layout';
import { buildLeaderboard, buildStatements, LEADERBOARD_NAME, STATEMENTS_NAME } from '../core/member-tabs';
import { buildVoiceTab, VOICE_NAME } from '../core/voice-tab';
import { ownerOffBoardNotes } from './automation/owner';
import { renewalDashboardNotes } from './automation/renewal';
import { lastAutomationError, lastRun } from './automation/status';
import { now } from './clock';
import { writeFunctionStore } from './function-store';
import { withDocumentLock } from './lock';
import { syncMembershipAnswers } from './membership';
import { readTabsForReport } from './report-reads';
import { purgeLogTabs } from './retention';
import { asText, nowText, renderCharts, renderLayout, todayIn, writeGrid } from './sheets';
import { safeCachePut } from './storage';
import { syncSurveyResponses } from './surveys';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How long a refresh waits for another one to finish before giving up. */
const PROGRESS_KEY = 'clubpulse.progress';
const LAST_KEY = 'clubpulse.last';

const TEXT = {
  busy: {
    fr: 'Une actualisation est déjà en cours sur ce classeur. Réessayez dans une minute.',
    en: 'A refresh is already running on this spreadsheet. Try again in a minute.',
  },
  steps: {
    reading: { fr: 'Lecture des onglets…', en: 'Reading the tabs…' },
    computing: { fr: 'Calcul des indicateurs…', en: 'Computing the KPIs…' },
    writing: { fr: 'Écriture du tableau de bord…', en: 'Writing the dashboard…' },
    done: { fr: 'Terminé.', en: 'Done.' },
  },
};

function cache(): GoogleAppsScript.Cache.Cache | null {
  return CacheService.getDocumentCache();
}

function setProgress(step: Progress['step'], lang: Lang): void {
  const progress: Progress = { step, label: TEXT.steps[step][lang] };
  safeCachePut(PROGRESS_KEY, JSON.stringify(progress), 600);
}

export function getRefreshProgress(): Progress | null {
  const text = cache()?.get(PROGRESS_KEY);
  return text ? (JSON.parse(text) as Progress) : null;
}

/** The last refresh summary kept for the sidebar, if still cached. */
export function lastRefreshSummary(): RefreshSummary | null {
  const text = cache()?.get(LAST_KEY);
  return text ? (JSON.parse(text) as RefreshSummary) : null;
}

export function refreshKpis(request: RefreshRequest = {}): RefreshResult {
  const started = now().getTime();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const localeLang = langOfLocale(ss.getSpreadsheetLocale());
  return withDocumentLock<RefreshResult>(
    () => refreshHeld(ss, request, started),
    () => ({ ok: false, code: 'busy', message: TEXT.busy[localeLang] }),
  );
}

/** The refresh itself, under the document lock its entry point holds. */
export function refreshHeld(ss: Spreadsheet, request: RefreshRequest, started: number): RefreshResult {
  const localeLang = langOfLocale(ss.getSpreadsheetLocale());
  syncSurveyResponses(ss, true);
  syncMembershipAnswers(true);
  setProgress('reading', localeLang);
  const timeZone = ss.getSpreadsheetTimeZone();
  const locale = ss.getSpreadsheetLocale();
  const tabs = readTabsForReport(ss);
  setProgress('computing', localeLang);
  const outcome = computeReport({
    tabs,
    locale,
    timeZone,
    today: request.today || todayIn(timeZone),
    period: request.period,
  });
  if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message };
  const report = outcome.report;
  setProgress('writing', report.lang);
  const refreshedAt = nowText(timeZone);
  const refreshedIso = now().toISOString();
  const charts = writeChartData(ss, report);
  writeDashboard(ss, report, refreshedAt, charts);
  writeMemberTabs(ss, report);
  writeKpiTable(ss, report);
  writeHistory(ss, report);
  writeFunctionStore(ss, report);
  purgeLogTabs(ss, report.settings, report.today);
  SpreadsheetApp.flush();
  const summary = summarize(report, refreshedIso, now().getTime() - started);
  setProgress('done', report.lang);
  safeCachePut(LAST_KEY, JSON.stringify(summary), 21_600);
  return request.withReport
    ? { ok: true, ...summary, report: reportToJson(report) }
    : { ok: true, ...summary };
}

/** The hidden chart-data tab, rebuilt before the dashboard whose charts read it. */
function writeChartData(ss: Spreadsheet, report: Report): ChartSpec[] {
  const data = buildCharts(report);
  const existing = ss.getSheetByName(CHART_DATA_SHEET);
  const sheet = existing ?? ss.insertSheet(CHART_DATA_SHEET, ss.getSheets().length);
  if (!existing) sheet.hideSheet();
  writeGrid(sheet, data.values, true);
  return data.charts;
}

/** History: the refreshed period's rows replaced, the others kept. */
function writeHistory(ss: Spreadsheet, report: Report): void {
  const name = HISTORY_NAME[report.lang];
  let sheet = ss.getSheetByName(name) ?? ss.getSheetByName(HISTORY_NAME[report.lang === 'fr' ? 'en' : 'fr']);
  let existing: unknown[][] = [];
  if (sheet) {
    existing = sheet.getDataRange().getValues();
  } else {
    sheet = ss.insertSheet(name, ss.getSheets().length);
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, HISTORY_HEADER[report.lang].length).setFontWeight('bold');
  }
  writeGrid(sheet, mergeHistory(existing, report), true);
}

/**
 * A generated tab rebuilt from scratch, named in the run's language (its twin in the other language
 * is removed); a new one goes at `newIndex` (0-based) or last. It is built in a temporary sheet put
 * where the tab goes, and takes the tab's place only once complete (`finish` included: charts,
 * protection): a failure midway (a service error, the workbook's cell limit) removes the temporary
 * sheet and leaves the previous tab whole, or none — never a half-written one.
 */
function rebuildTab(
  ss: Spreadsheet,
  names: Bilingual,
  lang: Lang,
  layout: SheetLayout,
  newIndex?: number,
  finish?: (sheet: Sheet) => void,
): Sheet {
  const name = names[lang];
  const tempName = `~${name}`;
  const leftover = ss.getSheetByName(tempName);
  if (leftover) ss.deleteSheet(leftover);
  const old = ss.getSheetByName(name);
  const index = old ? old.getIndex() - 1 : (newIndex ?? ss.getSheets().length);
  const sheet = ss.insertSheet(tempName, index);
  try {
    renderLayout(sheet, layout);
    finish?.(sheet);
  } catch (error) {
    ss.deleteSheet(sheet);
    throw error;
  }
  if (old) ss.deleteSheet(old);
  const stale = ss.getSheetByName(names[lang === 'fr' ? 'en' : 'fr']);
  if (stale) ss.deleteSheet(stale);
  sheet.setName(name);
  return sheet;
}

function writeMemberTabs(ss: Spreadsheet, report: Report): void {
  rebuildTab(ss, LEADERBOARD_NAME, report.lang, buildLeaderboard(report));
  rebuildTab(ss, STATEMENTS_NAME, report.lang, buildStatements(report));
  // The members' edition's preview (issue 19): what may leave the board, rebuilt at each refresh.
  rebuildTab(ss, MEMBERS_EDITION_NAME, report.lang, buildMembersEditionLayout(buildMembersEdition(report)));
  rebuildTab(ss, VOICE_NAME, report.lang, buildVoiceTab(report));
}

function writeDashboard(ss: Spreadsheet, report: Report, refreshedAt: string, charts: ChartSpec[]): void {
  // Issue 17: add-on triggers send no failure e-mail, so the dashboard says how the last run went.
  const notes = report.settings.automation.on
    ? [
        automationNote(lastRun(), lastAutomationError(), report.lang),
        // Issue 20: the owner is no longer in the « Bureau (e-mails) » list.
        ...ownerOffBoardNotes(report.settings.boardEmails, report.lang),
      ]
    : [];
  // Issue 20: the renewal season, and the members to call once the new term has started.
  notes.push(...renewalDashboardNotes(ss, report));
  const layout = buildDashboard(report, refreshedAt, charts, notes);
  rebuildTab(ss, DASHBOARD_NAME, report.lang, layout, 0, (sheet) => {
    renderCharts(ss, sheet, layout);
    sheet
      .protect()
      .setWarningOnly(true)
      .setDescription(
        report.lang === 'fr'
          ? 'Généré par Club Pulse : modifié à chaque actualisation.'
          : 'Generated by Club Pulse: rewritten on each refresh.',
      );
  });
}

/** The hidden KPI table and the stamp: the tab is cleared, never deleted, so the named range survives. */
function writeKpiTable(ss: Spreadsheet, report: Report): void {
  let sheet = ss.getSheetByName(KPI_TABLE_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(KPI_TABLE_SHEET, ss.getSheets().length);
    sheet.hideSheet();
  }
  const rows = kpiTableRows(report);
  const width = KPI_TABLE_HEADER.length;
  const pad = (r: unknown[]) => [...r, ...Array(width - r.length).fill('')];
  const grid = [
    pad(['last_refresh', now(), 'fiscal_year_start_month', report.settings.fyStartMonth]),
    pad(['period', asText(report.period.label)]),
    KPI_TABLE_HEADER,
    ...rows.map((r) => r.map((v) => (v === null ? '' : asText(v)))),
  ];
  const needed = grid.length;
  if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  // Cleared only once grown: a workbook at its cell limit fails above and keeps the last table.
  sheet.clearContents();
  sheet.getRange(1, 1, needed, width).setValues(grid);
  if (!ss.getRangeByName(STAMP_RANGE_NAME)) ss.setNamedRange(STAMP_RANGE_NAME, sheet.getRange(1, 2));
}

/** The sidebar's summary; `refreshedAt` is the ISO instant of the refresh (the page formats it). */
export function summarize(report: Report, refreshedAt: string, durationMs: number): RefreshSummary {
  const { lang } = report;
  const currency = report.settings.currency;
  return {
    period: report.period.label,
    // In the board's words: « 1er semestre 2026 · comparée au 2e semestre 2025 ».
    periodText: periodTitle(report.period, lang),
    previous: periodPhrase(report.previous, lang, 'vs'),
    refreshedAt,
    locale: report.locale,
    timeZone: report.timeZone,
    durationMs,
    kpis: report.kpis.map((k) => {
      const change = comparisonOf(k, report, lang, currency);
      return {
        id: k.id,
        family: k.family,
        familyLabel: FAMILY_LABELS[k.family][lang],
        label: k.label,
        value: formatKpiValue(k.value, k.display, lang, currency),
        delta: change.text,
        trend: change.trend,
        compared: change.period,
        status: k.status,
        statusText: statusWords(k, lang),
        n: k.n,
      };
    }),
    highlights: highlightsOf(report),
    challenges: challengesSummary(report),
    issueCount: report.issues.length,
    issues: report.issues.slice(0, 100),
  };
}
