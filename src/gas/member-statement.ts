/**
 * One member's statement as a printable page (issue 20), from the sidebar and for the CLI: the
 * club is read once (core/statement-page.ts builds the page) and shown in a modal dialog, as the
 * member-data export is (member-data.ts).
 * https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutput(String)
 * https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
 */

import type { MemberStatementRequest, MemberStatementResult } from '../core/api';
import { dayFromIso } from '../core/dates';
import type { Lang } from '../core/i18n';
import { memberStatementPage } from '../core/statement-page';
import { loadClub } from './surveys/registry';

const TITLE = { fr: 'Bilan de {id}', en: 'Statement of {id}' };

function statementOf(request: MemberStatementRequest): { result: MemberStatementResult; lang: Lang } {
  const ctx = loadClub(SpreadsheetApp.getActiveSpreadsheet());
  const result = memberStatementPage({
    club: ctx.club,
    settings: ctx.settings,
    lang: ctx.lang,
    today: dayFromIso(ctx.today)!,
    member: String(request?.member ?? ''),
    period: request?.period === undefined ? undefined : String(request.period),
  });
  return { result, lang: ctx.lang };
}

/** CLI and sidebar: the page of one member's statement (HTML), or why there is none. */
export function memberStatementOf(request: MemberStatementRequest): MemberStatementResult {
  return statementOf(request).result;
}

/** Sidebar: the statement in a printable dialog. */
export function showMemberStatement(member: string): MemberStatementResult {
  const { result, lang } = statementOf({ member });
  if (!result.ok) return result;
  const html = HtmlService.createHtmlOutput(result.html).setWidth(720).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, TITLE[lang].replace('{id}', result.memberId));
  return result;
}
