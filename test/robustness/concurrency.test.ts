// Two at once (issue 10): real `club-pulse` processes on one workbook are serialised by its lock
// file (refresh + import, import + import; refresh × 2 is in test/e2e/cli.test.ts), the one that
// waits too long exits 3 with a sentence; inside the add-on a refresh while another execution holds
// the document lock answers `busy` with a sentence; a refresh that fails midway leaves the previous
// Dashboard whole, never a half-written one; the form-submit trigger is installed once.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RefreshResult, SurveyResult } from '../../src/core/api';
import { acquireFileLock, releaseFileLock } from '../../src/local/emulator/lockfile';
import { RangeImpl } from '../../src/local/emulator/range';
import { loadWorkbook, saveWorkbook } from '../../src/local/workbook/xlsx';
import { fixtureWorkbook } from '../e2e/club-fixture';
import { samplePath } from '../samples';
import { dashboardOf, refresh, run, TODAY } from './helpers';

const BIN = join(process.cwd(), 'bin/club-pulse.mjs');
const EXPORT = samplePath('eventbrite_attendee_report_sample.csv');
const IMPORT_ARGS = ['--event-date', '2026-04-02', '--event-title', 'Conférence IA'];
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-pulse-two-'));
});

function start(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; err: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('exit', (code) => done({ code, err }));
  });
}

async function workbook(name: string): Promise<string> {
  const file = join(dir, name);
  await saveWorkbook(fixtureWorkbook(), file);
  return file;
}

const attendanceRows = async (file: string) =>
  (await loadWorkbook(file)).sheets.find((s) => s.name === 'Participations')!.values.length;

describe('two real processes on one workbook', () => {
  it('refresh and import at once: both succeed, the saved workbook has the dashboard and the imported rows', async () => {
    const file = await workbook('refresh-import.xlsx');
    const results = await Promise.all([
      start(['refresh', file, '--today', TODAY]),
      start(['import', file, EXPORT, ...IMPORT_ARGS]),
    ]);
    expect(
      results.map((r) => r.code),
      results.map((r) => r.err).join('\n'),
    ).toEqual([0, 0]);
    const saved = await loadWorkbook(file);
    expect(saved.sheets.some((s) => s.name === 'Tableau de bord')).toBe(true);
    expect(
      saved.sheets.find((s) => s.name === 'Événements')!.values.some((r) => r.includes('Conférence IA')),
    ).toBe(true);
  });

  it('import and import at once: serialised, so the second sees the first and adds nothing', async () => {
    const once = await workbook('import-once.xlsx');
    expect(spawnSync(process.execPath, [BIN, 'import', once, EXPORT, ...IMPORT_ARGS]).status).toBe(0);
    const expected = await attendanceRows(once);
    const file = await workbook('import-twice.xlsx');
    const results = await Promise.all([
      start(['import', file, EXPORT, ...IMPORT_ARGS]),
      start(['import', file, EXPORT, ...IMPORT_ARGS]),
    ]);
    expect(
      results.map((r) => r.code),
      results.map((r) => r.err).join('\n'),
    ).toEqual([0, 0]);
    expect(await attendanceRows(file)).toBe(expected);
    const events = (await loadWorkbook(file)).sheets.find((s) => s.name === 'Événements')!;
    expect(events.values.filter((r) => r.includes('Conférence IA'))).toHaveLength(1);
  });

  it('an import that waits too long exits 3 with a sentence and writes nothing', async () => {
    const file = await workbook('busy.xlsx');
    const before = await attendanceRows(file);
    const token = 'robustness-holder';
    expect(acquireFileLock(`${file}.lock`, token, 0)).toBe(true);
    try {
      const r = await start(['import', file, EXPORT, ...IMPORT_ARGS], { CLUB_PULSE_LOCK_WAIT_MS: '300' });
      expect(r.code).toBe(3);
      expect(r.err.trim()).toMatch(
        /^The workbook .* is busy: another club-pulse command has held it for more than 300 ms\. Try again when it has finished\.$/,
      );
      expect(r.err).not.toMatch(/\n\s+at /);
    } finally {
      releaseFileLock(`${file}.lock`, token);
    }
    expect(await attendanceRows(file)).toBe(before);
  });
});

