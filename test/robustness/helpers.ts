// Shared helpers of the robustness tests: the built bundle (dist/Code.js, built by the global
// setup) loaded in the local runtime over an in-memory workbook, a refresh call, and full value
// grids of the tracking tabs for before/after comparisons.
import { readFileSync } from 'node:fs';
import type { RefreshResult } from '../../src/core/api';
import type { EmulatorOptions } from '../../src/local/emulator/index';
import { type LoadedBundle, loadBundle } from '../../src/local/runtime';
import { type CellValue, newSheetModel, type WorkbookModel } from '../../src/local/workbook/model';

export const CODE = readFileSync('dist/Code.js', 'utf8');
export const TODAY = '2026-11-27';
export const DASHBOARD_NAMES = ['Tableau de bord', 'Dashboard'];
/** Tabs the add-on generates (never tracking tabs). */
export const GENERATED = new Set([
  ...DASHBOARD_NAMES,
  'Historique',
  'History',
  '_ClubPulse_KPI',
  '_ClubPulse_Charts',
  '_ClubPulse_Mail',
  '_ClubPulse_Forms',
  'Enquêtes',
  'Surveys',
]);

export function run(
  model: WorkbookModel,
  options: Partial<Omit<EmulatorOptions, 'workbook' | 'realm'>> = {},
): LoadedBundle {
  return loadBundle(CODE, { workbook: model, userLocale: 'fr', ...options });
}

export function refresh(
  model: WorkbookModel,
  request: { period?: string; today?: string } = {},
  options: Partial<Omit<EmulatorOptions, 'workbook' | 'realm'>> = {},
): { bundle: LoadedBundle; result: RefreshResult } {
  const bundle = run(model, options);
  const result = bundle.call('refreshKpis', {
    period: request.period ?? '2026-S1',
    today: request.today ?? TODAY,
    withReport: true,
  }) as RefreshResult;
  return { bundle, result };
}

/** Every sheet's full value grid, as JSON, by name. */
export function grids(model: WorkbookModel): Map<string, string> {
  return new Map(model.sheets.map((s) => [s.name, JSON.stringify(s.values)]));
}

export function dashboardOf(model: WorkbookModel) {
  return model.sheets.find((s) => DASHBOARD_NAMES.includes(s.name));
}

/**
 * fillTabs for large grids: src/local/workbook/fill.ts spreads every row length into Math.max,
 * which overflows the stack on the L-scale club (250,000 attendance rows).
 */
export function fillLarge(model: WorkbookModel, tabs: Array<{ name: string; rows: CellValue[][] }>): void {
  for (const tab of tabs) {
    const sheet = newSheetModel(model.meta.nextSheetId++, tab.name);
    sheet.values = tab.rows.map((r) => [...r]);
    sheet.maxRows = Math.max(sheet.maxRows, tab.rows.length);
    let width = 0;
    for (const r of tab.rows) width = Math.max(width, r.length);
    sheet.maxColumns = Math.max(sheet.maxColumns, width);
    model.sheets.push(sheet);
  }
}
