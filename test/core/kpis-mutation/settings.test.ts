/**
 * Hand-worked tests for the Settings tab (src/core/settings.ts), written against the survivors of
 * its mutation run (issue 23): every key's French and English spellings, the bounds of the whole
 * numbers, targets and benchmarks written like JSON (`0.850` is 0.85 even in French) beside French
 * decimals, lists typed in one cell, blank keys and values, and the bad_setting issue (tab, row, key
 * as typed, `key = value`, reason in the workbook's language). Each Settings tab is read as Apps
 * Script's getValues gives it (through readTabs, then readSettings), inside each test.
 */

import { describe, expect, it } from 'vitest';
import { cellLocaleOf } from '../../../src/core/cells';
import { isoOf } from '../../../src/core/dates';
import { IssueLog } from '../../../src/core/issues';
import { type Row, readTabs } from '../../../src/core/read';
import { readSettings, settingList } from '../../../src/core/settings';
import { sheetDate, tab } from '../fixtures';

function settingsOf(rows: unknown[][], lang: 'fr' | 'en' = 'fr') {
  const log = new IssueLog(lang);
  const locale = cellLocaleOf(lang === 'fr' ? 'fr_FR' : 'en_GB', 'Europe/Paris');
  const name = lang === 'fr' ? 'Paramètres' : 'Settings';
  const tabs = readTabs([tab(name, ['Clé', 'Valeur'], rows)], { lang, locale, fyStartMonth: 1, issues: log });
  const settings = readSettings(tabs.get('settings')!.rows, { tab: name, locale, issues: log });
  return { settings, issues: log.issues };
}

/** The bad_setting issues as [row, column, value, message]. */
const bad = (issues: ReturnType<typeof settingsOf>['issues']) =>
  issues.filter((i) => i.code === 'bad_setting').map((i) => [i.row, i.column, i.value, i.message]);

describe('rows and the bad_setting issue', () => {
  it('skips rows whose key or value is blank, trims keys and values, ignores case and punctuation of keys', () => {
    const { settings, issues } = settingsOf([
      ['club_name', '   '], // row 2: blank value: skipped, the default '' stays
      ['  Club Name  ', '  Club des Entrepreneurs du Val  '], // row 3: « Club Name » = club_name
      ['DEVISE du club', 'usd'], // row 4: the club's own note: ignored
      ['Currency', ' chf '], // row 5
      ['club_name', ''], // row 6: blank again: skipped, row 3's name stays
    ]);
    expect(issues).toEqual([]);
    expect(settings.clubName).toBe('Club des Entrepreneurs du Val');
    expect(settings.currency).toBe('CHF');
  });

  it('skips a row without key (readTab reports it; readSettings is handed it only by other callers)', () => {
    // readTab leaves out a Settings row without key (missing_required); a caller building rows itself
    // may still hand one over: it is skipped, as is a row whose value is null.
    const log = new IssueLog('fr');
    const locale = cellLocaleOf('fr_FR', 'Europe/Paris');
    const row = (n: number, key: unknown, value: unknown): Row => ({
      row: n,
      v: { key, value },
      raw: () => '',
      time: () => null,
    });
    const settings = readSettings(
      [
        row(2, null, 'Club fantôme'),
        row(3, '   ', 'Club fantôme'),
        row(4, 'club_name', null),
        row(5, 'currency', '  gbp  '),
        row(6, '  Target.NPS ', 40),
      ],
      { tab: 'Paramètres', locale, issues: log },
    );
    expect(settings.clubName).toBe('');
    // Key and value trimmed: ' Target.NPS ' is target.nps, '  gbp  ' is GBP.
    expect(settings.currency).toBe('GBP');
    expect(settings.targets).toEqual({ nps: 40 });
    expect(log.issues).toEqual([]);
  });

  it('reports a bad value with the key as typed, `key = value` and the reason, in French or in English', () => {
    const fr = settingsOf([['Fiscal_Year_Start_Month', ' 13 ']]);
    expect(bad(fr.issues)).toEqual([
      [
        2,
        'Fiscal_Year_Start_Month',
        'Fiscal_Year_Start_Month = 13',
        'Paramètre « Fiscal_Year_Start_Month = 13 » invalide : mois de 1 à 12',
      ],
    ]);
    const en = settingsOf(
      [
        ['club_name', 'Alpha'],
        ['hourly_value', 'a lot'],
      ],
      'en',
    );
    expect(bad(en.issues)).toEqual([
      [3, 'hourly_value', 'hourly_value = a lot', 'Invalid setting "hourly_value = a lot": number expected'],
    ]);
  });

  it('reads a key only once: a later reader never sees a key an earlier one took', () => {
    // custom_kpi.x.label is a label (not a custom KPI named « x.label »), target.nps a target.
    const { settings, issues } = settingsOf([
      ['custom_kpi.ca_membres.label', 'CA généré par les membres'],
      ['custom_kpi.ca_membres', 'sum(Recommandations.Valeur)'],
      ['target.nps', '40'],
    ]);
    expect(issues).toEqual([]);
    expect(settings.customKpiLabels).toEqual({ ca_membres: 'CA généré par les membres' });
    expect(settings.customKpis).toEqual([
      { id: 'ca_membres', definition: 'sum(Recommandations.Valeur)', row: 3, key: 'custom_kpi.ca_membres' },
    ]);
    expect(settings.targets).toEqual({ nps: 40 });
  });
});

