/**
 * The rows the survey adapter keeps, as data (issue 15, move 1): the Enquêtes / Surveys tab (one
 * row per form) read and written by column id, the Responses columns found in a header and the
 * lines appended to it, and the intake ledger ("2-21,23": the response-tab rows already taken in).
 * Pure: the adapter (src/gas/surveys/) reads and writes the grids. `text` is the adapter's way of
 * keeping a string as text in a cell (a leading apostrophe), passed in so the core stays pure.
 */

import type { SurveySummary } from './api';
import type { Lang } from './i18n';
import { normalizeLabel } from './normalize';
import { tabSpec } from './schema';
import { kindLabel, parseSurveyId, type ResponseRecord, SURVEYS_COLUMNS, type SurveyKind } from './surveys';

/** Keeps a string as text in a cell (the adapter's `asText`). */
export type AsText = (value: unknown) => unknown;

export interface SurveyEntry {
  /** 1-based sheet row. */
  row: number;
  surveyId: string;
  kind: SurveyKind;
  /** The event id (hot) or the semester label (cold). */
  target: string;
  publicUrl: string;
  editUrl: string;
  responseTab: string;
  createdOn: unknown;
  answers: number;
  formId: string;
}

export interface SurveyRows {
  /** Column id → 0-based index. */
  columns: Map<string, number>;
  entries: SurveyEntry[];
}

const FORM_ID_IN_URL = /\/forms\/d\/(?!e\/)([-\w]{10,})/;

/** The form id in a form's edit URL (`/forms/d/<id>/edit`); '' for a published `/forms/d/e/` URL. */
export function formIdOfUrl(url: string): string {
  return FORM_ID_IN_URL.exec(url)?.[1] ?? '';
}

/** Column id → 0-based index of a header, by id or by either label (first match wins). */
export function headerColumns(
  header: unknown[],
  columns: Array<{ id: string; names: string[] }>,
): Map<string, number> {
  const out = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeLabel(String(h ?? ''));
    if (!key) return;
    const column = columns.find((c) => c.names.some((s) => normalizeLabel(s) === key));
    if (column && !out.has(column.id)) out.set(column.id, i);
  });
  return out;
}

const SURVEY_NAMES = SURVEYS_COLUMNS.map((c) => ({ id: c.id, names: [c.label.fr, c.label.en, c.id] }));

/** The rows of the Surveys tab (the header first); rows without a valid survey id are left out. */
export function parseSurveyRows(values: unknown[][]): SurveyRows {
  const columns = headerColumns(values[0] ?? [], SURVEY_NAMES);
  const cell = (row: unknown[], id: string): unknown => {
    const i = columns.get(id);
    return i === undefined ? '' : row[i];
  };
  const entries: SurveyEntry[] = [];
  values.slice(1).forEach((row, i) => {
    const surveyId = String(cell(row, 'survey_id')).trim();
    const parsed = parseSurveyId(surveyId);
    if (!parsed) return;
    const editUrl = String(cell(row, 'edit_url'));
    entries.push({
      row: i + 2,
      surveyId,
      kind: parsed.kind,
      target: parsed.target,
      publicUrl: String(cell(row, 'public_url')),
      editUrl,
      responseTab: String(cell(row, 'response_tab')),
      createdOn: cell(row, 'created_on'),
      answers: Number(cell(row, 'answers')) || 0,
      formId: String(cell(row, 'form_id')).trim() || formIdOfUrl(editUrl),
    });
  });
  return { columns, entries };
}

/** The header of a new Surveys tab, and its columns. */
export function surveysHeader(lang: Lang): { header: string[]; columns: Map<string, number> } {
  return {
    header: SURVEYS_COLUMNS.map((c) => c.label[lang]),
    columns: new Map(SURVEYS_COLUMNS.map((c, i) => [c.id, i])),
  };
}

/** The Surveys-tab line of an entry, laid out by `columns` (free text kept as text). */
export function surveyLine(
  entry: SurveyEntry,
  lang: Lang,
  columns: Map<string, number>,
  text: AsText,
): unknown[] {
  const values: Record<string, unknown> = {
    survey_id: text(entry.surveyId),
    kind: kindLabel(entry.kind, lang),
    target: text(entry.target),
    public_url: text(entry.publicUrl),
    edit_url: text(entry.editUrl),
    response_tab: text(entry.responseTab),
    created_on: entry.createdOn,
    answers: entry.answers,
    form_id: text(entry.formId),
  };
  const width = Math.max(...columns.values()) + 1;
  const line: unknown[] = Array(width).fill('');
  for (const [id, i] of columns) line[i] = values[id] ?? '';
  return line;
}

export function summaryOf(entry: SurveyEntry): SurveySummary {
  return {
    surveyId: entry.surveyId,
    kind: entry.kind,
    target: entry.target,
    publicUrl: entry.publicUrl,
    editUrl: entry.editUrl,
    responseTab: entry.responseTab,
    answers: entry.answers,
  };
}

// -----------------------------------------------------------------------------------------------
// Responses

const RESPONSE_NAMES = tabSpec('responses').columns.map((c) => ({
  id: c.id,
  names: [c.id, c.label.fr, c.label.en, ...(c.aliases ?? [])],
}));

/** Column id → 0-based index in the Responses header (exact matches of id, labels and aliases). */
export function responseColumns(header: unknown[]): Map<string, number> {
  return headerColumns(header, RESPONSE_NAMES);
}

/** The Responses columns that `records` need and `columns` lacks, in the schema's order. */
export function missingResponseColumns(
  columns: Map<string, number>,
  records: ResponseRecord[],
): Array<{ id: string; label: { fr: string; en: string } }> {
  return tabSpec('responses').columns.filter(
    (c) => !columns.has(c.id) && records.some((r) => (r[c.id] ?? '') !== ''),
  );
}

/** The lines appended to Responses: free text written as text, the submission time as given. */
export function responseLines(
  records: ResponseRecord[],
  columns: Map<string, number>,
  width: number,
  text: AsText,
): unknown[][] {
  return records.map((r) => {
    const line: unknown[] = Array(width).fill('');
    for (const [id, i] of columns) {
      const v = r[id];
      if (v === undefined || v === '') continue;
      // Free text is written as text: asText neutralises =, +, -, @ and control-character prefixes.
      line[i] = id === 'submitted_at' && typeof v === 'string' ? v : text(v);
    }
    return line;
  });
}

// -----------------------------------------------------------------------------------------------
// The intake ledger

/** "2-5,7" → {2,3,4,5,7}. */
export function parseRows(text: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let r = a; r <= b; r++) out.add(r);
  }
  return out;
}

/** {2,3,4,5,7} → "2-5,7". */
export function formatRows(rows: Set<number>): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Survey id → { form id, rows taken in }. */
export type LedgerRows = Map<string, { formId: string; rows: Set<number> }>;

export function parseLedger(values: unknown[][]): LedgerRows {
  const out: LedgerRows = new Map();
  for (const row of values.slice(1)) {
    const id = String(row[0]).trim();
    if (id) out.set(id, { formId: String(row[1]), rows: parseRows(String(row[2])) });
  }
  return out;
}

export function ledgerGrid(ledger: LedgerRows, text: AsText): unknown[][] {
  const grid: unknown[][] = [['survey_id', 'form_id', 'response_rows']];
  for (const [id, { formId, rows }] of ledger) grid.push([text(id), text(formId), text(formatRows(rows))]);
  return grid;
}
