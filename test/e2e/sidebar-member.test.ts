// « Données d’un membre (RGPD) » in real Chromium against the real add-on (dist/Code.js in the local
// runtime over the hand-worked club, with a hostile member): the export opens the printable dialog
// (its text escaped, the JSON downloadable) and offers the JSON in the sidebar; the erasure asks
// first, erases only after « Confirmer l’effacement », and a second erasure has nothing to do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/local/runtime';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';
import { chromiumPerFile, openSidebar } from './sidebar-harness';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const EMAIL = 'zoe.hostile@exemple.fr';
const chromium = chromiumPerFile();
const html = readFileSync('dist/Sidebar.html', 'utf8');
const code = readFileSync('dist/Code.js', 'utf8');

function hostileClub(now?: () => number) {
  const model = fixtureWorkbook();
  const members = model.sheets.find((s) => s.name === 'Membres')!;
  members.values.push(['M9', `Zoé${PAYLOAD}`, 'Hostile', EMAIL, { serial: 46000 }, '', '']);
  model.sheets.find((s) => s.name === 'Participations')!.values.push(['E2', EMAIL, 'oui', 'oui', '', '']);
  const bundle = loadBundle(code, { workbook: model, htmlFiles: { Sidebar: html }, userLocale: 'fr', now });
  const server = (name: string, args: unknown[]) =>
    name === 'refreshKpis'
      ? bundle.call(name, { ...(args[0] as object), today: FIXTURE_TODAY })
      : bundle.call(name, ...args);
  const cells = () => JSON.stringify(model.sheets.map((s) => s.values));
  return { model, bundle, server, cells };
}

describe('a member’s data from the sidebar', () => {
  it('exports into a printable dialog and a JSON download, hostile text as text', async () => {
    const { bundle, server } = hostileClub();
    const s = await openSidebar(chromium.browser, html, server);
    try {
      await s.page.getByLabel('Membre (ID, e-mail ou nom)').fill(EMAIL);
      await s.page.getByRole('button', { name: 'Exporter les données d’un membre' }).click();
      await expect.poll(() => s.page.locator('#member-status').innerText()).toContain('M9');
      expect(await s.page.locator('#member-status').innerText()).toMatch(/M9 : 2 lignes, 2 onglets/);
      const dialog = bundle.emulator.ui.dialogs.at(-1)!;
      expect(dialog).toMatchObject({ title: 'Données de M9', modal: true });
      expect(dialog.html).toContain('Zoé&lt;img src=x onerror=alert(1)&gt;');
      expect(dialog.html).not.toContain(PAYLOAD);
      const link = s.page.getByRole('link', { name: 'Télécharger le JSON' });
      expect(await link.getAttribute('download')).toBe('M9.json');
      const [download] = await Promise.all([s.page.waitForEvent('download'), link.click()]);
      const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(json.member).toEqual({
        id: 'M9',
        firstName: `Zoé${PAYLOAD}`,
        lastName: 'Hostile',
        email: EMAIL,
      });
      expect(await s.page.locator('img').count()).toBe(0);
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('erases only after the confirmation, then has nothing left to erase', async () => {
    const { server, cells } = hostileClub();
    const s = await openSidebar(chromium.browser, html, server);
    try {
      const field = s.page.getByLabel('Membre (ID, e-mail ou nom)');
      await field.fill('M9');
      await s.page.getByRole('button', { name: 'Effacer un membre' }).click();
      const question = s.page.locator('#member-question');
      await question.waitFor({ state: 'visible' });
      expect(await question.innerText()).toContain('M9');
      // Cancelled: nothing written.
      await s.page.getByRole('button', { name: 'Annuler' }).click();
      expect(cells()).toContain(EMAIL);
      expect(s.callsOf('eraseMember').map((c) => c.args[0])).toEqual([{ member: 'M9', preview: true }]);

      await s.page.getByRole('button', { name: 'Effacer un membre' }).click();
      await question.waitFor({ state: 'visible' });
      await s.page.getByRole('button', { name: 'Confirmer l’effacement' }).click();
      await expect.poll(() => s.page.locator('#member-status').innerText()).toContain('effacées');
      expect(cells()).not.toContain(EMAIL);
      expect(cells()).not.toContain('Zoé');
      expect(s.callsOf('eraseMember').at(-1)!.args[0]).toEqual({ member: 'M9', confirm: 'M9' });

      await s.page.getByRole('button', { name: 'Effacer un membre' }).click();
      await expect.poll(() => s.page.locator('#member-status').innerText()).toContain('déjà effacé');
      expect(await s.page.locator('#member-confirm').isHidden()).toBe(true);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('says so when no member matches, in the alert', async () => {
    const { server } = hostileClub();
    const s = await openSidebar(chromium.browser, html, server);
    try {
      await s.page.getByLabel('Membre (ID, e-mail ou nom)').fill(PAYLOAD);
      await s.page.getByRole('button', { name: 'Effacer un membre' }).click();
      await expect.poll(() => s.page.locator('#alert').innerText()).toContain('Aucun membre');
      expect(await s.page.locator('#alert').innerText()).toContain(PAYLOAD);
      expect(await s.page.locator('img').count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('prints the member’s statement (renewal season) in a dialog, hostile text as text', async () => {
    // Noon in Paris on the fixture's day: the statement covers term 2026 to date.
    const { bundle, server } = hostileClub(() => Date.parse(`${FIXTURE_TODAY}T11:00:00Z`));
    const s = await openSidebar(chromium.browser, html, server);
    try {
      await s.page.getByLabel('Membre (ID, e-mail ou nom)').fill(EMAIL);
      await s.page.getByRole('button', { name: 'Bilan imprimable' }).click();
      await expect.poll(() => s.page.locator('#member-status').innerText()).toContain('M9');
      expect(await s.page.locator('#member-status').innerText()).toBe(
        'Bilan de M9 (du 01/01/2026 au 27/11/2026).',
      );
      const dialog = bundle.emulator.ui.dialogs.at(-1)!;
      expect(dialog).toMatchObject({ title: 'Bilan de M9', modal: true });
      expect(dialog.html).toContain('<h1>Bilan de Zoé&lt;img src=x onerror=alert(1)&gt; Hostile</h1>');
      expect(dialog.html).toContain('<td>Événements suivis</td><td class="n">1</td>');
      expect(dialog.html).not.toContain(PAYLOAD);
      expect(await s.page.locator('img').count()).toBe(0);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
