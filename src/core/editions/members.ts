/**
 * The members' edition (issue 19): what of the report may leave the board — L'essentiel (its
 * figures and sentences, each naming its KPI and period, built from the figures), the KPI families
 * with their change in plain words, the success stories the board marked shareable placed beside
 * the figure they illustrate, the leaderboard when Settings `edition_leaderboard` says so (ranks;
 * a name only for a member whose Members column `agrees_to_be_named` says yes) and the club's own
 * message (Settings `edition_message`).
 *
 * Never in it: a member's name, e-mail or personal figure without consent (the Stories column
 * `members` is never read here), the data issues, the to-call list, investment rows (totals only).
 * Every text is plain text here; the renderers escape it (html.ts) or write it as text (layout.ts).
 */

import type { Report } from '../compute';
import { FAMILY_LABELS, storyFigure } from '../dashboard';
import { isoOf } from '../dates';
import { formatKpiValue } from '../format';
import { highlightsOf, periodName, periodPhrase } from '../highlights';
import { type Bilingual, fill, type Lang } from '../i18n';
import { kpiDefinition } from '../kpis/catalogue';
import type { Family, KpiResult } from '../kpis/types';
import type { Story } from '../model';
import { changeWords } from './words';

export const MEMBERS_EDITION_NAME: Bilingual = { fr: 'Édition membres', en: "Members' edition" };

export interface EditionStory {
  /** `dd/mm/yyyy`. */
  date: string;
  title: string;
  text: string;
  /** The story's figure in its KPI's unit (`12 000 €`), '' without one. */
  figure: string;
  /** The KPI it illustrates (its label), '' when unknown. */
  kpiLabel: string;
}

export interface EditionFigure {
  id: string;
  label: string;
  value: string;
  /** The change in plain words, naming the period compared with; '' without one. */
  words: string;
  trend: 'good' | 'bad' | 'flat' | null;
  /** Trend values, oldest first, and their period labels (for the chart). */
  series: Array<number | null>;
  periods: string[];
  /** The KPI's display unit, to format the chart's labels. */
  display: KpiResult['display'];
  stories: EditionStory[];
}

export interface EditionKpi {
  id: string;
  label: string;
  value: string;
  words: string;
  trend: 'good' | 'bad' | 'flat' | null;
  stories: EditionStory[];
}

export interface EditionFamily {
  id: Family;
  label: string;
  kpis: EditionKpi[];
  /** Shareable stories of the family whose KPI is not one of its figures. */
  stories: EditionStory[];
}

export interface EditionLeader {
  rank: number;
  /** The member's name when they agreed to be named, else « Membre non nommé » (ranks can tie). */
  name: string;
  score: number;
}

export interface MembersEdition {
  lang: Lang;
  currency: string;
  title: string;
  clubName: string;
  /** `2026-S1`, and « 1er semestre 2026 » / "first half of 2026" with its dates. */
  periodLabel: string;
  periodText: string;
  /** « 1er semestre 2026 » (the e-mail's subject names it), and « au 1er semestre 2026 ». */
  periodName: string;
  periodIn: string;
  message: string;
  essentiel: { title: string; figures: EditionFigure[]; sentences: string[]; trendCaption: string };
  families: EditionFamily[];
  /** Stories whose KPI is unknown or not shown. */
  otherStories: EditionStory[];
  leaderboard: { title: string; note: string; rows: EditionLeader[] } | null;
  footer: string;
  /** Headings the renderers print. */
  labels: Record<'message' | 'families' | 'stories' | 'indicator' | 'value' | 'change' | 'print', string>;
}

/** The print button of both print views. */
export const PRINT_LABEL: Bilingual = { fr: 'Imprimer / enregistrer en PDF', en: 'Print / save as PDF' };

const T = {
  title: { fr: 'Le club en chiffres', en: 'The club in figures' },
  leaderboard: { fr: 'Palmarès', en: 'Leaderboard' },
  leaderNote: {
    fr: 'Score d’activité sur 100. Seuls les membres qui l’ont accepté sont nommés.',
    en: 'Activity score out of 100. Only members who agreed are named.',
  },
  anonymous: { fr: 'Membre non nommé', en: 'Unnamed member' },
  footer: {
    fr: 'Édition établie par Club Pulse à partir des données du club ({period}). Aucune donnée personnelle n’y figure sans l’accord du membre.',
    en: 'Edition made by Club Pulse from the club’s data ({period}). No personal data appears in it without the member’s consent.',
  },
  labels: {
    fr: {
      message: 'Le mot du club',
      families: 'Nos indicateurs',
      stories: 'Nos succès',
      indicator: 'Indicateur',
      value: 'Valeur',
      change: 'Évolution',
    },
    en: {
      message: 'A word from the club',
      families: 'Our indicators',
      stories: 'Our success stories',
      indicator: 'Indicator',
      value: 'Value',
      change: 'Change',
    },
  },
};

