// Reading export files for `club-pulse import`: the Excel 2003 XML that BNI PALMS saves as .xls
// gives the same cells as its CSV twin (sparse ss:Index cells in their columns, entities decoded).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/core/imports/csv';
import { readExportFile, spreadsheetMlRows } from '../../src/local/import-file';

const trim = (rows: string[][]) =>
  rows.map((r) => {
    const out = [...r];
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  });

describe('Excel 2003 XML (PALMS .xls)', () => {
  it('gives the cells of its CSV twin, sparse cells in their columns', async () => {
    const xml = await readExportFile('test/fixtures/imports/bni_palms_chapter_summary.xls', 'fr_FR');
    const csv = parseCsvText(readFileSync('test/fixtures/imports/bni_palms_summary_rows.csv', 'utf8'));
    expect(trim(xml.rows!)).toEqual(trim(csv));
    // The chapter name sits in column 5, as PALMS writes it.
    expect(xml.rows![1][4]).toBe('Paris Étoile');
  });

  it('decodes entities and places rows with ss:Index', () => {
    const rows = spreadsheetMlRows(
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>' +
        '<Row><Cell><Data ss:Type="String">First Name</Data></Cell></Row>' +
        '<Row ss:Index="3"><Cell ss:Index="2"><Data ss:Type="String">D&#39;Souza &amp; Co</Data></Cell><Cell><Data ss:Type="Number">4130635</Data></Cell></Row>' +
        '</Table></Worksheet></Workbook>',
    );
    expect(rows).toEqual([['First Name'], [], ['', "D'Souza & Co", '4130635']]);
  });

  it('says so in a sentence when the file is not SpreadsheetML', () => {
    expect(() => spreadsheetMlRows('<?xml version="1.0"?><html></html>')).toThrow(
      /not an Excel 2003 XML workbook/,
    );
  });
});
