import { describe, expect, it } from 'vitest';
import type {
  AutomationResult,
  AutomationStatus,
  ChallengesSummary,
  MembershipFormResult,
  RefreshSummary,
  SidebarState,
} from '../../src/core/api';
import { type FakeServer, fakeSidebarSuite, type SidebarPage } from './sidebar-harness';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FORM = 'https://docs.google.com/forms/d/e/1FAIpQLSeMembership/viewform';

const state = (last: RefreshSummary | null): SidebarState => ({
  lang: 'fr',
  clubName: 'Club Test',
  periods: [{ label: '2026-S2', text: '2e semestre 2026' }],
  defaultPeriod: '2026-S2',
  last,
});

const summary = (challenges: ChallengesSummary | null): RefreshSummary => ({
  period: '2026-S2',
  periodText: '2e semestre 2026',
  previous: 'au 1er semestre 2026',
  refreshedAt: '2026-09-15T08:30:00.000Z',
  durationMs: 1200,
  kpis: [],
  challenges,
  issueCount: 0,
  issues: [],
});

const CHALLENGES: ChallengesSummary = {
  title: 'Défi du mois — septembre 2026',
  none: null,
  items: [
    {
      title: 'Donner 2 recommandations',
      met: '1 membre(s) sur 2 l’ont relevé',
      total: 'Total du club : 3 / 5 visés',
      share: 0.5,
    },
    { title: HOSTILE, met: '0 membre(s) sur 2 l’ont relevé', total: 'Total du club : 0', share: 0 },
  ],
  winners: `Gagnants de août 2026 : Alice Martin, ${HOSTILE}`,
};

interface Options {
  challenges?: ChallengesSummary | null;
  membership?: () => MembershipFormResult;
  automation?: {
    status: () => AutomationStatus;
    set: (request: { on: boolean }) => AutomationResult;
    takeOver?: () => AutomationResult;
  };
}

function server(options: Options): FakeServer {
  return (name, args) => {
    switch (name) {
      case 'getSidebarState':
        return state(summary(options.challenges ?? null));
      case 'listSurveyTargets':
        return { lang: 'fr', anonymous: false, events: [], semesters: [], surveys: [] };
      case 'createMembershipForm':
        if (options.membership) return options.membership();
        break;
      case 'automationStatus':
        if (options.automation) return options.automation.status();
        break;
      case 'setAutomation':
        if (options.automation) return options.automation.set(args[0] as { on: boolean });
        break;
      case 'takeOverAutomation':
        if (options.automation?.takeOver) return options.automation.takeOver();
    }
    throw new Error(`Unexpected server function ${name}`);
  };
}

const suite = fakeSidebarSuite();
const sidebar = (options: Options): Promise<SidebarPage> => suite.open(server(options));

