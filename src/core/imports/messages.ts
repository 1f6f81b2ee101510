/**
 * Every sentence an import shows a club, in French and English: source names, reasons a line is
 * skipped, notes on assumptions, the summary.
 */

import { type Bilingual, fill, type Lang } from '../i18n';
import type { SourceId } from './types';

export const SOURCE_LABELS: Record<SourceId, Bilingual> = {
  helloasso_payments: { fr: 'HelloAsso — paiements', en: 'HelloAsso — payments' },
  helloasso_memberships: { fr: 'HelloAsso — adhésions', en: 'HelloAsso — memberships' },
  helloasso_tickets: { fr: 'HelloAsso — billetterie', en: 'HelloAsso — ticketing' },
  eventbrite: { fr: 'Eventbrite — participants', en: 'Eventbrite — attendees' },
  meetup: { fr: 'Meetup — participants', en: 'Meetup — attendees' },
  mailchimp: { fr: 'Mailchimp — rapport de campagne', en: 'Mailchimp — campaign report' },
  mailerlite: { fr: 'MailerLite — rapport de campagne', en: 'MailerLite — campaign report' },
  brevo: { fr: 'Brevo — rapport de campagnes', en: 'Brevo — campaign report' },
  google_forms: { fr: 'Google Forms — réponses', en: 'Google Forms — responses' },
  bni_palms: { fr: 'BNI — rapport PALMS', en: 'BNI — PALMS report' },
  network_benchmarks: {
    fr: 'Réseau — repères (benchmarks.csv)',
    en: 'Network — benchmarks (benchmarks.csv)',
  },
};

