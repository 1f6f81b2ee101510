/**
 * The Dashboard tab (SPEC §6) as a platform-neutral layout: a header (club, period, previous
 * period, refresh time, data-issue count), one block of KPI cards per family (value, delta arrow
 * coloured by the direction of "good", target, benchmark with its source, traffic-light colour, n,
 * formula) and the data-issues table (first 50, with tab and row). Also the hidden KPI table that
 * custom functions read (SPEC §10).
 */

import { challengesBlock } from './challenge-views';
import { CHART_DATA_SHEET, type ChartSpec } from './charts';
import { comparisonOf, formulaText, statusWords } from './comparison';
import type { Report } from './compute';
import { isoOf } from './dates';
import { formatKpiValue, numberFormatOf } from './format';
import { type Highlights, highlightsOf } from './highlights';
import { type Bilingual, fill, type Lang } from './i18n';
import { kpiDefinition } from './kpis/catalogue';
import type { Family, KpiResult, Status } from './kpis/types';
import { type LayoutBuilder as Builder, LayoutBuilder, type LayoutValue, type SheetLayout } from './layout';
import { LEADERBOARD_HEADER, LEADERBOARD_NAME, leaderboardRow } from './member-tabs';
import type { Story } from './model';
import { peerLine } from './network/peers';
import { EVENT_FORMATS } from './schema';
import { voiceBlock } from './voice-tab';

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
  custom: { fr: 'Indicateurs du club', en: "The club's own indicators" },
};

/** « Période : » in French (a space before the colon), "Period:" in English. */
const COLON: Bilingual = { fr: '\u00a0: ', en: ': ' };
/** A recommendation's severity 1–3 said in words, where "!", "!!", "!!!" said nothing to a board. */
const URGENCY: Bilingual[] = [
  { fr: 'À suivre', en: 'To watch' },
  { fr: 'Important', en: 'Important' },
  { fr: 'Urgent', en: 'Urgent' },
];

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
  recommendations: { fr: 'Recommandations', en: 'Recommendations' },
  noRecommendations: { fr: 'Aucune recommandation : tout va bien.', en: 'No recommendation: all is well.' },
  stories: { fr: 'Succès du club', en: 'Club success stories' },
  byFormat: {
    fr: ['Satisfaction par format', 'Moyenne', 'Réponses'],
    en: ['Satisfaction by format', 'Mean', 'Answers'],
  },
  noFormat: { fr: 'Sans format', en: 'No format' },
  topics: {
    fr: ['Thèmes les plus partagés', 'Contenus', 'Réactions'],
    en: ['Top topics', 'Contents', 'Reactions'],
  },
  toCall: {
    fr: '☎ {n} membre(s) à appeler : cotisation {previous} payée, pas encore {term}.',
    en: '☎ {n} member(s) to call: paid {previous}, not yet {term}.',
  },
  leftWithReason: {
    fr: '{n} membre(s) parti(s) avec un motif connu (cotisation {previous} payée, pas {term}) : {reasons}.',
    en: '{n} member(s) left with a known reason (paid {previous}, not {term}): {reasons}.',
  },
  moreIssues: { fr: '… et {n} autres (voir la barre latérale).', en: '… and {n} more (see the sidebar).' },
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
function spanText(start: number, end: number): string {
  return `${dateText(start)} – ${dateText(end)}`;
}

function kpiRow(b: Builder, k: KpiResult, report: Report): void {
  const { lang } = report;
  const currency = report.settings.currency;
  const change = comparisonOf(k, report, lang, currency);
  const trend = change.trend;
  const value: LayoutValue =
    typeof k.value === 'number' ? k.value : formatKpiValue(k.value, k.display, lang, currency);
  const target: LayoutValue = k.target;
  const benchmark = k.benchmark
    ? `${formatKpiValue(k.benchmark.value, k.display, lang, currency)} (${k.benchmark.source})`
    : '';
  const indicative = k.details.indicative ? (lang === 'fr' ? ' (indicatif)' : ' (indicative)') : '';
  b.row([
    { value: k.label + indicative, style: { bold: true } },
    { value, style: { format: numberFormatOf(k.display, currency), bold: true, size: 12 } },
    {
      value: change.delta === null ? '' : `${change.arrow} ${change.text}`,
      style: { color: trend === 'good' ? COLORS.good : trend === 'bad' ? COLORS.bad : COLORS.muted },
    },
    { value: target, style: { format: numberFormatOf(k.display, currency) } },
    { value: benchmark, style: { color: COLORS.muted } },
    { value: k.n, style: { format: '0', color: COLORS.muted } },
    k.status ? { value: `● ${statusWords(k, lang)}`, style: { background: COLORS.status[k.status] } } : '',
    { value: formulaText(k, report, lang), style: { color: COLORS.muted } },
  ]);
  // Issue 22: the KPI's place among the network's clubs, under it.
  if (k.peer) {
    const format = (x: number) => formatKpiValue(x, k.display, lang, currency);
    b.row([{ value: `↳ ${peerLine(k.peer, lang, format)}`, style: { color: COLORS.title } }]);
  }
}

