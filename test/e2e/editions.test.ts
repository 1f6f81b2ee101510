// Issue 19: the members' and funders' editions. Through the built bundle (the print dialog, the
// « Édition membres » tab rebuilt at refresh) and the CLI (`club-pulse report`): the demo club and a
// club with hostile text carry no name or e-mail of a member who did not agree (checked against the
// Members tab), escape every text, hold the headline figures of the JSON report; the PDF opens and
// shows them; the print view renders in Chromium with its print button.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditionResult, RefreshResult, ReportJson } from '../../src/core/api';
import { escapeHtml } from '../../src/core/editions/escape';
import { formatKpiValue } from '../../src/core/format';
import { HIGHLIGHT_KPIS } from '../../src/core/highlights';
import { kpiDefinition } from '../../src/core/kpis/catalogue';
import { loadBundle } from '../../src/local/runtime';
import { loadWorkbook } from '../../src/local/workbook/xlsx';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';
import { expectNoneOf, hostileWorkbook, membersOf } from './edition-fixture';
import { chromiumPerFile } from './sidebar-harness';

const code = readFileSync('dist/Code.js', 'utf8');
const CLI = 'bin/club-pulse.mjs';
const ART = 'test-artifacts';
/** Each CLI run loads the bundle and the workbook (a few seconds, more on a busy machine). */
const CLI_TIMEOUT = 300_000;

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

/** The headline figures of the JSON report, formatted as the club reads them. */
function headlineFigures(json: ReportJson): string[] {
  return HIGHLIGHT_KPIS.map(({ id }) => {
    const k = json.kpis.find((x) => x.id === id)!;
    const def = kpiDefinition(id)!;
    return formatKpiValue(k.value, def.display ?? def.unit, 'fr', 'EUR');
  });
}

const chromium = chromiumPerFile();
beforeAll(() => {
  mkdirSync(ART, { recursive: true });
});

describe("members' edition in Sheets (bundle)", () => {
  it(
    'writes the « Édition membres » tab at refresh and opens the print dialog from the menu',
    async () => {
      const model = hostileWorkbook();
      const bundle = loadBundle(code, { workbook: model, userLocale: 'fr' });
      const refreshed = bundle.call('refreshKpis', {
        period: '2026-S1',
        today: FIXTURE_TODAY,
        withReport: true,
      }) as Extract<RefreshResult, { ok: true }>;
      expect(refreshed.ok).toBe(true);
      const { hidden, named } = membersOf(model);
      expect(named).toEqual(['Alice Martin', 'Chloé <b>Durand</b>']);

      const tab = model.sheets.find((s) => s.name === 'Édition membres')!;
      const cells = tab.values.flat().map(String).join('\n');
      expectNoneOf(cells, hidden);
      expect(tab.formulas.size).toBe(0);
      expect(cells).toContain('Un premier gros contrat');
      expect(cells).not.toContain('Histoire privée');
      expect(cells).toContain('Alice Martin');
      expect(cells).toContain('Membre non nommé');

      // The menu item opens the dialog on the period of the last refresh.
      const shown = bundle.call('showMembersEdition') as EditionResult;
      expect(shown.ok && shown.period).toBe('2026-S1');
      const dialog = bundle.emulator.ui.dialogs.at(-1)!;
      expect(dialog.modal).toBe(true);
      expect(dialog.title).toBe('Édition membres — 2026-S1');
      const html = dialog.html;
      expectNoneOf(html, hidden);
      expect(html).not.toMatch(/<script|<img|<b>Durand/i);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Un premier gros contrat');
      expect(html).toContain('&lt;script&gt;alert(&quot;msg&quot;)&lt;/script&gt; Bravo &amp; merci');
      expect(html).toContain('Chloé &lt;b&gt;Durand&lt;/b&gt;');
      expect(html).not.toContain('Histoire privée');
      for (const figure of headlineFigures(refreshed.report!)) expect(html).toContain(escapeHtml(figure));
      // Never the data issues (the fixture has an unknown event E9) nor the to-call list.
      expect(refreshed.issueCount).toBeGreaterThan(0);
      expect(html).not.toContain('E9');
      expect(html).not.toMatch(/à appeler/);

      // The print view in Chromium: A4, its button calls window.print(), which the print hides.
      const page = await chromium.browser.newPage({ viewport: { width: 900, height: 1200 } });
      await page.setContent(html);
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed++;
        };
      });
      const button = page.getByRole('button', { name: 'Imprimer / enregistrer en PDF' });
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      expect(html).toMatch(/@page\{size:A4 portrait/);
      // Charts for the figures with two periods of data or more: active members and business here.
      expect(await page.locator('.figure svg').count()).toBe(2);
      const text = await page.locator('body').innerText();
      expect(text).toContain('Le mot du club');
      expect(text).toContain('Grâce à notre rencontre speed business');
      await page.screenshot({ path: `${ART}/members-edition-hostile.png`, fullPage: true });
      await page.emulateMedia({ media: 'print' });
      expect(await button.isVisible()).toBe(false);
      await page.close();

      // The funders' edition: « pour 1 € investi » needs an investment; here the business and community.
      const funders = bundle.call('showFundersEdition') as EditionResult;
      expect(funders.ok).toBe(true);
      const fhtml = bundle.emulator.ui.dialogs.at(-1)!.html;
      expectNoneOf(fhtml, hidden);
      expect(fhtml).toContain('7\u00a0000\u00a0€ d’affaires générées entre membres au 1er semestre 2026.');
    },
    CLI_TIMEOUT,
  );

  it('leaves the leaderboard out unless Settings edition_leaderboard says yes', () => {
    const model = fixtureWorkbook();
    const bundle = loadBundle(code, { workbook: model, userLocale: 'fr' });
    const result = bundle.call('editionHtml', {
      kind: 'members',
      period: '2026-S1',
      today: FIXTURE_TODAY,
    }) as EditionResult;
    expect(result.ok).toBe(true);
    const html = result.ok ? result.html : '';
    expect(html).not.toContain('Palmarès');
    // Nobody agreed (no consent column): no name or e-mail of the Members tab at all.
    expectNoneOf(html, membersOf(model).hidden);
  });
});

