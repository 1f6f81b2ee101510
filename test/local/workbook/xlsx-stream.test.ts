/**
 * The streaming reader (issue 21) gives the very model ExcelJS's in-memory reader gave: on every
 * fixture of test/fixtures/workbooks/, on the demo club (messy, notes, validations, formats on a
 * thousand rows), on an English demo made by the CLI, and on a workbook with what a club or another
 * tool may put in a tab (merges with values under them, hidden rows and columns, protection,
 * carriage returns, shared and array formulas, dates in the 1904 system, styled empty cells, inline
 * strings, cells without an address). A workbook with hyperlinks is left to the in-memory reader.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, type WorkbookModel } from '../../../src/local/workbook/model';
import { snapshotOf } from '../../../src/local/workbook/sheet-snapshot';
import { loadWorkbook, loadWorkbookFromBuffer } from '../../../src/local/workbook/xlsx';
import { sheetRefs } from '../../../src/local/workbook/xlsx-merge';
import { textOf } from '../../../src/local/workbook/zip-parts';

const root = join(__dirname, '../../..');
const fixtures = join(root, 'test/fixtures/workbooks');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'club-pulse-stream-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Both readers' models. The streaming one also notes what each sheet part refers to in the shared
 * tables, for a later save (the in-memory one leaves that to the save): checked here against what
 * the save would read from the part itself, then left out of the comparison.
 */