describe('Défi du mois', () => {
  it('shows this month’s challenges with their progress and last month’s winners, as text', async () => {
    const s = await sidebar({ challenges: CHALLENGES });
    const { page } = s;
    await page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(await page.isVisible('#challenges')).toBe(true);
    expect(await page.textContent('#challenges h3')).toBe('Défi du mois — septembre 2026');
    expect(await page.locator('.ch-title').allTextContents()).toEqual(['Donner 2 recommandations', HOSTILE]);
    expect(await page.locator('.ch-met').allTextContents()).toEqual([
      '1 membre(s) sur 2 l’ont relevé',
      '0 membre(s) sur 2 l’ont relevé',
    ]);
    expect(await page.locator('.ch-total').allTextContents()).toEqual([
      'Total du club : 3 / 5 visés',
      'Total du club : 0',
    ]);
    const bars = page.locator('progress.ch-bar');
    expect(await bars.evaluateAll((b) => b.map((x) => (x as HTMLProgressElement).value))).toEqual([0.5, 0]);
    expect(await bars.first().getAttribute('aria-label')).toBe('1 membre(s) sur 2 l’ont relevé');
    expect(await page.textContent('.ch-winners')).toBe(`Gagnants de août 2026 : Alice Martin, ${HOSTILE}`);
    expect(await page.locator('#challenges img').count()).toBe(0);
    expect(s.dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('says when this month has none, and stays hidden for a club without challenges', async () => {
    const s = await sidebar({
      challenges: {
        title: 'Défi du mois — novembre 2026',
        none: 'Aucun défi ce mois-ci : ajoutez-en un dans l’onglet Défis.',
        items: [],
        winners: 'Gagnants de octobre 2026 : personne',
      },
    });
    await s.page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(await s.page.textContent('.ch-none')).toBe(
      'Aucun défi ce mois-ci : ajoutez-en un dans l’onglet Défis.',
    );
    expect(await s.page.locator('.ch-item').count()).toBe(0);
    const none = await sidebar({ challenges: null });
    await none.page.locator('#outcome-body').waitFor({ state: 'visible' });
    expect(await none.page.isHidden('#challenges')).toBe(true);
  });
});

describe('membership form', () => {
  it('creates the form, shows its link to copy, and says when it was there already or the trigger failed', async () => {
    let calls = 0;
    const s = await sidebar({
      membership: () => {
        calls++;
        return {
          ok: true,
          created: calls === 1,
          publicUrl: FORM,
          editUrl: `${FORM}/edit`,
          responseTab: 'Réponses au formulaire 1',
          warning: calls === 2 ? `Le déclencheur n’a pas pu être installé (${HOSTILE}).` : null,
        };
      },
    });
    const { page } = s;
    await page.getByRole('tab', { name: 'Enquêtes' }).click();
    expect(await page.isHidden('#membership-link')).toBe(true);
    await page.getByRole('button', { name: "Créer le formulaire d'adhésion" }).click();
    await expect
      .poll(() => page.textContent('#membership-note'))
      .toBe('Formulaire créé : partagez son lien.');
    expect(await page.inputValue('#membership-url')).toBe(FORM);
    expect(await page.isVisible('#membership-link')).toBe(true);
    await page.locator('#membership-copy').click();
    await expect
      .poll(() => page.textContent('#membership-outcome'))
      .toMatch(/^(Lien copié\.|Lien sélectionné : copiez-le avec Ctrl\+C\.)$/);
    await page.getByRole('button', { name: "Créer le formulaire d'adhésion" }).click();
    await expect
      .poll(() => page.textContent('#membership-note'))
      .toBe(
        `Le formulaire existait déjà : voici son lien. Le déclencheur n’a pas pu être installé (${HOSTILE}).`,
      );
    expect(await page.locator('#membership-card img').count()).toBe(0);
    expect(s.callsOf('createMembershipForm')).toHaveLength(2);
    expect(s.errors).toEqual([]);
  });

  it('shows a refusal from the server as its sentence', async () => {
    const s = await sidebar({
      membership: () => ({ ok: false, code: 'busy', message: 'Club Pulse est occupé sur ce classeur.' }),
    });
    await s.page.getByRole('tab', { name: 'Enquêtes' }).click();
    await s.page.getByRole('button', { name: "Créer le formulaire d'adhésion" }).click();
    await expect.poll(() => s.page.textContent('#alert')).toBe('Club Pulse est occupé sur ce classeur.');
    expect(await s.page.isHidden('#membership-link')).toBe(true);
  });
});

describe('automation', () => {
  it('shows its state on demand (last run, last error as text) and switches it on and off', async () => {
    let on = false;
    const status = (): AutomationStatus => ({
      lang: 'fr',
      on,
      since: on ? '2026-11-02' : null,
      lastEvent: false,
      installedForMe: on,
      lastRun: {
        startedAt: '2026-11-03T06:00:00.000Z',
        day: '2026-11-03',
        outcome: 'partial',
        sent: 12,
        pending: 3,
        quotaLeft: 0,
        error: null,
        sawActiveSpreadsheet: true,
      },
      lastError: { day: '2026-10-30', error: `Quota atteint ${HOSTILE}` },
      owner: on ? { email: 'alice@club.fr', since: '2026-11-02' } : null,
      ownerIsMe: on,
      ownerOffBoard: false,
      ignoredRun: null,
    });
    const s = await sidebar({
      automation: {
        status,
        set: (request) => {
          on = request.on;
          return { ok: true, status: status(), warning: null };
        },
      },
    });
    const { page } = s;
    await page.getByRole('tab', { name: 'Enquêtes' }).click();
    // Nothing is asked before the volunteer wants it.
    expect(s.callsOf('automationStatus')).toHaveLength(0);
    expect(await page.isHidden('#automation-body')).toBe(true);
    await page.getByRole('button', { name: 'Voir l’état de l’automatisation' }).click();
    await expect
      .poll(() => page.textContent('#automation-state'))
      .toBe(
        `Automatisation désactivée. Dernier passage : 03/11/2026 (à poursuivre demain). Dernière erreur (30/10/2026) : Quota atteint ${HOSTILE}`,
      );
    await page.getByRole('button', { name: 'Activer l’automatisation' }).click();
    await expect
      .poll(() => page.textContent('#automation-state'))
      .toMatch(
        /^Automatisation activée depuis le 02\/11\/2026\. Responsable : alice@club\.fr, depuis le 02\/11\/2026\. C’est vous\. Dernier passage/,
      );
    expect(await page.isHidden('#automation-takeover')).toBe(true);
    expect(await page.textContent('#automation-toggle')).toBe('Désactiver l’automatisation');
    expect(s.callsOf('setAutomation')).toHaveLength(1);
    expect(await page.locator('#automation-card img').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('shows who owns it; another board member takes it over (the owner’s address is text)', async () => {
    let mine = false;
    const owner = `${HOSTILE}@club.fr`;
    const status = (): AutomationStatus => ({
      lang: 'fr',
      on: true,
      since: '2026-11-02',
      lastEvent: false,
      installedForMe: mine,
      lastRun: null,
      lastError: null,
      owner: mine ? { email: 'bruno@club.fr', since: '2026-11-20' } : { email: owner, since: '2026-11-02' },
      ownerIsMe: mine,
      ownerOffBoard: !mine,
      ignoredRun: mine ? { day: '2026-11-21', email: owner } : null,
    });
    const s = await sidebar({
      automation: {
        status,
        set: () => ({ ok: true, status: status(), warning: null }),
        takeOver: () => {
          mine = true;
          return { ok: true, status: status(), warning: null };
        },
      },
    });
    const { page } = s;
    await page.getByRole('tab', { name: 'Enquêtes' }).click();
    expect(await page.isHidden('#automation-takeover')).toBe(true);
    await page.getByRole('button', { name: 'Voir l’état de l’automatisation' }).click();
    await expect
      .poll(() => page.textContent('#automation-state'))
      .toBe(
        `Automatisation activée depuis le 02/11/2026. Votre déclencheur quotidien n’est pas installé sur ce classeur (un autre membre du bureau a le sien). Responsable : ${owner}, depuis le 02/11/2026. Automatisation : son responsable (${owner}, depuis le 02/11/2026) n’est plus dans la liste « Bureau (e-mails) » des Paramètres ; un membre du bureau peut la reprendre depuis le panneau latéral (Enquêtes › Automatisation › Reprendre l’automatisation). Aucun passage pour l’instant.`,
      );
    await page.getByRole('button', { name: 'Reprendre l’automatisation' }).click();
    await expect
      .poll(() => page.textContent('#automation-state'))
      .toBe(
        `Automatisation activée depuis le 02/11/2026. Responsable : bruno@club.fr, depuis le 20/11/2026. C’est vous. Le déclencheur de ${owner} a encore tourné le 21/11/2026 et n’a rien fait (seul son créateur peut le supprimer, en désactivant l’automatisation de son côté). Aucun passage pour l’instant.`,
      );
    expect(await page.isHidden('#automation-takeover')).toBe(true);
    expect(s.callsOf('takeOverAutomation')).toHaveLength(1);
    expect(s.callsOf('setAutomation')).toHaveLength(0);
    expect(await page.locator('#automation-card img').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('shows a refusal from the server as its sentence', async () => {
    const s = await sidebar({
      automation: {
        status: () => ({
          lang: 'fr',
          on: false,
          since: null,
          lastEvent: false,
          installedForMe: false,
          lastRun: null,
          lastError: null,
          owner: null,
          ownerIsMe: false,
          ownerOffBoard: false,
          ignoredRun: null,
        }),
        set: () => ({ ok: false, code: 'busy', message: 'Club Pulse est occupé sur ce classeur.' }),
      },
    });
    await s.page.getByRole('tab', { name: 'Enquêtes' }).click();
    await s.page.getByRole('button', { name: 'Voir l’état de l’automatisation' }).click();
    await expect
      .poll(() => s.page.textContent('#automation-state'))
      .toBe('Automatisation désactivée. Aucun passage pour l’instant.');
    await s.page.getByRole('button', { name: 'Activer l’automatisation' }).click();
    await expect.poll(() => s.page.textContent('#alert')).toBe('Club Pulse est occupé sur ce classeur.');
  });
});
