/**
 * BNI PALMS chapter summary reports (reference/export-formats.md §5.1): title rows (`Chapter
 * Summary PALMS Report`, `Chapter:`, `From:`, `To:` — their values a few cells to the right), then a
 * member table `First Name, Last Name, P, A, L, M, S, RGI, RGO, RRI, RRO, V, 1-2-1, TYFCB, CEU, T`
 * (empty spacer columns allowed) ending at a `Visitors`, `BNI` or `Total` row; `-` means zero and
 * TYFCB may carry a currency (`₹1,200.00`, `Rs. 500`). The caller turns the `.xls` (SpreadsheetML
 * 2003 XML) into rows; this module only reads rows.
 *
 * The report gives per-member totals over [From, To], not meetings. They feed the same tabs and
 * KPIs as detailed data, every row dated on the report's end date (To), without inventing which
 * meeting anyone came to beyond what the totals say:
 *
 * - Meetings: n summary Events rows `PALMS-<To>-01…n`, all dated To, where n = the largest
 *   P + A + L + M + S of any member (the number of meetings in the report).
 * - Attendance: each member gets P + L rows attended = yes and A + M + S rows attended = no
 *   (a substitute stands in for an absent member), spread over the n meetings starting at a
 *   different meeting for each member, so that per-member counts and rates are exact and each
 *   summary meeting gets about the average attendance. Avg attendance, participation, show-up and
 *   the activity score's attendance ratio come out as the totals say.
 * - Visitors: V guest Attendance rows per member (`Visiteur 1 de Jean Dupont (PALMS 2026-03-31)`,
 *   guest = yes, invited_by = the member), so guests per event and guests invited per member are
 *   right. Their names are unknown, so they never convert into members.
 * - Referrals: RGI rows given by the member to « Membre du chapitre (PALMS) », RGO rows given to
 *   « Hors chapitre (PALMS) », RRO rows received from « Hors chapitre (PALMS) », all open. RRI rows
 *   are not added: each is another member's RGI already (adding both would count it twice).
 * - TYFCB: one won referral per member, received by the member (who reports the closed business),
 *   value = TYFCB, closed on To — business generated and "business received" are exact; the giver
 *   is not in the report, so no one is credited for giving it.
 * - One-to-ones: 1-2-1 Interactions rows (type entraide, channel « Tête-à-tête BNI »).
 * - CEU and T (education, trainings or testimonials) have no KPI: not imported.
 *
 * Members are matched by name only (PALMS has no email); a name the Members tab does not know is
 * skipped with a sentence asking to add the member, since the report proves membership but not the
 * joining date. Import reports over periods that do not overlap (monthly ones, say): two reports
 * covering the same weeks would count them twice. References `palms:<From>:<To>:<member>:<kind>:<k>`
 * (in Referrals and Interactions, in the note column).
 */

import type { Lang } from '../i18n';
import { normalizeLabel } from '../normalize';
import { INTERACTION_TYPES, REFERRAL_STATUS, REFERRAL_TYPES } from '../schema';
import type { PlanBuilder } from './builder';
import { Columns, type Context, displayDate, fullName, type Person } from './common';
import { isPalmsHeader } from './detect';
import { say } from './messages';
import { type FileLocale, fileLocale, readAmount, readIsoDate } from './values';

const END_ROWS = new Set(['visitors', 'visiteurs', 'bni', 'total', 'totals', 'chaptertotals']);

/** The value right of a title-row label (`From:` … `14-04-2026`). */
function preamble(rows: string[][], label: string): string {
  for (const row of rows) {
    const i = row.findIndex((c) => normalizeLabel(c) === label);
    if (i < 0) continue;
    const value = row.slice(i + 1).find((c) => c.trim() !== '');
    if (value) return value.trim();
  }
  return '';
}

/** The report's period and member table, as found above and in its header row. */
interface Report {
  from: string;
  to: string;
  dates: FileLocale;
  cols: Columns;
  headerIndex: number;
}

