/**
 * Imports from the tools clubs already use (SPEC §8, issue 8): an export file's rows → rows to
 * append to the tracking tabs, with a preview. `planImport` detects the source from the headers
 * (or takes the one the user names), maps every line, and returns the rows to add per tab, the
 * lines skipped with their reason and one summary sentence — nothing is written here. Every row
 * carries a source reference, and rows already in the workbook (same reference, or the same fact:
 * same member and term, same event and person, same campaign and date…) are not added again, so
 * re-importing a file adds nothing and an overlapping newer export adds only what is new.
 *
 * Sources and their rules: helloasso.ts, events.ts (Eventbrite, Meetup), campaigns.ts (Mailchimp,
 * MailerLite, Brevo), forms.ts (Google Forms), palms.ts (BNI PALMS). Reading the file into rows is
 * the caller's job: csv.ts for CSV; `.xlsx` and the PALMS SpreadsheetML with their own parsers.
 */

import { normalizeLabel } from '../normalize';
import { PlanBuilder } from './builder';
import { importCampaignTable, importKeyValueReport } from './campaigns';
import { Columns, type Context } from './common';
import { detectSource } from './detect';
import { importEventbrite, importMeetup } from './events';
import { Existing } from './existing';
import { importForms } from './forms';
import { importMemberships, importPayments, importTickets } from './helloasso';
import { SOURCE_LABELS, say } from './messages';
import { planNetworkBenchmarks } from './network';
import { importPalms } from './palms';
import type { FormsMapping, ImportInput, ImportResult, SourceId } from './types';

export { parseCsvText } from './csv';
export { detectSource } from './detect';
export { proposeMapping } from './forms';
export { SOURCE_LABELS } from './messages';
export type * from './types';
export { SOURCE_IDS } from './types';

/** The columns a source cannot do without (checked before mapping, to refuse a wrong file clearly). */
const REQUIRED: Partial<Record<SourceId, string[]>> = {
  helloasso_payments: ['Référence commande', 'Statut du paiement', 'Type de campagne', 'Montant total'],
  helloasso_memberships: ['Référence commande', 'Date de la commande'],
  helloasso_tickets: ['Référence commande', 'Date de la commande'],
};

export function planImport(input: ImportInput): ImportResult {
  const lang = input.lang;
  const rows = trimRows(input.rows);
  if (rows.length === 0 || rows.every((r) => r.every((c) => c.trim() === ''))) {
    return { ok: false, message: say(lang, 'emptyFile') };
  }
  const header = rows[0].map((c) => (c ?? '').trim());
  const source = input.source ?? detectSource(header, rows);
  if (source === null) return { ok: false, message: say(lang, 'unknownSource') };
  if (source === 'network_benchmarks') return planNetworkBenchmarks(rows, lang);
  const cols = new Columns(header);
  const missing = cols.missing(REQUIRED[source] ?? []);
  if (missing.length > 0) {
    return {
      ok: false,
      message: say(lang, 'missingColumns', {
        source: SOURCE_LABELS[source][lang],
        columns: missing.map((m) => `« ${m} »`).join(', '),
      }),
    };
  }
  const timeZone = input.timeZone ?? 'Europe/Paris';
  const existing = new Existing(input.existing.tabs, timeZone);
  const builder = new PlanBuilder(lang, existing);
  const ctx: Context = { input, builder, existing, timeZone };
  let mapping: FormsMapping | undefined;

  switch (source) {
    case 'helloasso_payments':
      importPayments(ctx, cols, rows);
      break;
    case 'helloasso_memberships':
      importMemberships(ctx, cols, rows);
      break;
    case 'helloasso_tickets':
      importTickets(ctx, cols, rows);
      break;
    case 'eventbrite': {
      const problem = importEventbrite(ctx, cols, rows);
      if (problem) return { ok: false, message: problem };
      break;
    }
    case 'meetup': {
      const problem = importMeetup(ctx, cols, rows);
      if (problem) return { ok: false, message: problem };
      break;
    }
    case 'mailchimp':
    case 'mailerlite':
    case 'brevo': {
      if (source === 'brevo' && cols.has('EMAIL') && !cols.has('Opens', 'Ouvertures', 'Unique opens')) {
        return { ok: false, message: say(lang, 'brevoContacts') };
      }
      const keyValue = ['campaignreport', 'rapportdecampagne'].includes(normalizeLabel(header.join('')));
      if (keyValue && source !== 'brevo') {
        if (!importKeyValueReport(ctx, source, rows)) return { ok: false, message: say(lang, 'kvNoStats') };
      } else {
        importCampaignTable(ctx, source, cols, rows);
      }
      break;
    }
    case 'google_forms':
      mapping = importForms(ctx, cols, rows);
      break;
    case 'bni_palms': {
      const problem = importPalms(ctx, rows);
      if (problem) return { ok: false, message: problem };
      break;
    }
  }
  return { ok: true, plan: builder.build(source, mapping) };
}

/** Cells as text, trimmed of a BOM left on the first cell. */
function trimRows(rows: string[][]): string[][] {
  const out = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  if (out[0]?.[0]?.charCodeAt(0) === 0xfeff) out[0][0] = out[0][0].slice(1);
  return out;
}
