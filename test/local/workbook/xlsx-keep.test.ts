/**
 * What a save must keep of a club's tracking tab (issue 14, item 9): hidden rows and columns, the
 * file's own sheet protection, and carriage returns in text, through a load and a save (what a
 * refresh does to tracking tabs) and a load again. The source file is written the way Excel writes
 * it: a carriage return is escaped as `_x000D_` in the shared strings (ECMA-376 Part 1, §22.9.2.19
 * ST_Xstring), or as the character reference `&#13;` (as lxml-based tools write it).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook, saveWorkbook } from '../../../src/local/workbook/xlsx';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'club-pulse-keep-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A "Membres" tab with row 3 and column C hidden, protected, and texts with CR LF. */
async function clubFile(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Membres');
  ws.getRow(1).values = ['Nom', 'Adresse', 'Secret', 'Note'];
  ws.getRow(2).values = ['Alice', 'CRLF-MARK', 'x', 'CR-REF-MARK'];
  ws.getRow(3).values = ['Bob', 'ligne', 'y', 'a_x0041_b'];
  ws.getRow(3).hidden = true;
  ws.getColumn(3).hidden = true;
  await ws.protect('secret', { formatColumns: true, insertRows: true, spinCount: 1000 });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  // Rewrite the marks the way Excel and lxml write a carriage return, and escape the literal
  // "_x0041_" the way Excel does (its underscore as _x005F_).
  const zip = await JSZip.loadAsync(buffer);
  let sst = await zip.file('xl/sharedStrings.xml')!.async('string');
  sst = sst
    .replace('CRLF-MARK', 'rue A_x000D_\nBât. B')
    .replace('CR-REF-MARK', 'un&#13;deux')
    .replace('a_x0041_b', 'a_x005F_x0041_b');
  zip.file('xl/sharedStrings.xml', sst);
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('a save keeps what the club set on a tracking tab', () => {
  it('keeps hidden rows and columns, sheet protection and carriage returns', async () => {
    const source = join(dir, 'club.xlsx');
    await clubFile(source);
    const loaded = await loadWorkbook(source);
    const membres = loaded.sheets[0];
    expect(membres.values[1][1]).toBe('rue A\r\nBât. B');
    expect(membres.values[1][3]).toBe('un\rdeux');
    expect(membres.values[2][3]).toBe('a_x0041_b');

    const saved = join(dir, 'saved.xlsx');
    await saveWorkbook(loaded, saved, { sourcePath: source });
    const back = await loadWorkbook(saved);
    expect(back.sheets[0].values).toEqual(membres.values);

    // Read both files with another reader too.
    const read = async (path: string): Promise<ExcelJS.Worksheet & { sheetProtection: unknown }> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
      return wb.getWorksheet('Membres') as ExcelJS.Worksheet & { sheetProtection: unknown };
    };
    const ws = await read(saved);
    expect(ws.getRow(3).hidden).toBe(true);
    expect(ws.getRow(2).hidden).toBe(false);
    expect(ws.getColumn(3).hidden).toBe(true);
    expect(ws.getColumn(2).hidden).toBe(false);
    const protection = (await read(source)).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatColumns: true, insertRows: true, spinCount: 1000 });
    expect((protection as { hashValue?: string }).hashValue).toBeTruthy();
    expect(ws.sheetProtection).toEqual(protection);
    // Saved again, unchanged.
    const again = join(dir, 'again.xlsx');
    await saveWorkbook(back, again);
    expect((await read(again)).sheetProtection).toEqual(protection);
    expect((await loadWorkbook(again)).sheets[0]).toEqual(back.sheets[0]);
  });
});
