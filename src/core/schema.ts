/**
 * The tracking tabs of SPEC §1 as data: tab names and column labels in French and English, which
 * columns are required, what kind of value each holds, and the enumerated values (with their French
 * and English spellings). Reading, setting up tabs and dropdown validations all work from this one
 * table.
 */

import type { Bilingual } from './i18n';

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
  | 'settings'
  | 'challenges';

/** How a cell is parsed (see cells.ts). */
export type ColumnKind =
  | 'id' // identifier: text, or a whole number written as text
  | 'text'
  | 'ref' // a member reference: id, email or name
  | 'date'
  | 'term' // a dues term: 2026, 2025-2026 or a date
  | 'number'
  | 'count' // whole number ≥ 0
  | 'yesno'
  | 'enum'
  | 'scale' // whole number within [min, max]
  | 'month'; // a calendar month: 2026-03, 03/2026 or any date in the month (its first day)

export interface EnumChoice {
  id: string;
  label: Bilingual;
  /** Other accepted spellings (matched after normalisation). */
  aliases?: string[];
}

export interface ColumnSpec {
  id: string;
  label: Bilingual;
  /** Other accepted header spellings (matched after normalisation). */
  aliases?: string[];
  kind: ColumnKind;
  required?: boolean;
  /** Members' joined_on: a bad or missing value is reported but the row is kept (SPEC §12). */
  keepRowWhenBad?: boolean;
  choices?: EnumChoice[];
  min?: number;
  max?: number;
  /** Help note shown on the header (set-up tabs). */
  help: Bilingual;
  /**
   * Personal data of the member the row is about (names, e-mail, phone, company, bio, links, photo,
   * free texts they wrote): exported with their data, blanked when they are erased (member-data.ts).
   */
  personal?: boolean;
}

export interface TabSpec {
  key: TabKey;
  name: Bilingual;
  columns: ColumnSpec[];
  /** Settings: the header row is optional. */
  headerOptional?: boolean;
}

const c = (fr: string, en: string): Bilingual => ({ fr, en });

/** The source reference an import writes on each row (SPEC §8: re-importing adds nothing). */
const SOURCE_REF: ColumnSpec = {
  id: 'source_ref',
  label: { fr: 'Référence source', en: 'Source reference' },
  aliases: ['Réf. source', 'Source ref', 'reference import', 'import reference'],
  kind: 'text',
  help: {
    fr: 'Écrit par les imports (HelloAsso, Eventbrite…) : évite de réimporter deux fois la même ligne.',
    en: 'Written by imports (HelloAsso, Eventbrite…): keeps a line from being imported twice.',
  },
};

const choice = (id: string, fr: string, en: string, aliases?: string[]): EnumChoice => ({
  id,
  label: c(fr, en),
  aliases,
});

export const YES_WORDS = ['oui', 'yes', 'x', '1', 'true', 'vrai', '✓', 'y', 'o'];
export const NO_WORDS = ['non', 'no', '0', 'false', 'faux', 'n'];