describe('targets, benchmarks and score thresholds', () => {
  it('reads targets and benchmarks like JSON numbers, anything else as a French number', () => {
    const { settings, issues } = settingsOf([
      ['Target.Show_up_rate', '10.125'], // JSON: 10.125 (French would read 10 125)
      ['target.renewal_rate', '-0.250'], // JSON, negative: −0.25
      ['target.nps', 35], // a number cell
      ['target.participation_rate', '0,6'], // not JSON: French decimal 0.6
      ['benchmark.email_open_rate', '25 %'], // 25 ÷ 100
      ['benchmark.nps', '12'], // JSON integer
      ['benchmark.show_up_rate', '0.125'], // JSON: 0.125 (French would read 125)
    ]);
    expect(issues).toEqual([]);
    expect(settings.targets).toEqual({
      show_up_rate: 10.125,
      renewal_rate: -0.25,
      nps: 35,
      participation_rate: 0.6,
    });
    expect(settings.benchmarks).toEqual({ email_open_rate: 0.25, nps: 12, show_up_rate: 0.125 });
  });

  it('refuses text around a JSON-like number instead of reading NaN', () => {
    const { settings, issues } = settingsOf([
      ['target.nps', 'a0.5'], // row 2
      ['target.show_up_rate', '0.5x'], // row 3
      ['benchmark.nps', 'beaucoup'], // row 4
    ]);
    expect(settings.targets).toEqual({});
    expect(settings.benchmarks).toEqual({});
    expect(bad(issues).map(([row, , value]) => [row, value])).toEqual([
      [2, 'target.nps = a0.5'],
      [3, 'target.show_up_rate = 0.5x'],
      [4, 'benchmark.nps = beaucoup'],
    ]);
  });

  it('takes score.window_months as a score threshold, not as the score window (score_window_months)', () => {
    // « score.window_months » and « score_window_months » normalise alike (scorewindowmonths), but
    // the first is read as a `score.` key and no other reader sees it: the window stays 6 months.
    const { settings, issues } = settingsOf([['Score.Window_Months', 12]]);
    expect(issues).toEqual([]);
    expect(settings.score).toEqual({ window_months: 12 });
    expect(settings.scoreWindowMonths).toBe(6);
  });

  it('reads score thresholds as French numbers (a dot before three digits groups thousands)', () => {
    const { settings, issues } = settingsOf([
      ['score.attendance_green', '1.250'], // French: 1 250
      ['score.attendance_red', '0,35'],
      ['score.referrals_green', 'x'], // reported, not set
    ]);
    expect(settings.score).toEqual({ attendance_green: 1250, attendance_red: 0.35 });
    expect(bad(issues).map(([row]) => row)).toEqual([4]);
  });
});

