/**
 * The voice of the members (issue 18), from the answers of the period (Responses, one answer per
 * member per survey as the model keeps them, none after today):
 * - preferred formats vs formats offered: the share of respondents asking for each SPEC §1 format,
 *   beside the share of the period's events in that format and their mean hot satisfaction;
 * - the free answers (most valuable, expectations, comment), newest first, with survey, question
 *   and date — never the member, whatever the survey;
 * - recurring themes, counted with a transparent keyword list (Settings `theme.<name>`, else the
 *   built-in list below): an answer counts once for a theme when one of its words starts with a
 *   keyword (accents and case ignored);
 * - the tallies of the cold survey's workshop wishes and KPI votes.
 * Pure; the JSON form is SPEC §13's `voice` object.
 */

import { ChoiceMatcher } from './cells';
import { type Day, isoOf } from './dates';
import type { Bilingual, Lang } from './i18n';
import { CATALOGUE } from './kpis/catalogue';
import type { KpiDefinition } from './kpis/types';
import type { Club } from './model';
import { normalizeLabel } from './normalize';
import type { Period } from './periods';
import type { Row } from './read';
import { EVENT_FORMATS } from './schema';
import { type Settings, settingList } from './settings';

export type QuoteQuestion = 'most_valuable' | 'expectations' | 'comment';
export const QUOTE_QUESTIONS: QuoteQuestion[] = ['most_valuable', 'expectations', 'comment'];

export interface FormatDemand {
  format: string;
  /** Respondents who ticked it, and that ÷ respondents who answered the question (null: none did). */
  asked: number;
  askedShare: number | null;
  /** Events of the period in that format, and that ÷ the period's events (null: no event). */
  offered: number;
  offeredShare: number | null;
  /** Mean satisfaction (1–5) of the period's hot answers about events in that format, and how many. */
  satisfaction: number | null;
  satisfactionN: number;
}

export interface Quote {
  surveyId: string;
  question: QuoteQuestion;
  text: string;
  date: Day;
}

export interface Tally {
  /** The KPI id a vote names (KPI votes), else null. */
  id: string | null;
  label: string;
  count: number;
}

export interface Voice {
  /** Answers of the period that answered the preferred formats question. */
  formatRespondents: number;
  events: number;
  formats: FormatDemand[];
  themes: Array<{ theme: string; keywords: string[]; count: number }>;
  quotes: Quote[];
  workshops: { answered: number; tally: Tally[] };
  kpiVotes: { answered: number; tally: Tally[] };
}

/** SPEC §13: `voice` beside `kpis`. */
export interface VoiceJson {
  preferred_formats: Array<{
    format: string;
    asked_share: number | null;
    offered_share: number | null;
    satisfaction: number | null;
  }>;
  themes: Array<{ theme: string; count: number }>;
  quotes: Array<{ survey_id: string; question: QuoteQuestion; text: string; date: string }>;
}

const c = (fr: string, en: string): Bilingual => ({ fr, en });

/** The built-in themes, used until Settings has a `theme.<name>` row; keywords in both languages. */
export const DEFAULT_THEMES: Array<{ name: Bilingual; keywords: string[] }> = [
  {
    name: c('Affaires', 'Business'),
    keywords: [
      'affaire',
      'business',
      'client',
      'contrat',
      'chiffre',
      'marché',
      'opportunit',
      'lead',
      'vente',
      'sales',
      'deal',
    ],
  },
  {
    name: c('Rencontres', 'Networking'),
    keywords: [
      'rencontr',
      'contact',
      'réseau',
      'network',
      'relation',
      'échange',
      'meet',
      'connexion',
      'connection',
    ],
  },
  {
    name: c('Formats et horaires', 'Formats and timing'),
    keywords: [
      'horaire',
      'format',
      'petit-déjeuner',
      'soir',
      'matin',
      'webinaire',
      'durée',
      'breakfast',
      'evening',
      'morning',
      'timing',
      'schedule',
    ],
  },
  {
    name: c('Entraide', 'Mutual help'),
    keywords: ['entraide', 'aide', 'conseil', 'soutien', 'help', 'advice', 'support'],
  },
  {
    name: c('Formation', 'Learning'),
    keywords: ['formation', 'atelier', 'apprendre', 'compétence', 'training', 'workshop', 'learn', 'skill'],
  },
  {
    name: c('Visibilité', 'Visibility'),
    keywords: ['visibilité', 'notoriété', 'communication', 'visibility', 'exposure', 'awareness'],
  },
];

