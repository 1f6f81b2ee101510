/**
 * Which export a file is (src/core/imports/detect.ts), hand-worked (issue 23): the headers of
 * /work/shared/samples/format_headers_verbatim.json and reference/export-formats.md, spelt as the
 * tools write them (trailing spaces, another case, the UK Eventbrite wording, the six languages of
 * the Forms timestamp), PALMS title rows, key/value campaign reports with and without their rows,
 * and files that are none of these. Each expectation names the rule that decides it.
 */

import { describe, expect, it } from 'vitest';
import { detectSource, isFormsHeader, isPalmsHeader } from '../../../src/core/imports/detect';

describe('HelloAsso', () => {
  it('tells payments, memberships and tickets apart', () => {
    // Payments: Référence commande + Référence paiement + Statut du paiement.
    expect(
      detectSource(['Référence commande ', 'Référence paiement', 'Montant total', 'Statut du paiement ']),
    ).toBe('helloasso_payments');
    // Référence paiement without Statut du paiement is not a payments export.
    expect(detectSource(['Référence commande', 'Référence paiement', 'Date de la commande'])).toBe(
      'helloasso_tickets',
    );
    // Memberships: any of Nom adhérent, Prénom adhérent, Carte d'adhérent.
    expect(detectSource(['Référence commande', 'Date de la commande', 'Nom adhérent'])).toBe(
      'helloasso_memberships',
    );
    expect(detectSource(['Référence commande', 'Date de la commande', 'PRENOM ADHERENT'])).toBe(
      'helloasso_memberships',
    );
    expect(detectSource(['Référence commande', "Carte d'adhérent"])).toBe('helloasso_memberships');
    // Otherwise a ticketing export (with or without participants).
    expect(
      detectSource(['Référence commande', 'Date de la commande', 'Nom participant', 'Prénom participant']),
    ).toBe('helloasso_tickets');
  });
});

describe('event platforms', () => {
  it('reads Eventbrite in its US and UK wordings, and needs both an order and an attendee column', () => {
    expect(detectSource(['Order #', 'Order Date', 'First Name', 'Attendee #', 'Attendee Status'])).toBe(
      'eventbrite',
    );
    expect(detectSource(['Order no.', 'First Name', 'Surname', 'Attendee no.'])).toBe('eventbrite');
    expect(detectSource(['Order No', 'Attendee Status'])).toBe('eventbrite');
    expect(detectSource(['Order #', 'Order Date', 'First Name'])).toBeNull();
    expect(detectSource(['Attendee #', 'First Name'])).toBeNull();
    // A blank column is neither an order nor an attendee column.
    expect(detectSource(['First Name', '', 'Attendee #'])).toBeNull();
    expect(detectSource(['Order #', '', 'First Name'])).toBeNull();
  });

  it('reads Meetup from Name and RSVP with any of its own columns', () => {
    expect(detectSource(['Name', 'Attendance', 'User ID', 'Title', 'Event Host', 'RSVP', 'Guests'])).toBe(
      'meetup',
    );
    expect(detectSource(['Name', 'RSVP', 'RSVPed on'])).toBe('meetup');
    expect(detectSource(['Name', 'RSVP', 'Event Host'])).toBe('meetup');
    expect(detectSource(['Name', 'RSVP', 'Guests'])).toBeNull();
    expect(detectSource(['Name', 'User ID', 'RSVPed on'])).toBeNull();
    expect(detectSource(['Name', 'RSVP', '', 'Guests'])).toBeNull();
  });
});

describe('Google Forms', () => {
  it('knows the timestamp column in six languages, first column only', () => {
    for (const first of [
      'Timestamp',
      '"Timestamp"',
      'Horodateur',
      'Horodatage',
      'Marca temporale',
      'Zeitstempel',
      'Marca temporal',
    ]) {
      expect(isFormsHeader([first, 'Adresse e-mail'])).toBe(true);
    }
    expect(isFormsHeader(['Adresse e-mail', 'Horodateur'])).toBe(false);
    expect(isFormsHeader([])).toBe(false);
    expect(detectSource(['Horodateur', 'Adresse e-mail', 'Recommanderiez-vous le club ?'])).toBe(
      'google_forms',
    );
  });
});

