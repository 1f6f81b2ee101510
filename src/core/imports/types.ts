/**
 * The shapes of an import (SPEC §8): what the caller hands over (an export file's cells as text, the
 * workbook's current tracking tabs) and the plan it gets back — rows to append per tracking tab,
 * lines skipped with a reason, and one summary sentence — for a preview before anything is written.
 * Pure data: no Apps Script, no I/O.
 */

import type { Lang } from '../i18n';
import type { TabKey } from '../schema';

export type SourceId =
  | 'helloasso_payments'
  | 'helloasso_memberships'
  | 'helloasso_tickets'
  | 'eventbrite'
  | 'meetup'
  | 'mailchimp'
  | 'mailerlite'
  | 'brevo'
  | 'google_forms'
  | 'bni_palms'
  | 'network_benchmarks';

export const SOURCE_IDS: SourceId[] = [
  'helloasso_payments',
  'helloasso_memberships',
  'helloasso_tickets',
  'eventbrite',
  'meetup',
  'mailchimp',
  'mailerlite',
  'brevo',
  'google_forms',
  'bni_palms',
  'network_benchmarks',
];

/** The event a ticketing or attendee export is about, when the file does not say it (or to correct it). */
export interface ImportEvent {
  /** Reuse this Events row (or create it with this id). */
  id?: string;
  title?: string;
  /** The day the event is held, `yyyy-MM-dd` or as the club types dates. */
  date?: string;
}

export interface ImportInput {
  /** The file's cells as text, header included, as a CSV parser gives them (see csv.ts). */
  rows: string[][];
  fileName: string;
  /** The source the user named; detected from the headers when absent. */
  source?: SourceId;
  lang: Lang;
  /** The spreadsheet locale (`fr_FR`, `en_US`): day/month order and decimal mark where the export follows it. */
  locale: string;
  /** The spreadsheet time zone, for Date cells of the existing tabs (default Europe/Paris). */
  timeZone?: string;
  /** The workbook's current tracking tabs (names and values as `getValues()` gives them). */
  existing: { tabs: Array<{ name: string; values: unknown[][] }> };
  /** Google Forms: export column header → Responses column id ('' to ignore), as confirmed by the user. */
  mapping?: Record<string, string>;
  /** Ticketing and attendee exports: the event, when the file does not name or date it. */
  event?: ImportEvent;
}

export interface ImportAddition {
  tab: TabKey;
  /** The tab's name in the club's language, for the preview and when the tab must be created. */
  tabName: string;
  /**
   * Column ids, in the order of src/core/schema.ts, then `source_ref` for tabs without a note
   * column. The writer maps them onto the tab's own header (which may be in any order).
   */
  columns: string[];
  /** The labels to use when the tab must be created (same order as `columns`). */
  header: string[];
  /** Cells in `columns` order: dates as ISO `yyyy-MM-dd` strings, amounts and counts as numbers. */
  rows: unknown[][];
  /** The source reference of each row (also in its `source_ref` or `note` cell). */
  sourceRefs: string[];
}

export interface SkippedLine {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  /** A sentence in the club's language. */
  reason: string;
}

export interface FormsMapping {
  /** Export column header → Responses column id ('' = ignored). */
  columns: Record<string, string>;
  /** False when the mapping is only the proposal of `proposeMapping`: the user must confirm it. */
  confirmed: boolean;
}

export interface ImportPlan {
  source: SourceId;
  /** The source's name for the club (`HelloAsso — paiements`). */
  sourceLabel: string;
  additions: ImportAddition[];
  skipped: SkippedLine[];
  /** Sentences in the club's language the user should read before writing (assumptions, merges). */
  notes: string[];
  /** Google Forms only. */
  mapping?: FormsMapping;
  /**
   * A generated tab the import replaces whole (the network's benchmarks, issue 22), rather than
   * rows appended to a tracking tab.
   */
  generated?: GeneratedTab;
  /** One sentence in the club's language: « 12 lignes ajoutées à Participations, 3 ignorées. » */
  summary: string;
  /** The same sentence for a preview: « 12 lignes seraient ajoutées à Participations, 3 ignorées. » */
  plannedSummary: string;
}

/** A generated tab's new content: its names, header (in the club's language) and rows. */
export interface GeneratedTab {
  names: { fr: string; en: string };
  tabName: string;
  header: string[];
  rows: Array<Array<string | number>>;
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; message: string };
