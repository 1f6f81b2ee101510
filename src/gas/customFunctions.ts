/**
 * Custom functions (SPEC §10): CLUB_NPS, CLUB_PERIOD, CLUB_KPI, CLUB_KPIS, CLUB_MEMBER_SCORE,
 * CLUB_RENEWAL_RATE. They run with read-only
 * access: a KPI of the last refreshed period comes from the hidden KPI table that refresh writes;
 * another period is computed live from the tracking tabs. Errors are one clear sentence in the
 * spreadsheet's language, never a stack trace.
 */

import { cellLocaleOf, isBlank, parseDate, parseNumber } from '../core/cells';
import { computeReport } from '../core/compute';
import { KPI_TABLE_HEADER, KPI_TABLE_SHEET, kpiTableRows } from '../core/dashboard';
import { type Lang, langOfLocale } from '../core/i18n';
import { KPI_IDS, kpiDefinition } from '../core/kpis/catalogue';
import { npsOf } from '../core/kpis/common';
import { normalizeLabel } from '../core/normalize';
import { type PeriodKind, periodContaining } from '../core/periods';
import { scoreOf } from '../core/score';
import { readTrackingTabs, todayIn } from './sheets';

type Cell = string | number | boolean | Date;

/** An error shown in the cell: its message only. */
export class CustomFunctionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Error';
  }
}

function spreadsheetLang(): Lang {
  return langOfLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
}

function say(lang: Lang, fr: string, en: string): never {
  throw new CustomFunctionError(lang === 'fr' ? fr : en);
}

function flatten(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap((v) => flatten(v)) : [value];
}

/** CLUB_NPS(scores): the NPS of a range of 0–10 answers. */
export function CLUB_NPS(scores: unknown): number | string {
  const lang = spreadsheetLang();
  const locale = cellLocaleOf(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(), 'UTC');
  const values: number[] = [];
  for (const cell of flatten(scores)) {
    if (isBlank(cell)) continue;
    const n = parseNumber(cell, locale);
    if (!n.ok || n.value === null || !Number.isInteger(n.value) || n.value < 0 || n.value > 10) {
      say(
        lang,
        `Note NPS invalide « ${String(cell)} » : attendu un entier de 0 à 10.`,
        `Invalid NPS score "${String(cell)}": expected a whole number from 0 to 10.`,
      );
    }
    values.push(n.value);
  }
  const nps = npsOf(values);
  return nps === null ? (lang === 'fr' ? 'pas de données' : 'no data') : nps;
}

const GRANULARITIES: Record<string, Exclude<PeriodKind, 'custom'>> = {
  month: 'month',
  mois: 'month',
  quarter: 'quarter',
  trimestre: 'quarter',
  semester: 'semester',
  semestre: 'semester',
  year: 'year',
  annee: 'year',
  fy: 'fiscal_year',
  fiscalyear: 'fiscal_year',
  exercice: 'fiscal_year',
};

/** CLUB_PERIOD(date, [granularity]): the period label holding a date (semester by default). */
export function CLUB_PERIOD(date: Cell, granularity?: string): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang();
  const locale = cellLocaleOf(ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone());
  const day = parseDate(date, locale);
  if (!day.ok || day.value === null) {
    say(lang, `Date illisible « ${String(date)} ».`, `Unreadable date "${String(date)}".`);
  }
  const kind = isBlank(granularity) ? 'semester' : GRANULARITIES[normalizeLabel(String(granularity))];
  if (!kind) {
    say(
      lang,
      `Granularité inconnue « ${granularity} ». Possibles : mois, trimestre, semestre, année, exercice.`,
      `Unknown granularity "${granularity}". Known: month, quarter, semester, year, fy.`,
    );
  }
  // The fiscal year start is a setting that refresh keeps in the hidden table; January without one.
  return periodContaining(day.value, kind, storedTable()?.fyStartMonth ?? 1).label;
}

interface StoredTable {
  period: string;
  fyStartMonth: number;
  rows: Map<string, unknown[]>;
}

/** The hidden KPI table of the last refresh, or null. */
function storedTable(): StoredTable | null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(KPI_TABLE_SHEET);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const period = String(values[1]?.[1] ?? '');
  if (!period) return null;
  const rows = new Map<string, unknown[]>();
  for (const row of values.slice(3)) if (row[1]) rows.set(String(row[1]), row);
  const fy = Number(values[0]?.[3]);
  return { period, fyStartMonth: Number.isInteger(fy) && fy >= 1 && fy <= 12 ? fy : 1, rows };
}

function checkKpi(id: unknown, lang: Lang): string {
  const text = String(id ?? '').trim();
  if (!kpiDefinition(text)) {
    say(
      lang,
      `KPI inconnu « ${text} ». Connus : ${KPI_IDS.join(', ')}.`,
      `Unknown KPI "${text}". Known: ${KPI_IDS.join(', ')}.`,
    );
  }
  return text;
}

