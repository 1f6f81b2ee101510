/**
 * The Settings tab (SPEC §7): key/value pairs read into typed settings with defaults. A value that
 * cannot be used is reported (bad_setting) and the default kept.
 */

import { boardEmails } from './automation-owner';
import {
  type AutomationSettings,
  defaultAutomationSettings,
  readAutomationSetting,
} from './automation-settings';
import { type CellLocale, isBlank, parseDate, parseNumber, parseYesNo, rawText } from './cells';
import type { IssueLog } from './issues';
import { normalizeLabel } from './normalize';
import type { Row } from './read';

export const DEFAULT_PROFILE_FIELDS = ['phone', 'website', 'linkedin', 'bio', 'expertise', 'photo_url'];

/** Months the log tabs keep their rows by default (Settings `log_retention_months`). */
export const DEFAULT_LOG_RETENTION_MONTHS = 24;

export interface Settings {
  clubName: string;
  language: 'auto' | 'fr' | 'en';
  currency: string;
  fyStartMonth: number;
  defaultPeriod: string | null;
  hourlyValue: number;
  activeMinEvents: number;
  profileFields: string[];
  scoreWindowMonths: number;
  /** `score.*` thresholds, by the key after `score.`. */
  score: Record<string, number>;
  leaderboardPublic: boolean;
  anonymousSurveys: boolean;
  targets: Record<string, number>;
  benchmarks: Record<string, number>;
  /** null = every KPI. */
  enabledKpis: string[] | null;
  // Members' edition (issue 19).
  /** `edition_leaderboard` / `palmares_edition`: the leaderboard (ranks) in the members' edition; default no. */
  editionLeaderboard: boolean;
  /** `edition_message` / `message_edition`: the club's own words at the top of the members' edition. */
  editionMessage: string;
  // Network (issue 22).
  /** `network_id` / `id_reseau`: the network the club's anonymous snapshots are for ('' = none). */
  networkId: string;
  /** `network_colours` / `couleurs_reseau`: colour KPIs against the network's median (default no). */
  networkColours: boolean;
  /** The automation's keys (issue 17, automation-settings.ts). */
  automation: AutomationSettings;
  /** Membership form (issue 17): sign-ups become `actif` members rather than prospects. */
  signUpsAreMembers: boolean;
  // --- Voice of the members and the KPI review (issue 18) ---
  /** `custom_kpi.<id>` rows as typed, parsed by custom-kpis.ts (which reports a bad one). */
  customKpis: CustomKpiSetting[];
  /** `custom_kpi.<id>.label`, by id. */
  customKpiLabels: Record<string, string>;
  /** `theme.<name>` = keywords; null = the built-in themes (voice.ts). */
  themes: Array<{ name: string; keywords: string[] }> | null;
  /** `survey_workshops`: the workshops the cold survey offers (empty = the question is not asked). */
  surveyWorkshops: string[];
  /** `survey_kpis`: the KPI ids the cold survey asks members to rate; null = the built-in short list. */
  surveyKpis: string[] | null;
  /** `last_kpi_review`: the day of the last KPI review (serial day), or null. */
  lastKpiReview: number | null;
  // Retention (issue 20): months the mail log and other log tabs keep their rows.
  logRetentionMonths: number;
  // Board (issue 20): « Bureau (e-mails) » / board_emails, lower-case; empty = no list kept.
  boardEmails: string[];
}

/** A `custom_kpi.<id>` row of Settings, before parsing. */
export interface CustomKpiSetting {
  id: string;
  definition: string;
  row: number;
  /** The key as typed, for issues. */
  key: string;
}

export function defaultSettings(): Settings {
  return {
    clubName: '',
    language: 'auto',
    currency: 'EUR',
    fyStartMonth: 1,
    defaultPeriod: null,
    hourlyValue: 0,
    activeMinEvents: 1,
    profileFields: [...DEFAULT_PROFILE_FIELDS],
    scoreWindowMonths: 6,
    score: {},
    leaderboardPublic: true,
    anonymousSurveys: false,
    targets: {},
    benchmarks: {},
    enabledKpis: null,
    editionLeaderboard: false,
    editionMessage: '',
    // Network (issue 22).
    networkId: '',
    networkColours: false,
    automation: defaultAutomationSettings(),
    signUpsAreMembers: false,
    customKpis: [],
    customKpiLabels: {},
    themes: null,
    surveyWorkshops: [],
    surveyKpis: null,
    lastKpiReview: null,
    logRetentionMonths: DEFAULT_LOG_RETENTION_MONTHS,
    boardEmails: [],
  };
}