describe('whole numbers within bounds', () => {
  it('takes the fiscal year start month from 1 to 12 only', () => {
    const month = (value: unknown) => settingsOf([['fiscal_year_start_month', value]]);
    expect(month(1).settings.fyStartMonth).toBe(1);
    expect(month(12).settings.fyStartMonth).toBe(12);
    expect(month('9').settings.fyStartMonth).toBe(9);
    for (const wrong of [0, 13, '6,5']) {
      const { settings, issues } = month(wrong);
      expect(settings.fyStartMonth).toBe(1);
      expect(bad(issues).map(([, , , message]) => message)).toEqual([
        `Paramètre « fiscal_year_start_month = ${wrong} » invalide : mois de 1 à 12`,
      ]);
    }
    // Not a number at all: reported once, as a number expected.
    expect(bad(month('septembre').issues).map(([, , , m]) => m)).toEqual([
      'Paramètre « fiscal_year_start_month = septembre » invalide : nombre attendu',
    ]);
  });

  it('takes active_min_events from 1 up, score_window_months from 1 to 36', () => {
    expect(settingsOf([['active_min_events', 1]]).settings.activeMinEvents).toBe(1);
    expect(settingsOf([['active_min_events', 40]]).settings.activeMinEvents).toBe(40);
    const zero = settingsOf([['active_min_events', 0]]);
    expect(zero.settings.activeMinEvents).toBe(1);
    expect(bad(zero.issues).map(([, , , m]) => m)).toEqual([
      'Paramètre « active_min_events = 0 » invalide : entier ≥ 1',
    ]);
    expect(settingsOf([['score_window_months', 1]]).settings.scoreWindowMonths).toBe(1);
    expect(settingsOf([['score_window_months', 36]]).settings.scoreWindowMonths).toBe(36);
    const long = settingsOf([['score_window_months', 37]]);
    expect(long.settings.scoreWindowMonths).toBe(6);
    expect(bad(long.issues).map(([, , , m]) => m)).toEqual([
      'Paramètre « score_window_months = 37 » invalide : entier de 1 à 36',
    ]);
  });

  it('keeps the log tabs 1 to 120 months, under its three spellings', () => {
    expect(settingsOf([['log_retention_months', 1]]).settings.logRetentionMonths).toBe(1);
    expect(settingsOf([['Conservation des journaux (mois)', 120]]).settings.logRetentionMonths).toBe(120);
    expect(settingsOf([['conservation journaux mois', '36']]).settings.logRetentionMonths).toBe(36);
    for (const wrong of [0, 121]) {
      const { settings, issues } = settingsOf([['log_retention_months', wrong]]);
      expect(settings.logRetentionMonths).toBe(24);
      expect(bad(issues).map(([, , , m]) => m)).toEqual([
        `Paramètre « log_retention_months = ${wrong} » invalide : entier de 1 à 120 (mois)`,
      ]);
    }
  });

  it('takes an hourly value of 0 or more, French decimals included', () => {
    const zero = settingsOf([
      ['hourly_value', '30'],
      ['hourly_value', 0], // the later row wins: 0, no issue
    ]);
    expect(zero.settings.hourlyValue).toBe(0);
    expect(zero.issues).toEqual([]);
    expect(settingsOf([['hourly_value', '42,50 €']]).settings.hourlyValue).toBe(42.5);
    // Not a target: a French number, where a dot before three digits groups thousands (1 500 €).
    expect(settingsOf([['hourly_value', '1.500']]).settings.hourlyValue).toBe(1500);
    const negative = settingsOf([['hourly_value', '-5']]);
    expect(negative.settings.hourlyValue).toBe(0);
    expect(bad(negative.issues).map(([, , , m]) => m)).toEqual([
      'Paramètre « hourly_value = -5 » invalide : nombre ≥ 0',
    ]);
  });
});

