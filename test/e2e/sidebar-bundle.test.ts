// The sidebar in real Chromium against the real add-on: google.script.run is bridged to the built
// bundle (dist/Code.js) running in the local runtime over the hand-worked club. Refresh shows the
// KPIs the core computed, a data issue selects its cell in the workbook, and hostile text typed in
// the tracking tabs shows as text.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedBundle, loadBundle } from '../../src/local/runtime';
import type { WorkbookModel } from '../../src/local/workbook/model';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';
import { launchChromium, openSidebar } from './sidebar-harness';

const PAYLOAD = '<img src=x onerror=alert(1)>';
let browser: Browser;
const html = readFileSync('dist/Sidebar.html', 'utf8');
const code = readFileSync('dist/Code.js', 'utf8');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

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
    const s = await openSidebar(browser, html, server);
    try {
      await s.page.getByLabel('Ou période personnalisée').fill('2026-S1');
      await s.page.getByRole('button', { name: 'Actualiser les KPI' }).click();
      await s.page.locator('#outcome-body').waitFor({ state: 'visible' });
      const text = await s.page.locator('#outcome-body').innerText();
      expect(text).toContain('Taux de participation');
      expect(text).toContain('75,0');
      expect(await s.page.textContent('#issues-title')).toBe('1 problème dans les données');
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
    const s = await openSidebar(browser, html, server);
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
