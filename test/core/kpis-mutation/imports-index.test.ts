/**
 * The import entry point (src/core/imports/index.ts), hand-worked (issue 23): a file of blanks is
 * empty, a named source missing its columns is refused with every missing column quoted, and a
 * byte-order mark or empty cells left by the file reader do not hide a column.
 */

import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/core/imports';

const PAYMENTS = ['Référence commande', 'Statut du paiement', 'Type de campagne', 'Montant total'];

function attempt(rows: unknown[][], lang: 'fr' | 'en' = 'fr') {
  return planImport({
    rows: rows as string[][],
    fileName: 'export.csv',
    source: 'helloasso_payments',
    lang,
    locale: lang === 'fr' ? 'fr_FR' : 'en_GB',
    existing: { tabs: [] },
  });
}

describe('planImport', () => {
  it('finds a file of spaces and empty cells empty', () => {
    expect(attempt([['  ', ''], ['\t']])).toEqual({
      ok: false,
      message: 'Le fichier est vide : rien à importer.',
    });
    expect(attempt([[' '], []], 'en')).toEqual({
      ok: false,
      message: 'The file is empty: nothing to import.',
    });
  });

  it('quotes every column a named source misses', () => {
    expect(
      attempt([
        ['Référence commande', 'Montant total'],
        ['1', '2'],
      ]),
    ).toEqual({
      ok: false,
      message:
        'Ce fichier n’a pas les colonnes attendues d’un export HelloAsso — paiements : « Statut du paiement », « Type de campagne » manquante(s).',
    });
  });

  it('reads the first column through a byte-order mark and empty cells as blank', () => {
    const bom = attempt([
      [`\uFEFF${PAYMENTS[0]}`, ...PAYMENTS.slice(1)],
      ['1', null, undefined, ''],
    ]);
    expect(bom.ok).toBe(true);
    const marked = attempt([[`\uFEFF${PAYMENTS[1]}`, PAYMENTS[0], ...PAYMENTS.slice(2)]]);
    expect(marked.ok).toBe(true);
    expect(attempt([[], ['  ']])).toEqual({ ok: false, message: 'Le fichier est vide : rien à importer.' });
    const nothing = attempt([[null, undefined], [null]]);
    expect(nothing).toEqual({ ok: false, message: 'Le fichier est vide : rien à importer.' });
  });
});