async function bothReaders(path: string) {
  const memory = await loadWorkbook(path, { reader: 'memory' });
  const streaming = await loadWorkbook(path, { reader: 'streaming' });
  const zip = await JSZip.loadAsync(await readFile(path));
  for (const sheet of streaming.source?.sheets ?? []) {
    const xml = await zip.file(sheet.part)!.async('string');
    const { strings, maxStyle } = sheetRefs(xml);
    expect(sheet.refs, sheet.part).toEqual({ strings, maxStyle, metadata: /\s(?:cm|vm)="/.test(xml) });
    delete sheet.refs;
  }
  // The streaming reader defers a tab's formats and does not copy them at load (lazy-styles.ts):
  // its snapshot leaves them out where the in-memory reader's copies the maps. The formats
  // themselves are compared with the models.
  withoutStylesSnapshot(memory, streaming);
  return { memory, streaming };
}

/** Both models' snapshots without their formats' part (see bothReaders). */
function withoutStylesSnapshot(...models: WorkbookModel[]): void {
  for (const model of models) for (const sheet of model.source?.sheets ?? []) sheet.snapshot.styles = null;
}

describe('the streaming reader gives the in-memory reader’s model', () => {
  it('on every fixture workbook', async () => {
    // excel-values.xlsx has a hyperlink: the streaming reader leaves it to the in-memory one (below).
    const files = (await readdir(fixtures)).filter((f) => f.endsWith('.xlsx') && f !== 'excel-values.xlsx');
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const { memory, streaming } = await bothReaders(join(fixtures, file));
      if (file === 'tracking-tab-libreoffice.xlsx') {
        // LibreOffice writes xsd:boolean as words (`<sheetProtection sheet="true" formatColumns="false"/>`):
        // ExcelJS 4.4 only knows '1' and '0' and sees no protection; the skeleton reader sees it.
        const members = streaming.sheets.find((s) => s.name === 'Membres')!;
        expect(members.sheetProtection).toEqual({ sheet: true, formatColumns: true });
        expect(memory.sheets.find((s) => s.name === 'Membres')!.sheetProtection).toBeNull();
        members.sheetProtection = null;
        // Without it, the sheet's snapshot is the in-memory reader's.
        const entry = streaming.source!.sheets.find((s) => s.name === 'Membres')!;
        entry.snapshot = { ...snapshotOf(members), styles: null };
      }
      expect(streaming, file).toEqual(memory);
    }
  });

  it('on the demo club, and the default reader is the streaming one', async () => {
    const path = join(root, 'examples/demo-club.xlsx');
    const { memory, streaming } = await bothReaders(path);
    expect(streaming).toEqual(memory);
    const byDefault = await loadWorkbook(path);
    for (const sheet of byDefault.source?.sheets ?? []) delete sheet.refs;
    withoutStylesSnapshot(byDefault);
    expect(byDefault).toEqual(memory);
    // Not a trivial equality: the demo has notes, validations, formats and thousands of values.
    const members = streaming.sheets.find((s) => s.name === 'Membres')!;
    expect(members.values.length).toBeGreaterThan(100);
    expect(members.notes.size).toBeGreaterThan(0);
    expect(members.validations.size).toBeGreaterThan(0);
    expect(members.numberFormats.size).toBeGreaterThan(0);
  });

  it('on an English demo club made by the CLI', async () => {
    const path = join(dir, 'demo-en.xlsx');
    execFileSync(
      process.execPath,
      [join(root, 'bin/club-pulse.mjs'), 'init', path, '--demo', '--lang', 'en'],
      {
        encoding: 'utf8',
      },
    );
    const { memory, streaming } = await bothReaders(path);
    expect(streaming).toEqual(memory);
    expect(streaming.sheets.some((s) => s.name === 'Members')).toBe(true);
  });

  it('on a tab with merges, hidden rows, protection, CR, shared formulas, 1904 dates and odd cells', async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet('Membres', { properties: { tabColor: { argb: 'FFFF0000' } } });
    ws.getRow(1).values = ['Nom', 'Date', 'Montant', 'Double', 'Note'];
    ws.getRow(2).values = ['Alice', new Date(Date.UTC(2026, 0, 15)), 12.5, null, 'CRLF-MARK'];
    ws.getRow(3).values = ['Bob', new Date(Date.UTC(2026, 1, 2, 13, 30)), 7, null, 'x'];
    ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    ws.getCell('B3').numFmt = 'dd/mm/yyyy hh:mm';
    ws.getCell('D2').value = {
      formula: 'C2*2',
      result: 25,
      shareType: 'shared',
      ref: 'D2:D3',
    } as ExcelJS.CellValue;
    ws.getCell('D3').value = { sharedFormula: 'D2', result: 14 };
    ws.getCell('F1').value = {
      formula: 'SUM(C2:C3)',
      result: 19.5,
      shareType: 'array',
      ref: 'F1',
    } as ExcelJS.CellValue;
    ws.getCell('A1').font = { bold: true, color: { argb: 'FF1A73E8' }, size: 14 };
    ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    ws.getCell('E2').alignment = { wrapText: true, horizontal: 'center' };
    ws.getCell('G5').numFmt = '0.00%';
    ws.getCell('A4').value = 'merged master';
    ws.getCell('B4').value = 'under the merge';
    ws.mergeCells('A4:C5');
    ws.getCell('A2').note = 'Présidente';
    ws.getCell('H6').value = 'row 6';
    ws.getRow(3).hidden = true;
    ws.getColumn(3).hidden = true;
    ws.getColumn(1).width = 30;
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
    ws.getCell('E3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"oui,non"'] };
    await ws.protect('secret', { formatColumns: true });
    wb.addWorksheet('Cachée', { state: 'hidden' }).getCell('A1').value = true;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    let sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    sst = sst.replace('CRLF-MARK', 'rue A_x000D_\nBât. B &amp; co');
    zip.file('xl/sharedStrings.xml', sst);
    // An inline string in rich runs, a formula string, and a cell without its address.
    const path = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(path)!.async('string');
    const patched = xml.replace(
      /(<row r="6"[^>]*>)/,
      '$1<c r="A6" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve">line </t></r></is></c>' +
        '<c r="B6" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c>',
    );
    expect(patched).toContain('inlineStr');
    zip.file(path, patched);
    const file = join(dir, 'odd.xlsx');
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));

    const { memory, streaming } = await bothReaders(file);
    expect(streaming).toEqual(memory);
    const s = streaming.sheets[0];
    expect(s.values[1][4]).toBe('rue A\r\nBât. B & co');
    expect(s.formulas.get(cellKey(2, 3))).toBe('=C3*2');
    expect(s.values[3]).toEqual(['merged master']);
    expect(s.values[5]).toEqual(['inline ', 'ab', true, '#REF!', '', '', '', 'row 6']);
    expect([...s.hiddenRows]).toEqual([3]);
    expect(s.hiddenColumns.has(3)).toBe(true);
    expect(s.sheetProtection?.sheet).toBeTruthy();
    expect(streaming.sheets[1].hidden).toBe(true);
  });

  it('leaves a workbook with hyperlinks to the in-memory reader', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { text: 'Club site', hyperlink: 'https://example.org' };
    ws.getCell('A2').value = 3;
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const model = await loadWorkbookFromBuffer(data);
    expect(model).toEqual(await loadWorkbookFromBuffer(data, { reader: 'memory' }));
    expect(model.sheets[0].values).toEqual([['Club site'], [3]]);
    await expect(loadWorkbookFromBuffer(data, { reader: 'streaming' })).rejects.toThrow(/hyperlinks/);
  });

  it('inflates a part the same way natively at once, natively streamed, stored, and through JSZip', async () => {
    // Multi-byte characters across the 64 KB chunk boundaries, in a part far larger than a chunk.
    const text = `<x>${'été ☕ 𝄞 '.repeat(60_000)}</x>`;
    const source = new JSZip();
    // As bytes: JSZip's own string encoder splits surrogate pairs at its chunk boundaries.
    source.file('deflated.xml', Buffer.from(text), { compression: 'DEFLATE' });
    source.file('stored.xml', Buffer.from(text), { compression: 'STORE' });
    const zip = await JSZip.loadAsync(await source.generateAsync({ type: 'uint8array' }));
    const read = async (path: string, atOnce?: number, expected = text): Promise<string> => {
      let out = '';
      for await (const piece of textOf(zip.file(path)!, atOnce)) out += piece;
      // Compared here, so that a failure does not print megabytes.
      return out === expected ? 'same' : `differs (${out.length} chars for ${expected.length})`;
    };
    expect(await read('deflated.xml')).toBe('same');
    expect(await read('deflated.xml', 0)).toBe('same');
    expect(await read('stored.xml')).toBe('same');
    expect(await read('stored.xml', 0)).toBe('same');
    // A part replaced in the archive is no longer as stored: JSZip's own stream reads it.
    zip.file('deflated.xml', Buffer.from(`${text}<y/>`));
    expect(await read('deflated.xml', undefined, `${text}<y/>`)).toBe('same');
  });
});