describe('BNI PALMS', () => {
  const header = 'First Name,Last Name,P,A,,L,M,S,,RGI,RGO,RRI,,RRO,V,1-2-1,,TYFCB,CEU,T'.split(',');

  it('knows the member table by First Name, Last Name, P, A, RGI and TYFCB', () => {
    expect(isPalmsHeader(header)).toBe(true);
    expect(isPalmsHeader(header.filter((c) => c !== 'TYFCB'))).toBe(false);
    expect(isPalmsHeader(header.filter((c) => c !== 'RGI'))).toBe(false);
    expect(isPalmsHeader(header.filter((c) => c !== 'A'))).toBe(false);
    // The blank spacer columns stand for no missing label.
    expect(isPalmsHeader(header.filter((c) => c !== 'P'))).toBe(false);
    expect(isPalmsHeader(header.filter((c) => c !== 'First Name'))).toBe(false);
    expect(isPalmsHeader(header.filter((c) => c !== 'Last Name'))).toBe(false);
    expect(detectSource(header)).toBe('bni_palms');
  });

  it('knows a report by its title row, or by a member table within its first 30 rows', () => {
    expect(detectSource(['Chapter Summary PALMS Report', '', ''])).toBe('bni_palms');
    // The title in another cell, another wording: it says PALMS.
    expect(detectSource(['', 'Rapport PALMS du chapitre'])).toBe('bni_palms');
    expect(detectSource([' ', 'Chapter Summary PALMS Report'])).toBe('bni_palms');
    const untitled = [['Chapter:', '', '', '', 'Paris Étoile'], ['From:', '', '', '', '01/01/2026'], header];
    expect(detectSource(untitled[0], untitled)).toBe('bni_palms');
    // Header on row 31: too far down.
    const far = [...Array.from({ length: 30 }, () => ['Chapter:', 'Paris']), header];
    expect(detectSource(far[0], far)).toBeNull();
    expect(detectSource(far[0], far.slice(1))).toBe('bni_palms');
  });
});

describe('email campaigns', () => {
  it('reads a Mailchimp campaigns table', () => {
    expect(detectSource(['Title', 'Subject', 'List', 'Send Date', 'Total Recipients', 'Unique Opens'])).toBe(
      'mailchimp',
    );
    expect(detectSource(['Title', 'Send Date'])).toBeNull();
  });

  it('reads a Brevo contacts list, and a campaigns table in French or English', () => {
    expect(detectSource(['EMAIL', 'LASTNAME', 'FIRSTNAME', 'SMS', 'EMAIL_BLACKLISTED'])).toBe('brevo');
    expect(detectSource(['EMAIL', 'EMAIL_BLACKLISTED'])).toBe('brevo');
    expect(detectSource(['EMAIL', 'FIRSTNAME', 'LASTNAME'])).toBe('brevo');
    expect(detectSource(['EMAIL', 'FIRSTNAME'])).toBeNull();
    expect(detectSource(['Nom de la campagne', 'Envoyés', 'Ouvertures uniques'])).toBe('brevo');
    expect(detectSource(['Campaign name', 'Delivered', 'Opens'])).toBe('brevo');
    expect(detectSource(['Nom de la campagne', 'Destinataires', 'Ouvertures'])).toBe('brevo');
    expect(detectSource(['Campaign name', 'Recipients', 'Unique opens'])).toBe('brevo');
    expect(detectSource(['Nom de la campagne', 'Délivrés', 'Clics'])).toBeNull();
    expect(detectSource(['Campaign name', 'Sent', 'Clicks'])).toBeNull();
    expect(detectSource(['Subject', 'Sent', 'Opens'])).toBeNull();
    expect(detectSource(['Campaign name', '', 'Opens'])).toBeNull();
  });

  it('tells key/value reports apart by their rows', () => {
    const mailchimp = [['Campaign Report'], ['Title:', 'Lettre de mars'], ['Total Recipients:', '1,751']];
    expect(detectSource(mailchimp[0], mailchimp)).toBe('mailchimp');
    const opened = [['Campaign report'], ['Recipients Who Opened:', '141 (8.1%)']];
    expect(detectSource(opened[0], opened)).toBe('mailchimp');
    const mailerlite = [['Campaign Report'], ['Sent', '2021-09-28 13:00:00'], ['Total emails sent', '4069']];
    expect(detectSource(mailerlite[0], mailerlite)).toBe('mailerlite');
    const mailerliteOpened = [['Rapport de campagne'], ['Opened:', '1085 (26.66%)']];
    expect(detectSource(mailerliteOpened[0], mailerliteOpened)).toBe('mailerlite');
  });

  it('falls back on the title’s spelling without rows: Mailchimp `Report`, MailerLite `report`', () => {
    expect(detectSource(['Campaign Report'])).toBe('mailchimp');
    expect(detectSource(['Campaign report'])).toBe('mailerlite');
    expect(detectSource(['Rapport de campagne'])).toBe('mailerlite');
    // With rows that settle nothing, the same fallback.
    expect(detectSource(['Campaign Report'], [['Campaign Report'], ['Title:', 'x']])).toBe('mailchimp');
    // A blank line is no `Opened` row.
    expect(detectSource(['Campaign Report'], [['Campaign Report'], [''], ['Title:', 'x']])).toBe('mailchimp');
  });
});

describe('the network roll-up and unknown files', () => {
  it('reads the network’s benchmarks', () => {
    expect(detectSource(['kpi', 'period', 'band', 'clubs', 'p25', 'median', 'p75'])).toBe(
      'network_benchmarks',
    );
    expect(detectSource(['kpi', 'period', 'band', 'median'])).toBeNull();
  });

  it('gives null for a file it does not know', () => {
    expect(detectSource(['Email Address', 'First Name', 'Last Name', 'MEMBER_RATING'])).toBeNull();
    expect(detectSource(['Order ID', 'Order date', 'Event ID', 'Buyer email'])).toBeNull();
    expect(detectSource(['', ''])).toBeNull();
    expect(detectSource([])).toBeNull();
    expect(detectSource(['Rapport annuel'], [['Rapport annuel'], ['Total Recipients:', '3']])).toBeNull();
  });
});