/** Where a chart of the chart-data tab sits on the dashboard (1-based anchor cell). */
export interface ChartPlacement {
  spec: ChartSpec;
  dataSheet: string;
  anchorRow: number;
  anchorColumn: number;
}

/** Dashboard column where charts start, right of the KPI table; rows between two charts. */
export const CHART_COLUMN = WIDTHS.length + 2;
export const CHART_ROWS = 20;

/** `31/12/2026`, day first in both languages (as the dashboard always showed it). */
function dateText(day: number): string {
  const [y, m, dd] = isoOf(day).split('-');
  return `${dd}/${m}/${y}`;
}

/** The stories of P (up to today while P is not over), newest first: a story of another period is not news. */
function storiesOf(report: Report): Story[] {
  const end = Math.min(report.period.end, report.today);
  return report.club.stories
    .filter((st) => st.date >= report.period.start && st.date <= end)
    .sort((a, b) => b.date - a.date || a.row - b.row);
}

/**
 * A story's figure in the unit of the KPI it illustrates (`12 000 €`, `80,0 %`); a rate written as a
 * percentage (80 rather than 0.8) is read as one. Without a known KPI, the plain number.
 */
export function storyFigure(story: Pick<Story, 'kpi' | 'value'>, lang: Lang, currency: string): string {
  if (story.value === null) return '';
  const def = kpiDefinition(story.kpi);
  const unit = def?.display ?? def?.unit ?? 'count';
  const value = unit === 'ratio' && Math.abs(story.value) > 1 ? story.value / 100 : story.value;
  return formatKpiValue(
    value,
    unit === 'count' && !Number.isInteger(value) ? 'per_member' : unit,
    lang,
    currency,
  );
}

function storyRow(b: Builder, story: Story, lang: Lang, currency: string): void {
  const figure = storyFigure(story, lang, currency);
  const value = figure ? ` (${figure})` : '';
  const text = `★ ${dateText(story.date)} — ${story.title}${value}${story.story ? ` : ${story.story}` : ''}`;
  b.row([text], { color: '#3c4043', background: '#fef7e0' });
}

function familyExtras(b: Builder, family: Family, report: Report): void {
  const { lang } = report;
  const kpi = (id: string) => report.kpis.find((k) => k.id === id);
  if (family === 'satisfaction') {
    const formats = (kpi('event_satisfaction')?.details.by_format ?? []) as Array<{
      format: string;
      mean: number | null;
      n: number;
    }>;
    if (formats.length > 0) {
      b.row(T.byFormat[lang], { bold: true, background: COLORS.header });
      for (const f of formats) {
        const label = EVENT_FORMATS.find((c) => c.id === f.format)?.label[lang] ?? T.noFormat[lang];
        b.row([label, { value: f.mean, style: { format: '0.00' } }, { value: f.n, style: { format: '0' } }]);
      }
    }
  }
  if (family === 'knowledge') {
    const topics = (kpi('top_topics')?.details.topics ?? []) as Array<{
      topic: string;
      contents: number;
      reactions: number;
    }>;
    if (topics.length > 0) {
      b.row(T.topics[lang], { bold: true, background: COLORS.header });
      for (const t of topics)
        b.row([
          t.topic,
          { value: t.contents, style: { format: '0' } },
          { value: t.reactions, style: { format: '0' } },
        ]);
    }
  }
  if (family === 'retention') {
    const renewal = kpi('renewal_rate');
    const toCall = (renewal?.details.to_call ?? []) as unknown[];
    if (renewal && toCall.length > 0) {
      const text = T.toCall[lang]
        .replace('{n}', String(toCall.length))
        .replace('{previous}', String(renewal.details.previous_term))
        .replace('{term}', String(renewal.details.term));
      b.row([text], { bold: true, color: COLORS.bad });
    }
    const reasons = (renewal?.details.leave_reasons ?? []) as Array<{ reason: string; count: number }>;
    if (renewal && reasons.length > 0) {
      // fill() inserts the club's reasons as they are (no `$&` replacement patterns).
      const text = fill(T.leftWithReason[lang], {
        n: reasons.reduce((sum, r) => sum + r.count, 0),
        previous: String(renewal.details.previous_term),
        term: String(renewal.details.term),
        reasons: reasons.map((r) => `${r.reason} (${r.count})`).join(', '),
      });
      b.row([text], { color: COLORS.muted });
    }
  }
  const stories = storiesOf(report)
    .filter((st) => kpiDefinition(st.kpi)?.family === family)
    .slice(0, 3);
  for (const story of stories) storyRow(b, story, lang, report.settings.currency);
}

/**
 * L'essentiel: one row per big figure — label, value, trend sparkline, then the change and what it
 * compares with, left alone in its row so that it overflows into the empty cells on its right
 * rather than wrapping — then the sentences.
 */
