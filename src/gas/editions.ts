/**
 * The print views of the editions (issue 19): the members' and the funders' edition of the period of
 * the last refresh (or the one asked), computed from the tracking tabs (read only) and shown as HTML
 * in a modal dialog — `HtmlService.createHtmlOutput(html)`
 * (https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutput(String)),
 * sized with `HtmlOutput.setWidth/setHeight`
 * (https://developers.google.com/apps-script/reference/html/html-output) and shown by
 * `Ui.showModalDialog` (https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)).
 * The dialog's iframe allows modals, so its button can call window.print()
 * (https://developers.google.com/apps-script/guides/html/restrictions). `editionHtml` returns the
 * same page to the local CLI (`club-pulse report`).
 */

import type { EditionKind, EditionRequest, EditionResult } from '../core/api';
import { computeReport, type Report } from '../core/compute';
import { KPI_TABLE_SHEET } from '../core/dashboard';
import { buildFundersEdition, FUNDERS_EDITION_NAME } from '../core/editions/funders';
import { fundersEditionHtml, membersEditionHtml } from '../core/editions/html';
import { buildMembersEdition, MEMBERS_EDITION_NAME } from '../core/editions/members';
import { readTrackingTabs, todayIn } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DIALOG = { width: 900, height: 680 };

/** The period label of the last refresh (row 2 of the hidden KPI table), '' when none. */
export function lastRefreshedPeriod(ss: Spreadsheet): string {
  const sheet = ss.getSheetByName(KPI_TABLE_SHEET);
  if (!sheet || sheet.getLastRow() < 2) return '';
  const [key, value] = sheet.getRange(2, 1, 1, 2).getValues()[0];
  return key === 'period' ? String(value ?? '').trim() : '';
}

/** The report of an edition: the period asked, else the last refresh's. */
export function reportOf(
  ss: Spreadsheet,
  request: EditionRequest,
): { ok: true; report: Report } | EditionResult {
  const timeZone = ss.getSpreadsheetTimeZone();
  const outcome = computeReport({
    tabs: readTrackingTabs(ss),
    locale: ss.getSpreadsheetLocale(),
    timeZone,
    today: request.today || todayIn(timeZone),
    period: request.period || lastRefreshedPeriod(ss) || null,
  });
  if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message };
  return outcome;
}

/** The page of an edition (members' or funders'), for the dialog and the CLI. */
export function editionHtml(request: EditionRequest): EditionResult {
  const kind: EditionKind = request.kind === 'funders' ? 'funders' : 'members';
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const outcome = reportOf(ss, request);
  if (!('report' in outcome)) return outcome;
  const report = outcome.report;
  const names = kind === 'funders' ? FUNDERS_EDITION_NAME : MEMBERS_EDITION_NAME;
  const html =
    kind === 'funders'
      ? fundersEditionHtml(buildFundersEdition(report))
      : membersEditionHtml(buildMembersEdition(report));
  return { ok: true, kind, period: report.period.label, title: names[report.lang], html };
}

function showEdition(kind: EditionKind): EditionResult {
  const result = editionHtml({ kind });
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!result.ok) {
    ss.toast(result.message, 'Club Pulse');
    return result;
  }
  const output = HtmlService.createHtmlOutput(result.html)
    .setTitle(result.title)
    .setWidth(DIALOG.width)
    .setHeight(DIALOG.height);
  SpreadsheetApp.getUi().showModalDialog(output, `${result.title} — ${result.period}`);
  // The dialog has the page; the sidebar only needs to know it opened.
  return { ...result, html: '' };
}

/** Menu and sidebar: the members' edition in a print dialog. */
export function showMembersEdition(): EditionResult {
  return showEdition('members');
}

/** Menu and sidebar: the funders' edition in a print dialog. */
export function showFundersEdition(): EditionResult {
  return showEdition('funders');
}
