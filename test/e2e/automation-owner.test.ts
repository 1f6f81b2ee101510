// Automation that survives a change of board (issue 20), through the built bundle in the local
// runtime with two board members, each with their own user store (their own triggers, as Apps
// Script keeps them per user: https://developers.google.com/apps-script/reference/script/script-app#getprojecttriggers).
// Alice switches the automation on; Bruno takes it over three weeks later. Alice's trigger cannot
// be removed by Bruno, so both keep firing every day, in either order; only the owner's run acts,
// and the sends are exactly the hand-checked ones of automation.test.ts (the same club), never two.
// Run under both answers of `effectiveUserEmailKnown` (whether Google gives the user's address).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AutomationResult, AutomationStatus } from '../../src/core/api';
import { fireDailyTriggers } from '../../src/local/automation';
import type { LoadedBundle } from '../../src/local/runtime';
import type { WorkbookModel } from '../../src/local/workbook/model';
import { addDays, answerE1, club, HAND_CHECKED, member, noon, sentRows, sheet } from './automation-club';

const ALICE = 'alice.bureau@club-auto.fr';
const BRUNO = 'bruno.bureau@club-auto.fr';
const TAKE_OVER = '2026-02-20';
const LAST = '2026-04-20';

/** The daily triggers in a user's store (the survey's form-submit trigger left out). */
function triggersIn(store: string): Array<{ handlerFunction: string; userEmail?: string }> {
  let all: Array<{ handlerFunction: string; userEmail?: string }> = [];
  try {
    all = JSON.parse(readFileSync(join(store, 'triggers.json'), 'utf8'));
  } catch {
    all = [];
  }
  return all.filter((t) => t.handlerFunction === 'onAutomationTick');
}

