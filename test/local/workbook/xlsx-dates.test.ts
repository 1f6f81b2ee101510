/**
 * Dates survive a save and a load whatever the process time zone, and a Date written by another
 * tool (ExcelJS here) reads back as its wall clock.
 *
 * How the time zone is switched: Node re-reads the zone when `process.env.TZ` is assigned (since
 * Node 13), so the test sets it before each run and first proves the switch took effect (the
 * offset of a local Date changes). Vitest runs each test file in its own forked process
 * (`pool: 'forks'`), so the change does not leak into other files; the original value is restored
 * anyway.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, newSheetModel, newWorkbookModel } from '../../../src/local/workbook/model';
import { loadWorkbook, loadWorkbookFromBuffer, saveWorkbook } from '../../../src/local/workbook/xlsx';

const ZONES = ['UTC', 'Pacific/Auckland'] as const;
const originalTz = process.env.TZ;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'club-pulse-dates-'));
});
afterAll(async () => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
  await rm(dir, { recursive: true, force: true });
});

function useZone(zone: string): void {
  process.env.TZ = zone;
  // 2024-01-15 is summer in New Zealand: UTC+13.
  const offset = new Date(2024, 0, 15, 12).getTimezoneOffset();
  expect(offset).toBe(zone === 'UTC' ? 0 : -780);
}

// Midnight, 09:30, one second before midnight, the first days (60 is Excel's phantom 1900-02-29), 9999-12-31 noon.
const SERIALS = [45306, 45306 + 9.5 / 24, 45307 - 1 / 86_400, 1, 60, 61, 2958465.5, 36526.5];

function dateModel() {
  const model = newWorkbookModel();
  const sheet = newSheetModel(1, 'Dates');
  sheet.values = SERIALS.map((serial) => [{ serial }]);
  sheet.numberFormats.set(cellKey(0, 0), 'dd/mm/yyyy');
  model.sheets.push(sheet);
  return model;
}

/** Serials kept to the millisecond, as the file holds them. */
function closeTo(actual: unknown, serial: number): void {
  expect(actual).toHaveProperty('serial');
  expect(Math.abs((actual as { serial: number }).serial - serial) * 86_400_000).toBeLessThan(1);
}

describe.each(ZONES)('dates under TZ=%s', (zone) => {
  it('round-trips date serials unchanged', async () => {
    useZone(zone);
    const file = join(dir, `dates-${zone.replace('/', '-')}.xlsx`);
    await saveWorkbook(dateModel(), file);
    const back = await loadWorkbook(file);
    SERIALS.forEach((serial, i) => {
      closeTo(back.sheets[0].values[i][0], serial);
    });
  });

  it('reads a Date written by ExcelJS as its UTC wall clock', async () => {
    useZone(zone);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 15, 9, 30));
    ws.getCell('A2').value = { formula: 'A1+1', result: new Date(Date.UTC(2024, 0, 16, 9, 30)) };
    ws.getCell('A3').value = 45306.5; // a plain number with a date format
    ws.getCell('A3').numFmt = 'yyyy-mm-dd hh:mm';
    const back = await loadWorkbookFromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    const values = back.sheets[0].values;
    closeTo(values[0][0], 45306 + 9.5 / 24);
    closeTo(values[1][0], 45307 + 9.5 / 24);
    expect(back.sheets[0].formulas.get(cellKey(1, 0))).toBe('=A1+1');
    closeTo(values[2][0], 45306.5);
  });
});

it('a file saved under one zone reads the same under another', async () => {
  useZone('Pacific/Auckland');
  const file = join(dir, 'cross.xlsx');
  await saveWorkbook(dateModel(), file);
  useZone('UTC');
  const back = await loadWorkbook(file);
  SERIALS.forEach((serial, i) => {
    closeTo(back.sheets[0].values[i][0], serial);
  });
});
