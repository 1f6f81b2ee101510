/**
 * Browser tests of the sidebar's KPI review (issue 18), in Chromium against a fake
 * google.script.run answering canned data: opened from the foot of the KPI panel for the chosen
 * period, KPIs grouped by family with their data, movement, votes and targets, hostile labels shown
 * as text, the decision saved (only the targets changed are sent), a refusal in the alert, English.
 * A screenshot of the panel goes to test-artifacts/ for a human look.
 */
import { mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang, SidebarState } from '../../src/core/api';
import type { KpiReview, KpiReviewDecision, KpiReviewSaved } from '../../src/core/kpi-review';
import { type FakeServer, fakeSidebarSuite, type SidebarPage } from './sidebar-harness';

const HOSTILE = '<img src=x onerror=alert(1)>';
const ARTIFACTS = 'test-artifacts';

function state(lang: Lang): SidebarState {
  return {
    lang,
    clubName: 'Réseau Entreprendre Lyon',
    periods: [
      { label: '2026-S1', text: '2026-S1' },
      { label: '2025-S2', text: '2025-S2' },
    ],
    defaultPeriod: '2026-S1',
    last: null,
  };
}

function review(lang: Lang): KpiReview {
  const fr = lang === 'fr';
  const row = (
    over: Partial<KpiReview['rows'][number]> & Pick<KpiReview['rows'][number], 'id' | 'label'>,
  ) => ({
    familyLabel: 'Engagement',
    custom: false,
    enabled: true,
    hasData: true,
    moved: null,
    valueText: '',
    previousText: '',
    votes: 0,
    target: null,
    targetText: '',
    formula: '',
    ...over,
  });
  return {
    period: '2026-S1',
    previous: '2025-S2',
    lastReview: null,
    due: true,
    voters: 7,
    line: fr
      ? 'Revue des indicateurs : aucune enregistrée. Tous les six mois, revoyez avec le bureau et les membres les indicateurs suivis (barre latérale Club Pulse › Revue des indicateurs).'
      : 'KPI review: none recorded. Every six months, review with the board and the members which KPIs you follow (Club Pulse sidebar › KPI review).',
    rows: [
      row({
        id: 'participation_rate',
        label: fr ? 'Taux de participation' : 'Participation rate',
        valueText: fr ? '40,0 %' : '40.0%',
        moved: 'up',
        votes: 3,
        target: 0.6,
        targetText: fr ? '60 %' : '60%',
      }),
      row({
        id: 'active_members',
        label: fr ? 'Membres actifs' : 'Active members',
        valueText: '20',
        moved: 'flat',
      }),
      row({
        id: 'nps',
        familyLabel: 'Satisfaction',
        label: 'NPS',
        enabled: false,
        hasData: false,
        valueText: fr ? 'pas de données' : 'no data',
        votes: 5,
      }),
      row({
        id: 'custom:evil',
        familyLabel: fr ? 'Indicateurs du club' : "The club's own indicators",
        custom: true,
        label: HOSTILE,
        valueText: '2',
        moved: 'down',
      }),
    ],
  };
}

interface Options {
  lang?: Lang;
  save?: (decision: KpiReviewDecision) => KpiReviewSaved;
}

function server(options: Options = {}): FakeServer {
  const lang = options.lang ?? 'fr';
  return async (name, args) => {
    switch (name) {
      case 'getSidebarState':
        return state(lang);
      case 'getKpiReview':
        return { ok: true, review: review(lang) };
      case 'saveKpiReview':
        return options.save
          ? options.save(args[0] as KpiReviewDecision)
          : {
              ok: true,
              enabled: 3,
              message: 'Revue enregistrée dans l’onglet Paramètres : 3 indicateur(s) suivi(s).',
            };
    }
    throw new Error(`Unexpected server function ${name}`);
  };
}

const suite = fakeSidebarSuite({ strict: true });

async function sidebar(fake: FakeServer): Promise<SidebarPage> {
  const opened = await suite.open(fake);
  await expect.poll(() => opened.page.textContent('#club-name')).toBe('Réseau Entreprendre Lyon');
  return opened;
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
});

