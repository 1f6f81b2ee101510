// « Envoyer l’édition aux membres » in real Chromium against the real add-on (dist/Code.js in the
// local runtime over the hostile club of the editions): the first click previews (the e-mail opens in
// a dialog, the counts come back as text), Cancel sends nothing, « Confirmer l’envoi » sends once to
// each reachable member — a double click included — and a new preview has nothing left to send.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/local/runtime';
import { DAY1, mailClub } from './edition-fixture';
import { chromiumPerFile, openSidebar } from './sidebar-harness';

const chromium = chromiumPerFile();
const html = readFileSync('dist/Sidebar.html', 'utf8');
const code = readFileSync('dist/Code.js', 'utf8');

describe('the members’ edition by e-mail from the sidebar', () => {
  it('previews, sends nothing on Cancel, sends once on confirmation, then has nothing to send', async () => {
    const model = mailClub();
    const bundle = loadBundle(code, {
      workbook: model,
      htmlFiles: { Sidebar: html },
      userLocale: 'fr',
      now: () => DAY1,
    });
    const s = await openSidebar(chromium.browser, html, (name, args) => bundle.call(name, ...args));
    try {
      const open = s.page.getByRole('button', { name: 'Envoyer l’édition aux membres' });
      const question = s.page.locator('#mail-question');
      const status = s.page.locator('#mail-status');
      await open.click();
      await question.waitFor({ state: 'visible' });
      expect(await question.innerText()).toBe('Envoyer l’édition 2026-S1 à 4 membres ?');
      expect(await status.innerText()).toContain('À envoyer : 4 membre(s) ; déjà reçu : 0');
      const dialog = bundle.emulator.ui.dialogs.at(-1)!;
      expect(dialog).toMatchObject({ title: 'Aperçu de l’e-mail aux membres', modal: true });
      expect(dialog.html).toContain('&lt;script&gt;alert(&quot;msg&quot;)&lt;/script&gt;');

      await s.page.getByRole('button', { name: 'Annuler' }).click();
      expect(await s.page.locator('#mail-confirm').isHidden()).toBe(true);
      expect(bundle.emulator.sentMail).toEqual([]);

      await open.click();
      await question.waitFor({ state: 'visible' });
      await s.page.getByRole('button', { name: 'Confirmer l’envoi' }).dblclick();
      await expect.poll(() => status.innerText()).toBe('Édition 2026-S1 envoyée à 4 membre(s).');
      expect(bundle.emulator.sentMail.map((m) => m.to.join())).toEqual([
        'alice@exemple.fr',
        'bruno@exemple.fr',
        'chloe@exemple.fr',
        'emma@exemple.fr',
      ]);
      const calls = s.callsOf('mailMembersEdition').map((c) => c.args[0] as Record<string, unknown>);
      expect(calls.filter((c) => c.confirm)).toHaveLength(1);
      expect(calls.filter((c) => c.preview)).toEqual([
        { preview: true, dialog: true },
        { preview: true, dialog: true },
      ]);

      await open.click();
      await expect.poll(() => status.innerText()).toContain('Rien à envoyer');
      expect(await s.page.locator('#mail-confirm').isHidden()).toBe(true);
      expect(bundle.emulator.sentMail).toHaveLength(4);
      expect(await s.page.locator('img').count()).toBe(0);
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);
});
