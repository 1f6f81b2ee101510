/**
 * The « Journal des envois » / « Mail log » tab in the spreadsheet (rows: core/mail-log.ts), and the
 * old hidden `_ClubPulse_Mail` log, still read so that nothing sent before is sent again. Every
 * e-mail Club Pulse sends is logged here the moment it is sent, one row at a time, under the
 * document lock the caller holds: a run stopped midway (quota, the 6-minute limit) leaves every
 * e-mail it sent logged, and the next run resumes from there.
 */

import { dayFromIso } from '../core/dates';
import type { Lang } from '../core/i18n';
import {
  alreadyLogged,
  type MailLogRow,
  type MailMemory,
  mailLogColumns,
  mailLogHeader,
  mailLogLine,
  type Outcome,
  readMailMemory,
  remember,
} from '../core/mail-log';
import { normalizeLabel } from '../core/normalize';
import { MAIL_LOG_TAB } from '../core/schema';
import { asText } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The hidden log of the surveys before issue 17 (survey, recipient key, kind, day): read only. */
export const LEGACY_MAIL_SHEET = '_ClubPulse_Mail';

export interface MailLog {
  ss: Spreadsheet;
  sheet: Sheet | null;
  columns: Map<string, number>;
  /** The last row holding data (1 = the header alone). */
  rows: number;
  lang: Lang;
  memory: MailMemory;
}

function findMailLog(sheets: Sheet[]): Sheet | null {
  const names = [MAIL_LOG_TAB.name.fr, MAIL_LOG_TAB.name.en].map(normalizeLabel);
  return sheets.find((s) => names.includes(normalizeLabel(s.getName()))) ?? null;
}

/** Reads the Mail log tab (and the old hidden log) once. */
export function openMailLog(ss: Spreadsheet, lang: Lang): MailLog {
  const sheets = ss.getSheets();
  const sheet = findMailLog(sheets);
  const legacy = sheets.find((s) => s.getName() === LEGACY_MAIL_SHEET);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  const memory = readMailMemory(values, legacy ? legacy.getDataRange().getValues() : []);
  let rows = values.length;
  while (rows > 1 && values[rows - 1]!.every((v) => v === '' || v === null)) rows--;
  return { ss, sheet, columns: mailLogColumns(values[0] ?? []), rows, lang, memory };
}

function createSheet(log: MailLog): Sheet {
  const header = mailLogHeader(log.lang);
  const sheet = log.ss.insertSheet(MAIL_LOG_TAB.name[log.lang], log.ss.getSheets().length);
  const range = sheet.getRange(1, 1, 1, header.length);
  range.setValues([header]);
  range.setFontWeight('bold');
  sheet.setFrozenRows(1);
  log.sheet = sheet;
  log.columns = mailLogColumns(header);
  log.rows = 1;
  return sheet;
}

/**
 * Appends one row (a skip only once: the same skip of the same person is not logged every day)
 * and records it in the memory.
 */
export function logMail(log: MailLog, row: MailLogRow, outcome: Outcome): void {
  if (outcome !== 'sent' && outcome !== 'quota' && alreadyLogged(log.memory, row)) return;
  let sheet = log.sheet;
  if (!sheet) sheet = createSheet(log);
  // A tab whose header was emptied by hand gets it back.
  else if (log.columns.size === 0) rewriteHeader(log, sheet);
  const line = mailLogLine(row, log.lang, log.columns, asText);
  const at = log.rows + 1;
  if (at > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), at - sheet.getMaxRows());
  if (line.length > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), line.length - sheet.getMaxColumns());
  sheet.getRange(at, 1, 1, line.length).setValues([line]);
  log.rows = at;
  remember(log.memory, row, outcome, dayFromIso(row.date.slice(0, 10)) ?? 0);
}

function rewriteHeader(log: MailLog, sheet: Sheet): void {
  const header = mailLogHeader(log.lang);
  if (header.length > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), header.length - sheet.getMaxColumns());
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  log.columns = mailLogColumns(header);
  log.rows = Math.max(log.rows, 1);
}
