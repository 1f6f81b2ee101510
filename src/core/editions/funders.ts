/**
 * The funders' edition (issue 19): what a sponsor or a funder reads — the business generated between
 * members, the return « pour 1 € investi », the hours given by volunteers, the club's visibility —
 * each figure naming its period, built from the report's KPIs only (totals, never rows or names),
 * with the shareable stories of business and visibility beside them.
 */

import type { Report } from '../compute';
import { formatMoney, formatNumber } from '../format';
import { periodPhrase } from '../highlights';
import { type Bilingual, fill, type Lang } from '../i18n';
import { kpiDefinition } from '../kpis/catalogue';
import type { KpiResult } from '../kpis/types';
import {
  dayText,
  type EditionStory,
  editionStory,
  kpiLine,
  PRINT_LABEL,
  periodTextOf,
  shareableStories,
} from './members';

export const FUNDERS_EDITION_NAME: Bilingual = { fr: 'Édition partenaires', en: "Funders' edition" };

/** A funder's figure: a KPI's label, value and change in words (members.ts kpiLine). */
export type FunderFigure = ReturnType<typeof kpiLine>;

export interface FunderSection {
  title: string;
  /** Sentences a funder reads (« Pour 1 € investi… »), each naming its period. */
  sentences: string[];
  figures: FunderFigure[];
  stories: EditionStory[];
}

export interface FundersEdition {
  lang: Lang;
  title: string;
  clubName: string;
  periodLabel: string;
  periodText: string;
  sections: FunderSection[];
  footer: string;
  labels: { print: string };
}

const T = {
  title: { fr: 'Bilan pour nos partenaires', en: 'Report for our funders' },
  business: { fr: 'Des affaires entre membres', en: 'Business between members' },
  return: { fr: 'Le retour sur chaque euro', en: 'The return on each euro' },
  hours: { fr: 'Du temps donné', en: 'Time given' },
  visibility: { fr: 'Notre visibilité', en: 'Our visibility' },
  community: { fr: 'Notre communauté', en: 'Our community' },
  perEuro: {
    fr: 'Pour {one} investi dans le club {in}, {amount} d’affaires ont été générées entre ses membres.',
    en: 'For every {one} invested in the club {in}, {amount} of business was generated between its members.',
  },
  perDues: {
    fr: 'Pour {one} de cotisation {in}, les membres ont reçu {amount} d’affaires.',
    en: 'For every {one} of dues {in}, members received {amount} of business.',
  },
  business_sentence: {
    fr: '{amount} d’affaires générées entre membres {in}.',
    en: '{amount} of business generated between members {in}.',
  },
  hoursSentence: {
    fr: '{hours} heures données par l’équipe et les bénévoles {in}.',
    en: '{hours} hours given by the team and volunteers {in}.',
  },
  hoursValued: {
    fr: '{hours} heures données par l’équipe et les bénévoles {in}, soit {amount} au taux de {rate} de l’heure.',
    en: '{hours} hours given by the team and volunteers {in}, worth {amount} at {rate} an hour.',
  },
  footer: {
    fr: 'Chiffres établis par Club Pulse à partir des données du club ({period}) : totaux uniquement, aucune donnée personnelle.',
    en: 'Figures made by Club Pulse from the club’s data ({period}): totals only, no personal data.',
  },
};

const SECTIONS: Array<{ title: keyof typeof T; ids: string[]; families: string[] }> = [
  {
    title: 'business',
    ids: ['business_generated', 'referrals_given', 'partnerships_launched'],
    families: ['opportunities'],
  },
  { title: 'return', ids: ['roi', 'return_per_dues_euro', 'investment_total'], families: ['roi'] },
  { title: 'hours', ids: [], families: [] },
  {
    title: 'visibility',
    ids: [
      'press_mentions',
      'social_mentions',
      'external_solicitations',
      'speaking_invitations',
      'net_sentiment',
    ],
    families: ['visibility'],
  },
  { title: 'community', ids: ['active_members', 'participation_rate', 'nps', 'renewal_rate'], families: [] },
];

function num(report: Report, id: string): KpiResult | null {
  const k = report.kpis.find((x) => x.id === id);
  return k && typeof k.value === 'number' ? k : null;
}

/** The sentences of a section, from its KPIs' figures only. */
function sentencesOf(section: string, report: Report, inPeriod: string): string[] {
  const { lang } = report;
  const currency = report.settings.currency;
  const money = (v: number) => formatMoney(v, lang, currency);
  const out: string[] = [];
  if (section === 'business') {
    const b = num(report, 'business_generated');
    if (b) out.push(fill(T.business_sentence[lang], { amount: money(b.value as number), in: inPeriod }));
  }
  if (section === 'return') {
    const roi = num(report, 'roi');
    const returns = roi?.details.returns;
    const investment = roi?.details.investment;
    if (typeof returns === 'number' && typeof investment === 'number' && investment > 0)
      out.push(fill(T.perEuro[lang], { one: money(1), amount: money(returns / investment), in: inPeriod }));
    const perDues = num(report, 'return_per_dues_euro');
    if (perDues)
      out.push(
        fill(T.perDues[lang], { one: money(1), amount: money(perDues.value as number), in: inPeriod }),
      );
  }
  if (section === 'hours') {
    const inv = num(report, 'investment_total');
    const hours = inv?.details.hours;
    const rate = inv?.details.hourly_value;
    if (typeof hours === 'number' && hours > 0) {
      const hoursText = formatNumber(hours, lang, Number.isInteger(hours) ? 0 : 1);
      out.push(
        typeof rate === 'number' && rate > 0
          ? fill(T.hoursValued[lang], {
              hours: hoursText,
              in: inPeriod,
              amount: money(hours * rate),
              rate: money(rate),
            })
          : fill(T.hoursSentence[lang], { hours: hoursText, in: inPeriod }),
      );
    }
  }
  return out;
}

export function buildFundersEdition(report: Report): FundersEdition {
  const { lang } = report;
  const inText = periodPhrase(report.period, lang, 'in');
  const stories = shareableStories(report);
  const sections = SECTIONS.map(({ title, ids, families }) => ({
    title: T[title][lang] as string,
    sentences: sentencesOf(title, report, inText),
    figures: ids
      .map((id) => num(report, id))
      .filter((k): k is KpiResult => k !== null)
      .map((k) => kpiLine(k, report)),
    stories: stories
      .filter((st) => families.includes(kpiDefinition(st.kpi)?.family ?? ''))
      .slice(0, 2)
      .map((st) => editionStory(st, report)),
  })).filter((s) => s.sentences.length + s.figures.length > 0);
  return {
    lang,
    title: T.title[lang],
    clubName: report.settings.clubName,
    periodLabel: report.period.label,
    periodText: periodTextOf(report),
    sections,
    footer: fill(T.footer[lang], { period: `${report.period.label}, ${dayText(report.today)}` }),
    labels: { print: PRINT_LABEL[lang] },
  };
}
