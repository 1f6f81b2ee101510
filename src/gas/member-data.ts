/**
 * A member's data in Sheets (issue 20): « Exporter les données d'un membre » shows every row naming
 * the member in a printable dialog with the JSON to download; « Effacer un membre » erases their
 * personal data after a confirmation, under the document lock, then refreshes so the generated tabs
 * are rebuilt without them. The core (member-data.ts) finds the rows and plans the cell edits; here
 * every sheet is read once and each changed sheet written back in one rectangle (formulas kept,
 * text written as text), whatever the number of cells.
 */

import type { EraseRequest, EraseResult, MemberExportResult } from '../core/api';
import { type Lang, langOfLocale } from '../core/i18n';
import { type CellEdit, exportMemberData, planErase } from '../core/member-data';
import type { CellExtras, NoteEdit } from '../core/member-erase-extras';
import { memberExportHtml } from '../core/member-export-html';
import type { RawTab } from '../core/read';
import { now } from './clock';
import { BUSY, withDocumentLock } from './lock';
import { setValuesKeepingText } from './plain-text';
import { refreshHeld } from './refresh';
import { asText, todayIn } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TEXT = {
  confirm: {
    fr: 'Confirmez l’effacement en redonnant l’ID du membre ({id}).',
    en: 'Confirm the erasure by giving the member ID again ({id}).',
  },
  exportTitle: { fr: 'Données de {id}', en: 'Data of {id}' },
  promptMember: { fr: 'ID, e-mail ou nom du membre :', en: 'Member ID, email or name:' },
  eraseQuestion: {
    fr: 'Effacer les données personnelles de {id} ({name}) ? Noms, e-mail, téléphone, entreprise, bio, liens, photo et textes libres seront effacés partout ; l’ID et les chiffres restent. Action définitive.',
    en: 'Erase the personal data of {id} ({name})? Names, email, phone, company, bio, links, photo and free texts are erased everywhere; the ID and the figures stay. This cannot be undone.',
  },
  erased: {
    fr: 'Données de {id} effacées ({cells} cellule(s), {notes} note(s)).{formulas}',
    en: 'Data of {id} erased ({cells} cell(s), {notes} note(s)).{formulas}',
  },
  formulas: {
    fr: ' Formules qui le citaient, remplacées par leur valeur : {cells}.',
    en: ' Formulas quoting them, replaced by their value: {cells}.',
  },
  already: { fr: '{id} est déjà effacé : rien à changer.', en: '{id} is already erased: nothing to change.' },
};

const say = (text: { fr: string; en: string }, lang: Lang, values: Record<string, string | number>): string =>
  text[lang].replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? ''));

function context(ss: Spreadsheet) {
  const timeZone = ss.getSpreadsheetTimeZone();
  return { locale: ss.getSpreadsheetLocale(), timeZone, today: todayIn(timeZone) };
}

/** Every sheet of the workbook, one getValues each. */
function readAllTabs(ss: Spreadsheet): RawTab[] {
  return ss.getSheets().map((sheet) => ({ name: sheet.getName(), values: sheet.getDataRange().getValues() }));
}

/** Sidebar and CLI: every row of every tab naming the member, as JSON. */
export function exportMemberDataOf(member: string): MemberExportResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = exportMemberData({ ...context(ss), tabs: readAllTabs(ss), member: String(member ?? '') });
  return result.ok ? { ok: true, data: result.data } : result;
}

/**
 * Sidebar and menu: the export as a printable page in a modal dialog, with the JSON to download.
 * https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutput(String)
 * https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
 */
export function showMemberExport(member: string): MemberExportResult {
  const result = exportMemberDataOf(member);
  if (!result.ok) return result;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  const html = HtmlService.createHtmlOutput(memberExportHtml(result.data, lang)).setWidth(900).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, say(TEXT.exportTitle, lang, { id: result.data.member.id }));
  return result;
}

/**
 * Sidebar and CLI: erases the member's personal data. `confirm` must repeat the member's id as the
 * preview gave it (`preview: true` plans without writing), so a stale or mistyped request erases nothing.
 */
export function eraseMember(request: EraseRequest): EraseResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  return withDocumentLock<EraseResult>(
    () => eraseHeld(ss, request, lang),
    () => ({ ok: false, code: 'busy', message: BUSY[lang] }),
  );
}

function eraseHeld(ss: Spreadsheet, asked: EraseRequest | undefined, lang: Lang): EraseResult {
  const request: EraseRequest = asked ?? { member: '' };
  const tabs = readAllTabs(ss);
  const extras = readExtras(ss);
  const planned = planErase({ ...context(ss), tabs, extras, member: String(request.member ?? '') });
  if (!planned.ok) return planned;
  const { plan } = planned;
  const summary = {
    memberId: plan.memberId,
    replacement: plan.replacement,
    cells: plan.edits.length,
    already: plan.already,
    notes: plan.notes.length,
    formulas: plan.formulas,
  };
  if (request.preview || plan.already) return { ok: true, erased: false, ...summary };
  if (String(request.confirm ?? '').trim() !== plan.memberId)
    return { ok: false, code: 'not_confirmed', message: say(TEXT.confirm, lang, { id: plan.memberId }) };
  applyEdits(ss, tabs, plan.edits);
  applyNoteEdits(ss, plan.notes);
  // The generated tabs are rebuilt from the erased data (names gone from the Palmarès, Bilans…).
  refreshHeld(ss, {}, now().getTime());
  return { ok: true, erased: true, ...summary };
}

