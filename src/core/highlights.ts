/**
 * L'essentiel / Highlights (issue 16, SPEC §13): the figures a board looks at first — active members,
 * participation, NPS, business generated, renewal, ROI — each with its change (see comparison.ts),
 * its trend over the last periods of the same kind (the values History holds for them, recomputed
 * from the tracking tabs so that a first refresh already shows them) and two or three sentences a
 * president can read aloud. Every sentence names its KPI and its period, and says only what the
 * figures say: a KPI without a value, or whose change rests on too small a base, gets no sentence
 * of change.
 */

import { type Comparison, comparisonOf } from './comparison';
import type { Report } from './compute';
import { isoOf } from './dates';
import { formatKpiValue } from './format';
import { fill, type Lang } from './i18n';
import { kpiDefinition } from './kpis/catalogue';
import type { KpiContext, KpiResult } from './kpis/types';
import { monthName } from './month-names';
import { type Period, previousPeriod } from './periods';

/** The highlighted KPIs, in the order they are shown, with the subject of their sentences. */
export const HIGHLIGHT_KPIS: Array<{ id: string; subject: { fr: string; en: string } }> = [
  { id: 'active_members', subject: { fr: 'Le nombre de membres actifs', en: 'Active membership' } },
  { id: 'participation_rate', subject: { fr: 'Le taux de participation', en: 'Participation' } },
  { id: 'nps', subject: { fr: 'Notre NPS', en: 'Our NPS' } },
  {
    id: 'business_generated',
    subject: { fr: "Le chiffre d'affaires généré entre membres", en: 'Business generated between members' },
  },
  { id: 'renewal_rate', subject: { fr: 'Le taux de renouvellement', en: 'The renewal rate' } },
  { id: 'roi', subject: { fr: 'Le retour sur investissement', en: 'Return on investment' } },
];

/** How many periods the trend covers, the refreshed one included. */
export const TREND_PERIODS = 4;

/** After the first sentence (membership), the changes told, in this order of priority. */
const SENTENCES_MAX = 3;

export interface HighlightFigure {
  id: string;
  label: string;
  /** Formatted value (`48`, `62,5 %`), or "pas de données". */
  value: string;
  /** The last TREND_PERIODS values, oldest first (null: no data that period). */
  series: Array<number | null>;
  /** Labels of the series' periods, oldest first. */
  periods: string[];
  /** A text sparkline of the series (`▂▄▅█`), '' with fewer than two values. */
  spark: string;
  change: Comparison;
}

export interface Highlights {
  title: string;
  /** `Tendance sur 4 périodes` — what the sparkline covers. */
  trendCaption: string;
  figures: HighlightFigure[];
  sentences: string[];
}

const TEXT = {
  title: { fr: "L'essentiel", en: 'Highlights' },
  trend: { fr: 'Tendance sur {n} périodes ({from} → {to})', en: 'Trend over {n} periods ({from} → {to})' },
  up: { fr: 'progresse', en: 'rises' },
  down: { fr: 'recule', en: 'falls' },
  flat: { fr: 'est stable', en: 'holds steady' },
  change: {
    fr: '{subject} {verb} : {value} {in}, soit {delta} par rapport {vs}.',
    en: '{subject} {verb}: {value} {in}, {delta} compared with {vs}.',
  },
  steady: {
    fr: '{subject} {verb} : {value} {in}, comme {vs}.',
    en: '{subject} {verb}: {value} {in}, as {vs}.',
  },
  slight: {
    fr: '{subject} {verb} : {value} {in} ({delta} par rapport {vs}).',
    en: '{subject} {verb}: {value} {in} ({delta} compared with {vs}).',
  },
  value: { fr: '{subject} : {value} {in}.', en: '{subject}: {value} {in}.' },
  yearEarlier: { fr: ' (un an plus tôt)', en: ' (a year earlier)' },
};

const ORDINAL_FR = ['1er', '2e', '3e', '4e'];

