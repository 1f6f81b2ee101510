/**
 * Custom functions (SPEC §10): CLUB_NPS, CLUB_PERIOD, CLUB_KPI, CLUB_KPIS, CLUB_MEMBER_SCORE,
 * CLUB_RENEWAL_RATE. They run with read-only
 * access: a KPI of the last refreshed period comes from the hidden KPI table that refresh writes;
 * another period is computed live from the tracking tabs. Errors are one clear sentence in the
 * spreadsheet's language, never a stack trace.
 */

import { cellLocaleOf, isBlank, parseDate, parseNumber } from '../core/cells';
import { computeReport } from '../core/compute';
import { CUSTOM_PREFIX, isCustomKpiId } from '../core/custom-kpis';
import { KPI_TABLE_HEADER, KPI_TABLE_SHEET, kpiTableRows } from '../core/dashboard';
import { type Lang, langOfLocale } from '../core/i18n';
import { KPI_IDS, kpiDefinition } from '../core/kpis/catalogue';
import { npsOf } from '../core/kpis/common';
import { normalizeLabel } from '../core/normalize';
import { type PeriodKind, periodContaining } from '../core/periods';
import { scoreOf } from '../core/score';
import { liveAffordable, storedPeriodRows, storedScore } from './function-store';
import { readTabsForReport } from './report-reads';
import { todayIn } from './sheets';
import { safeCachePut } from './storage';

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
  /** When the stored table was written (ms), for cache keys. */
  stamp: number;
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
  const written = values[0]?.[1];
  const stamp = Object.prototype.toString.call(written) === '[object Date]' ? (written as Date).getTime() : 0;
  return { period, fyStartMonth: Number.isInteger(fy) && fy >= 1 && fy <= 12 ? fy : 1, stamp, rows };
}

function checkKpi(id: unknown, lang: Lang): string {
  const text = String(id ?? '').trim();
  // A club's own KPI (issue 18) is known once refresh has parsed its Settings row.
  if (!kpiDefinition(text) && !isCustomKpiId(text)) {
    say(
      lang,
      `KPI inconnu « ${text} ». Connus : ${KPI_IDS.join(', ')}, et custom:<id> pour un indicateur du club.`,
      `Unknown KPI "${text}". Known: ${KPI_IDS.join(', ')}, and custom:<id> for a club KPI.`,
    );
  }
  return text;
}

/** Live computation for a period that is not the stored one. */
function liveReport(period: string, lang: Lang) {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const outcome = computeReport({
    tabs: readTabsForReport(ss),
    locale: ss.getSpreadsheetLocale(),
    timeZone,
    today: todayIn(timeZone),
    period: period || null,
  });
  if (!outcome.ok) say(lang, outcome.message, outcome.message);
  return outcome.report;
}

/** The sentence a function returns for a period never refreshed and too big to compute live. */
function refreshNeeded(label: string, lang: Lang): string {
  return lang === 'fr'
    ? `La période ${label ? `« ${label} »` : 'par défaut'} n'a jamais été actualisée et le classeur est trop grand pour la calculer dans une formule : actualisez les KPI de cette période (Club Pulse › Actualiser les KPI).`
    : `The ${label ? `period "${label}"` : 'default period'} has never been refreshed and the spreadsheet is too large to compute it in a formula: refresh the KPIs for this period (Club Pulse › Refresh KPIs).`;
}

/**
 * The KPI table rows (as the hidden table stores them, by KPI id) for a period: the stored table
 * when it is the last refreshed period, else the block refresh stored for that period (one range
 * read, function-store.ts); a period never refreshed is computed live (kept in the document cache
 * until the next refresh or the next day, looked up first) only while its modelled cost fits the 30 s limit, else
 * the sentence asking for a refresh of that period.
 */