/** A member line of the report: its file line, the matched member, and its totals by column. */
interface Line {
  line: number;
  id: string;
  person: Person;
  n: (label: string) => number;
  /** TYFCB, the business the member closed (0 when none). */
  tyfcb: number;
}

/** One row to add: its tab, its cells and its source reference. */
type Addition = [Parameters<PlanBuilder['add']>[0], Record<string, unknown>, string];

export function importPalms(ctx: Context, rows: string[][]): string | null {
  const { builder, input } = ctx;
  const lang = input.lang;
  const report = readReport(ctx, rows);
  if (typeof report === 'string') return report;
  const members = readMembers(ctx, rows, report);
  if (members.length === 0) return null;

  const { from, to } = report;
  const meetings = Math.max(1, ...members.map((m) => m.n('P') + m.n('A') + m.n('L') + m.n('M') + m.n('S')));
  builder.note(
    say(lang, 'palmsDesign', { from: displayDate(from, lang), to: displayDate(to, lang), meetings }),
  );
  if (members.some((m) => m.n('RRI') > 0)) builder.note(say(lang, 'palmsRri'));
  for (let k = 0; k < meetings; k++) {
    const label =
      lang === 'fr'
        ? `Réunion BNI ${k + 1}/${meetings} (PALMS du ${displayDate(from, lang)} au ${displayDate(to, lang)})`
        : `BNI meeting ${k + 1}/${meetings} (PALMS ${from} to ${to})`;
    builder.add(
      'events',
      { event_id: meetingId(to, k), date: to, title: label },
      `palms:${from}:${to}:meeting:${k + 1}`,
    );
  }

  const words = palmsWords(lang);
  members.forEach((m, index) => {
    let added = 0;
    let reason = '';
    for (const [tab, cells, ref] of memberRows(m, index, meetings, report, words)) {
      const outcome = builder.add(tab, cells, ref);
      if (outcome.added) added += 1;
      else reason ||= outcome.reason;
    }
    if (added === 0 && reason) builder.skip(m.line, reason);
  });
  return null;
}

/** The report's dates and header row, or the sentence saying what is missing. */
function readReport(ctx: Context, rows: string[][]): Report | string {
  const lang = ctx.input.lang;
  const headerIndex = rows.findIndex(isPalmsHeader);
  if (headerIndex < 0) return say(lang, 'palmsNoTable');
  const title = rows.slice(0, headerIndex);
  const rawFrom = preamble(title, 'from') || preamble(title, 'du');
  const rawTo = preamble(title, 'to') || preamble(title, 'au');
  const dates: FileLocale = fileLocale([rawFrom, rawTo], ctx.input.locale, 'en_US', ctx.timeZone);
  const from = readIsoDate(rawFrom, dates);
  const to = readIsoDate(rawTo, dates);
  if (from === null || to === null) return say(lang, 'palmsNoDates');
  return { from, to, dates, cols: new Columns(rows[headerIndex].map((c) => c.trim())), headerIndex };
}

/** The member lines up to the end row; a name the Members tab does not know is skipped. */
function readMembers(ctx: Context, rows: string[][], report: Report): Line[] {
  const { cols, dates } = report;
  const members: Line[] = [];
  for (let r = report.headerIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    const first = cols.get(row, 'First Name');
    const last = cols.get(row, 'Last Name');
    if (END_ROWS.has(normalizeLabel(row.find((c) => c.trim() !== '') ?? ''))) break;
    if (!first && !last) continue;
    const person: Person = { email: '', firstName: first, lastName: last };
    const found = ctx.existing.members.find('', first, last);
    if (!('id' in found)) {
      const key = 'ambiguous' in found ? 'palmsAmbiguous' : 'palmsUnknownMember';
      ctx.builder.skip(r + 1, say(ctx.input.lang, key, { name: fullName(person) }));
      continue;
    }
    members.push({
      line: r + 1,
      id: found.id,
      person,
      n: (label) => Math.max(0, Math.round(readAmount(cols.get(row, label), dates) ?? 0)),
      tyfcb: readAmount(cols.get(row, 'TYFCB'), dates) ?? 0,
    });
  }
  return members;
}