function ok(result: unknown): AutomationResult & { ok: true } {
  const r = result as AutomationResult;
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** Fires each member's daily triggers (in the given order); the mails each one sent. */
function day(
  model: WorkbookModel,
  date: string,
  runs: Array<{ who: string; bundle: LoadedBundle; store: string }>,
): Array<{ who: string; mail: string }> {
  const out: Array<{ who: string; mail: string }> = [];
  for (const { who, bundle, store } of runs) {
    const before = bundle.emulator.sentMail.length;
    const fired = fireDailyTriggers(bundle, model, noon(date), store);
    expect(fired.failed).toEqual([]);
    for (const m of bundle.emulator.sentMail.slice(before))
      out.push({ who, mail: `${date} ${m.to.join()} ${m.subject}` });
  }
  return out;
}

describe.each([true, false])('two owners over a season (Google gives the address: %s)', (known) => {
  it('the owner is shown, Bruno takes over, Alice’s trigger still fires and does nothing: never a double send', () => {
    const model = club();
    const at = { day: '2026-02-01' };
    const storeA = mkdtempSync(join(tmpdir(), 'cp-owner-a-'));
    const storeB = mkdtempSync(join(tmpdir(), 'cp-owner-b-'));
    const platform = { effectiveUserEmailKnown: known };
    const alice = member(model, at, { userStore: storeA, userEmail: ALICE, platform });
    const bruno = member(model, at, { userStore: storeB, userEmail: BRUNO, platform });
    const a = { who: 'alice', bundle: alice, store: storeA };
    const b = { who: 'bruno', bundle: bruno, store: storeB };

    const on = ok(alice.call('setAutomation', { on: true }));
    expect(on.warning).toBe(null);
    expect(on.status).toMatchObject({
      on: true,
      installedForMe: true,
      owner: { email: known ? ALICE : '', since: '2026-02-01' },
      ownerIsMe: true,
      ownerOffBoard: false,
    });
    // Bruno sees who owns it; he has no trigger of his own.
    const seen = bruno.call('automationStatus') as AutomationStatus;
    expect(seen).toMatchObject({ installedForMe: false, ownerIsMe: false, owner: { since: '2026-02-01' } });

    const mails: Array<{ who: string; mail: string }> = [];
    for (let d = '2026-02-01'; d < TAKE_OVER; d = addDays(d, 1)) {
      at.day = d;
      answerE1(model, d);
      mails.push(...day(model, d, [a, b]));
    }

    at.day = TAKE_OVER;
    const taken = ok(bruno.call('takeOverAutomation'));
    expect(taken.warning).toBe(null);
    expect(taken.status).toMatchObject({
      on: true,
      since: '2026-02-01',
      installedForMe: true,
      owner: { email: known ? BRUNO : '', since: TAKE_OVER },
      ownerIsMe: true,
    });
    // Alice's trigger is still hers (Bruno cannot remove it); she is no longer the owner.
    expect(triggersIn(storeA).map((t) => t.userEmail)).toEqual([ALICE]);
    expect(triggersIn(storeB).map((t) => t.userEmail)).toEqual([BRUNO]);
    expect((alice.call('automationStatus') as AutomationStatus).ownerIsMe).toBe(false);

    for (let d = TAKE_OVER, i = 0; d <= LAST; d = addDays(d, 1), i++) {
      at.day = d;
      answerE1(model, d);
      // Either order: Alice's stale trigger fires first on even days.
      mails.push(...day(model, d, i % 2 === 0 ? [a, b] : [b, a]));
    }
    const texts = mails.map((m) => m.mail);
    expect(new Set(texts).size).toBe(texts.length);
    expect(sentRows(model)).toEqual(HAND_CHECKED.filter((r) => r <= `${LAST} `));
    // After the take-over, Alice's runs sent nothing; before it, Bruno had no trigger.
    expect(mails.filter((m) => m.who === 'alice' && m.mail >= TAKE_OVER)).toEqual([]);
    expect(mails.filter((m) => m.who === 'bruno' && m.mail < TAKE_OVER)).toEqual([]);
    expect(mails.filter((m) => m.who === 'bruno').length).toBeGreaterThan(0);
    // Her last run is noted, and shown; the last run is Bruno's.
    const status = bruno.call('automationStatus') as AutomationStatus;
    expect(status.ignoredRun).toEqual({ day: LAST, email: known ? ALICE : '' });
    expect(status.lastRun?.day).toBe(LAST);

    // Alice switches off: only her trigger goes, the club's automation stays on under Bruno.
    const off = ok(alice.call('setAutomation', { on: false }));
    expect(off.warning).toContain('seulement les vôtres');
    expect(off.status).toMatchObject({ on: true, installedForMe: false, ownerIsMe: false });
    expect(triggersIn(storeA)).toEqual([]);
    expect(triggersIn(storeB)).toHaveLength(1);
    expect(sheet(model, 'Paramètres').values).toContainEqual(['automatisation', 'oui']);

    // Bruno, the owner, switches off: the club's automation stops; his trigger goes.
    const stop = ok(bruno.call('setAutomation', { on: false }));
    expect(stop.warning).toContain('Seuls vos déclencheurs sont supprimés');
    expect(stop.status).toMatchObject({ on: false, installedForMe: false, owner: null });
    expect(triggersIn(storeB)).toEqual([]);
  }, 240_000);
});

describe('the board list', () => {
  it('a run whose owner left « Bureau (e-mails) » says so on the dashboard, once, until they are back', () => {
    const model = club();
    const at = { day: '2026-02-01' };
    const store = mkdtempSync(join(tmpdir(), 'cp-owner-board-'));
    const alice = member(model, at, { userStore: store, userEmail: ALICE });
    ok(alice.call('setAutomation', { on: true }));
    const settings = sheet(model, 'Paramètres').values;
    settings.push(['Bureau (e-mails)', `${BRUNO}; chloe@exemple.fr`]);
    at.day = '2026-02-11';
    day(model, at.day, [{ who: 'alice', bundle: alice, store }]);
    const sentence =
      'Automatisation : son responsable (alice.bureau@club-auto.fr, depuis le 01/02/2026) n’est plus dans la liste « Bureau (e-mails) » des Paramètres';
    const dashboard = () =>
      sheet(model, 'Tableau de bord')
        .values.flat()
        .filter((v) => typeof v === 'string' && v.startsWith(sentence));
    expect((alice.call('refreshKpis', { period: '2026-S1' }) as { ok: boolean }).ok).toBe(true);
    expect(dashboard()).toHaveLength(1);
    expect((alice.call('automationStatus') as AutomationStatus).ownerOffBoard).toBe(true);
    // The installation check says so too.
    alice.call('menuCheckInstallation');
    const check = sheet(model, 'Diagnostic').values.find(
      (r) => r[0] === 'Responsable de l’automatisation dans « Bureau (e-mails) »',
    );
    expect([check?.[1], String(check?.[2]).startsWith(sentence), check?.[3]]).toEqual(['oui', true, 'Échec']);
    // Back in the list (any case, among other separators): nothing said.
    settings[settings.length - 1] = ['Bureau (e-mails)', `${BRUNO}, ALICE.Bureau@club-auto.fr`];
    expect((alice.call('refreshKpis', { period: '2026-S1' }) as { ok: boolean }).ok).toBe(true);
    expect(dashboard()).toEqual([]);
    alice.call('menuCheckInstallation');
    expect(sheet(model, 'Diagnostic').values.flat()).not.toContain(
      'Responsable de l’automatisation dans « Bureau (e-mails) »',
    );
    // A list with something that is not an address is reported, the addresses still read.
    settings[settings.length - 1] = ['Bureau (e-mails)', `${BRUNO}; =HYPERLINK("x")`];
    const refreshed = alice.call('refreshKpis', { period: '2026-S1' }) as { ok: boolean };
    expect(refreshed.ok).toBe(true);
    expect(dashboard()).toHaveLength(1);
  }, 120_000);
});

describe('triggers kept in the workbook (no user store)', () => {
  it('each user lists only their own; a trigger runs as its creator', () => {
    const model = club();
    const at = { day: '2026-02-01' };
    const alice = member(model, at, { userEmail: ALICE });
    const bruno = member(model, at, { userEmail: BRUNO });
    ok(alice.call('setAutomation', { on: true }));
    at.day = '2026-02-05';
    const taken = ok(bruno.call('takeOverAutomation'));
    expect(taken.status.owner?.email).toBe(BRUNO);
    expect(model.meta.triggers.map((t) => t.userEmail)).toEqual([ALICE, BRUNO]);
    // Alice's switch-off removes hers only.
    ok(alice.call('setAutomation', { on: false }));
    expect(model.meta.triggers.map((t) => t.userEmail)).toEqual([BRUNO]);
    // The remaining trigger, fired from Alice's runtime, still runs as Bruno: it acts.
    at.day = '2026-02-11';
    const before = alice.emulator.sentMail.length;
    fireDailyTriggers(alice, model, noon(at.day));
    expect(alice.emulator.sentMail.length - before).toBe(2);
    expect(sentRows(model)).toEqual(HAND_CHECKED.filter((r) => r.startsWith('2026-02-11')));
  }, 60_000);
});

describe('club-pulse automation', () => {
  it('says who owns it once switched on, and that only this user’s triggers go when switched off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-owner-cli-'));
    const file = join(dir, 'club.xlsx');
    const cli = (args: string[]) => {
      const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/club-pulse.mjs'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, CLUB_PULSE_USER_STORE: join(dir, 'user') },
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    expect(cli(['init', file, '--lang', 'fr']).code).toBe(0);
    const on = cli(['automation', file, '--on', '--today', '2026-02-01']);
    expect(on.err).toBe('');
    expect(on.out).toContain('Responsable : user@example.com, depuis le 2026-02-01.');
    const off = cli(['automation', file, '--off', '--today', '2026-02-02']);
    expect(off.out).toContain('Seuls vos déclencheurs sont supprimés');
    expect(off.out).not.toContain('Responsable :');
  }, 120_000);
});
