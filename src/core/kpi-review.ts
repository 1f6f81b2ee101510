/**
 * The KPI review (issue 18): every KPI — the catalogue's and the club's own `custom:<id>` — with
 * whether it has data in the period, whether it moved against the previous period, how many
 * members ticked it as mattering (cold survey `kpi_votes`), its target, and whether it is on; the
 * dashboard line suggesting a review every six months; and the Settings rows a review writes
 * (enabled_kpis, target.<id>, last_kpi_review). Pure: the adapter reads and writes the cells.
 */

import { type CellLocale, parseNumber } from './cells';
import { computeKpis, type Report } from './compute';
import { FAMILY_LABELS } from './dashboard';
import { addMonths, type Day, isoOf } from './dates';
import { formatKpiValue } from './format';
import { fill, type Lang } from './i18n';

/** A review is suggested when the last one is at least this many months old. */
export const REVIEW_EVERY_MONTHS = 6;

export interface KpiReviewRow {
  id: string;
  label: string;
  familyLabel: string;
  custom: boolean;
  enabled: boolean;
  hasData: boolean;
  /** up / down / flat against the previous period; null when either period has no number. */
  moved: 'up' | 'down' | 'flat' | null;
  valueText: string;
  previousText: string;
  /** Members who ticked it in the period's answers. */
  votes: number;
  target: number | null;
  /** The target as the review field shows it: a rate as a percentage (`60 %`), else the number. */
  targetText: string;
  formula: string;
}

/** A target as typed back in the review: `60 %` for a rate (the Settings reader takes it), else JSON-like. */
function targetText(target: number | null, unit: string, lang: Lang): string {
  if (target === null) return '';
  if (unit !== 'ratio') return String(target);
  const percent = String(Math.round(target * 10000) / 100);
  return lang === 'fr' ? `${percent.replace('.', ',')} %` : `${percent}%`;
}

export interface KpiReview {
  period: string;
  previous: string;
  /** ISO day of the last review, or null. */
  lastReview: string | null;
  due: boolean;
  /** Answers of the period that ticked at least one KPI. */
  voters: number;
  rows: KpiReviewRow[];
  /** The line of the dashboard (and the sidebar's introduction). */
  line: string;
}

const LINES = {
  never: {
    fr: 'Revue des indicateurs : aucune enregistrée. Tous les six mois, revoyez avec le bureau et les membres les indicateurs suivis (barre latérale Club Pulse › Revue des indicateurs).',
    en: 'KPI review: none recorded. Every six months, review with the board and the members which KPIs you follow (Club Pulse sidebar › KPI review).',
  },
  due: {
    fr: 'Revue des indicateurs : la dernière date du {last}, il y a plus de six mois. Il est temps d’en refaire une (barre latérale Club Pulse › Revue des indicateurs).',
    en: 'KPI review: the last one was on {last}, more than six months ago. Time for another (Club Pulse sidebar › KPI review).',
  },
  ok: {
    fr: 'Revue des indicateurs : dernière le {last}, prochaine conseillée vers le {next}.',
    en: 'KPI review: last on {last}, next one suggested around {next}.',
  },
};

function dayText(day: Day): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}

/** Whether a review is due, and the dashboard line that says so. */
export function reviewLine(lastReview: Day | null, today: Day, lang: Lang): { due: boolean; line: string } {
  if (lastReview === null) return { due: true, line: LINES.never[lang] };
  const next = addMonths(lastReview, REVIEW_EVERY_MONTHS);
  const due = today >= next;
  const values = { last: dayText(lastReview), next: dayText(next) };
  return { due, line: fill((due ? LINES.due : LINES.ok)[lang], values) };
}

