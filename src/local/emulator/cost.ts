/**
 * The 30 s limit of custom functions, charged with bench/LATENCY.md's model ("Custom functions"):
 * every call made in CUSTOM_FUNCTION mode costs the bundle load, its service calls, the cells it
 * read and wrote, its flushes and its JavaScript time × V8_FACTOR; past 30 s it fails with Apps
 * Script's error, as the cell would show it.
 *
 * Limit: https://developers.google.com/apps-script/guides/services/quotas ("Custom function
 * runtime 30 sec / execution"); error text: https://developers.google.com/apps-script/guides/sheets/functions
 * (troubleshooting: `Exceeded maximum execution time`).
 */
import { LATENCY } from './latency';
import type { Realm, ServiceCounter } from './types';

export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
export const EXCEEDED_MAXIMUM_EXECUTION_TIME = 'Exceeded maximum execution time';

export interface CustomFunctionCost {
  name: string;
  /** Modelled Apps Script time of the call, seconds. */
  seconds: number;
  parts: { load: number; calls: number; reads: number; writes: number; flushes: number; compute: number };
  /** True when the call was failed for passing the limit. */
  exceeded: boolean;
}

interface Snapshot {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  flushes: number;
}

function snapshot(c: ServiceCounter): Snapshot {
  return {
    calls: c.calls,
    cellsRead: c.cellsRead,
    cellsWritten: c.cellsWritten,
    flushes: c.byMethod.get('SpreadsheetApp.flush') ?? 0,
  };
}

/** Charges custom-function calls of one loaded bundle; `costs` lists every charged call, in order. */
export class CustomFunctionMeter {
  readonly costs: CustomFunctionCost[] = [];

  /** @param loadMs Node's evaluation time of the bundle (× V8_FACTOR is charged to each call). */
  constructor(
    private readonly counter: ServiceCounter,
    private readonly realm: Realm,
    private readonly loadMs: number,
  ) {}

  run<T>(name: string, body: () => T): T {
    const before = snapshot(this.counter);
    const started = performance.now();
    let result: T | undefined;
    let failure: { error: unknown } | null = null;
    try {
      result = body();
    } catch (error) {
      failure = { error };
    }
    const ms = performance.now() - started;
    const after = snapshot(this.counter);
    const parts = {
      load: this.loadMs * LATENCY.V8_FACTOR,
      calls: (after.calls - before.calls) * LATENCY.CALL_MS,
      reads: (after.cellsRead - before.cellsRead) * LATENCY.READ_CELL_MS,
      writes: (after.cellsWritten - before.cellsWritten) * LATENCY.WRITE_CELL_MS,
      flushes: (after.flushes - before.flushes) * LATENCY.FLUSH_MS,
      compute: ms * LATENCY.V8_FACTOR,
    };
    const total = Object.values(parts).reduce((s, v) => s + v, 0);
    const exceeded = total > CUSTOM_FUNCTION_LIMIT_MS;
    const seconds = (x: number): number => x / 1000;
    this.costs.push({
      name,
      seconds: seconds(total),
      parts: {
        load: seconds(parts.load),
        calls: seconds(parts.calls),
        reads: seconds(parts.reads),
        writes: seconds(parts.writes),
        flushes: seconds(parts.flushes),
        compute: seconds(parts.compute),
      },
      exceeded,
    });
    if (exceeded) throw new this.realm.Error(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    if (failure) throw failure.error;
    return result as T;
  }
}
