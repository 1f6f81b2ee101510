/**
 * The CSV reader (src/core/imports/csv.ts), hand-worked (issue 23): the separator guessed from the
 * first record with content (quoted separators, blank lines and a BOM before it ignored), ties and
 * one-column files read with `,`, blank lines kept inside the file and dropped at its end.
 */

import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../src/core/imports/csv';

describe('the separator', () => {
  it('is the most frequent of `;`, `,` and tab on the first record', () => {
    // HelloAsso: two `;` against one `,` inside a label.
    expect(parseCsvText('Nom;Prénom;Je viens seul(e), et…\nDurand;Bob;oui\n')).toEqual([
      ['Nom', 'Prénom', 'Je viens seul(e), et…'],
      ['Durand', 'Bob', 'oui'],
    ]);
    // Tabs (Excel « Texte Unicode »): two tabs against one `;`.
    expect(parseCsvText('a\tb;c\td\n1\t2;3\t4')).toEqual([
      ['a', 'b;c', 'd'],
      ['1', '2;3', '4'],
    ]);
  });

  it('is decided by the first record alone, whatever the lines below hold', () => {
    // One `;` on the header; the comment below has three commas, read as text.
    expect(parseCsvText('Nom;Commentaire\nDurand;Bien, très bien, merci, à bientôt\n')).toEqual([
      ['Nom', 'Commentaire'],
      ['Durand', 'Bien, très bien, merci, à bientôt'],
    ]);
    // Same with CR line ends (old Mac Excel).
    expect(parseCsvText('Nom;Commentaire\rDurand;Bien, très bien, merci, à bientôt\r')).toEqual([
      ['Nom', 'Commentaire'],
      ['Durand', 'Bien, très bien, merci, à bientôt'],
    ]);
  });

  it('ignores separators inside quotes, even across a newline in a quoted cell', () => {
    // The first record has one `,` outside quotes and three `;` inside them (one after a newline).
    expect(parseCsvText('"Années ; 2020 ; 2019\nou ; plus",x\n"a;b",y\n')).toEqual([
      ['Années ; 2020 ; 2019\nou ; plus', 'x'],
      ['a;b', 'y'],
    ]);
  });

  it('is read on the first record with content, past blank lines and a BOM', () => {
    // Blank lines first (CRLF): the `;` record decides; the blank lines stay as empty rows.
    expect(parseCsvText('\uFEFF\r\n  \r\nNom;Montant\r\nDurand;45,00\r\n')).toEqual([
      [''],
      ['  '],
      ['Nom', 'Montant'],
      ['Durand', '45,00'],
    ]);
    // A first line of text without separators (a key/value report's title) does not decide:
    // the next one does.
    expect(parseCsvText('Campaign Report\n"Title:";"Lettre, mars"\n')).toEqual([
      ['Campaign Report'],
      ['Title:', 'Lettre, mars'],
    ]);
  });

  it('is `,` for a one-column file, and the earlier of `;`, `,`, tab on a tie', () => {
    // No separator anywhere: one column.
    expect(parseCsvText('Nom\nDurand\nLéa\n')).toEqual([['Nom'], ['Durand'], ['Léa']]);
    // A first line without separator does not decide: the second line's `;` does.
    expect(parseCsvText('Nom\nDurand;Bob\n')).toEqual([['Nom'], ['Durand', 'Bob']]);
    // One `;` and one `,`: a tie keeps the first one counted, `;`.
    expect(parseCsvText('a;b,c\n')).toEqual([['a', 'b,c']]);
    // A pipe is no separator here.
    expect(parseCsvText('Nom|Prénom\nDurand|Bob\n')).toEqual([['Nom|Prénom'], ['Durand|Bob']]);
    // One `,` and one tab: `,`.
    expect(parseCsvText('a\tb,c\n')).toEqual([['a\tb', 'c']]);
  });
});

describe('rows', () => {
  it('gives nothing for an empty or blank text', () => {
    expect(parseCsvText('')).toEqual([]);
    expect(parseCsvText('\uFEFF')).toEqual([]);
    expect(parseCsvText(' \r\n \n')).toEqual([]);
    // An empty sheet saved by Excel: separators only.
    expect(parseCsvText(';;;\r\n;;;\r\n')).toEqual([]);
  });

  it('keeps blank lines inside the file (line numbers match) and drops them at its end', () => {
    expect(parseCsvText('Nom,Prénom\n\nDurand,Bob\n,\n\n')).toEqual([
      ['Nom', 'Prénom'],
      [''],
      ['Durand', 'Bob'],
    ]);
  });

  it('keeps the BOM only when it is not the first character', () => {
    expect(parseCsvText('\uFEFFRéférence commande;Montant\n1;2')[0][0]).toBe('Référence commande');
    expect(parseCsvText('x;\uFEFFy\n')[0][1]).toBe('\uFEFFy');
  });
});
