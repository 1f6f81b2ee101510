/**
 * A save copies the parts of untouched tracking tabs byte for byte (issue 14, item 9): a tab made
 * by another tool, with hidden rows and columns, sheet protection, a data validation, a conditional
 * format, column widths, a merge, borders, fonts and carriage returns, goes through
 * `club-pulse refresh` with its sheet part, relationships and notes unchanged to the byte; a tab the
 * session changed is rewritten and reads back as the model said; the shared tables neither keep
 * the text of a rewritten tab nor grow from save to save. The fixture and its script:
 * test/fixtures/workbooks/README.md.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellKey, type SheetModel, type WorkbookModel } from '../../../src/local/workbook/model';
import { loadWorkbook, saveWorkbook } from '../../../src/local/workbook/xlsx';
import { withoutNoteParts } from '../../../src/local/workbook/xlsx-notes';
import { sheetParts } from '../../../src/local/workbook/xlsx-parts';

const BIN = join(process.cwd(), 'bin/club-pulse.mjs');
const FIXTURES = join(__dirname, '../../fixtures/workbooks');
const TRACKING = join(FIXTURES, 'tracking-tab-openpyxl.xlsx');
const TRACKING_LO = join(FIXTURES, 'tracking-tab-libreoffice.xlsx');
const tmp = (name: string): string => join(mkdtempSync(join(tmpdir(), 'cp-copy-')), name);

async function zipOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

/** The bytes of a sheet's part, of its relationships part and of the parts those point to. */
async function sheetBytes(zip: JSZip, name: string): Promise<Record<string, Uint8Array | null>> {
  const part = (await sheetParts(zip)).get(name);
  if (!part) throw new Error(`no sheet ${name}`);
  const slash = part.lastIndexOf('/');
  const rels = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const out: Record<string, Uint8Array | null> = {
    sheet: await zip.file(part)!.async('uint8array'),
    rels: (await zip.file(rels)?.async('uint8array')) ?? null,
  };
  const relsXml = (await zip.file(rels)?.async('string')) ?? '';
  for (const m of relsXml.matchAll(/Target="([^"]+)"/g)) {
    const target = m[1].startsWith('/') ? m[1].slice(1) : `xl/${m[1].replace(/^\.\.\//, '')}`;
    out[target] = (await zip.file(target)?.async('uint8array')) ?? null;
  }
  return out;
}

/** What ExcelJS reads of the Membres tab of a package. */
async function excelView(zip: JSZip): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  const bytes = (await withoutNoteParts(zip)) ?? (await zip.generateAsync({ type: 'nodebuffer' }));
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Membres')!;
  const raw = ws as unknown as { sheetProtection: unknown; conditionalFormattings: Array<{ ref: string }> };
  return {
    font: ws.getCell('A1').font,
    fill: ws.getCell('A1').fill,
    border: ws.getCell('A1').border?.bottom?.style,
    text: ws.getCell('G2').value,
    hidden: [ws.getRow(4).hidden, ws.getColumn(4).hidden, ws.getColumn(7).width],
    protection: raw.sheetProtection,
    conditional: raw.conditionalFormattings.map((c) => c.ref),
    validation: ws.getCell('F3').dataValidation,
    merged: ws.getCell('A7').isMerged && ws.getCell('C7').isMerged,
  };
}

/** Everything the model keeps of a sheet, in a comparable form. */
function view(sheet: SheetModel): Record<string, unknown> {
  const { sheetId: _id, maxRows: _r, maxColumns: _c, ...rest } = sheet;
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    plain[k] = v instanceof Map ? Object.fromEntries([...v].sort()) : v instanceof Set ? [...v].sort() : v;
  }
  plain.values = sheet.values.map((row) => {
    const r = [...row];
    while (r.length > 0 && r[r.length - 1] === '') r.pop();
    return r;
  });
  while ((plain.values as unknown[][]).length > 0 && (plain.values as unknown[][]).at(-1)?.length === 0)
    (plain.values as unknown[][]).pop();
  return plain;
}

/** The same model saved twice: once copying untouched tabs, once written whole by ExcelJS. */
async function bothWays(model: WorkbookModel): Promise<[WorkbookModel, WorkbookModel, string]> {
  const copied = tmp('copied.xlsx');
  const whole = tmp('whole.xlsx');
  await saveWorkbook(model, copied);
  await saveWorkbook({ ...model, source: undefined }, whole);
  return [await loadWorkbook(copied), await loadWorkbook(whole), copied];
}

function expectSameSheets(a: WorkbookModel, b: WorkbookModel): void {
  expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
  for (let i = 0; i < a.sheets.length; i++)
    expect(view(a.sheets[i]), a.sheets[i].name).toEqual(view(b.sheets[i]));
}

