// Messy data never crashes a refresh (issue 10): a seeded corpus of mutated workbooks (the demo
// generator's clubs, clean and messy, through every mutator of mutate.ts), plus a missing tab, a
// required column lost under a merged header, an empty workbook and a workbook holding only a
// Dashboard. Each refresh, through the built bundle, returns ok, leaves a Dashboard tab with no
// formula, and reports every injected defect that SPEC says must be reported with its tab, row,
// column and reason; defects SPEC says are read as intended raise no issue on their cell.
import { describe, expect, it } from 'vitest';
import type { ReportJson } from '../../src/core/api';
import { generateClub } from '../../src/local/demo/generator';
import { fillTabs } from '../../src/local/workbook/fill';
import { newSheetModel, newWorkbookModel, type WorkbookModel } from '../../src/local/workbook/model';
import { dashboardOf, refresh, TODAY } from './helpers';
import { columnIndex, type MutableTab, mutateClub, type ResolvedDefect } from './mutate';

function corpusWorkbook(seed: number): {
  model: WorkbookModel;
  defects: ResolvedDefect[];
  tabs: MutableTab[];
} {
  const club = generateClub({
    scale: 'S',
    seed,
    today: TODAY,
    messy: seed % 2 === 0,
    lang: seed % 3 ? 'fr' : 'en',
  });
  const tabs: MutableTab[] = club.tabs.map((t) => ({
    key: t.key,
    name: t.name,
    rows: t.rows.map((r) => [...r]),
  }));
  const defects = mutateClub(tabs, seed);
  const model = newWorkbookModel({ locale: seed % 3 ? 'fr_FR' : 'en_GB' });
  fillTabs(model, tabs);
  for (const tab of tabs) {
    const sheet = model.sheets.find((s) => s.name === tab.name)!;
    sheet.merges.push(...(tab.merges ?? []));
  }
  return { model, defects, tabs };
}

function refreshOk(model: WorkbookModel): ReportJson {
  const { result } = refresh(model);
  expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
  if (!result.ok) throw new Error(result.message);
  const dashboard = dashboardOf(model);
  expect(dashboard, 'a Dashboard tab').toBeDefined();
  expect(dashboard!.values.length).toBeGreaterThan(3);
  expect(dashboard!.formulas.size).toBe(0);
  // Every issue names its tab and gives a reason; every row issue names its row and column.
  for (const issue of result.report!.issues) {
    expect(issue.tab).toBeTruthy();
    expect(issue.message).toBeTruthy();
    if (issue.row !== null) expect(issue.column, JSON.stringify(issue).slice(0, 200)).toBeTruthy();
  }
  return result.report!;
}

