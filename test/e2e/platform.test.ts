// The platform behaviours issue 13 found the emulator kinder about than Apps Script, through the
// built bundle: installable triggers belong to the user across documents (defect 1), and the
// document lock is taken once per entry point whether or not two Lock objects of one execution
// share state (defect 2).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import type { RefreshResult, SurveyResult } from '../../src/core/api';
import type { PlatformChoices } from '../../src/local/emulator/platform';
import { loadBundle } from '../../src/local/runtime';
import { answerSurvey } from '../../src/local/surveys';
import type { WorkbookModel } from '../../src/local/workbook/model';
import { samplePath } from '../samples';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
const AT = Date.UTC(2026, 10, 20, 10);
const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
function userStore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'club-pulse-user-'));
  folders.push(dir);
  return dir;
}
function club(id: string): WorkbookModel {
  const model = fixtureWorkbook();
  model.meta.spreadsheetId = id;
  return model;
}
function run(model: WorkbookModel, store?: string, platform: Partial<PlatformChoices> = {}) {
  return loadBundle(code, { workbook: model, userLocale: 'fr', now: () => AT, userStore: store, platform });
}
const responses = (model: WorkbookModel) =>
  model.sheets.find((s) => s.name === 'Réponses')!.values.filter((r) => r.some((v) => v !== '')).length;

describe('defect 1: installable triggers are the user’s, across spreadsheets', () => {
  it('a survey in spreadsheet B installs B’s trigger although A’s exists, and B’s answers come in at once', () => {
    const store = userStore();
    const a = club('sheet-A');
    const b = club('sheet-B');
    expect((run(a, store).call('createHotSurvey', 'E1') as SurveyResult).ok).toBe(true);
    const bundleB = run(b, store);
    const created = bundleB.call('createHotSurvey', 'E1') as SurveyResult;
    expect(created).toMatchObject({ ok: true, warning: null });
    const triggers = JSON.parse(readFileSync(join(store, 'triggers.json'), 'utf8')) as Array<{
      triggerSourceId: string;
    }>;
    expect(triggers.map((t) => t.triggerSourceId).sort()).toEqual(['sheet-A', 'sheet-B']);
    // Nothing is kept in the workbooks themselves.
    expect(a.meta.triggers).toEqual([]);
    const before = responses(b);
    answerSurvey(bundleB, 'HOT-E1', [{ member: 'M1', satisfaction: '4', nps: '9' }]);
    expect(responses(b)).toBe(before + 1);
    // Again in B: still one trigger per spreadsheet.
    run(b, store).call('createHotSurvey', 'E1');
    expect(JSON.parse(readFileSync(join(store, 'triggers.json'), 'utf8'))).toHaveLength(2);
  });
});