function kpiRows(label: string, lang: Lang): Map<string, unknown[]> | string {
  const stored = storedTable();
  if (stored && (label === '' || label === stored.period)) return stored.rows;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const cache = CacheService.getDocumentCache();
  const key = `clubpulse.kpis|${label}|${stored?.stamp ?? 0}|${todayIn(ss.getSpreadsheetTimeZone())}`;
  const cached = cache?.get(key);
  if (cached) return new Map((JSON.parse(cached) as unknown[][]).map((row) => [String(row[1]), row]));
  const kept = label ? storedPeriodRows(ss, label) : null;
  if (kept) return kept;
  if (!liveAffordable(ss)) return refreshNeeded(label, lang);
  const rows = kpiTableRows(liveReport(label, lang));
  safeCachePut(key, JSON.stringify(rows), 21_600);
  return new Map(rows.map((row) => [String(row[1]), row]));
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
  const noData = lang === 'fr' ? 'pas de données' : 'no data';
  const rows = kpiRows(label, lang);
  if (typeof rows === 'string') return rows;
  const row = rows.get(id);
  if (!row && isCustomKpiId(id)) {
    const key = `custom_kpi.${id.slice(CUSTOM_PREFIX.length)}`;
    say(
      lang,
      `L'indicateur du club « ${id} » n'est pas défini (ligne ${key} des Paramètres) ou il est désactivé.`,
      `Club KPI "${id}" is not defined (Settings row ${key}) or it is disabled.`,
    );
  }
  if (!row)
    say(lang, `Le KPI « ${id} » est désactivé dans les Paramètres.`, `KPI "${id}" is disabled in Settings.`);
  const value = row[KPI_TABLE_HEADER.indexOf('value')];
  return value === '' || value === null ? noData : (value as number | string);
}

/** CLUB_KPIS([period], [stamp]): the whole KPI table, header first. */
export function CLUB_KPIS(period?: string, _stamp?: unknown): unknown[][] {
  const lang = spreadsheetLang();
  const label = periodArg(period);
  const header =
    lang === 'fr'
      ? ['KPI', 'Indicateur', 'Valeur', 'Précédent', 'Évolution', 'n', 'Unité', 'Statut']
      : ['KPI', 'Indicator', 'Value', 'Previous', 'Change', 'n', 'Unit', 'Status'];
  const rows = kpiRows(label, lang);
  if (typeof rows === 'string') return [[rows]];
  // The stored table's columns without the period.
  return [header, ...[...rows.values()].map((row) => row.slice(1))];
}

/** CLUB_MEMBER_SCORE(member, [period], [stamp]): a member's activity score out of 100 (SPEC §4). */
export function CLUB_MEMBER_SCORE(member: unknown, period?: string, _stamp?: unknown): number | string {
  const lang = spreadsheetLang();
  const ref = isBlank(member) ? '' : String(member).trim();
  if (!ref) say(lang, 'Indiquez un membre (ID, e-mail ou nom).', 'Give a member (ID, email or name).');
  // Without a period, the period of the last refresh (as CLUB_KPI), else the default one.
  const label = periodArg(period) || storedTable()?.period || '';
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const stored = storedScore(ss, label, ref);
  if (stored.found === 'score') return stored.score;
  let reason = stored.found;
  let shown = label;
  if (reason === 'period_not_stored') {
    if (!liveAffordable(ss)) return refreshNeeded(label, lang);
    const report = liveReport(label, lang);
    const found = scoreOf(report, ref);
    if (found.ok) return found.score.score;
    reason = found.reason;
    shown = report.period.label;
  }
  switch (reason) {
    case 'ambiguous_member':
      return say(
        lang,
        `Plusieurs membres correspondent à « ${ref} » : utilisez l'ID membre.`,
        `Several members match "${ref}": use the member ID.`,
      );
    case 'not_active':
      return say(
        lang,
        `« ${ref} » n'est pas un membre actif à la fin de ${shown}.`,
        `"${ref}" is not an active member at the end of ${shown}.`,
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
