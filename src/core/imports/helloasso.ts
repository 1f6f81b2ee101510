/**
 * HelloAsso back-office exports (reference/export-formats.md §1): `;`-separated, BOM, French
 * dates `dd/MM/yyyy HH:mm[:ss]` and decimal commas — read day-first and comma-decimal whatever the
 * spreadsheet locale, unless the file's own dates show an Excel re-save in month-first order.
 *
 * - Payments (« paiements », long and short variants): one row per payment, so an order paid in
 *   instalments spans several rows. Membership (« Adhésion ») orders become one Dues row per order
 *   — amount = the paid instalments without the extra donation, paid_on = the first paid
 *   instalment — and their payer becomes a member when the workbook does not know them. `Payé` and
 *   `Hors Ligne` (an offline payment the organiser recorded) are paid; refused and refunded payments
 *   are not dues paid and are listed as skipped; donations are skipped with their reason; ticketing
 *   payments are skipped (the ticketing export gives the attendees, the payments export only the
 *   buyer).
 * - Memberships (« adhésions »): one row per membership; validated ones become a member (matched
 *   by email, else name) and a Dues row dated on the order; pending ones add a pending Dues row for
 *   known members only; refused, refunded and cancelled ones are skipped.
 * - Ticketing (« billetterie »): one row per ticket (participant block, `Numéro de billet`) or per
 *   order; validated rows become Attendance (registered, attendance unknown) for one Events row.
 *
 * The dues term is the season or year named in the campaign or rate (`Adhésion 2025-2026`), else
 * the order's date (a date term runs twelve months from that day, SPEC §3). References:
 * `helloasso:<order>` (payments, ticketing per order), `helloasso:<order>:<ticket>` (tickets),
 * `helloasso:<order>:<adherent>` (memberships), `helloasso:member:<email or name>` (new members).
 */

import type { Lang } from '../i18n';
import { normalizeLabel } from '../normalize';
import { DUES_STATUS } from '../schema';
import {
  attendeeRef,
  type Columns,
  type Context,
  ensureEvent,
  ensureMember,
  fullName,
  latest,
  type Person,
  slug,
  titleFromFileName,
} from './common';
import { say } from './messages';
import { fileLocale, readIsoDate, readNumber } from './values';

const ORDER = 'Référence commande';
const ORDER_DATE = 'Date de la commande';
const ORDER_STATUS = 'Statut de la commande';

const duesStatus = (id: string, lang: Lang): string => DUES_STATUS.find((s) => s.id === id)!.label[lang];

type PaymentState = 'paid' | 'refused' | 'refunded' | 'pending';

/**
 * `Payé`, `Hors Ligne`, `Validé` are paid; `Refusé`, `Remboursé`, `Annulé` are not; the rest is
 * pending. The API's English states count too: `Processed`, `Authorized` and `Registered` (an item
 * or payment HelloAsso recorded, e.g. offline; ItemState and PaymentState of its API v5), and
 * `Validated`, `Validé` in an English interface.
 */
function paymentState(status: string): PaymentState {
  const key = normalizeLabel(status);
  if (/^(paye|horsligne|valide|autorise|paid|processed|authorized|validated|registered)/.test(key))
    return 'paid';
  if (/^(refus|refused|echec|error|annul|cancel|abandon)/.test(key)) return 'refused';
  if (/^(rembours|refund)/.test(key)) return 'refunded';
  return 'pending';
}

/** The season or year a campaign or rate names (`Adhésion 2025-2026` → `2025-2026`), else null. */
export function termFromName(name: string): string | null {
  const season = /\b(20\d{2})\s*[-/–]\s*(20\d{2}|\d{2})\b/.exec(name);
  if (season) {
    const first = Number(season[1]);
    const second = season[2].length === 2 ? 2000 + Number(season[2]) : Number(season[2]);
    if (second === first + 1) return `${first}-${second}`;
  }
  const year = /\b(20\d{2})\b/.exec(name);
  return year ? year[1] : null;
}

function personRef(p: Person): string {
  return `helloasso:member:${p.email.trim().toLowerCase() || slug(fullName(p))}`;
}

function dataRows(rows: string[][]): Array<{ line: number; row: string[] }> {
  const out: Array<{ line: number; row: string[] }> = [];
  rows.slice(1).forEach((row, i) => {
    if (row.some((c) => c.trim() !== '')) out.push({ line: i + 2, row });
  });
  return out;
}