/** Each changed sheet written back as one rectangle: 3 calls per sheet (formulas, formats, values). */
function applyEdits(ss: Spreadsheet, tabs: RawTab[], edits: CellEdit[]): void {
  const byTab = new Map<string, CellEdit[]>();
  for (const e of edits) byTab.set(e.tab, [...(byTab.get(e.tab) ?? []), e]);
  for (const [name, list] of byTab) {
    const sheet = ss.getSheetByName(name);
    const values = tabs.find((t) => t.name === name)?.values;
    if (!sheet || !values) continue;
    const top = Math.min(...list.map((e) => e.row));
    const bottom = Math.max(...list.map((e) => e.row));
    const left = Math.min(...list.map((e) => e.column));
    const right = Math.max(...list.map((e) => e.column));
    if (right > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), right - sheet.getMaxColumns());
    const range = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
    const formulas = range.getFormulas();
    const grid: unknown[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: unknown[] = [];
      for (let c = left; c <= right; c++) {
        const formula = formulas[r - top]?.[c - left];
        const value = values[r - 1]?.[c - 1] ?? '';
        row.push(formula ? formula : asText(value));
      }
      grid.push(row);
    }
    for (const e of list) grid[e.row - top][e.column - left] = e.value === null ? '' : asText(e.value);
    setValuesKeepingText(range, grid);
  }
}

/**
 * Each sheet's formulas and notes (issue 20: an erasure also reaches them), two calls per sheet.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getformulas and #getnotes
 */
function readExtras(ss: Spreadsheet): Record<string, CellExtras> {
  const out: Record<string, CellExtras> = {};
  for (const sheet of ss.getSheets()) {
    const range = sheet.getDataRange();
    out[sheet.getName()] = { formulas: range.getFormulas(), notes: range.getNotes() };
  }
  return out;
}

/** The notes to change, one rectangle per sheet (getNotes, setNotes). */
function applyNoteEdits(ss: Spreadsheet, edits: NoteEdit[]): void {
  const byTab = new Map<string, NoteEdit[]>();
  for (const e of edits) byTab.set(e.tab, [...(byTab.get(e.tab) ?? []), e]);
  for (const [name, list] of byTab) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const top = Math.min(...list.map((e) => e.row));
    const left = Math.min(...list.map((e) => e.column));
    const range = sheet.getRange(
      top,
      left,
      Math.max(...list.map((e) => e.row)) - top + 1,
      Math.max(...list.map((e) => e.column)) - left + 1,
    );
    const notes = range.getNotes();
    for (const e of list) notes[e.row - top]![e.column - left] = e.note ?? '';
    // https://developers.google.com/apps-script/reference/spreadsheet/range#setnotesnotes
    range.setNotes(notes);
  }
}

/** Menu: asks for the member, then shows the export dialog. */
export function menuExportMember(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  const ui = SpreadsheetApp.getUi();
  // https://developers.google.com/apps-script/reference/base/ui#prompt(String,String,ButtonSet)
  const answer = ui.prompt('Club Pulse', TEXT.promptMember[lang], ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const result = showMemberExport(answer.getResponseText());
  if (!result.ok) ui.alert(result.message);
}

/** Menu: asks for the member, shows what goes, asks YES/NO, then erases. */
export function menuEraseMember(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt('Club Pulse', TEXT.promptMember[lang], ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const member = answer.getResponseText();
  const preview = eraseMember({ member, preview: true });
  if (!preview.ok) {
    ui.alert(preview.message);
    return;
  }
  if (preview.already) {
    ui.alert(say(TEXT.already, lang, { id: preview.memberId }));
    return;
  }
  const found = exportMemberDataOf(member);
  const name = found.ok ? `${found.data.member.firstName} ${found.data.member.lastName}`.trim() : '';
  // https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
  const sure = ui.alert(
    'Club Pulse',
    say(TEXT.eraseQuestion, lang, { id: preview.memberId, name }),
    ui.ButtonSet.YES_NO,
  );
  if (sure !== ui.Button.YES) return;
  const done = eraseMember({ member, confirm: preview.memberId });
  if (!done.ok) {
    ui.alert(done.message);
    return;
  }
  const formulas = done.formulas.length ? say(TEXT.formulas, lang, { cells: done.formulas.join(', ') }) : '';
  ui.alert(say(TEXT.erased, lang, { id: done.memberId, cells: done.cells, notes: done.notes, formulas }));
}
