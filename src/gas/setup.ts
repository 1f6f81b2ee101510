/**
 * "Set up tracking tabs": creates each tracking tab of SPEC §1 that is missing, in the
 * spreadsheet's language — bold frozen header row, a help note on each header, dropdowns on the
 * enumerated and yes/no columns, date and number formats, sensible widths. An existing tab (under
 * its French or English name) is never touched.
 */

import type { SetupResult } from '../core/api';
import { type Lang, langOfLocale } from '../core/i18n';
import { IssueLog } from '../core/issues';
import { matchTabs } from '../core/read';
import { type ColumnSpec, TABS } from '../core/schema';

const YES_NO = { fr: ['oui', 'non'], en: ['yes', 'no'] };

function widthOf(column: ColumnSpec): number {
  if (column.kind === 'date') return 110;
  if (column.kind === 'yesno' || column.kind === 'scale' || column.kind === 'count') return 90;
  if (column.id === 'bio' || column.id === 'story' || column.id === 'comment' || column.id === 'note')
    return 280;
  return 150;
}

function formatOf(column: ColumnSpec): string | null {
  switch (column.kind) {
    case 'date':
      return column.id === 'submitted_at' ? 'dd/MM/yyyy HH:mm' : 'dd/MM/yyyy';
    case 'id':
    case 'ref':
    case 'text':
    case 'term':
    case 'month':
      return '@';
    default:
      return null;
  }
}

function choicesOf(column: ColumnSpec, lang: Lang): string[] | null {
  if (column.kind === 'yesno') return YES_NO[lang];
  if (column.kind === 'enum') return (column.choices ?? []).map((c) => c.label[lang]);
  if (column.kind === 'scale') {
    const values: string[] = [];
    for (let v = column.min ?? 0; v <= (column.max ?? 10); v++) values.push(String(v));
    return values;
  }
  return null;
}

export function setupTrackingTabs(): SetupResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  const present = matchTabs(
    ss.getSheets().map((s) => ({ name: s.getName(), values: [] })),
    new IssueLog(lang),
  );
  const created: string[] = [];
  const existing: string[] = [];
  for (const spec of TABS) {
    const found = present.get(spec.key);
    if (found) {
      existing.push(found.name);
      continue;
    }
    const name = spec.name[lang];
    const sheet = ss.insertSheet(name, ss.getSheets().length);
    const width = spec.columns.length;
    const header = sheet.getRange(1, 1, 1, width);
    header.setValues([spec.columns.map((c) => c.label[lang])]);
    header.setNotes([spec.columns.map((c) => c.help[lang])]);
    header.setFontWeight('bold');
    header.setBackground('#e8f0fe');
    sheet.setFrozenRows(1);
    const rows = sheet.getMaxRows() - 1;
    spec.columns.forEach((column, i) => {
      sheet.setColumnWidth(i + 1, widthOf(column));
      const body = sheet.getRange(2, i + 1, rows, 1);
      const format = formatOf(column);
      if (format) body.setNumberFormat(format);
      const choices = choicesOf(column, lang);
      if (choices) {
        body.setDataValidation(
          SpreadsheetApp.newDataValidation().requireValueInList(choices, true).setAllowInvalid(true).build(),
        );
      }
    });
    created.push(name);
  }
  return { created, existing };
}
