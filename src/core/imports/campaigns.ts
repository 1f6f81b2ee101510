/**
 * Email campaign reports → Communications (one row per campaign: date, name, recipients, bounces,
 * unique opens, unique clicks, unsubscribes; the type is left for the club to choose).
 *
 * - Mailchimp, table form (the all-campaigns CSV: `Title, Subject, List, Send Date, …`), dates
 *   like `Jun 09, 2018 09:30 pm`, English numbers; reference `mailchimp:<Unique Id>`.
 * - Mailchimp, key/value form (single campaign or A/B report: `"Total Recipients:","1,751"`,
 *   `"Recipients Who Opened:","141 (8.1%)"`). An A/B report lists each combination's stats: they
 *   are summed into one row, since the combinations were sent to disjoint parts of the list.
 * - MailerLite classic report (key/value: `"Total emails sent:","4116"`, `"Opened:","1085 (26.66%)"`,
 *   hard and soft bounces summed).
 * - Brevo: no campaign report was seen (reference/export-formats.md §4.4). A campaign table with
 *   the usual column names in French or English is read (a best effort, not checked against a real
 *   export); a Brevo contact export is refused with a sentence saying what to export instead.
 *
 * Key/value references: `<source>:<date>:<slug of the campaign name>`. The natural key (date and
 * name) also stops the same campaign coming in twice through two forms of report.
 */

import { normalizeLabel } from '../normalize';
import { type Columns, type Context, slug } from './common';
import { say } from './messages';
import type { SourceId } from './types';
import { type FileLocale, fileLocale, readIsoDate, readNumber } from './values';

interface Campaign {
  line: number;
  name: string;
  date: string | null;
  rawDate: string;
  recipients: number | null;
  bounces: number | null;
  opens: number | null;
  clicks: number | null;
  unsubscribes: number | null;
  id: string;
}

function addCampaign(ctx: Context, source: string, c: Campaign, dateColumn: string): void {
  const { builder } = ctx;
  const lang = ctx.input.lang;
  let problem = '';
  if (!c.name) problem = say(lang, 'noCampaignName');
  else if (c.date === null && !c.rawDate) problem = say(lang, 'noDate', { column: dateColumn });
  else if (c.date === null) problem = say(lang, 'badDate', { value: c.rawDate, column: dateColumn });
  else if (c.recipients === null) problem = say(lang, 'noRecipients');
  if (problem) {
    builder.skip(c.line, problem);
    return;
  }
  const ref = c.id ? `${source}:${c.id}` : `${source}:${c.date}:${slug(c.name)}`;
  const added = builder.add(
    'communications',
    {
      date: c.date,
      campaign: c.name,
      recipients: c.recipients,
      bounces: c.bounces ?? 0,
      opens: c.opens,
      clicks: c.clicks,
      unsubscribes: c.unsubscribes,
    },
    ref,
  );
  if (!added.added) builder.skip(c.line, added.reason);
}

const sum = (...values: Array<number | null>): number | null =>
  values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** A campaign table: Mailchimp's all-campaigns CSV, or a Brevo (or similar) campaign list. */
