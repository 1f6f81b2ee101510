/**
 * The dashboard's charts (SPEC §6) as data: the tables of the hidden chart-data tab and one
 * platform-neutral spec per native Sheets chart (type, title, the data range it reads, where it
 * sits on the dashboard). Series are computed with the KPI definitions themselves, month by month,
 * so a chart never disagrees with its card.
 */

import { fiscalYearOf } from './cells';
import { type Day, monthStart, ymdOf } from './dates';
import { CURRENCY_SYMBOLS } from './format';
import type { Lang } from './i18n';
import { kpiDefinition } from './kpis/catalogue';
import { membershipLedger, termLabel } from './kpis/retention';
import type { KpiContext } from './kpis/types';
import type { LayoutValue } from './layout';
import { monthAxisLabel } from './month-names';
import { type Period, parsePeriod } from './periods';
import type { PeriodContext, ReportContext } from './report-context';
import { EVENT_FORMATS } from './schema';

export const CHART_DATA_SHEET = '_ClubPulse_Charts';
export const CHART_MONTHS = 12;

export type ChartType = 'LINE' | 'COLUMN' | 'BAR' | 'PIE';

export interface ChartSpec {
  id: string;
  title: string;
  type: ChartType;
  /** The table in the data tab, 1-based, header row included. */
  range: { row: number; column: number; numRows: number; numColumns: number };
  /** Series colours, in series order, when they carry a meaning (left members in red). */
  colors?: string[];
  /**
   * The value axis' number format, an ICU decimal pattern as Google Charts reads it (`,` and `.`
   * stand for the workbook locale's separators): rates as `#,##0%`, money with its currency.
   */
  axisFormat: string;
}

export interface ChartData {
  /** The data tab's grid (tables side by side, each with its header row). */
  values: LayoutValue[][];
  charts: ChartSpec[];
}

const TITLES: Record<string, { fr: string; en: string }> = {
  // Not the period's rate: what the monthly points count is said in the title.
  participation: {
    fr: 'Part des membres actifs venus à un événement du mois',
    en: 'Share of active members who attended an event that month',
  },
  formats: { fr: 'Participants par format d’événement', en: 'Attendance by event format' },
  nps: { fr: 'NPS par mois', en: 'NPS by month' },
  referrals: { fr: 'Recommandations données et gagnées par mois', en: 'Referrals given and won by month' },
  members: {
    fr: 'Membres nouveaux, renouvelés, partis par exercice',
    en: 'Members new, renewed and left by term',
  },
  roi: { fr: 'Investissement et retours', en: 'Investment and returns' },
};

const HEADERS = {
  month: { fr: 'Mois', en: 'Month' },
  participation: { fr: 'Participation', en: 'Participation' },
  format: { fr: 'Format', en: 'Format' },
  attendees: { fr: 'Participants', en: 'Attendees' },
  nps: { fr: 'NPS', en: 'NPS' },
  given: { fr: 'Données', en: 'Given' },
  won: { fr: 'Gagnées', en: 'Won' },
  term: { fr: 'Exercice', en: 'Term' },
  fresh: { fr: 'Nouveaux', en: 'New' },
  renewed: { fr: 'Renouvelés', en: 'Renewed' },
  left: { fr: 'Partis', en: 'Left' },
  period: { fr: 'Période', en: 'Period' },
  investment: { fr: 'Investissement', en: 'Investment' },
  returns: { fr: 'Retours', en: 'Returns' },
};

/** The `CHART_MONTHS` months ending with the month of P's end. */
function months(period: Period): Period[] {
  const { year, month } = ymdOf(period.end);
  return Array.from({ length: CHART_MONTHS }, (_, i) => {
    const d = ymdOf(monthStart(year, month, i - (CHART_MONTHS - 1)));
    return parsePeriod(`${d.year}-${String(d.month).padStart(2, '0')}`)!;
  });
}

/** One KPI's value for another period of the same club. */
function kpiValue(id: string, context: PeriodContext, period: Period): number | null {
  const def = kpiDefinition(id);
  if (!def) return null;
  const ctx: KpiContext = { ...context, period, memo: new Map() };
  const v = def.compute(ctx).value;
  return typeof v === 'number' ? v : null;
}

