/**
 * The members' edition by e-mail (issue 19): a preview (who would get it, the subject, the body in a
 * dialog), then a send confirmed by the preview's token. The words and the recipients are the
 * core's (core/editions/mail.ts); this draws the charts and sends through the outbox (outbox.ts:
 * the daily quota, the run's deadline, one Mail log row per e-mail the moment it goes), so each
 * member gets an edition once, and a send stopped by the quota resumes at the next confirmed send.
 *
 * Charts are drawn server side by the Charts service and attached as inline images:
 * Charts.newDataTable() / newColumnChart() (https://developers.google.com/apps-script/reference/charts/charts),
 * Chart.getAs('image/png') (https://developers.google.com/apps-script/reference/charts/chart#getAs(String)),
 * and MailApp.sendEmail's `inlineImages` {key: Blob} shown by `<img src="cid:key">`
 * (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)). A chart
 * the service fails to draw is left out (its figure stays in words). The preview dialog shows the
 * images as `data:` URLs (Utilities.base64Encode:
 * https://developers.google.com/apps-script/reference/utilities/utilities#base64Encode(Byte)).
 */

import type { EditionMailRequest, EditionMailResult } from '../core/api';
import { isoOf } from '../core/dates';
import {
  CHART_IMAGE,
  confirmationToken,
  type EditionMailChart,
  editionMailCharts,
  editionMailHtml,
  editionMailSubject,
  editionMailSubjectKey,
  editionMailText,
  planEditionMail,
  previewPage,
  EDITION_MAIL_TEXT as TEXT,
} from '../core/editions/mail';
import { buildMembersEdition } from '../core/editions/members';
import { fill } from '../core/i18n';
import { now } from './clock';
import { reportOf } from './editions';
import { withDocumentLock } from './lock';
import { openMailLog } from './mail-log';
import { canSend, deliver, noteWaiting, openOutbox, skip } from './outbox';
import { busyOf } from './surveys/registry';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Blob = GoogleAppsScript.Base.Blob;

/** A run stops sending before Apps Script's 6-minute limit (as the automation does). */
const SEND_BUDGET_MS = 4 * 60 * 1000;
const DIALOG = { width: 760, height: 680 };

function chartImage(chart: EditionMailChart): Blob | null {
  try {
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, '')
      .addColumn(Charts.ColumnType.NUMBER, chart.title);
    for (const [period, value] of chart.rows) table.addRow([period, value]);
    return Charts.newColumnChart()
      .setDataTable(table)
      .setTitle(chart.title)
      .setDimensions(CHART_IMAGE.width, CHART_IMAGE.height)
      .setColors(['#1a73e8'])
      .setLegendPosition(Charts.Position.NONE)
      .build()
      .getAs('image/png')
      .setName(`${chart.cid}.png`);
  } catch (e) {
    console.warn(`Club Pulse: chart "${chart.title}" not drawn: ${String(e)}`);
    return null;
  }
}

function prepared(ss: Spreadsheet, request: EditionMailRequest) {
  const outcome = reportOf(ss, { kind: 'members', period: request.period ?? '', today: request.today ?? '' });
  if (!('report' in outcome)) return outcome as Extract<EditionMailResult, { ok: false }>;
  const report = outcome.report;
  const ed = buildMembersEdition(report);
  const images: Record<string, Blob> = {};
  const charts = editionMailCharts(ed).filter((c) => {
    const blob = chartImage(c);
    if (blob) images[c.cid] = blob;
    return blob !== null;
  });
  const mail = {
    subject: editionMailSubject(ed),
    html: editionMailHtml(ed, charts),
    text: editionMailText(ed),
    charts,
  };
  const key = editionMailSubjectKey(report.period.label);
  const log = openMailLog(ss, report.lang);
  const plan = planEditionMail(report.club.members, report.today, log.memory.editions, key);
  return { report, ed, mail, images, key, plan, token: confirmationToken(mail, key, plan.queue) };
}

type Prepared = Exclude<ReturnType<typeof prepared>, { ok: false }>;