describe('the club keys', () => {
  it('reads the language in French or English words, anything else reported', () => {
    const lang = (value: string) => settingsOf([['language', value]]).settings.language;
    expect(lang('fr')).toBe('fr');
    expect(lang('Français')).toBe('fr');
    expect(lang('french')).toBe('fr');
    expect(lang('EN')).toBe('en');
    expect(lang('anglais')).toBe('en');
    expect(lang('English')).toBe('en');
    expect(
      settingsOf([
        ['language', 'fr'],
        ['language', 'Auto'],
      ]).settings.language,
    ).toBe('auto');
    const wrong = settingsOf([['language', 'espagnol']]);
    expect(wrong.settings.language).toBe('auto');
    expect(bad(wrong.issues).map(([, , , m]) => m)).toEqual([
      'Paramètre « language = espagnol » invalide : auto, fr ou en',
    ]);
  });

  it('reads the default period, profile fields and KPI list as typed', () => {
    const { settings } = settingsOf([
      ['default_period', ' 2026-S1 '],
      ['profile_fields', ' phone, , bio ,linkedin'],
      ['enabled_kpis', 'nps; active_members  show_up_rate,'],
    ]);
    expect(settings.defaultPeriod).toBe('2026-S1');
    expect(settings.profileFields).toEqual(['phone', 'bio', 'linkedin']);
    expect(settings.enabledKpis).toEqual(['nps', 'active_members', 'show_up_rate']);
  });

  it('reads every KPI for « all », « Tous » or a list of separators only', () => {
    for (const all of ['all', 'Tous', 'TOUS', ', ;']) {
      const { settings } = settingsOf([
        ['enabled_kpis', 'nps'],
        ['enabled_kpis', all],
      ]);
      expect(settings.enabledKpis).toBeNull();
    }
  });

  it('reads yes/no keys, keeping the default on a value that is neither', () => {
    const { settings, issues } = settingsOf([
      ['leaderboard_public', 'non'],
      ['anonymous_surveys', 'oui'],
      ['palmares_edition', 'oui'],
      ['couleurs_reseau', 'oui'],
      ['inscrits_membres', 'oui'],
    ]);
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({
      leaderboardPublic: false,
      anonymousSurveys: true,
      editionLeaderboard: true,
      networkColours: true,
      signUpsAreMembers: true,
    });
    const english = settingsOf([
      ['edition_leaderboard', 'yes'],
      ['network_colors', 'yes'],
      ['signups_are_members', 'yes'],
    ]).settings;
    expect([english.editionLeaderboard, english.networkColours, english.signUpsAreMembers]).toEqual([
      true,
      true,
      true,
    ]);
    expect(settingsOf([['network_colours', 'oui']]).settings.networkColours).toBe(true);
    const wrong = settingsOf([
      ['leaderboard_public', 'peut-être'],
      ['anonymous_surveys', 'bof'],
      ['edition_leaderboard', '?'],
      ['network_colours', 'bientôt'],
      ['signups_are_members', 'plus tard'],
    ]);
    expect(wrong.settings).toMatchObject({
      leaderboardPublic: true,
      anonymousSurveys: false,
      editionLeaderboard: false,
      networkColours: false,
      signUpsAreMembers: false,
    });
    expect(bad(wrong.issues).map(([row, , , m]) => [row, (m as string).endsWith('oui/non attendu')])).toEqual(
      [
        [2, true],
        [3, true],
        [4, true],
        [5, true],
        [6, true],
      ],
    );
  });

  it('reads the edition message and the network id (cut to 100 characters)', () => {
    const { settings } = settingsOf([
      ['message_edition', '  Merci à tous !  '],
      ['id_reseau', `R-${'7'.repeat(120)}`],
    ]);
    expect(settings.editionMessage).toBe('Merci à tous !');
    expect(settings.networkId).toBe(`R-${'7'.repeat(98)}`);
    const en = settingsOf([
      ['edition_message', 'Thanks'],
      ['network_id', 'BNI-Lyon'],
    ]).settings;
    expect([en.editionMessage, en.networkId]).toEqual(['Thanks', 'BNI-Lyon']);
  });

  it('reads the board e-mails in lower case and reports at most three addresses that are not', () => {
    const ok = settingsOf([['Bureau (e-mails)', 'Anne@Club.fr; paul@club.fr']]);
    expect(ok.settings.boardEmails).toEqual(['anne@club.fr', 'paul@club.fr']);
    expect(ok.issues).toEqual([]);
    const { settings, issues } = settingsOf([['board_emails', 'anne@club.fr, paul, marie@, jean@club, zoé']]);
    expect(settings.boardEmails).toEqual(['anne@club.fr']);
    expect(bad(issues).map(([, , , m]) => m)).toEqual([
      'Paramètre « board_emails = anne@club.fr, paul, marie@, jean@club, zoé » invalide : adresses e-mail séparées par des virgules (pas une adresse : paul, marie@, jean@club)',
    ]);
  });

  it('hands renewal and automation keys to their readers, dates read as French dates', () => {
    const { settings, issues } = settingsOf([
      ['renouvellement_lien', 'https://club.fr/adhesion'],
      ['automatisation_depuis', '15/03/2026'],
      ['automation_since', sheetDate('2026-04-02')],
    ]);
    expect(issues).toEqual([]);
    expect(settings.renewal.link).toBe('https://club.fr/adhesion');
    expect(isoOf(settings.automation.since as number)).toBe('2026-04-02');
    const wrong = settingsOf([['automatisation_depuis', 'bientôt']]);
    expect(bad(wrong.issues).map(([, , , m]) => m)).toEqual([
      'Paramètre « automatisation_depuis = bientôt » invalide : date attendue',
    ]);
  });
});

