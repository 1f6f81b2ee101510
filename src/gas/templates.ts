/**
 * The « Modèles » / « Templates » tab (core/mail-templates.ts): read before e-mails are written, and
 * created with the default texts (both languages, the club's first) when automation is switched on,
 * so that the board can edit them. Cells are written as text (a subject starting with `=` stays text).
 */

import type { Lang } from '../core/i18n';
import { defaultTemplateRows, parseTemplates, type Templates } from '../core/mail-templates';
import { normalizeLabel } from '../core/normalize';
import { TEMPLATES_TAB } from '../core/schema';
import { writeGrid } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function findTemplates(ss: Spreadsheet): Sheet | null {
  const names = [TEMPLATES_TAB.name.fr, TEMPLATES_TAB.name.en].map(normalizeLabel);
  return ss.getSheets().find((s) => names.includes(normalizeLabel(s.getName()))) ?? null;
}

/** The club's templates (an empty map, i.e. the defaults, when the tab is missing). */
export function readTemplates(ss: Spreadsheet): Templates {
  const sheet = findTemplates(ss);
  return sheet ? parseTemplates(sheet.getDataRange().getValues()) : new Map();
}

/** Creates the Templates tab with the default texts when it is missing; true when created. */
export function ensureTemplatesTab(ss: Spreadsheet, lang: Lang): boolean {
  if (findTemplates(ss)) return false;
  const sheet = ss.insertSheet(TEMPLATES_TAB.name[lang], ss.getSheets().length);
  writeGrid(sheet, defaultTemplateRows(lang));
  sheet.getRange(1, 1, 1, TEMPLATES_TAB.columns.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return true;
}