export function importCampaignTable(ctx: Context, source: SourceId, cols: Columns, rows: string[][]): void {
  const isMailchimp = source === 'mailchimp';
  const dateLabels = [
    'Send Date',
    'Sent date',
    'Date d’envoi',
    "Date d'envoi",
    'Envoyé le',
    'Sent on',
    'Date',
  ];
  const lines = rows.slice(1).map((row, i) => ({ line: i + 2, row }));
  const numbersLocale = isMailchimp ? 'en_US' : ctx.input.locale;
  const locale: FileLocale = fileLocale(
    lines.map(({ row }) => cols.get(row, ...dateLabels)),
    isMailchimp ? 'en_US' : ctx.input.locale,
    numbersLocale,
    ctx.timeZone,
  );
  const n = (row: string[], ...labels: string[]): number | null =>
    readNumber(cols.get(row, ...labels), locale);
  for (const { line, row } of lines) {
    if (row.every((c) => c.trim() === '')) continue;
    const rawDate = cols.get(row, ...dateLabels);
    const delivered = n(row, 'Successful Deliveries', 'Delivered', 'Délivrés', 'Délivré');
    const bounces =
      n(row, 'Total Bounces', 'Bounces', 'Rebonds') ??
      sum(
        n(row, 'Hard Bounces', 'Hard bounce', 'Rebonds hard', 'Hard bounces'),
        n(row, 'Soft Bounces', 'Soft bounce', 'Rebonds soft', 'Soft bounces'),
      );
    const recipients =
      n(
        row,
        'Total Recipients',
        'Recipients',
        'Destinataires',
        'Sent',
        'Envoyés',
        'Emails sent',
        'Total sent',
      ) ?? (delivered === null ? null : delivered + (bounces ?? 0));
    addCampaign(
      ctx,
      source,
      {
        line,
        name: cols.get(
          row,
          'Title',
          'Campaign name',
          'Nom de la campagne',
          'Campaign',
          'Campagne',
          'Name',
          'Nom',
          'Subject',
          'Objet',
        ),
        date: readIsoDate(rawDate, locale),
        rawDate,
        recipients,
        bounces,
        opens: n(row, 'Unique Opens', 'Ouvertures uniques', 'Opens', 'Ouvertures', 'Opened', 'Ouverts'),
        clicks: n(row, 'Unique Clicks', 'Clics uniques', 'Clicks', 'Clics', 'Clicked', 'Cliqués'),
        unsubscribes: n(row, 'Unsubscribes', 'Unsubscribed', 'Désinscriptions', 'Désinscrits'),
        id: cols.get(row, 'Unique Id', 'Campaign ID', 'ID de la campagne'),
      },
      cols.header[cols.index(...dateLabels)] ?? 'Date',
    );
  }
}

/** Mailchimp and MailerLite key/value reports. Returns false when no recipient count is found. */
export function importKeyValueReport(
  ctx: Context,
  source: 'mailchimp' | 'mailerlite',
  rows: string[][],
): boolean {
  const locale = fileLocale([], 'en_US', 'en_US', ctx.timeZone);
  const top = new Map<string, { value: string; line: number }>();
  const groups: Array<Map<string, string>> = [];
  const starts = new Set(['totalrecipients', 'totalemailssent']);
  rows.forEach((row, i) => {
    const key = normalizeLabel(row[0] ?? '');
    if (!key || row.length < 2) return;
    const value = (row[1] ?? '').trim();
    if (starts.has(key)) groups.push(new Map());
    const group = groups[groups.length - 1];
    if (group && !group.has(key)) group.set(key, value);
    if (!top.has(key)) top.set(key, { value, line: i + 1 });
  });
  if (groups.length === 0) return false;
  const num = (g: Map<string, string>, ...keys: string[]): number | null => {
    for (const k of keys) if (g.has(k)) return readNumber(g.get(k), locale);
    return null;
  };
  const total = (...keys: string[]): number | null => sum(...groups.map((g) => num(g, ...keys)));
  const nameKey = source === 'mailchimp' ? ['title', 'subjectline', 'subject'] : ['subject', 'title'];
  const dateKey = ['deliverydatetime', 'senddate', 'sent', 'sentdate', 'datesent'];
  const name = nameKey.map((k) => top.get(k)?.value).find((v) => v) ?? '';
  const rawDate = dateKey.map((k) => top.get(k)?.value).find((v) => v) ?? '';
  const bounces =
    source === 'mailchimp'
      ? total('bounces')
      : sum(total('hardbounce', 'hardbounces'), total('softbounce', 'softbounces'));
  addCampaign(
    ctx,
    source,
    {
      line: top.get('totalrecipients')?.line ?? top.get('totalemailssent')?.line ?? 1,
      name,
      date: readIsoDate(rawDate, locale),
      rawDate,
      recipients: total('totalrecipients', 'totalemailssent'),
      bounces,
      opens: total('recipientswhoopened', 'opened', 'uniqueopens'),
      clicks: total('recipientswhoclicked', 'clicked', 'uniqueclicks'),
      unsubscribes: total('totalunsubs', 'unsubscribed', 'unsubscribes'),
      id: '',
    },
    source === 'mailchimp' ? 'Delivery Date/Time' : 'Sent',
  );
  return true;
}