describe('inside the add-on', () => {
  it('a refresh while another execution holds the document lock answers busy with a sentence (after 30 s)', () => {
    const model = fixtureWorkbook();
    const lockFile = join(dir, 'doc.lock');
    const holder = run(model, { lockFile });
    const lock = holder.emulator.globals.LockService.getDocumentLock();
    expect(lock.tryLock(0)).toBe(true);
    try {
      const started = Date.now();
      const result = run(model, { lockFile }).call('refreshKpis', { today: TODAY }) as RefreshResult;
      expect(Date.now() - started).toBeGreaterThanOrEqual(29_000);
      expect(result).toEqual({
        ok: false,
        code: 'busy',
        message: 'Une actualisation est déjà en cours sur ce classeur. Réessayez dans une minute.',
      });
      expect(dashboardOf(model)).toBeUndefined();
    } finally {
      holder.emulator.endExecution();
    }
    expect(refresh(model, {}, { lockFile }).result.ok).toBe(true);
  }, 60_000);

  describe('a refresh failing midway', () => {
    const original = RangeImpl.prototype.setFontWeights;
    afterEach(() => {
      RangeImpl.prototype.setFontWeights = original;
    });
    const failOn = (name: RegExp) => {
      RangeImpl.prototype.setFontWeights = function (this: RangeImpl, weights: unknown) {
        const sheet = (this as unknown as { _sheet: { name: string } })._sheet;
        if (name.test(sheet.name))
          throw new Error(
            'Service Spreadsheets timed out while accessing document with id local-spreadsheet.',
          );
        return original.call(this, weights as never);
      };
    };

    it('leaves the previous Dashboard whole, and no temporary tab', () => {
      const model = fixtureWorkbook();
      expect(refresh(model).result.ok).toBe(true);
      const before = JSON.stringify(dashboardOf(model)!.values);
      const sheetsBefore = model.sheets.map((s) => s.name);
      failOn(/Tableau de bord/);
      expect(() => refresh(model, { period: '2026-Q1' })).toThrow(/^Service Spreadsheets timed out/);
      expect(JSON.stringify(dashboardOf(model)!.values)).toBe(before);
      expect(model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
      expect(model.meta.protections.filter((p) => p.sheetId === dashboardOf(model)!.sheetId)).toHaveLength(1);
      // The next refresh, once the service answers again, puts the Q1 dashboard in the same place.
      RangeImpl.prototype.setFontWeights = original;
      expect(refresh(model, { period: '2026-Q1' }).result.ok).toBe(true);
      expect(model.sheets[0].name).toBe('Tableau de bord');
      expect(String(model.sheets[0].values[1][0])).toContain('2026-Q1');
    });

    it('leaves no Dashboard at all when there was none', () => {
      const model = fixtureWorkbook();
      failOn(/Tableau de bord/);
      expect(() => refresh(model)).toThrow(/timed out/);
      expect(model.sheets.filter((s) => /Tableau de bord/.test(s.name))).toEqual([]);
    });
  });

  it('installs the form-submit trigger once, whatever the number of surveys and executions', () => {
    const model = fixtureWorkbook();
    for (const call of [
      ['createHotSurvey', 'E1'],
      ['createHotSurvey', 'E2'],
      ['createColdSurvey', '2026-S1'],
      ['createHotSurvey', 'E1'],
    ]) {
      const result = run(model).call(call[0], call[1]) as SurveyResult;
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    expect(model.meta.triggers).toHaveLength(1);
    expect(model.meta.triggers[0]).toMatchObject({
      handlerFunction: 'onSurveySubmit',
      eventType: 'ON_FORM_SUBMIT',
    });
  });
});
