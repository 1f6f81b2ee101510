// The daily automation (issue 17) through the built bundle in the local runtime, on a small club
// replayed day by day with a simulated calendar: the board switches it on (Settings, Templates tab,
// one daily trigger), the trigger fires each day as a time-driven run, answers arrive, the quota
// runs out, a run is killed midway. Every expectation below is worked out by hand.
//
// Club (Europe/Paris, fr_FR), every member joined 2026-01-05:
//   M1 Alice, M2 Bruno, M3 Chloé (« Pas d'e-mail » = oui), M4 David (no address), M5 Emma.
// Events: E0 2026-01-20 (M1, M2 came) — before the switch-on of 2026-02-01, so no survey;
//         E1 2026-02-10 (M1, M2, M3, M4 came); E2 2026-04-15 (M1, M5 came, M2 did not);
//         E3 2026-07-20 (upcoming). M1 answers HOT-E1 on 2026-02-12.
// Settings: reminder after 3 days, nudge after 6 weeks without activity, at most every 8 weeks.
// Hot survey the day after; cold survey of 2026-S1 on 2026-07-01 (a Wednesday).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { AutomationResult, AutomationStatus } from '../../src/core/api';
import { fireDailyTriggers } from '../../src/local/automation';
import {
  addDays,
  answerE1,
  club,
  HAND_CHECKED,
  member,
  noon,
  replay,
  sentRows,
  sheet,
} from './automation-club';

describe.each([true, false])(
  'a semester replayed day by day (time-driven run sees the spreadsheet: %s)',
  (sees) => {
    it('sends each e-mail once, on the hand-checked day, to nobody who asked for no e-mail', () => {
      const model = club();
      const at = { day: '2026-02-01' };
      const bundle = member(model, at, { sees });
      const on = bundle.call('setAutomation', { on: true }) as AutomationResult;
      expect(on.ok && on.warning).toBe(null);
      if (!on.ok) return;
      expect(on.status).toMatchObject({ on: true, since: '2026-02-01', installedForMe: true });
      // Settings written in French, the Templates tab created, one clock trigger.
      const settings = sheet(model, 'Paramètres').values;
      expect(settings).toContainEqual(['automatisation', 'oui']);
      expect(settings).toContainEqual(['automatisation_depuis', '2026-02-01']);
      expect(sheet(model, 'Modèles').values[1]!.slice(0, 2)).toEqual(['hot_invitation', 'fr']);
      expect(model.meta.triggers.filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);

      const mails = replay(bundle, model, at, '2026-02-01', '2026-07-10', (day) => answerE1(model, day));
      expect(sentRows(model)).toEqual(HAND_CHECKED);
      expect(mails).toHaveLength(HAND_CHECKED.length);
      // Never to Chloé (no e-mail asked) nor David (no address); her skip is logged once per survey.
      expect(mails.map((m) => m.to)).not.toContain('chloe@exemple.fr');
      const log = sheet(model, 'Journal des envois').values;
      const chloe = log.filter((r) => r[3] === 'M3');
      expect(chloe.map((r) => `${r[2]} ${r[5]}`)).toEqual([
        'HOT-E1 non envoyé : « pas d’e-mail » demandé',
        'COLD-2026-S1 non envoyé : « pas d’e-mail » demandé',
      ]);
      expect(log[0]).toEqual([
        'Date',
        'Type',
        'Enquête ou relance',
        'ID membre',
        'E-mail',
        'Résultat',
        'Quota restant',
      ]);
      // The e-mail of the first invitation: the template's text and the personal link.
      const first = bundle.emulator.sentMail[0]!;
      expect(first.subject).toBe('Votre avis sur « Petit-déjeuner »');
      expect(first.body).toMatch(/^Bonjour Alice,/);
      expect(first.body).toMatch(/entry\.\d+=M1/);
      const nudge = bundle.emulator.sentMail.find((m) => m.subject.startsWith('Club Auto'))!;
      expect(nudge.body).toContain('- 20/07/2026 : Visite');
      // The last run, for the sidebar.
      const status = bundle.call('automationStatus') as AutomationStatus;
      expect(status.lastRun).toMatchObject({
        day: '2026-07-10',
        outcome: 'done',
        sent: 0,
        sawActiveSpreadsheet: sees,
      });
      expect(status.lastError).toBeNull();
      // And for the board on the Dashboard tab (add-on triggers send no failure e-mail).
      const refreshed = bundle.call('refreshKpis', { period: '2026-S1' }) as { ok: boolean };
      expect(refreshed.ok).toBe(true);
      const dashboard = model.sheets.find((x) => x.name === 'Tableau de bord')!;
      expect(dashboard.values.flat()).toContain(
        'Automatisation : dernier passage le 10/07/2026 (terminé, 0 e-mail(s) envoyé(s))',
      );
      // The installation check reads what the daily run saw (a menu run is never time-driven).
      const diag = bundle.call('runDiagnostic') as { rows: Array<{ behaviour: string; observed: string }> };
      expect(
        diag.rows.find((r) => r.behaviour === 'Classeur actif vu par le passage quotidien')?.observed,
      ).toBe(sees ? 'oui, au dernier passage' : 'non : ouvert par son identifiant');
    }, 120_000);
  },
);