describe.each([
  ['openpyxl', TRACKING, 'xl/comments/comment1.xml'],
  ['LibreOffice', TRACKING_LO, 'xl/comments1.xml'],
])('an untouched tracking tab saved by %s, through `club-pulse refresh`', (_tool, fixture, notesPart) => {
  it('is copied byte for byte, with its relationships and notes; the dashboard is written beside it', async () => {
    const file = tmp('club.xlsx');
    copyFileSync(fixture, file);
    const r = spawnSync(process.execPath, [BIN, 'refresh', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const before = await zipOf(fixture);
    const after = await zipOf(file);
    for (const name of ['Membres', 'Notes du bureau']) {
      const a = await sheetBytes(before, name);
      const b = await sheetBytes(after, name);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const key of Object.keys(a)) expect(b[key], `${name} ${key}`).toEqual(a[key]);
    }
    expect(Object.keys(await sheetBytes(before, 'Membres'))).toContain(notesPart);

    // What the file says of the tab, read by another reader: all of it is still there, as in the
    // source file. (ExcelJS cannot read notes where openpyxl puts them: they are left out.)
    const [was, is] = [await excelView(before), await excelView(after)];
    expect(is).toEqual(was);
    expect(is.font).toMatchObject({ name: 'Arial', bold: true, color: { argb: 'FFFFFFFF' } });
    expect(is.fill).toMatchObject({ fgColor: { argb: 'FF1F4E79' } });
    expect(is.border).toBe('thick');
    expect(is.hidden).toEqual([true, true, 30]);
    expect(is.conditional).toEqual(['F2:F100']);
    expect(is.validation).toMatchObject({ type: 'list' });
    expect(is.merged).toBe(true);

    // And the add-on's own reading of the refreshed file.
    const model = await loadWorkbook(file);
    const dashboard = model.sheets.find((s) => s.name === 'Tableau de bord')!;
    expect(dashboard.values[0][0]).toBe('Tableau de bord Club Pulse');
    expect(dashboard.fontWeights.get(cellKey(0, 0))).toBe('bold');
    expect(dashboard.fontSizes.get(cellKey(0, 0))).toBe(16);
    const membres = model.sheets.find((s) => s.name === 'Membres')!;
    expect(view(membres)).toEqual(view((await loadWorkbook(fixture)).sheets[0]));
    expect(membres.notes.get(cellKey(1, 1))).toBe('Présidente du club');
  }, 60_000);

  it('keeps the copied parts as the source file stored them, compressed bytes and all (issue 21)', async () => {
    // A save copies an untouched tab's parts without inflating and deflating them again
    // (zip-parts.ts copyPart): the compressed bytes in the new file are the source's, to the byte.
    // The source deflated at level 1: parts deflated again (at zlib's default level 6) would differ.
    const file = tmp('club.xlsx');
    const source = await zipOf(fixture);
    const inflated = new JSZip();
    for (const [path, entry] of Object.entries(source.files))
      if (!entry.dir) inflated.file(path, await entry.async('uint8array'), { createFolders: false });
    const fast = await inflated.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 1 },
    });
    writeFileSync(file, fast);
    const r = spawnSync(process.execPath, [BIN, 'refresh', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [before, after] = [await JSZip.loadAsync(fast), await zipOf(file)];
    const stored = (zip: JSZip, path: string) => {
      const data = (zip.file(path) as unknown as { _data: { compressedContent: Uint8Array; crc32: number } })
        ._data;
      return { bytes: Buffer.from(data.compressedContent).toString('base64'), crc32: data.crc32 };
    };
    const partOf = async (zip: JSZip) => (await sheetParts(zip)).get('Membres') as string;
    const [was, is] = [await partOf(before), await partOf(after)];
    expect(stored(after, is)).toEqual(stored(before, was));
    expect(stored(after, notesPart)).toEqual(stored(before, notesPart));
  }, 60_000);
});

