/**
 * Size test of the xlsx io: a workbook of 250,000 rows × 8 columns (2 million cells) is saved and
 * loaded back, and the times and heap are printed. It takes tens of seconds, so it only runs when
 * CLUB_PULSE_BIG=1 (CLUB_PULSE_BIG_ROWS changes the row count, e.g. 375000 for 3 million cells).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CellValue, cellKey, newSheetModel, newWorkbookModel } from '../../../src/local/workbook/model';
import { loadWorkbook, saveWorkbook } from '../../../src/local/workbook/xlsx';

const ROWS = Number(process.env.CLUB_PULSE_BIG_ROWS ?? 250_000);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'club-pulse-big-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it.runIf(process.env.CLUB_PULSE_BIG === '1')(
  `saves and loads ${ROWS} rows × 8 columns`,
  async () => {
    const model = newWorkbookModel();
    const sheet = newSheetModel(1, 'Data', ROWS, 8);
    const values: CellValue[][] = [['Name', 'Joined', 'Fee', 'Active', 'City', 'Events', 'Score', 'Note']];
    for (let r = 1; r < ROWS; r++) {
      values.push([
        `Member ${r}`,
        { serial: 45000 + (r % 700) },
        Math.round(r * 1.37 * 100) / 100,
        r % 3 !== 0,
        `City ${r % 150}`,
        r % 40,
        (r * 7) % 100,
        `note ${r}`,
      ]);
      sheet.numberFormats.set(cellKey(r, 1), 'dd/mm/yyyy');
    }
    sheet.values = values;
    for (let c = 0; c < 8; c++) sheet.fontWeights.set(cellKey(0, c), 'bold');
    model.sheets.push(sheet);
    const file = join(dir, 'big.xlsx');

    let t = performance.now();
    await saveWorkbook(model, file);
    const saveMs = performance.now() - t;
    const size = (await stat(file)).size;

    t = performance.now();
    const back = await loadWorkbook(file);
    const loadMs = performance.now() - t;
    const heapMb = process.memoryUsage().heapUsed / 1e6;
    console.log(
      `xlsx ${ROWS}×8: save ${(saveMs / 1000).toFixed(1)} s, load ${(loadMs / 1000).toFixed(1)} s, ` +
        `file ${(size / 1e6).toFixed(1)} MB, heap after load ${heapMb.toFixed(0)} MB`,
    );
    const s = back.sheets[0];
    expect(s.values.length).toBe(ROWS);
    expect(s.values[ROWS - 1]).toEqual(values[ROWS - 1]);
    expect(s.values[1][1]).toEqual({ serial: 45001 });
    expect(s.maxRows).toBe(Math.max(ROWS, 1000));
  },
  600_000,
);
