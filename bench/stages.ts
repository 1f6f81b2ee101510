/**
 * Issue 21's figures beside the scales: where the demo refresh's time goes, stage by stage, and
 * the CLI's own peak memory.
 *
 *   measure.mjs stages <file.xlsx> <out.xlsx> <result.json>   the CLI refresh's stages in one
 *       process: load (the .xlsx into the model), bundle (vm context and dist/Code.js), refresh
 *       (the add-on's refresh in the emulator: reading, the core's compute, the Dashboard, charts
 *       and members' tabs written), save (the .xlsx). The core's compute is not timed apart: timed
 *       outside the vm it would be another copy of the code, compiled apart, and the two stages
 *       would not add up (the code cache makes the one in the vm faster).
 *   cli-peak.mjs <result.json> <club-pulse arguments…>        the CLI in this process, then its
 *       exit code, wall time and peak RSS (getrusage ru_maxrss) written to the result file
 */

import { runAddon, todayOf } from '../src/local/session';
import { loadWorkbook, saveWorkbook } from '../src/local/workbook/xlsx';

export interface StageTimes {
  load_ms: number;
  bundle_ms: number;
  /** The refresh in the emulator as the CLI runs it: reading, the core's compute, the tabs written. */
  refresh_ms: number;
  save_ms: number;
}

export async function demoStages(file: string, out: string): Promise<StageTimes> {
  let t = performance.now();
  const model = await loadWorkbook(file);
  const loadMs = performance.now() - t;
  t = performance.now();
  // As the CLI loads it: with the code cache the build made (src/local/code-cache.ts).
  const bundle = runAddon(model);
  const bundleMs = performance.now() - t;
  t = performance.now();
  const result = bundle.api.refreshKpis({ period: '', today: todayOf(model), withReport: false });
  const refreshMs = performance.now() - t;
  if (!result.ok) throw new Error(result.message);
  t = performance.now();
  await saveWorkbook(model, out);
  const saveMs = performance.now() - t;
  return { load_ms: loadMs, bundle_ms: bundleMs, refresh_ms: refreshMs, save_ms: saveMs };
}
