// Imports through the built bundle and the CLI, on real sample exports: rows appended under the
// tab's own header (source reference column added), dates written as dates, a dry run writing
// nothing, re-importing adding nothing, and the KPIs seeing the new rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/core/api';
import { loadBundle } from '../../src/local/runtime';
import { isDateCell } from '../../src/local/workbook/model';
import { loadWorkbook, saveWorkbook } from '../../src/local/workbook/xlsx';
import { samplePath } from '../samples';
import { fixtureWorkbook } from './club-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
const BIN = join(process.cwd(), 'bin/club-pulse.mjs');

describe('import through the bundle', () => {
  it('HelloAsso payments: the paid membership adds a member and a dues row; the ticket payment is skipped with its reason', () => {
    const model = fixtureWorkbook();
    const bundle = loadBundle(code, { workbook: model });
    const request = {
      fileName: 'paiements.csv',
      text: readFileSync(samplePath('helloasso_payments_export_short_variant_sandbox.csv'), 'utf8'),
    };
    const before = JSON.stringify(model.sheets.map((s) => s.values));
    const preview = bundle.call('previewImport', request) as ImportResult;
    expect(JSON.stringify(model.sheets.map((s) => s.values))).toBe(before);
    expect(preview).toMatchObject({ ok: true, source: 'helloasso_payments', written: false });
    if (!preview.ok) return;
    // Line 3: Marion Larue, membership paid offline (10 €) → one member, one dues row.
    // Line 2: a ticketing payment → skipped, the ticketing export is the one to import.
    expect(preview.additions).toEqual([
      { tabName: 'Membres', rows: 1 },
      { tabName: 'Cotisations', rows: 1 },
    ]);
    expect(preview.skipped.map((s) => s.line)).toEqual([2]);

    const applied = bundle.call('applyImport', request) as ImportResult;
    expect(applied).toMatchObject({ ok: true, written: true });
    const members = model.sheets.find((s) => s.name === 'Membres')!;
    expect(members.values[0]).toContain('Référence source');
    const marion = members.values.find((r) => r.includes('marion.larue@example.org'))!;
    expect(marion).toBeDefined();
    const joined = marion[members.values[0].indexOf("Date d'adhésion")];
    expect(isDateCell(joined)).toBe(true);
    // The rows already there are untouched.
    expect(members.values.slice(1, 6)).toEqual(fixtureWorkbook().sheets[0].values.slice(1));

    const again = bundle.call('applyImport', request) as ImportResult;
    expect(again).toMatchObject({ ok: true, additions: [] });
    expect(members.values.filter((r) => r.includes('marion.larue@example.org'))).toHaveLength(1);
  });

  it('refuses a file it cannot read as any known export with one sentence', () => {
    const bundle = loadBundle(code, { workbook: fixtureWorkbook() });
    const result = bundle.call('previewImport', { fileName: 'x.csv', text: 'a;b\n1;2\n' }) as ImportResult;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^Format de fichier non reconnu/);
      expect(result.message).not.toMatch(/\n\s+at |Exception/);
    }
  });
});

