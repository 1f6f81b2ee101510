/**
 * The Settings keys of the automation (issue 17), French first, each with its English spelling:
 * off until a board member turns it on from the sidebar, the menu or `club-pulse automation --on`,
 * which writes `automatisation = oui` and the day it was switched on (the automation never reaches
 * back before that day, except for the last event when asked).
 */

import type { Day } from './dates';

export interface AutomationSettings {
  /** `automatisation` / `automation`: oui/non, non by default. */
  on: boolean;
  /** `automatisation_depuis` / `automation_since`: the day it was switched on. */
  since: Day | null;
  /** `automatisation_dernier_evenement` / `automation_last_event`: also the last event before `since`. */
  lastEvent: boolean;
  /** `delai_enquete_chaude_jours` / `hot_survey_delay_days`: the hot survey this many days after the event (1). */
  hotDelayDays: number;
  /** `rappel_apres_jours` / `reminder_after_days`: one reminder this many days after the invitation (3). */
  reminderAfterDays: number;
  /** `delai_enquete_froide_jours` / `cold_survey_delay_days`: the cold survey this many days after the semester, on a weekday (1). */
  coldDelayDays: number;
  /** `relance_inactifs_semaines` / `nudge_after_weeks`: a nudge after this many weeks without activity (8; 0 = none). */
  nudgeAfterWeeks: number;
  /** `relance_max_semaines` / `nudge_every_weeks`: at most one nudge per member per this many weeks (8). */
  nudgeEveryWeeks: number;
}

export function defaultAutomationSettings(): AutomationSettings {
  return {
    on: false,
    since: null,
    lastEvent: false,
    hotDelayDays: 1,
    reminderAfterDays: 3,
    coldDelayDays: 1,
    nudgeAfterWeeks: 8,
    nudgeEveryWeeks: 8,
  };
}

type WholeKey =
  | 'hotDelayDays'
  | 'reminderAfterDays'
  | 'coldDelayDays'
  | 'nudgeAfterWeeks'
  | 'nudgeEveryWeeks';

/** The keys, French first then English, by normalised spelling; whole numbers with their bounds. */
export const AUTOMATION_KEYS: Array<{
  field: keyof AutomationSettings;
  fr: string;
  en: string;
  min?: number;
  max?: number;
}> = [
  { field: 'on', fr: 'automatisation', en: 'automation' },
  { field: 'since', fr: 'automatisation_depuis', en: 'automation_since' },
  { field: 'lastEvent', fr: 'automatisation_dernier_evenement', en: 'automation_last_event' },
  { field: 'hotDelayDays', fr: 'delai_enquete_chaude_jours', en: 'hot_survey_delay_days', min: 0, max: 60 },
  { field: 'reminderAfterDays', fr: 'rappel_apres_jours', en: 'reminder_after_days', min: 1, max: 60 },
  { field: 'coldDelayDays', fr: 'delai_enquete_froide_jours', en: 'cold_survey_delay_days', min: 0, max: 60 },
  { field: 'nudgeAfterWeeks', fr: 'relance_inactifs_semaines', en: 'nudge_after_weeks', min: 0, max: 104 },
  { field: 'nudgeEveryWeeks', fr: 'relance_max_semaines', en: 'nudge_every_weeks', min: 1, max: 104 },
];

const normal = (s: string) => s.replace(/[^a-z0-9]/g, '');

/** What readSettings hands over for one row: the value parsed as it asks, or null (reported). */
export interface SettingReaders {
  yes(): boolean | null;
  num(): number | null;
  day(): Day | null;
  bad(fr: string, en: string): void;
}

/**
 * Reads one Settings row into the automation settings when its key (normalised) is one of
 * AUTOMATION_KEYS; returns false for any other key.
 */
export function readAutomationSetting(a: AutomationSettings, key: string, read: SettingReaders): boolean {
  const spec = AUTOMATION_KEYS.find((k) => normal(k.fr) === key || normal(k.en) === key);
  if (!spec) return false;
  if (spec.field === 'on' || spec.field === 'lastEvent') {
    const b = read.yes();
    if (b !== null) a[spec.field] = b;
  } else if (spec.field === 'since') {
    const d = read.day();
    if (d !== null) a.since = d;
  } else {
    const n = read.num();
    const min = spec.min ?? 0;
    const max = spec.max ?? 1000;
    if (n !== null && Number.isInteger(n) && n >= min && n <= max) a[spec.field as WholeKey] = n;
    else if (n !== null) read.bad(`entier de ${min} à ${max}`, `whole number ${min} to ${max}`);
  }
  return true;
}