export const MEMBER_STATUS = [
  choice('active', 'actif', 'active', ['active', 'membre', 'member']),
  choice('former', 'ancien', 'former', ['ancienne', 'parti', 'left', 'inactif', 'inactive']),
  choice('prospect', 'prospect', 'prospect'),
];
export const DUES_STATUS = [
  choice('paid', 'payé', 'paid', ['payee', 'regle', 'reglee', 'acquitte']),
  choice('pending', 'en attente', 'pending', ['attente', 'a payer', 'unpaid', 'non paye']),
  choice('cancelled', 'annulé', 'cancelled', ['canceled', 'annulee']),
  choice('refunded', 'remboursé', 'refunded', ['rembourse', 'remboursee']),
];
export const EVENT_FORMATS = [
  choice('breakfast', 'petit-déjeuner', 'breakfast', ['petit dejeuner', 'petitdej', 'dejeuner', 'lunch']),
  choice('webinar', 'webinaire', 'webinar', ['visio']),
  choice('afterwork', 'afterwork', 'afterwork', ['after work', 'apero']),
  choice('speed_business', 'speed business', 'speed business', ['speed networking', 'speed meeting']),
  choice('workshop', 'atelier', 'workshop'),
  choice('conference', 'conférence', 'conference'),
  choice('training', 'formation', 'training'),
  choice('visit', 'visite', 'visit', ['visite d entreprise', 'company visit']),
  choice('other', 'autre', 'other'),
];
export const COMMUNICATION_TYPES = [
  choice('newsletter', 'newsletter', 'newsletter', ['lettre d information']),
  choice('invitation', 'invitation', 'invitation'),
  choice('call_for_projects', 'appel à projets', 'call for projects'),
  choice('other', 'autre', 'other'),
];
export const INTERACTION_TYPES = [
  choice('solicitation', 'sollicitation', 'solicitation', ['demande', 'request']),
  choice('comment', 'commentaire', 'comment'),
  choice('share', 'partage', 'share'),
  choice('question', 'question', 'question'),
  choice('mutual_help', 'entraide', 'mutual help', ['help', 'aide']),
];
export const REFERRAL_TYPES = [
  choice('referral', 'recommandation', 'referral', ['recommendation', 'reco']),
  choice('introduction', 'mise en relation', 'introduction', ['connection', 'intro']),
  choice('lead', 'lead', 'lead', ['piste']),
  choice('partnership', 'partenariat', 'partnership'),
  choice('joint_project', 'projet collectif', 'joint project', ['collective project', 'projet commun']),
];
export const REFERRAL_STATUS = [
  choice('open', 'en cours', 'open', ['in progress', 'ouvert', 'pending']),
  choice('won', 'gagné', 'won', ['signe', 'conclu', 'closed won']),
  choice('lost', 'perdu', 'lost', ['closed lost']),
  choice('dropped', 'sans suite', 'no follow-up', ['dropped', 'abandonne', 'no follow up']),
];
export const CONTENT_TYPES = [
  choice('article', 'article', 'article'),
  choice('guide', 'guide', 'guide'),
  choice('tutorial', 'tuto', 'tutorial', ['tutoriel']),
  choice('tool', 'outil', 'tool'),
  choice('process', 'process', 'process', ['processus']),
  choice('experience', "retour d'expérience", 'experience report', ['rex', 'feedback', 'lessons learned']),
  choice('other', 'autre', 'other'),
];
export const RESPONSE_KINDS = [
  choice('hot', 'chaud', 'hot', ['a chaud', 'enquete a chaud', 'hot survey']),
  choice('cold', 'froid', 'cold', ['a froid', 'enquete a froid', 'cold survey']),
];
export const VISIBILITY_TYPES = [
  choice('press', 'presse', 'press', ['article de presse', 'press article']),
  choice('social', 'mention réseaux sociaux', 'social media mention', ['reseaux sociaux', 'social']),
  choice('interview', "demande d'interview", 'interview request', ['interview']),
  choice('partnership_request', 'demande de partenariat', 'partnership request'),
  choice('speaking', 'invitation à intervenir', 'speaking invitation', ['intervention', 'speaking']),
  choice('word_of_mouth', 'bouche-à-oreille', 'word of mouth'),
];
export const SENTIMENTS = [
  choice('positive', 'positif', 'positive'),
  choice('neutral', 'neutre', 'neutral'),
  choice('negative', 'négatif', 'negative'),
];
export const INVESTMENT_CATEGORIES = [
  choice('time', 'temps', 'time'),
  choice('organisation', 'organisation', 'organisation', ['organization']),
  choice('venue', 'salle', 'venue', ['room', 'lieu']),
  choice('tools', 'outils', 'tools', ['outil', 'tool', 'logiciel', 'software']),
  choice('communication', 'communication', 'communication'),
  choice('other', 'autre', 'other'),
];

/** The monthly challenges (issue 17), each measured by a tracking tab (core/challenges.ts). */
export const CHALLENGE_KINDS = [
  choice('guest', 'amener un invité', 'bring a guest', [
    'invite',
    'invites',
    'guest',
    'guests',
    'invitation',
  ]),
  choice('referrals', 'donner N recommandations', 'give N referrals', [
    'recommandations',
    'recommandation',
    'referrals',
    'referral',
    'donner des recommandations',
    'give referrals',
  ]),
  choice('content', 'partager un contenu', 'share a content', [
    'contenu',
    'contenus',
    'content',
    'contents',
    'share content',
  ]),
  choice('events', 'participer à N événements', 'attend N events', [
    'evenements',
    'evenement',
    'events',
    'event',
    'participer',
    'attend events',
  ]),
  choice('survey', "répondre à l'enquête", 'answer the survey', [
    'enquete',
    'enquetes',
    'survey',
    'surveys',
    'repondre a une enquete',
  ]),
];

