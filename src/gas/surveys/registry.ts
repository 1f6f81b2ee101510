/**
 * The surveys' reading of the club and of the Enquêtes / Surveys tab (one row per form: id, kind,
 * event or semester, links, response tab, created on, answers, form id), and the survey targets the
 * sidebar lists. The rows themselves are the core's (core/survey-registry.ts); the club is read by
 * the core's one reading of a club's tabs (core/club-tabs.ts), as the refresh reads it.
 */

import type { SurveyTargets } from '../../core/api';
import { readClubTabs } from '../../core/club-tabs';
import { dayFromIso, isoOf } from '../../core/dates';
import { fill, type Lang, langOfLocale } from '../../core/i18n';
import { buildClub, type Club } from '../../core/model';
import { normalizeLabel } from '../../core/normalize';
import { parsePeriod } from '../../core/periods';
import type { RawTab } from '../../core/read';
import { type TabKey, tabSpec } from '../../core/schema';
import type { Settings } from '../../core/settings';
import { bySurveyOrder } from '../../core/survey-order';
import {
  formIdOfUrl,
  parseSurveyRows,
  type SurveyEntry,
  summaryOf,
  surveysHeader,
} from '../../core/survey-registry';
import { SURVEYS_TAB } from '../../core/surveys';
import { BUSY } from '../lock';
import { readTrackingTabs, todayIn } from '../sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const TEXT = {
  unknownSurvey: {
    fr: 'Enquête « {id} » introuvable dans l’onglet Enquêtes.',
    en: 'Survey "{id}" not found in the Surveys tab.',
  },
};

/** The sentence of an unknown survey id, in the club's language. */
export function unknownSurvey(
  surveyId: string,
  lang: Lang,
): { ok: false; code: 'unknown_survey'; message: string } {
  return {
    ok: false,
    code: 'unknown_survey',
    message: fill(TEXT.unknownSurvey[lang], { id: String(surveyId) }),
  };
}

/** The busy sentence in the spreadsheet locale's language (Settings are not read without the lock). */
export function busyOf(ss: Spreadsheet): { ok: false; code: 'busy'; message: string } {
  return { ok: false, code: 'busy', message: BUSY[langOfLocale(ss.getSpreadsheetLocale())] };
}

// -----------------------------------------------------------------------------------------------
// Reading the club

export interface ClubContext {
  ss: Spreadsheet;
  lang: Lang;
  locale: string;
  timeZone: string;
  today: string;
  settings: Settings;
  club: Club;
}

/** Reads the tracking tabs once and builds the club (members, events, attendance, settings). */
export function loadClub(ss: Spreadsheet, todayIso?: string): ClubContext {
  const locale = ss.getSpreadsheetLocale();
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = todayIso ?? todayIn(timeZone);
  const { settings, lang, tabs, issues } = readClubTabs(readTrackingTabs(ss), locale, timeZone);
  const club = buildClub(tabs, dayFromIso(today)!, issues);
  return { ss, lang, locale, timeZone, today, settings, club };
}

export function findTab(sheets: Sheet[], key: TabKey): Sheet | null {
  const spec = tabSpec(key);
  const names = [spec.name.fr, spec.name.en, spec.key].map(normalizeLabel);
  for (const sheet of sheets) if (names.includes(normalizeLabel(sheet.getName()))) return sheet;
  return null;
}

/** Only the Settings tab: for the trigger, which must stay cheap. */
export function readSettingsOnly(ss: Spreadsheet, sheets: Sheet[]): { settings: Settings; lang: Lang } {
  const sheet = findTab(sheets, 'settings');
  const raw: RawTab[] = sheet ? [{ name: sheet.getName(), values: sheet.getDataRange().getValues() }] : [];
  const { settings, lang } = readClubTabs(raw, ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone());
  return { settings, lang };
}

// -----------------------------------------------------------------------------------------------
// The Surveys tab

export interface Registry {
  sheet: Sheet | null;
  /** Column id → 0-based index. */
  columns: Map<string, number>;
  entries: SurveyEntry[];
}

