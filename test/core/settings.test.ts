/** The Settings tab (SPEC §7, §12): typed values over defaults, targets as JSON numbers or `50 %`, bad values reported. */

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/settings';
import { issues, run, tab } from './fixtures';

const settingsOf = (rows: unknown[][], locale = 'fr_FR') =>
  run([tab('Paramètres', ['Clé', 'Valeur'], rows)], { locale });

describe('settings', () => {
  it('has the documented defaults', () => {
    expect(defaultSettings()).toMatchObject({
      language: 'auto',
      currency: 'EUR',
      fyStartMonth: 1,
      hourlyValue: 0,
      activeMinEvents: 1,
      profileFields: ['phone', 'website', 'linkedin', 'bio', 'expertise', 'photo_url'],
      scoreWindowMonths: 6,
      leaderboardPublic: true,
      anonymousSurveys: false,
      enabledKpis: null,
    });
  });

  it('reads typed values', () => {
    const { settings } = settingsOf([
      ['club_name', 'Club des Entrepreneurs'],
      ['fiscal_year_start_month', 9],
      ['hourly_value', '25,50 €'],
      ['active_min_events', '2'],
      ['profile_fields', 'phone, linkedin ,bio'],
      ['leaderboard_public', 'non'],
      ['anonymous_surveys', 'oui'],
      ['score_window_months', 3],
      ['score.attendance_green', '0,9'],
      ['une note du bureau', 'ignorée'],
    ]);
    expect(settings).toMatchObject({
      clubName: 'Club des Entrepreneurs',
      fyStartMonth: 9,
      hourlyValue: 25.5,
      activeMinEvents: 2,
      profileFields: ['phone', 'linkedin', 'bio'],
      leaderboardPublic: false,
      anonymousSurveys: true,
      scoreWindowMonths: 3,
      score: { attendance_green: 0.9 },
    });
  });

  it('reads targets written like JSON values or as percentages', () => {
    const { settings } = settingsOf([
      ['target.participation_rate', '0.5'], // JSON-like: 0.5 even in French
      ['target.show_up_rate', '80 %'], // 80 ÷ 100
      ['target.nps', 30],
      ['target.renewal_rate', '0.850'], // JSON: 0.85, not 850 as a French number would read it
      ['benchmark.email_open_rate', '0,25'],
    ]);
    expect(settings.targets).toEqual({
      participation_rate: 0.5,
      show_up_rate: 0.8,
      nps: 30,
      renewal_rate: 0.85,
    });
    expect(settings.benchmarks).toEqual({ email_open_rate: 0.25 });
  });

  it('decides the language: Settings language, else the locale', () => {
    expect(settingsOf([['language', 'en']]).lang).toBe('en');
    expect(settingsOf([['language', 'auto']]).lang).toBe('fr');
    expect(settingsOf([['language', 'français']], 'en_GB').lang).toBe('fr');
  });

  it('reports a bad value and keeps the default', () => {
    const report = settingsOf([
      ['fiscal_year_start_month', 13],
      ['hourly_value', 'beaucoup'],
      ['leaderboard_public', 'peut-être'],
    ]);
    expect(report.settings.fyStartMonth).toBe(1);
    expect(report.settings.hourlyValue).toBe(0);
    expect(report.settings.leaderboardPublic).toBe(true);
    expect(issues(report, 'bad_setting').map((i) => [i.row, i.value])).toEqual([
      [2, 'fiscal_year_start_month = 13'],
      [3, 'hourly_value = beaucoup'],
      [4, 'leaderboard_public = peut-être'],
    ]);
  });

  it('reports a bad default_period and falls back to the last completed semester', () => {
    const report = run([tab('Paramètres', ['Clé', 'Valeur'], [['default_period', 'le semestre']])], {
      period: null,
    });
    expect(report.period.label).toBe('2026-S1');
    expect(issues(report, 'bad_setting')).toEqual([
      expect.objectContaining({ row: 2, value: 'default_period = le semestre' }),
    ]);
  });

  it('selects KPIs with enabled_kpis', () => {
    const report = settingsOf([['enabled_kpis', 'nps, active_members']]);
    expect(report.kpis.map((k) => k.id)).toEqual(['active_members', 'nps']);
    expect(settingsOf([['enabled_kpis', 'tous']]).settings.enabledKpis).toBeNull();
  });
});
