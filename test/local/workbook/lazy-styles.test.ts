/**
 * A loaded tab's format maps are made on first use (lazy-styles.ts, issue 21): the same entries in
 * the same order as ExcelJS's reader gives, the file's formats before and after they are made,
 * and a change made through them still seen by the save.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, type SheetModel, STYLE_MAPS } from '../../../src/local/workbook/model';
import { unchangedSince } from '../../../src/local/workbook/sheet-snapshot';
import { loadWorkbook, saveWorkbook } from '../../../src/local/workbook/xlsx';

const DEMO = join(__dirname, '../../../examples/demo-club.xlsx');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'club-pulse-lazy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const made = (sheet: SheetModel): boolean =>
  STYLE_MAPS.every((m) => Object.getOwnPropertyDescriptor(sheet, m)?.get === undefined);

async function partOf(file: string, tab: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${tab}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return zip.file(`xl/${target}`)!.async('string');
}

describe("a loaded tab's formats", () => {
  it('are made on first use, with the entries, in the order, the in-memory reader gives', async () => {
    const lazy = await loadWorkbook(DEMO);
    const eager = await loadWorkbook(DEMO, { reader: 'memory' });
    const members = lazy.sheets.find((s) => s.name === 'Membres')!;
    expect(made(members)).toBe(false);
    const other = eager.sheets.find((s) => s.name === 'Membres')!;
    for (const map of STYLE_MAPS) expect([...members[map]], map).toEqual([...other[map]]);
    expect(made(members)).toBe(true);
    expect(members.numberFormats.size).toBeGreaterThan(10_000);
  });

  it('count as the file’s before and after they are made, and a change through them is seen', async () => {
    const model = await loadWorkbook(DEMO);
    const members = model.sheets.find((s) => s.name === 'Membres')!;
    const atLoad = model.source!.sheets.find((s) => s.name === 'Membres')!.snapshot;
    const unchanged = () => unchangedSince(members, atLoad);
    expect(unchanged()).toBe(true);
    expect(made(members)).toBe(false);
    const original = members.numberFormats.get(cellKey(500, 2));
    expect(original).toBeDefined();
    expect(unchanged()).toBe(true);
    members.numberFormats.set(cellKey(500, 2), '0.000');
    expect(unchanged()).toBe(false);
    // Set back, the formats are those of the file again; a format added or removed is seen too.
    members.numberFormats.set(cellKey(500, 2), original!);
    expect(unchanged()).toBe(true);
    members.backgrounds.set(cellKey(900, 9), '#00ff00');
    expect(unchanged()).toBe(false);
    members.backgrounds.delete(cellKey(900, 9));
    expect(unchanged()).toBe(true);
    members.numberFormats.delete(cellKey(500, 2));
    expect(unchanged()).toBe(false);
  });

  it('are not copied at load: the snapshot leaves them to the noted cells', async () => {
    const model = await loadWorkbook(DEMO);
    const eager = await loadWorkbook(DEMO, { reader: 'memory' });
    const at = (m: typeof model) => m.source!.sheets.find((s) => s.name === 'Membres')!.snapshot;
    expect(at(model).styles).toBeNull();
    // The in-memory reader makes the maps at once and copies them; the rest is the same.
    expect(at(eager).styles?.[0]?.size).toBeGreaterThan(10_000);
    expect({ ...at(model), styles: null }).toEqual({ ...at(eager), styles: null });
    expect(made(model.sheets.find((s) => s.name === 'Membres')!)).toBe(false);
  });

  it('leave a tab copied byte for byte when only read, written again when changed', async () => {
    const source = await partOf(DEMO, 'Membres');
    const read = await loadWorkbook(DEMO);
    const members = read.sheets.find((s) => s.name === 'Membres')!;
    // Read, not changed: the maps are made, the tab is still copied.
    expect(members.numberFormats.get(cellKey(500, 2))).toBeDefined();
    expect(made(members)).toBe(true);
    const readFile1 = join(dir, 'read.xlsx');
    await saveWorkbook(read, readFile1);
    expect(await partOf(readFile1, 'Membres')).toBe(source);

    const changed = await loadWorkbook(DEMO);
    changed.sheets.find((s) => s.name === 'Membres')!.backgrounds.set(cellKey(3, 1), '#ff0000');
    const changedFile = join(dir, 'changed.xlsx');
    await saveWorkbook(changed, changedFile);
    expect(await partOf(changedFile, 'Membres')).not.toBe(source);
    const back = await loadWorkbook(changedFile);
    expect(back.sheets.find((s) => s.name === 'Membres')!.backgrounds.get(cellKey(3, 1))).toBe('#ff0000');
  });
});