export const TABS: TabSpec[] = [
  {
    key: 'members',
    name: c('Membres', 'Members'),
    columns: [
      {
        id: 'member_id',
        label: c('ID membre', 'Member ID'),
        kind: 'id',
        required: true,
        help: c('Identifiant unique du membre (ex. M001).', 'Unique member identifier (e.g. M001).'),
      },
      {
        id: 'first_name',
        personal: true,
        label: c('Prénom', 'First name'),
        kind: 'text',
        help: c('Prénom.', 'First name.'),
      },
      {
        id: 'last_name',
        personal: true,
        label: c('Nom', 'Last name'),
        kind: 'text',
        help: c('Nom de famille.', 'Last name.'),
      },
      {
        id: 'email',
        personal: true,
        label: c('E-mail', 'Email'),
        aliases: ['mail', 'courriel', 'adresse e-mail', 'email address'],
        kind: 'text',
        help: c(
          'Adresse e-mail (sert à reconnaître le membre ailleurs).',
          'Email address (used to recognise the member elsewhere).',
        ),
      },
      {
        id: 'company',
        personal: true,
        label: c('Entreprise', 'Company'),
        aliases: ['societe', 'organisation'],
        kind: 'text',
        help: c('Entreprise ou organisation.', 'Company or organisation.'),
      },
      {
        id: 'sector',
        label: c('Secteur', 'Sector'),
        aliases: ["secteur d'activite", 'industry'],
        kind: 'text',
        help: c("Secteur d'activité.", 'Business sector.'),
      },
      {
        id: 'joined_on',
        label: c("Date d'adhésion", 'Joined on'),
        aliases: ['adhesion', 'date adhesion', 'join date'],
        kind: 'date',
        required: true,
        keepRowWhenBad: true,
        help: c("Date d'adhésion (jj/mm/aaaa).", 'Date the member joined.'),
      },
      {
        id: 'left_on',
        label: c('Date de départ', 'Left on'),
        aliases: ['depart', 'leave date'],
        kind: 'date',
        help: c('Date de départ, vide si toujours membre.', 'Date the member left; empty if still a member.'),
      },
      {
        id: 'leave_reason',
        personal: true,
        label: c('Motif de départ', 'Leave reason'),
        kind: 'text',
        help: c('Pourquoi le membre est parti.', 'Why the member left.'),
      },
      {
        id: 'status',
        label: c('Statut', 'Status'),
        kind: 'enum',
        choices: MEMBER_STATUS,
        help: c(
          'actif, ancien ou prospect ; déduit des dates si vide.',
          'active, former or prospect; derived from the dates when empty.',
        ),
      },
      {
        id: 'sponsor_id',
        label: c('Parrain', 'Sponsor ID'),
        aliases: ['sponsor', 'marraine', 'parrain marraine'],
        kind: 'ref',
        help: c('ID, e-mail ou nom du parrain.', 'ID, email or name of the sponsor.'),
      },
      {
        id: 'phone',
        personal: true,
        label: c('Téléphone', 'Phone'),
        aliases: ['tel', 'mobile', 'portable'],
        kind: 'text',
        help: c('Téléphone.', 'Phone.'),
      },
      {
        id: 'website',
        personal: true,
        label: c('Site web', 'Website'),
        aliases: ['site', 'site internet'],
        kind: 'text',
        help: c('Site web.', 'Website.'),
      },
      {
        id: 'linkedin',
        personal: true,
        label: c('LinkedIn', 'LinkedIn'),
        kind: 'text',
        help: c('Profil LinkedIn.', 'LinkedIn profile.'),
      },
      {
        id: 'bio',
        personal: true,
        label: c('Bio', 'Bio'),
        aliases: ['biographie', 'presentation'],
        kind: 'text',
        help: c('Courte présentation.', 'Short biography.'),
      },
      {
        id: 'expertise',
        personal: true,
        label: c('Expertise', 'Expertise'),
        aliases: ['competences', 'skills'],
        kind: 'text',
        help: c('Domaines d’expertise.', 'Areas of expertise.'),
      },
      {
        id: 'photo_url',
        personal: true,
        label: c('URL photo', 'Photo URL'),
        aliases: ['photo'],
        kind: 'text',
        help: c('Lien vers la photo.', 'Link to the photo.'),
      },
      SOURCE_REF,
      {
        id: 'offers',
        label: c("Ce que j'offre", 'What I offer'),
        aliases: ['offre', 'je propose', 'offers', 'i offer'],
        kind: 'text',
        personal: true,
        help: c(
          'Ce que le membre peut apporter aux autres (formulaire d’adhésion).',
          'What the member can offer the others (membership form).',
        ),
      },
      {
        id: 'looking_for',
        label: c('Ce que je recherche', 'What I look for'),
        aliases: ['recherche', 'je cherche', 'looking for', 'i look for'],
        kind: 'text',
        personal: true,
        help: c(
          'Ce que le membre cherche dans le réseau (formulaire d’adhésion).',
          'What the member looks for in the network (membership form).',
        ),
      },
      {
        id: 'agrees_to_be_named',
        label: c("Accepte d'être nommé·e", 'Agrees to be named'),
        aliases: ['accepte d etre nomme', 'accepte d etre nommee', 'consentement', 'consent'],
        kind: 'yesno',
        help: c(
          'oui : son nom peut paraître dans l’édition membres (vide = non).',
          'yes: the name may appear in the members’ edition (blank = no).',
        ),
      },
      // Issue 17: a member who asked not to be written to gets no automated e-mail (nor invitation).
      {
        id: 'no_email',
        label: c("Pas d'e-mail", 'No e-mail'),
        aliases: ['pas de mail', 'no mail', 'ne pas ecrire', 'do not email'],
        kind: 'yesno',
        help: c(
          'oui : aucun e-mail de Club Pulse (enquêtes, rappels, relances).',
          'yes: no e-mail from Club Pulse (surveys, reminders, nudges).',
        ),
      },
      {
        id: 'erased_on',
        label: c('Effacé le', 'Erased on'),
        aliases: ['efface', 'erased', 'date effacement', 'erasure date'],
        kind: 'date',
        help: c(
          'Écrit par Club Pulse quand le membre a demandé l’effacement de ses données (RGPD) : sa ligne n’est plus signalée.',
          'Written by Club Pulse when the member asked for their data to be erased (GDPR): their row is no longer reported.',
        ),
      },
    ],
  },
  {
    key: 'dues',
    name: c('Cotisations', 'Dues'),
    columns: [
      {
        id: 'member_id',
        label: c('ID membre', 'Member ID'),
        aliases: ['membre', 'member'],
        kind: 'ref',
        required: true,
        help: c('ID, e-mail ou nom du membre.', 'Member ID, email or name.'),
      },
      {
        id: 'term',
        label: c('Période', 'Term'),
        aliases: ['annee', 'exercice', 'saison', 'year', 'season'],
        kind: 'term',
        required: true,
        help: c(
          'Année (2026), saison (2025-2026) ou date de début.',
          'Year (2026), season (2025-2026) or start date.',
        ),
      },
      {
        id: 'amount',
        label: c('Montant', 'Amount'),
        kind: 'number',
        min: 0,
        help: c('Montant de la cotisation.', 'Amount of the dues.'),
      },
      {
        id: 'paid_on',
        label: c('Payé le', 'Paid on'),
        aliases: ['date de paiement', 'payment date'],
        kind: 'date',
        help: c('Date du paiement.', 'Payment date.'),
      },
      {
        id: 'status',
        label: c('Statut', 'Status'),
        kind: 'enum',
        choices: DUES_STATUS,
        help: c('payé, en attente, annulé ou remboursé.', 'paid, pending, cancelled or refunded.'),
      },
      SOURCE_REF,
    ],
  },
  {
    key: 'events',
    name: c('Événements', 'Events'),
    columns: [
      {
        id: 'event_id',
        label: c('ID événement', 'Event ID'),
        kind: 'id',
        required: true,
        help: c('Identifiant unique (ex. E2026-01).', 'Unique identifier (e.g. E2026-01).'),
      },
      {
        id: 'date',
        label: c('Date', 'Date'),
        kind: 'date',
        required: true,
        help: c("Date de l'événement.", 'Event date.'),
      },
      {
        id: 'title',
        label: c('Titre', 'Title'),
        aliases: ['intitule', 'nom', 'name'],
        kind: 'text',
        help: c('Titre.', 'Title.'),
      },
      {
        id: 'format',
        label: c('Format', 'Format'),
        aliases: ['type'],
        kind: 'enum',
        choices: EVENT_FORMATS,
        help: c(
          'petit-déjeuner, webinaire, afterwork, speed business, atelier, conférence, formation, visite, autre.',
          'breakfast, webinar, afterwork, speed business, workshop, conference, training, visit, other.',
        ),
      },
      {
        id: 'capacity',
        label: c('Capacité', 'Capacity'),
        aliases: ['places'],
        kind: 'count',
        help: c('Nombre de places.', 'Number of seats.'),
      },
      {
        id: 'cost',
        label: c('Coût', 'Cost'),
        kind: 'number',
        min: 0,
        help: c("Coût de l'événement.", 'Cost of the event.'),
      },
      {
        id: 'volunteer_hours',
        label: c('Heures bénévoles', 'Volunteer hours'),
        kind: 'number',
        min: 0,
        help: c('Heures de bénévolat consacrées.', 'Volunteer hours spent.'),
      },
      {
        id: 'hot_survey',
        label: c('Enquête à chaud', 'Hot survey'),
        kind: 'text',
        help: c('Écrit par Club Pulse : lien de l’enquête.', 'Written by Club Pulse: link of the survey.'),
      },
      SOURCE_REF,
    ],
  },
  {
    key: 'attendance',
    name: c('Participations', 'Attendance'),
    columns: [
      {
        id: 'event_id',
        label: c('ID événement', 'Event ID'),
        aliases: ['evenement', 'event'],
        kind: 'id',
        required: true,
        help: c("ID de l'événement.", 'Event ID.'),
      },
      {
        id: 'member',
        label: c('Membre', 'Member'),
        aliases: ['participant', 'attendee', 'member id', 'id membre'],
        kind: 'ref',
        required: true,
        help: c('ID, e-mail ou nom du participant.', 'ID, email or name of the attendee.'),
      },
      {
        id: 'registered',
        label: c('Inscrit', 'Registered'),
        kind: 'yesno',
        help: c('oui/non (oui par défaut).', 'yes/no (yes by default).'),
      },
      {
        id: 'attended',
        label: c('Présent', 'Attended'),
        aliases: ['present e', 'presence'],
        kind: 'yesno',
        help: c('oui/non ; vide = inconnu.', 'yes/no; empty = unknown.'),
      },
      {
        id: 'guest',
        label: c('Invité', 'Guest'),
        aliases: ['visiteur', 'visitor'],
        kind: 'yesno',
        help: c('oui si invité extérieur.', 'yes for an outside guest.'),
      },
      {
        id: 'invited_by',
        label: c('Invité par', 'Invited by'),
        kind: 'ref',
        help: c("Membre qui a invité l'invité.", 'Member who invited the guest.'),
      },
      SOURCE_REF,
    ],
  },
  {
    key: 'communications',
    name: c('Communications', 'Communications'),
    columns: [
      {
        id: 'date',
        label: c('Date', 'Date'),
        aliases: ["date d'envoi", 'send date', 'sent on'],
        kind: 'date',
        required: true,
        help: c("Date d'envoi.", 'Send date.'),
      },
      {
        id: 'campaign',
        label: c('Campagne', 'Campaign'),
        aliases: ['objet', 'subject', 'titre'],
        kind: 'text',
        required: true,
        help: c('Nom de la campagne.', 'Campaign name.'),
      },
      {
        id: 'type',
        label: c('Type', 'Type'),
        kind: 'enum',
        choices: COMMUNICATION_TYPES,
        help: c(
          'newsletter, invitation, appel à projets, autre.',
          'newsletter, invitation, call for projects, other.',
        ),
      },
      {
        id: 'recipients',
        label: c('Destinataires', 'Recipients'),
        aliases: ['envoyes', 'sent'],
        kind: 'count',
        required: true,
        help: c('Nombre de destinataires.', 'Number of recipients.'),
      },
      {
        id: 'bounces',
        label: c('Rebonds', 'Bounces'),
        aliases: ['bounce', 'erreurs'],
        kind: 'count',
        help: c('Adresses en erreur (vide = 0).', 'Bounced addresses (empty = 0).'),
      },
      {
        id: 'opens',
        label: c('Ouvertures uniques', 'Unique opens'),
        aliases: ['ouvertures', 'opens'],
        kind: 'count',
        help: c('Ouvertures uniques.', 'Unique opens.'),
      },
      {
        id: 'clicks',
        label: c('Clics uniques', 'Unique clicks'),
        aliases: ['clics', 'clicks'],
        kind: 'count',
        help: c('Clics uniques.', 'Unique clicks.'),
      },
      {
        id: 'unsubscribes',
        label: c('Désinscriptions', 'Unsubscribes'),
        kind: 'count',
        help: c('Désinscriptions.', 'Unsubscribes.'),
      },
      SOURCE_REF,
    ],
  },
  {
    key: 'interactions',
    name: c('Interactions', 'Interactions'),
    columns: [
      { id: 'date', label: c('Date', 'Date'), kind: 'date', required: true, help: c('Date.', 'Date.') },
      {
        id: 'member',
        label: c('Membre', 'Member'),
        kind: 'ref',
        help: c('ID, e-mail ou nom du membre.', 'Member ID, email or name.'),
      },
      {
        id: 'type',
        label: c('Type', 'Type'),
        kind: 'enum',
        choices: INTERACTION_TYPES,
        required: true,
        help: c(
          'sollicitation, commentaire, partage, question, entraide.',
          'solicitation, comment, share, question, mutual help.',
        ),
      },
      {
        id: 'channel',
        label: c('Canal', 'Channel'),
        kind: 'text',
        help: c('WhatsApp, LinkedIn, e-mail…', 'WhatsApp, LinkedIn, email…'),
      },
      {
        id: 'note',
        personal: true,
        label: c('Note', 'Note'),
        kind: 'text',
        help: c('Remarque libre.', 'Free note.'),
      },
    ],
  },
  {
    key: 'referrals',
    name: c('Recommandations', 'Referrals'),
    columns: [
      {
        id: 'date',
        label: c('Date', 'Date'),
        kind: 'date',
        required: true,
        help: c('Date de la recommandation.', 'Date of the referral.'),
      },
      {
        id: 'giver',
        label: c('Donneur', 'Giver'),
        aliases: ['de', 'from', 'emetteur'],
        kind: 'ref',
        required: true,
        help: c('Qui recommande.', 'Who gives the referral.'),
      },
      {
        id: 'receiver',
        label: c('Bénéficiaire', 'Receiver'),
        aliases: ['a', 'to', 'destinataire', 'recipient'],
        kind: 'ref',
        required: true,
        help: c('Qui reçoit la recommandation.', 'Who receives it.'),
      },
      {
        id: 'type',
        label: c('Type', 'Type'),
        kind: 'enum',
        choices: REFERRAL_TYPES,
        help: c(
          'recommandation, mise en relation, lead, partenariat, projet collectif.',
          'referral, introduction, lead, partnership, joint project.',
        ),
      },
      {
        id: 'status',
        label: c('Statut', 'Status'),
        kind: 'enum',
        choices: REFERRAL_STATUS,
        help: c('en cours, gagné, perdu, sans suite.', 'open, won, lost, no follow-up.'),
      },
      {
        id: 'value',
        label: c('Valeur', 'Value'),
        aliases: ['montant', 'amount', 'ca'],
        kind: 'number',
        min: 0,
        help: c("Chiffre d'affaires généré (si gagné).", 'Business generated (if won).'),
      },
      {
        id: 'closed_on',
        label: c('Date de clôture', 'Closed on'),
        aliases: ['cloture', 'close date'],
        kind: 'date',
        help: c('Date de conclusion.', 'Closing date.'),
      },
      {
        id: 'note',
        personal: true,
        label: c('Note', 'Note'),
        kind: 'text',
        help: c('Remarque libre.', 'Free note.'),
      },
    ],
  },
  {
    key: 'contents',
    name: c('Contenus', 'Contents'),
    columns: [
      {
        id: 'date',
        label: c('Date', 'Date'),
        kind: 'date',
        required: true,
        help: c('Date de publication.', 'Publication date.'),
      },
      {
        id: 'author',
        label: c('Auteur', 'Author'),
        aliases: ['auteure', 'membre'],
        kind: 'ref',
        help: c('Membre auteur.', 'Author member.'),
      },
      {
        id: 'type',
        label: c('Type', 'Type'),
        kind: 'enum',
        choices: CONTENT_TYPES,
        help: c(
          "article, guide, tuto, outil, process, retour d'expérience, autre.",
          'article, guide, tutorial, tool, process, experience report, other.',
        ),
      },
      { id: 'title', label: c('Titre', 'Title'), kind: 'text', help: c('Titre.', 'Title.') },
      {
        id: 'topic',
        label: c('Thème', 'Topic'),
        aliases: ['theme', 'sujet', 'subject'],
        kind: 'text',
        help: c('Thème.', 'Topic.'),
      },
      {
        id: 'reactions',
        label: c('Réactions', 'Reactions'),
        aliases: ['likes'],
        kind: 'count',
        help: c('Nombre de réactions.', 'Number of reactions.'),
      },
    ],
  },
  {
    key: 'responses',
    name: c('Réponses', 'Responses'),
    columns: [
      {
        id: 'submitted_at',
        label: c('Horodatage', 'Submitted at'),
        aliases: ['horodateur', 'timestamp', 'date'],
        kind: 'date',
        required: true,
        help: c('Date et heure de la réponse.', 'Date and time of the answer.'),
      },
      {
        id: 'survey_id',
        label: c('ID enquête', 'Survey ID'),
        aliases: ['enquete', 'survey'],
        kind: 'id',
        required: true,
        help: c('HOT-<événement> ou COLD-<semestre>.', 'HOT-<event> or COLD-<semester>.'),
      },
      {
        id: 'kind',
        label: c("Type d'enquête", 'Survey kind'),
        aliases: ['type'],
        kind: 'enum',
        choices: RESPONSE_KINDS,
        help: c('chaud ou froid.', 'hot or cold.'),
      },
      {
        id: 'event_id',
        label: c('ID événement', 'Event ID'),
        aliases: ['evenement', 'event'],
        kind: 'id',
        help: c('Événement (enquête à chaud).', 'Event (hot survey).'),
      },
      {
        id: 'member',
        label: c('Membre', 'Member'),
        aliases: ['code membre', 'member code'],
        kind: 'ref',
        help: c('Vide si anonyme.', 'Empty when anonymous.'),
      },
      {
        id: 'nps',
        label: c('NPS', 'NPS'),
        aliases: ['recommandation'],
        kind: 'scale',
        min: 0,
        max: 10,
        help: c('0 à 10.', '0 to 10.'),
      },
      {
        id: 'satisfaction',
        label: c('Satisfaction', 'Satisfaction'),
        kind: 'scale',
        min: 1,
        max: 5,
        help: c('1 à 5.', '1 to 5.'),
      },
      {
        id: 'contacts_made',
        label: c('Contacts noués', 'Contacts made'),
        kind: 'count',
        help: c('Nombre de contacts noués.', 'Contacts made.'),
      },
      {
        id: 'decisive_contacts',
        label: c('Contacts décisifs', 'Decisive contacts'),
        aliases: ['contacts prometteurs', 'promising contacts'],
        kind: 'count',
        help: c('Contacts prometteurs ou décisifs.', 'Promising or decisive contacts.'),
      },
      {
        id: 'connection_value',
        label: c('Valeur de la rencontre', 'Connection value'),
        kind: 'scale',
        min: 1,
        max: 5,
        help: c('1 à 5.', '1 to 5.'),
      },
      {
        id: 'belonging',
        label: c('Appartenance', 'Belonging'),
        kind: 'scale',
        min: 1,
        max: 5,
        help: c('1 à 5.', '1 to 5.'),
      },
      {
        id: 'mutual_help',
        label: c('Entraide', 'Mutual help'),
        kind: 'scale',
        min: 1,
        max: 5,
        help: c('1 à 5.', '1 to 5.'),
      },
      {
        id: 'preferred_formats',
        personal: true,
        label: c('Formats préférés', 'Preferred formats'),
        kind: 'text',
        help: c('Formats souhaités.', 'Preferred formats.'),
      },
      {
        id: 'most_valuable',
        personal: true,
        label: c('Le plus bénéfique', 'Most valuable'),
        kind: 'text',
        help: c('Ce qui a le plus apporté.', 'What brought the most.'),
      },
      {
        id: 'expectations',
        personal: true,
        label: c('Attentes', 'Expectations'),
        kind: 'text',
        help: c('Attentes envers la cotisation.', 'Expectations for the dues.'),
      },
      {
        id: 'comment',
        personal: true,
        label: c('Commentaire', 'Comment'),
        kind: 'text',
        help: c('Commentaire libre.', 'Free comment.'),
      },
      SOURCE_REF,
      // Issue 18: optional columns of the cold survey, added by the set-up, never required.
      {
        id: 'workshop_wishes',
        label: c('Ateliers souhaités', 'Workshop wishes'),
        aliases: ['ateliers', 'workshops'],
        kind: 'text',
        help: c(
          'Ateliers cochés (choix de Paramètres survey_workshops), séparés par des virgules.',
          'Workshops ticked (choices from Settings survey_workshops), separated by commas.',
        ),
      },
      {
        id: 'kpi_votes',
        label: c('Indicateurs importants', 'KPIs that matter'),
        aliases: ['indicateurs', 'kpi votes'],
        kind: 'text',
        help: c(
          'Indicateurs cochés par le membre (libellés), séparés par des virgules.',
          'KPIs the member ticked (labels), separated by commas.',
        ),
      },
    ],
  },
  {
    key: 'visibility',
    name: c('Notoriété', 'Visibility'),
    columns: [
      { id: 'date', label: c('Date', 'Date'), kind: 'date', required: true, help: c('Date.', 'Date.') },
      {
        id: 'type',
        label: c('Type', 'Type'),
        kind: 'enum',
        choices: VISIBILITY_TYPES,
        required: true,
        help: c(
          'presse, mention réseaux sociaux, demande d’interview, demande de partenariat, invitation à intervenir, bouche-à-oreille.',
          'press, social media mention, interview request, partnership request, speaking invitation, word of mouth.',
        ),
      },
      {
        id: 'sentiment',
        label: c('Sentiment', 'Sentiment'),
        kind: 'enum',
        choices: SENTIMENTS,
        help: c('positif, neutre, négatif.', 'positive, neutral, negative.'),
      },
      {
        id: 'source',
        label: c('Source', 'Source'),
        kind: 'text',
        help: c('Média, réseau…', 'Outlet, network…'),
      },
      { id: 'link', label: c('Lien', 'Link'), aliases: ['url'], kind: 'text', help: c('Lien.', 'Link.') },
    ],
  },
  {
    key: 'stories',
    name: c('Succès', 'Stories'),
    columns: [
      { id: 'date', label: c('Date', 'Date'), kind: 'date', required: true, help: c('Date.', 'Date.') },
      {
        id: 'title',
        label: c('Titre', 'Title'),
        kind: 'text',
        required: true,
        help: c('Titre du succès.', 'Title of the story.'),
      },
      {
        id: 'members',
        label: c('Membres', 'Members'),
        kind: 'text',
        help: c('Membres concernés.', 'Members involved.'),
      },
      {
        id: 'kpi',
        label: c('KPI', 'KPI'),
        kind: 'text',
        help: c(
          'ID du KPI illustré (ex. business_generated).',
          'KPI id it illustrates (e.g. business_generated).',
        ),
      },
      { id: 'value', label: c('Valeur', 'Value'), kind: 'number', help: c('Valeur chiffrée.', 'Figure.') },
      {
        id: 'story',
        label: c('Récit', 'Story'),
        aliases: ['histoire', 'description'],
        kind: 'text',
        help: c('Le récit.', 'The story.'),
      },
      {
        id: 'shareable',
        label: c('Partageable', 'Shareable'),
        aliases: ['a partager', 'public', 'share'],
        kind: 'yesno',
        help: c(
          'oui : le succès paraît dans l’édition membres (vide = non).',
          'yes: the story appears in the members’ edition (blank = no).',
        ),
      },
    ],
  },
  {
    key: 'investment',
    name: c('Investissements', 'Investment'),
    columns: [
      { id: 'date', label: c('Date', 'Date'), kind: 'date', required: true, help: c('Date.', 'Date.') },
      {
        id: 'category',
        label: c('Catégorie', 'Category'),
        kind: 'enum',
        choices: INVESTMENT_CATEGORIES,
        required: true,
        help: c(
          'temps, organisation, salle, outils, communication, autre.',
          'time, organisation, venue, tools, communication, other.',
        ),
      },
      {
        id: 'hours',
        label: c('Heures', 'Hours'),
        kind: 'number',
        min: 0,
        help: c('Heures consacrées.', 'Hours spent.'),
      },
      {
        id: 'amount',
        label: c('Montant', 'Amount'),
        kind: 'number',
        min: 0,
        help: c('Montant dépensé.', 'Amount spent.'),
      },
      { id: 'note', label: c('Note', 'Note'), kind: 'text', help: c('Remarque libre.', 'Free note.') },
    ],
  },
  {
    key: 'settings',
    name: c('Paramètres', 'Settings'),
    headerOptional: true,
    columns: [
      {
        id: 'key',
        label: c('Clé', 'Key'),
        aliases: ['parametre', 'setting'],
        kind: 'text',
        required: true,
        help: c('Nom du paramètre.', 'Setting name.'),
      },
      { id: 'value', label: c('Valeur', 'Value'), kind: 'text', help: c('Valeur.', 'Value.') },
    ],
  },
  {
    key: 'challenges',
    name: c('Défis', 'Challenges'),
    columns: [
      {
        id: 'month',
        label: c('Mois', 'Month'),
        aliases: ['periode', 'period'],
        kind: 'month',
        required: true,
        help: c(
          'Mois du défi : 2026-03, 03/2026 ou une date du mois.',
          'Month of the challenge: 2026-03, 03/2026 or a date in the month.',
        ),
      },
      {
        id: 'kind',
        label: c('Défi', 'Challenge'),
        aliases: ['type', 'type de defi', 'challenge kind'],
        kind: 'enum',
        choices: CHALLENGE_KINDS,
        required: true,
        help: c(
          "amener un invité, donner N recommandations, partager un contenu, participer à N événements, répondre à l'enquête.",
          'bring a guest, give N referrals, share a content, attend N events, answer the survey.',
        ),
      },
      {
        id: 'target',
        label: c('Objectif par membre (N)', 'Target per member (N)'),
        aliases: ['objectif', 'target', 'n', 'cible'],
        kind: 'count',
        help: c(
          'Combien chaque membre doit en faire pour relever le défi (vide = 1).',
          'How many each member must do to meet the challenge (empty = 1).',
        ),
      },
      {
        id: 'club_target',
        label: c('Objectif du club', 'Club target'),
        aliases: ['objectif club', 'objectif collectif', 'team target'],
        kind: 'count',
        help: c(
          'Total visé pour tout le club ce mois-là (facultatif).',
          'Total aimed at for the whole club that month (optional).',
        ),
      },
      {
        id: 'label',
        label: c('Intitulé', 'Label'),
        aliases: ['titre', 'title', 'nom', 'name'],
        kind: 'text',
        help: c('Nom donné au défi (facultatif).', 'Name given to the challenge (optional).'),
      },
    ],
  },
];

