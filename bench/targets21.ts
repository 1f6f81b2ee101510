/**
 * Issue 21's targets, checked on one run of `npm run bench`: the demo refresh end to end under 1 s
 * with each stage's share, the CLI at L under 10 s and 1 GB, cells read against the workbook's
 * cells and the modelled refresh at L, the formula baseline's ratio at every scale (its time, or a
 * lower bound when it did not finish), and the figures issue 9 already met.
 */

import type { StageTimes } from './stages';

export interface DemoRecord extends StageTimes {
  /** Median wall time of `club-pulse refresh examples/demo-club.xlsx --out …` as a child process (5 runs). */
  wall_ms: number;
  wall_runs_ms: number[];
  /** Node start and module loading: the wall time the stages do not account for. */
  startup_ms: number;
}

export interface ScaleFigures {
  scale: string;
  cells: number;
  cells_read: number;
  compute_ms: number;
  modeled_apps_script_s: number;
  cli_ms: number | null;
  cli_peak_rss_mb: number | null;
  baseline_ms: number | null;
  baseline_check: string;
  baseline_timeout_s: number;
}

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mark = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** Each stage's share of the demo's wall time, largest first. */
export function demoShares(d: DemoRecord): string {
  const parts: Array<[string, number]> = [
    ['start-up (Node, modules)', d.startup_ms],
    ['load', d.load_ms],
    ['bundle', d.bundle_ms],
    ['refresh (compute and tabs written)', d.refresh_ms],
    ['save', d.save_ms],
  ];
  const shares = parts.map(([k, v]) => `${k} ${fmt(v)} ms (${fmt((100 * v) / d.wall_ms)} %)`).join(', ');
  return `${shares}; runs ${d.wall_runs_ms.map((ms) => fmt(ms)).join(', ')} ms`;
}

/** The formula baseline's ratio to compute: measured, or a lower bound from the time it ran. */
export function baselineRatio(r: ScaleFigures): string {
  if (r.baseline_ms !== null)
    return `${fmt(r.baseline_ms / r.compute_ms)}× (baseline ${fmt(r.baseline_ms / 1000, 1)} s)`;
  if (r.baseline_check.startsWith('did not finish'))
    return `> ${fmt((r.baseline_timeout_s * 1000) / r.compute_ms)}× (baseline stopped unfinished after ${fmt(r.baseline_timeout_s)} s: a lower bound)`;
  return `unknown (the baseline ${r.baseline_check})`;
}

export function issue21Targets(runs: ScaleFigures[], demo: DemoRecord | null): string[] {
  const out: string[] = [];
  if (demo)
    out.push(
      `Demo refresh end to end under 1 s wall: ${mark(demo.wall_ms < 1000)} (${fmt(demo.wall_ms)} ms; ${demoShares(demo)}).`,
    );
  const l = runs.find((r) => r.scale === 'L');
  if (l) {
    out.push(
      `L: CLI refresh under 10 s: ${l.cli_ms === null ? 'NOT met (failed)' : `${mark(l.cli_ms < 10_000)} (${fmt(l.cli_ms / 1000, 1)} s)`}.`,
    );
    out.push(
      `L: CLI peak memory under 1 GB: ${l.cli_peak_rss_mb === null ? 'unknown' : `${mark(l.cli_peak_rss_mb < 1024)} (${fmt(l.cli_peak_rss_mb)} MB)`}.`,
    );
    out.push(
      `L: modelled Apps Script refresh: ${fmt(l.modeled_apps_script_s, 1)} s (latency model unchanged).`,
    );
  }
  for (const r of runs) {
    out.push(
      `${r.scale}: cells read by a refresh: ${fmt(r.cells_read)} of the workbook's ${fmt(r.cells)} (${fmt((100 * r.cells_read) / r.cells, 1)} %).`,
    );
  }
  for (const r of runs) {
    const ok = r.baseline_ms !== null || r.baseline_check.startsWith('did not finish');
    out.push(`${r.scale}: formula baseline finished or bounded: ${mark(ok)}; ratio ${baselineRatio(r)}.`);
  }
  return out;
}