/** A period's name on its own: « 1er semestre 2026 », "the first half of 2026", « l'exercice 2025 ». */
export function periodName(p: Period, lang: Lang): string {
  return periodPhrase(p, lang, 'in').replace(/^(au|en|sur|du|in|from) /, '');
}

/** A period's name as a title or a list item: « 1er semestre 2026 », "First half of 2026". */
export function periodTitle(p: Period, lang: Lang): string {
  const name = periodName(p, lang).replace(/^the /, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A period in a sentence: `in` form (« au 1er semestre 2026 », "in the first half of 2026") or `vs`
 * form, after « par rapport » / "compared with" (« au 2e semestre 2025 », "the second half of 2025").
 */
export function periodPhrase(p: Period, lang: Lang, form: 'in' | 'vs'): string {
  const year = p.label.slice(0, 4);
  const n = Number(p.label.slice(-1));
  const fr = lang === 'fr';
  switch (p.kind) {
    case 'month': {
      const month = monthName(Number(p.label.slice(5, 7)), lang);
      if (fr) return `${form === 'in' ? 'en' : 'à'} ${month} ${year}`;
      return `${form === 'in' ? 'in ' : ''}${month} ${year}`;
    }
    case 'quarter':
      if (fr) return `au ${ORDINAL_FR[n - 1]} trimestre ${year}`;
      return `${form === 'in' ? 'in ' : ''}Q${n} ${year}`;
    case 'semester':
      if (fr) return `au ${ORDINAL_FR[n - 1]} semestre ${year}`;
      return `${form === 'in' ? 'in ' : ''}the ${n === 1 ? 'first' : 'second'} half of ${year}`;
    case 'year':
      return fr ? `${form === 'in' ? 'en' : 'à'} ${year}` : `${form === 'in' ? 'in ' : ''}${year}`;
    case 'fiscal_year': {
      const fy = p.label.slice(2);
      if (fr) return `${form === 'in' ? 'sur' : 'à'} l'exercice ${fy}`;
      return `${form === 'in' ? 'in ' : ''}fiscal year ${fy}`;
    }
    case 'custom': {
      const day = (d: number) => {
        const [y, m, dd] = isoOf(d).split('-');
        return `${dd}/${m}/${y}`;
      };
      if (fr) return `${form === 'in' ? 'du' : 'à la période du'} ${day(p.start)} au ${day(p.end)}`;
      return `${form === 'in' ? 'from' : 'the period from'} ${day(p.start)} to ${day(p.end)}`;
    }
  }
}

const BARS = '▁▂▃▄▅▆▇█';

/** A text sparkline: one bar per value scaled between the series' min and max; a gap for no data. */
export function sparkline(series: Array<number | null>): string {
  const known = series.filter((v): v is number => v !== null);
  if (known.length < 2) return '';
  const min = Math.min(...known);
  const max = Math.max(...known);
  return series
    .map((v) => {
      if (v === null) return ' ';
      if (max === min) return BARS[3];
      return BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))];
    })
    .join('');
}

/** The last TREND_PERIODS periods of P's kind, oldest first, P last. */
function trendPeriods(report: Report): Period[] {
  const periods = [report.period];
  while (periods.length < TREND_PERIODS)
    periods.unshift(previousPeriod(periods[0], report.settings.fyStartMonth));
  return periods;
}

function seriesOf(report: Report, id: string, periods: Period[]): Array<number | null> {
  const def = kpiDefinition(id);
  if (!def) return periods.map(() => null);
  return periods.map((period) => {
    const ctx: KpiContext = {
      club: report.club,
      period,
      today: report.today,
      settings: report.settings,
      lang: report.lang,
      memo: new Map(),
    };
    const value = def.compute(ctx).value;
    return typeof value === 'number' ? value : null;
  });
}

/**
 * Whether a change is worth a « progresse » / « recule »: at least 1 point for a rate, 2 for the
 * NPS, 0.05 for a 1–5 mean, 2 % of the base for a count or an amount. Below, the figure is said
 * stable, with its change in brackets: +0.2 point is no progress to announce to a general meeting.
 */
