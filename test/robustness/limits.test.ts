// Apps Script limits (issue 10, reference §1.4 and §6), each with a defined behaviour:
// - 6-minute execution: a refresh of the L-scale club (5,000 members, ~400,000 rows) makes the same
//   number of service calls as the S-scale one, and its modelled Apps Script time (src/local/emulator/latency.ts)
//   stays under 6 minutes;
// - 30 s custom functions: CLUB_KPIS for the stored period reads the hidden table only (one
//   getValues, a few hundred cells), whatever the size of the club;
// - 50,000 characters a cell: a 60,000-character cell in an .xlsx is read, its issue quoted cut, and
//   every text the add-on writes is cut to fit, with a mark (`…`);
// - 10 million cells: the emulator throws the documented sentence; the refresh lets it through as
//   that sentence (the sidebar shows its first line), and leaves no half-written tab;
// - the mail quota: test/e2e/surveys.test.ts, "emails stop at the daily quota and resume the next
//   day, never twice".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClub } from '../../src/local/demo/generator';
import { modelAppsScriptTime } from '../../src/local/emulator/latency';
import { fillTabs } from '../../src/local/workbook/fill';
import {
  MAX_CELLS,
  newSheetModel,
  newWorkbookModel,
  type WorkbookModel,
} from '../../src/local/workbook/model';
import { loadWorkbook, saveWorkbook } from '../../src/local/workbook/xlsx';
import { fixtureWorkbook } from '../e2e/club-fixture';
import { dashboardOf, fillLarge, refresh, run, TODAY } from './helpers';

const TOO_MANY_CELLS =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

const totalCells = (model: WorkbookModel) => model.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);

describe('the 6-minute execution and the 30 s custom function limits', () => {
  it('refreshes the L-scale club in as many service calls as the S one, within 6 modelled minutes; CLUB_KPIS reads the hidden table only', () => {
    const measure = (scale: 'S' | 'L') => {
      const club = generateClub({ scale, today: TODAY, seed: 1, messy: false });
      const model = newWorkbookModel({ locale: 'fr_FR' });
      // Tabs exactly as wide as their columns: at 26 columns each, the L club alone would pass 10 M cells.
      fillLarge(model, club.tabs);
      for (const s of model.sheets) s.maxColumns = Math.max(1, ...[s.values[0]?.length ?? 1]);
      const started = Date.now();
      const { bundle, result } = refresh(model);
      const computeMs = Date.now() - started;
      expect(result.ok).toBe(true);
      const c = bundle.emulator.counter;
      const dashboard = dashboardOf(model)!;
      const modelled = modelAppsScriptTime({
        calls: c.calls,
        byMethod: Object.fromEntries(c.byMethod),
        cellsRead: c.cellsRead,
        cellsWritten: c.cellsWritten,
        dashboardCells: dashboard.maxRows * dashboard.maxColumns,
        computeMs,
      });
      return {
        model,
        calls: c.calls,
        byMethod: new Map(c.byMethod),
        rows: club.stats.rows,
        modelled: modelled.seconds,
        // Service time alone; the compute part uses the wall time of the whole bundle call (emulator
        // included), an upper bound.
        services: modelled.seconds - modelled.parts.compute,
      };
    };
    const small = measure('S');
    const large = measure('L');
    console.log(
      `refresh: S ${small.rows} rows ${small.calls} calls ${small.modelled.toFixed(1)} s modelled; ` +
        `L ${large.rows} rows ${large.calls} calls ${large.modelled.toFixed(1)} s modelled`,
    );
    expect(large.rows).toBeGreaterThan(300_000);
    // Exactly the same calls, method by method, whatever the number of rows read and written.
    expect(Object.fromEntries(large.byMethod)).toEqual(Object.fromEntries(small.byMethod));
    expect(large.calls).toBe(small.calls);
    expect(large.services).toBeLessThan(120);
    expect(large.modelled).toBeLessThan(360);

    const custom = run(large.model);
    custom.emulator.setAuthMode('CUSTOM_FUNCTION');
    const table = custom.call('CLUB_KPIS') as unknown[][];
    expect(table.length).toBeGreaterThan(40);
    expect(custom.emulator.counter.byMethod.get('Range.getValues')).toBe(1);
    expect(custom.emulator.counter.cellsRead).toBeLessThan(1_000);
    expect(custom.emulator.counter.calls).toBeLessThan(10);
  }, 180_000);
});