/** The KPIs the cold survey asks members to rate when Settings `survey_kpis` is empty. */
export const DEFAULT_SURVEY_KPIS = [
  'participation_rate',
  'referrals_given',
  'business_generated',
  'nps',
  'renewal_rate',
  'contents_shared',
];

/** Lower case, accents removed, split into words. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a keyword (one or several words) occurs: its words in a row, the last one as a prefix. */
export function mentions(words: string[], keyword: string): boolean {
  const kw = wordsOf(keyword);
  if (kw.length === 0) return false;
  const last = kw.length - 1;
  for (let i = 0; i + last < words.length; i++) {
    let j = 0;
    while (j < last && words[i + j] === kw[j]) j++;
    if (j === last && words[i + last].startsWith(kw[last])) return true;
  }
  return false;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const parts = (v: unknown): string[] => settingList(text(v));

/** The answers of the period (as the model keeps them) with their parsed Responses row. */
function answersOf(club: Club, period: Period, today: Day) {
  const rows = new Map<number, Row>((club.tabs.get('responses')?.rows ?? []).map((r) => [r.row, r]));
  const end = Math.min(period.end, today);
  return club.answers
    .filter((a) => a.submittedOn >= period.start && a.submittedOn <= end)
    .map((answer) => ({ answer, row: rows.get(answer.row) }))
    .filter((a): a is { answer: (typeof club.answers)[number]; row: Row } => a.row !== undefined);
}

/** Preferred formats vs formats offered in the period (every format asked or offered, most asked first). */
export function formatDemand(
  club: Club,
  period: Period,
  today: Day,
): Pick<Voice, 'formats' | 'formatRespondents' | 'events'> {
  const matcher = new ChoiceMatcher(EVENT_FORMATS);
  const answers = answersOf(club, period, today);
  const asked = new Map<string, number>();
  let respondents = 0;
  for (const { row } of answers) {
    const ticked = parts(row.v.preferred_formats);
    if (ticked.length === 0) continue;
    respondents++;
    const formats = new Set<string>();
    for (const p of ticked) {
      const id = matcher.parse(p, 'fr');
      if (id.ok && id.value) formats.add(id.value);
    }
    for (const f of formats) asked.set(f, (asked.get(f) ?? 0) + 1);
  }
  const end = Math.min(period.end, today);
  const events = club.events.filter((e) => e.date >= period.start && e.date <= end);
  const formats = EVENT_FORMATS.map(({ id }) => {
    const offered = events.filter((e) => e.format === id).length;
    const scores = answers
      .map(({ answer }) => answer)
      .filter((a) => a.event?.format === id && a.kind !== 'cold' && a.satisfaction !== null)
      .map((a) => a.satisfaction as number);
    const n = asked.get(id) ?? 0;
    return {
      format: id,
      asked: n,
      askedShare: respondents > 0 ? n / respondents : null,
      offered,
      offeredShare: events.length > 0 ? offered / events.length : null,
      satisfaction: scores.length > 0 ? scores.reduce((s, x) => s + x, 0) / scores.length : null,
      satisfactionN: scores.length,
    };
  })
    .filter((f) => f.asked > 0 || f.offered > 0)
    .sort((a, b) => b.asked - a.asked || b.offered - a.offered);
  return { formats, formatRespondents: respondents, events: events.length };
}

/** Counts each part of a list column, matched to `choices` (spelling of the choice kept), else as typed. */
function tally(
  values: unknown[],
  choices: Array<{ id: string | null; names: string[]; label: string }>,
): Voice['workshops'] {
  const byKey = new Map<string, { id: string | null; label: string }>();
  for (const ch of choices)
    for (const n of ch.names) if (!byKey.has(normalizeLabel(n))) byKey.set(normalizeLabel(n), ch);
  const counts = new Map<string, Tally>();
  let answered = 0;
  for (const value of values) {
    const ticked = parts(value);
    if (ticked.length === 0) continue;
    answered++;
    const seen = new Set<string>();
    for (const p of ticked) {
      const key = normalizeLabel(p);
      const known = byKey.get(key) ?? { id: null, label: p };
      const k = known.id ?? normalizeLabel(known.label);
      if (seen.has(k)) continue;
      seen.add(k);
      const entry = counts.get(k) ?? { id: known.id, label: known.label, count: 0 };
      entry.count++;
      counts.set(k, entry);
    }
  }
  const list = [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { answered, tally: list };
}

export const OTHER_CHOICE: Bilingual = c('Autre', 'Other');

/** The KPIs members may vote for: the catalogue and the custom ones, by label in both languages. */
function kpiChoices(custom: KpiDefinition[], lang: Lang) {
  return [...CATALOGUE, ...custom].map((k) => ({
    id: k.id,
    names: [k.id, k.label.fr, k.label.en],
    label: k.label[lang],
  }));
}

/** Everything members said in the period. */
export function voiceOf(
  club: Club,
  period: Period,
  today: Day,
  settings: Settings,
  lang: Lang,
  custom: KpiDefinition[] = [],
): Voice {
  const answers = answersOf(club, period, today);
  const quotes: Quote[] = [];
  const texts: string[][] = [];
  for (const { answer, row } of answers) {
    const words: string[] = [];
    for (const question of QUOTE_QUESTIONS) {
      const t = text(row.v[question]);
      if (!t) continue;
      quotes.push({ surveyId: answer.surveyId, question, text: t, date: answer.submittedOn });
      words.push(...wordsOf(t));
    }
    if (words.length > 0) texts.push(words);
  }
  quotes.sort((a, b) => b.date - a.date);
  const themeList =
    settings.themes ?? DEFAULT_THEMES.map((t) => ({ name: t.name[lang], keywords: t.keywords }));
  const themes = themeList
    .map((t) => ({
      theme: t.name,
      keywords: t.keywords,
      count: texts.filter((words) => t.keywords.some((k) => mentions(words, k))).length,
    }))
    .sort((a, b) => b.count - a.count);
  const workshopChoices = [...settings.surveyWorkshops, OTHER_CHOICE.fr, OTHER_CHOICE.en].map((w) => ({
    id: null,
    names: [w],
    label: w === OTHER_CHOICE.fr || w === OTHER_CHOICE.en ? OTHER_CHOICE[lang] : w,
  }));
  return {
    ...formatDemand(club, period, today),
    themes,
    quotes,
    workshops: tally(
      answers.map((a) => a.row.v.workshop_wishes),
      workshopChoices,
    ),
    kpiVotes: tally(
      answers.map((a) => a.row.v.kpi_votes),
      kpiChoices(custom, lang),
    ),
  };
}

export function voiceToJson(voice: Voice): VoiceJson {
  return {
    preferred_formats: voice.formats.map((f) => ({
      format: f.format,
      asked_share: f.askedShare,
      offered_share: f.offeredShare,
      satisfaction: f.satisfaction,
    })),
    themes: voice.themes.map((t) => ({ theme: t.theme, count: t.count })),
    quotes: voice.quotes.map((q) => ({
      survey_id: q.surveyId,
      question: q.question,
      text: q.text,
      date: isoOf(q.date),
    })),
  };
}
