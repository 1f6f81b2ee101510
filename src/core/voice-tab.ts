/**
 * « Paroles de membres » / « Member voices » (issue 18): the generated tab and the dashboard block
 * that show what members said in the period — preferred formats beside the formats offered, the
 * recurring themes with the keywords that count them (editable in Settings), the workshop wishes,
 * the KPIs that matter to members, and the free answers, newest first, with the survey, the
 * question and the date. Never a name or a member code, whatever the survey. The dashboard block
 * ends with the KPI review line (every six months).
 */

import type { Report } from './compute';
import { isoOf } from './dates';
import { numberFormatOf } from './format';
import { type Bilingual, fill, type Lang } from './i18n';
import { reviewLine } from './kpi-review';
import { type LayoutBuilder as Builder, LayoutBuilder, type SheetLayout } from './layout';
import { EVENT_FORMATS, tabSpec } from './schema';
import type { QuoteQuestion, Tally, Voice } from './voice';

export const VOICE_NAME: Bilingual = { fr: 'Paroles de membres', en: 'Member voices' };

const COLON: Bilingual = { fr: '\u00a0: ', en: ': ' };
/** Quotes the dashboard shows, and how much of each. */
const DASHBOARD_QUOTES = 3;
const DASHBOARD_QUOTE_CHARS = 280;

const T = {
  title: { fr: 'Paroles de membres — {period}', en: 'Member voices — {period}' },
  intro: {
    fr: 'Ce que les membres ont répondu aux enquêtes de la période. Aucun nom ni code membre n’est affiché, même pour une enquête signée.',
    en: 'What members answered in the surveys of the period. No name or member code is shown, even for a signed survey.',
  },
  formats: {
    fr: ['Formats préférés et formats proposés', 'Demandé', 'Proposé', 'Satisfaction'],
    en: ['Preferred formats and formats offered', 'Asked', 'Offered', 'Satisfaction'],
  },
  formatsNote: {
    fr: 'Demandé : part des {n} répondants qui l’ont coché. Proposé : part des {events} événements de la période. Satisfaction : moyenne 1–5 des avis à chaud.',
    en: 'Asked: share of the {n} respondents who ticked it. Offered: share of the {events} events of the period. Satisfaction: mean 1–5 of hot answers.',
  },
  noFormats: {
    fr: 'Personne n’a encore répondu à la question des formats préférés sur la période.',
    en: 'Nobody has answered the preferred formats question in the period yet.',
  },
  themes: {
    fr: ['Thèmes récurrents', 'Réponses', 'Mots-clés comptés'],
    en: ['Recurring themes', 'Answers', 'Keywords counted'],
  },
  themesNote: {
    fr: 'Une réponse compte pour un thème quand un de ses mots commence par un mot-clé. Modifiez la liste dans Paramètres : une ligne « theme.<nom> » par thème, les mots-clés séparés par des virgules.',
    en: 'An answer counts for a theme when one of its words starts with a keyword. Edit the list in Settings: one row "theme.<name>" per theme, keywords separated by commas.',
  },
  workshops: { fr: ['Ateliers souhaités', 'Votes'], en: ['Workshop wishes', 'Votes'] },
  kpiVotes: {
    fr: ['Indicateurs importants pour les membres', 'Votes'],
    en: ['KPIs that matter to members', 'Votes'],
  },
  answered: { fr: '{n} réponse(s)', en: '{n} answer(s)' },
  quotes: {
    fr: ['Date', 'Enquête', 'Question', 'Réponse'],
    en: ['Date', 'Survey', 'Question', 'Answer'],
  },
  quotesTitle: { fr: 'Réponses libres, les plus récentes d’abord', en: 'Free answers, newest first' },
  noQuotes: { fr: 'Aucune réponse libre sur la période.', en: 'No free answer in the period.' },
  block: { fr: 'Paroles de membres', en: 'Member voices' },
  themesLine: { fr: 'Thèmes récurrents', en: 'Recurring themes' },
  more: {
    fr: 'Toutes les réponses libres : onglet « {tab} ».',
    en: 'All free answers: tab "{tab}".',
  },
};

const COLORS = {
  title: '#1a73e8',
  section: '#e8f0fe',
  header: '#f1f3f4',
  muted: '#5f6368',
  quote: '#3c4043',
};
const WIDTHS = [240, 120, 120, 120, 620];

function dateText(day: number): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}

/** The question's label: the Responses column's (« Le plus bénéfique », « Attentes », « Commentaire »). */
function questionLabel(question: QuoteQuestion, lang: Lang): string {
  return tabSpec('responses').columns.find((c) => c.id === question)!.label[lang];
}

function formatName(id: string, lang: Lang): string {
  return EVENT_FORMATS.find((f) => f.id === id)?.label[lang] ?? id;
}

