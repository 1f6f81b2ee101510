// Workbooks saved by other tools open (issue 14, item 10): openpyxl stores notes under
// xl/comments/, where ExcelJS does not look, and ExcelJS failed on them ("damaged"). Fixtures and
// their making: test/fixtures/workbooks/README.md.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../../src/local/workbook/xlsx';

const fixture = (name: string) => join(__dirname, '../../fixtures/workbooks', name);

describe.each(['openpyxl-notes.xlsx', 'libreoffice-notes.xlsx'])('%s, with a note', (file) => {
  it('opens with its cells and its note', async () => {
    const model = await loadWorkbook(fixture(file));
    const members = model.sheets.find((s) => s.name === 'Membres')!;
    expect(members.values.slice(0, 3)).toEqual([
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Statut'],
      ['M1', 'Alice', 'Martin', 'alice@example.org', '15/01/2026', 'actif'],
      ['M2', 'Bruno', 'Durand', 'bruno@example.org', '02/02/2026', 'actif'],
    ]);
    expect(members.notes.get('1,1')).toBe('Présidente du club');
  });
});

describe('a note stored by another tool with an escaped carriage return', () => {
  it('reads `_x000D_` back as the carriage return it stands for', async () => {
    const JSZip = (await import('jszip')).default;
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const zip = await JSZip.loadAsync(readFileSync(fixture('openpyxl-notes.xlsx')));
    const part = Object.keys(zip.files).find((p) => p.startsWith('xl/comments/'))!;
    const xml = await zip.file(part)!.async('string');
    expect(xml).toContain('Présidente du club');
    zip.file(part, xml.replace('Présidente du club', 'Présidente_x000D_\ndu club _x005F_x0041_'));
    const file = join(mkdtempSync(join(tmpdir(), 'cp-note-')), 'cr.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const members = (await loadWorkbook(file)).sheets.find((s) => s.name === 'Membres')!;
    expect(members.notes.get('1,1')).toBe('Présidente\r\ndu club _x0041_');
  });
});