describe('a corpus of mutated workbooks', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: refreshes, and reports each injected defect with its tab, row, column and reason`, () => {
      const { model, defects, tabs } = corpusWorkbook(seed);
      const kinds = new Set(defects.map((d) => d.kind.split(': ')[0]));
      // The corpus covers every mutator.
      for (const kind of [
        'header variant',
        'near-miss header',
        'merged header',
        'half-filled row',
        'text in number',
        'duplicate member id',
        'unknown event',
        '50,000-char bio',
        '50,000-char cost',
        '50,000-char story title in the period',
        'date dd/MM/yyyy HH:mm:ss',
        'date Excel serial',
        'date 2026/03/15',
        'date 31/02/2026',
      ])
        expect(kinds, kind).toContain(kind);
      const report = refreshOk(model);
      const reported = defects.filter((d) => d.code !== null);
      expect(reported.length).toBeGreaterThan(40);
      for (const d of reported) {
        const found = report.issues.find((i) => i.tab === d.tab && i.row === d.row && i.code === d.code);
        expect(found, `${d.kind} in ${d.tab} row ${d.row}`).toBeDefined();
        expect(found!.column).toBeTruthy();
      }
      // Values SPEC reads as intended raise no issue on their cell.
      for (const d of defects.filter((x) => x.code === null && x.row !== null)) {
        const tab = tabs.find((t) => t.name === d.tab)!;
        const header = String(tab.rows[0][columnIndex(tab, d.column)]).trim();
        const wrong = report.issues.find((i) => i.tab === d.tab && i.row === d.row && i.column === header);
        expect(wrong, `${d.kind} in ${d.tab} row ${d.row}`).toBeUndefined();
      }
      // Header variants inside the aliases are read: no tab lost a required column.
      expect(report.issues.filter((i) => i.code === 'missing_column')).toEqual([]);
      // The dashboard keeps a 50,000-character text within Sheets' cell limit, marked as cut.
      const dashboard = dashboardOf(model)!;
      const longest = Math.max(...dashboard.values.flat().map((v) => String(v).length));
      expect(longest).toBeLessThanOrEqual(50_000);
      expect(
        dashboard.values
          .flat()
          .some((v) => typeof v === 'string' && /^t{1000,}…$/.test(v.split(' — ').at(-1)!)),
      ).toBe(true);
    });
  }
});

describe('workbooks missing what a refresh reads', () => {
  it('a missing Members tab: refreshes, and every reference to a member is reported or read as a guest', () => {
    const { model } = corpusWorkbook(7);
    model.sheets = model.sheets.filter((s) => !['Membres', 'Members'].includes(s.name));
    const report = refreshOk(model);
    expect(report.kpis.find((k) => k.id === 'active_members')?.value ?? null).toBeNull();
  });

  it('a required column lost under a merged header: one issue for the tab, the rest still refreshes', () => {
    const { model } = corpusWorkbook(8);
    const events = model.sheets.find((s) => s.name === 'Événements' || s.name === 'Events')!;
    const date = events.values[0].findIndex((h) => String(h).trim().toLowerCase() === 'date');
    const left = date === 0 ? 1 : date - 1;
    events.values[0][date] = '';
    events.merges.push([0, Math.min(left, date), 1, 2]);
    const report = refreshOk(model);
    expect(report.issues).toContainEqual(
      expect.objectContaining({ tab: events.name, row: null, code: 'missing_column', column: 'Date' }),
    );
  });

  it('an empty workbook (one blank sheet) refreshes to a Dashboard saying there is no data', () => {
    const model = newWorkbookModel();
    model.sheets.push(newSheetModel(model.meta.nextSheetId++, 'Feuille 1'));
    const report = refreshOk(model);
    expect(
      report.kpis.every((k) => k.value === null || typeof k.value === 'number' || Array.isArray(k.value)),
    ).toBe(true);
    expect(model.sheets.find((s) => s.name === 'Feuille 1')!.values).toEqual([]);
  });

  it('a workbook holding only a Dashboard (from another run, or typed over) refreshes and replaces it', () => {
    const model = newWorkbookModel();
    const old = newSheetModel(model.meta.nextSheetId++, 'Tableau de bord');
    old.values = [
      ['=SUM(A2:A3)', 'vieux'],
      [1, 2],
    ];
    model.sheets.push(old);
    refreshOk(model);
    expect(model.sheets.filter((s) => s.name === 'Tableau de bord')).toHaveLength(1);
    expect(JSON.stringify(dashboardOf(model)!.values)).not.toContain('vieux');
  });

  it('an English workbook with tabs named in French and English at once reports the duplicate tab', () => {
    const { model } = corpusWorkbook(9);
    const members = model.sheets.find((s) => s.name === 'Membres' || s.name === 'Members')!;
    const twin = newSheetModel(model.meta.nextSheetId++, members.name === 'Membres' ? 'Members' : 'Membres');
    twin.values = members.values.slice(0, 3).map((r) => [...r]);
    model.sheets.push(twin);
    const report = refreshOk(model);
    expect(report.issues).toContainEqual(expect.objectContaining({ tab: twin.name, code: 'duplicate_tab' }));
  });
});
