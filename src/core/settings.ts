/**
 * The Settings tab (SPEC §7): key/value pairs read into typed settings with defaults. A value that
 * cannot be used is reported (bad_setting) and the default kept.
 */

import { boardEmails } from './automation-owner';
import {
  type AutomationSettings,
  defaultAutomationSettings,
  readAutomationSetting,
  type SettingReaders,
} from './automation-settings';
import { type CellLocale, isBlank, parseDate, parseNumber, parseYesNo, rawText } from './cells';
import type { IssueLog } from './issues';
import { normalizeLabel } from './normalize';
import type { Row } from './read';
import { defaultRenewalSettings, type RenewalSettings, readRenewalSetting } from './renewal-settings';

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
  /** The renewal season's keys (issue 20, renewal-settings.ts). */
  renewal: RenewalSettings;
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
    renewal: defaultRenewalSettings(),
    boardEmails: [],
  };
}

export interface SettingsContext {
  tab: string;
  locale: CellLocale;
  issues: IssueLog;
}

/** One Settings row as a key's reader sees it, with readers of its value that report a bad one. */
export interface SettingRow extends SettingReaders {
  /** The key in lower case (`target.nps`). */
  key: string;
  /** The key normalised: no case, accents, spaces or punctuation (`clubname` for « Club name »). */
  label: string;
  /** The key as typed, for issues. */
  rawKey: string;
  /** The value as text, trimmed. */
  text: string;
  /** The sheet row. */
  row: number;
  /** The value as read from the cell, and the locale to parse it in. */
  value: unknown;
  locale: CellLocale;
  /** The value as a number; `json`: a dotted decimal is read as in JSON whatever the locale. */
  num(json?: boolean): number | null;
}

/**
 * The readers of a Settings row, in order: the first that knows the key reads it and returns true.
 * Other keys are the club's own notes: kept and ignored. A new key is a case in the reader of its
 * group, a new group one small reader added to this list.
 */
const SETTING_READERS: Array<(s: Settings, r: SettingRow) => boolean> = [
  readVoiceSetting,
  readScopedSetting,
  readClubSetting,
  readEditionSetting,
  readNetworkSetting,
  readMembershipSetting,
  readRetentionSetting,
  readBoardSetting,
  // The renewal season's keys (issue 20).
  (s, r) => readRenewalSetting(s.renewal, r.label, r.text, r),
  (s, r) => readAutomationSetting(s.automation, r.label, r),
];

/** Reads the Settings rows (columns `key` and `value`) over the defaults. */
export function readSettings(rows: Row[], ctx: SettingsContext): Settings {
  const s = defaultSettings();
  for (const row of rows) {
    const r = settingRow(row, ctx);
    if (r) SETTING_READERS.some((read) => read(s, r));
  }
  return s;
}

/** A Settings row with its readers, or null when its key or value is blank. */
function settingRow(row: Row, ctx: SettingsContext): SettingRow | null {
  const rawKey = String(row.v.key ?? '').trim();
  const value = row.v.value;
  if (!rawKey || isBlank(value)) return null;
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
  /** A parsed cell's value, or null with the reason reported. */
  const parsed = <T>(p: { ok: boolean; value?: T | null }, fr: string, en: string): T | null => {
    if (p.ok && p.value !== null && p.value !== undefined) return p.value;
    bad(fr, en);
    return null;
  };
  return {
    key,
    label: normalizeLabel(key),
    rawKey,
    text,
    row: row.row,
    value,
    locale: ctx.locale,
    bad,
    // Targets and benchmarks are written like JSON values (SPEC §12): `0.850` is 0.85 even in French,
    // where a dot before three digits would otherwise group thousands.
    num: (json = false) =>
      json && /^-?\d+(\.\d+)?$/.test(text)
        ? Number(text)
        : parsed(parseNumber(value, ctx.locale), 'nombre attendu', 'number expected'),
    yes: () => parsed(parseYesNo(value), 'oui/non attendu', 'yes/no expected'),
    day: () => parsed(parseDate(value, ctx.locale), 'date attendue', 'date expected'),
  };
}

/** Sets a yes/no setting when the value reads as one (else reported). */
function flag(r: SettingRow, set: (b: boolean) => void): true {
  const b = r.yes();
  if (b !== null) set(b);
  return true;
}

/** `target.<kpi>`, `benchmark.<kpi>` and `score.<component>.<threshold>`. */
function readScopedSetting(s: Settings, r: SettingRow): boolean {
  const scoped: Array<[string, Record<string, number>, boolean]> = [
    ['target.', s.targets, true],
    ['benchmark.', s.benchmarks, true],
    ['score.', s.score, false],
  ];
  const hit = scoped.find(([prefix]) => r.key.startsWith(prefix));
  if (!hit) return false;
  const [prefix, into, json] = hit;
  const n = r.num(json);
  if (n !== null) into[r.key.slice(prefix.length)] = n;
  return true;
}

/** A whole number in [min, max] (else reported with `fr`/`en`), or null. */
function wholeIn(r: SettingRow, min: number, max: number, fr: string, en: string): number | null {
  const n = r.num();
  if (n !== null && Number.isInteger(n) && n >= min && n <= max) return n;
  if (n !== null) r.bad(fr, en);
  return null;
}