describe('nothing is sent', () => {
  it('while automation is off, and from the day it is switched off', () => {
    const model = club();
    const at = { day: '2026-02-01' };
    const bundle = member(model, at);
    // Never switched on: no trigger, nothing.
    expect(replay(bundle, model, at, '2026-02-01', '2026-02-20')).toEqual([]);
    expect(model.sheets.some((s) => s.name === 'Journal des envois')).toBe(false);
    // On, then off the day before E1's survey: the trigger is removed, nothing goes.
    at.day = '2026-02-05';
    bundle.call('setAutomation', { on: true });
    at.day = '2026-02-10';
    const off = bundle.call('setAutomation', { on: false }) as AutomationResult;
    expect(off.ok && off.status.installedForMe).toBe(false);
    expect(sheet(model, 'Paramètres').values).toContainEqual(['automatisation', 'non']);
    expect(model.meta.triggers.filter((t) => t.eventType === 'CLOCK')).toEqual([]);
    expect(replay(bundle, model, at, '2026-02-10', '2026-03-01')).toEqual([]);
  }, 60_000);

  it('when a board member types « non » in Settings: the trigger still fires and does nothing', () => {
    const model = club();
    const at = { day: '2026-02-01' };
    const bundle = member(model, at);
    bundle.call('setAutomation', { on: true });
    const row = sheet(model, 'Paramètres').values.find((r) => r[0] === 'automatisation')!;
    row[1] = 'non';
    expect(replay(bundle, model, at, '2026-02-01', '2026-02-20')).toEqual([]);
    expect((bundle.call('automationStatus') as AutomationStatus).lastRun?.outcome).toBe('off');
  }, 60_000);
});

describe('switching on does not reach back', () => {
  it('except for the last event when asked', () => {
    const model = club();
    const at = { day: '2026-02-12' };
    const bundle = member(model, at);
    bundle.call('setAutomation', { on: true, lastEvent: true });
    const mails = replay(bundle, model, at, '2026-02-12', '2026-02-12');
    // E1 (2026-02-10) is the last event before the switch-on: its attendees M1 and M2 are invited.
    expect(mails.map((m) => m.to)).toEqual(['alice@exemple.fr', 'bruno@exemple.fr']);
    const other = club();
    // Nudges are not the point here.
    sheet(other, 'Paramètres').values.push(['relance_inactifs_semaines', 0]);
    const at2 = { day: '2026-02-12' };
    const b2 = member(other, at2);
    b2.call('setAutomation', { on: true });
    expect(replay(b2, other, at2, '2026-02-12', '2026-02-20')).toEqual([]);
  }, 60_000);
});

describe('the mail quota', () => {
  it('runs out and the next days resume, never twice; templates edited by the board, HTML escaped', () => {
    const model = club();
    const at = { day: '2026-06-30' };
    const bundle = member(model, at, { mailDailyQuota: 1 });
    sheet(model, 'Membres').values[1]![1] = '<img src=x onerror=alert(1)>';
    bundle.call('setAutomation', { on: true });
    // The board rewrites the cold invitation.
    const templates = sheet(model, 'Modèles').values;
    const row = templates.find((r) => r[0] === 'cold_invitation' && r[1] === 'fr')!;
    row[2] = '=1+1 {prenom}';
    row[3] = 'Salut {prenom} : {lien} {inconnu}';
    // Nudges are not the point here.
    sheet(model, 'Paramètres').values.push(['relance_inactifs_semaines', 0]);
    const mails = replay(bundle, model, at, '2026-06-30', '2026-07-03');
    expect(mails.map((m) => `${m.day} ${m.to}`)).toEqual([
      '2026-07-01 alice@exemple.fr',
      '2026-07-02 bruno@exemple.fr',
      '2026-07-03 emma@exemple.fr',
    ]);
    const status = bundle.call('automationStatus') as AutomationStatus;
    expect(status.lastRun).toMatchObject({ day: '2026-07-03', outcome: 'done', sent: 1, quotaLeft: 0 });
    const log = sheet(model, 'Journal des envois').values;
    expect(log.filter((r) => String(r[5]).startsWith('non envoyé : quota')).map((r) => r[0])).toEqual([
      '2026-07-01',
      '2026-07-02',
    ]);
    expect(log.find((r) => String(r[5]).startsWith('non envoyé : quota'))![5]).toBe(
      'non envoyé : quota du jour épuisé, 2 en attente (repris demain)',
    );
    const alice = bundle.emulator.sentMail[0]!;
    expect(alice.subject).toBe('=1+1 <img src=x onerror=alert(1)>');
    expect(alice.body).toMatch(/^Salut <img src=x onerror=alert\(1\)> : https:\/\/\S+ \{inconnu\}$/);
    expect(alice.htmlBody).not.toContain('<img');
    expect(alice.htmlBody).toContain('Salut &lt;img src=x onerror=alert(1)&gt; : <a href="https://');
  }, 60_000);
});

