/**
 * The French and English words the synthetic club generator writes: tab names and header labels
 * exactly as SPEC §1 spells them (with the column ids, in column order), and the enumerated values
 * (statuses, formats, types, yes/no…) keyed by a language-neutral code.
 */

import type { Lang } from '../../core/i18n';
import { TABS, type TabKey } from '../../core/schema';

export type { Lang, TabKey };

interface TabLabels {
  name: { fr: string; en: string };
  /** [column id, French label, English label], in the order the generator writes them. */
  columns: ReadonlyArray<readonly [string, string, string]>;
}

/**
 * Tab names and header labels come from the core's schema (one source for SPEC §1); the source
 * reference column is the imports', not something a club types by hand.
 */
export const TAB_LABELS: Readonly<Record<TabKey, TabLabels>> = Object.fromEntries(
  TABS.map((tab) => [
    tab.key,
    {
      name: tab.name,
      columns: tab.columns
        // The demo keeps SPEC §1's columns: not the imports' reference, nor issue 18's optional
        // cold-survey columns (workshop_wishes, kpi_votes), which the demo does not fill.
        .filter((c) => !['source_ref', 'workshop_wishes', 'kpi_votes'].includes(c.id))
        .map((c) => [c.id, c.label.fr, c.label.en] as const),
    },
  ]),
) as unknown as Record<TabKey, TabLabels>;

/** Tabs in the order the generator returns them (the schema's). */
export const TAB_ORDER: readonly TabKey[] = TABS.map((t) => t.key);

export function headerLabels(key: TabKey, lang: Lang): string[] {
  return TAB_LABELS[key].columns.map(([, fr, en]) => (lang === 'fr' ? fr : en));
}

export function columnIndex(key: TabKey, id: string): number {
  const i = TAB_LABELS[key].columns.findIndex(([c]) => c === id);
  if (i < 0) throw new Error(`No column ${id} in ${key}`);
  return i;
}

const v = (fr: string, en: string) => ({ fr, en });

/** Enumerated values by code, in both languages (SPEC §1 lists the French ones). */
export const VOCABULARY = {
  yes: v('oui', 'yes'),
  no: v('non', 'no'),
  memberStatus: {
    active: v('actif', 'active'),
    former: v('ancien', 'former'),
    prospect: v('prospect', 'prospect'),
  },
  duesStatus: {
    paid: v('payé', 'paid'),
    pending: v('en attente', 'pending'),
    cancelled: v('annulé', 'cancelled'),
    refunded: v('remboursé', 'refunded'),
  },
  format: {
    breakfast: v('petit-déjeuner', 'breakfast'),
    webinar: v('webinaire', 'webinar'),
    afterwork: v('afterwork', 'afterwork'),
    speed_business: v('speed business', 'speed business'),
    workshop: v('atelier', 'workshop'),
    conference: v('conférence', 'conference'),
    training: v('formation', 'training'),
    visit: v('visite', 'visit'),
    other: v('autre', 'other'),
  },
  communicationType: {
    newsletter: v('newsletter', 'newsletter'),
    invitation: v('invitation', 'invitation'),
    call_for_projects: v('appel à projets', 'call for projects'),
    other: v('autre', 'other'),
  },
  interactionType: {
    solicitation: v('sollicitation', 'solicitation'),
    comment: v('commentaire', 'comment'),
    share: v('partage', 'share'),
    question: v('question', 'question'),
    mutual_help: v('entraide', 'mutual help'),
  },
  referralType: {
    referral: v('recommandation', 'referral'),
    introduction: v('mise en relation', 'introduction'),
    lead: v('lead', 'lead'),
    partnership: v('partenariat', 'partnership'),
    joint_project: v('projet collectif', 'joint project'),
  },
  referralStatus: {
    open: v('en cours', 'open'),
    won: v('gagné', 'won'),
    lost: v('perdu', 'lost'),
    dropped: v('sans suite', 'no follow-up'),
  },
  contentType: {
    article: v('article', 'article'),
    guide: v('guide', 'guide'),
    tutorial: v('tuto', 'tutorial'),
    tool: v('outil', 'tool'),
    process: v('process', 'process'),
    experience: v("retour d'expérience", 'experience report'),
    other: v('autre', 'other'),
  },
  responseKind: { hot: v('chaud', 'hot'), cold: v('froid', 'cold') },
  visibilityType: {
    press: v('presse', 'press'),
    social: v('mention réseaux sociaux', 'social media mention'),
    interview: v("demande d'interview", 'interview request'),
    partnership_request: v('demande de partenariat', 'partnership request'),
    speaking: v('invitation à intervenir', 'speaking invitation'),
    word_of_mouth: v('bouche-à-oreille', 'word of mouth'),
  },
  sentiment: {
    positive: v('positif', 'positive'),
    neutral: v('neutre', 'neutral'),
    negative: v('négatif', 'negative'),
  },
  investmentCategory: {
    time: v('temps', 'time'),
    organisation: v('organisation', 'organisation'),
    venue: v('salle', 'venue'),
    tools: v('outils', 'tools'),
    communication: v('communication', 'communication'),
    other: v('autre', 'other'),
  },
} as const;

export type EventFormat = keyof typeof VOCABULARY.format;
