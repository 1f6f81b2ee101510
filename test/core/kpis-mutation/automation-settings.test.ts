/**
 * The automation's Settings keys (src/core/automation-settings.ts), hand-worked (issue 23): each key
 * under its French or English spelling (as Settings hands it over, normalised), yes/no and day
 * values kept only when readable, whole numbers kept within their bounds (both included) and any
 * other number reported with its bounds in both languages.
 */

import { describe, expect, it } from 'vitest';
import {
  type AutomationSettings,
  defaultAutomationSettings,
  readAutomationSetting,
} from '../../../src/core/automation-settings';

/** Reads `key` with readers answering `value`; the settings after and the reports made. */
function read(key: string, value: { yes?: boolean | null; num?: number | null; day?: number | null }) {
  const a: AutomationSettings = defaultAutomationSettings();
  const bad: string[] = [];
  const known = readAutomationSetting(a, key, {
    yes: () => value.yes ?? null,
    num: () => value.num ?? null,
    day: () => value.day ?? null,
    bad: (fr, en) => bad.push(`${fr} | ${en}`),
  });
  return { known, a, bad };
}

describe('defaultAutomationSettings', () => {
  it('is off, never switched on, without the last event, with the documented delays', () => {
    expect(defaultAutomationSettings()).toEqual({
      on: false,
      since: null,
      lastEvent: false,
      hotDelayDays: 1,
      reminderAfterDays: 3,
      coldDelayDays: 1,
      nudgeAfterWeeks: 8,
      nudgeEveryWeeks: 8,
    });
  });
});

describe('readAutomationSetting', () => {
  it('keeps a day read from an earlier row when a later one cannot be read', () => {
    const a = defaultAutomationSettings();
    const readers = (day: number | null) => ({
      yes: () => null,
      num: () => null,
      day: () => day,
      bad: () => {},
    });
    readAutomationSetting(a, 'automatisationdepuis', readers(20500));
    readAutomationSetting(a, 'automationsince', readers(null));
    expect(a.since).toBe(20500);
  });

  it('knows each key in French and in English, and no other', () => {
    expect(read('automatisation', { yes: true }).a.on).toBe(true);
    expect(read('automation', { yes: true }).a.on).toBe(true);
    expect(read('automatisationdernierevenement', { yes: true }).a.lastEvent).toBe(true);
    expect(read('automationlastevent', { yes: true }).a).toMatchObject({ on: false, lastEvent: true });
    expect(read('automatisationdepuis', { day: 20500 }).a.since).toBe(20500);
    expect(read('automationsince', { day: 20501 }).a.since).toBe(20501);
    expect(read('hotsurveydelaydays', { num: 2 }).a.hotDelayDays).toBe(2);
    expect(read('relanceinactifssemaines', { num: 0 }).a.nudgeAfterWeeks).toBe(0);
    expect(read('nudgeeveryweeks', { num: 104 }).a.nudgeEveryWeeks).toBe(104);
    const other = read('automatisation_x', { yes: true });
    expect([other.known, other.a]).toEqual([false, defaultAutomationSettings()]);
  });

  it('keeps the default when a yes/no, a day or a number cannot be read, without a report', () => {
    expect(read('automatisation', { yes: null })).toEqual({
      known: true,
      a: defaultAutomationSettings(),
      bad: [],
    });
    expect(read('automationsince', { day: null })).toEqual({
      known: true,
      a: defaultAutomationSettings(),
      bad: [],
    });
    expect(read('rappelapresjours', { num: null })).toEqual({
      known: true,
      a: defaultAutomationSettings(),
      bad: [],
    });
  });

  it('takes whole numbers within the bounds, both included, and reports the others with the bounds', () => {
    expect(read('reminderafterdays', { num: 1 }).a.reminderAfterDays).toBe(1);
    expect(read('reminderafterdays', { num: 60 }).a.reminderAfterDays).toBe(60);
    for (const n of [0, 61, 2.5]) {
      const r = read('reminderafterdays', { num: n });
      expect([r.a.reminderAfterDays, r.bad]).toEqual([3, ['entier de 1 à 60 | whole number 1 to 60']]);
    }
    expect(read('delaienquetefroidejours', { num: -1 }).bad).toEqual([
      'entier de 0 à 60 | whole number 0 to 60',
    ]);
    expect(read('nudgeafterweeks', { num: 105 }).bad).toEqual(['entier de 0 à 104 | whole number 0 to 104']);
  });
});
