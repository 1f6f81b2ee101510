/**
 * Browser tests of the sidebar page (built by src/sidebar/build.mjs, loaded in Chromium) against a
 * fake google.script.run whose server answers with canned data built here: refresh, progress,
 * single-flight button, KPI and issue rendering, issue selection, tab setup, French and English,
 * error sentences, hostile text, keyboard use, contrast and size.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  IssueSummary,
  KpiSummary,
  Lang,
  Progress,
  RefreshResult,
  RefreshSummary,
  SetupResult,
  SidebarState,
} from '../../src/gas/api';
import { buildSidebarHtml } from '../../src/sidebar/build.mjs';
import { type FakeServer, launchChromium, openSidebar, type SidebarPage } from './sidebar-harness';

const HOSTILE = '<img src=x onerror=alert(1)>';
const ARTIFACTS = 'test-artifacts';

function kpi(over: Partial<KpiSummary> & Pick<KpiSummary, 'id' | 'family' | 'label'>): KpiSummary {
  return { familyLabel: over.family, value: '0', delta: '', trend: null, status: null, n: 0, ...over };
}

function summary(lang: Lang, over: Partial<RefreshSummary> = {}): RefreshSummary {
  const fr = lang === 'fr';
  const issues: IssueSummary[] = [
    {
      tab: fr ? 'Membres' : 'Members',
      row: 12,
      column: 'email',
      value: 'jean@@exemple',
      code: 'bad_email',
      message: fr ? 'Adresse e-mail invalide.' : 'Invalid email address.',
    },
    {
      tab: fr ? 'Présences' : 'Attendance',
      row: 40,
      column: 'member_id',
      value: 'M-999',
      code: 'unknown_member',
      message: fr ? 'Membre inconnu.' : 'Unknown member.',
    },
    {
      tab: fr ? 'Paramètres' : 'Settings',
      row: null,
      column: null,
      value: '',
      code: 'missing_tab',
      message: fr ? 'Onglet absent.' : 'Tab missing.',
    },
  ];
  return {
    period: '2026-S1',
    periodText: fr ? '1er semestre 2026' : 'First half of 2026',
    previous: '2025-S2',
    refreshedAt: '2026-07-01T08:30:00.000Z',
    durationMs: 2400,
    kpis: [
      kpi({
        id: 'participation_rate',
        family: 'engagement',
        familyLabel: 'Engagement',
        label: fr ? 'Taux de participation' : 'Participation rate',
        value: fr ? '40,0 %' : '40.0%',
        delta: fr ? '+5,0 pts' : '+5.0 pts',
        trend: 'good',
        status: 'green',
        n: 25,
      }),
      kpi({
        id: 'nps',
        family: 'satisfaction',
        familyLabel: 'Satisfaction',
        label: 'NPS',
        value: '32',
        delta: '-4',
        trend: 'bad',
        status: 'amber',
        n: 18,
      }),
      kpi({
        id: 'active_members',
        family: 'engagement',
        familyLabel: 'Engagement',
        label: fr ? 'Membres actifs' : 'Active members',
        value: '20',
        delta: '+0',
        trend: 'flat',
        status: 'grey',
        n: 20,
      }),
      kpi({
        id: 'referrals_won',
        family: 'business',
        familyLabel: 'Business',
        label: fr ? 'Recommandations conclues' : 'Referrals won',
        value: fr ? '12 400 €' : '€12,400',
        status: 'red',
        n: 7,
      }),
    ],
    issueCount: 3,
    issues,
    ...over,
  };
}

function state(lang: Lang, over: Partial<SidebarState> = {}): SidebarState {
  return {
    lang,
    clubName: 'Réseau Entreprendre Lyon',
    periods: [
      { label: '2026-S1', text: lang === 'fr' ? '1er semestre 2026' : 'First half of 2026' },
      { label: '2026-Q2', text: lang === 'fr' ? '2e trimestre 2026' : 'Q2 2026' },
      { label: '2025', text: '2025' },
    ],
    defaultPeriod: '2026-S1',
    last: null,
    ...over,
  };
}

interface CannedOptions {
  lang?: Lang;
  state?: Partial<SidebarState>;
  /** What refreshKpis answers (after `gate`, if given); may throw. */
  refresh?: () => RefreshResult | Promise<RefreshResult>;
  gate?: Promise<void>;
  progress?: Progress | null;
  setup?: SetupResult;
}

