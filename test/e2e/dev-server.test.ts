// `club-pulse dev` in real Chromium: the sidebar beside the workbook's tabs, google.script.run
// bridged over HTTP to the built bundle, the Dashboard written into the workbook file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../../src/local/dev/server';
import { loadWorkbook, saveWorkbook } from '../../src/local/workbook/xlsx';
import { fixtureWorkbook } from './club-fixture';
import { chromiumPerFile } from './sidebar-harness';

const chromium = chromiumPerFile();
let dev: DevServer;
let file = '';

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'club-pulse-dev-')), 'club.xlsx');
  await saveWorkbook(fixtureWorkbook(), file);
  dev = await startDevServer(file, 0);
});
afterAll(async () => {
  await dev?.close();
});

describe('club-pulse dev', () => {
  it('shows the tabs and the sidebar; Actualiser les KPI writes the Dashboard into the workbook file', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(dev.url);
    await expect.poll(() => page.locator('#tabs .tab').allTextContents()).toContain('Participations');
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.getByLabel('Ou période personnalisée').fill('2026-S1');
    await sidebar.getByRole('button', { name: 'Actualiser les KPI' }).click();
    await sidebar.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(await sidebar.locator('#outcome-body').innerText()).toContain('75,0');
    // The page redraws its tabs after the change and shows the dashboard tab.
    await expect.poll(() => page.locator('#tabs .tab').allTextContents()).toContain('Tableau de bord');
    await page.locator('#tabs .tab', { hasText: 'Tableau de bord' }).click();
    await expect
      .poll(() => page.frameLocator('#sheet').locator('body').innerText())
      .toContain('Taux de participation');
    await page.screenshot({ path: 'test-artifacts/dev-server.png' });
    const saved = await loadWorkbook(file);
    expect(saved.sheets[0].name).toBe('Tableau de bord');
    expect(requests.every((u) => u.startsWith(dev.url))).toBe(true);
    await page.close();
  });

  it('answers a failing call with a sentence for the failure handler', async () => {
    // As the sidebar calls: its own origin, its session token, JSON.
    const headers = {
      origin: dev.url.replace(/\/$/, ''),
      'x-club-pulse-token': dev.token,
      'content-type': 'application/json',
    };
    const response = await fetch(`${dev.url}api/call`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'refreshKpis', args: [{ period: '2026-S9' }] }),
    });
    const answer = await response.json();
    expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
    expect(answer.value).toMatchObject({ ok: false, code: 'bad_period' });
    const missing = await (
      await fetch(`${dev.url}api/call`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'nope', args: [] }),
      })
    ).json();
    expect(missing).toMatchObject({ ok: false });
  });
});
