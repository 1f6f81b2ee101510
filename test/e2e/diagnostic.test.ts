// "Vérifier l'installation": the probes through the bundle, under both answers of every switch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPTIMISTIC, PESSIMISTIC, type PlatformChoices } from '../../src/local/emulator/platform';
import { loadBundle } from '../../src/local/runtime';
import { fixtureWorkbook } from './club-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('check installation', () => {
  for (const [name, platform] of [
    ['optimistic', OPTIMISTIC],
    ['pessimistic', PESSIMISTIC],
  ] as Array<[string, PlatformChoices]>) {
    it(`reports every probe, stores what it saw and touches nothing a club typed (${name})`, () => {
      const store = mkdtempSync(join(tmpdir(), 'club-pulse-user-'));
      folders.push(store);
      const model = fixtureWorkbook();
      const before = model.sheets.map((s) => ({ name: s.name, values: JSON.stringify(s.values) }));
      const bundle = loadBundle(code, { workbook: model, userLocale: 'fr', userStore: store, platform });
      bundle.call('menuCheckInstallation');
      const report = model.sheets.find((s) => s.name === 'Diagnostic')!;
      expect(report.values[0]).toEqual(['Comportement', 'Attendu', 'Observé', 'Verdict']);
      const rows = report.values.slice(1).filter((r) => r.some((v) => v !== ''));
      expect(rows.map((r) => r[0])).toEqual([
        "Cellule au format @ recevant 'texte",
        'Deux objets Lock du document',
        'Fuseaux horaires Intl',
        'Onglet de réponses listé après setDestination',
        "Forme de l'URL du formulaire",
        "Place de l'onglet de réponses",
        'Classeur actif vu par le passage quotidien',
        'Adresse de l’utilisateur donnée par Google',
        'Autorisation spreadsheets.currentonly',
        'Autorisation forms',
        'Autorisation script.scriptapp',
        'Autorisation script.send_mail',
        'Autorisation userinfo.email',
      ]);
      expect(rows.map((r) => r[3])).toEqual([...Array(8).fill('Pris en charge'), ...Array(5).fill('OK')]);
      // What each probe saw is the emulator's answer, kept for the add-on.
      const props = bundle.emulator.globals.PropertiesService.getDocumentProperties();
      for (const key of [
        'plainTextStripsApostrophe',
        'lockObjectsShareState',
        'intlTimeZones',
        'responseTabListedAtOnce',
        'sheetFormUrlHasFormId',
        'responseTabAppended',
        'responseTabActivated',
        'effectiveUserEmailKnown',
      ] as const)
        expect(props.getProperty(`diag.${key}`)).toBe(String(platform[key]));
      // The club's tabs are as they were; the probe tab and the response tab are gone.
      const after = model.sheets.filter((s) => s.name !== 'Diagnostic');
      expect(after.map((s) => ({ name: s.name, values: JSON.stringify(s.values) }))).toEqual(before);
      // A second run reuses the diagnostic form and replaces the report.
      const forms = model.meta.forms.length;
      loadBundle(code, { workbook: model, userLocale: 'fr', userStore: store, platform }).call(
        'menuCheckInstallation',
      );
      expect(model.meta.forms.length).toBe(forms);
      expect(model.sheets.filter((s) => s.name === 'Diagnostic')).toHaveLength(1);
    });
  }
});

describe('club-pulse doctor', () => {
  const BIN = join(process.cwd(), 'bin/club-pulse.mjs');
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  for (const [lang, header, handled] of [
    ['fr', 'Comportement | Attendu', 'Pris en charge'],
    ['en', 'Behaviour | Expected', 'Handled'],
  ] as const) {
    for (const setting of ['optimistic', 'pessimistic']) {
      it(`prints the probes in the workbook's language and leaves the file as it was (${lang}, ${setting})`, () => {
        const dir = mkdtempSync(join(tmpdir(), 'club-pulse-doctor-'));
        folders.push(dir);
        const file = join(dir, 'club.xlsx');
        expect(cli(['init', file, '--lang', lang]).code).toBe(0);
        const before = readFileSync(file);
        const r = cli(['doctor', file], { CLUB_PULSE_EMULATOR: setting, CLUB_PULSE_USER_STORE: dir });
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        const lines = r.out.trim().split('\n');
        expect(lines[0]).toMatch(new RegExp(`^${header}`));
        expect(lines).toHaveLength(14);
        expect(lines.filter((l) => l.includes(handled))).toHaveLength(8);
        expect(readFileSync(file).equals(before)).toBe(true);
      });
    }
  }
});
