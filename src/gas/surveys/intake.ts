/**
 * The intake of survey answers into the Responses tab, under the document lock and keyed (form,
 * response row), from the form-submit trigger and from every Refresh. `_ClubPulse_Intake` (hidden)
 * keeps per survey the response-tab rows already taken in ("2-21,23"); a response tab is found by
 * `Sheet.getFormUrl()`, never by name. The only writes to a tracking tab: rows appended to
 * Responses (and the headers of Responses columns it lacks).
 */

import type { Lang } from '../../core/i18n';
import { tabSpec } from '../../core/schema';
import {
  formIdOfUrl,
  type LedgerRows,
  ledgerGrid,
  missingResponseColumns,
  parseLedger,
  responseColumns,
  responseLines,
  type SurveyEntry,
} from '../../core/survey-registry';
import { normalizeAnswer, type ResponseRecord } from '../../core/surveys';
import { withDocumentLock } from '../lock';
import { onMembershipSubmit } from '../membership';
import { setValuesKeepingText } from '../plain-text';
import { asText } from '../sheets';
import { surveysCreatedAnonymous } from '../survey-anonymity';
import { findTab, linkedSheets, type Registry, readRegistry, readSettingsOnly } from './registry';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const INTAKE_SHEET = '_ClubPulse_Intake';

interface Ledger {
  sheet: Sheet | null;
  bySurvey: LedgerRows;
}

function readLedger(sheets: Sheet[]): Ledger {
  const sheet = sheets.find((s) => s.getName() === INTAKE_SHEET) ?? null;
  return { sheet, bySurvey: sheet ? parseLedger(sheet.getDataRange().getValues()) : new Map() };
}

function writeLedger(ss: Spreadsheet, ledger: Ledger): void {
  let sheet = ledger.sheet;
  if (!sheet) {
    sheet = ss.insertSheet(INTAKE_SHEET, ss.getSheets().length);
    sheet.hideSheet();
    ledger.sheet = sheet;
  }
  const grid = ledgerGrid(ledger.bySurvey, asText);
  if (grid.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  sheet.getRange(1, 1, grid.length, 3).setValues(grid);
}

/** Appends records to the Responses tab in one write (creating the tab or missing columns if needed). */
function appendResponses(ss: Spreadsheet, sheets: Sheet[], records: ResponseRecord[], lang: Lang): void {
  if (records.length === 0) return;
  const spec = tabSpec('responses');
  let sheet = findTab(sheets, 'responses');
  if (!sheet) {
    sheet = ss.insertSheet(spec.name[lang], ss.getSheets().length);
    sheet.getRange(1, 1, 1, spec.columns.length).setValues([spec.columns.map((c) => c.label[lang])]);
    sheet.setFrozenRows(1);
  }
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!;
  let width = header.length;
  while (width > 0 && String(header[width - 1]) === '') width--;
  const columns = responseColumns(header.slice(0, width));
  // Columns these answers need and the tab lacks are added at the end, headed in the club's language.
  const needed = missingResponseColumns(columns, records);
  if (needed.length > 0) {
    const start = width + 1;
    const end = width + needed.length;
    if (end > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), end - sheet.getMaxColumns());
    sheet.getRange(1, start, 1, needed.length).setValues([needed.map((c) => c.label[lang])]);
    needed.forEach((c, i) => {
      columns.set(c.id, width + i);
    });
    width = end;
  }
  const first = Math.max(sheet.getLastRow(), 1) + 1;
  const last = first + records.length - 1;
  if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  setValuesKeepingText(
    sheet.getRange(first, 1, records.length, width),
    responseLines(records, columns, width, asText),
  );
}

export interface IntakeResult {
  added: number;
}

/** Writes back the response tab name and the answer count of the entries that changed. */
function updateRegistry(
  registry: Registry,
  updates: Array<{ entry: SurveyEntry; tab: string; answers: number }>,
): void {
  if (!registry.sheet) return;
  const tabColumn = registry.columns.get('response_tab');
  const answersColumn = registry.columns.get('answers');
  for (const u of updates) {
    if (tabColumn !== undefined && u.tab !== u.entry.responseTab)
      registry.sheet.getRange(u.entry.row, tabColumn + 1).setValue(asText(u.tab));
    if (answersColumn !== undefined && u.answers !== u.entry.answers)
      registry.sheet.getRange(u.entry.row, answersColumn + 1).setValue(u.answers);
    u.entry.responseTab = u.tab;
    u.entry.answers = u.answers;
  }
}

