/**
 * Workbooks saved by Excel and downloaded from Google Sheets open (issue 14, item 10), and a
 * refresh of one, which has none of the club's tabs, reports each missing tab (`missing_tab`), not
 * a damaged file. A Google Sheets download has an empty drawing on every tab: it is not something
 * a save would lose, so the workbook may be refreshed in place, and its tab is copied as it was.
 * Fixtures and their origin: test/fixtures/workbooks/README.md.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../../src/local/workbook/model';
import { loadWorkbook } from '../../../src/local/workbook/xlsx';
import { sheetParts } from '../../../src/local/workbook/xlsx-parts';

const BIN = join(process.cwd(), 'bin/club-pulse.mjs');
const fixture = (name: string): string => join(__dirname, '../../fixtures/workbooks', name);

describe('a workbook saved by Excel', () => {
  it('opens with its text, numbers, date, formula and hyperlink text', async () => {
    const model = await loadWorkbook(fixture('excel-values.xlsx'));
    const values = model.sheets.find((s) => s.name === 'Values')!;
    expect(values.values.map((row) => row[0])).toEqual([
      'Text',
      'Number',
      'Integer',
      'Date',
      'Formula',
      'Hyperlink',
    ]);
    expect(values.values.slice(0, 3).map((row) => row[1])).toEqual(['I am Text', 3.14, 5]);
    expect(values.values[3][1]).toEqual({ serial: 42507 });
    expect(values.formulas.get(cellKey(4, 1))).toBe('=B1');
    expect(values.values[4][1]).toBe('I am Text');
    expect(values.values[5][1]).toBe('exceljs');
    expect(model.unkeptParts).toEqual([]);
  });
});

describe('a workbook downloaded from Google Sheets', () => {
  it('opens with its hidden row and column, and nothing a save would lose', async () => {
    const model = await loadWorkbook(fixture('google-sheets-hidden.xlsx'));
    const sheet = model.sheets.find((s) => s.name === 'Sheet1')!;
    expect(sheet.values).toEqual([['BEGIN', 'HIDDEN', 'VISIBLE'], ['HIDDEN'], ['VISIBLE']]);
    expect([...sheet.hiddenRows]).toEqual([2]);
    expect([...sheet.hiddenColumns]).toEqual([2]);
    expect(model.unkeptParts).toEqual([]);
  });
});

describe.each([
  ['excel-values.xlsx', 'Values'],
  ['google-sheets-hidden.xlsx', 'Sheet1'],
])('`club-pulse refresh` of %s, which has none of the club tabs', (name, tab) => {
  it('reports each missing tab, saves in place and keeps the tab byte for byte', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cp-elsewhere-')), name);
    const json = `${file}.json`;
    copyFileSync(fixture(name), file);
    const r = spawnSync(process.execPath, [BIN, 'refresh', file, '--json', json], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const issues = JSON.parse(readFileSync(json, 'utf8')).issues as Array<{ code: string; tab: string }>;
    expect(issues.length).toBeGreaterThan(5);
    expect(issues.every((i) => i.code === 'missing_tab')).toBe(true);
    expect(issues.map((i) => i.tab)).toContain('Membres');
    const model = await loadWorkbook(file);
    expect(model.sheets.map((s) => s.name)).toContain('Tableau de bord');
    const partOf = async (path: string): Promise<Uint8Array> => {
      const zip = await JSZip.loadAsync(readFileSync(path));
      return zip.file((await sheetParts(zip)).get(tab)!)!.async('uint8array');
    };
    expect(await partOf(file)).toEqual(await partOf(fixture(name)));
  }, 60_000);
});
