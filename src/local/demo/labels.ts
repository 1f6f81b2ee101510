/**
 * The French and English words the synthetic club generator writes: tab names and header labels
 * exactly as SPEC §1 spells them (with the column ids, in column order), and the enumerated values
 * (statuses, formats, types, yes/no…) keyed by a language-neutral code.
 */

export type Lang = 'fr' | 'en';

export type TabKey =
  | 'members'
  | 'dues'
  | 'events'
  | 'attendance'
  | 'communications'
  | 'interactions'
  | 'referrals'
  | 'contents'
  | 'responses'
  | 'visibility'
  | 'stories'
  | 'investment'
  | 'settings';

interface TabLabels {
  name: { fr: string; en: string };
  /** [column id, French label, English label], in the order the generator writes them. */
  columns: ReadonlyArray<readonly [string, string, string]>;
}

export const TAB_LABELS: Readonly<Record<TabKey, TabLabels>> = {
  members: {
    name: { fr: 'Membres', en: 'Members' },
    columns: [
      ['member_id', 'ID membre', 'Member ID'],
      ['first_name', 'Prénom', 'First name'],
      ['last_name', 'Nom', 'Last name'],
      ['email', 'E-mail', 'Email'],
      ['company', 'Entreprise', 'Company'],
      ['sector', 'Secteur', 'Sector'],
      ['joined_on', "Date d'adhésion", 'Joined on'],
      ['left_on', 'Date de départ', 'Left on'],
      ['leave_reason', 'Motif de départ', 'Leave reason'],
      ['status', 'Statut', 'Status'],
      ['sponsor_id', 'Parrain', 'Sponsor ID'],
      ['phone', 'Téléphone', 'Phone'],
      ['website', 'Site web', 'Website'],
      ['linkedin', 'LinkedIn', 'LinkedIn'],
      ['bio', 'Bio', 'Bio'],
      ['expertise', 'Expertise', 'Expertise'],
      ['photo_url', 'URL photo', 'Photo URL'],
    ],
  },
  dues: {
    name: { fr: 'Cotisations', en: 'Dues' },
    columns: [
      ['member_id', 'ID membre', 'Member ID'],
      ['term', 'Période', 'Term'],
      ['amount', 'Montant', 'Amount'],
      ['paid_on', 'Payé le', 'Paid on'],
      ['status', 'Statut', 'Status'],
    ],
  },
  events: {
    name: { fr: 'Événements', en: 'Events' },
    columns: [
      ['event_id', 'ID événement', 'Event ID'],
      ['date', 'Date', 'Date'],
      ['title', 'Titre', 'Title'],
      ['format', 'Format', 'Format'],
      ['capacity', 'Capacité', 'Capacity'],
      ['cost', 'Coût', 'Cost'],
      ['volunteer_hours', 'Heures bénévoles', 'Volunteer hours'],
      ['hot_survey', 'Enquête à chaud', 'Hot survey'],
    ],
  },
  attendance: {
    name: { fr: 'Participations', en: 'Attendance' },
    columns: [
      ['event_id', 'ID événement', 'Event ID'],
      ['member', 'Membre', 'Member'],
      ['registered', 'Inscrit', 'Registered'],
      ['attended', 'Présent', 'Attended'],
      ['guest', 'Invité', 'Guest'],
      ['invited_by', 'Invité par', 'Invited by'],
    ],
  },
  communications: {
    name: { fr: 'Communications', en: 'Communications' },
    columns: [
      ['date', 'Date', 'Date'],
      ['campaign', 'Campagne', 'Campaign'],
      ['type', 'Type', 'Type'],
      ['recipients', 'Destinataires', 'Recipients'],
      ['bounces', 'Rebonds', 'Bounces'],
      ['opens', 'Ouvertures uniques', 'Unique opens'],
      ['clicks', 'Clics uniques', 'Unique clicks'],
      ['unsubscribes', 'Désinscriptions', 'Unsubscribes'],
    ],
  },
  interactions: {
    name: { fr: 'Interactions', en: 'Interactions' },
    columns: [
      ['date', 'Date', 'Date'],
      ['member', 'Membre', 'Member'],
      ['type', 'Type', 'Type'],
      ['channel', 'Canal', 'Channel'],
      ['note', 'Note', 'Note'],
    ],
  },
  referrals: {
    name: { fr: 'Recommandations', en: 'Referrals' },
    columns: [
      ['date', 'Date', 'Date'],
      ['giver', 'Donneur', 'Giver'],
      ['receiver', 'Bénéficiaire', 'Receiver'],
      ['type', 'Type', 'Type'],
      ['status', 'Statut', 'Status'],
      ['value', 'Valeur', 'Value'],
      ['closed_on', 'Date de clôture', 'Closed on'],
      ['note', 'Note', 'Note'],
    ],
  },
  contents: {
    name: { fr: 'Contenus', en: 'Contents' },
    columns: [
      ['date', 'Date', 'Date'],
      ['author', 'Auteur', 'Author'],
      ['type', 'Type', 'Type'],
      ['title', 'Titre', 'Title'],
      ['topic', 'Thème', 'Topic'],
      ['reactions', 'Réactions', 'Reactions'],
    ],
  },
  responses: {
    name: { fr: 'Réponses', en: 'Responses' },
    columns: [
      ['submitted_at', 'Horodatage', 'Submitted at'],
      ['survey_id', 'ID enquête', 'Survey ID'],
      ['kind', "Type d'enquête", 'Survey kind'],
      ['event_id', 'ID événement', 'Event ID'],
      ['member', 'Membre', 'Member'],
      ['nps', 'NPS', 'NPS'],
      ['satisfaction', 'Satisfaction', 'Satisfaction'],
      ['contacts_made', 'Contacts noués', 'Contacts made'],
      ['decisive_contacts', 'Contacts décisifs', 'Decisive contacts'],
      ['connection_value', 'Valeur de la rencontre', 'Connection value'],
      ['belonging', 'Appartenance', 'Belonging'],
      ['mutual_help', 'Entraide', 'Mutual help'],
      ['preferred_formats', 'Formats préférés', 'Preferred formats'],
      ['most_valuable', 'Le plus bénéfique', 'Most valuable'],
      ['expectations', 'Attentes', 'Expectations'],
      ['comment', 'Commentaire', 'Comment'],
    ],
  },
  visibility: {
    name: { fr: 'Notoriété', en: 'Visibility' },
    columns: [
      ['date', 'Date', 'Date'],
      ['type', 'Type', 'Type'],
      ['sentiment', 'Sentiment', 'Sentiment'],
      ['source', 'Source', 'Source'],
      ['link', 'Lien', 'Link'],
    ],
  },
  stories: {
    name: { fr: 'Succès', en: 'Stories' },
    columns: [
      ['date', 'Date', 'Date'],
      ['title', 'Titre', 'Title'],
      ['members', 'Membres', 'Members'],
      ['kpi', 'KPI', 'KPI'],
      ['value', 'Valeur', 'Value'],
      ['story', 'Récit', 'Story'],
    ],
  },
  investment: {
    name: { fr: 'Investissements', en: 'Investment' },
    columns: [
      ['date', 'Date', 'Date'],
      ['category', 'Catégorie', 'Category'],
      ['hours', 'Heures', 'Hours'],
      ['amount', 'Montant', 'Amount'],
      ['note', 'Note', 'Note'],
    ],
  },
  settings: {
    name: { fr: 'Paramètres', en: 'Settings' },
    columns: [
      ['key', 'Clé', 'Key'],
      ['value', 'Valeur', 'Value'],
    ],
  },
};

/** Tabs in the order the generator returns them. */
export const TAB_ORDER: readonly TabKey[] = [
  'members',
  'dues',
  'events',
  'attendance',
  'communications',
  'interactions',
  'referrals',
  'contents',
  'responses',
  'visibility',
  'stories',
  'investment',
  'settings',
];

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
