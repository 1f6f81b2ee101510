/**
 * Small fixture helpers for the core tests: a tab is a header row plus data rows, exactly as Apps
 * Script's `getValues()` hands them over (Date, number, boolean, string, ''); `run` feeds tabs to
 * `computeReport` with a French workbook in Paris by default and returns the report.
 */

import { type ComputeInput, computeReport, type Report } from '../../src/core/compute';
import type { DataIssue } from '../../src/core/issues';
import type { KpiResult } from '../../src/core/kpis/types';
import type { RawTab } from '../../src/core/read';
import { instantOf } from '../../src/core/timezone';

export function tab(name: string, header: unknown[], rows: unknown[][] = []): RawTab {
  return { name, values: [header, ...rows] };
}

/** A date cell as Apps Script gives it: the instant of midnight of that day in the sheet's time zone. */
export function sheetDate(iso: string, timeZone = 'Europe/Paris'): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(instantOf({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone));
}

export type RunOptions = Partial<Omit<ComputeInput, 'tabs'>>;

/** computeReport with fr_FR, Europe/Paris, today 2026-09-15 and period 2026-S1 unless told otherwise. */
export function run(tabs: RawTab[], options: RunOptions = {}): Report {
  const outcome = computeReport({
    tabs,
    locale: 'fr_FR',
    timeZone: 'Europe/Paris',
    today: '2026-09-15',
    period: '2026-S1',
    ...options,
  });
  if (!outcome.ok) throw new Error(`computeReport failed: ${outcome.message}`);
  return outcome.report;
}

export function kpi(report: Report, id: string): KpiResult {
  const found = report.kpis.find((k) => k.id === id);
  if (!found) throw new Error(`No KPI ${id}`);
  return found;
}

export function issues(report: Report, code?: string): DataIssue[] {
  return code ? report.issues.filter((i) => i.code === code) : report.issues;
}

// Headers used by most KPI fixtures (French, as the set-up tabs write them).
export const MEMBERS_HEADER = [
  'ID membre',
  'Prénom',
  'Nom',
  'E-mail',
  "Date d'adhésion",
  'Date de départ',
  'Statut',
];
export const EVENTS_HEADER = ['ID événement', 'Date', 'Format', 'Enquête à chaud'];
export const ATTENDANCE_HEADER = ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité'];

/** `count` members M001… who joined on `joined` and are still members. */
export function memberRows(count: number, joined: unknown = '01/01/2025', from = 1): unknown[][] {
  return Array.from({ length: count }, (_, i) => {
    const id = `M${String(from + i).padStart(3, '0')}`;
    return [id, `Prenom${from + i}`, `Nom${from + i}`, `${id.toLowerCase()}@club.fr`, joined, '', ''];
  });
}

/** The Members headers of the retention fixtures: identity, contact, dates, leave reason, status. */
export const MEMBER_HEADERS = [
  'ID membre',
  'Prénom',
  'Nom',
  'E-mail',
  'Téléphone',
  "Date d'adhésion",
  'Date de départ',
  'Motif de départ',
  'Statut',
];
/** The Dues headers of the retention fixtures. */
export const DUES_HEADERS = ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'];
