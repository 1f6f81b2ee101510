// The sidebar in real Chromium against the real add-on: google.script.run is bridged to the built
// bundle (dist/Code.js) running in the local runtime over the hand-worked club. Refresh shows the
// KPIs the core computed, a data issue selects its cell in the workbook, hostile text typed in
// the tracking tabs shows as text, a real HelloAsso export is previewed then imported (once), and
// the hot survey of E1 is created, registered and linked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LoadedBundle, loadBundle } from '../../src/local/runtime';
import type { WorkbookModel } from '../../src/local/workbook/model';
import { samplePath } from '../samples';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';
import { chromiumPerFile, openSidebar } from './sidebar-harness';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const chromium = chromiumPerFile();
const html = readFileSync('dist/Sidebar.html', 'utf8');
const code = readFileSync('dist/Code.js', 'utf8');

/** A server that runs each call in the bundle, as google.script.run does; refresh is pinned to the fixture's today. */
function bundleServer(model: WorkbookModel): {
  bundle: LoadedBundle;
  server: (name: string, args: unknown[]) => unknown;
} {
  const bundle = loadBundle(code, { workbook: model, htmlFiles: { Sidebar: html }, userLocale: 'fr' });
  return {
    bundle,
    server: (name, args) => {
      if (name === 'refreshKpis') return bundle.call(name, { ...(args[0] as object), today: FIXTURE_TODAY });
      return bundle.call(name, ...args);
    },
  };
}

