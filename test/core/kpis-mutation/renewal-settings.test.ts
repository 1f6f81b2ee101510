/**
 * The renewal settings (src/core/renewal-settings.ts), hand-worked where test/core/renewal.test.ts
 * leaves room (issue 23): the link pattern's anchors, a link without a path, the 2,000-character
 * bound, an unreadable yes/no, a non-whole number, the bounds of the number of weeks, and the
 * English messages.
 */

import { describe, expect, it } from 'vitest';
import { isRenewalLink } from '../../../src/core/renewal-settings';
import { defaultSettings } from '../../../src/core/settings';
import { issues, run, tab } from '../fixtures';

const settings = (rows: unknown[][], locale = 'fr_FR') =>
  run([tab('Paramètres', ['Clé', 'Valeur'], rows)], { locale });

describe('isRenewalLink', () => {
  it('takes a whole link with or without a path, and nothing around it', () => {
    expect(isRenewalLink('https://club.fr')).toBe(true);
    expect(isRenewalLink('https://club.fr/renouveler')).toBe(true);
    expect(isRenewalLink('voir https://club.fr')).toBe(false);
    expect(isRenewalLink('https://club.fr/a b')).toBe(false);
    // What follows the host starts with /, ? or #: no user-info trick sending the member elsewhere.
    expect(isRenewalLink('https://club.fr@autre.example')).toBe(false);
  });

  it('is at most 2,000 characters long', () => {
    const link = (n: number) => `https://club.fr/${'a'.repeat(n - 'https://club.fr/'.length)}`;
    expect(isRenewalLink(link(2000))).toBe(true);
    expect(isRenewalLink(link(2001))).toBe(false);
  });
});

describe('readRenewalSetting', () => {
  it('keeps the default on an unreadable yes/no, and takes 26 weeks but not 27 nor 2.5', () => {
    expect(settings([['renouvellement', 'peut-être']]).settings.renewal.on).toBe(false);
    expect(settings([['renouvellement_semaines_avant', 26]]).settings.renewal.weeksBefore).toBe(26);
    for (const weeks of [27, 2.5]) {
      const report = settings([['renouvellement_semaines_avant', weeks]]);
      expect(report.settings.renewal).toEqual(defaultSettings().renewal);
      expect(issues(report, 'bad_setting').map((i) => i.message)).toEqual([
        expect.stringMatching(/entier de 1 à 26/),
      ]);
    }
  });

  it('reports in English in an English workbook', () => {
    const report = settings(
      [
        ['renewal_link', 'javascript:alert(1)'],
        ['renewal_reminder_days', 91],
      ],
      'en_GB',
    );
    expect(issues(report, 'bad_setting').map((i) => i.message)).toEqual([
      expect.stringMatching(/http:\/\/ or https:\/\/ link expected/),
      expect.stringMatching(/whole number 0 to 90/),
    ]);
  });
});
