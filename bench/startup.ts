/**
 * Start-up of the `club-pulse` command (issue 21): the wall time of `club-pulse --help` and of an
 * argument error (a bad `--today`, refused before any workbook is read), each the median of a few
 * runs in fresh processes, beside the floor of this machine (`node -e 0`, an empty Node process).
 * The target is under 0.3 s.
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface StartupFigures {
  helpMs: number;
  argumentErrorMs: number;
  emptyNodeMs: number;
}

export const STARTUP_TARGET_MS = 300;

function medianWallMs(args: string[], runs: number, cwd: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function measureStartup(root: string, runs = 7): StartupFigures {
  const bin = join(root, 'bin/club-pulse.mjs');
  return {
    helpMs: medianWallMs([bin, '--help'], runs, root),
    argumentErrorMs: medianWallMs([bin, 'refresh', 'absent.xlsx', '--today', '2026-13-45'], runs, root),
    emptyNodeMs: medianWallMs(['-e', '0'], runs, root),
  };
}

/** The target lines, `met` or `NOT met`, as the other targets of the bench print them. */
export function startupTargets(f: StartupFigures): string[] {
  const mark = (ms: number) => (ms < STARTUP_TARGET_MS ? 'met' : 'NOT met');
  const floor = `an empty Node process takes ${Math.round(f.emptyNodeMs)} ms here`;
  return [
    `Start-up: club-pulse --help under 0.3 s: ${mark(f.helpMs)} (${Math.round(f.helpMs)} ms; ${floor}).`,
    `Start-up: an argument error (bad --today) under 0.3 s: ${mark(f.argumentErrorMs)} (${Math.round(f.argumentErrorMs)} ms).`,
  ];
}