describe('club-pulse report (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'club-pulse-report-'));
  const file = join(dir, 'club.xlsx');
  const json = join(dir, 'kpis.json');

  beforeAll(() => {
    let r = cli(['init', file, '--lang', 'fr', '--demo', '--today', FIXTURE_TODAY]);
    expect(r.status, r.stderr).toBe(0);
    r = cli(['refresh', file, '--today', FIXTURE_TODAY, '--json', json]);
    expect(r.status, r.stderr).toBe(0);
  }, CLI_TIMEOUT);

  it(
    "writes the demo's members' and funders' editions and a PDF showing the headline figures",
    async () => {
      const members = join(dir, 'report.html');
      const funders = join(dir, 'funders.html');
      const pdf = join(dir, 'report.pdf');
      const r = cli([
        'report',
        file,
        '--members',
        members,
        '--funders',
        funders,
        '--pdf',
        pdf,
        '--today',
        FIXTURE_TODAY,
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Édition membres (2026-S1) écrite dans');
      const model = await loadWorkbook(file);
      const { hidden, named } = membersOf(model);
      expect(named.length).toBeGreaterThan(10);
      expect(hidden.length).toBeGreaterThan(10);
      const html = readFileSync(members, 'utf8');
      expectNoneOf(html, hidden);
      const report = JSON.parse(readFileSync(json, 'utf8')) as ReportJson;
      const figures = headlineFigures(report);
      for (const figure of figures) expect(html).toContain(escapeHtml(figure));
      // The leaderboard (Settings edition_leaderboard: oui) names some consenting members only.
      expect(named.some((n) => html.includes(escapeHtml(n)))).toBe(true);
      expect(html).toContain('Merci à toutes et à tous');
      // One trend chart per figure of L'essentiel, inline SVG.
      expect(html.match(/<svg /g)?.length).toBe(6);

      const fhtml = readFileSync(funders, 'utf8');
      expectNoneOf(fhtml, hidden);
      expect(fhtml).toMatch(
        /Pour 1\u00a0€ investi dans le club au 1er semestre 2026, [\d\u00a0,]+\u00a0€ d’affaires/,
      );
      expect(fhtml).toMatch(/heures données par l’équipe et les bénévoles au 1er semestre 2026/);

      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The PDF opens in Chromium's viewer? Headless Chromium has none: its text is read instead from
      // the page it was printed from, laid out for print on A4 (what page.pdf() printed).
      const page = await chromium.browser.newPage();
      await page.setContent(html);
      await page.emulateMedia({ media: 'print' });
      const text = await page.locator('body').innerText();
      for (const figure of figures) expect(text).toContain(figure);
      await page.close();
    },
    CLI_TIMEOUT,
  );

  it(
    'on another period with --period, and says so clearly when Chromium is missing',
    () => {
      const pdf = join(dir, 'none.pdf');
      const members = join(dir, 's2.html');
      let r = cli(['report', file, '--members', members, '--period', '2026-S2', '--today', FIXTURE_TODAY]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('(2026-S2)');
      // The demo's shareable stories of 2026-S2 sit beside their figure.
      expect(readFileSync(members, 'utf8')).toContain('Record de participation');
      r = cli(['report', file, '--pdf', pdf, '--today', FIXTURE_TODAY], {
        CLUB_PULSE_CHROMIUM: join(dir, 'no-chromium'),
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('Chromium est introuvable');
      expect(r.stderr).toContain("le PDF n'a pas été écrit");
      r = cli(['report', file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('Indiquez au moins une sortie');
    },
    CLI_TIMEOUT,
  );
});