/** A fake server answering the contract's endpoints with canned data. */
function cannedServer(options: CannedOptions = {}): FakeServer {
  const lang = options.lang ?? 'fr';
  return async (name, args) => {
    switch (name) {
      case 'getSidebarState':
        return state(lang, options.state);
      case 'refreshKpis':
        if (options.gate) await options.gate;
        return options.refresh ? options.refresh() : { ok: true, ...summary(lang) };
      case 'getRefreshProgress':
        return options.progress ?? null;
      case 'selectIssueCell':
        return args[0] !== 'ghost';
      case 'setupTrackingTabs':
        return options.setup ?? { created: [], existing: [] };
      default:
        throw new Error(`Unexpected server function ${name}`);
    }
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let browser: Browser;
let html: string;
const open: SidebarPage[] = [];

async function sidebar(server: FakeServer): Promise<SidebarPage> {
  const opened = await openSidebar(browser, html, server);
  open.push(opened);
  return opened;
}

beforeAll(async () => {
  [html, browser] = await Promise.all([buildSidebarHtml(), launchChromium()]);
  await mkdir(ARTIFACTS, { recursive: true });
});

afterEach(async () => {
  for (const opened of open.splice(0)) {
    expect(opened.requests, 'the page loads nothing from the network').toEqual([]);
    await opened.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('sidebar build', () => {
  it('is one self-contained page under 30 KB with the code inlined', () => {
    const bytes = Buffer.byteLength(html, 'utf8');
    expect(bytes).toBeLessThan(30 * 1024);
    expect(html).not.toContain('<!-- STYLE -->');
    expect(html).not.toContain('<!-- SCRIPT -->');
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toContain('<?');
  });
});

describe('sidebar page', () => {
  it('refreshes: shows the period, the KPIs by family with deltas and lights, and the issue count', async () => {
    const s = await sidebar(cannedServer());
    const { page } = s;
    await expect.poll(() => page.textContent('#club-name')).toBe('Réseau Entreprendre Lyon');
    expect(await page.inputValue('#period-select')).toBe('2026-S1');
    expect(await page.textContent('#outcome-empty')).toContain('Aucune actualisation');

    await page.getByRole('button', { name: 'Actualiser les KPI' }).click();
    await page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(s.callsOf('refreshKpis').map((c) => c.args)).toEqual([[{ period: '2026-S1' }]]);
    expect(await page.textContent('#outcome-period')).toBe(
      'Période : 1er semestre 2026 · comparée à 2025-S2',
    );
    // 2400 ms → "2,4 s" in French.
    expect(await page.textContent('#outcome-time')).toMatch(/^Actualisé en 2,4 s · le /);
    // Families in order of first appearance; Engagement holds its two KPIs.
    expect(await page.locator('#kpis h3').allTextContents()).toEqual([
      'Engagement',
      'Satisfaction',
      'Business',
    ]);
    expect(await page.locator('#kpis ul').first().locator('.kpi-label').allTextContents()).toEqual([
      'Taux de participation',
      'Membres actifs',
    ]);
    const participation = page.locator('[data-kpi="participation_rate"]');
    expect(await participation.locator('.kpi-value').textContent()).toBe('40,0 %');
    expect(await participation.locator('.delta').textContent()).toBe(
      '▲ +5,0 pts (en hausse, bonne nouvelle)',
    );
    expect(await participation.locator('.delta').getAttribute('class')).toBe('delta good');
    expect(await participation.getByRole('img').getAttribute('aria-label')).toBe(
      'Feu vert : objectif atteint',
    );
    const nps = page.locator('[data-kpi="nps"]');
    expect(await nps.locator('.delta').textContent()).toBe('▼ -4 (en baisse, mauvaise nouvelle)');
    expect(await nps.locator('.delta').getAttribute('class')).toBe('delta bad');
    expect(await nps.getByRole('img').getAttribute('aria-label')).toBe('Feu orange : à surveiller');
    // A KPI without a previous value shows no delta.
    expect(await page.locator('[data-kpi="referrals_won"] .delta').count()).toBe(0);

    expect(await page.textContent('#issues-title')).toBe('3 problèmes dans les données');
    expect(await page.locator('#issues button').count()).toBe(3);
    expect(await page.locator('#issues button').first().textContent()).toBe(
      'Membres · ligne 12 · email : Adresse e-mail invalide.Valeur : « jean@@exemple »',
    );
    expect(await page.locator('#issues button').nth(2).textContent()).toBe('Paramètres : Onglet absent.');
    expect(s.errors).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/sidebar-fr.png`, fullPage: true });
  });

  it('disables the button during a refresh, shows the server step, and never starts two refreshes', async () => {
    const gate = deferred();
    const s = await sidebar(
      cannedServer({ gate: gate.promise, progress: { step: 'computing', label: 'Calcul des indicateurs…' } }),
    );
    const { page } = s;
    const button = page.locator('#refresh');
    await expect.poll(() => page.textContent('#club-name')).toBe('Réseau Entreprendre Lyon');
    await button.click();
    expect(await button.isDisabled()).toBe(true);
    expect(await page.textContent('#progress')).toBe('Démarrage de l’actualisation…');
    // A second click (and a direct DOM click) while the first runs does not call the server again.
    await button.click({ force: true });
    await page.evaluate(() => (document.getElementById('refresh') as HTMLButtonElement).click());
    // Progress is polled every 700 ms and shows the server's label.
    await expect.poll(() => page.textContent('#progress'), { timeout: 3000 }).toBe('Calcul des indicateurs…');
    expect(s.callsOf('getRefreshProgress').length).toBeGreaterThanOrEqual(1);
    expect(s.callsOf('refreshKpis')).toHaveLength(1);

    gate.resolve();
    await page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(await button.isDisabled()).toBe(false);
    expect(await page.textContent('#progress')).toBe('');
    expect(s.callsOf('refreshKpis')).toHaveLength(1);
    // Polling stops with the refresh.
    const polls = s.callsOf('getRefreshProgress').length;
    await page.waitForTimeout(1600);
    expect(s.callsOf('getRefreshProgress')).toHaveLength(polls);
  });

  it('sends the custom period when one is typed', async () => {
    const s = await sidebar(cannedServer());
    const { page } = s;
    await expect.poll(() => page.locator('#period-select option').count()).toBe(3);
    await page.selectOption('#period-select', '2026-Q2');
    await page.getByRole('button', { name: 'Actualiser les KPI' }).click();
    await page.locator('#outcome-body').waitFor({ state: 'visible' });
    await page.getByLabel('Ou période personnalisée').fill(' 2026-01-15..2026-03-31 ');
    await page.getByRole('button', { name: 'Actualiser les KPI' }).click();
    await expect.poll(() => s.callsOf('refreshKpis').length).toBe(2);
    expect(s.callsOf('refreshKpis').map((c) => c.args[0])).toEqual([
      { period: '2026-Q2' },
      { period: '2026-01-15..2026-03-31' },
    ]);
  });

  it('opens on the last refresh without refreshing again', async () => {
    const s = await sidebar(cannedServer({ state: { last: summary('fr') } }));
    await s.page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(await s.page.textContent('#issues-title')).toBe('3 problèmes dans les données');
    expect(s.callsOf('refreshKpis')).toHaveLength(0);
  });

  it('selects the cell of an issue on click and on Enter', async () => {
    const s = await sidebar(cannedServer({ state: { last: summary('fr') } }));
    const { page } = s;
    const issues = page.locator('#issues button');
    await issues.first().waitFor();
    await issues.nth(1).click();
    await issues.first().focus();
    await page.keyboard.press('Enter');
    await issues.nth(2).click();
    await expect.poll(() => s.callsOf('selectIssueCell').length).toBe(3);
    expect(s.callsOf('selectIssueCell').map((c) => c.args)).toEqual([
      ['Présences', 40, 'member_id'],
      ['Membres', 12, 'email'],
      ['Paramètres', null, null],
    ]);
  });

  it('says so when an issue cell cannot be found', async () => {
    const last = summary('fr', {
      issues: [{ tab: 'ghost', row: 3, column: 'x', value: '', code: 'c', message: 'Gone.' }],
      issueCount: 1,
    });
    const s = await sidebar(cannedServer({ state: { last } }));
    // The page renders `last` once getSidebarState answers: wait for it.
    await expect.poll(() => s.page.textContent('#issues-title')).toBe('1 problème dans les données');
    await s.page.locator('#issues button').click();
    await expect
      .poll(() => s.page.textContent('#issue-status'))
      .toBe('Cellule introuvable : l’onglet a peut-être changé.');
  });

  it('lists at most the issues it got and says how many there are in all', async () => {
    const many: IssueSummary[] = Array.from({ length: 100 }, (_, i) => ({
      tab: 'Membres',
      row: i + 2,
      column: 'email',
      value: '',
      code: 'bad_email',
      message: 'Adresse e-mail invalide.',
    }));
    const s = await sidebar(
      cannedServer({ state: { last: summary('fr', { issues: many, issueCount: 250 }) } }),
    );
    await s.page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(await s.page.textContent('#issues-title')).toBe('250 problèmes dans les données');
    expect(await s.page.textContent('#issues-note')).toContain('Les 100 premiers sont listés.');
    expect(await s.page.locator('#issues button').count()).toBe(100);
  });

  it('creates the tracking tabs and reports them', async () => {
    const s = await sidebar(
      cannedServer({ setup: { created: ['Membres', 'Événements'], existing: ['Paramètres'] } }),
    );
    await s.page.getByRole('button', { name: 'Créer les onglets de suivi' }).click();
    await expect.poll(() => s.page.textContent('#setup-status')).toBe('Onglets créés : Membres, Événements.');
    expect(s.callsOf('setupTrackingTabs')).toHaveLength(1);

    const t = await sidebar(cannedServer({ setup: { created: [], existing: ['Membres'] } }));
    await t.page.getByRole('button', { name: 'Créer les onglets de suivi' }).click();
    await expect
      .poll(() => t.page.textContent('#setup-status'))
      .toBe('Tous les onglets de suivi existent déjà.');
  });

  it('shows hostile club names, KPI labels and issue texts as text, and runs nothing', async () => {
    const last = summary('fr', {
      kpis: [
        kpi({ id: 'x', family: 'f', familyLabel: HOSTILE, label: HOSTILE, value: HOSTILE, delta: HOSTILE }),
      ],
      issues: [{ tab: HOSTILE, row: 1, column: HOSTILE, value: HOSTILE, code: 'c', message: HOSTILE }],
      issueCount: 1,
      periodText: HOSTILE,
    });
    const s = await sidebar(
      cannedServer({
        state: {
          clubName: HOSTILE,
          last,
          periods: [{ label: HOSTILE, text: HOSTILE }],
          defaultPeriod: HOSTILE,
        },
        refresh: () => ({ ok: false, code: 'bad_period', message: HOSTILE }),
      }),
    );
    const { page } = s;
    await page.locator('#outcome-body').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Actualiser les KPI' }).click();
    await expect.poll(() => page.textContent('#alert')).toBe(HOSTILE);
    expect(await page.textContent('#club-name')).toBe(HOSTILE);
    expect(await page.textContent('#kpis h3')).toBe(HOSTILE);
    expect(await page.textContent('#kpis .kpi-label')).toBe(HOSTILE);
    expect(await page.textContent('#issues button')).toContain(
      `${HOSTILE} · ligne 1 · ${HOSTILE} : ${HOSTILE}`,
    );
    expect(await page.locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(s.dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('speaks English when the server says so', async () => {
    const s = await sidebar(cannedServer({ lang: 'en', state: { clubName: 'Bristol Founders Club' } }));
    const { page } = s;
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.textContent('#period-select option')).toBe('First half of 2026');
    await page.getByLabel('Period', { exact: true }).waitFor();
    await page.getByLabel('Or a custom period').waitFor();
    await page.getByRole('button', { name: 'Refresh KPIs' }).click();
    await page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(await page.textContent('#outcome-title')).toBe('Outcome');
    expect(await page.textContent('#outcome-period')).toBe(
      'Period: First half of 2026 · compared with 2025-S2',
    );
    expect(await page.textContent('#outcome-time')).toMatch(/^Refreshed in 2\.4 s · on /);
    expect(await page.textContent('#issues-title')).toBe('3 data issues');
    expect(await page.locator('#issues button').first().textContent()).toBe(
      'Members · row 12 · email: Invalid email address.Value: “jean@@exemple”',
    );
    expect(await page.locator('[data-kpi="nps"] .delta').textContent()).toBe('▼ -4 (down, bad news)');
    expect(
      await page.locator('[data-kpi="participation_rate"]').getByRole('img').getAttribute('aria-label'),
    ).toBe('Green light: on target');
    expect(await page.textContent('#setup')).toBe('Set up tracking tabs');
    await page.screenshot({ path: `${ARTIFACTS}/sidebar-en.png`, fullPage: true });
  });

  it('shows a refusal from the server as its sentence', async () => {
    const s = await sidebar(
      cannedServer({
        refresh: () => ({ ok: false, code: 'bad_period', message: 'Période inconnue : « 2026-13 ».' }),
      }),
    );
    await s.page.getByRole('button', { name: 'Actualiser les KPI' }).click();
    await expect.poll(() => s.page.getByRole('alert').textContent()).toBe('Période inconnue : « 2026-13 ».');
    expect(await s.page.locator('#refresh').isDisabled()).toBe(false);
    expect(await s.page.locator('#outcome-body').isHidden()).toBe(true);
  });

  it('shows a thrown server error as one sentence, without its stack', async () => {
    const s = await sidebar(
      cannedServer({
        refresh: () => {
          throw new Error(
            'Exception: Le classeur est occupé : réessayez dans une minute.\n    at refreshKpis (Code:120:11)\n    at App.run (Code:8:3)',
          );
        },
      }),
    );
    await s.page.getByRole('button', { name: 'Actualiser les KPI' }).click();
    await expect
      .poll(() => s.page.getByRole('alert').textContent())
      .toBe('Le classeur est occupé : réessayez dans une minute.');
    // The next refresh clears the alert once it succeeds.
    expect(await s.page.locator('#refresh').isDisabled()).toBe(false);
  });

  it('explains when the bridge drops a state holding a Date (null, as live)', async () => {
    const s = await sidebar(async (name) =>
      name === 'getSidebarState' ? { ...state('fr'), last: { refreshedAt: new Date() } } : null,
    );
    await expect
      .poll(() => s.page.getByRole('alert').textContent())
      .toBe('Le serveur n’a pas répondu. Réessayez dans un instant.');
    // The page still works with the default period.
    expect(await s.page.locator('#refresh').isDisabled()).toBe(false);
  });

  it('works from the keyboard: Tab reaches the button, Enter refreshes, focus is visible', async () => {
    const s = await sidebar(cannedServer());
    const { page } = s;
    await expect.poll(() => page.textContent('#club-name')).toBe('Réseau Entreprendre Lyon');
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('period-select');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('period-custom');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('refresh');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    });
    expect(outline).toBe('solid 2px rgb(26, 115, 232)');
    await page.keyboard.press('Enter');
    await page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(s.callsOf('refreshKpis')).toHaveLength(1);
    // Focus comes back to the button, and the issues are reachable with Tab.
    expect(await focusedId()).toBe('refresh');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('issue');
  });

  it('keeps text contrast at 4.5:1 or more', async () => {
    const s = await sidebar(cannedServer({ state: { last: summary('fr') } }));
    const { page } = s;
    await page.locator('#outcome-body').waitFor({ state: 'visible' });
    await page.evaluate(() => {
      document.getElementById('alert')!.textContent = 'Erreur.';
      document.getElementById('progress')!.textContent = 'Lecture…';
    });
    const pairs = await page.evaluate(() => {
      const selectors = [
        '#refresh',
        '.brand',
        '#club-name',
        'label',
        '.hint',
        '#outcome-time',
        '.kpi-label',
        '.kpi-value',
        '.delta.good',
        '.delta.bad',
        '[data-kpi="active_members"] .delta',
        '#kpis h3',
        '.issue',
        '.issue-value',
        '#issues-note',
        '#alert',
        '#progress',
        '#setup',
      ];
      const background = (node: Element | null): string => {
        for (let n = node; n; n = n.parentElement) {
          const bg = getComputedStyle(n).backgroundColor;
          if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      return selectors.map((selector) => {
        const node = document.querySelector(selector);
        if (!node) return { selector, fg: 'missing', bg: 'missing' };
        return { selector, fg: getComputedStyle(node).color, bg: background(node) };
      });
    });
    const luminance = (rgb: string): number => {
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const { selector, fg, bg } of pairs) {
      expect(fg, selector).not.toBe('missing');
      const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      expect(ratio, `${selector}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
