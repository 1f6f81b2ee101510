/**
 * The sheet-data scanner (issue 21): pieces cut anywhere give the same cells, where ExcelJS is
 * wrong it follows the standard, and what it does not know goes to ExcelJS's in-memory reader.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadWorkbookFromBuffer } from '../../../src/local/workbook/xlsx';
import {
  type ScannedCell,
  SharedStringsScanner,
  SheetDataScanner,
  UnreadableXml,
} from '../../../src/local/workbook/xlsx-cells';

function scan(xml: string, pieceLength = xml.length): { cells: ScannedCell[]; scanner: SheetDataScanner } {
  const cells: ScannedCell[] = [];
  const scanner = new SheetDataScanner((cell) => cells.push(cell));
  for (let i = 0; i < xml.length; i += pieceLength) scanner.push(xml.slice(i, i + pieceLength));
  scanner.end();
  return { cells, scanner };
}

const ROWS =
  '<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>45306.5</v></c>' +
  '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> été </t></is></c></row>' +
  '<row r="3" hidden="1" s="4"><c r="B3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c t="b"><v>1</v></c>' +
  '<c r="E3" t="e"><v>#N/A</v></c><c r="F3" s="7"/></row>\n  <row r="4"/></sheetData>';

describe('the sheet-data scanner', () => {
  it('reads each kind of cell, and the same whatever the pieces it is fed', () => {
    const whole = scan(ROWS);
    expect(whole.cells.map((c) => [c.row, c.col, c.type, c.value ?? c.result])).toEqual([
      [1, 1, 3, 0],
      [1, 2, 2, 45306.5],
      [1, 3, 3, ' été '],
      [3, 2, 6, 'ab'],
      [3, 3, 9, true],
      [3, 5, 10, { error: '#N/A' }],
      [3, 6, 0, undefined],
    ]);
    expect(whole.cells[3].formula).toBe('"a"&"b"');
    expect(whole.scanner.hiddenRows).toEqual([3]);
    expect(whole.scanner.refs).toEqual({ strings: new Set([0]), maxStyle: 7, metadata: false });
    for (const length of [1, 2, 3, 7, 64])
      expect(scan(ROWS, length).cells, `pieces of ${length}`).toEqual(whole.cells);
  });

  it('reads an empty formatted cell by hand as the expressions read it, and leaves them any other shape', () => {
    const row = (cells: string) => scan(`<sheetData><row r="7">${cells}</row></sheetData>`).cells;
    // `<c …/>` takes the hand-written path, `<c …></c>` the regular expression: the same cells.
    for (const cell of [
      '<c r="B7" s="3"/>',
      '<c r="AAA7" s="0"/>',
      '<c r="XFD7" s="12"/>',
      '<c r="C7" s="007"/>',
    ])
      expect(row(cell), cell).toEqual(row(cell.replace('/>', '></c>')));
    expect(row('<c r="B7" s="3"/><c r="D7" s="0"/><c r="E7" s="41"/>')).toEqual([
      { row: 7, col: 2, type: 0, styleId: 3 },
      { row: 7, col: 4, type: 1, styleId: 0 },
      { row: 7, col: 5, type: 0, styleId: 41 },
    ]);
    // Other shapes, read by the expressions: four letters, a space, lower case, no row number, a
    // style of ten digits.
    const other = (cell: string) => row(cell).map((c) => [c.row, c.col, c.type, c.styleId]);
    expect(other('<c r="AAAA7" s="3"/>')).toEqual([[7, 18_279, 0, 3]]);
    expect(other('<c r="B7" s="3" />')).toEqual([[7, 2, 0, 3]]);
    expect(other('<c r="b7" s="3"/>')).toEqual([[7, 2, 0, 3]]);
    expect(other('<c r="B" s="3"/>')).toEqual([[7, 2, 0, 3]]);
    expect(other('<c r="B7" s="1234567890"/>')).toEqual([[7, 2, 0, 1_234_567_890]]);
    // Out of order is refused on either path.
    expect(() => row('<c r="C7" s="3"/><c r="B7" s="3"/>')).toThrow(UnreadableXml);
  });

  it('asks its empty-cell handler first, and gives the cells it declines to onCell', () => {
    const cells: ScannedCell[] = [];
    const asked: number[][] = [];
    // The handler takes odd formats only.
    const scanner = new SheetDataScanner(
      (cell) => cells.push(cell),
      (row, col, styleId) => {
        asked.push([row, col, styleId]);
        return styleId % 2 === 1;
      },
    );
    scanner.push(
      '<sheetData><row r="2"><c r="A2" s="3"/><c r="B2" s="4"/><c r="C2"><v>5</v></c><c r="D2" s="0"/></row></sheetData>',
    );
    scanner.end();
    expect(asked).toEqual([
      [2, 1, 3],
      [2, 2, 4],
      [2, 4, 0],
    ]);
    expect(cells.map((c) => [c.col, c.type, c.styleId])).toEqual([
      [2, 0, 4],
      [3, 2, undefined],
      [4, 1, 0],
    ]);
    // What the handler took still counts for the shared tables (the highest format) and the order.
    expect(scanner.refs.maxStyle).toBe(4);
    const strict = new SheetDataScanner(
      () => undefined,
      () => true,
    );
    expect(() =>
      strict.push('<sheetData><row r="1"><c r="B1" s="3"/><c r="A1" s="3"/></row></sheetData>'),
    ).toThrow(UnreadableXml);
  });

  it('follows the standard where ExcelJS does not', () => {
    const { cells } = scan(
      // A CDATA section is text (ExcelJS loses it).
      '<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[<b> & </t>]]>!</t></is></c></row>' +
        // A row without its number is the next one (ExcelJS drops its cells).
        '<row><c r="A3" t="inlineStr"><is><t>rue A_x000D_\nB</t></is></c>' +
        // Entities are decoded once (ExcelJS decodes a `str` twice, making `&lt;` a `<`).
        '<c t="str"><v>&amp;lt;</v></c>' +
        // An ISO date cell (ExcelJS reads 2026).
        '<c t="d"><v>2026-03-15T12:00:00</v></c>' +
        // A phonetic reading is not part of the text (ExcelJS appends it).
        '<c t="inlineStr"><is><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></is></c>' +
        '</row></sheetData>',
    );
    expect(cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [2, 1, '<b> & </t>!'],
      [3, 1, 'rue A\r\nB'],
      [3, 2, '&lt;'],
      [3, 3, { serial: 46096.5 }],
      [3, 4, '東京'],
    ]);
  });

  it('says what it cannot read rather than guessing', () => {
    const bad = [
      '<sheetData><row r="1"><!-- a note --><c r="A1"><v>1</v></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1"><v>1 &nbsp;</v></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1" t="str"><v>&#0;</v></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1" t="str"><v>&#x110000;</v></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></sheetData>',
      '<sheetData><row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1"><x>1</x></c></row></sheetData>',
      '<sheetData><row r="0"><c r="A1"><v>1</v></c></row></sheetData>',
    ];
    for (const xml of bad) expect(() => scan(xml), xml).toThrow(UnreadableXml);
  });

  it('reads or refuses what a hostile file may hold, and reads a row of megabytes fed in pieces', () => {
    // Shapes that once made a regular expression backtrack (a run of spaces inside a tag) or a piece
    // search the whole pending text again: each is read or refused (the regular expressions are
    // linear, the pending pieces joined once per row).
    const n = 200_000;
    const refused = [
      `<sheetData><row r="1"><c r="A1"${' '.repeat(n)}`,
      `<sheetData><row r="1"><x${' '.repeat(n)}</row></sheetData>`,
      `<sheetData><row${' a="1"'.repeat(n / 6)}`,
      `<sheetData><row ${'="'.repeat(n / 2)}></row></sheetData>`,
      `<sheetData>${'<row r="1">'.repeat(n / 11)}`,
      `<sheetData><row r="1">${'< '.repeat(n / 2)}</row></sheetData>`,
      `<sheetData><row r="1"><c r="A1" t="str"><v>${'&amp'.repeat(n / 4)}</v></c></row></sheetData>`,
    ];
    for (const xml of refused) expect(() => scan(xml, 65_536), xml.slice(0, 40)).toThrow(UnreadableXml);
    const spaced = scan(
      `<sheetData><row r="1"><c r="B1"${' '.repeat(n)}s="1"><v>2</v></c></row></sheetData>`,
      65_536,
    );
    expect(spaced.cells.map((c) => [c.col, c.styleId, c.value])).toEqual([[2, 1, 2]]);
    const text = 'x'.repeat(3000);
    const big = `<sheetData><row r="1">${`<c t="inlineStr"><is><t>${text}</t></is></c>`.repeat(2000)}</row><row r="2"><c r="A2"><v>1</v></c></row></sheetData>`;
    expect(big.length).toBeGreaterThan(6_000_000);
    const { cells } = scan(big, 65_536);
    expect(cells).toHaveLength(2001);
    expect(cells[1999]).toMatchObject({ row: 1, col: 2000, value: text });
    expect(cells[2000]).toMatchObject({ row: 2, col: 1, value: 1 });
  });

  it('reads a shared strings table: plain, rich runs, escapes, phonetics, and an empty one', () => {
    const table = new SharedStringsScanner();
    table.push('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="x" count="4"><si><t>A &amp; B</t></si>');
    table.push(
      '<si><r><rPr><b/></rPr><t>Gras</t></r><r><t xml:space="preserve"> et non</t></r></si><si><t/></si>',
    );
    table.push('<si><t>l_x005F_x000D_</t><rPh><t>ル</t></rPh></si></sst>');
    table.end();
    expect(table.strings).toEqual(['A & B', 'Gras et non', '', 'l_x000D_']);
    const empty = new SharedStringsScanner();
    empty.push('<sst count="0" uniqueCount="0"/>');
    empty.end();
    expect(empty.strings).toEqual([]);
  });
});

/** A one-tab workbook made by ExcelJS, its sheet part's first row patched. */
async function patched(cellsXml: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Membres').getCell('A1').value = 'Nom';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  const next = xml.replace(/(<row r="1"[^>]*>)[\s\S]*?<\/row>/, `$1${cellsXml}</row>`);
  expect(next).not.toBe(xml);
  zip.file(path, next);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

describe('loading a sheet the scanner cannot read', () => {
  it('hands the workbook to ExcelJS, which reads it whole', async () => {
    const data = await patched(
      '<c r="A1" t="inlineStr"><is><t>Nom &amp; prénom</t></is></c><c r="B1"><!-- 2 × 2 --><v>4</v></c>',
    );
    await expect(loadWorkbookFromBuffer(data, { reader: 'streaming' })).rejects.toThrow(UnreadableXml);
    const model = await loadWorkbookFromBuffer(data);
    expect(model.sheets[0].values).toEqual([['Nom & prénom', 4]]);
    expect(model).toEqual(await loadWorkbookFromBuffer(data, { reader: 'memory' }));
  });

  it('says a damaged sheet is damaged', async () => {
    const data = await patched('<c r="A1"><v>4</v></c><c r="B1"><v>5</c>');
    await expect(loadWorkbookFromBuffer(data)).rejects.toThrow(/damaged xlsx workbook/);
  });
});
