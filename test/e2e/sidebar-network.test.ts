// Issue 22 in the sidebar on the real bundle: « Exporter l'instantané réseau » downloads the
// club's anonymous snapshot (built in the browser from the server's answer), whose random club id
// is kept in the document properties and is the same at the next export.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../src/core/network/snapshot';
import { loadBundle } from '../../src/local/runtime';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';
import { chromiumPerFile, openSidebar } from './sidebar-harness';

const chromium = chromiumPerFile();
const html = readFileSync('dist/Sidebar.html', 'utf8');
const code = readFileSync('dist/Code.js', 'utf8');

describe('network snapshot from the sidebar', () => {
  it('downloads the anonymous snapshot of the chosen period, with the same club id each time', async () => {
    const model = fixtureWorkbook();
    const bundle = loadBundle(code, { workbook: model, htmlFiles: { Sidebar: html }, userLocale: 'fr' });
    const server = (name: string, args: unknown[]) =>
      name === 'networkSnapshot'
        ? bundle.call(name, { ...(args[0] as object), today: FIXTURE_TODAY })
        : bundle.call(name, ...args);
    const s = await openSidebar(chromium.browser, html, server);
    try {
      await s.page.getByLabel('Ou période personnalisée').fill('2026-S1');
      const exported = async () => {
        const download = s.page.waitForEvent('download');
        await s.page.getByRole('button', { name: 'Exporter l’instantané réseau' }).click();
        const file = await download;
        const path = await file.path();
        return { name: file.suggestedFilename(), json: JSON.parse(readFileSync(path, 'utf8')) };
      };
      const first = await exported();
      expect(first.name).toMatch(/^club-[0-9a-f]{8}-2026-S1\.snapshot\.json$/);
      const check = validateSnapshot(first.json, 'fr');
      expect(check.ok).toBe(true);
      expect(first.json.period).toBe('2026-S1');
      expect(model.meta.documentProperties['clubpulse.network.club_id']).toBe(first.json.club_id);
      await expect.poll(() => s.page.textContent('#network-status')).toContain('Instantané 2026-S1');
      const second = await exported();
      expect(second.json.club_id).toBe(first.json.club_id);
      expect(s.errors).toEqual([]);
    } finally {
      await s.page.close();
    }
  });
});
