/**
 * The default texts of the renewal e-mails (issue 20), editable in the « Modèles » / « Templates »
 * tab like the others (mail-templates.ts). Their own fields: {bilan} the statement's figures with
 * their units (statement-words.ts), {periode} the period it covers, {saison} the term being renewed,
 * {lien} the renewal link of Settings (English spellings {statement}, {period}, {term}, {link}).
 */

import type { Bilingual } from './i18n';

export const RENEWAL_TEMPLATES: Record<
  'renewal_statement' | 'renewal_reminder',
  { subject: Bilingual; body: Bilingual }
> = {
  renewal_statement: {
    subject: {
      fr: '{club} : votre bilan avant le renouvellement {saison}',
      en: '{club}: your statement before the {saison} renewal',
    },
    body: {
      fr: 'Bonjour {prenom},\n\nAvant le renouvellement de votre cotisation {saison}, voici ce que le réseau vous a apporté {periode} :\n{bilan}\n\nPour renouveler votre adhésion :\n{lien}\n\nMerci de votre confiance,\n{club}',
      en: 'Hello {prenom},\n\nBefore you renew your {saison} membership, here is what the network brought you {periode}:\n{bilan}\n\nTo renew your membership:\n{lien}\n\nThank you for your trust,\n{club}',
    },
  },
  renewal_reminder: {
    subject: {
      fr: 'Rappel : votre cotisation {saison} à {club}',
      en: 'Reminder: your {saison} membership of {club}',
    },
    body: {
      fr: 'Bonjour {prenom},\n\nLa saison {saison} a commencé et nous n’avons pas encore reçu votre cotisation. Pour mémoire, ce que le réseau vous a apporté {periode} :\n{bilan}\n\nPour renouveler votre adhésion :\n{lien}\n\nSi c’est déjà fait, merci et ne tenez pas compte de ce message.\n{club}',
      en: 'Hello {prenom},\n\nThe {saison} season has started and we have not received your membership fee yet. As a reminder, here is what the network brought you {periode}:\n{bilan}\n\nTo renew your membership:\n{lien}\n\nIf you have already done so, thank you, and please ignore this message.\n{club}',
    },
  },
};
