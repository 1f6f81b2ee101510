// `club-pulse refresh --html`: the emulated Dashboard tab as a person would see it in Sheets —
// every KPI card, the tables, and the six charts drawn (ECharts, server-side SVG) — opened in
// Chromium.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/core/kpis/catalogue';
import { saveWorkbook } from '../../src/local/workbook/xlsx';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';
import { chromiumPerFile } from './sidebar-harness';

const chromium = chromiumPerFile();
let html = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'club-pulse-html-'));
  const file = join(dir, 'club.xlsx');
  await saveWorkbook(fixtureWorkbook(), file);
  html = join(dir, 'dashboard.html');
  const r = spawnSync(
    process.execPath,
    ['bin/club-pulse.mjs', 'refresh', file, '--period', '2026-S1', '--today', FIXTURE_TODAY, '--html', html],
    {
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
});

describe('dashboard.html', () => {
  it('shows every KPI card with its value, and the six charts with their titles', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(pathToFileURL(html).href);
    const text = await page.locator('table').innerText();
    for (const kpi of CATALOGUE) expect(text, kpi.id).toContain(kpi.label.fr);
    expect(text).toMatch(/75,0\s%/);
    expect(text).toMatch(/7\s000\s€/);
    const charts = page.locator('figure.chart svg');
    expect(await charts.count()).toBe(6);
    const titles = await page.locator('figure.chart').allInnerTexts();
    expect(titles.join('\n')).toContain('NPS par mois');
    expect(titles.join('\n')).toContain('Membres nouveaux, renouvelés, partis par exercice');
    // The NPS chart plots March 2026 (+67) and May 2026 (0): its line has points.
    const npsSvg = await charts.nth(2).innerHTML();
    expect(npsSvg).toMatch(/<path/);
    await page.screenshot({ path: 'test-artifacts/dashboard-html.png', fullPage: true });
    await page.close();
  });

  it('reads on a phone (420 px) without sideways scrolling, money on one line', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(pathToFileURL(html).href);
    const { scrollWidth, viewport } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(viewport);
    // Every chart fits the screen too.
    for (const box of await page
      .locator('figure.chart svg')
      .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(viewport);
    // An amount in euros is one line high: a cell showing "7 000 €" does not wrap.
    const heights = await page.locator('td', { hasText: /^7\s000\s€$/ }).evaluateAll((tds) =>
      tds.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return range.getClientRects().length;
      }),
    );
    expect(heights.length).toBeGreaterThan(0);
    for (const lines of heights) expect(lines).toBe(1);
    await page.screenshot({ path: 'test-artifacts/dashboard-html-420.png', fullPage: true });
    await page.close();
  });
});
