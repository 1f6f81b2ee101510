/**
 * One measurement of the benchmark, in its own process so that peak memory and limits are its own
 * (bundled to dist/bench/measure.mjs by bench/run.mjs and spawned by bench/main.ts):
 *
 *   measure.mjs clubpulse <scale> <result.json>   core compute (median), the refresh through the
 *                                                 bundle in the emulator (counts, peak RSS),
 *                                                 CLUB_KPIS in AuthMode CUSTOM_FUNCTION
 *   measure.mjs xlsx <scale> <file.xlsx> <result.json>   the club written as a real .xlsx
 *   measure.mjs baseline <scale> <result.json>    the formula baseline in HyperFormula
 *   measure.mjs baseline-linear <scale> <result.json>   the same without participation_rate
 *   measure.mjs stages <file.xlsx> <out.xlsx> <result.json>   the CLI refresh's stages (stages.ts)
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { ClubScale } from '../src/local/demo/generator';
import { loadBundle } from '../src/local/runtime';
import { builtAddon } from '../src/local/session';
import { saveWorkbook } from '../src/local/workbook/xlsx';
import { periodCells, runBaseline } from './baseline';
import { BENCH, benchClub, clubPulseReport, clubWorkbook, gridsOf, kpiValues } from './club';
import { demoStages } from './stages';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Peak resident memory, MB: Linux VmHWM (resettable), else the process maximum. */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Resets the peak to the current RSS (Linux ≥ 4.0); false where it cannot. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function clubPulse(scale: ClubScale, runs: number) {
  let t = performance.now();
  const club = benchClub(scale);
  const generateMs = performance.now() - t;

  // Core compute: computeReport on the grids, Dates as real Date objects.
  let grids: ReturnType<typeof gridsOf> | null = gridsOf(club);
  const computeRuns: number[] = [];
  let values: Record<string, number | null> = {};
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const report = clubPulseReport(grids);
    computeRuns.push(performance.now() - t);
    if (i === 0) values = Object.fromEntries(kpiValues(report));
  }
  grids = null;

  // The refresh as Sheets runs it: the bundle in the emulator over the in-memory workbook.
  const { code, htmlFiles } = builtAddon();
  const model = clubWorkbook(club);
  const bundle = loadBundle(code, { workbook: model, htmlFiles });
  gc();
  const rssBefore = process.memoryUsage.rss() / 2 ** 20;
  const peakIsRefreshOnly = resetPeakRss();
  bundle.emulator.counter.reset();
  t = performance.now();
  const result = bundle.call('refreshKpis', { period: BENCH.period, today: BENCH.today }) as {
    ok: boolean;
    message?: string;
  };
  const refreshMs = performance.now() - t;
  const peakRss = peakRssMb();
  if (!result.ok) throw new Error(`refreshKpis failed: ${result.message}`);
  const counter = bundle.emulator.counter;
  const dashboard = model.sheets.find((s) => s.name === 'Tableau de bord');
  const dashboardCells = dashboard
    ? dashboard.values.length * Math.max(0, ...dashboard.values.map((r) => r.length))
    : 0;
  const refresh = {
    refreshMs,
    calls: counter.calls,
    byMethod: Object.fromEntries(counter.byMethod),
    cellsRead: counter.cellsRead,
    cellsWritten: counter.cellsWritten,
    dashboardCells,
  };

  // CLUB_KPIS for another period than the stored one: computed live, read-only.
  const customRuns: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const custom = loadBundle(code, { workbook: model, htmlFiles });
    custom.emulator.setAuthMode('CUSTOM_FUNCTION');
    t = performance.now();
    const table = custom.call('CLUB_KPIS', BENCH.otherPeriod) as unknown[][];
    customRuns.push(performance.now() - t);
    rows = table.length;
  }
  return {
    scale,
    members: club.stats.members,
    rows: club.stats.rows,
    cells: club.stats.cells,
    generateMs,
    computeMs: median(computeRuns),
    computeRuns,
    values,
    refresh,
    rssBeforeRefreshMb: rssBefore,
    peakRssMb: peakRss,
    peakIsRefreshOnly,
    processPeakRssMb: process.resourceUsage().maxRSS / 1024,
    customFunctionMs: median(customRuns),
    customFunctionRuns: customRuns,
    customFunctionRows: rows,
  };
}

async function xlsx(scale: ClubScale, file: string) {
  const club = benchClub(scale);
  const model = clubWorkbook(club);
  const t = performance.now();
  await saveWorkbook(model, file);
  return { xlsxWriteMs: performance.now() - t, xlsxBytes: statSync(file).size };
}

function baseline(scale: ClubScale, participation: boolean) {
  const club = benchClub(scale);
  const run = runBaseline(
    club.tabs,
    periodCells(BENCH.period, BENCH.today),
    periodCells(BENCH.otherPeriod, BENCH.today),
    { participation },
  );
  return { ...run, peakRssMb: peakRssMb() };
}

async function main(argv: string[]): Promise<void> {
  const [task, scale, ...rest] = argv as [string, ClubScale, ...string[]];
  const out = rest[rest.length - 1];
  let result: unknown;
  if (task === 'clubpulse') result = clubPulse(scale, Number(process.env.BENCH_RUNS ?? 5));
  else if (task === 'xlsx') result = await xlsx(scale, rest[0]);
  else if (task === 'baseline') result = baseline(scale, true);
  else if (task === 'baseline-linear') result = baseline(scale, false);
  else if (task === 'stages') result = await demoStages(scale, rest[0]);
  else throw new Error(`Unknown task ${task}`);
  writeFileSync(out, JSON.stringify(result));
}

await main(process.argv.slice(2));