export function importPayments(ctx: Context, cols: Columns, rows: string[][]): void {
  const { builder } = ctx;
  const lang = ctx.input.lang;
  const { lines, locale } = helloAssoLines(ctx, cols, rows, ['Date du paiement', ORDER_DATE]);

  // Group membership payments by order (instalments repeat the order reference).
  const orders = new Map<string, Array<{ line: number; row: string[] }>>();
  let membershipLines = 0;
  for (const item of lines) {
    const { line, row } = item;
    const campaignType = normalizeLabel(cols.get(row, 'Type de campagne'));
    const type = normalizeLabel(cols.get(row, 'Type'));
    if (campaignType.startsWith('don') || type.startsWith('don')) {
      builder.skip(line, say(lang, 'donation'));
    } else if (campaignType.startsWith('billetterie') || campaignType === 'event') {
      builder.skip(line, say(lang, 'ticketPayment'));
    } else if (campaignType.startsWith('adhesion') || campaignType === 'membership') {
      membershipLines += 1;
      const order = cols.get(row, ORDER) || `line${line}`;
      const list = orders.get(order) ?? [];
      list.push(item);
      orders.set(order, list);
    } else {
      builder.skip(line, say(lang, 'otherCampaign', { type: cols.get(row, 'Type de campagne') || '?' }));
    }
  }
  if (membershipLines > orders.size) {
    builder.note(say(lang, 'instalments', { rows: membershipLines, orders: orders.size }));
  }

  for (const [order, items] of orders) {
    const states = items.map(({ row }) => paymentState(cols.get(row, 'Statut du paiement')));
    const paid = items.filter((_, i) => states[i] === 'paid');
    items.forEach(({ line }, i) => {
      if (states[i] === 'refused') builder.skip(line, say(lang, 'refused'));
      if (states[i] === 'refunded') builder.skip(line, say(lang, 'refunded'));
    });
    const first = items[0];
    const person: Person = {
      email: cols.get(first.row, 'Email payeur'),
      firstName: cols.get(first.row, 'Prénom payeur'),
      lastName: cols.get(first.row, 'Nom payeur'),
      company: cols.get(first.row, 'Raison sociale'),
    };
    const ref = `helloasso:${order}`;
    if (paid.length === 0) {
      const pending = items.filter((_, i) => states[i] === 'pending');
      if (pending.length === 0) continue;
      const known = ctx.existing.members.find(person.email, person.firstName, person.lastName);
      if (!('id' in known)) {
        for (const { line } of pending) builder.skip(line, say(lang, 'pendingNewPerson'));
        continue;
      }
      const date = readIsoDate(cols.get(pending[0].row, 'Date du paiement', ORDER_DATE), locale);
      const term = termFromName(cols.get(pending[0].row, 'Campagne')) ?? date;
      const added = builder.add(
        'dues',
        { member_id: known.id, term, status: duesStatus('pending', lang) },
        ref,
      );
      if (!added.added) for (const { line } of pending) builder.skip(line, added.reason);
      continue;
    }
    const dates = paid.map(({ row }) => readIsoDate(cols.get(row, 'Date du paiement', ORDER_DATE), locale));
    const paidOn = dates.filter((d): d is string => d !== null).sort()[0] ?? null;
    if (paidOn === null) {
      const raw = cols.get(paid[0].row, 'Date du paiement');
      for (const { line } of paid)
        builder.skip(line, say(lang, 'badDate', { value: raw, column: 'Date du paiement' }));
      continue;
    }
    let amount = 0;
    for (const { row } of paid) {
      const total = readNumber(cols.get(row, 'Montant total'), locale) ?? 0;
      const donation = readNumber(cols.get(row, 'Don supplémentaire'), locale) ?? 0;
      amount += total - donation;
    }
    amount = Math.round(amount * 100) / 100;
    const member = ensureMember(ctx, person, paidOn, personRef(person));
    if (!('id' in member)) {
      const reason =
        'ambiguous' in member
          ? say(lang, 'palmsAmbiguous', { name: fullName(person) })
          : say(lang, 'noPerson');
      for (const { line } of paid) builder.skip(line, reason);
      continue;
    }
    const term = termFromName(cols.get(first.row, 'Campagne')) ?? paidOn;
    const added = builder.add(
      'dues',
      { member_id: member.id, term, amount, paid_on: paidOn, status: duesStatus('paid', lang) },
      ref,
    );
    if (!added.added && !member.created) for (const { line } of paid) builder.skip(line, added.reason);
  }
}

/** A custom form field holding the adherent's own email, if the organiser asked for one. */
const ADHERENT_EMAIL = [
  'Email adhérent',
  'E-mail adhérent',
  'Adresse e-mail',
  'Adresse mail',
  'Email',
  'E-mail',
  'Mail',
  'Courriel',
];

/** The data lines of a HelloAsso export and the locale its dates are written in (French by default). */
function helloAssoLines(ctx: Context, cols: Columns, rows: string[][], dateLabels: string[]) {
  const lines = dataRows(rows);
  const locale = fileLocale(
    lines.map(({ row }) => cols.get(row, ...dateLabels)),
    'fr_FR',
    'fr_FR',
    ctx.timeZone,
  );
  return { lines, locale };
}

