/**
 * The custom-function meter (src/local/emulator/cost.ts, bench/LATENCY.md "Custom functions"): a
 * call made in CUSTOM_FUNCTION mode is charged its service calls and cells read, and fails with
 * Apps Script's `Exceeded maximum execution time` past 30 s; calls in other modes are not charged.
 * The bundles here are tiny; the costs asserted come from the counted cells and calls only (the
 * JavaScript time of these calls is a few ms, × 3).
 */
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { EXCEEDED_MAXIMUM_EXECUTION_TIME } from '../../../src/local/emulator/cost';
import { LATENCY } from '../../../src/local/emulator/latency';
import { loadBundle } from '../../../src/local/runtime';
import { workbook } from './helpers';

const BUNDLE = `
function readAll(times) {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 1000, 10);
  for (var i = 0; i < times; i++) range.getValues();
  return times;
}
`;

function bundle() {
  const model = workbook(['S'], { rows: 1000, columns: 10 });
  model.sheets[0].values = Array.from({ length: 1000 }, (_, r) =>
    Array.from({ length: 10 }, (_, c) => r * c),
  );
  return loadBundle(BUNDLE, { workbook: model });
}

describe('custom-function meter', () => {
  test('charges the cells read and the service calls of a call in CUSTOM_FUNCTION mode', () => {
    const b = bundle();
    b.emulator.setAuthMode('CUSTOM_FUNCTION');
    expect(b.call('readAll', 10)).toBe(10);
    const [cost] = b.customFunctions.costs;
    expect(cost.name).toBe('readAll');
    expect(cost.parts.reads).toBeCloseTo((10 * 10_000 * LATENCY.READ_CELL_MS) / 1000, 9);
    // getActiveSpreadsheet, getSheets, getRange, 10 × getValues.
    expect(cost.parts.calls).toBeCloseTo((13 * LATENCY.CALL_MS) / 1000, 9);
    expect(cost.parts.load).toBeGreaterThan(0);
    expect(cost.exceeded).toBe(false);
  });

  test('fails a call past 30 s with Apps Script’s error, in the bundle’s realm', () => {
    const b = bundle();
    b.emulator.setAuthMode('CUSTOM_FUNCTION');
    // 250 reads of 10,000 cells = 2.5 M cells × 12.5 µs = 31.25 s of reads alone.
    let caught: unknown;
    try {
      b.call('readAll', 250);
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toBe(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    expect(caught).toBeInstanceOf(vm.runInContext('Error', b.context));
    expect(b.customFunctions.costs[0].exceeded).toBe(true);
  });

  test('does not charge menu items, triggers or sidebar calls (6 min limit, not 30 s)', () => {
    const b = bundle();
    expect(b.call('readAll', 250)).toBe(250);
    expect(b.customFunctions.costs).toEqual([]);
  });
});