describe('defect 2: the document lock, taken once per entry point', () => {
  for (const share of [true, false]) {
    it(`a refresh takes in answers the trigger missed (Lock objects share state: ${share})`, () => {
      const store = userStore();
      const model = club('sheet-L');
      const bundle = run(model, store, { lockObjectsShareState: share });
      expect((bundle.call('createHotSurvey', 'E1') as SurveyResult).ok).toBe(true);
      rmSync(join(store, 'triggers.json'));
      const before = responses(model);
      answerSurvey(bundle, 'HOT-E1', [{ member: 'M1', satisfaction: '3', nps: '7' }]);
      expect(responses(model)).toBe(before);
      const result = bundle.call('refreshKpis', { period: '2026-S1', today: FIXTURE_TODAY }) as RefreshResult;
      expect(result.ok).toBe(true);
      expect(responses(model)).toBe(before + 1);
      // The lock was released at the end: a second entry point gets it at once.
      expect(bundle.emulator.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    });
  }
});

describe('defect 5: number formats display what is meant', () => {
  it('no number the refresh writes shows a dangling decimal separator, and integers show no decimals', () => {
    const model = club('sheet-F');
    const bundle = run(model);
    const result = bundle.call('refreshKpis', { period: '2026-S1', today: FIXTURE_TODAY }) as RefreshResult;
    expect(result.ok).toBe(true);
    const ss = bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    let checked = 0;
    for (const sheet of ss.getSheets()) {
      const range = sheet.getDataRange();
      const values = range.getValues();
      const shown = range.getDisplayValues();
      const formats = range.getNumberFormats();
      for (const [r, row] of values.entries()) {
        for (const [c, v] of row.entries()) {
          if (typeof v !== 'number') continue;
          checked++;
          const text = shown[r]![c]!;
          const where = `${sheet.getName()}!R${r + 1}C${c + 1} (${formats[r]![c]}) = ${v} → "${text}"`;
          expect(text, where).not.toMatch(/[.,]$|[.,]\s*%$/);
          if (Number.isInteger(v) && !/[%€$]|0\.0/.test(formats[r]![c]!))
            expect(text, where).not.toMatch(/[.,]\d/);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('behaviours the documentation does not settle: the add-on is right under each answer', () => {
  const switches: Array<Partial<PlatformChoices>> = [
    { responseTabListedAtOnce: true },
    { responseTabListedAtOnce: false },
    { responseTabAppended: false, responseTabActivated: true },
    { responseTabAppended: false, responseTabActivated: true, responseTabListedAtOnce: false },
    { responseTabAppended: true, responseTabActivated: true },
    { sheetFormUrlHasFormId: true },
    { sheetFormUrlHasFormId: false },
    { unconfirmedErrorTextsAsGuessed: true },
    { unconfirmedErrorTextsAsGuessed: false },
  ];
  for (const platform of switches) {
    it(`a survey is created, linked to its response tab and answered (${JSON.stringify(platform)})`, () => {
      const store = userStore();
      const model = club('sheet-U');
      const bundle = run(model, store, platform);
      const ss = bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
      const first = model.sheets[0]!.name;
      ss.setActiveSheet(ss.getSheetByName('Événements')!);
      const created = bundle.call('createHotSurvey', 'E1') as SurveyResult;
      expect(created).toMatchObject({ ok: true, warning: null });
      // The new response tab is neither the first tab nor the active one: the club's tabs stay put.
      expect(model.sheets[0]!.name).toBe(first);
      // After every tab the club had (the add-on's own tabs may follow it).
      const names = model.sheets.map((s) => s.name);
      expect(names.findIndex((n) => n.startsWith('Réponses au formulaire'))).toBeGreaterThan(
        names.indexOf('Réponses'),
      );
      expect(ss.getActiveSheet().getName()).toBe('Événements');
      // The registry found the response tab in the same execution (it names it).
      const registry = model.sheets.find((s) => s.name === 'Enquêtes')!;
      const tabNames = model.sheets.map((s) => s.name);
      const responseTab = tabNames.find((n) => n.startsWith('Réponses au formulaire'));
      expect(responseTab).toBeDefined();
      expect(registry.values.flat()).toContain(responseTab);
      const before = responses(model);
      answerSurvey(bundle, 'HOT-E1', [{ member: 'M1', satisfaction: '4', nps: '9' }]);
      expect(responses(model)).toBe(before + 1);
      // Again: the existing form is found (by its response tab's URL), nothing is duplicated.
      expect((run(model, store, platform).call('createHotSurvey', 'E1') as SurveyResult).ok).toBe(true);
      expect(model.sheets.filter((s) => s.name.startsWith('Réponses au formulaire'))).toHaveLength(1);
    });
  }

  it('the emulator answers each switch both ways', () => {
    const at = run(club('sheet-S1'), userStore(), {
      responseTabListedAtOnce: false,
      responseTabAppended: false,
      responseTabActivated: true,
      sheetFormUrlHasFormId: false,
    });
    const g = at.emulator.globals;
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const form = g.FormApp.create('Probe');
    const count = ss.getSheets().length;
    form.setDestination(g.FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(ss.getSheets()).toHaveLength(count);
    g.SpreadsheetApp.flush();
    expect(ss.getSheets()).toHaveLength(count + 1);
    expect(ss.getSheets()[0].getFormUrl()).toBe(form.getPublishedUrl());
    expect(ss.getActiveSheet().getFormUrl()).toBe(form.getPublishedUrl());
    // The kind answers: appended, the active sheet left alone.
    const kind = run(club('sheet-S4'), userStore(), {
      responseTabListedAtOnce: true,
      responseTabAppended: true,
      responseTabActivated: false,
      sheetFormUrlHasFormId: true,
    }).emulator.globals;
    const kss = kind.SpreadsheetApp.getActiveSpreadsheet();
    const active = kss.getActiveSheet().getName();
    const kform = kind.FormApp.create('Probe');
    kform.setDestination(kind.FormApp.DestinationType.SPREADSHEET, kss.getId());
    expect(kss.getSheets().at(-1)!.getFormUrl()).toBe(kform.getEditUrl());
    expect(kss.getActiveSheet().getName()).toBe(active);
    // moveActiveSheet takes a 1-based position and refuses one outside the tabs.
    kss.setActiveSheet(kss.getSheets().at(-1)!);
    kss.moveActiveSheet(1);
    expect(kss.getSheets()[0].getFormUrl()).toBe(kform.getEditUrl());
    expect(() => kss.moveActiveSheet(0)).toThrow('Invalid argument: pos');
    expect(() => kss.moveActiveSheet(kss.getSheets().length + 1)).toThrow('Invalid argument: pos');
    const guessed = run(club('sheet-S2'), userStore(), { unconfirmedErrorTextsAsGuessed: true }).emulator
      .globals;
    const other = run(club('sheet-S3'), userStore(), { unconfirmedErrorTextsAsGuessed: false }).emulator
      .globals;
    const message = (g2: typeof guessed) => {
      try {
        g2.FormApp.create('x').getDestinationId();
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    expect(message(guessed)).toBe('The form currently has no response destination.');
    expect(message(other)).not.toBe(message(guessed));
    expect(message(other)).not.toBe('');
  });
});

describe('Intl time zones in Apps Script’s V8: full ICU or UTC only', () => {
  it('the realm refuses Paris without zone data, and a refresh reads the same dates either way', () => {
    const outcomes = [true, false].map((intlTimeZones) => {
      const model = club('sheet-T');
      model.meta.timeZone = 'Pacific/Auckland';
      const bundle = run(model, userStore(), { intlTimeZones });
      const paris = () =>
        vm.runInContext(
          "new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris' }).format(0)",
          bundle.context,
        );
      if (intlTimeZones) expect(paris()).toBe('1/1/1970');
      else expect(paris).toThrow(/time zone/);
      const result = bundle.call('refreshKpis', { period: '2026-S1', today: FIXTURE_TODAY }) as RefreshResult;
      expect(result.ok).toBe(true);
      return model.sheets.map((s) => [s.name, s.values]);
    });
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
});

describe('a cell formatted @ receiving an apostrophe: stripped or kept', () => {
  for (const plainTextStripsApostrophe of [true, false]) {
    it(`imported text lands as itself in plain-text columns (stripped: ${plainTextStripsApostrophe})`, () => {
      const model = club('sheet-P');
      const bundle = run(model, userStore(), { plainTextStripsApostrophe });
      const members =
        bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Membres')!;
      members.getRange(2, 1, members.getMaxRows() - 1, members.getLastColumn()).setNumberFormat('@');
      const text = readFileSync(samplePath('helloasso_payments_export_short_variant_sandbox.csv'), 'utf8')
        .replace('Marion', "=Marion'")
        .replace('Larue', "'Larue");
      const applied = bundle.call('applyImport', { fileName: 'paiements.csv', text });
      expect(applied).toMatchObject({ ok: true, written: true });
      const sheet = model.sheets.find((s) => s.name === 'Membres')!;
      const row = sheet.values.find((r) => r.includes('marion.larue@example.org'))!;
      expect(row).toContain("=Marion'");
      expect(row).toContain("'Larue");
      // No cell of the row became a formula, and no apostrophe was added to any text.
      expect([...sheet.formulas.keys()]).toEqual([]);
      for (const v of row) if (typeof v === 'string') expect(v.startsWith("''")).toBe(false);
      expect(row.filter((v) => typeof v === 'string' && v.startsWith("'"))).toEqual(["'Larue"]);
    });
  }
});