const M = {
  emptyFile: {
    fr: 'Le fichier est vide : rien à importer.',
    en: 'The file is empty: nothing to import.',
  },
  unknownSource: {
    fr: 'Format de fichier non reconnu : les en-têtes ne correspondent à aucun export connu (HelloAsso, Eventbrite, Meetup, Mailchimp, MailerLite, Brevo, Google Forms, BNI PALMS). Précisez la source.',
    en: 'File format not recognised: the headers match no known export (HelloAsso, Eventbrite, Meetup, Mailchimp, MailerLite, Brevo, Google Forms, BNI PALMS). Name the source.',
  },
  missingColumns: {
    fr: 'Ce fichier n’a pas les colonnes attendues d’un export {source} : {columns} manquante(s).',
    en: 'This file lacks the columns of a {source} export: {columns} missing.',
  },
  brevoContacts: {
    fr: 'Cet export Brevo est une liste de contacts, pas un rapport de campagnes : exportez les statistiques des campagnes e-mail.',
    en: 'This Brevo export is a contact list, not a campaign report: export the email campaign statistics.',
  },
  palmsNoTable: {
    fr: 'Rapport PALMS illisible : la ligne d’en-têtes (First Name, Last Name, P, A…) est introuvable.',
    en: 'Unreadable PALMS report: the header row (First Name, Last Name, P, A…) was not found.',
  },
  palmsNoDates: {
    fr: 'Rapport PALMS illisible : les dates « From: » et « To: » du rapport sont introuvables ou illisibles.',
    en: 'Unreadable PALMS report: the report’s “From:” and “To:” dates are missing or unreadable.',
  },
  kvNoStats: {
    fr: 'Rapport de campagne illisible : aucun nombre de destinataires trouvé.',
    en: 'Unreadable campaign report: no recipient count found.',
  },
  // Reasons a line is skipped.
  alreadyImported: {
    fr: 'déjà présente dans le classeur (référence {ref}).',
    en: 'already in the workbook (reference {ref}).',
  },
  duplicateInFile: {
    fr: 'doublon d’une ligne précédente du fichier (référence {ref}).',
    en: 'duplicate of an earlier line of the file (reference {ref}).',
  },
  donation: {
    fr: 'don : ce n’est ni une cotisation ni une participation.',
    en: 'donation: neither dues nor attendance.',
  },
  otherCampaign: {
    fr: 'paiement « {type} » : ni une adhésion ni un don, rien à importer.',
    en: '“{type}” payment: not a membership, nothing to import.',
  },
  ticketPayment: {
    fr: 'paiement de billetterie : importez plutôt l’export de la billetterie (un participant par billet).',
    en: 'ticketing payment: import the ticketing export instead (one attendee per ticket).',
  },
  refused: {
    fr: 'paiement refusé : ce n’est pas une cotisation payée.',
    en: 'refused payment: these are not dues paid.',
  },
  refunded: {
    fr: 'paiement remboursé : ce n’est pas une cotisation payée.',
    en: 'refunded payment: these are not dues paid.',
  },
  notValidated: {
    fr: 'commande au statut « {status} » : seules les commandes validées sont importées.',
    en: 'order with status “{status}”: only validated orders are imported.',
  },
  pendingNewPerson: {
    fr: 'commande en attente d’une personne qui n’est pas encore membre : rien n’est ajouté.',
    en: 'pending order from someone who is not a member yet: nothing is added.',
  },
  instalmentMerged: {
    fr: 'échéance de la commande {order} déjà comptée (une commande = une cotisation).',
    en: 'instalment of order {order}, already counted (one order = one dues row).',
  },
  badDate: {
    fr: 'date illisible « {value} » dans « {column} ».',
    en: 'unreadable date “{value}” in “{column}”.',
  },
  noDate: {
    fr: 'date manquante dans « {column} ».',
    en: 'date missing in “{column}”.',
  },
  noPerson: {
    fr: 'ni e-mail ni nom : impossible de savoir de qui il s’agit.',
    en: 'neither email nor name: no way to tell who this is.',
  },
  attendeeCancelled: {
    fr: 'inscription « {status} » : la personne ne vient pas.',
    en: '“{status}” registration: the person is not coming.',
  },
  rsvpNo: {
    fr: 'réponse « {rsvp} » : la personne ne s’est pas inscrite.',
    en: '“{rsvp}” answer: the person did not sign up.',
  },
  emptyAnswer: {
    fr: 'réponse sans aucune valeur à importer.',
    en: 'answer with no value to import.',
  },
  noRecipients: {
    fr: 'campagne sans nombre de destinataires lisible.',
    en: 'campaign without a readable recipient count.',
  },
  noCampaignName: {
    fr: 'campagne sans nom.',
    en: 'campaign without a name.',
  },
  palmsUnknownMember: {
    fr: '« {name} » introuvable dans l’onglet Membres : ajoutez ce membre puis importez à nouveau le rapport.',
    en: '“{name}” not found in the Members tab: add this member, then import the report again.',
  },
  palmsAmbiguous: {
    fr: 'le nom « {name} » correspond à plusieurs membres.',
    en: 'the name “{name}” matches several members.',
  },
  // Notes.
  instalments: {
    fr: '{rows} lignes de paiement regroupées en {orders} commandes (paiements en plusieurs fois) : une cotisation par commande.',
    en: '{rows} payment lines grouped into {orders} orders (instalments): one dues row per order.',
  },
  eventDateGuessed: {
    fr: 'L’export ne donne pas la date de l’événement « {title} » : il est daté du {date} (dernière commande). Corrigez-la au besoin.',
    en: 'The export does not give the date of the event “{title}”: it is dated {date} (last order). Correct it if needed.',
  },
  eventReused: {
    fr: 'Participations rattachées à l’événement existant « {id} ».',
    en: 'Attendance attached to the existing event “{id}”.',
  },
  mappingProposed: {
    fr: 'Correspondance des colonnes proposée d’après l’intitulé des questions : vérifiez-la avant d’importer.',
    en: 'Column mapping proposed from the question titles: check it before importing.',
  },
  surveyId: {
    fr: 'Les réponses sont rangées sous l’enquête « {id} ».',
    en: 'The answers are filed under the survey “{id}”.',
  },
  meetupGuests: {
    fr: '{count} invités annoncés via Meetup ne sont pas importés : Meetup ne donne pas leur nom.',
    en: '{count} guests announced on Meetup are not imported: Meetup does not give their names.',
  },
  palmsDesign: {
    fr: 'Rapport PALMS du {from} au {to} : les totaux par membre sont enregistrés au {to} ({meetings} réunions de synthèse, sans détail par réunion).',
    en: 'PALMS report from {from} to {to}: per-member totals are recorded on {to} ({meetings} summary meetings, no per-meeting detail).',
  },
  palmsRri: {
    fr: 'Les recommandations reçues de l’intérieur (RRI) ne sont pas ajoutées : elles sont déjà comptées comme données (RGI) par d’autres membres.',
    en: 'Referrals received from inside (RRI) are not added: they are already counted as given (RGI) by other members.',
  },
  // Summary.
  summaryRows: {
    fr: '{count} ligne(s) ajoutée(s) à {tab}',
    en: '{count} row(s) added to {tab}',
  },
  summaryRowsPlanned: {
    fr: '{count} ligne(s) {would} ajoutée(s) à {tab}',
    en: '{count} row(s) would be added to {tab}',
  },
  summaryNothing: {
    fr: 'Aucune ligne à ajouter',
    en: 'No row to add',
  },
  summarySkipped: {
    fr: '{count} ignorée(s)',
    en: '{count} skipped',
  },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof M;

/** The sentence `key` in `lang`, with its `{placeholders}` filled. */
export function say(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return fill(M[key][lang], values);
}

/** `(s)` plural marks resolved for a count: « 1 ligne ajoutée », « 3 lignes ajoutées ». */
export function plural(text: string, count: number): string {
  return text.replace(/\((e?s)\)/g, count > 1 ? '$1' : '');
}
