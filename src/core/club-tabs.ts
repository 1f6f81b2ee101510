/**
 * The one reading of a club's tabs that every caller shares (the refresh's `computeReport`, the
 * surveys, the automation): Settings first with their issues left aside, which decide the language
 * and the fiscal year, then every tab read in that language with one issue log, then Settings read
 * again into that log so that its issues are reported once.
 */

import { cellLocaleOf } from './cells';
import { type Lang, langOfLocale } from './i18n';
import { IssueLog } from './issues';
import { settingsOfTabs } from './period-choices';
import { type RawTab, readTabs, type TabRead } from './read';
import type { TabKey } from './schema';
import { readSettings, type Settings } from './settings';

/** The language of the run: Settings `language`, else the spreadsheet locale. */
export function languageOf(settings: Settings, locale: string): Lang {
  return settings.language === 'auto' ? langOfLocale(locale) : settings.language;
}

export interface ClubTabs {
  lang: Lang;
  settings: Settings;
  tabs: Map<TabKey, TabRead>;
  /** The issues of every tab read (Settings included), in the club's language. */
  issues: IssueLog;
}

/** Reads the raw tabs of a club (all of them, or only some: a missing tab reads as not found). */
export function readClubTabs(raw: RawTab[], locale: string, timeZone: string): ClubTabs {
  const cellLocale = cellLocaleOf(locale, timeZone);
  const draft = settingsOfTabs(raw, locale, timeZone);
  const lang = languageOf(draft, locale);
  const issues = new IssueLog(lang);
  const tabs = readTabs(raw, { lang, locale: cellLocale, fyStartMonth: draft.fyStartMonth, issues });
  const settingsRead = tabs.get('settings')!;
  const settings = readSettings(settingsRead.rows, { tab: settingsRead.name, locale: cellLocale, issues });
  return { lang, settings, tabs, issues };
}