/** KPIs whose details name members (the to-call list) or whose value is a list: never shown. */
const NEVER_SHOWN = new Set(['top_topics']);
const LEADERS_SHOWN = 10;

export function dayText(day: number): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}

/** « 1er semestre 2026 »: the period's phrase without its leading preposition. */
export function periodNameOf(report: Report): string {
  return periodName(report.period, report.lang);
}

/** « 1er semestre 2026 (01/01/2026 – 30/06/2026) ». */
export function periodTextOf(report: Report): string {
  return `${periodNameOf(report)} (${dayText(report.period.start)} – ${dayText(report.period.end)})`;
}

/** The shareable stories of the period (up to today while it runs), newest first. */
export function shareableStories(report: Report): Story[] {
  const end = Math.min(report.period.end, report.today);
  return report.club.stories
    .filter((st) => st.shareable && st.date >= report.period.start && st.date <= end)
    .sort((a, b) => b.date - a.date || a.row - b.row);
}

export function editionStory(story: Story, report: Report): EditionStory {
  const kpi = report.kpis.find((k) => k.id === story.kpi);
  return {
    date: dayText(story.date),
    title: story.title,
    text: story.story,
    figure: storyFigure(story, report.lang, report.settings.currency),
    kpiLabel: kpi?.label ?? '',
  };
}

/** A KPI as the editions show it: its label, value and change in words. */
export function kpiLine(k: KpiResult, report: Report): Omit<EditionKpi, 'stories'> {
  const c = changeWords(k, report);
  return {
    id: k.id,
    label: k.label,
    value: formatKpiValue(k.value, k.display, report.lang, report.settings.currency),
    words: c.words,
    trend: c.trend,
  };
}

/** A KPI worth showing members: it has a number this period and names nobody. */
export function shownKpi(k: KpiResult): boolean {
  return typeof k.value === 'number' && !NEVER_SHOWN.has(k.id);
}

function leaderboardOf(report: Report): MembersEdition['leaderboard'] {
  if (!report.settings.editionLeaderboard) return null;
  const { lang } = report;
  const byId = new Map(report.club.members.map((m) => [m.id, m]));
  const rows = report.scores.slice(0, LEADERS_SHOWN).map((s) => {
    const member = byId.get(s.memberId);
    const named = member?.agreesToBeNamed === true;
    return {
      rank: s.rank,
      name: named ? s.name : T.anonymous[lang],
      score: s.score,
    };
  });
  return { title: T.leaderboard[lang], note: T.leaderNote[lang], rows };
}

export function buildMembersEdition(report: Report): MembersEdition {
  const { lang } = report;
  const h = highlightsOf(report);
  const stories = shareableStories(report);
  const placed = new Set<Story>();
  const take = (pick: (st: Story) => boolean): EditionStory[] =>
    stories
      .filter((st) => !placed.has(st) && pick(st))
      .map((st) => {
        placed.add(st);
        return editionStory(st, report);
      });

  const figures: EditionFigure[] = h.figures.map((f) => {
    const k = report.kpis.find((x) => x.id === f.id)!;
    const c = changeWords(k, report);
    return {
      id: f.id,
      label: f.label,
      value: f.value,
      words: c.words,
      trend: c.trend,
      series: f.series,
      periods: f.periods,
      display: k.display,
      stories: take((st) => st.kpi === f.id),
    };
  });
  const figureIds = new Set(figures.map((f) => f.id));
  const families: EditionFamily[] = [];
  for (const family of [...new Set(report.kpis.map((k) => k.family))]) {
    const kpis = report.kpis
      .filter((k) => k.family === family && shownKpi(k) && !figureIds.has(k.id))
      .map((k) => ({ ...kpiLine(k, report), stories: take((st) => st.kpi === k.id) }));
    const familyStories = take((st) => kpiDefinition(st.kpi)?.family === family);
    if (kpis.length > 0 || familyStories.length > 0)
      families.push({ id: family, label: FAMILY_LABELS[family][lang], kpis, stories: familyStories });
  }
  return {
    lang,
    currency: report.settings.currency,
    title: T.title[lang],
    clubName: report.settings.clubName,
    periodLabel: report.period.label,
    periodText: periodTextOf(report),
    periodName: periodNameOf(report),
    periodIn: periodPhrase(report.period, report.lang, 'in'),
    message: report.settings.editionMessage,
    essentiel: { title: h.title, figures, sentences: h.sentences, trendCaption: h.trendCaption },
    families,
    otherStories: take(() => true),
    leaderboard: leaderboardOf(report),
    footer: fill(T.footer[lang], { period: report.period.label }),
    labels: { ...T.labels[lang], print: PRINT_LABEL[lang] },
  };
}