export function importMemberships(ctx: Context, cols: Columns, rows: string[][]): void {
  const { builder } = ctx;
  const lang = ctx.input.lang;
  const { lines, locale } = helloAssoLines(ctx, cols, rows, [ORDER_DATE]);
  const seen = new Set<string>();
  for (const { line, row } of lines) {
    const order = cols.get(row, ORDER) || `line${line}`;
    const payer: Person = {
      email: cols.get(row, 'Email payeur'),
      firstName: cols.get(row, 'Prénom payeur'),
      lastName: cols.get(row, 'Nom payeur'),
    };
    const adherent: Person = {
      email: '',
      firstName: cols.get(row, 'Prénom adhérent') || payer.firstName,
      lastName: cols.get(row, 'Nom adhérent') || payer.lastName,
      phone: cols.get(row, 'Téléphone', 'N° de téléphone'),
    };
    const samePerson = slug(fullName(adherent)) === slug(fullName(payer));
    adherent.email = cols.get(row, ...ADHERENT_EMAIL) || (samePerson ? payer.email : '');
    if (samePerson) adherent.company = cols.get(row, 'Raison sociale');
    const key = `${order}:${slug(fullName(adherent)) || adherent.email.toLowerCase()}`;
    if (seen.has(key)) {
      builder.skip(line, say(lang, 'instalmentMerged', { order }));
      continue;
    }
    seen.add(key);
    const status = cols.get(row, ORDER_STATUS);
    const state = status ? paymentState(status) : 'paid';
    if (state === 'refused' || state === 'refunded') {
      builder.skip(line, say(lang, 'notValidated', { status }));
      continue;
    }
    const date = readIsoDate(cols.get(row, ORDER_DATE), locale);
    if (date === null) {
      builder.skip(line, say(lang, 'badDate', { value: cols.get(row, ORDER_DATE), column: ORDER_DATE }));
      continue;
    }
    const term = termFromName(cols.get(row, 'Tarif')) ?? termFromName(cols.get(row, 'Campagne')) ?? date;
    const ref = `helloasso:${key}`;
    const amount = readNumber(cols.get(row, 'Montant tarif'), locale);
    if (state === 'pending') {
      const known = ctx.existing.members.find(adherent.email, adherent.firstName, adherent.lastName);
      if (!('id' in known)) {
        builder.skip(line, say(lang, 'pendingNewPerson'));
        continue;
      }
      const added = builder.add(
        'dues',
        { member_id: known.id, term, amount, status: duesStatus('pending', lang) },
        ref,
      );
      if (!added.added) builder.skip(line, added.reason);
      continue;
    }
    const member = ensureMember(ctx, adherent, date, personRef(adherent));
    if (!('id' in member)) {
      builder.skip(
        line,
        'ambiguous' in member
          ? say(lang, 'palmsAmbiguous', { name: fullName(adherent) })
          : say(lang, 'noPerson'),
      );
      continue;
    }
    const added = builder.add(
      'dues',
      { member_id: member.id, term, amount, paid_on: date, status: duesStatus('paid', lang) },
      ref,
    );
    if (!added.added && !member.created) builder.skip(line, added.reason);
  }
}

export function importTickets(ctx: Context, cols: Columns, rows: string[][]): void {
  const { builder } = ctx;
  const lang = ctx.input.lang;
  const { lines, locale } = helloAssoLines(ctx, cols, rows, [ORDER_DATE]);
  const perTicket = cols.has('Numéro de billet');
  const valid: Array<{ line: number; row: string[] }> = [];
  for (const item of lines) {
    const status = cols.get(item.row, ORDER_STATUS);
    if (/^don\b/i.test(cols.get(item.row, 'Tarif'))) builder.skip(item.line, say(lang, 'donation'));
    else if (status && paymentState(status) !== 'paid')
      builder.skip(item.line, say(lang, 'notValidated', { status }));
    else valid.push(item);
  }
  if (valid.length === 0) return;
  const lastOrder = latest(valid.map(({ row }) => readIsoDate(cols.get(row, ORDER_DATE), locale)));
  const eventId = ensureEvent(ctx, 'helloasso', 'HA', titleFromFileName(ctx.input.fileName), lastOrder);
  if (eventId === null) {
    for (const { line, row } of valid) {
      builder.skip(line, say(lang, 'badDate', { value: cols.get(row, ORDER_DATE), column: ORDER_DATE }));
    }
    return;
  }
  const yes = lang === 'fr' ? 'oui' : 'yes';
  for (const { line, row } of valid) {
    const order = cols.get(row, ORDER) || `line${line}`;
    const payer: Person = {
      email: cols.get(row, 'Email payeur'),
      firstName: cols.get(row, 'Prénom payeur'),
      lastName: cols.get(row, 'Nom payeur'),
    };
    const participant: Person = cols.has('Nom participant', 'Prénom participant')
      ? {
          email: '',
          firstName: cols.get(row, 'Prénom participant') || payer.firstName,
          lastName: cols.get(row, 'Nom participant') || payer.lastName,
        }
      : payer;
    if (participant !== payer && slug(fullName(participant)) === slug(fullName(payer))) {
      participant.email = payer.email;
    }
    const member = attendeeRef(ctx, participant);
    if (!member) {
      builder.skip(line, say(lang, 'noPerson'));
      continue;
    }
    const ticket = cols.get(row, 'Numéro de billet');
    const ref = perTicket && ticket ? `helloasso:${order}:${ticket}` : `helloasso:${order}`;
    const added = builder.add('attendance', { event_id: eventId, member, registered: yes }, ref);
    if (!added.added) builder.skip(line, added.reason);
  }
}
