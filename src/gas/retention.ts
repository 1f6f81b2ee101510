/**
 * Purging the log tabs at refresh (issue 20): rows older than Settings `log_retention_months` go.
 * Each log tab that has old rows is rewritten in one clear and one setValues (sheets.ts writeGrid).
 */

import { cellLocaleOf } from '../core/cells';
import { logTabOf, purgeOldRows, retentionCutoff } from '../core/log-retention';
import type { Settings } from '../core/settings';
import { writeGrid } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Purges every log tab; returns the number of rows removed. */
export function purgeLogTabs(ss: Spreadsheet, settings: Settings, today: number): number {
  const locale = cellLocaleOf(ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone());
  const cutoff = retentionCutoff(today, settings.logRetentionMonths);
  let purged = 0;
  for (const sheet of ss.getSheets()) {
    const spec = logTabOf(sheet.getName());
    if (!spec) continue;
    const result = purgeOldRows(sheet.getDataRange().getValues(), spec, cutoff, locale);
    if (!result) continue;
    writeGrid(sheet, result.kept, true);
    purged += result.purged;
  }
  return purged;
}