/** The review of a report: every KPI computed, enabled or not. */
export function kpiReviewOf(report: Report): KpiReview {
  const { lang, settings } = report;
  const all = computeKpis(
    { ...report, settings: { ...settings, enabledKpis: null }, lang },
    undefined,
    report.customKpis,
  );
  const enabled = settings.enabledKpis ? new Set(settings.enabledKpis) : null;
  const votes = new Map(
    report.voice.kpiVotes.tally.filter((t) => t.id).map((t) => [t.id as string, t.count]),
  );
  const currency = settings.currency;
  const text = (v: number | string[] | null, k: (typeof all)[number]) =>
    v === null
      ? lang === 'fr'
        ? 'pas de données'
        : 'no data'
      : formatKpiValue(v, k.display, lang, currency);
  const rows = all.map((k) => {
    const numeric = typeof k.value === 'number' && typeof k.previous === 'number';
    const delta = numeric ? (k.value as number) - (k.previous as number) : null;
    return {
      id: k.id,
      label: k.label,
      familyLabel: FAMILY_LABELS[k.family][lang],
      custom: k.family === 'custom',
      enabled: !enabled || enabled.has(k.id),
      hasData: k.value !== null && !(Array.isArray(k.value) && k.value.length === 0),
      moved: delta === null ? null : Math.abs(delta) < 1e-9 ? 'flat' : delta > 0 ? 'up' : 'down',
      valueText: text(k.value, k),
      previousText: text(k.previous, k),
      votes: votes.get(k.id) ?? 0,
      target: k.target,
      targetText: targetText(k.target, k.unit, lang),
      formula: k.formula,
    } satisfies KpiReviewRow;
  });
  const { due, line } = reviewLine(settings.lastKpiReview, report.today, lang);
  return {
    period: report.period.label,
    previous: report.previous.label,
    lastReview: settings.lastKpiReview === null ? null : isoOf(settings.lastKpiReview),
    due,
    voters: report.voice.kpiVotes.answered,
    rows,
    line,
  };
}

/** What the board decided in a review: the KPIs on, and the targets changed as typed ('' clears one). */
export interface KpiReviewDecision {
  /** The period the review was made on (for the figures only; default: Settings' default). */
  period?: string | null;
  /** `yyyy-MM-dd`, for reproducible runs (CLI `--today`); default: today in the sheet's time zone. */
  today?: string;
  enabled: string[];
  targets: Record<string, string>;
}

/** A target as typed in the review: like in Settings, a JSON number (`0.5`) or a locale number (`50 %`). */
export function parseTarget(text: string, locale: CellLocale): number | null | 'bad' {
  const typed = text.trim();
  if (typed === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(typed)) return Number(typed);
  const n = parseNumber(typed, locale);
  return n.ok && n.value !== null ? n.value : 'bad';
}

const NONE_ON = {
  fr: 'Gardez au moins un indicateur coché.',
  en: 'Keep at least one KPI ticked.',
};

const BAD_TARGET = {
  fr: 'Objectif illisible pour « {label} » : « {text} ». Écrivez un nombre (0.75) ou un pourcentage (75 %).',
  en: 'Unreadable target for "{label}": "{text}". Write a number (0.75) or a percentage (75%).',
};

/**
 * The Settings rows a decision writes, as key → value ('' clears): `enabled_kpis` (`all` when every
 * KPI is on), each `target.<id>` given, and `last_kpi_review` = today. Ids that are not KPIs of the
 * review are ignored; an unreadable target refuses the whole decision with one sentence.
 */
export function reviewSettingRows(
  review: KpiReview,
  decision: KpiReviewDecision,
  today: string,
  locale: CellLocale,
  lang: Lang,
): { ok: true; rows: Array<[string, string | number]> } | { ok: false; message: string } {
  const known = new Map(review.rows.map((r) => [r.id, r]));
  const on = review.rows.filter((r) => decision.enabled.includes(r.id)).map((r) => r.id);
  if (on.length === 0) return { ok: false, message: NONE_ON[lang] };
  const rows: Array<[string, string | number]> = [
    ['enabled_kpis', on.length === review.rows.length ? 'all' : on.join(', ')],
  ];
  for (const [id, text] of Object.entries(decision.targets)) {
    const kpi = known.get(id);
    if (!kpi) continue;
    const target = parseTarget(String(text ?? ''), locale);
    if (target === 'bad')
      return { ok: false, message: fill(BAD_TARGET[lang], { label: kpi.label, text: String(text) }) };
    rows.push([`target.${id}`, target ?? '']);
  }
  rows.push(['last_kpi_review', today]);
  return { ok: true, rows };
}

/** The sidebar's review: the review, or one sentence. */
export type KpiReviewResult = { ok: true; review: KpiReview } | { ok: false; message: string };
/** Saving a review: the KPIs now on, or one sentence. */
export type KpiReviewSaved = { ok: true; enabled: number; message: string } | { ok: false; message: string };
