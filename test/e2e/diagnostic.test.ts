// "Vérifier l'installation": the probes through the bundle, under both answers of every switch.
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
        'Autorisation spreadsheets.currentonly',
        'Autorisation forms',
        'Autorisation script.scriptapp',
        'Autorisation script.send_mail',
      ]);
      expect(rows.map((r) => r[3])).toEqual([...Array(5).fill('Pris en charge'), ...Array(4).fill('OK')]);
      // What each probe saw is the emulator's answer, kept for the add-on.
      const props = bundle.emulator.globals.PropertiesService.getDocumentProperties();
      for (const key of [
        'plainTextStripsApostrophe',
        'lockObjectsShareState',
        'intlTimeZones',
        'responseTabListedAtOnce',
        'sheetFormUrlHasFormId',
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
