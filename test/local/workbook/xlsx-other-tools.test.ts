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
