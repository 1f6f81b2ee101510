/**
 * The Settings tab (SPEC §7): key/value pairs read into typed settings with defaults. A value that
 * cannot be used is reported (bad_setting) and the default kept.
 */

import { type CellLocale, isBlank, parseNumber, parseYesNo, rawText } from './cells';
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
  // Retention (issue 20): months the mail log and other log tabs keep their rows.
  logRetentionMonths: number;
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
    logRetentionMonths: DEFAULT_LOG_RETENTION_MONTHS,
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
        // Retention (issue 20): « Conservation des journaux (mois) » / log_retention_months.
        case 'logretentionmonths':
        case 'conservationdesjournauxmois':
        case 'conservationjournauxmois': {
          const n = num();
          if (n !== null && Number.isInteger(n) && n >= 1 && n <= 120) s.logRetentionMonths = n;
          else if (n !== null) bad('entier de 1 à 120 (mois)', 'whole number 1 to 120 (months)');
          break;
        }
        default:
          // Unknown keys are the club's own notes: kept and ignored.
          break;
      }
    }
  }
  return s;
}
