/**
 * Retention of the log tabs (issue 20): the rows of a log older than Settings
 * `log_retention_months` (default 24) are purged at each refresh. A log tab is found by name and
 * its date column by header; a row whose date cannot be read is kept (never lose what cannot be
 * dated). Other helpers add their log tabs to LOG_TABS.
 */

import { type CellLocale, parseDate, rawText } from './cells';
import { addMonths, type Day } from './dates';
import { normalizeLabel } from './normalize';

export interface LogTabSpec {
  /** Sheet names (any language). */
  names: string[];
  /** Headers of the date column, matched leniently. */
  dateHeaders: string[];
}

export const LOG_TABS: LogTabSpec[] = [
  // The survey mail log of src/gas/surveys.ts (one row per e-mail sent).
  { names: ['_ClubPulse_Mail'], dateHeaders: ['sent_on'] },
  // The visible mail log of the automation (issue 17).
  { names: ['Journal des envois', 'Mail log'], dateHeaders: ['Envoyé le', 'Sent on', 'Date'] },
];

/** The first day kept: `months` before today. */
export function retentionCutoff(today: Day, months: number): Day {
  return addMonths(today, -months);
}

/** The log spec of a sheet name, or null. */
export function logTabOf(name: string): LogTabSpec | null {
  const key = normalizeLabel(name);
  return LOG_TABS.find((spec) => spec.names.some((n) => normalizeLabel(n) === key)) ?? null;
}

/**
 * The grid without its rows dated before `cutoff` (the header row stays), and how many went; null
 * when the date column is not found or nothing is purged.
 */
export function purgeOldRows(
  values: unknown[][],
  spec: LogTabSpec,
  cutoff: Day,
  locale: CellLocale,
): { kept: unknown[][]; purged: number } | null {
  const header = values[0] ?? [];
  const wanted = new Set(spec.dateHeaders.map(normalizeLabel));
  const column = header.findIndex((h) => wanted.has(normalizeLabel(rawText(h, locale.timeZone))));
  if (column < 0) return null;
  const kept = [header];
  for (const row of values.slice(1)) {
    const parsed = parseDate(row[column], locale);
    if (parsed.ok && parsed.value !== null && parsed.value < cutoff) continue;
    kept.push(row);
  }
  const purged = values.length - kept.length;
  return purged > 0 ? { kept, purged } : null;
}
