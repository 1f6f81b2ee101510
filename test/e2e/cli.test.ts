// The club-pulse command end to end, as a user runs it: real processes on real .xlsx files.
// The hand-worked club gives the same KPIs whatever the machine's time zone; init, refresh,
// --json, --html, --out, exit codes 0/2/3 and the lock file beside the workbook.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayOf, serialOf } from '../../src/core/dates';
import { acquireFileLock, releaseFileLock } from '../../src/local/emulator/lockfile';
import { isDateCell } from '../../src/local/workbook/model';
import { loadWorkbook, saveWorkbook } from '../../src/local/workbook/xlsx';
import { KPI_KEYS, REPORT_KEYS } from '../spec-json';
import { FIXTURE_EXPECTED, FIXTURE_MISSING_TABS, FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';

const BIN = join(process.cwd(), 'bin/club-pulse.mjs');
let dir = '';
let club = '';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'club-pulse-cli-'));
  club = join(dir, 'club.xlsx');
  await saveWorkbook(fixtureWorkbook(), club);
});

describe('club-pulse refresh', () => {
  for (const tz of ['UTC', 'Pacific/Auckland', 'Europe/Paris']) {
    it(`gives the hand-worked KPIs with the machine in ${tz}`, () => {
      const out = join(dir, `out-${tz.replace('/', '-')}.xlsx`);
      const json = join(dir, `kpis-${tz.replace('/', '-')}.json`);
      const r = cli(
        ['refresh', club, '--period', '2026-S1', '--today', FIXTURE_TODAY, '--out', out, '--json', json],
        { TZ: tz },
      );
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Taux de participation');
      const report = JSON.parse(readFileSync(json, 'utf8'));
      expect(Object.keys(report)).toEqual(REPORT_KEYS);
      expect([report.period, report.previous]).toEqual(['2026-S1', '2025-S2']);
      const byId = new Map(report.kpis.map((k: { id: string }) => [k.id, k]));
      for (const [id, expected] of Object.entries(FIXTURE_EXPECTED)) {
        expect((byId.get(id) as { value: number }).value, id).toBeCloseTo(expected, 10);
      }
      expect(Object.keys(report.kpis[0])).toEqual(KPI_KEYS);
      expect(report.issues).toEqual([
        expect.objectContaining({
          tab: 'Participations',
          row: 9,
          column: 'ID événement',
          value: 'E9',
          code: 'unknown_event',
        }),
        ...FIXTURE_MISSING_TABS.map((tab) =>
          expect.objectContaining({ tab, row: null, column: null, value: tab, code: 'missing_tab' }),
        ),
      ]);
    });
  }

  it('writes the Dashboard tab into the saved workbook and an escaped HTML page', async () => {
    const out = join(dir, 'with-dashboard.xlsx');
    const html = join(dir, 'dashboard.html');
    const r = cli(['refresh', club, '--today', FIXTURE_TODAY, '--out', out, '--html', html]);
    expect(r.code).toBe(0);
    const saved = await loadWorkbook(out);
    expect(saved.sheets[0].name).toBe('Tableau de bord');
    expect(saved.sheets.find((s) => s.name === '_ClubPulse_KPI')?.hidden).toBe(true);
    expect(saved.meta.namedRanges.map((n) => n.name)).toContain('ClubPulse_LastRefresh');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Tableau de bord Club Pulse — Club Test');
    expect(page).toContain('75,0');
  });

  it('saves in place by default and leaves the tracking tabs as they were', async () => {
    const copy = join(dir, 'in-place.xlsx');
    copyFileSync(club, copy);
    const before = await loadWorkbook(copy);
    expect(cli(['refresh', copy, '--today', FIXTURE_TODAY]).code).toBe(0);
    const after = await loadWorkbook(copy);
    for (const sheet of before.sheets) {
      expect(after.sheets.find((s) => s.name === sheet.name)?.values, sheet.name).toEqual(sheet.values);
    }
    expect(after.sheets.map((s) => s.name)).toContain('Tableau de bord');
  });

  it('keeps hidden rows and columns, sheet protection and carriage returns of a tracking tab', async () => {
    const model = fixtureWorkbook();
    const membres = model.sheets.find((s) => s.name === 'Membres')!;
    membres.values[1][2] = 'Dupont\r\nMartin';
    membres.hiddenRows.add(3);
    membres.hiddenColumns.add(4);
    membres.sheetProtection = { sheet: true, formatColumns: true };
    const file = join(dir, 'kept.xlsx');
    await saveWorkbook(model, file);
    expect(cli(['refresh', file, '--today', FIXTURE_TODAY]).code).toBe(0);
    const after = (await loadWorkbook(file)).sheets.find((s) => s.name === 'Membres')!;
    expect(after.values[1][2]).toBe('Dupont\r\nMartin');
    expect(after.hiddenRows).toEqual(new Set([3]));
    expect(after.hiddenColumns).toEqual(new Set([4]));
    expect(after.sheetProtection).toEqual({ sheet: true, formatColumns: true });
  });

  it('exits 2 with a sentence on a bad period, a bad --today, a missing file or unknown options', () => {
    const bad = cli(['refresh', club, '--period', '2026-S3']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toMatch(/^Période « 2026-S3 » invalide/);
    expect(cli(['refresh', club, '--today', '27/11/2026']).code).toBe(2);
    const missing = cli(['refresh', join(dir, 'nope.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/does not exist/);
    expect(cli(['refresh', club, '--bogus']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
  });

  it('refuses a missing or non-xlsx file at once, without waiting for its lock (issue 21)', () => {
    // Before, the command took the lock and loaded the xlsx library first: held, it waited and
    // exited 3 (busy) for a file that is not even there.
    const missing = join(dir, 'absent.xlsx');
    const notXlsx = join(dir, 'notes.xlsx');
    writeFileSync(notXlsx, 'not a zip');
    for (const [file, message] of [
      [missing, `The workbook file ${missing} does not exist.`],
      [notXlsx, `The file ${notXlsx} is not an xlsx workbook.`],
    ]) {
      const lock = `${file}.lock`;
      expect(acquireFileLock(lock, 'test-holder', 0)).toBe(true);
      try {
        for (const args of [
          ['refresh', file],
          ['automation', file, '--on'],
          ['report', file],
        ]) {
          const r = cli(args, { CLUB_PULSE_LOCK_WAIT_MS: '2000' });
          expect(r.code, args.join(' ')).toBe(2);
          expect(r.err.trim()).toBe(message);
        }
      } finally {
        releaseFileLock(lock, 'test-holder');
      }
    }
  });

  it('exits 3 with a sentence when another command holds the workbook too long', () => {
    const lock = `${club}.lock`;
    const token = 'test-holder';
    expect(acquireFileLock(lock, token, 0)).toBe(true);
    try {
      const r = cli(['refresh', club, '--today', FIXTURE_TODAY], { CLUB_PULSE_LOCK_WAIT_MS: '300' });
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/is busy/);
    } finally {
      releaseFileLock(lock, token);
    }
  });

  it('serialises two real processes on one workbook: both succeed, one after the other', async () => {
    const copy = join(dir, 'twice.xlsx');
    copyFileSync(club, copy);
    const runOne = () =>
      new Promise<number | null>((done) => {
        const child = spawn(process.execPath, [BIN, 'refresh', copy, '--today', FIXTURE_TODAY], {
          stdio: 'ignore',
        });
        child.on('exit', (code) => done(code));
      });
    const codes = await Promise.all([runOne(), runOne()]);
    expect(codes).toEqual([0, 0]);
    const saved = await loadWorkbook(copy);
    expect(saved.sheets.filter((s) => s.name === 'Tableau de bord')).toHaveLength(1);
    expect(existsSync(`${copy}.lock`)).toBe(false);
  });
});

describe('club-pulse init', () => {
  it('creates the tracking tabs in English, refuses to overwrite without --force', async () => {
    const file = join(dir, 'new-en.xlsx');
    expect(cli(['init', file, '--lang', 'en']).code).toBe(0);
    const model = await loadWorkbook(file);
    expect(model.meta.locale).toBe('en_GB');
    expect(model.meta.timeZone).toBe('Europe/London');
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Members',
      'Dues',
      'Events',
      'Attendance',
      'Communications',
      'Interactions',
      'Referrals',
      'Contents',
      'Responses',
      'Visibility',
      'Stories',
      'Investment',
      'Settings',
      'Challenges',
    ]);
    // The board's Challenges tab (issue 17): its header, and the challenge kind as a dropdown.
    const challenges = model.sheets.find((s) => s.name === 'Challenges')!;
    expect(challenges.values[0]).toEqual([
      'Month',
      'Challenge',
      'Target per member (N)',
      'Club target',
      'Label',
    ]);
    expect([...challenges.validations.values()].map((v) => v.values)).toContainEqual([
      'bring a guest',
      'give N referrals',
      'share a content',
      'attend N events',
      'answer the survey',
    ]);
    const mtime = statSync(file).mtimeMs;
    const again = cli(['init', file]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(cli(['init', file, '--force', '--lang', 'fr']).code).toBe(0);
    expect((await loadWorkbook(file)).sheets[0].name).toBe('Membres');
  });

  it('--demo makes a club whose refresh reports exactly the injected defects that must be reported', () => {
    const file = join(dir, 'demo.xlsx');
    expect(cli(['init', file, '--demo', '--today', FIXTURE_TODAY]).code).toBe(0);
    const json = join(dir, 'demo.json');
    expect(cli(['refresh', file, '--today', FIXTURE_TODAY, '--json', json]).code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.issues.map((i: { code: string }) => i.code).sort()).toEqual([
      'duplicate_id',
      'out_of_range',
      'unknown_event',
    ]);
    expect(report.kpis.find((k: { id: string }) => k.id === 'active_members').value).toBeGreaterThan(80);
  });
});

describe('club-pulse survey and answer', () => {
  it('creates the hot survey of an event once, takes answers into Responses, refuses bad ones', async () => {
    const file = join(dir, 'survey.xlsx');
    copyFileSync(club, file);
    const first = cli(['survey', file, '--hot', 'E1', '--today', '2026-11-20']);
    expect(first.code, first.err).toBe(0);
    // A French workbook: the command speaks French (SPEC: the club's language everywhere).
    expect(first.out).toMatch(/^HOT-E1 créée : https:\/\/docs\.google\.com\/forms\//);
    expect(first.out).toContain('Les réponses arrivent dans l’onglet « ');
    const again = cli(['survey', file, '--hot', 'E1']);
    expect(again.out).toMatch(/^HOT-E1 existait déjà/);
    expect(cli(['survey', file, '--hot', 'E404']).code).toBe(2);
    expect(cli(['survey', file]).code).toBe(2);

    const answers = join(dir, 'answers.csv');
    // Line 2: M1, NPS 9, a comment that looks like a formula; line 3: an NPS of 12 the form refuses.
    writeFileSync(answers, 'member,nps,satisfaction,comment\nM1,9,5,"=HYPERLINK(""x"")"\n,12,4,trop\n');
    const r = cli(['answer', file, '--survey', 'HOT-E1', '--answers', answers]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('HOT-E1 : 1 réponse envoyée ; refusées : 1.');
    // The refused answer is named by its line in the answers file, in French, not in the form's English.
    expect(r.out).toContain(
      'ligne 3 : réponse refusée par le formulaire à la question « Recommanderiez-vous',
    );
    expect(r.out).not.toMatch(/Invalid response|answer\(s\)|Saved /);
    const model = await loadWorkbook(file);
    const responses = model.sheets.find((s) => s.name === 'Réponses')!;
    expect(responses.values).toHaveLength(7);
    expect(responses.values[6]).toContain('=HYPERLINK("x")');
    expect(responses.formulas.size).toBe(0);
    // --today sets the add-on's clock: the survey is registered as created on 20/11/2026.
    const registry = model.sheets.find((s) => s.name === 'Enquêtes')!;
    const created = registry.values[1].find(isDateCell);
    expect(created && Math.floor(created.serial)).toBe(serialOf(dayOf(2026, 11, 20)));
    expect(cli(['answer', file, '--survey', 'HOT-E9', '--answers', answers]).code).toBe(2);
  });
});

describe('club-pulse survey in anonymous mode (issue 14)', () => {
  it('says when the survey’s form asks for the member code and makes a new anonymous one on request', async () => {
    const file = join(dir, 'anonymous.xlsx');
    copyFileSync(club, file);
    expect(cli(['survey', file, '--hot', 'E1', '--today', '2026-11-20']).code).toBe(0);
    const model = await loadWorkbook(file);
    model.sheets.find((s) => s.name === 'Paramètres')!.values.push(['anonymous_surveys', 'oui']);
    await saveWorkbook(model, file);
    const again = cli(['survey', file, '--hot', 'E1', '--today', '2026-11-20']);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/^HOT-E1 existait déjà/);
    expect(again.out).toContain('demande encore le code membre');
    expect(again.out).toContain('--new-anonymous-form');
    const fresh = cli(['survey', file, '--hot', 'E1', '--new-anonymous-form', '--today', '2026-11-20']);
    expect(fresh.code, fresh.err).toBe(0);
    expect(fresh.out).toMatch(/^HOT-E1 créée/);
    expect(fresh.out).not.toContain('code membre');
    // An answers file saved as UTF-16 (Excel's « Texte Unicode ») is read as text.
    const answers = join(dir, 'answers-utf16.csv');
    writeFileSync(answers, Buffer.from('\uFEFFnps\tsatisfaction\tcomment\r\n9\t5\tTrès bien\r\n', 'utf16le'));
    const r = cli(['answer', file, '--survey', 'HOT-E1', '--answers', answers]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('HOT-E1 : 1 réponse envoyée');
    const responses = (await loadWorkbook(file)).sheets.find((s) => s.name === 'Réponses')!.values;
    expect(responses[responses.length - 1]).toContain('Très bien');
  });
});

describe('a workbook holding parts the xlsx library cannot keep', () => {
  it('is never overwritten: refresh in place exits 2 and asks for --out', async () => {
    const file = join(dir, 'with-image.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Membres');
    ws.addRow(['ID membre', "Date d'adhésion"]);
    ws.addRow(['M1', new Date(Date.UTC(2025, 0, 10))]);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const image = wb.addImage({ buffer: png as never, extension: 'png' });
    ws.addImage(image, 'D2:E4');
    await wb.xlsx.writeFile(file);
    const bytes = readFileSync(file);
    const r = cli(['refresh', file, '--today', FIXTURE_TODAY]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(
      cli(['refresh', file, '--today', FIXTURE_TODAY, '--out', join(dir, 'with-image-out.xlsx')]).code,
    ).toBe(0);
  });
});
