/**
 * The KPI review's server side (issue 18, sidebar « Revue des indicateurs » / "KPI review"):
 * `getKpiReview` computes every KPI of the period, on or off, with the members' votes; and
 * `saveKpiReview` writes the board's decision into the Settings tab — `enabled_kpis`, the targets
 * changed, `last_kpi_review` — under the document lock, updating the row of a key that exists (the
 * value cell only, so a key's formula or note elsewhere is kept) and appending the others in one
 * write. The Settings tab is the board's own; the review writes only the keys it names, and every
 * text goes in as text (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues:
 * a string starting with `=` would be a formula, so values are written through asText).
 */

import { cellLocaleOf } from '../core/cells';
import { computeReport } from '../core/compute';
import { langOfLocale } from '../core/i18n';
import { IssueLog } from '../core/issues';
import {
  type KpiReviewDecision,
  type KpiReviewResult,
  type KpiReviewSaved,
  kpiReviewOf,
  reviewSettingRows,
} from '../core/kpi-review';
import { matchTabs } from '../core/read';
import { tabSpec } from '../core/schema';
import { BUSY, withDocumentLock } from './lock';
import { asText, readTrackingTabs, todayIn } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TEXT = {
  saved: {
    fr: 'Revue enregistrée dans l’onglet Paramètres : {n} indicateur(s) suivi(s). Actualisez les KPI pour mettre le tableau de bord à jour.',
    en: 'Review saved in the Settings tab: {n} KPI(s) followed. Refresh the KPIs to update the dashboard.',
  },
};

function review(ss: Spreadsheet, period: string | null | undefined, today: string): KpiReviewResult {
  const timeZone = ss.getSpreadsheetTimeZone();
  const outcome = computeReport({
    tabs: readTrackingTabs(ss),
    locale: ss.getSpreadsheetLocale(),
    timeZone,
    today,
    period: period || null,
  });
  if (!outcome.ok) return { ok: false, message: outcome.message };
  return { ok: true, review: kpiReviewOf(outcome.report) };
}

/** `today` as asked (the CLI's and tests' `--today`), else the real date in the sheet's time zone. */
function todayOf(ss: Spreadsheet, asked: unknown): string {
  return typeof asked === 'string' && asked ? asked : todayIn(ss.getSpreadsheetTimeZone());
}

/** The review of a period (default: Settings' default period). */
export function getKpiReview(request: { period?: string | null; today?: string } = {}): KpiReviewResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return review(ss, request?.period, todayOf(ss, request?.today));
}

/** The Settings sheet, created with its header when the club has none. */
function settingsSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  const probe = ss.getSheets().map((s) => ({ name: s.getName(), values: [] as unknown[][] }));
  const found = matchTabs(probe, new IssueLog(lang)).get('settings');
  const existing = found ? ss.getSheetByName(found.name) : null;
  if (existing) return existing;
  const spec = tabSpec('settings');
  const sheet = ss.insertSheet(spec.name[lang], ss.getSheets().length);
  sheet.getRange(1, 1, 1, 2).setValues([spec.columns.map((c) => c.label[lang])]);
  return sheet;
}

/** Writes `rows` (key → value) into Settings: the value cell of an existing key, the others appended. */
function writeSettings(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: Array<[string, string | number]>,
): void {
  const values = sheet.getDataRange().getValues();
  const rowOf = new Map<string, number>();
  values.forEach((row, i) => {
    const key = String(row[0] ?? '')
      .trim()
      .toLowerCase();
    if (key && !rowOf.has(key)) rowOf.set(key, i + 1);
  });
  const appended: unknown[][] = [];
  for (const [key, value] of rows) {
    const at = rowOf.get(key);
    if (at) sheet.getRange(at, 2).setValue(asText(value));
    else if (value !== '') appended.push([key, asText(value)]);
  }
  if (appended.length === 0) return;
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  if (sheet.getMaxRows() < start + appended.length - 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), start + appended.length - 1 - sheet.getMaxRows());
  sheet.getRange(start, 1, appended.length, 2).setValues(appended);
}

/** Saves the board's decision into Settings; nothing is written when a target is unreadable. */
export function saveKpiReview(decision: KpiReviewDecision): KpiReviewSaved {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  return withDocumentLock<KpiReviewSaved>(
    () => {
      const today = todayOf(ss, decision?.today);
      const current = review(ss, decision?.period, today);
      if (!current.ok) return current;
      const locale = cellLocaleOf(ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone());
      const asked = {
        enabled: Array.isArray(decision?.enabled) ? decision.enabled.map(String) : [],
        targets: decision?.targets && typeof decision.targets === 'object' ? decision.targets : {},
      };
      const rows = reviewSettingRows(current.review, asked, today, locale, lang);
      if (!rows.ok) return rows;
      writeSettings(settingsSheet(ss), rows.rows);
      const enabled = current.review.rows.filter((r) => asked.enabled.includes(r.id)).length;
      return { ok: true, enabled, message: TEXT.saved[lang].replace('{n}', String(enabled)) };
    },
    () => ({ ok: false, message: BUSY[lang] }),
  );
}