describe('sidebar on the real bundle', () => {
  it('refreshes, shows the computed KPIs, and selects the cell of a data issue', async () => {
    const model = fixtureWorkbook();
    const { bundle, server } = bundleServer(model);
    const s = await openSidebar(chromium.browser, html, server);
    try {
      // The period list speaks the board's words (« 1er semestre 2026 »), its codes stay the values.
      await expect.poll(() => s.page.locator('#period-select option').count()).toBe(5);
      const options = await s.page
        .locator('#period-select option')
        .evaluateAll((os) => os.map((o) => `${(o as HTMLOptionElement).value}=${o.textContent}`));
      expect(options.filter((o) => /^\d{4}-S\d=/.test(o)).length).toBe(4);
      for (const option of options) {
        const [value, text] = option.split('=') as [string, string];
        if (/^\d{4}$/.test(value)) expect(text).toBe(value);
        if (/^\d{4}-S1$/.test(value)) expect(text).toBe(`1er semestre ${value.slice(0, 4)}`);
        if (/^\d{4}-S2$/.test(value)) expect(text).toBe(`2e semestre ${value.slice(0, 4)}`);
      }
      await s.page.getByLabel('Ou période personnalisée').fill('2026-S1');
      await s.page.getByRole('button', { name: 'Actualiser les KPI' }).click();
      await s.page.locator('#outcome-body').waitFor({ state: 'visible' });
      const text = await s.page.locator('#outcome-body').innerText();
      expect(text).toContain('Taux de participation');
      expect(text).toContain('75,0');
      // The unknown event of Participations, then the five tabs the fixture club does not keep.
      expect(await s.page.textContent('#issues-title')).toBe('6 problèmes dans les données');
      expect(model.sheets[0].name).toBe('Tableau de bord');
      await s.page.locator('#issues button').first().click();
      await expect.poll(() => s.callsOf('selectIssueCell').length).toBe(1);
      const ss = bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
      expect(ss.getActiveSheet().getName()).toBe('Participations');
      expect(ss.getActiveRange()!.getA1Notation()).toBe('A9');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('shows hostile text from the tracking tabs as text and runs nothing', async () => {
    const model = fixtureWorkbook();
    model.sheets
      .find((sh) => sh.name === 'Participations')!
      .values.push([PAYLOAD, 'M1', 'oui', 'oui', '', '']);
    model.sheets.find((sh) => sh.name === 'Paramètres')!.values.push(['club_name', PAYLOAD]);
    const { server } = bundleServer(model);
    const s = await openSidebar(chromium.browser, html, server);
    try {
      await s.page.getByLabel('Ou période personnalisée').fill('2026-S1');
      await s.page.getByRole('button', { name: 'Actualiser les KPI' }).click();
      await s.page.locator('#outcome-body').waitFor({ state: 'visible' });
      await expect.poll(() => s.page.locator('#issues').innerText()).toContain(PAYLOAD);
      expect(await s.page.locator('img').count()).toBe(0);
      expect(s.dialogs).toEqual([]);
      await s.page.screenshot({ path: 'test-artifacts/sidebar-bundle-fr.png', fullPage: true });
    } finally {
      await s.close();
    }
  });
});

describe('import and surveys on the real bundle', () => {
  it('previews then imports the HelloAsso payments sample; the second import adds nothing', async () => {
    const model = fixtureWorkbook();
    const { server } = bundleServer(model);
    const s = await openSidebar(chromium.browser, html, server);
    const { page } = s;
    const file = {
      name: 'helloasso_paiements.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(samplePath('helloasso_payments_export_short_variant_sandbox.csv')),
    };
    const members = () => model.sheets.find((sh) => sh.name === 'Membres')!.values;
    const marion = () => members().filter((r) => r.includes('marion.larue@example.org')).length;
    try {
      await page.getByRole('tab', { name: 'Importer' }).click();
      await page.setInputFiles('#import-file', file);
      await page.getByRole('button', { name: 'Aperçu' }).click();
      const result = page.locator('#import-result');
      await result.locator('.summary').waitFor();
      // A preview says what it would add; after the import, what it added.
      expect(await result.locator('.summary').textContent()).toContain('1 ligne serait ajoutée à Membres');
      expect(await result.locator('li').allTextContents()).toEqual(
        expect.arrayContaining(['Membres : 1 ligne', 'Cotisations : 1 ligne']),
      );
      // Line 2 is a ticketing payment: skipped with its reason.
      expect(await result.locator('ul.skipped li').first().textContent()).toMatch(
        /^Ligne 2 : paiement de billetterie : importez plutôt l’export de la billetterie/,
      );
      expect(marion()).toBe(0);
      await page.screenshot({ path: 'test-artifacts/sidebar-import.png', fullPage: true });

      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await expect.poll(() => result.locator('h3').first().textContent()).toBe('Import terminé');
      expect(await result.locator('.summary').textContent()).toContain('1 ligne ajoutée à Membres');
      expect(marion()).toBe(1);

      // The same file again: nothing to add, and « Importer » stays off.
      await page.getByRole('button', { name: 'Aperçu' }).click();
      await expect
        .poll(() => result.locator('h3').first().textContent())
        .toBe('Aperçu : rien n’est encore écrit');
      expect(await result.locator('.summary').textContent()).toMatch(/^Aucune ligne à ajouter/);
      expect(await result.locator('ul.skipped li').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Ligne 3 : déjà présente dans le classeur/)]),
      );
      expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
      expect(marion()).toBe(1);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('shows the server’s sentence for a file it does not know', async () => {
    const { server } = bundleServer(fixtureWorkbook());
    const s = await openSidebar(chromium.browser, html, server);
    try {
      await s.page.getByRole('tab', { name: 'Importer' }).click();
      await s.page.setInputFiles('#import-file', {
        name: 'inconnu.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('a;b\n1;2\n'),
      });
      await s.page.getByRole('button', { name: 'Aperçu' }).click();
      await expect.poll(() => s.page.textContent('#alert')).toMatch(/^Format de fichier non reconnu : /);
      expect(await s.page.textContent('#alert')).not.toMatch(/\n|Exception| at /);
    } finally {
      await s.close();
    }
  });

  it('creates the hot survey of E1: a link, the Surveys tab, personal links, invitations', async () => {
    const model = fixtureWorkbook();
    const { server } = bundleServer(model);
    const s = await openSidebar(chromium.browser, html, server);
    const { page } = s;
    try {
      await page.getByRole('tab', { name: 'Enquêtes' }).click();
      await expect.poll(() => page.locator('#hot-select option').count()).toBe(3);
      expect(await page.locator('#survey-card').isHidden()).toBe(true);
      await page.selectOption('#hot-select', 'E1');
      await page.getByRole('button', { name: 'Créer l’enquête à chaud' }).click();
      await expect
        .poll(() => page.textContent('#survey-note'))
        .toBe('Formulaire créé et inscrit dans l’onglet Enquêtes.');
      const url = await page.inputValue('#survey-url');
      expect(url).toMatch(/^https:\/\/docs\.google\.com\/forms\/.+\/viewform$/);
      expect(await page.getByRole('link', { name: 'Ouvrir le formulaire' }).getAttribute('href')).toBe(url);
      expect(await page.textContent('#survey-answers')).toBe('0 réponse');
      // E1's attendees: Alice, Chloé and Emma (a guest who is now M5).
      await expect
        .poll(() => page.textContent('#survey-links'))
        .toBe('3 liens personnels pré-remplis, un par personne invitée.');
      expect(model.sheets.some((sh) => sh.name === 'Enquêtes')).toBe(true);
      expect(model.sheets.find((sh) => sh.name === 'Enquêtes')!.values[1]).toContain(url);
      await page.getByRole('button', { name: 'Envoyer les invitations' }).click();
      await expect
        .poll(() => page.textContent('#survey-outcome'))
        .toMatch(/^3 invitations envoyées\. Quota restant/);
      await page.screenshot({ path: 'test-artifacts/sidebar-surveys.png', fullPage: true });

      // Asked again, the same form is reused.
      await page.getByRole('button', { name: 'Créer l’enquête à chaud' }).click();
      await expect
        .poll(() => page.textContent('#survey-note'))
        .toBe('Cette enquête existait déjà : son formulaire est réutilisé.');
      expect(await page.inputValue('#survey-url')).toBe(url);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('shows a hostile event title as text in the survey panel and runs nothing', async () => {
    const model = fixtureWorkbook();
    const events = model.sheets.find((sh) => sh.name === 'Événements')!;
    events.values.push(['E4', events.values[1][1], PAYLOAD, 'visite']);
    const { server } = bundleServer(model);
    const s = await openSidebar(chromium.browser, html, server);
    try {
      await s.page.getByRole('tab', { name: 'Enquêtes' }).click();
      await expect
        .poll(() => s.page.locator('#hot-select option').allTextContents())
        .toContain(`12/03/2026 · ${PAYLOAD}`);
      await s.page.selectOption('#hot-select', 'E4');
      await s.page.getByRole('button', { name: 'Créer l’enquête à chaud' }).click();
      await expect
        .poll(() => s.page.locator('#survey-select option:checked').textContent())
        .toBe(`À chaud · ${PAYLOAD} (12/03/2026)`);
      expect(await s.page.locator('img').count()).toBe(0);
      expect(s.dialogs).toEqual([]);
    } finally {
      await s.close();
    }
  });
  it('opens the Settings tab from the shortcut, and says so when there is none', async () => {
    const model = fixtureWorkbook();
    const { bundle, server } = bundleServer(model);
    const s = await openSidebar(chromium.browser, html, server);
    try {
      await s.page.getByRole('button', { name: 'Objectifs et seuils' }).click();
      await expect.poll(() => s.callsOf('selectIssueCell').length).toBe(1);
      expect(s.callsOf('selectIssueCell')[0].args).toEqual(['Paramètres', null, null]);
      const ss = bundle.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
      expect(ss.getActiveSheet().getName()).toBe('Paramètres');
    } finally {
      await s.close();
    }
    const bare = fixtureWorkbook();
    bare.sheets = bare.sheets.filter((sh) => sh.name !== 'Paramètres');
    const t = await openSidebar(chromium.browser, html, bundleServer(bare).server);
    try {
      await t.page.getByRole('button', { name: 'Objectifs et seuils' }).click();
      await expect.poll(() => t.page.textContent('#setup-status')).toBe('Onglet Paramètres absent.');
    } finally {
      await t.close();
    }
  });
});
