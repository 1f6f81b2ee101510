/**
 * The Settings keys of the renewal season (issue 20), French first, each with its English spelling.
 * Off by default: statements and reminders go only when the board writes `renouvellement = oui`
 * and the daily automation (automation-settings.ts) is on, since its run sends them.
 *
 * The term and its end: a club's terms are its fiscal years. The Dues tab's `term` column names a
 * term by the calendar year it starts in, and Settings `fiscal_year_start_month` (January by
 * default) says in which month each term starts — the same reading as the retention KPIs
 * (kpis/retention.ts). There is no other season date in Settings, so the term ending next is the
 * fiscal year holding today, and it ends the day before the next one starts (renewal.ts).
 */

import type { SettingReaders } from './automation-settings';

export interface RenewalSettings {
  /** `renouvellement` / `renewal`: oui/non, non by default. */
  on: boolean;
  /** `renouvellement_semaines_avant` / `renewal_weeks_before`: statements this many weeks before the term ends (4). */
  weeksBefore: number;
  /** `renouvellement_rappel_jours` / `renewal_reminder_days`: the reminder this many days into the new term, on a weekday (7). */
  reminderDays: number;
  /** `renouvellement_lien` / `renewal_link`: the page where a member renews (http or https), '' when none. */
  link: string;
}

export function defaultRenewalSettings(): RenewalSettings {
  return { on: false, weeksBefore: 4, reminderDays: 7, link: '' };
}

/** The keys, French first then English, with the bounds of the whole numbers. */
export const RENEWAL_KEYS: Array<{
  field: keyof RenewalSettings;
  fr: string;
  en: string;
  min?: number;
  max?: number;
}> = [
  { field: 'on', fr: 'renouvellement', en: 'renewal' },
  { field: 'weeksBefore', fr: 'renouvellement_semaines_avant', en: 'renewal_weeks_before', min: 1, max: 26 },
  { field: 'reminderDays', fr: 'renouvellement_rappel_jours', en: 'renewal_reminder_days', min: 0, max: 90 },
  { field: 'link', fr: 'renouvellement_lien', en: 'renewal_link' },
];

const normal = (s: string) => s.replace(/[^a-z0-9]/g, '');

/**
 * A link a member may be sent: http or https, a host, no space, quote or angle bracket (the link
 * goes into the plain text and, escaped, into an `href`). Apps Script has no URL class, hence a
 * pattern rather than `new URL`.
 */
export function isRenewalLink(text: string): boolean {
  return /^https?:\/\/[a-z0-9][a-z0-9.-]*(:\d{1,5})?([/?#][^\s"'<>`]*)?$/i.test(text) && text.length <= 2000;
}

/**
 * Reads one Settings row into the renewal settings when its key (normalised) is one of
 * RENEWAL_KEYS; returns false for any other key. A bad value is reported and the default kept.
 */
export function readRenewalSetting(
  r: RenewalSettings,
  key: string,
  text: string,
  read: Pick<SettingReaders, 'yes' | 'num' | 'bad'>,
): boolean {
  const spec = RENEWAL_KEYS.find((k) => normal(k.fr) === key || normal(k.en) === key);
  if (!spec) return false;
  if (spec.field === 'on') {
    const b = read.yes();
    if (b !== null) r.on = b;
  } else if (spec.field === 'link') {
    if (isRenewalLink(text)) r.link = text;
    else read.bad('lien http:// ou https:// attendu', 'http:// or https:// link expected');
  } else {
    const n = read.num();
    const min = spec.min ?? 0;
    const max = spec.max ?? 1000;
    if (n !== null && Number.isInteger(n) && n >= min && n <= max) r[spec.field] = n;
    else if (n !== null) read.bad(`entier de ${min} à ${max}`, `whole number ${min} to ${max}`);
  }
  return true;
}