export interface SettingsContext {
  tab: string;
  locale: CellLocale;
  issues: IssueLog;
}

/** Reads the Settings rows (columns `key` and `value`) over the defaults. */
export function readSettings(rows: Row[], ctx: SettingsContext): Settings {
  const s = defaultSettings();
  for (const row of rows) {
    const rawKey = String(row.v.key ?? '').trim();
    const value = row.v.value;
    if (!rawKey || isBlank(value)) continue;
    const key = rawKey.toLowerCase();
    const text = rawText(value, ctx.locale.timeZone).trim();
    const bad = (fr: string, en: string): void =>
      ctx.issues.add({
        tab: ctx.tab,
        row: row.row,
        column: rawKey,
        value: `${rawKey} = ${text}`,
        code: 'bad_setting',
        extra: { reason: ctx.issues.lang === 'fr' ? fr : en },
      });
    const num = (json = false): number | null => {
      // Targets and benchmarks are written like JSON values (SPEC §12): `0.850` is 0.85 even in French,
      // where a dot before three digits would otherwise group thousands.
      if (json && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
      const n = parseNumber(value, ctx.locale);
      if (!n.ok || n.value === null) {
        bad('nombre attendu', 'number expected');
        return null;
      }
      return n.value;
    };
    const yes = (): boolean | null => {
      const b = parseYesNo(value);
      if (!b.ok || b.value === null) {
        bad('oui/non attendu', 'yes/no expected');
        return null;
      }
      return b.value;
    };
    const date = (): number | null => {
      const d = parseDate(value, ctx.locale);
      if (!d.ok || d.value === null) {
        bad('date attendue', 'date expected');
        return null;
      }
      return d.value;
    };
    if (readVoiceSetting(s, key, rawKey, text, row.row, value, ctx, bad)) continue;
    if (key.startsWith('target.')) {
      const n = num(true);
      if (n !== null) s.targets[key.slice(7)] = n;
    } else if (key.startsWith('benchmark.')) {
      const n = num(true);
      if (n !== null) s.benchmarks[key.slice(10)] = n;
    } else if (key.startsWith('score.')) {
      const n = num();
      if (n !== null) s.score[key.slice(6)] = n;
    } else {
      switch (normalizeLabel(key)) {
        case 'clubname':
          s.clubName = text;
          break;
        case 'language': {
          const lang = normalizeLabel(text);
          if (lang === 'fr' || lang === 'francais' || lang === 'french') s.language = 'fr';
          else if (lang === 'en' || lang === 'anglais' || lang === 'english') s.language = 'en';
          else if (lang === 'auto') s.language = 'auto';
          else bad('auto, fr ou en', 'auto, fr or en');
          break;
        }
        case 'currency':
          s.currency = text.toUpperCase();
          break;
        case 'fiscalyearstartmonth': {
          const n = num();
          if (n !== null && Number.isInteger(n) && n >= 1 && n <= 12) s.fyStartMonth = n;
          else if (n !== null) bad('mois de 1 à 12', 'month 1 to 12');
          break;
        }
        case 'defaultperiod':
          s.defaultPeriod = text;
          break;
        case 'hourlyvalue': {
          const n = num();
          if (n !== null && n >= 0) s.hourlyValue = n;
          else if (n !== null) bad('nombre ≥ 0', 'number ≥ 0');
          break;
        }
        case 'activeminevents': {
          const n = num();
          if (n !== null && Number.isInteger(n) && n >= 1) s.activeMinEvents = n;
          else if (n !== null) bad('entier ≥ 1', 'whole number ≥ 1');
          break;
        }
        case 'profilefields':
          s.profileFields = text
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean);
          break;
        case 'scorewindowmonths': {
          const n = num();
          if (n !== null && Number.isInteger(n) && n >= 1 && n <= 36) s.scoreWindowMonths = n;
          else if (n !== null) bad('entier de 1 à 36', 'whole number 1 to 36');
          break;
        }
        case 'leaderboardpublic': {
          const b = yes();
          if (b !== null) s.leaderboardPublic = b;
          break;
        }
        case 'anonymoussurveys': {
          const b = yes();
          if (b !== null) s.anonymousSurveys = b;
          break;
        }
        case 'enabledkpis': {
          const list = text
            .split(/[,;\s]+/)
            .map((k) => k.trim())
            .filter(Boolean);
          s.enabledKpis =
            list.length > 0 && normalizeLabel(text) !== 'all' && normalizeLabel(text) !== 'tous'
              ? list
              : null;
          break;
        }
        // Members' edition (issue 19): French keys accepted beside the English ids.
        case 'editionleaderboard':
        case 'palmaresedition': {
          const b = yes();
          if (b !== null) s.editionLeaderboard = b;
          break;
        }
        case 'editionmessage':
        case 'messageedition':
          s.editionMessage = text;
          break;
        // Network (issue 22): French-first keys, the English ones accepted.
        case 'idreseau':
        case 'networkid':
          s.networkId = text.slice(0, 100);
          break;
        case 'couleursreseau':
        case 'networkcolours':
        case 'networkcolors': {
          const b = yes();
          if (b !== null) s.networkColours = b;
          break;
        }
        // Membership form (issue 17): « inscrits_membres » / signups_are_members.
        case 'inscritsmembres':
        case 'signupsaremembers': {
          const b = yes();
          if (b !== null) s.signUpsAreMembers = b;
          break;
        }
        // Retention (issue 20): « Conservation des journaux (mois) » / log_retention_months.
        case 'logretentionmonths':
        case 'conservationdesjournauxmois':
        case 'conservationjournauxmois': {
          const n = num();
          if (n !== null && Number.isInteger(n) && n >= 1 && n <= 120) s.logRetentionMonths = n;
          else if (n !== null) bad('entier de 1 à 120 (mois)', 'whole number 1 to 120 (months)');
          break;
        }
        // Board (issue 20): « Bureau (e-mails) » / « Board (e-mails) », who may own the automation.
        case 'bureauemails':
        case 'boardemails': {
          const list = boardEmails(text);
          s.boardEmails = list.emails;
          if (list.invalid.length > 0)
            bad(
              `adresses e-mail séparées par des virgules (pas une adresse : ${list.invalid.slice(0, 3).join(', ')})`,
              `e-mail addresses separated by commas (not an address: ${list.invalid.slice(0, 3).join(', ')})`,
            );
          break;
        }
        default:
          // The automation's keys (issue 17); unknown keys are the club's own notes: kept and ignored.
          readAutomationSetting(s.automation, normalizeLabel(key), { yes, num, day: () => date(), bad });
          break;
      }
    }
  }
  return s;
}

