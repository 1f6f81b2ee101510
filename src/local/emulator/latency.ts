/**
 * The latency model that turns what the emulator counts during one refresh into a modelled Apps
 * Script time. Constants and their sources: bench/LATENCY.md (fixed before any measurement).
 *
 *   modelled = calls × CALL_MS + cellsRead × READ_CELL_MS + cellsWritten × WRITE_CELL_MS
 *            + formatCalls × formattedArea × FORMAT_CELL_MS + flushes × FLUSH_MS
 *            + computeMs × V8_FACTOR
 */

export const LATENCY = {
  /** One service call, round trip included: 100×100 cells set one by one ≈ 70 s → 7 ms a call. */
  CALL_MS: 7,
  /** One cell written by setValues: a 4,000-cell setValues < 50 ms → 12.5 µs a cell (upper bound). */
  WRITE_CELL_MS: 50 / 4000,
  /** One cell read by getValues: no published figure; assumed equal to a written cell. */
  READ_CELL_MS: 50 / 4000,
  /** One cell of a batched format call (setBackgrounds…): 100×100 batched ≈ 1 s → 0.1 ms a cell. */
  FORMAT_CELL_MS: 0.1,
  /** One SpreadsheetApp.flush(): ≈ 610 ms measured with a 4,000-cell write; 600 ms taken. */
  FLUSH_MS: 600,
  /** Apps Script's V8 against Node on the bench machine: no published figure; assumed 3× slower. */
  V8_FACTOR: 3,
} as const;

/** Batched format calls of a refresh, each assumed to cover the whole dashboard area. */
export const FORMAT_METHODS = [
  'Range.setBackgrounds',
  'Range.setFontColors',
  'Range.setFontWeights',
  'Range.setFontSizes',
  'Range.setNumberFormats',
  'Range.setHorizontalAlignments',
  'Range.setWraps',
] as const;

export interface RefreshCounts {
  calls: number;
  byMethod: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  /** Cells of the dashboard tab (rows × columns) after the refresh. */
  dashboardCells: number;
  /** Core compute time measured in Node, ms. */
  computeMs: number;
}

export interface ModelledTime {
  seconds: number;
  parts: { calls: number; reads: number; writes: number; formats: number; flushes: number; compute: number };
}

export function modelAppsScriptTime(c: RefreshCounts): ModelledTime {
  const formatCalls = FORMAT_METHODS.reduce((s, m) => s + (c.byMethod[m] ?? 0), 0);
  const flushes = c.byMethod['SpreadsheetApp.flush'] ?? 0;
  const parts = {
    calls: c.calls * LATENCY.CALL_MS,
    reads: c.cellsRead * LATENCY.READ_CELL_MS,
    writes: c.cellsWritten * LATENCY.WRITE_CELL_MS,
    formats: formatCalls * c.dashboardCells * LATENCY.FORMAT_CELL_MS,
    flushes: flushes * LATENCY.FLUSH_MS,
    compute: c.computeMs * LATENCY.V8_FACTOR,
  };
  const ms = Object.values(parts).reduce((s, v) => s + v, 0);
  const seconds = (x: number): number => x / 1000;
  return {
    seconds: seconds(ms),
    parts: {
      calls: seconds(parts.calls),
      reads: seconds(parts.reads),
      writes: seconds(parts.writes),
      formats: seconds(parts.formats),
      flushes: seconds(parts.flushes),
      compute: seconds(parts.compute),
    },
  };
}