describe('a run killed midway', () => {
  it('keeps every e-mail it sent in the log; the next run sends the rest, never twice', () => {
    const model = club();
    const at = { day: '2026-06-30' };
    sheet(model, 'Paramètres').values.push(['relance_inactifs_semaines', 0]);
    const setup = member(model, at);
    setup.call('setAutomation', { on: true });
    // 2026-07-01: the second e-mail never returns (the 6-minute limit, here 1.5 s).
    at.day = '2026-07-01';
    const killed = member(model, at, { executionLimitMs: 1500 });
    let calls = 0;
    const hang = () => {
      calls++;
      if (calls === 2) for (;;) {}
    };
    vm.runInContext(
      '(function (hook) { var real = MailApp; globalThis.MailApp = { getRemainingDailyQuota: function () { return real.getRemainingDailyQuota(); }, sendEmail: function (a, b, c, d) { hook(); return real.sendEmail(a, b, c, d); } }; })',
      killed.context,
    )(hang);
    const result = fireDailyTriggers(killed, model, noon(at.day));
    expect(result.failed).toEqual(['Exceeded maximum execution time']);
    expect(killed.emulator.sentMail.map((m) => m.to.join())).toEqual(['alice@exemple.fr']);
    expect(sentRows(model)).toEqual(['2026-07-01 invitation COLD-2026-S1 M1']);
    const resumed = member(model, at);
    expect((resumed.call('automationStatus') as AutomationStatus).lastRun?.outcome).toBe('running');
    fireDailyTriggers(resumed, model, noon(at.day));
    expect(resumed.emulator.sentMail.map((m) => m.to.join())).toEqual([
      'bruno@exemple.fr',
      'emma@exemple.fr',
    ]);
    expect(sentRows(model)).toEqual([
      '2026-07-01 invitation COLD-2026-S1 M1',
      '2026-07-01 invitation COLD-2026-S1 M2',
      '2026-07-01 invitation COLD-2026-S1 M5',
    ]);
  }, 60_000);
});

describe('two board members both switch it on', () => {
  it('two daily runs, never a double send', () => {
    const model = club();
    const at = { day: '2026-02-01' };
    const storeA = mkdtempSync(join(tmpdir(), 'cp-a-'));
    const storeB = mkdtempSync(join(tmpdir(), 'cp-b-'));
    const a = member(model, at, { userStore: storeA });
    const b = member(model, at, { userStore: storeB });
    a.call('setAutomation', { on: true });
    at.day = '2026-02-03';
    const second = b.call('setAutomation', { on: true }) as AutomationResult;
    // B's switch-on keeps the first day: it does not move « automatisation_depuis ».
    expect(second.ok && [second.status.since, second.status.installedForMe]).toEqual(['2026-02-01', true]);
    const mails: string[] = [];
    for (let day = '2026-02-03'; day <= '2026-04-20'; day = addDays(day, 1)) {
      at.day = day;
      answerE1(model, day);
      for (const [bundle, store] of [
        [a, storeA],
        [b, storeB],
      ] as const) {
        const before = bundle.emulator.sentMail.length;
        expect(fireDailyTriggers(bundle, model, noon(day), store).fired).toBe(1);
        mails.push(...bundle.emulator.sentMail.slice(before).map((m) => `${day} ${m.to} ${m.subject}`));
      }
    }
    expect(new Set(mails).size).toBe(mails.length);
    expect(sentRows(model)).toEqual(HAND_CHECKED.filter((r) => r < '2026-04-20'));
  }, 120_000);
});

describe('a test deployment', () => {
  it('cannot install the trigger: the switch says so', () => {
    const model = club();
    const at = { day: '2026-02-01' };
    // 20 triggers already: creating one more fails, as it does in a test deployment.
    model.meta.triggers = Array.from({ length: 20 }, (_, i) => ({
      uniqueId: String(i + 1),
      handlerFunction: 'other',
      eventType: 'ON_OPEN',
      triggerSource: 'SPREADSHEETS',
      triggerSourceId: 'x',
    }));
    const result = member(model, at).call('setAutomation', { on: true }) as AutomationResult;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warning).toContain('Un déploiement de test du module ne peut pas installer de déclencheur');
    expect(result.status.installedForMe).toBe(false);
  });
});