// -----------------------------------------------------------------------------------------------
// Voice of the members and the KPI review (issue 18): custom KPIs, themes, survey lists, review date.

/** A list typed in one cell: `a; b`, `a, b` or one per line. */
export function settingList(text: string): string[] {
  return text
    .split(/[;,\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

const CUSTOM_LABEL = /^custom_kpi\.([^.]*)\.label$/;

/** Reads one of the issue-18 keys into `s`; false when the key is not one of them. */
function readVoiceSetting(
  s: Settings,
  key: string,
  rawKey: string,
  text: string,
  row: number,
  value: unknown,
  ctx: SettingsContext,
  bad: (fr: string, en: string) => void,
): boolean {
  const label = CUSTOM_LABEL.exec(key);
  if (label) {
    s.customKpiLabels[label[1]] = text;
    return true;
  }
  if (key.startsWith('custom_kpi.')) {
    s.customKpis.push({ id: key.slice(11), definition: text, row, key: rawKey });
    return true;
  }
  if (key.startsWith('theme.') || key.startsWith('thème.')) {
    const name = rawKey.slice(rawKey.indexOf('.') + 1).trim();
    const keywords = settingList(text);
    if (name && keywords.length > 0) s.themes = [...(s.themes ?? []), { name, keywords }];
    else
      bad(
        'un nom après « theme. » et des mots-clés séparés par des virgules',
        'a name after "theme." and keywords separated by commas',
      );
    return true;
  }
  switch (normalizeLabel(key)) {
    case 'surveyworkshops':
      s.surveyWorkshops = settingList(text);
      return true;
    case 'surveykpis':
      s.surveyKpis = settingList(text);
      return true;
    case 'lastkpireview': {
      const day = parseDate(value, ctx.locale);
      if (day.ok && day.value !== null) s.lastKpiReview = day.value;
      else bad('date attendue (jj/mm/aaaa)', 'date expected (dd/mm/yyyy)');
      return true;
    }
    default:
      return false;
  }
}
