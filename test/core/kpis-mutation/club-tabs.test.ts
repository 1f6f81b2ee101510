/** The language of a club's run (src/core/club-tabs.ts): Settings first, else the locale (issue 23). */

import { describe, expect, it } from 'vitest';
import { languageOf, readClubTabs } from '../../../src/core/club-tabs';
import { defaultSettings } from '../../../src/core/settings';

describe('languageOf and readClubTabs', () => {
  it('takes the language Settings names over the spreadsheet locale, and the locale otherwise', () => {
    expect(languageOf({ ...defaultSettings(), language: 'en' }, 'fr_FR')).toBe('en');
    expect(languageOf({ ...defaultSettings(), language: 'fr' }, 'en_GB')).toBe('fr');
    expect(languageOf(defaultSettings(), 'fr_CA')).toBe('fr');
    expect(languageOf(defaultSettings(), 'de_DE')).toBe('en');
    const read = readClubTabs(
      [
        {
          name: 'Paramètres',
          values: [
            ['Clé', 'Valeur'],
            ['language', 'anglais'],
          ],
        },
      ],
      'fr_FR',
      'Europe/Paris',
    );
    expect([read.lang, read.settings.language, read.issues.lang]).toEqual(['en', 'en', 'en']);
  });
});