/** Builds the chart tables and specs for P; tables sit side by side, three columns apart at most. */
export function buildCharts(context: ReportContext): ChartData {
  const { club, period, previous, today, settings, lang } = context;
  const tables: Array<{
    id: string;
    type: ChartType;
    rows: LayoutValue[][];
    colors?: string[];
    axisFormat?: string;
  }> = [];
  const ms = months(period);

  tables.push({
    id: 'participation',
    type: 'LINE',
    axisFormat: '#,##0%',
    rows: [
      [HEADERS.month[lang], HEADERS.participation[lang]],
      ...ms.map((m) => [monthAxisLabel(m, lang), kpiValue('participation_rate', context, m)]),
    ],
  });

  const byFormat = new Map<string, number>();
  for (const a of club.attendance) {
    if (a.attended !== true || a.event.date < period.start || a.event.date > Math.min(period.end, today))
      continue;
    const format = a.event.format ?? 'other';
    byFormat.set(format, (byFormat.get(format) ?? 0) + 1);
  }
  tables.push({
    id: 'formats',
    type: 'COLUMN',
    rows: [
      [HEADERS.format[lang], HEADERS.attendees[lang]],
      ...EVENT_FORMATS.filter((f) => byFormat.has(f.id)).map((f) => [f.label[lang], byFormat.get(f.id)!]),
    ],
  });

  tables.push({
    id: 'nps',
    type: 'LINE',
    rows: [
      [HEADERS.month[lang], HEADERS.nps[lang]],
      ...ms.map((m) => [monthAxisLabel(m, lang), kpiValue('nps', context, m)]),
    ],
  });

  tables.push({
    id: 'referrals',
    type: 'COLUMN',
    rows: [
      [HEADERS.month[lang], HEADERS.given[lang], HEADERS.won[lang]],
      ...ms.map((m) => {
        const inM = (d: Day | null) => d !== null && d >= m.start && d <= m.end && d <= today;
        const given = club.referrals.filter((r) => inM(r.date)).length;
        const won = club.referrals.filter((r) => r.status === 'won' && inM(r.closedOn ?? r.date)).length;
        return [monthAxisLabel(m, lang), given, won];
      }),
    ],
  });

  tables.push({
    id: 'members',
    type: 'COLUMN',
    rows: membersByTerm({ club, period, today, settings, lang, memo: new Map() }),
    colors: MEMBER_COLORS,
  });

  tables.push({
    id: 'roi',
    type: 'COLUMN',
    axisFormat: moneyAxisFormat(settings.currency, lang),
    rows: [
      [HEADERS.period[lang], HEADERS.investment[lang], HEADERS.returns[lang]],
      ...[previous, period].map((p) => [
        p.label,
        kpiValue('investment_total', context, p),
        kpiValue('returns_total', context, p),
      ]),
    ],
  });

  // Side by side: each table takes its width plus one empty column.
  const height = Math.max(...tables.map((t) => t.rows.length));
  const width = tables.reduce((w, t) => w + t.rows[0].length + 1, 0);
  const values: LayoutValue[][] = Array.from({ length: height }, () => Array(width).fill(null));
  const charts: ChartSpec[] = [];
  let column = 0;
  for (const t of tables) {
    t.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        values[r][column + c] = v;
      });
    });
    charts.push({
      id: t.id,
      title: TITLES[t.id][lang],
      type: t.type,
      range: { row: 1, column: column + 1, numRows: t.rows.length, numColumns: t.rows[0].length },
      ...(t.colors ? { colors: t.colors } : {}),
      axisFormat: t.axisFormat ?? '#,##0',
    });
    column += t.rows[0].length + 1;
  }
  return { values, charts };
}

/** `#,##0 €` in French, `€#,##0` in English; the no-break space keeps the amount whole. */
function moneyAxisFormat(currency: string, lang: Lang): string {
  const symbol = CURRENCY_SYMBOLS[currency] ?? currency;
  return lang === 'fr' ? `#,##0\u00a0${symbol}` : `${symbol}#,##0`;
}

/** New members blue, renewed green, left red: a loss is never drawn in the colour of good news. */
export const MEMBER_COLORS = ['#1a73e8', '#1e8e3e', '#d93025'];

/**
 * New, renewed and left members by term (SPEC §6), from the same ledger as the retention KPIs (Dues,
 * else membership years), for up to four terms ending with the term of P's end. A term is shown only
 * when the term before it has members, so that renewed and left mean something (no empty or
 * all-new first year). « Nouveaux » counts the members of the term who joined during it (joined_on
 * in the term); a member who joined years before and first appears in the ledger is not new.
 */
function membersByTerm(ctx: KpiContext): LayoutValue[][] {
  const { club, settings, lang } = ctx;
  const fy = settings.fyStartMonth;
  const ledger = membershipLedger(ctx);
  const current = fiscalYearOf(ctx.period.end, fy);
  const joinedTerm = new Map(
    club.members.map((m) => [m.id, m.joinedOn === null ? null : fiscalYearOf(m.joinedOn, fy)]),
  );
  const rows: LayoutValue[][] = [
    [HEADERS.term[lang], HEADERS.fresh[lang], HEADERS.renewed[lang], HEADERS.left[lang]],
  ];
  for (let t = current - 3; t <= current; t++) {
    const now = ledger.paidIn(t);
    const before = ledger.paidIn(t - 1);
    if (before.size === 0) continue;
    let fresh = 0;
    let renewed = 0;
    for (const id of now) {
      if (joinedTerm.get(id) === t) fresh++;
      if (before.has(id)) renewed++;
    }
    let left = 0;
    for (const id of before) if (!now.has(id)) left++;
    rows.push([termLabel(t, fy), fresh, renewed, left]);
  }
  return rows;
}