/**
 * Takes in every answer of the given registered surveys that is not in the ledger yet. Call under
 * the document lock. `linked` maps form ids to their response tabs.
 */
export function intake(
  ss: Spreadsheet,
  sheets: Sheet[],
  entries: SurveyEntry[],
  linked: Map<string, Sheet>,
  registry: Registry,
): IntakeResult {
  if (entries.length === 0) return { added: 0 };
  const { settings, lang } = readSettingsOnly(ss, sheets);
  const madeAnonymous = surveysCreatedAnonymous();
  const ledger = readLedger(sheets);
  const records: ResponseRecord[] = [];
  const updates: Array<{ entry: SurveyEntry; tab: string; answers: number }> = [];
  let ledgerChanged = false;
  for (const entry of entries) {
    const sheet = linked.get(entry.formId);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    const header = values[0] ?? [];
    let seen = ledger.bySurvey.get(entry.surveyId);
    // A survey whose form was replaced (a new anonymous form) starts a new count of rows.
    if (!seen || seen.formId !== entry.formId) {
      seen = { formId: entry.formId, rows: new Set() };
      ledger.bySurvey.set(entry.surveyId, seen);
      ledgerChanged = true;
    }
    let answers = 0;
    for (let r = 1; r < values.length; r++) {
      const record = normalizeAnswer(header, values[r]!, {
        surveyId: entry.surveyId,
        kind: entry.kind,
        eventId: entry.kind === 'hot' ? entry.target : '',
        anonymous: settings.anonymousSurveys || madeAnonymous.has(entry.surveyId),
        lang,
      });
      if (!record) continue;
      answers++;
      if (seen.rows.has(r + 1)) continue;
      seen.rows.add(r + 1);
      records.push(record);
      ledgerChanged = true;
    }
    const tab = sheet.getName();
    if (tab !== entry.responseTab || answers !== entry.answers) updates.push({ entry, tab, answers });
  }
  appendResponses(ss, sheets, records, lang);
  if (ledgerChanged) writeLedger(ss, ledger);
  updateRegistry(registry, updates);
  return { added: records.length };
}

/**
 * Every registered response tab re-read; what is missing from Responses is added (called at the
 * start of each Refresh, which already holds the document lock). Never throws: an intake problem
 * must not stop a refresh.
 */
export function syncSurveyResponses(ss: Spreadsheet, lockHeld = false): IntakeResult {
  try {
    return withDocumentLock(
      () => {
        const sheets = ss.getSheets();
        const registry = readRegistry(sheets);
        if (registry.entries.length === 0) return { added: 0 };
        return intake(ss, sheets, registry.entries, linkedSheets(sheets), registry);
      },
      () => ({ added: 0 }),
      lockHeld,
    );
  } catch (e) {
    console.error(`Club Pulse: survey intake failed: ${e instanceof Error ? e.message : String(e)}`);
    return { added: 0 };
  }
}

/** The installable spreadsheet form-submit trigger: takes in the answers of the form that was answered. */
export function onSurveySubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const range = e?.range;
  if (!range) {
    syncSurveyResponses(ss);
    return;
  }
  const answered = range.getSheet();
  const url = answered.getFormUrl();
  if (!url) return;
  // The membership form's answers go to Members (membership.ts).
  if (onMembershipSubmit(ss, answered)) return;
  withDocumentLock(
    () => {
      const sheets = ss.getSheets();
      const registry = readRegistry(sheets);
      let formId = formIdOfUrl(url);
      if (!formId) formId = FormApp.openByUrl(url).getId();
      const entry = registry.entries.find((x) => x.formId === formId);
      // A form that is not one of ours: nothing to do.
      if (!entry) return null;
      return intake(ss, sheets, [entry], new Map([[formId, answered]]), registry);
    },
    // Busy: the next refresh takes the answer in.
    () => null,
  );
}
