/**
 * The two languages (src/core/i18n.ts), hand-worked (issue 23): the language a spreadsheet locale
 * gives, placeholders filled (and left as typed when no value is given), a text picked in a language.
 */

import { describe, expect, it } from 'vitest';
import { fill, langOfLocale, pick } from '../../../src/core/i18n';

describe('langOfLocale', () => {
  it('reads French from every fr locale, whatever the case', () => {
    expect(langOfLocale('fr_FR')).toBe('fr');
    expect(langOfLocale('fr_CA')).toBe('fr');
    expect(langOfLocale('FR_be')).toBe('fr');
    expect(langOfLocale('fr')).toBe('fr');
  });

  it('reads English from every other locale, even one with fr inside', () => {
    expect(langOfLocale('en_US')).toBe('en');
    expect(langOfLocale('de_DE')).toBe('en');
    expect(langOfLocale('af_ZA')).toBe('en');
    expect(langOfLocale('')).toBe('en');
  });
});

describe('fill', () => {
  it('fills every placeholder with its value, numbers written out', () => {
    expect(fill('{n} membres sur {total} ({n})', { n: 12, total: 40 })).toBe('12 membres sur 40 (12)');
  });

  it('keeps a placeholder without a value as typed', () => {
    expect(fill('Bonjour {prenom}, {club}', { club: 'BNI Lyon' })).toBe('Bonjour {prenom}, BNI Lyon');
  });

  it('fills a value of 0 and an empty text', () => {
    expect(fill('{a}|{b}|', { a: 0, b: '' })).toBe('0||');
  });

  it('leaves braces that are no placeholder alone', () => {
    expect(fill('{} { a } {a-b} {x}', { x: 'ok', a: 'no' })).toBe('{} { a } {a-b} ok');
  });
});

describe('pick', () => {
  it('gives the text of the language asked', () => {
    const text = { fr: 'Adhésions', en: 'Memberships' };
    expect(pick(text, 'fr')).toBe('Adhésions');
    expect(pick(text, 'en')).toBe('Memberships');
  });
});