describe('voice keys (issue 18)', () => {
  it('reads themes named after the first dot, with their keywords', () => {
    const { settings, issues } = settingsOf([
      ['Thème.Réseautage', 'contacts, business ; recommandations'],
      ['theme. Formation pro ', 'atelier\nformation'],
      ['theme.', 'a, b'], // row 4: no name
      ['theme.vide', ' ;, '], // row 5: no keyword
    ]);
    expect(settings.themes).toEqual([
      { name: 'Réseautage', keywords: ['contacts', 'business', 'recommandations'] },
      { name: 'Formation pro', keywords: ['atelier', 'formation'] },
    ]);
    expect(bad(issues).map(([row, , , m]) => [row, m])).toEqual([
      [
        4,
        'Paramètre « theme. = a, b » invalide : un nom après « theme. » et des mots-clés séparés par des virgules',
      ],
      [
        5,
        'Paramètre « theme.vide = ;, » invalide : un nom après « theme. » et des mots-clés séparés par des virgules',
      ],
    ]);
  });

  it('reads the survey lists and the last KPI review date', () => {
    const { settings, issues } = settingsOf([
      ['survey_workshops', 'Prospection; Réseaux sociais, Finance'],
      ['survey_kpis', 'nps,show_up_rate'],
      ['last_kpi_review', '05/01/2026'],
    ]);
    expect(issues).toEqual([]);
    expect(settings.surveyWorkshops).toEqual(['Prospection', 'Réseaux sociais', 'Finance']);
    expect(settings.surveyKpis).toEqual(['nps', 'show_up_rate']);
    expect(isoOf(settings.lastKpiReview!)).toBe('2026-01-05');
    const wrong = settingsOf([['last_kpi_review', 'janvier']]);
    expect(wrong.settings.lastKpiReview).toBeNull();
    expect(bad(wrong.issues).map(([, , , m]) => m)).toEqual([
      'Paramètre « last_kpi_review = janvier » invalide : date attendue (jj/mm/aaaa)',
    ]);
  });

  it('splits a list on semicolons, commas and line breaks, dropping blanks', () => {
    expect(settingList(' a ;; b,c\n\nd , ')).toEqual(['a', 'b', 'c', 'd']);
    expect(settingList(' ')).toEqual([]);
  });
});

describe('defaults and English reasons', () => {
  it('keeps the defaults of the keys a club did not set', () => {
    const { settings } = settingsOf([['club_name', 'Alpha']]);
    expect(settings).toMatchObject({
      editionMessage: '',
      networkId: '',
      surveyWorkshops: [],
      boardEmails: [],
      customKpis: [],
      customKpiLabels: {},
      themes: null,
      surveyKpis: null,
      lastKpiReview: null,
      logRetentionMonths: 24,
      signUpsAreMembers: false,
      editionLeaderboard: false,
      networkColours: false,
    });
  });

  it('gives every reason in English in an English workbook', () => {
    const { issues } = settingsOf(
      [
        ['leaderboard_public', 'maybe'], // 2
        ['automation_since', 'soon'], // 3
        ['language', 'spanish'], // 4
        ['fiscal_year_start_month', 13], // 5
        ['hourly_value', '-5'], // 6
        ['active_min_events', 0], // 7
        ['score_window_months', 37], // 8
        ['log_retention_months', 121], // 9
        ['board_emails', 'bob'], // 10
        ['theme.', 'price'], // 11
        ['last_kpi_review', 'january'], // 12
      ],
      'en',
    );
    expect(
      bad(issues).map(([row, , , m]) => [row, (m as string).replace(/^Invalid setting ".*": /, '')]),
    ).toEqual([
      [2, 'yes/no expected'],
      [3, 'date expected'],
      [4, 'auto, fr or en'],
      [5, 'month 1 to 12'],
      [6, 'number ≥ 0'],
      [7, 'whole number ≥ 1'],
      [8, 'whole number 1 to 36'],
      [9, 'whole number 1 to 120 (months)'],
      [10, 'e-mail addresses separated by commas (not an address: bob)'],
      [11, 'a name after "theme." and keywords separated by commas'],
      [12, 'date expected (dd/mm/yyyy)'],
    ]);
  });
});