function findSurveysSheet(sheets: Sheet[]): Sheet | null {
  const names = [SURVEYS_TAB.fr, SURVEYS_TAB.en].map(normalizeLabel);
  for (const sheet of sheets) if (names.includes(normalizeLabel(sheet.getName()))) return sheet;
  return null;
}

export function readRegistry(sheets: Sheet[]): Registry {
  const sheet = findSurveysSheet(sheets);
  if (!sheet) return { sheet, columns: new Map(), entries: [] };
  return { sheet, ...parseSurveyRows(sheet.getDataRange().getValues()) };
}

/** The registered survey of an id (trimmed), if any. */
export function findEntry(sheets: Sheet[], surveyId: string): SurveyEntry | undefined {
  return readRegistry(sheets).entries.find((e) => e.surveyId === String(surveyId).trim());
}

/** The Surveys tab, created (header in the club's language, frozen) when missing. */
export function registrySheet(ss: Spreadsheet, registry: Registry, lang: Lang): Sheet {
  if (registry.sheet) return registry.sheet;
  const { header, columns } = surveysHeader(lang);
  const sheet = ss.insertSheet(SURVEYS_TAB[lang], ss.getSheets().length);
  const range = sheet.getRange(1, 1, 1, header.length);
  range.setValues([header]);
  range.setFontWeight('bold');
  sheet.setFrozenRows(1);
  registry.sheet = sheet;
  registry.columns = columns;
  return sheet;
}

/** Response tabs by form id, found by their form URL (never by their localised name). */
export function linkedSheets(sheets: Sheet[]): Map<string, Sheet> {
  const out = new Map<string, Sheet>();
  for (const sheet of sheets) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    let id = formIdOfUrl(url);
    if (!id) {
      try {
        id = FormApp.openByUrl(url).getId();
      } catch (_e) {
        continue;
      }
    }
    if (!out.has(id)) out.set(id, sheet);
  }
  return out;
}

// -----------------------------------------------------------------------------------------------
// Targets for the sidebar

/** The last four semesters begun by today (the current one first), with their cold survey if any. */
function semesterTargets(todayIso: string, byId: Map<string, SurveyEntry>): SurveyTargets['semesters'] {
  const semesters: SurveyTargets['semesters'] = [];
  const today = dayFromIso(todayIso)!;
  let y = Number(todayIso.slice(0, 4));
  let s = Number(todayIso.slice(5, 7)) <= 6 ? 1 : 2;
  for (let i = 0; i < 4; i++) {
    const label = `${y}-S${s}`;
    const survey = byId.get(`COLD-${label}`);
    const period = parsePeriod(label);
    if (period && period.start <= today)
      semesters.push({
        period: label,
        surveyId: `COLD-${label}`,
        hasSurvey: Boolean(survey),
        publicUrl: survey?.publicUrl ?? '',
      });
    if (s === 1) {
      s = 2;
      y--;
    } else s = 1;
  }
  return semesters;
}

export function listSurveyTargets(): SurveyTargets {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = loadClub(ss);
  const registry = readRegistry(ss.getSheets());
  const byId = new Map(registry.entries.map((e) => [e.surveyId, e]));
  const attendees = new Map<string, number>();
  for (const a of ctx.club.attendance)
    if (a.attended) attendees.set(a.event.id, (attendees.get(a.event.id) ?? 0) + 1);
  const events = ctx.club.events
    .map((e) => {
      const survey = byId.get(`HOT-${e.id}`);
      return {
        eventId: e.id,
        title: e.title,
        date: isoOf(e.date),
        format: e.format ?? '',
        attendees: attendees.get(e.id) ?? 0,
        surveyId: `HOT-${e.id}`,
        hasSurvey: Boolean(survey),
        publicUrl: survey?.publicUrl ?? '',
        upcoming: isoOf(e.date) > ctx.today,
      };
    })
    .sort(bySurveyOrder);
  return {
    lang: ctx.lang,
    anonymous: ctx.settings.anonymousSurveys,
    events,
    semesters: semesterTargets(ctx.today, byId),
    surveys: registry.entries.map(summaryOf),
  };
}
