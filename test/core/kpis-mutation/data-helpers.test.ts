/**
 * The two functions of the data tables (issue 23: schema.ts and imports/messages.ts): plural marks
 * resolved by count, and a tab's spec by key.
 */

import { describe, expect, it } from 'vitest';
import { plural, say } from '../../../src/core/imports/messages';
import { type TabKey, tabSpec } from '../../../src/core/schema';

describe('plural marks', () => {
  it('« (s) » and « (es) » kept above one, dropped at one and zero', () => {
    expect(plural('1 ligne(s) ajoutée(s)', 1)).toBe('1 ligne ajoutée');
    expect(plural('0 ligne(s)', 0)).toBe('0 ligne');
    expect(plural('3 ligne(s) ajoutée(s)', 3)).toBe('3 lignes ajoutées');
    expect(plural('2 box(es), 2 tab(s)', 2)).toBe('2 boxes, 2 tabs');
    expect(plural('1 box(es)', 1)).toBe('1 box');
    // Other brackets are left alone.
    expect(plural('2 (x) (ss)', 2)).toBe('2 (x) (ss)');
  });

  it('a sentence in each language', () => {
    expect(say('fr', 'emptyFile')).toBe('Le fichier est vide : rien à importer.');
    expect(say('en', 'emptyFile')).toBe('The file is empty: nothing to import.');
  });
});

describe('a tab’s spec', () => {
  it('by its key, and an unknown key is a programming error named as such', () => {
    expect(tabSpec('members').name.fr).toBe('Membres');
    expect(() => tabSpec('nope' as TabKey)).toThrow('Unknown tab nope');
  });
});