describe('a save that copies untouched tabs', () => {
  it('reads back cell for cell as the same save written whole, untouched, touched and new tabs alike', async () => {
    const model = await loadWorkbook(TRACKING);
    const notes = model.sheets[1];
    notes.values[1][0] = 'Budget 2027';
    notes.fontWeights.set(cellKey(1, 0), 'bold');
    const added = structuredClone({ ...model.sheets[1], name: 'Nouveau' });
    added.numberFormats.set(cellKey(0, 1), '0.00%');
    added.values[0][1] = 0.25;
    added.backgrounds.set(cellKey(0, 1), '#ffc7ce');
    added.notes.set(cellKey(0, 0), 'ligne 1\r\nligne 2');
    added.validations.set(cellKey(2, 0), { kind: 'list', values: ['oui', 'non'], allowInvalid: false });
    added.hiddenRows.add(3);
    model.sheets.push(added);
    const [copied, whole, file] = await bothWays(model);
    expectSameSheets(copied, whole);
    expect(copied.sheets[1].values[1][0]).toBe('Budget 2027');

    const source = await zipOf(TRACKING);
    const out = await zipOf(file);
    expect((await sheetBytes(out, 'Membres')).sheet).toEqual((await sheetBytes(source, 'Membres')).sheet);
    expect((await sheetBytes(out, 'Notes du bureau')).sheet).not.toEqual(
      (await sheetBytes(source, 'Notes du bureau')).sheet,
    );
  });

  it('reads back alike when the source was written by Club Pulse, custom number formats on both sides', async () => {
    const first = await loadWorkbook(TRACKING);
    const dated = structuredClone({ ...first.sheets[1], name: 'Dates' });
    dated.values[0] = [{ serial: 46000 }, 0.5, 'x'];
    dated.numberFormats.set(cellKey(0, 0), 'dd/mm/yyyy');
    dated.numberFormats.set(cellKey(0, 1), '0.0%');
    dated.fontSizes.set(cellKey(0, 2), 11);
    first.sheets.push(dated);
    const own = tmp('own.xlsx');
    await saveWorkbook({ ...first, source: undefined }, own);
    const model = await loadWorkbook(own);
    const generated = structuredClone({ ...model.sheets[2], name: 'Généré' });
    generated.numberFormats.set(cellKey(0, 1), '#,##0.000');
    generated.numberFormats.set(cellKey(1, 0), 'yyyy-mm-dd');
    generated.values[1] = [{ serial: 46001.5 }];
    generated.fontSizes.set(cellKey(0, 0), 11);
    model.sheets.push(generated);
    const [copied, whole, file] = await bothWays(model);
    expectSameSheets(copied, whole);
    expect(copied.sheets[2].numberFormats.get(cellKey(0, 1))).toBe('0.0%');
    expect(copied.sheets[3].numberFormats.get(cellKey(0, 1))).toBe('#,##0.000');
    expect((await sheetBytes(await zipOf(file), 'Dates')).sheet).toEqual(
      (await sheetBytes(await zipOf(own), 'Dates')).sheet,
    );
  });

  it('copies every untouched tab when a new tab in front has notes: the new notes take other part names', async () => {
    const own = tmp('own.xlsx');
    await saveWorkbook({ ...(await loadWorkbook(TRACKING)), source: undefined }, own);
    const model = await loadWorkbook(own);
    const front = structuredClone({ ...model.sheets[1], name: 'Devant' });
    front.notes.set(cellKey(0, 0), 'une note devant');
    model.sheets.unshift(front);
    const [copied, whole, file] = await bothWays(model);
    expectSameSheets(copied, whole);
    const source = await zipOf(own);
    const out = await zipOf(file);
    // Membres has xl/comments1.xml, which the new first tab's notes would take if numbered by position.
    expect(source.file('xl/comments1.xml')).not.toBeNull();
    expect(await out.file('xl/comments1.xml')?.async('string')).toBe(
      await source.file('xl/comments1.xml')?.async('string'),
    );
    expect((await sheetBytes(out, 'Membres')).sheet).toEqual((await sheetBytes(source, 'Membres')).sheet);
    expect((await sheetBytes(out, 'Notes du bureau')).sheet).toEqual(
      (await sheetBytes(source, 'Notes du bureau')).sheet,
    );
    expect(copied.sheets[1].notes.get(cellKey(1, 1))).toBe('Présidente du club');
    expect(copied.sheets[0].notes.get(cellKey(0, 0))).toBe('une note devant');
  });

  it('keeps no text of a rewritten tab in the shared strings', async () => {
    const model = await loadWorkbook(TRACKING_LO);
    model.sheets[1].values[1] = ['Budget', 'Effacé'];
    const file = tmp('erased.xlsx');
    await saveWorkbook(model, file);
    const sst = await (await zipOf(file)).file('xl/sharedStrings.xml')!.async('string');
    expect(sst).toContain('Alice');
    expect(sst).toContain('Effacé');
    expect(sst).not.toContain('unanimité');
  });

  it('does not grow the shared tables from save to save', async () => {
    let path = TRACKING;
    const sizes: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const model = await loadWorkbook(path);
      const notes = model.sheets[1];
      notes.values[2] = [`Séance ${i}`, i];
      notes.fontColors.set(cellKey(2, 0), i % 2 ? '#ff0000' : '#00ff00');
      const next = tmp(`save${i}.xlsx`);
      await saveWorkbook(model, next);
      const zip = await zipOf(next);
      const styles = await zip.file('xl/styles.xml')!.async('string');
      const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
      sizes.push([styles.match(/<xf\b/g)!.length, sst.match(/<si>/g)!.length]);
      path = next;
    }
    expect(sizes[2]).toEqual(sizes[1]);
  });

  it('copies the tabs of a LibreOffice file too, and reads them back as the whole write does', async () => {
    const model = await loadWorkbook(TRACKING_LO);
    model.sheets.push(structuredClone({ ...model.sheets[0], name: 'Copie' }));
    model.sheets[1].fontSizes.set(cellKey(0, 0), 11);
    model.sheets[1].fontSizes.set(cellKey(0, 1), 10);
    const [copied, whole, file] = await bothWays(model);
    expectSameSheets(copied, whole);
    const source = await zipOf(TRACKING_LO);
    expect((await sheetBytes(await zipOf(file), 'Membres')).sheet).toEqual(
      (await sheetBytes(source, 'Membres')).sheet,
    );
  });
});
