/**
 * The readers of what surrounds the cells (issue 21): the style sheet (xlsx-styles.ts) and a
 * sheet's skeleton (xlsx-skeleton.ts), on XML as other tools write it: namespace prefixes, a '>'
 * inside an attribute, entities, xsd:boolean as words, overlapping merges. The whole-workbook
 * comparison with ExcelJS's in-memory reader is in xlsx-stream.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readSkeleton } from '../../../src/local/workbook/xlsx-skeleton';
import { readStyles } from '../../../src/local/workbook/xlsx-styles';

const STYLES = `<?xml version="1.0"?>
<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="[>=100]0;&quot;petit&quot; 0"/><x:numFmt numFmtId="165" formatCode='dd/mm/yyyy'/></x:numFmts>
  <x:fonts count="4">
    <x:font><x:sz val="10"/><x:name val="Arial"/></x:font>
    <x:font><x:b/><x:sz val="10.5"/><x:color rgb="FF1A73E8"/></x:font>
    <x:font><x:b val="0"/><x:color theme="1"/></x:font>
    <x:font><x:b val="true"/></x:font>
  </x:fonts>
  <x:fills count="4">
    <x:fill><x:patternFill patternType="none"/></x:fill>
    <x:fill><x:patternFill patternType="gray125"/></x:fill>
    <x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFF2CC"/><x:bgColor indexed="64"/></x:patternFill></x:fill>
    <x:fill><x:gradientFill degree="90"><x:stop position="0"><x:color rgb="FF000000"/></x:stop></x:gradientFill></x:fill>
  </x:fills>
  <x:cellStyleXfs count="1"><x:xf numFmtId="3" fontId="3" fillId="2"/></x:cellStyleXfs>
  <x:cellXfs count="6">
    <x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>
    <x:xf numFmtId="164" fontId="1" fillId="2" borderId="0" applyNumberFormat="1"><x:alignment horizontal="center" wrapText="true"/></x:xf>
    <x:xf numFmtId="14" fontId="2" fillId="3"/>
    <x:xf numFmtId="165" fontId="3"><x:alignment horizontal="general" wrapText="0"/></x:xf>
    <x:xf numFmtId="999" fontId="9" fillId="9"/>
    <x:xf numFmtId="10"/>
  </x:cellXfs>
</x:styleSheet>`;

describe('the style sheet reader', () => {
  const styles = readStyles(STYLES);

  it('gives each cell format its number format, font, fill and alignment', () => {
    expect(styles.getStyleModel(1)).toEqual({
      numFmt: '[>=100]0;"petit" 0',
      font: { bold: true, size: 10.5, color: { argb: 'FF1A73E8' } },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
      alignment: { horizontal: 'center', wrapText: true },
    });
    // Built-in format 14, `b val="0"` not bold, a theme colour kept as such, a gradient.
    expect(styles.getStyleModel(2)).toEqual({
      numFmt: 'mm-dd-yy',
      font: { color: { theme: 1 } },
      fill: { type: 'gradient' },
    });
    expect(styles.getStyleModel(3)).toEqual({
      numFmt: 'dd/mm/yyyy',
      font: { bold: true },
      alignment: {},
    });
  });

  it('reads the cell formats, not the cell styles, and leaves out what is not there', () => {
    expect(styles.getStyleModel(0)).toEqual({
      font: { size: 10 },
      fill: { type: 'pattern', pattern: 'none' },
    });
    // An unknown number format id, font and fill: nothing rather than a wrong look.
    expect(styles.getStyleModel(4)).toEqual({});
    expect(styles.getStyleModel(5)).toEqual({ numFmt: '0.00%' });
    expect(styles.getStyleModel(6)).toBeNull();
    expect(readStyles('<styleSheet/>').getStyleModel(0)).toBeNull();
  });
});

const SHEET = (inside: string): string =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${inside}</worksheet>`;

describe('the sheet skeleton reader', () => {
  it('reads tab colour, frozen panes, columns, merges, validations and protection', () => {
    const sk = readSkeleton(
      SHEET(
        '<sheetPr><tabColor rgb="FF336699"/></sheetPr>' +
          '<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="1" topLeftCell="C2" state="frozen"/></sheetView>' +
          '<sheetView workbookViewId="1"><pane ySplit="5" state="frozen"/></sheetView></sheetViews>' +
          '<cols><col min="4" max="5" width="9" hidden="true"/><col min="1" max="2" width="20.5" customWidth="1"/></cols>' +
          '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;mergeCell ref="Z1:Z9"/&gt;</t></is></c></row></sheetData>' +
          '<sheetProtection sheet="true" objects="1" formatColumns="false" insertRows="0" sort="1" algorithmName="SHA-512" hashValue="h" saltValue="s" spinCount="100000"/>' +
          '<mergeCells count="3"><mergeCell ref="A10:C11"/><mergeCell ref="B11:D12"/><mergeCell ref="E1:E2"/></mergeCells>' +
          '<dataValidations count="2">' +
          '<dataValidation type="list" allowBlank="1" showErrorMessage="1" prompt="Choisir &amp; valider" sqref="A2:A3 C5"><formula1>"Oui,Non"</formula1></dataValidation>' +
          '<dataValidation type="date" operator="greaterThan" sqref="B2"><formula1>45000.5</formula1></dataValidation>' +
          '</dataValidations>',
      ),
    );
    expect(sk.tabColor).toBe('FF336699');
    // The first view only.
    expect(sk.frozen).toEqual({ xSplit: 2, ySplit: 1 });
    expect(sk.columns).toEqual([
      { width: 20.5 },
      { width: 20.5 },
      undefined,
      { width: 9, hidden: true },
      { width: 9, hidden: true },
    ]);
    // A merge over an earlier one is left out; text in a cell that looks like a merge is not one.
    expect(sk.merges).toEqual([
      { top: 10, left: 1, bottom: 11, right: 3 },
      { top: 1, left: 5, bottom: 2, right: 5 },
    ]);
    expect(sk.protection).toEqual({
      sheet: true,
      objects: false,
      formatColumns: true,
      insertRows: true,
      algorithmName: 'SHA-512',
      hashValue: 'h',
      saltValue: 's',
      spinCount: 100000,
    });
    const list = {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      prompt: 'Choisir & valider',
      formulae: ['"Oui,Non"'],
    };
    expect(sk.validations.map(([r, c, v]) => [r, c, v])).toEqual([
      [1, 0, list],
      [2, 0, list],
      [4, 2, list],
      [1, 1, { type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(2023, 2, 15, 12))] }],
    ]);
    // The cells of one entry share one validation.
    expect(sk.validations[0][2]).toBe(sk.validations[2][2]);
  });

  it('reads an unprotected, unfrozen sheet as such, and a split pane is not frozen', () => {
    const sk = readSkeleton(
      SHEET(
        '<sheetViews><sheetView workbookViewId="0"><pane xSplit="1200" state="split"/></sheetView></sheetViews><sheetData/>' +
          '<sheetProtection sheet="0" formatCells="0"/>',
      ),
    );
    expect(sk).toEqual({ columns: [], merges: [], validations: [], protection: null });
  });
});