export const TAB_ORDER: TabKey[] = TABS.map((t) => t.key);

export function tabSpec(key: TabKey): TabSpec {
  const spec = TABS.find((t) => t.key === key);
  if (!spec) throw new Error(`Unknown tab ${key}`);
  return spec;
}

// -----------------------------------------------------------------------------------------------
// Tabs the add-on writes itself (issue 17): not tracking tabs (not in TABS, never read by a refresh),
// declared here for their labels and for the personal-data inventory (`personal: true`).

export interface WrittenTabSpec {
  id: string;
  name: Bilingual;
  columns: ColumnSpec[];
}

/** « Journal des envois » / « Mail log »: one row per e-mail sent or skipped by Club Pulse. */
export const MAIL_LOG_TAB: WrittenTabSpec = {
  id: 'mail_log',
  name: c('Journal des envois', 'Mail log'),
  columns: [
    { id: 'date', label: c('Date', 'Date'), kind: 'text', help: c('Jour de l’envoi.', 'Day of the send.') },
    {
      id: 'kind',
      label: c('Type', 'Kind'),
      kind: 'text',
      help: c('invitation, rappel ou relance.', 'invitation, reminder or nudge.'),
    },
    {
      id: 'subject',
      label: c('Enquête ou relance', 'Survey or nudge'),
      kind: 'text',
      help: c('ID de l’enquête, ou RELANCE.', 'Survey ID, or NUDGE.'),
    },
    {
      id: 'member_id',
      label: c('ID membre', 'Member ID'),
      kind: 'text',
      help: c(
        'Le membre (enquête anonyme : une empreinte, pas l’ID).',
        'The member (anonymous survey: a fingerprint, not the ID).',
      ),
    },
    {
      id: 'email',
      label: c('E-mail', 'E-mail'),
      kind: 'text',
      personal: true,
      help: c('Adresse du destinataire.', 'Recipient address.'),
    },
    {
      id: 'outcome',
      label: c('Résultat', 'Outcome'),
      kind: 'text',
      help: c('envoyé, ou pourquoi rien n’est parti.', 'sent, or why nothing went.'),
    },
    {
      id: 'quota_left',
      label: c('Quota restant', 'Quota left'),
      kind: 'number',
      help: c('E-mails encore permis aujourd’hui.', 'E-mails still allowed today.'),
    },
  ],
};

/** « Modèles » / « Templates »: the editable plain-text e-mails, one row per template and language. */
export const TEMPLATES_TAB: WrittenTabSpec = {
  id: 'templates',
  name: c('Modèles', 'Templates'),
  columns: [
    {
      id: 'template',
      label: c('Modèle', 'Template'),
      kind: 'text',
      help: c('Nom du modèle.', 'Template name.'),
    },
    { id: 'lang', label: c('Langue', 'Language'), kind: 'text', help: c('fr ou en.', 'fr or en.') },
    {
      id: 'subject',
      label: c('Objet', 'Subject'),
      kind: 'text',
      help: c('Objet de l’e-mail.', 'E-mail subject.'),
    },
    {
      id: 'body',
      label: c('Texte', 'Body'),
      kind: 'text',
      help: c(
        'Texte brut ; champs : {prenom} {nom} {lien} {titre} {club} {evenements}.',
        'Plain text; fields: {prenom} {nom} {lien} {titre} {club} {evenements}.',
      ),
    },
  ],
};
