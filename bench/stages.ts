/**
 * Issue 21's figures beside the scales: where the demo refresh's time goes, stage by stage, and
 * the CLI's own peak memory.
 *
 *   measure.mjs stages <file.xlsx> <out.xlsx> <result.json>   the CLI refresh's stages in one
 *       process: load (the .xlsx into the model), bundle (vm context and dist/Code.js), compute
 *       (the core on the tabs as getValues gives them), render (the rest of the refresh in the
 *       emulator: reading, the dashboard, charts and members' tabs written), save (the .xlsx)
 *   cli-peak.mjs <result.json> <club-pulse arguments…>        the CLI in this process, then its
 *       exit code, wall time and peak RSS (getrusage ru_maxrss) written to the result file
 */

import { computeReport } from '../src/core/compute';
import type { RawTab } from '../src/core/read';
import { runAddon, todayOf } from '../src/local/session';
import { loadWorkbook, saveWorkbook } from '../src/local/workbook/xlsx';

export interface StageTimes {
  load_ms: number;
  bundle_ms: number;
  compute_ms: number;
  render_ms: number;
  save_ms: number;
}

export async function demoStages(file: string, out: string): Promise<StageTimes> {
  let t = performance.now();
  const model = await loadWorkbook(file);
  const loadMs = performance.now() - t;
  t = performance.now();
  const bundle = runAddon(model);
  const bundleMs = performance.now() - t;
  const today = todayOf(model);

  // The core alone, on the tabs as the emulator's getValues gives them (a copy: nothing written).
  const ss = bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
  const tabs: RawTab[] = ss
    .getSheets()
    .map((s) => ({ name: s.getName(), values: s.getDataRange().getValues() }));
  t = performance.now();
  const outcome = computeReport({
    tabs,
    locale: ss.getSpreadsheetLocale(),
    timeZone: ss.getSpreadsheetTimeZone(),
    today,
  });
  const computeMs = performance.now() - t;
  if (!outcome.ok) throw new Error(outcome.message);

  t = performance.now();
  const result = bundle.api.refreshKpis({ period: '', today, withReport: false });
  const refreshMs = performance.now() - t;
  if (!result.ok) throw new Error(result.message);
  t = performance.now();
  await saveWorkbook(model, out);
  const saveMs = performance.now() - t;
  return {
    load_ms: loadMs,
    bundle_ms: bundleMs,
    compute_ms: computeMs,
    render_ms: Math.max(0, refreshMs - computeMs),
    save_ms: saveMs,
  };
}