function resultOf(p: Prepared, quotaLeft: number): Extract<EditionMailResult, { ok: true }> {
  const count = (reason: string) => p.plan.skipped.filter((s) => s.reason === reason).length;
  return {
    ok: true,
    sent: false,
    period: p.report.period.label,
    subject: p.mail.subject,
    token: p.token,
    toSend: p.plan.queue.length,
    already: p.plan.already,
    noAddress: count('no_address'),
    noEmail: count('no_email'),
    erased: p.plan.erased,
    sentNow: 0,
    pending: p.plan.queue.length,
    stopped: null,
    quotaLeft,
    charts: p.mail.charts.length,
    text: p.mail.text,
    message: '',
  };
}

function showPreview(p: Prepared, summary: string): void {
  const src = (cid: string) => `data:image/png;base64,${Utilities.base64Encode(p.images[cid]!.getBytes())}`;
  const html = previewPage(editionMailHtml(p.ed, p.mail.charts, src), p.report.lang, summary);
  const output = HtmlService.createHtmlOutput(html)
    .setTitle(TEXT.title[p.report.lang])
    .setWidth(DIALOG.width)
    .setHeight(DIALOG.height);
  SpreadsheetApp.getUi().showModalDialog(output, TEXT.title[p.report.lang]);
}

function send(
  ss: Spreadsheet,
  p: Prepared,
  result: Extract<EditionMailResult, { ok: true }>,
): EditionMailResult {
  const { report, plan } = p;
  const lang = report.lang;
  const box = openOutbox(
    ss,
    lang,
    isoOf(report.today),
    report.settings.clubName || ss.getName(),
    now().getTime() + SEND_BUDGET_MS,
  );
  const to = (member: (typeof plan.queue)[number]) => ({
    kind: 'edition' as const,
    subject: p.key,
    key: member.id,
    member,
  });
  for (const s of plan.skipped) skip(box, to(s.member), s.reason);
  const mail = { subject: p.mail.subject, body: p.mail.text, htmlBody: p.mail.html, inlineImages: p.images };
  let tried = 0;
  for (const member of plan.queue) {
    if (!canSend(box)) break;
    tried++;
    if (!deliver(box, to(member), mail) && box.stopped) tried--;
  }
  const pending = plan.queue.length - tried;
  const next = plan.queue[tried];
  if (next) noteWaiting(box, to(next), pending);
  let message = fill(TEXT.sent[lang], { period: report.period.label, sent: box.sent });
  if (pending > 0 && box.stopped) message += fill(TEXT[box.stopped][lang], { pending });
  return {
    ...result,
    sent: true,
    sentNow: box.sent,
    pending,
    stopped: pending > 0 ? box.stopped : null,
    quotaLeft: Math.max(0, box.quota),
    message,
  };
}

function mailHeld(ss: Spreadsheet, request: EditionMailRequest): EditionMailResult {
  const p = prepared(ss, request);
  if ('ok' in p) return p;
  const lang = p.report.lang;
  const result = resultOf(p, MailApp.getRemainingDailyQuota());
  const summary = fill(TEXT.summary[lang], {
    subject: result.subject,
    count: result.toSend,
    already: result.already,
    noAddress: result.noAddress,
    noEmail: result.noEmail,
    erased: result.erased,
    quota: result.quotaLeft,
  });
  if (request.preview) {
    if (request.dialog) showPreview(p, summary);
    const nothing = result.toSend === 0 ? ` ${fill(TEXT.nothing[lang], { period: result.period })}` : '';
    return { ...result, message: summary + nothing };
  }
  if (!request.confirm) return { ok: false, code: 'not_confirmed', message: TEXT.notConfirmed[lang] };
  if (String(request.confirm) !== p.token) return { ok: false, code: 'stale', message: TEXT.stale[lang] };
  return send(ss, p, result);
}

/**
 * Sidebar and CLI: `{preview: true}` says what would be sent and returns the token confirming it;
 * `{confirm: token}` sends to the members who have not had this edition yet.
 */
export function mailMembersEdition(request: EditionMailRequest): EditionMailResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const r = request && typeof request === 'object' ? request : {};
  return withDocumentLock<EditionMailResult>(
    () => mailHeld(ss, r),
    () => busyOf(ss),
  );
}
