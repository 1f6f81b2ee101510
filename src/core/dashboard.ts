/**
 * The Dashboard tab (SPEC §6) as a platform-neutral layout: a header (club, period, previous
 * period, refresh time, data-issue count), one block of KPI cards per family (value, delta arrow
 * coloured by the direction of "good", target, benchmark with its source, traffic-light colour, n,
 * formula) and the data-issues table (first 50, with tab and row). Also the hidden KPI table that
 * custom functions read (SPEC §10).
 */

import type { Report } from './compute';
import { isoOf } from './dates';
import { formatDelta, formatKpiValue, numberFormatOf, trendOf } from './format';
import type { Bilingual, Lang } from './i18n';
import type { Family, KpiResult, Status } from './kpis/types';
import { type LayoutBuilder as Builder, LayoutBuilder, type LayoutValue, type SheetLayout } from './layout';

export const DASHBOARD_NAME: Bilingual = { fr: 'Tableau de bord', en: 'Dashboard' };
/** Hidden tab holding the refresh stamp and the KPI table; refreshes clear it but never delete it. */
export const KPI_TABLE_SHEET = '_ClubPulse_KPI';
export const STAMP_RANGE_NAME = 'ClubPulse_LastRefresh';
export const ISSUES_SHOWN = 50;

export const FAMILY_LABELS: Record<Family, Bilingual> = {
  engagement: { fr: 'Engagement', en: 'Engagement' },
  opportunities: { fr: 'Opportunités et affaires', en: 'Opportunities and business' },
  satisfaction: { fr: 'Satisfaction', en: 'Satisfaction' },
  retention: { fr: 'Fidélisation et croissance', en: 'Retention and growth' },
  knowledge: { fr: 'Savoirs et contenus', en: 'Knowledge and content' },
  visibility: { fr: 'Notoriété', en: 'Visibility' },
  climate: { fr: 'Climat', en: 'Climate' },
  roi: { fr: 'Retour sur investissement', en: 'Return on investment' },
};

const T = {
  title: { fr: 'Tableau de bord Club Pulse', en: 'Club Pulse dashboard' },
  period: { fr: 'Période', en: 'Period' },
  previous: { fr: 'Période précédente', en: 'Previous period' },
  refreshed: { fr: 'Actualisé le', en: 'Refreshed on' },
  issues: { fr: 'Problèmes de données', en: 'Data issues' },
  headers: {
    fr: ['Indicateur', 'Valeur', 'Évolution', 'Objectif', 'Référence', 'n', 'Statut', 'Calcul'],
    en: ['Indicator', 'Value', 'Change', 'Target', 'Benchmark', 'n', 'Status', 'How it is computed'],
  },
  issueHeaders: {
    fr: ['Onglet', 'Ligne', 'Colonne', 'Valeur', 'Problème'],
    en: ['Tab', 'Row', 'Column', 'Value', 'Issue'],
  },
  noIssues: { fr: 'Aucun problème de données. Bravo !', en: 'No data issues. Well done!' },
  moreIssues: { fr: '… et {n} autres (voir la barre latérale).', en: '… and {n} more (see the sidebar).' },
  status: {
    green: { fr: '● Objectif atteint', en: '● On target' },
    amber: { fr: '● À surveiller', en: '● Watch' },
    red: { fr: '● En retard', en: '● Behind' },
    grey: { fr: '● Données insuffisantes', en: '● Not enough data' },
  } as Record<Status, Bilingual>,
};

const COLORS = {
  title: '#1a73e8',
  family: '#e8f0fe',
  header: '#f1f3f4',
  good: '#137333',
  bad: '#c5221f',
  muted: '#5f6368',
  status: { green: '#ceead6', amber: '#feefc3', red: '#fad2cf', grey: '#e8eaed' } as Record<Status, string>,
};

const WIDTHS = [260, 110, 110, 90, 170, 50, 150, 420];

/** `01/01/2026 – 30/06/2026` */
function spanText(start: number, end: number, lang: Lang): string {
  const f = (d: number) => {
    const [y, m, dd] = isoOf(d).split('-');
    return lang === 'fr' ? `${dd}/${m}/${y}` : `${dd}/${m}/${y}`;
  };
  return `${f(start)} – ${f(end)}`;
}

