/**
 * The xlsx loader against files it did not write: parts it cannot keep (images, charts, macros)
 * are listed and forbid overwriting in place, a workbook without the metadata tab gets defaults,
 * value kinds other tools write (rich text, hyperlinks, errors, shared formulas, inline strings)
 * read as Sheets would give them, and bad files give a WorkbookFileError with a clear sentence.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cellKey,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  META_SHEET_NAME,
  newSheetModel,
  newWorkbookModel,
} from '../../../src/local/workbook/model';
import {
  canOverwriteInPlace,
  loadWorkbook,
  loadWorkbookFromBuffer,
  saveWorkbook,
  WorkbookFileError,
} from '../../../src/local/workbook/xlsx';
import { EXCEL_CELL_CHAR_LIMIT } from '../../../src/local/workbook/xlsx-meta';
import { unkeptPartNames } from '../../../src/local/workbook/xlsx-parts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'club-pulse-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('parts ExcelJS cannot keep', () => {
  it('detects an image and refuses to overwrite the source', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Logo');
    ws.getCell('A1').value = 'club';
    const imageId = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(imageId, { tl: { col: 1, row: 1 }, ext: { width: 10, height: 10 } });
    const file = join(dir, 'image.xlsx');
    await writeFile(file, await bytes(wb));

    const model = await loadWorkbook(file);
    expect(model.unkeptParts).toEqual(['images']);
    const verdict = canOverwriteInPlace(model);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/^The workbook holds images .*\.$/);

    const before = await readFile(file);
    await expect(saveWorkbook(model, file, { sourcePath: file })).rejects.toThrow(WorkbookFileError);
    expect(Buffer.compare(before, await readFile(file))).toBe(0);
    // Saving elsewhere is fine, and the copy no longer has the image.
    const out = join(dir, 'image-out.xlsx');
    await saveWorkbook(model, out, { sourcePath: file });
    const copy = await loadWorkbook(out);
    expect(copy.unkeptParts).toEqual([]);
    expect(copy.sheets[0].values).toEqual([['club']]);
  });

  it('detects charts, pivot tables and macros added to the package', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const zip = await JSZip.loadAsync(await bytes(wb));
    zip.file(
      'xl/charts/chart1.xml',
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    zip.file('xl/drawings/drawing1.xml', '<xdr:wsDr xmlns:xdr="x"/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    zip.file('xl/vbaProject.bin', 'macro');
    const model = await loadWorkbookFromBuffer(await zip.generateAsync({ type: 'uint8array' }));
    expect(model.unkeptParts).toEqual(['charts', 'macros', 'pivot tables']);
    expect(canOverwriteInPlace(model).ok).toBe(false);
  });

  it('names every kind of part', () => {
    expect(
      unkeptPartNames([
        'xl/chartsheets/sheet1.xml',
        'xl/slicers/slicer1.xml',
        'xl/externalLinks/externalLink1.xml',
        'xl/drawings/drawing1.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/worksheets/sheet1.xml',
      ]),
    ).toEqual(['chart sheets', 'drawings', 'external links', 'slicers']);
    expect(unkeptPartNames(['xl/drawings/vmlDrawing1.vml', 'xl/comments1.xml'])).toEqual([]);
  });

  it('charts kept in our own metadata are not unkept', async () => {
    const model = newWorkbookModel();
    const sheet = newSheetModel(1, 'S');
    sheet.charts.push({
      chartId: 1,
      type: 'PIE',
      ranges: ['S!A1:B3'],
      anchorRow: 1,
      anchorColumn: 1,
      offsetX: 0,
      offsetY: 0,
      options: {},
    });
    model.sheets.push(sheet);
    const file = join(dir, 'own-chart.xlsx');
    await saveWorkbook(model, file);
    const back = await loadWorkbook(file);
    expect(back.sheets[0].charts).toEqual(sheet.charts);
    expect(canOverwriteInPlace(back)).toEqual({ ok: true });
    await saveWorkbook(back, file, { sourcePath: file });
  });
});

describe('metadata tab', () => {
  it('is split over several cells, each below the Excel limit, when the JSON is long', async () => {
    const model = newWorkbookModel({ name: 'Big meta' });
    for (let i = 0; i < 2000; i++) model.meta.documentProperties[`key${i}`] = `value ${i} ${'é'.repeat(20)}`;
    model.sheets.push(newSheetModel(1, 'S'));
    model.meta.nextSheetId = 2;
    const file = join(dir, 'big-meta.xlsx');
    await saveWorkbook(model, file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const meta = wb.getWorksheet(META_SHEET_NAME);
    expect(meta?.state).toBe('veryHidden');
    const chunks: string[] = [];
    meta?.getColumn(1).eachCell((cell) => {
      chunks.push(String(cell.value));
    });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(EXCEL_CELL_CHAR_LIMIT);
    expect(chunks.join('').length).toBeGreaterThan(EXCEL_CELL_CHAR_LIMIT);

    const back = await loadWorkbook(file);
    expect(back.meta).toEqual(model.meta);
    expect(back.sheets.map((s) => s.name)).toEqual(['S']);
  });

  it('a workbook without it gets the defaults and sheet ids in order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('First').getCell('A1').value = 'a';
    wb.addWorksheet('Second').getCell('B2').value = 2;
    const model = await loadWorkbookFromBuffer(await bytes(wb));
    const defaults = newWorkbookModel().meta;
    expect(model.meta).toEqual({ ...defaults, nextSheetId: 3 });
    expect(model.meta.locale).toBe('fr_FR');
    expect(model.meta.timeZone).toBe('Europe/Paris');
    expect(model.sheets.map((s) => [s.sheetId, s.name])).toEqual([
      [1, 'First'],
      [2, 'Second'],
    ]);
  });

  it('a tab added by another tool gets a fresh id', async () => {
    const model = newWorkbookModel();
    model.sheets.push(newSheetModel(4, 'Known'));
    model.meta.nextSheetId = 5;
    const file = join(dir, 'added-tab.xlsx');
    await saveWorkbook(model, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.addWorksheet('Added');
    const back = await loadWorkbookFromBuffer(await bytes(wb));
    expect(back.sheets.map((s) => [s.sheetId, s.name])).toEqual([
      [4, 'Known'],
      [5, 'Added'],
    ]);
    expect(back.meta.nextSheetId).toBe(6);
  });
});

describe('grid size', () => {
  it('a small sheet has the default 1000 × 26 grid', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('C3').value = 'x';
    const model = await loadWorkbookFromBuffer(await bytes(wb));
    expect(model.sheets[0].maxRows).toBe(DEFAULT_ROWS);
    expect(model.sheets[0].maxColumns).toBe(DEFAULT_COLUMNS);
  });

  it('a bigger sheet is as big as its data', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell(1200, 1).value = 1;
    ws.getCell(1, 30).value = 2; // AD1
    const model = await loadWorkbookFromBuffer(await bytes(wb));
    expect(model.sheets[0].maxRows).toBe(1200);
    expect(model.sheets[0].maxColumns).toBe(30);
    expect(model.sheets[0].values.length).toBe(1200);
  });
});

describe('values written by other tools', () => {
  it('reads rich text, hyperlinks, errors, shared formulas and inline strings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: 'Hello ', font: { bold: true } }, { text: 'world' }] };
    ws.getCell('A2').value = { text: 'Club site', hyperlink: 'https://example.org' };
    ws.getCell('A3').value = { error: '#DIV/0!' };
    ws.getCell('B1').value = 1;
    ws.getCell('B2').value = 2;
    ws.getCell('C1').value = {
      formula: 'B1*2',
      result: 2,
      shareType: 'shared',
      ref: 'C1:C2',
    } as ExcelJS.CellValue;
    ws.getCell('C2').value = { sharedFormula: 'C1', result: 4 };
    ws.getCell('D1').value = { formula: 'NA()', result: { error: '#N/A' } };
    ws.getCell('D2').value = { formula: 'B1=1', result: true };
    ws.getCell('E1').value = 'plain';
    const shared = await loadWorkbookFromBuffer(await bytes(wb));
    const s = shared.sheets[0];
    expect(s.values).toEqual([
      ['Hello world', 1, 2, '#N/A', 'plain'],
      ['Club site', 2, 4, true],
      ['#DIV/0!'],
    ]);
    expect(s.formulas.get(cellKey(0, 2))).toBe('=B1*2');
    expect(s.formulas.get(cellKey(1, 2))).toBe('=B2*2');
    expect(s.formulas.get(cellKey(0, 3))).toBe('=NA()');

    // Inline strings (ExcelJS never writes them: patch the sheet XML) and formula strings.
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Inline').addRow(['shared text', 3]);
    const zip = await JSZip.loadAsync(await bytes(plain));
    const path = 'xl/worksheets/sheet1.xml';
    const xml = (await zip.file(path)?.async('string')) ?? '';
    const patched = xml.replace(
      /<c r="A1"([^>]*) t="s"><v>0<\/v><\/c>/,
      '<c r="A1"$1 t="inlineStr"><is><r><t>inline </t></r><r><t>text</t></r></is></c>' +
        '<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>',
    );
    expect(patched).toContain('inlineStr');
    zip.file(path, patched);
    const inline = await loadWorkbookFromBuffer(await zip.generateAsync({ type: 'uint8array' }));
    expect(inline.sheets[0].values).toEqual([['inline text', 3, 'ab']]);
    expect(inline.sheets[0].formulas.get(cellKey(0, 2))).toBe('="a"&"b"');
  });
});

describe('bad files', () => {
  it('a missing file', async () => {
    const file = join(dir, 'nope.xlsx');
    const error = await loadWorkbook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toBe(`The workbook file ${file} does not exist.`);
  });

  it('a text file', async () => {
    const file = join(dir, 'notes.xlsx');
    await writeFile(file, 'name,joined\nAlice,2024-01-01\n');
    const error = await loadWorkbook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toBe(`The file ${file} is not an xlsx workbook.`);
  });

  it('a zip that is not a workbook, a damaged zip, a folder', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const file = join(dir, 'other.zip');
    await writeFile(file, await zip.generateAsync({ type: 'uint8array' }));
    await expect(loadWorkbook(file)).rejects.toThrow(`The file ${file} is not an xlsx workbook.`);

    const damaged = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
    await expect(loadWorkbookFromBuffer(damaged)).rejects.toThrow('The data is not an xlsx workbook.');
    await expect(loadWorkbook(dir)).rejects.toThrow(`${dir} is a folder, not a workbook file.`);
    const emptyFile = join(dir, 'empty.xlsx');
    await writeFile(emptyFile, '');
    await expect(loadWorkbook(emptyFile)).rejects.toThrow(WorkbookFileError);
  });

  it('saving into a missing folder', async () => {
    const file = join(dir, 'no-such-folder', 'a.xlsx');
    const error = await saveWorkbook(newWorkbookModel(), file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toBe(`The folder of ${file} does not exist.`);
  });
});