describe('KPI review in the sidebar', () => {
  it('opens from the KPI panel for the chosen period and lists every KPI by family', async () => {
    const s = await sidebar(server());
    const { page } = s;
    expect(await page.isHidden('#review')).toBe(true);
    await page.selectOption('#period-select', '2025-S2');
    await page.getByRole('button', { name: 'Revue des indicateurs' }).click();
    await page.locator('#review-list fieldset').first().waitFor();
    expect(s.callsOf('getKpiReview').map((c) => c.args)).toEqual([[{ period: '2025-S2' }]]);
    expect(await page.textContent('#review-line')).toMatch(/^Revue des indicateurs : aucune enregistrée/);
    expect(await page.textContent('#review-intro')).toBe(
      'Valeur sur 2026-S1, évolution depuis 2025-S2, votes des membres, objectif. Cochez les indicateurs à suivre.',
    );
    expect(await page.textContent('#review-voters')).toBe(
      '7 membre(s) ont dit quels indicateurs comptent pour eux (enquête à froid).',
    );
    expect(await page.locator('#review-list legend').allTextContents()).toEqual([
      'Engagement',
      'Satisfaction',
      'Indicateurs du club',
    ]);
    const participation = page.locator('.review-kpi').nth(0);
    expect(await participation.locator('.meta').textContent()).toBe('40,0 % · en hausse · 3 vote(s)');
    expect(await participation.locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(
      await participation
        .getByRole('textbox', { name: 'Objectif de « Taux de participation »' })
        .inputValue(),
    ).toBe('60 %');
    expect(await page.locator('.review-kpi').nth(2).locator('.meta').textContent()).toBe(
      'pas de données · 5 vote(s)',
    );
    expect(await page.locator('.review-kpi').nth(2).locator('input[type="checkbox"]').isChecked()).toBe(
      false,
    );
    // A hostile label is text: no element was made of it.
    expect(await page.locator('.review-kpi').nth(3).textContent()).toContain(HOSTILE);
    expect(await page.locator('#review img').count()).toBe(0);
    expect(await page.textContent('#review-custom')).toContain('custom_kpi.<id> = count <onglet>');
    await page.locator('#review').screenshot({ path: `${ARTIFACTS}/sidebar-review-fr.png` });
  });

  it('saves the ticked KPIs and only the targets changed, then shows the outcome', async () => {
    const decisions: KpiReviewDecision[] = [];
    const s = await sidebar(
      server({
        save: (d) => {
          decisions.push(d);
          return {
            ok: true,
            enabled: 3,
            message: 'Revue enregistrée dans l’onglet Paramètres : 3 indicateur(s) suivi(s).',
          };
        },
      }),
    );
    const { page } = s;
    await page.getByRole('button', { name: 'Revue des indicateurs' }).click();
    await page.locator('.review-kpi').first().waitFor();
    await page.locator('.review-kpi').nth(1).locator('input[type="checkbox"]').uncheck();
    await page.locator('.review-kpi').nth(2).locator('input[type="checkbox"]').check();
    await page.getByRole('textbox', { name: 'Objectif de « NPS »' }).fill('30');
    await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
    await expect
      .poll(() => page.textContent('#review-outcome'))
      .toBe('Revue enregistrée dans l’onglet Paramètres : 3 indicateur(s) suivi(s).');
    expect(decisions).toEqual([
      { period: '2026-S1', enabled: ['participation_rate', 'nps', 'custom:evil'], targets: { nps: '30' } },
    ]);
    // Saved targets count as shown: saving again sends none.
    await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
    await expect.poll(() => decisions.length).toBe(2);
    expect(decisions[1].targets).toEqual({});
  });

  it('shows a refusal in the alert and keeps the list as typed', async () => {
    const s = await sidebar(
      server({
        save: () => ({
          ok: false,
          message:
            'Objectif illisible pour « NPS » : « beaucoup ». Écrivez un nombre (0.75) ou un pourcentage (75 %).',
        }),
      }),
    );
    const { page } = s;
    await page.getByRole('button', { name: 'Revue des indicateurs' }).click();
    await page.locator('.review-kpi').first().waitFor();
    await page.getByRole('textbox', { name: 'Objectif de « NPS »' }).fill('beaucoup');
    await page.getByRole('button', { name: 'Enregistrer la revue' }).click();
    await expect.poll(() => page.textContent('#alert')).toMatch(/^Objectif illisible pour « NPS »/);
    expect(await page.textContent('#review-outcome')).toBe('');
    expect(await page.getByRole('textbox', { name: 'Objectif de « NPS »' }).inputValue()).toBe('beaucoup');
    await page.getByRole('button', { name: 'Fermer' }).click();
    expect(await page.isHidden('#review')).toBe(true);
  });

  it('speaks English in an English spreadsheet', async () => {
    const s = await sidebar(server({ lang: 'en' }));
    const { page } = s;
    await page.getByRole('button', { name: 'KPI review' }).click();
    await page.locator('.review-kpi').first().waitFor();
    expect(await page.textContent('#review-title')).toBe('KPI review');
    expect(await page.textContent('#review-intro')).toBe(
      'Value for 2026-S1, change since 2025-S2, members’ votes, target. Tick the KPIs to follow.',
    );
    expect(await page.locator('.review-kpi').nth(0).locator('.meta').textContent()).toBe(
      '40.0% · up · 3 vote(s)',
    );
    expect(await page.getByRole('button', { name: 'Save the review' }).isVisible()).toBe(true);
    expect(await page.textContent('#review-custom')).toMatch(/^New club KPI: in Settings/);
    await page.locator('#review').screenshot({ path: `${ARTIFACTS}/sidebar-review-en.png` });
  });
});