function kpiRow(b: Builder, k: KpiResult, lang: Lang, currency: string): void {
  const trend = trendOf(k.delta, k.lowerIsBetter);
  const arrow = k.delta === null ? '' : k.delta > 0 ? '▲ ' : k.delta < 0 ? '▼ ' : '= ';
  const value: LayoutValue =
    typeof k.value === 'number' ? k.value : formatKpiValue(k.value, k.unit, lang, currency);
  const target: LayoutValue = k.target;
  const benchmark = k.benchmark
    ? `${formatKpiValue(k.benchmark.value, k.unit, lang, currency)} (${k.benchmark.source})`
    : '';
  const indicative = k.details.indicative ? (lang === 'fr' ? ' (indicatif)' : ' (indicative)') : '';
  b.row([
    { value: k.label + indicative, style: { bold: true } },
    { value, style: { format: numberFormatOf(k.unit, currency), bold: true, size: 12 } },
    {
      value: k.delta === null ? '' : arrow + formatDelta(k.delta, k.unit, lang, currency),
      style: { color: trend === 'good' ? COLORS.good : trend === 'bad' ? COLORS.bad : COLORS.muted },
    },
    { value: target, style: { format: numberFormatOf(k.unit, currency) } },
    { value: benchmark, style: { color: COLORS.muted } },
    { value: k.n, style: { format: '0', color: COLORS.muted } },
    k.status ? { value: T.status[k.status][lang], style: { background: COLORS.status[k.status] } } : '',
    { value: k.formula, style: { color: COLORS.muted } },
  ]);
}

/** The Dashboard tab for a report; `refreshedAt` is the local wall-clock text of the refresh. */
export function buildDashboard(report: Report, refreshedAt: string): SheetLayout {
  const { lang } = report;
  const currency = report.settings.currency;
  const b = new LayoutBuilder(DASHBOARD_NAME[lang], WIDTHS);
  const club = report.settings.clubName;
  b.row(
    [club ? `${T.title[lang]} — ${club}` : T.title[lang]],
    { bold: true, size: 16, color: COLORS.title },
    WIDTHS.length,
  );
  b.row(
    [
      `${T.period[lang]} : ${report.period.label} (${spanText(report.period.start, report.period.end, lang)}) · ` +
        `${T.previous[lang]} : ${report.previous.label} · ${T.refreshed[lang]} ${refreshedAt} · ` +
        `${T.issues[lang]} : ${report.issues.length}`,
    ],
    { color: COLORS.muted },
    WIDTHS.length,
  );
  b.blank();

  const families = [...new Set(report.kpis.map((k) => k.family))];
  for (const family of families) {
    b.row([FAMILY_LABELS[family][lang]], { bold: true, background: COLORS.family, size: 12 }, WIDTHS.length);
    b.row(T.headers[lang], { bold: true, background: COLORS.header });
    for (const k of report.kpis.filter((x) => x.family === family)) kpiRow(b, k, lang, currency);
    b.blank();
  }

  b.row(
    [`${T.issues[lang]} (${report.issues.length})`],
    { bold: true, background: COLORS.family, size: 12 },
    WIDTHS.length,
  );
  if (report.issues.length === 0) {
    b.row([T.noIssues[lang]], { color: COLORS.good });
  } else {
    b.row(T.issueHeaders[lang], { bold: true, background: COLORS.header });
    for (const issue of report.issues.slice(0, ISSUES_SHOWN)) {
      b.row([issue.tab, issue.row ?? '', issue.column ?? '', issue.value, issue.message], {}, undefined);
    }
    if (report.issues.length > ISSUES_SHOWN) {
      b.row([T.moreIssues[lang].replace('{n}', String(report.issues.length - ISSUES_SHOWN))], {
        color: COLORS.muted,
      });
    }
  }
  return b.build(2);
}

/** Header of the hidden KPI table (row 3 of the hidden tab, under the stamp and the period). */
export const KPI_TABLE_HEADER = [
  'period',
  'kpi_id',
  'label',
  'value',
  'previous',
  'delta',
  'n',
  'unit',
  'status',
];

/** The hidden KPI table rows: one per KPI of the refreshed period. Lists are joined by commas. */
export function kpiTableRows(report: Report): LayoutValue[][] {
  const plain = (v: number | string[] | null): LayoutValue =>
    v === null ? '' : Array.isArray(v) ? v.join(', ') : v;
  return report.kpis.map((k) => [
    report.period.label,
    k.id,
    k.label,
    plain(k.value),
    plain(k.previous),
    k.delta ?? '',
    k.n,
    k.unit,
    k.status ?? '',
  ]);
}
