// Issue 21: a refresh reads each tracking tab's header row, then only the columns the core parses
// and checks. The report (every KPI, every data issue, the members' tabs built from the club model)
// must be the very one a whole read gives: on the demo club (messy, French), on a messy English
// club, and on a workbook with the club's own columns, a row filled only in one of them, a
// duplicate tab and an empty tab — where it must also read fewer cells.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeReport, reportToJson } from '../../src/core/compute';
import { buildLeaderboard, buildStatements } from '../../src/core/member-tabs';
import { readTabsForReport } from '../../src/gas/report-reads';
import { readTrackingTabs } from '../../src/gas/sheets';
import { generateClub } from '../../src/local/demo/generator';
import { createEmulator } from '../../src/local/emulator/index';
import { fillTabs } from '../../src/local/workbook/fill';
import { newSheetModel, newWorkbookModel, type WorkbookModel } from '../../src/local/workbook/model';
import { loadWorkbook } from '../../src/local/workbook/xlsx';

const TODAY = '2026-11-27';

afterEach(() => {
  vi.unstubAllGlobals();
});

function reportWith(model: WorkbookModel, read: typeof readTabsForReport) {
  const em = createEmulator({ workbook: model });
  vi.stubGlobal('SpreadsheetApp', em.globals.SpreadsheetApp);
  const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
  em.counter.reset();
  const tabs = read(ss);
  const cellsRead = em.counter.cellsRead;
  const outcome = computeReport({
    tabs,
    locale: ss.getSpreadsheetLocale(),
    timeZone: ss.getSpreadsheetTimeZone(),
    today: TODAY,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return { json: reportToJson(outcome.report), report: outcome.report, cellsRead };
}

function expectSameReport(model: WorkbookModel) {
  const full = reportWith(model, readTrackingTabs);
  const selective = reportWith(model, readTabsForReport);
  expect(selective.json.kpis).toEqual(full.json.kpis);
  expect(selective.json.issues).toEqual(full.json.issues);
  expect(selective.json).toEqual(full.json);
  // What the refresh writes from the club model: the members' tabs.
  expect(buildLeaderboard(selective.report)).toEqual(buildLeaderboard(full.report));
  expect(buildStatements(selective.report)).toEqual(buildStatements(full.report));
  return { full, selective };
}

describe('the selective read gives the report of a whole read', () => {
  it('on the demo club', async () => {
    const model = await loadWorkbook(join(__dirname, '../../examples/demo-club.xlsx'));
    const { full } = expectSameReport(model);
    expect(full.json.issues.length).toBeGreaterThan(0);
  });

  it('on a messy English club', () => {
    const model = newWorkbookModel({ locale: 'en_GB', timeZone: 'Europe/London' });
    fillTabs(model, generateClub({ scale: 'demo', lang: 'en', today: TODAY, messy: true }).tabs);
    const { full } = expectSameReport(model);
    expect(full.json.issues.length).toBeGreaterThan(0);
  });

  it("on the club's own columns, a row filled only there, a duplicate and an empty tab, reading less", () => {
    const model = newWorkbookModel({ locale: 'fr_FR', timeZone: 'Europe/Paris' });
    fillTabs(model, generateClub({ scale: 'demo', lang: 'fr', today: TODAY }).tabs);
    const members = model.sheets.find((s) => s.name === 'Membres')!;
    const width = members.values[0].length;
    // Two columns of the club's own, one of them between tracked ones.
    for (const [i, row] of members.values.entries()) {
      row.splice(2, 0, i === 0 ? 'Téléphone perso' : `06 00 00 00 ${i}`);
      row[width + 1] = i === 0 ? 'Notes internes' : 'rien à signaler';
    }
    // A row filled only in the club's own column: its missing required values are still reported.
    const lone = new Array(width + 2).fill('');
    lone[width + 1] = 'à rappeler';
    members.values.splice(5, 0, lone);
    // A second Members tab (reported by name) and an empty Events-like tab after it.
    const twin = newSheetModel(model.meta.nextSheetId++, 'membres');
    twin.values = members.values.map((r) => [...r]);
    model.sheets.push(twin);
    const { full, selective } = expectSameReport(model);
    const codes = full.json.issues.map((i) => `${i.tab}/${i.code}`);
    expect(codes).toContain('membres/duplicate_tab');
    expect(full.json.issues.some((i) => i.tab === 'Membres' && i.row === 6)).toBe(true);
    expect(selective.cellsRead).toBeLessThan(full.cellsRead);
  });

  it('on an empty tab and a tab with only its header', () => {
    const model = newWorkbookModel({ locale: 'fr_FR', timeZone: 'Europe/Paris' });
    fillTabs(model, generateClub({ scale: 'demo', lang: 'fr', today: TODAY }).tabs);
    const events = model.sheets.find((s) => s.name === 'Événements')!;
    events.values = [];
    const dues = model.sheets.find((s) => s.name === 'Cotisations')!;
    dues.values = dues.values.slice(0, 1);
    expectSameReport(model);
  });
});