const meetingId = (to: string, k: number): string => `PALMS-${to}-${String(k + 1).padStart(2, '0')}`;

/** The words of the rows, in the report's language. */
function palmsWords(lang: Lang) {
  return {
    yes: lang === 'fr' ? 'oui' : 'yes',
    no: lang === 'fr' ? 'non' : 'no',
    chapter: lang === 'fr' ? 'Membre du chapitre (PALMS)' : 'Chapter member (PALMS)',
    outside: lang === 'fr' ? 'Hors chapitre (PALMS)' : 'Outside the chapter (PALMS)',
    referral: REFERRAL_TYPES.find((t) => t.id === 'referral')!.label[lang],
    won: REFERRAL_STATUS.find((s) => s.id === 'won')!.label[lang],
    mutualHelp: INTERACTION_TYPES.find((t) => t.id === 'mutual_help')!.label[lang],
    oneToOne: lang === 'fr' ? 'Tête-à-tête BNI' : 'BNI one-to-one',
    visitor: (v: number, name: string, to: string) =>
      lang === 'fr' ? `Visiteur ${v} de ${name} (PALMS ${to})` : `Visitor ${v} of ${name} (PALMS ${to})`,
  };
}

/**
 * What one member line adds: attendance spread over the meetings from the member's own start,
 * visitors, referrals given and received, the TYFCB won referral and the one-to-ones.
 */
function memberRows(
  m: Line,
  index: number,
  meetings: number,
  { from, to }: Report,
  w: ReturnType<typeof palmsWords>,
): Addition[] {
  const out: Addition[] = [];
  const mine = `palms:${from}:${to}:${m.id}`;
  const present = m.n('P') + m.n('L');
  const absent = m.n('A') + m.n('M') + m.n('S');
  for (let j = 0; j < present + absent && j < meetings; j++) {
    const k = (index + j) % meetings;
    const cells = {
      event_id: meetingId(to, k),
      member: m.id,
      registered: w.yes,
      attended: j < present ? w.yes : w.no,
    };
    out.push(['attendance', cells, `${mine}:meeting:${k + 1}`]);
  }
  for (let v = 0; v < m.n('V'); v++) {
    const cells = {
      event_id: meetingId(to, (index + v) % meetings),
      member: w.visitor(v + 1, fullName(m.person), to),
      registered: w.yes,
      attended: w.yes,
      guest: w.yes,
      invited_by: m.id,
    };
    out.push(['attendance', cells, `${mine}:visitor:${v + 1}`]);
  }
  const referrals: Array<[string, string, string]> = [
    ['RGI', m.id, w.chapter],
    ['RGO', m.id, w.outside],
    ['RRO', w.outside, m.id],
  ];
  for (const [kind, giver, receiver] of referrals) {
    for (let r = 0; r < m.n(kind); r++) {
      out.push([
        'referrals',
        { date: to, giver, receiver, type: w.referral },
        `${mine}:${kind.toLowerCase()}:${r + 1}`,
      ]);
    }
  }
  if (m.tyfcb > 0) {
    const cells = {
      date: to,
      giver: w.chapter,
      receiver: m.id,
      type: w.referral,
      status: w.won,
      value: m.tyfcb,
      closed_on: to,
    };
    out.push(['referrals', cells, `${mine}:tyfcb`]);
  }
  for (let r = 0; r < m.n('1-2-1'); r++) {
    const cells = { date: to, member: m.id, type: w.mutualHelp, channel: w.oneToOne };
    out.push(['interactions', cells, `${mine}:121:${r + 1}`]);
  }
  return out;
}
