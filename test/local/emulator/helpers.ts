/**
 * Fixtures for the emulator tests: a workbook with named tabs (fr_FR, Europe/Paris unless told
 * otherwise), an emulator over it, and a matcher for the Apps Script exceptions the services throw.
 */
import { expect } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../src/local/emulator/index';
import { newSheetModel, newWorkbookModel, type WorkbookModel } from '../../../src/local/workbook/model';

export function workbook(
  tabs: string[] = ['Sheet1'],
  options: { locale?: string; timeZone?: string; rows?: number; columns?: number } = {},
): WorkbookModel {
  const wb = newWorkbookModel({ locale: options.locale, timeZone: options.timeZone });
  for (const name of tabs)
    wb.sheets.push(newSheetModel(wb.meta.nextSheetId++, name, options.rows, options.columns));
  return wb;
}

export function emulator(
  wb: WorkbookModel = workbook(),
  options: Partial<Omit<EmulatorOptions, 'workbook'>> = {},
): Emulator & { ss: GoogleAppsScript.Spreadsheet.Spreadsheet } {
  const em = createEmulator({ workbook: wb, ...options, authMode: 'FULL' });
  const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
  em.setAuthMode(options.authMode ?? 'FULL');
  em.counter.reset();
  return Object.assign(em, { ss });
}

/** Asserts that `f` throws an Apps Script exception with exactly `message`. */
export function expectException(f: () => unknown, message: string): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected the exception "${message}"`).toBeInstanceOf(Error);
  expect((caught as Error).name).toBe('Exception');
  expect((caught as Error).message).toBe(message);
}
