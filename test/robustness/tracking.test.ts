// Tracking tabs are never damaged (issue 10, SPEC §1: the add-on writes to a tracking tab only in
// Events.hot_survey, appended Responses rows and imported rows). Refresh, import, survey creation
// and answer intake run one after the other through the built bundle, on the hand-made fixture and
// on a messy generated club; full value grids of every tracking tab are compared with the ones
// taken before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportResult, SurveyResult } from '../../src/core/api';
import { normalizeLabel } from '../../src/core/normalize';
import { TABS, type TabKey } from '../../src/core/schema';
import { generateClub } from '../../src/local/demo/generator';
import { answerSurvey } from '../../src/local/surveys';
import { fillTabs } from '../../src/local/workbook/fill';
import { type CellValue, newWorkbookModel, type WorkbookModel } from '../../src/local/workbook/model';
import { fixtureWorkbook } from '../e2e/club-fixture';
import { samplePath } from '../samples';
import { refresh, run, TODAY } from './helpers';

const keyOf = (name: string): TabKey | undefined =>
  TABS.find((t) => [t.name.fr, t.name.en].map(normalizeLabel).includes(normalizeLabel(name)))?.key;

type Grid = CellValue[][];
const copy = (g: Grid): Grid => JSON.parse(JSON.stringify(g));

/** Tracking tabs' grids, deep-copied. */
function trackingGrids(model: WorkbookModel): Map<string, { key: TabKey; grid: Grid }> {
  const out = new Map<string, { key: TabKey; grid: Grid }>();
  for (const s of model.sheets) {
    const key = keyOf(s.name);
    if (key) out.set(s.name, { key, grid: copy(s.values) });
  }
  return out;
}

/**
 * Checks SPEC's rule on every tracking tab: the cells that were there keep their values (but the
 * hot_survey column of Events), rows are only appended (Responses, and the tabs an import fills),
 * and columns only appended at the right (the hot_survey or source-reference header, Responses
 * columns the form adds), blank in the rows that were there.
 */
function expectUndamaged(
  model: WorkbookModel,
  before: Map<string, { key: TabKey; grid: Grid }>,
  appended: Set<TabKey>,
) {
  for (const [name, { key, grid }] of before) {
    const sheet = model.sheets.find((s) => s.name === name);
    expect(sheet, `${name} still there`).toBeDefined();
    const after = sheet!.values;
    const hotSurvey =
      key === 'events' ? after[0].findIndex((h) => /^(Enquête à chaud|Hot survey)$/.test(String(h))) : -1;
    if (appended.has(key)) expect(after.length, name).toBeGreaterThanOrEqual(grid.length);
    else expect(after.length, name).toBe(grid.length);
    grid.forEach((row, r) => {
      const width = Math.max(row.length, after[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        if (c === hotSurvey && r > 0) continue;
        const was = row[c] ?? '';
        const now = after[r]?.[c] ?? '';
        if (c >= row.length && r === 0) continue; // a header appended at the right
        expect(now, `${name}!R${r + 1}C${c + 1}`).toEqual(was);
      }
    });
  }
  // Nothing else but tracking tabs and generated tabs.
  for (const s of model.sheets)
    if (!before.has(s.name) && keyOf(s.name)) expect(appended).toContain(keyOf(s.name));
}

function createSurvey(model: WorkbookModel, eventId: string) {
  const bundle = run(model, { now: () => Date.UTC(2026, 10, 20, 10) });
  const result = bundle.call('createHotSurvey', eventId) as SurveyResult;
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return bundle;
}

describe('tracking tabs after refresh, import, survey creation and answers', () => {
  it('the fixture: only Events.hot_survey, appended Responses rows and imported rows change', () => {
    const model = fixtureWorkbook();
    const before = trackingGrids(model);

    expect(refresh(model).result.ok).toBe(true);
    expectUndamaged(model, before, new Set());

    const request = {
      fileName: 'paiements.csv',
      text: readFileSync(samplePath('helloasso_payments_export_short_variant_sandbox.csv'), 'utf8'),
    };
    expect(run(model).call('applyImport', request)).toMatchObject({
      ok: true,
      written: true,
    } as ImportResult);
    expectUndamaged(model, before, new Set(['members', 'dues']));

    const bundle = createSurvey(model, 'E1');
    expectUndamaged(model, before, new Set(['members', 'dues']));
    answerSurvey(bundle, 'HOT-E1', [
      { member: 'M1', satisfaction: '4', nps: '9', comment: 'Très bien' },
      { member: 'M3', satisfaction: '2', nps: '3', contacts_made: '2' },
    ]);
    expect(refresh(model).result.ok).toBe(true);
    expectUndamaged(model, before, new Set(['members', 'dues', 'responses']));
    const events = model.sheets.find((s) => s.name === 'Événements')!;
    expect(String(events.values[1][4])).toMatch(/viewform$/);
  });

  it('a messy generated club: full grids identical after refresh, survey, answers and a second refresh', () => {
    const model = newWorkbookModel({ locale: 'fr_FR' });
    const club = generateClub({ scale: 'S', seed: 11, today: TODAY, messy: true });
    fillTabs(model, club.tabs);
    const before = trackingGrids(model);
    expect(refresh(model).result.ok).toBe(true);
    expectUndamaged(model, before, new Set());
    const events = model.sheets.find((s) => s.name === 'Événements')!;
    const eventId = String(events.values.find((r, i) => i > 0 && r[0] !== '')![0]);
    const bundle = createSurvey(model, eventId);
    answerSurvey(bundle, `HOT-${eventId}`, [{ satisfaction: '5', nps: '10' }]);
    expect(refresh(model).result.ok).toBe(true);
    expectUndamaged(model, before, new Set(['responses']));
  });
});
