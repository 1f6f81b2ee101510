/**
 * Which export a file is, from its first row (and, for key/value reports and title rows, the rows
 * below it). Headers are compared trimmed, without case, accents or punctuation, in the languages
 * the tools write them (reference/export-formats.md, samples/format_headers_verbatim.json).
 */

import { normalizeLabel } from '../normalize';
import type { SourceId } from './types';

const keysOf = (cells: string[]): Set<string> => new Set(cells.map((c) => normalizeLabel(c ?? '')));

const hasAll = (keys: Set<string>, labels: string[]): boolean =>
  labels.every((l) => keys.has(normalizeLabel(l)));

const hasAny = (keys: Set<string>, labels: string[]): boolean =>
  labels.some((l) => keys.has(normalizeLabel(l)));

/** The first cell of a key/value report (`Campaign Report`) or a PALMS title row. */
const firstCell = (cells: string[]): string => normalizeLabel(cells.find((c) => c.trim() !== '') ?? '');

/** True for a PALMS member-table header row: `First Name, Last Name, P, A, …`. */
export function isPalmsHeader(cells: string[]): boolean {
  const keys = keysOf(cells);
  return hasAll(keys, ['First Name', 'Last Name', 'P', 'A', 'RGI', 'TYFCB']);
}

/** Google Forms: `Timestamp` / `Horodateur` first (a Forms download quotes it the same). */
export function isFormsHeader(cells: string[]): boolean {
  return ['timestamp', 'horodateur', 'horodatage', 'marcatemporale', 'zeitstempel', 'marcatemporal'].includes(
    normalizeLabel(cells[0] ?? ''),
  );
}

/**
 * The source of an export from its header row, or null. `rows` (the whole file) settles the
 * key/value campaign reports, whose first row is only a title, and PALMS reports, whose table
 * starts below title rows.
 */
export function detectSource(header: string[], rows?: string[][]): SourceId | null {
  const keys = keysOf(header);
  // The network's roll-up (issue 22): `kpi, period, band, clubs, p25, median, p75…`.
  if (hasAll(keys, ['kpi', 'period', 'band', 'clubs', 'median'])) return 'network_benchmarks';
  if (hasAll(keys, ['Référence commande'])) {
    if (hasAll(keys, ['Référence paiement', 'Statut du paiement'])) return 'helloasso_payments';
    if (hasAny(keys, ['Nom adhérent', 'Prénom adhérent', "Carte d'adhérent"])) return 'helloasso_memberships';
    return 'helloasso_tickets';
  }
  if (
    hasAny(keys, ['Order #', 'Order no.', 'Order No']) &&
    hasAny(keys, ['Attendee #', 'Attendee no.', 'Attendee Status'])
  ) {
    return 'eventbrite';
  }
  if (hasAll(keys, ['Name', 'RSVP']) && hasAny(keys, ['User ID', 'RSVPed on', 'Event Host'])) return 'meetup';
  if (isFormsHeader(header)) return 'google_forms';
  if (isPalmsHeader(header)) return 'bni_palms';
  if (hasAll(keys, ['Title', 'Send Date', 'Total Recipients'])) return 'mailchimp';
  if (hasAll(keys, ['EMAIL', 'EMAIL_BLACKLISTED']) || hasAll(keys, ['EMAIL', 'FIRSTNAME', 'LASTNAME'])) {
    return 'brevo';
  }

  // A campaign table with the usual French or English names (Brevo's campaign report was never seen).
  if (
    hasAny(keys, ['Nom de la campagne', 'Campaign name']) &&
    hasAny(keys, ['Destinataires', 'Recipients', 'Envoyés', 'Sent', 'Délivrés', 'Delivered']) &&
    hasAny(keys, ['Ouvertures uniques', 'Unique opens', 'Ouvertures', 'Opens'])
  ) {
    return 'brevo';
  }

  const title = firstCell(header);
  if (title.includes('palms') || title === 'chaptersummarypalmsreport') return 'bni_palms';
  if (rows?.slice(0, 30).some(isPalmsHeader)) return 'bni_palms';
  if (title === 'campaignreport' || title === 'rapportdecampagne') {
    const kv = new Set((rows ?? []).map((r) => normalizeLabel(r[0] ?? '')));
    if (kv.has('totalrecipients') || kv.has('recipientswhoopened')) return 'mailchimp';
    if (kv.has('totalemailssent') || kv.has('opened')) return 'mailerlite';
    // Without the rows, the tools' spelling of the title: Mailchimp `Campaign Report`, MailerLite
    // `Campaign report`.
    return /Report/.test(header.join(' ')) ? 'mailchimp' : 'mailerlite';
  }
  return null;
}
