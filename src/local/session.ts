/**
 * One command's hold on a workbook file: the lock file beside it (two commands on one workbook are
 * serialised; the one that waits too long fails with WorkbookBusyError), the loaded model, the
 * built add-on bundle running over it in the local runtime, and saving (in place unless the
 * workbook holds parts the xlsx library cannot keep).
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantOf, wallClockAt } from '../core/timezone';
import { readCodeCache } from './code-cache';
import { acquireFileLock, releaseFileLock } from './emulator/lockfile';
import { WorkbookBusyError } from './errors';
import { type LoadedBundle, loadBundle } from './runtime';
import type { WorkbookModel } from './workbook/model';
import { canOverwriteInPlace, loadWorkbook, saveWorkbook, WorkbookFileError } from './workbook/xlsx';

export { WorkbookBusyError };

/** Where dist/ is: beside this bundle (dist/local/cli.mjs) or, from sources, at the project root. */
export function distDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..'), join(here, '../../dist'), join(process.cwd(), 'dist')]) {
    if (existsSync(join(candidate, 'Code.js'))) return candidate;
  }
  throw new WorkbookFileError('The add-on is not built: run `npm run build` first.');
}

/** The built add-on files the runtime serves, and V8's cache of the code if the build made one. */
export function builtAddon(): { code: string; htmlFiles: Record<string, string>; codeCache?: Buffer } {
  const dist = distDir();
  const sidebar = join(dist, 'Sidebar.html');
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  return {
    code,
    htmlFiles: existsSync(sidebar) ? { Sidebar: readFileSync(sidebar, 'utf8') } : {},
    codeCache: readCodeCache(dist, code),
  };
}

export function lockWaitMs(): number {
  const fromEnv = Number(process.env.CLUB_PULSE_LOCK_WAIT_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : 30_000;
}

/** Runs `work` while holding the workbook's lock file. */
export async function withWorkbookLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const wait = lockWaitMs();
  if (!acquireFileLock(lockPath, token, wait)) {
    throw new WorkbookBusyError(
      `The workbook ${path} is busy: another club-pulse command has held it for more than ${wait < 1000 ? `${wait} ms` : `${Math.round(wait / 1000)} s`}. Try again when it has finished.`,
    );
  }
  try {
    return await work();
  } finally {
    releaseFileLock(lockPath, token);
  }
}

export interface WorkbookSession {
  path: string;
  model: WorkbookModel;
  bundle: LoadedBundle;
  /** Saves to `out`, or in place when `out` is absent (refused for a workbook with unkept parts). */
  save(out?: string): Promise<string>;
}

/** Today in the workbook's time zone, `yyyy-MM-dd`. */
export function todayOf(model: WorkbookModel, now = Date.now()): string {
  const w = wallClockAt(now, model.meta.timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Loads a model into the local runtime (shared by the CLI, the dev server and the tests). */
export function runAddon(
  model: WorkbookModel,
  options: { documentLockFile?: string; userLocale?: string; today?: string; executionLimitMs?: number } = {},
): LoadedBundle {
  const { code, htmlFiles, codeCache } = builtAddon();
  return loadBundle(code, {
    workbook: model,
    htmlFiles,
    codeCache,
    lockFile: options.documentLockFile,
    // The user's store (installable triggers, across workbooks): a folder named by the environment,
    // else the workbook itself (emulator/user-store.ts).
    userStore: process.env.CLUB_PULSE_USER_STORE || undefined,
    userLocale: options.userLocale ?? model.meta.locale.slice(0, 2),
    now: options.today ? clockAt(options.today, model.meta.timeZone) : undefined,
    executionLimitMs: options.executionLimitMs,
  });
}

/**
 * A clock for `--today`: the real time of day, on that day in the workbook's time zone, so that
 * everything the add-on dates (refresh stamps, surveys created, emails sent) falls on it.
 */
export function clockAt(today: string, timeZone: string): () => number {
  const [year, month, day] = today.split('-').map(Number);
  return () => {
    const w = wallClockAt(Date.now(), timeZone);
    return instantOf({ ...w, year, month, day }, timeZone);
  };
}

export async function openWorkbook(
  path: string,
  model?: WorkbookModel,
  options: { today?: string; executionLimitMs?: number } = {},
): Promise<WorkbookSession> {
  const loaded = model ?? (await loadWorkbook(path));
  const bundle = runAddon(loaded, {
    documentLockFile: `${path}.doclock`,
    today: options.today,
    executionLimitMs: options.executionLimitMs,
  });
  return {
    path,
    model: loaded,
    bundle,
    async save(out?: string): Promise<string> {
      const target = out ?? path;
      if (!out) {
        const verdict = canOverwriteInPlace(loaded);
        if (!verdict.ok) throw new WorkbookFileError(`${verdict.reason} Use --out.`);
      }
      await saveWorkbook(loaded, target, { sourcePath: path });
      return target;
    },
  };
}