function highlightsBlock(b: Builder, h: Highlights): void {
  b.row([h.title], { bold: true, background: COLORS.family, size: 14 });
  for (const f of h.figures) {
    const color =
      f.change.trend === 'good' ? COLORS.good : f.change.trend === 'bad' ? COLORS.bad : COLORS.muted;
    b.row([
      { value: f.label, style: { bold: true } },
      { value: f.value, style: { bold: true, size: 14 } },
      { value: f.spark, style: { color: COLORS.title, size: 12 } },
      {
        value: f.change.delta === null ? '' : `${f.change.arrow}\u00a0${f.change.text} (${f.change.period})`,
        style: { color, bold: true },
      },
    ]);
  }
  b.row([h.trendCaption], { color: COLORS.muted });
  for (const sentence of h.sentences) b.row([sentence], { color: '#202124', size: 11 });
  b.blank();
}

/** The Dashboard tab for a report; `refreshedAt` is the local wall-clock text of the refresh. */
/**
 * The Dashboard tab. `notes` are lines the adapter adds under the period line (the automation's last
 * run and last error, read from document properties).
 */
export function buildDashboard(
  report: Report,
  refreshedAt: string,
  charts: ChartSpec[] = [],
  notes: string[] = [],
): SheetLayout {
  const { lang } = report;
  const b = new LayoutBuilder(DASHBOARD_NAME[lang], WIDTHS);
  const club = report.settings.clubName;
  b.row([club ? `${T.title[lang]} — ${club}` : T.title[lang]], { bold: true, size: 16, color: COLORS.title });
  b.row(
    [
      `${T.period[lang]}${COLON[lang]}${report.period.label} (${spanText(report.period.start, report.period.end)}) · ` +
        `${T.previous[lang]}${COLON[lang]}${report.previous.label} · ${T.refreshed[lang]} ${refreshedAt} · ` +
        `${T.issues[lang]}${COLON[lang]}${report.issues.length}`,
    ],
    { color: COLORS.muted },
  );
  for (const note of notes) b.row([note], { color: COLORS.muted });
  b.blank();
  highlightsBlock(b, highlightsOf(report));
  challengesBlock(b, report, COLORS);

  b.row([T.recommendations[lang]], { bold: true, background: COLORS.family, size: 12 });
  if (report.recommendations.length === 0) b.row([T.noRecommendations[lang]], { color: COLORS.good });
  for (const r of report.recommendations.slice(0, 5)) {
    const urgency = URGENCY[Math.min(Math.max(r.severity, 1), 3) - 1]![lang];
    b.row([`${urgency}${COLON[lang]}${r.text}`], { color: r.severity >= 3 ? COLORS.bad : '#202124' });
  }
  b.blank();

  const chartsStart = b.nextRow + 1;
  const families = [...new Set(report.kpis.map((k) => k.family))];
  for (const family of families) {
    b.row([FAMILY_LABELS[family][lang]], { bold: true, background: COLORS.family, size: 12 });
    b.row(T.headers[lang], { bold: true, background: COLORS.header });
    for (const k of report.kpis.filter((x) => x.family === family)) kpiRow(b, k, report);
    familyExtras(b, family, report);
    b.blank();
  }
  voiceBlock(b, report);

  b.row([`${LEADERBOARD_NAME[lang]} — top 10`], { bold: true, background: COLORS.family, size: 12 });
  b.row(LEADERBOARD_HEADER[lang], { bold: true, background: COLORS.header });
  for (const score of report.scores.slice(0, 10)) b.row(leaderboardRow(score, report, false));
  b.blank();

  const shownFamilies = new Set<string>(families);
  const otherStories = storiesOf(report)
    .filter((st) => !shownFamilies.has(kpiDefinition(st.kpi)?.family ?? ''))
    .slice(0, 3);
  if (otherStories.length > 0) {
    b.row([T.stories[lang]], { bold: true, background: COLORS.family, size: 12 });
    for (const story of otherStories) storyRow(b, story, lang, report.settings.currency);
    b.blank();
  }

  b.row([`${T.issues[lang]} (${report.issues.length})`], { bold: true, background: COLORS.family, size: 12 });
  if (report.issues.length === 0) {
    b.row([T.noIssues[lang]], { color: COLORS.good });
  } else {
    b.row(T.issueHeaders[lang], { bold: true, background: COLORS.header });
    for (const issue of report.issues.slice(0, ISSUES_SHOWN)) {
      b.row([issue.tab, issue.row ?? '', issue.column ?? '', issue.value, issue.message]);
    }
    if (report.issues.length > ISSUES_SHOWN) {
      b.row([T.moreIssues[lang].replace('{n}', String(report.issues.length - ISSUES_SHOWN))], {
        color: COLORS.muted,
      });
    }
  }
  const layout = b.build(2);
  layout.charts = charts.map((spec, i) => ({
    spec,
    dataSheet: CHART_DATA_SHEET,
    anchorRow: chartsStart + i * CHART_ROWS,
    anchorColumn: CHART_COLUMN,
  }));
  return layout;
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