describe('the 50,000-character cell limit', () => {
  it('a 60,000-character cell in an .xlsx: the refresh reads it, quotes its issue cut, writes nothing over the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'club-pulse-limits-'));
    const file = join(dir, 'long.xlsx');
    const model = fixtureWorkbook();
    const events = model.sheets.find((s) => s.name === 'Événements')!;
    events.values[0].push('Coût');
    events.values[1].push('9'.repeat(60_000));
    const members = model.sheets.find((s) => s.name === 'Membres')!;
    members.values[0].push('Bio');
    members.values[1].push('b'.repeat(60_000));
    await saveWorkbook(model, file);
    expect(
      String((await loadWorkbook(file)).sheets.find((s) => s.name === 'Membres')!.values[1][7]).length,
    ).toBe(60_000);
    const out = join(dir, 'out.xlsx');
    const json = join(dir, 'kpis.json');
    const r = spawnSync(
      process.execPath,
      ['bin/club-pulse.mjs', 'refresh', file, '--today', TODAY, '--out', out, '--json', json],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const issue = report.issues.find((i: { code: string }) => i.code === 'bad_number');
    expect(issue).toMatchObject({ tab: 'Événements', row: 2, column: 'Coût' });
    expect(issue.value).toHaveLength(200);
    expect(issue.value.endsWith('…')).toBe(true);
    const saved = await loadWorkbook(out);
    for (const s of saved.sheets) {
      if (['Événements', 'Membres'].includes(s.name)) continue;
      for (const v of s.values.flat()) expect(String(v).length, s.name).toBeLessThanOrEqual(50_000);
    }
    expect(saved.sheets.find((s) => s.name === 'Tableau de bord')!.values.flat()).toContain(issue.value);
  });
});

describe('the 10-million-cell workbook limit', () => {
  /** Adds an archive tab that leaves `free` cells before the limit. */
  const fillUpTo = (model: WorkbookModel, free: number) => {
    const archive = newSheetModel(model.meta.nextSheetId++, 'Archives', 1, 10);
    archive.maxRows = Math.floor((MAX_CELLS - free - totalCells(model)) / 10);
    model.sheets.push(archive);
  };

  it('a first refresh on a full workbook fails with the documented sentence and writes no tab', () => {
    const model = fixtureWorkbook();
    fillUpTo(model, 100);
    const names = model.sheets.map((s) => s.name);
    let error: Error | null = null;
    try {
      refresh(model);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toBe(TOO_MANY_CELLS);
    expect(error?.name).toBe('Exception');
    expect(model.sheets.map((s) => s.name)).toEqual(names);
  });

  it('a refresh that needs more cells than are left keeps the previous dashboard whole', () => {
    const model = fixtureWorkbook();
    fillTabs(model, generateClub({ scale: 'S', today: TODAY, seed: 3, messy: true }).tabs);
    expect(refresh(model).result.ok).toBe(true);
    const before = JSON.stringify(dashboardOf(model)!.values);
    const history = JSON.stringify(model.sheets.find((s) => s.name === 'Historique')!.values);
    fillUpTo(model, 1_000);
    expect(() => refresh(model, { period: '2026-Q1' })).toThrow(TOO_MANY_CELLS);
    expect(JSON.stringify(dashboardOf(model)!.values)).toBe(before);
    expect(JSON.stringify(model.sheets.find((s) => s.name === 'Historique')!.values)).toBe(history);
    expect(model.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
  });
});