/** The club's own keys (SPEC §7): name, language, currency, year, periods, values, score, KPIs. */
function readClubSetting(s: Settings, r: SettingRow): boolean {
  const { text } = r;
  switch (r.label) {
    case 'clubname':
      s.clubName = text;
      return true;
    case 'language': {
      const lang = normalizeLabel(text);
      if (lang === 'fr' || lang === 'francais' || lang === 'french') s.language = 'fr';
      else if (lang === 'en' || lang === 'anglais' || lang === 'english') s.language = 'en';
      else if (lang === 'auto') s.language = 'auto';
      else r.bad('auto, fr ou en', 'auto, fr or en');
      return true;
    }
    case 'currency':
      s.currency = text.toUpperCase();
      return true;
    case 'fiscalyearstartmonth':
      s.fyStartMonth = wholeIn(r, 1, 12, 'mois de 1 à 12', 'month 1 to 12') ?? s.fyStartMonth;
      return true;
    case 'defaultperiod':
      s.defaultPeriod = text;
      return true;
    case 'hourlyvalue': {
      const n = r.num();
      if (n !== null && n >= 0) s.hourlyValue = n;
      else if (n !== null) r.bad('nombre ≥ 0', 'number ≥ 0');
      return true;
    }
    case 'activeminevents':
      s.activeMinEvents = wholeIn(r, 1, Infinity, 'entier ≥ 1', 'whole number ≥ 1') ?? s.activeMinEvents;
      return true;
    case 'profilefields':
      s.profileFields = text
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      return true;
    case 'scorewindowmonths':
      s.scoreWindowMonths =
        wholeIn(r, 1, 36, 'entier de 1 à 36', 'whole number 1 to 36') ?? s.scoreWindowMonths;
      return true;
    case 'leaderboardpublic':
      return flag(r, (b) => {
        s.leaderboardPublic = b;
      });
    case 'anonymoussurveys':
      return flag(r, (b) => {
        s.anonymousSurveys = b;
      });
    case 'enabledkpis': {
      const list = text
        .split(/[,;\s]+/)
        .map((k) => k.trim())
        .filter(Boolean);
      s.enabledKpis =
        list.length > 0 && normalizeLabel(text) !== 'all' && normalizeLabel(text) !== 'tous' ? list : null;
      return true;
    }
    default:
      return false;
  }
}

/** Members' edition (issue 19): French keys accepted beside the English ids. */
function readEditionSetting(s: Settings, r: SettingRow): boolean {
  switch (r.label) {
    case 'editionleaderboard':
    case 'palmaresedition':
      return flag(r, (b) => {
        s.editionLeaderboard = b;
      });
    case 'editionmessage':
    case 'messageedition':
      s.editionMessage = r.text;
      return true;
    default:
      return false;
  }
}

/** Network (issue 22): French-first keys, the English ones accepted. */
function readNetworkSetting(s: Settings, r: SettingRow): boolean {
  switch (r.label) {
    case 'idreseau':
    case 'networkid':
      s.networkId = r.text.slice(0, 100);
      return true;
    case 'couleursreseau':
    case 'networkcolours':
    case 'networkcolors':
      return flag(r, (b) => {
        s.networkColours = b;
      });
    default:
      return false;
  }
}

/** Membership form (issue 17): « inscrits_membres » / signups_are_members. */
function readMembershipSetting(s: Settings, r: SettingRow): boolean {
  if (r.label !== 'inscritsmembres' && r.label !== 'signupsaremembers') return false;
  return flag(r, (b) => {
    s.signUpsAreMembers = b;
  });
}

/** Retention (issue 20): « Conservation des journaux (mois) » / log_retention_months. */
function readRetentionSetting(s: Settings, r: SettingRow): boolean {
  if (!['logretentionmonths', 'conservationdesjournauxmois', 'conservationjournauxmois'].includes(r.label))
    return false;
  s.logRetentionMonths =
    wholeIn(r, 1, 120, 'entier de 1 à 120 (mois)', 'whole number 1 to 120 (months)') ?? s.logRetentionMonths;
  return true;
}

/** Board (issue 20): « Bureau (e-mails) » / « Board (e-mails) », who may own the automation. */
function readBoardSetting(s: Settings, r: SettingRow): boolean {
  if (r.label !== 'bureauemails' && r.label !== 'boardemails') return false;
  const list = boardEmails(r.text);
  s.boardEmails = list.emails;
  if (list.invalid.length > 0) {
    const shown = list.invalid.slice(0, 3).join(', ');
    r.bad(
      `adresses e-mail séparées par des virgules (pas une adresse : ${shown})`,
      `e-mail addresses separated by commas (not an address: ${shown})`,
    );
  }
  return true;
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
function readVoiceSetting(s: Settings, r: SettingRow): boolean {
  const { key, rawKey, text, row, bad } = r;
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
  switch (r.label) {
    case 'surveyworkshops':
      s.surveyWorkshops = settingList(text);
      return true;
    case 'surveykpis':
      s.surveyKpis = settingList(text);
      return true;
    case 'lastkpireview': {
      const day = parseDate(r.value, r.locale);
      if (day.ok && day.value !== null) s.lastKpiReview = day.value;
      else bad('date attendue (jj/mm/aaaa)', 'date expected (dd/mm/yyyy)');
      return true;
    }
    default:
      return false;
  }
}
