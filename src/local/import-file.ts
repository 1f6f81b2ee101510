/**
 * Reading an export file for `club-pulse import`: CSV text (UTF-16 or UTF-8, or Windows-1252 as
 * older Excel saves it: src/core/imports/encoding.ts), the first sheet of an .xlsx as text cells
 * (dates as ISO, numbers with the workbook's decimal mark), or an Excel 2003 XML workbook (BNI PALMS `.xls`) — handed to the add-on's import,
 * which parses and plans it.
 */

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { decodeExport } from '../core/imports/encoding';
import { Workbook } from './workbook/exceljs';
import { WorkbookFileError } from './workbook/xlsx';

export interface ExportFile {
  fileName: string;
  text?: string;
  rows?: string[][];
}

function cellText(value: ExcelJS.CellValue, decimalComma: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'number') return decimalComma ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue, decimalComma);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

export async function readExportFile(path: string, locale: string): Promise<ExportFile> {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new WorkbookFileError(`The export file ${path} cannot be read.`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new WorkbookFileError(`The file ${path} is not an xlsx workbook.`);
    }
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    const decimalComma = !locale.toLowerCase().startsWith('en');
    sheet?.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value, decimalComma));
      rows.push(cells);
    });
    return { fileName, rows };
  }
  const { text } = decodeExport(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (ext === '.xls' || ext === '.xml' || text.trimStart().startsWith('<?xml'))
    return { fileName, rows: spreadsheetMlRows(text, path) };
  return { fileName, text };
}

interface XmlCell {
  '@Index'?: string;
  Data?: { '#text'?: string | number } | string;
}

/**
 * The first worksheet of an Excel 2003 XML workbook (SpreadsheetML: what BNI PALMS saves with a
 * .xls extension) as text cells; sparse cells (`ss:Index`) land in their column, entities decoded.
 */
export function spreadsheetMlRows(xml: string, path = 'the file'): string[][] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    htmlEntities: true,
    isArray: (name) => name === 'Worksheet' || name === 'Row' || name === 'Cell',
  });
  let doc: {
    Workbook?: { Worksheet?: Array<{ Table?: { Row?: Array<{ '@Index'?: string; Cell?: XmlCell[] }> } }> };
  };
  try {
    doc = parser.parse(xml);
  } catch {
    throw new WorkbookFileError(`The file ${path} is not a readable Excel 2003 XML workbook.`);
  }
  const table = doc.Workbook?.Worksheet?.[0]?.Table;
  if (!table)
    throw new WorkbookFileError(`The file ${path} is not an Excel 2003 XML workbook (no worksheet).`);
  const rows: string[][] = [];
  for (const row of table.Row ?? []) {
    const at = row['@Index'] ? Number(row['@Index']) - 1 : rows.length;
    while (rows.length < at) rows.push([]);
    const cells: string[] = [];
    for (const cell of row.Cell ?? []) {
      const index = cell['@Index'] ? Number(cell['@Index']) - 1 : cells.length;
      while (cells.length < index) cells.push('');
      const data = cell.Data;
      cells.push(
        data === undefined ? '' : typeof data === 'object' ? String(data['#text'] ?? '') : String(data),
      );
    }
    rows.push(cells);
  }
  return rows;
}
