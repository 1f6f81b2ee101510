/**
 * Export files in UTF-16 (issue 14): Excel's « Texte Unicode » and some exports are UTF-16, with or
 * without a byte order mark. They are recognised (BOM or the pattern of zero bytes of mostly-ASCII
 * text) and decoded with TextDecoder — not blamed on their headers. UTF-8 (with or without BOM) and
 * Windows-1252 still read as before.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, planImport } from '../../../src/core/imports';
import { decodeExport } from '../../../src/core/imports/encoding';
import { readExportFile } from '../../../src/local/import-file';

const TEXT =
  'Horodateur\tRecommanderiez-vous ce réseau à un proche ?\tCommentaire\r\n10/03/2026 18:00:01\t9\tTrès bien — merci 👍\r\n';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const bytes = bigEndian ? Buffer.from(le).swap16() : le;
  const mark = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes);
}

describe('decodeExport', () => {
  it.each([
    ['UTF-16LE with BOM', utf16(TEXT, false, true), 'utf-16le'],
    ['UTF-16LE without BOM', utf16(TEXT, false, false), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(TEXT, true, true), 'utf-16be'],
    ['UTF-16BE without BOM', utf16(TEXT, true, false), 'utf-16be'],
    ['UTF-8 with BOM', new Uint8Array(Buffer.from(`\uFEFF${TEXT}`, 'utf8')), 'utf-8'],
    ['UTF-8', new Uint8Array(Buffer.from(TEXT, 'utf8')), 'utf-8'],
  ])('reads %s', (_, bytes, encoding) => {
    const decoded = decodeExport(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(TEXT);
  });

  it('reads Windows-1252 as older Excel saves it', () => {
    const bytes = new Uint8Array(Buffer.from('Nom;Prénom\r\nLéa;Zoé\r\n', 'latin1'));
    expect(decodeExport(bytes)).toEqual({ text: 'Nom;Prénom\r\nLéa;Zoé\r\n', encoding: 'windows-1252' });
  });

  it('gives a UTF-16 Google Forms export to the import as its columns, not as bad headers', () => {
    const rows = parseCsvText(decodeExport(utf16(TEXT, false, false)).text);
    expect(rows[0]).toEqual(['Horodateur', 'Recommanderiez-vous ce réseau à un proche ?', 'Commentaire']);
    const result = planImport({
      rows,
      fileName: 'Enquête (réponses).csv',
      lang: 'fr',
      locale: 'fr_FR',
      existing: { tabs: [] },
    });
    expect(result.ok && result.plan.source).toBe('google_forms');
  });
});

describe('club-pulse import reads a UTF-16 file', () => {
  it('as text with its accents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-utf16-'));
    const path = join(dir, 'export.csv');
    writeFileSync(path, utf16(TEXT, false, true));
    const file = await readExportFile(path, 'fr_FR');
    expect(file.text).toBe(TEXT);
  });
});