export function notable(
  k: Pick<KpiResult, 'display' | 'previous' | 'previousYear' | 'yearly'>,
  delta: number,
): boolean {
  const size = Math.abs(delta);
  switch (k.display) {
    case 'ratio':
      return size >= 0.01;
    case 'nps':
      return size >= 2;
    case 'mean_1_5':
      return size >= 0.05;
    default: {
      const base = k.yearly ? k.previousYear : k.previous;
      return typeof base !== 'number' || base === 0 || size >= 0.02 * Math.abs(base);
    }
  }
}

function sentenceOf(k: KpiResult, figure: HighlightFigure, report: Report, subject: string): string | null {
  const { lang } = report;
  if (typeof k.value !== 'number') return null;
  const base = figure.change.against === 'previous_year' ? report.previousYear : report.previous;
  const values = {
    subject,
    value: figure.value,
    in: periodPhrase(report.period, lang, 'in'),
    vs:
      periodPhrase(base, lang, 'vs') +
      (figure.change.against === 'previous_year' ? TEXT.yearEarlier[lang] : ''),
    delta: figure.change.text,
  };
  if (figure.change.delta === null) return fill(TEXT.value[lang], values);
  const arrow = figure.change.arrow;
  if (arrow === '=') return fill(TEXT.steady[lang], { ...values, verb: TEXT.flat[lang] });
  if (!notable(k, figure.change.delta)) return fill(TEXT.slight[lang], { ...values, verb: TEXT.flat[lang] });
  return fill(TEXT.change[lang], { ...values, verb: (arrow === '▲' ? TEXT.up : TEXT.down)[lang] });
}

const computed = new WeakMap<Report, Highlights>();

/** The highlights of a report (only the enabled KPIs among HIGHLIGHT_KPIS), worked out once per report. */
export function highlightsOf(report: Report): Highlights {
  let h = computed.get(report);
  if (!h) {
    h = buildHighlights(report);
    computed.set(report, h);
  }
  return h;
}

function buildHighlights(report: Report): Highlights {
  const { lang } = report;
  const currency = report.settings.currency;
  const periods = trendPeriods(report);
  const chosen = HIGHLIGHT_KPIS.map((h) => ({ h, k: report.kpis.find((k) => k.id === h.id) })).filter(
    (x): x is { h: (typeof HIGHLIGHT_KPIS)[number]; k: KpiResult } => x.k !== undefined,
  );
  const figures = chosen.map(({ k }) => {
    const series = seriesOf(report, k.id, periods);
    return {
      id: k.id,
      label: k.label,
      value: formatKpiValue(k.value, k.display, lang, currency),
      series,
      periods: periods.map((p) => p.label),
      spark: sparkline(series),
      change: comparisonOf(k, report, lang, currency),
    };
  });
  // Membership first when known, then the changes that mean something, in HIGHLIGHT_KPIS order,
  // then plain values, up to SENTENCES_MAX.
  const candidates = chosen.map(({ h, k }, i) => ({
    text: sentenceOf(k, figures[i], report, h.subject[lang]),
    first: k.id === 'active_members',
    changed: figures[i].change.delta !== null && notable(k, figures[i].change.delta as number),
  }));
  const ordered = [
    ...candidates.filter((c) => c.first),
    ...candidates.filter((c) => !c.first && c.changed),
    ...candidates.filter((c) => !c.first && !c.changed),
  ];
  const sentences = ordered
    .map((c) => c.text)
    .filter((t): t is string => t !== null)
    .slice(0, SENTENCES_MAX);
  return {
    title: TEXT.title[lang],
    trendCaption: fill(TEXT.trend[lang], {
      n: periods.length,
      from: periodName(periods[0], lang),
      to: periodName(periods[periods.length - 1], lang),
    }),
    figures,
    sentences,
  };
}
