/**
 * Imports from the sidebar or the CLI (SPEC §8): the export's text is parsed (CSV), planned by the
 * core against the current tracking tabs, previewed (rows to add per tab, lines skipped and why),
 * and — on confirmation — appended under the document lock: one header write where a column (the
 * source reference) is missing, one setValues per tab, dates as real dates in the spreadsheet's
 * time zone, text always as text. Re-importing the same file adds nothing.
 */

import type { ImportPreview, ImportRequest, ImportResult } from '../core/api';
import { dayFromIso, ymdOf } from '../core/dates';
import { type Lang, langOfLocale } from '../core/i18n';
import { parseCsvText } from '../core/imports/csv';
import {
  type ImportPlan,
  planImport,
  proposeMapping,
  SOURCE_IDS,
  type SourceId,
} from '../core/imports/index';
import { placeAddition } from '../core/imports/place';
import { IssueLog } from '../core/issues';
import { matchTabs } from '../core/read';
import { tabSpec } from '../core/schema';
import { instantOf } from '../core/timezone';
import { BUSY, withDocumentLock } from './lock';
import { writeGeneratedTab } from './network';
import { setValuesKeepingText } from './plain-text';
import { asText, readTrackingTabs } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function plan(
  ss: Spreadsheet,
  request: ImportRequest,
): { ok: true; plan: ImportPlan } | { ok: false; message: string } {
  const locale = ss.getSpreadsheetLocale();
  const lang = langOfLocale(locale);
  const rows = request.rows ?? parseCsvText(request.text ?? '');
  // The user's mapping corrects the proposal column by column (a column left out keeps its proposal).
  const mapping = request.mapping
    ? { ...proposeMapping((rows[0] ?? []).map((h) => h.trim())), ...request.mapping }
    : undefined;
  const source = SOURCE_IDS.includes(request.source as SourceId) ? (request.source as SourceId) : undefined;
  return planImport({
    rows,
    fileName: request.fileName,
    source,
    lang,
    locale,
    timeZone: ss.getSpreadsheetTimeZone(),
    existing: { tabs: readTrackingTabs(ss) },
    mapping,
    event: request.event,
  });
}

function preview(p: ImportPlan, written: boolean): ImportPreview {
  return {
    ok: true,
    source: p.source,
    sourceLabel: p.sourceLabel,
    summary: written ? p.summary : p.plannedSummary,
    additions: [
      ...p.additions.map((a) => ({ tabName: a.tabName, rows: a.rows.length })),
      ...(p.generated ? [{ tabName: p.generated.tabName, rows: p.generated.rows.length }] : []),
    ],
    skipped: p.skipped,
    notes: p.notes,
    mapping: p.mapping,
    written,
  };
}

export function previewImport(request: ImportRequest): ImportResult {
  const result = plan(SpreadsheetApp.getActiveSpreadsheet(), request);
  return result.ok ? preview(result.plan, false) : result;
}

/** A cell as it is written: ISO dates of date columns become Dates at midnight in the sheet's zone. */
export function cellOf(value: unknown, isDate: boolean, timeZone: string): unknown {
  if (isDate && typeof value === 'string') {
    const day = dayFromIso(value);
    if (day !== null) {
      const { year, month, day: d } = ymdOf(day);
      return new Date(
        instantOf({ year, month, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone),
      );
    }
  }
  return asText(value);
}

export function applyImport(request: ImportRequest): ImportResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  return withDocumentLock<ImportResult>(
    () => applyHeld(ss, request, lang),
    () => ({ ok: false, message: BUSY[lang] }),
  );
}

/** The import itself, under the document lock its entry point holds. */
function applyHeld(ss: Spreadsheet, request: ImportRequest, lang: Lang): ImportResult {
  const result = plan(ss, request);
  if (!result.ok) return result;
  if (result.plan.generated) writeGeneratedTab(ss, result.plan.generated);
  const timeZone = ss.getSpreadsheetTimeZone();
  const sheets = ss.getSheets();
  const present = matchTabs(
    sheets.map((s) => ({ name: s.getName(), values: [] })),
    new IssueLog(lang),
  );
  for (const addition of result.plan.additions) {
    if (addition.rows.length === 0) continue;
    const found = present.get(addition.tab);
    const sheet = found
      ? ss.getSheetByName(found.name)!
      : ss.insertSheet(addition.tabName, ss.getSheets().length);
    const lastColumn = sheet.getLastColumn();
    const header = found && lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : null;
    const placed = placeAddition(header, addition, lang);
    const dateColumns = new Set(
      tabSpec(addition.tab)
        .columns.filter((c) => c.kind === 'date')
        .flatMap((c) => [c.label.fr, c.label.en, c.id]),
    );
    const isDate = placed.header.map((h) => dateColumns.has(h));
    if (!header) {
      sheet.getRange(1, 1, 1, placed.header.length).setValues([placed.header]).setFontWeight('bold');
      sheet.setFrozenRows(1);
    } else if (placed.addedColumns.length > 0) {
      const first = placed.addedColumns[0];
      sheet
        .getRange(1, first + 1, 1, placed.addedColumns.length)
        .setValues([placed.addedColumns.map((i) => placed.header[i])]);
    }
    const start = Math.max(sheet.getLastRow(), 1) + 1;
    const needed = start + placed.rows.length - 1;
    if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
    if (sheet.getMaxColumns() < placed.header.length) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), placed.header.length - sheet.getMaxColumns());
    }
    const values = placed.rows.map((row) => row.map((v, i) => cellOf(v, isDate[i], timeZone)));
    setValuesKeepingText(sheet.getRange(start, 1, values.length, placed.header.length), values);
  }
  return preview(result.plan, true);
}