/** Live computation for a period that is not the stored one. */
function liveReport(period: string, lang: Lang) {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const outcome = computeReport({
    tabs: readTrackingTabs(ss),
    locale: ss.getSpreadsheetLocale(),
    timeZone,
    today: todayIn(timeZone),
    period: period || null,
  });
  if (!outcome.ok) say(lang, outcome.message, outcome.message);
  return outcome.report;
}

function periodArg(period: unknown): string {
  if (isBlank(period)) return '';
  if (Object.prototype.toString.call(period) === '[object Date]') return String(period);
  return String(period).trim();
}

/** CLUB_KPI(kpi_id, [period], [stamp]): one KPI value. */
export function CLUB_KPI(kpiId: string, period?: string, _stamp?: unknown): number | string {
  const lang = spreadsheetLang();
  const id = checkKpi(kpiId, lang);
  const label = periodArg(period);
  const stored = storedTable();
  const noData = lang === 'fr' ? 'pas de données' : 'no data';
  if (stored && (label === '' || label === stored.period)) {
    const row = stored.rows.get(id);
    if (row) {
      const value = row[KPI_TABLE_HEADER.indexOf('value')];
      return value === '' ? noData : (value as number | string);
    }
  }
  const report = liveReport(label, lang);
  const kpi = report.kpis.find((k) => k.id === id);
  if (!kpi)
    say(lang, `Le KPI « ${id} » est désactivé dans les Paramètres.`, `KPI "${id}" is disabled in Settings.`);
  if (kpi.value === null) return noData;
  return Array.isArray(kpi.value) ? kpi.value.join(', ') : kpi.value;
}

/** CLUB_KPIS([period], [stamp]): the whole KPI table, header first. */
export function CLUB_KPIS(period?: string, _stamp?: unknown): unknown[][] {
  const lang = spreadsheetLang();
  const label = periodArg(period);
  const header =
    lang === 'fr'
      ? ['KPI', 'Indicateur', 'Valeur', 'Précédent', 'Évolution', 'n', 'Unité', 'Statut']
      : ['KPI', 'Indicator', 'Value', 'Previous', 'Change', 'n', 'Unit', 'Status'];
  const stored = storedTable();
  if (stored && (label === '' || label === stored.period)) {
    const col = (name: string) => KPI_TABLE_HEADER.indexOf(name);
    return [
      header,
      ...[...stored.rows.values()].map((r) => [
        r[col('kpi_id')],
        r[col('label')],
        r[col('value')],
        r[col('previous')],
        r[col('delta')],
        r[col('n')],
        r[col('unit')],
        r[col('status')],
      ]),
    ];
  }
  const report = liveReport(label, lang);
  // The same rows as the stored table, without its period column.
  return [header, ...kpiTableRows(report).map((row) => row.slice(1))];
}

/** CLUB_MEMBER_SCORE(member, [period], [stamp]): a member's activity score out of 100 (SPEC §4). */
export function CLUB_MEMBER_SCORE(member: unknown, period?: string, _stamp?: unknown): number {
  const lang = spreadsheetLang();
  const ref = isBlank(member) ? '' : String(member).trim();
  if (!ref) say(lang, 'Indiquez un membre (ID, e-mail ou nom).', 'Give a member (ID, email or name).');
  // Without a period, the period of the last refresh (as CLUB_KPI), else the default one.
  const label = periodArg(period) || storedTable()?.period || '';
  const report = liveReport(label, lang);
  const found = scoreOf(report, ref);
  if (found.ok) return found.score.score;
  switch (found.reason) {
    case 'ambiguous_member':
      return say(
        lang,
        `Plusieurs membres correspondent à « ${ref} » : utilisez l'ID membre.`,
        `Several members match "${ref}": use the member ID.`,
      );
    case 'not_active':
      return say(
        lang,
        `« ${ref} » n'est pas un membre actif à la fin de ${report.period.label}.`,
        `"${ref}" is not an active member at the end of ${report.period.label}.`,
      );
    default:
      return say(lang, `Membre inconnu « ${ref} ».`, `Unknown member "${ref}".`);
  }
}

/**
 * CLUB_RENEWAL_RATE(previous_ids, current_ids): the share of the previous term's members found again
 * in the current one (distinct IDs, blanks ignored), as a fraction: 3 of 4 → 0.75.
 */
export function CLUB_RENEWAL_RATE(previousIds: unknown, currentIds: unknown): number | string {
  const lang = spreadsheetLang();
  const ids = (range: unknown) =>
    new Set(
      flatten(range)
        .filter((v) => !isBlank(v))
        .map((v) => String(v).trim()),
    );
  const before = ids(previousIds);
  const now = ids(currentIds);
  if (before.size === 0) return lang === 'fr' ? 'pas de données' : 'no data';
  let renewed = 0;
  for (const id of before) if (now.has(id)) renewed++;
  return renewed / before.size;
}