function formatsTable(b: Builder, voice: Voice, lang: Lang): void {
  const ratio = numberFormatOf('ratio', 'EUR');
  b.row(T.formats[lang], { bold: true, background: COLORS.header });
  if (voice.formats.length === 0 || voice.formatRespondents === 0)
    b.row([T.noFormats[lang]], { color: COLORS.muted });
  for (const f of voice.formats)
    b.row([
      formatName(f.format, lang),
      { value: f.askedShare, style: { format: ratio } },
      { value: f.offeredShare, style: { format: ratio } },
      { value: f.satisfaction, style: { format: '0.00' } },
    ]);
  b.row([fill(T.formatsNote[lang], { n: voice.formatRespondents, events: voice.events })], {
    color: COLORS.muted,
  });
}

function tallyTable(
  b: Builder,
  title: string[],
  tally: { answered: number; tally: Tally[] },
  lang: Lang,
): void {
  if (tally.answered === 0) return;
  b.row([`${title[0]} (${fill(T.answered[lang], { n: tally.answered })})`, title[1]], {
    bold: true,
    background: COLORS.header,
  });
  for (const t of tally.tally) b.row([t.label, { value: t.count, style: { format: '0' } }]);
  b.blank();
}

/** The generated tab. */
export function buildVoiceTab(report: Report): SheetLayout {
  const { lang, voice } = report;
  const b = new LayoutBuilder(VOICE_NAME[lang], WIDTHS);
  b.row([fill(T.title[lang], { period: report.period.label })], {
    bold: true,
    size: 16,
    color: COLORS.title,
  });
  b.row([T.intro[lang]], { color: COLORS.muted });
  b.blank();
  formatsTable(b, voice, lang);
  b.blank();
  b.row([T.themes[lang][0], T.themes[lang][1], T.themes[lang][2]], { bold: true, background: COLORS.header });
  for (const t of voice.themes)
    b.row([t.theme, { value: t.count, style: { format: '0' } }, t.keywords.join(', ')]);
  b.row([T.themesNote[lang]], { color: COLORS.muted });
  b.blank();
  tallyTable(b, T.workshops[lang], voice.workshops, lang);
  tallyTable(b, T.kpiVotes[lang], voice.kpiVotes, lang);
  b.row([T.quotesTitle[lang]], { bold: true, background: COLORS.section, size: 12 });
  b.row([T.quotes[lang][0], T.quotes[lang][1], T.quotes[lang][2], '', T.quotes[lang][3]], {
    bold: true,
    background: COLORS.header,
  });
  if (voice.quotes.length === 0) b.row([T.noQuotes[lang]], { color: COLORS.muted });
  for (const q of voice.quotes)
    b.row([
      dateText(q.date),
      q.surveyId,
      questionLabel(q.question, lang),
      '',
      { value: q.text, style: { color: COLORS.quote } },
    ]);
  return b.build(1);
}

/** A list of tallies in one line: `Affaires (4), Rencontres (3)`. */
function inline(items: Array<{ label: string; count: number }>): string {
  return items
    .filter((i) => i.count > 0)
    .map((i) => `${i.label} (${i.count})`)
    .join(', ');
}

/** The dashboard block: formats, themes, tallies, the latest quotes, the KPI review line. */
export function voiceBlock(b: Builder, report: Report): void {
  const { lang, voice } = report;
  b.row([T.block[lang]], { bold: true, background: COLORS.section, size: 12 });
  if (voice.formatRespondents > 0) formatsTable(b, voice, lang);
  const themes = inline(voice.themes.map((t) => ({ label: t.theme, count: t.count })));
  if (themes) b.row([`${T.themesLine[lang]}${COLON[lang]}${themes}`]);
  for (const [title, tally] of [
    [T.workshops[lang][0], voice.workshops],
    [T.kpiVotes[lang][0], voice.kpiVotes],
  ] as const) {
    if (tally.answered > 0)
      b.row([
        `${title} (${fill(T.answered[lang], { n: tally.answered })})${COLON[lang]}${inline(tally.tally)}`,
      ]);
  }
  for (const q of voice.quotes.slice(0, DASHBOARD_QUOTES)) {
    const text =
      q.text.length > DASHBOARD_QUOTE_CHARS ? `${q.text.slice(0, DASHBOARD_QUOTE_CHARS - 1)}…` : q.text;
    const quoted = lang === 'fr' ? `« ${text} »` : `“${text}”`;
    b.row([`${quoted} — ${questionLabel(q.question, lang)}, ${q.surveyId}, ${dateText(q.date)}`], {
      color: COLORS.quote,
      background: '#fef7e0',
    });
  }
  if (voice.quotes.length > 0)
    b.row([fill(T.more[lang], { tab: VOICE_NAME[lang] })], { color: COLORS.muted });
  b.row([reviewLine(report.settings.lastKpiReview, report.today, lang).line], {
    bold: true,
    color: COLORS.title,
  });
  b.blank();
}