describe('club-pulse import', () => {
  it('dry run writes nothing; import writes; re-import adds nothing; refresh counts the new attendees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'club-pulse-import-'));
    const file = join(dir, 'club.xlsx');
    await saveWorkbook(fixtureWorkbook(), file);
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    const exported = samplePath('eventbrite_attendee_report_sample.csv');
    const bytes = readFileSync(file);
    const dry = run([
      'import',
      file,
      exported,
      '--dry-run',
      '--event-date',
      '2026-04-02',
      '--event-title',
      'Conférence IA',
    ]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Aperçu : rien n’a été écrit.');
    // A preview says what it would add; the import says what it added.
    expect(dry.stdout).toMatch(
      /1 ligne serait ajoutée à Événements, 2 lignes seraient ajoutées à Participations/,
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const done = run([
      'import',
      file,
      exported,
      '--event-date',
      '2026-04-02',
      '--event-title',
      'Conférence IA',
    ]);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/1 ligne ajoutée à Événements, 2 lignes ajoutées à Participations/);
    const model = await loadWorkbook(file);
    const events = model.sheets.find((s) => s.name === 'Événements')!;
    expect(events.values.some((r) => r.includes('Conférence IA'))).toBe(true);
    const attendance = model.sheets.find((s) => s.name === 'Participations')!;
    const added = attendance.values.length - 9;
    expect(added).toBeGreaterThan(0);

    const again = run([
      'import',
      file,
      exported,
      '--event-date',
      '2026-04-02',
      '--event-title',
      'Conférence IA',
    ]);
    expect(again.status).toBe(0);
    expect((await loadWorkbook(file)).sheets.find((s) => s.name === 'Participations')!.values.length).toBe(
      9 + added,
    );

    const json = join(dir, 'kpis.json');
    expect(
      run(['refresh', file, '--period', '2026-S1', '--today', '2026-11-27', '--json', json]).status,
    ).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const events3 = report.kpis.find((k: { id: string }) => k.id === 'avg_attendance');
    // Three events in 2026-S1 now (E1, E2, the imported conference).
    expect(events3.n).toBe(3);
  });

  it('imports a BNI PALMS report saved as Excel 2003 XML (.xls) for the members it knows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'club-pulse-import-'));
    const file = join(dir, 'club.xlsx');
    await saveWorkbook(fixtureWorkbook(), file);
    const r = spawnSync(
      process.execPath,
      [BIN, 'import', file, 'test/fixtures/imports/bni_palms_chapter_summary.xls'],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    // Alice Martin is a member of the fixture club; Bob Durand and Zoé Klein are not.
    expect(r.stdout).toMatch(/ligne 10 : « Bob Durand » introuvable/);
    expect(r.stdout).toMatch(/ligne 11 : « Zoé Klein » introuvable/);
    expect(r.stdout).not.toMatch(/Alice Martin » introuvable/);
    const model = await loadWorkbook(file);
    const attendance = model.sheets.find((s) => s.name === 'Participations')!;
    expect(attendance.values.length).toBeGreaterThan(9);
  });

  it("Google Forms: shows the proposed column mapping, and takes the user's corrections with --map", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'club-pulse-import-'));
    const file = join(dir, 'club.xlsx');
    await saveWorkbook(fixtureWorkbook(), file);
    const exported = 'test/fixtures/imports/Enquête froide (réponses) - Réponses au formulaire 1.csv';
    const proposed = spawnSync(process.execPath, [BIN, 'import', file, exported, '--dry-run'], {
      encoding: 'utf8',
    });
    expect(proposed.stdout).toContain('proposées : corrigez avec --map');
    expect(proposed.stdout).toContain('Commentaire → comment');
    const corrected = spawnSync(
      process.execPath,
      [BIN, 'import', file, exported, '--map', 'Commentaire=', '--map', 'Formats préférés=preferred_formats'],
      {
        encoding: 'utf8',
      },
    );
    expect(corrected.status, corrected.stderr).toBe(0);
    expect(corrected.stdout).toContain('Commentaire → (ignorée)');
    const responses = (await loadWorkbook(file)).sheets.find((s) => s.name === 'Réponses')!;
    expect(responses.values.length).toBe(6 + 2);
    expect(
      spawnSync(process.execPath, [BIN, 'import', file, exported, '--map', 'nonsense'], { encoding: 'utf8' })
        .status,
    ).toBe(2);
  });

  it('exits 2 with a sentence for an export file that cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'club-pulse-import-'));
    const file = join(dir, 'club.xlsx');
    await saveWorkbook(fixtureWorkbook(), file);
    const missing = spawnSync(process.execPath, [BIN, 'import', file, join(dir, 'nope.csv')], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot be read/);
  });
});
