// The membership form (issue 17) through the built bundle (dist/Code.js) in the local runtime, on
// the hand-made fixture club: creating the form (once), its questions, the one form-submit trigger;
// people signing up through the emulated form page (the trigger fills Members): a new e-mail makes
// a new member (next free ID, joined on the day of the answer, prospect unless Settings say sign-ups
// are members), hostile text stays text, the same e-mail fills only the blanks and never overwrites
// what a volunteer typed, a bad e-mail is left in the response tab and reported, an answer the
// trigger missed is taken in at the next refresh (exactly once), and profile completion rises.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MembershipFormResult, RefreshResult } from '../../src/core/api';
import { dayOf, serialOf } from '../../src/core/dates';
import { formsOf } from '../../src/local/emulator/forms';
import type { PlatformChoices } from '../../src/local/emulator/platform';
import { signUp } from '../../src/local/membership';
import { loadBundle } from '../../src/local/runtime';
import type { SheetModel, WorkbookModel } from '../../src/local/workbook/model';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
/** Sign-ups arrive on 2026-11-20 10:00 UTC. */
const SIGNED_AT = Date.UTC(2026, 10, 20, 10);

const run = (model: WorkbookModel, platform: Partial<PlatformChoices> = {}) =>
  loadBundle(code, { workbook: model, userLocale: 'fr', now: () => SIGNED_AT, platform });
const sheet = (model: WorkbookModel, name: string): SheetModel => model.sheets.find((s) => s.name === name)!;

function createForm(model: WorkbookModel) {
  const bundle = run(model);
  const result = bundle.call('createMembershipForm') as MembershipFormResult;
  if (!result.ok) throw new Error(result.message);
  return { bundle, result };
}

/** Members as records by header label, rows with an ID only. */
function members(model: WorkbookModel): Array<Record<string, unknown>> {
  const [header, ...rows] = sheet(model, 'Membres').values;
  return rows
    .filter((r) => r[0] !== '' && r[0] !== undefined)
    .map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i] ?? ''])));
}
const member = (model: WorkbookModel, id: string) => members(model).find((m) => m['ID membre'] === id)!;

function refresh(model: WorkbookModel) {
  const result = run(model).call('refreshKpis', {
    period: '2026-S2',
    today: FIXTURE_TODAY,
    withReport: true,
  }) as RefreshResult;
  if (!result.ok) throw new Error(result.message);
  return result;
}
const completion = (r: RefreshResult) =>
  r.ok ? r.report!.kpis.find((k) => k.id === 'profile_completion_rate')!.value : null;

const NEW_PERSON = {
  first_name: '=HYPERLINK("http://evil.example","clic")',
  last_name: 'Nouveau',
  email: 'jean.nouveau@exemple.fr',
  company: '+33 Conseil',
  sector: '@Industrie',
  offers: '<script>alert(1)</script> du conseil',
  looking_for: '-2+3 clients',
  phone: '+33 6 12 34 56 78',
  agrees_to_be_named: 'oui',
};

describe('the membership form', () => {
  it('is created once, published, sending its answers here, with the one form-submit trigger', () => {
    const model = fixtureWorkbook();
    const { bundle, result } = createForm(model);
    if (!result.ok) return;
    expect(result.created).toBe(true);
    expect(result.warning).toBeNull();
    expect(result.publicUrl).toMatch(/\/viewform$/);
    expect(result.responseTab).toBe('Réponses au formulaire 1');
    const [form] = formsOf(model);
    expect(form!.title).toBe('Adhésion au club');
    expect(form!.published && form!.acceptingResponses).toBe(true);
    expect(form!.items.map((i) => [i.title, i.type, i.required])).toEqual([
      ['Prénom', 'TEXT', true],
      ['Nom', 'TEXT', true],
      ['E-mail', 'TEXT', true],
      ['Entreprise', 'TEXT', false],
      ["Secteur d'activité", 'TEXT', false],
      ["Ce que j'offre au réseau", 'PARAGRAPH_TEXT', false],
      ['Ce que je recherche dans le réseau', 'PARAGRAPH_TEXT', false],
      ['Téléphone', 'TEXT', false],
      ["J'accepte d'être nommé·e dans ce que le club partage", 'MULTIPLE_CHOICE', false],
    ]);
    expect(form!.items.at(-1)!.choices).toEqual(['Oui', 'Non']);
    expect(model.meta.triggers).toEqual([
      expect.objectContaining({ handlerFunction: 'onSurveySubmit', eventType: 'ON_FORM_SUBMIT' }),
    ]);
    const again = bundle.call('createMembershipForm') as MembershipFormResult;
    expect(again).toMatchObject({ ok: true, created: false, publicUrl: result.publicUrl });
    expect(formsOf(model)).toHaveLength(1);
    expect(model.meta.triggers).toHaveLength(1);
  });

  it('is offered in the menu, which says the link in a toast', () => {
    const model = fixtureWorkbook();
    const bundle = run(model);
    bundle.call('menuMembershipForm');
    const [form] = formsOf(model);
    expect(bundle.emulator.ui.toasts.map((t) => t.message)).toEqual([
      `Formulaire d'adhésion\u00a0: https://docs.google.com/forms/d/e/${form!.responderId}/viewform`,
    ]);
  });

  it('makes a prospect of a new e-mail, next free ID as imports number them (M006 after M1…M5), joined the day of the answer, text kept as text', () => {
    const model = fixtureWorkbook();
    const { bundle } = createForm(model);
    const before = members(model).length;
    const report = signUp(bundle, [NEW_PERSON]);
    expect(report).toMatchObject({ submitted: 1, skipped: [] });
    const rows = members(model);
    expect(rows).toHaveLength(before + 1);
    const m = member(model, 'M006');
    expect(m).toMatchObject({
      Prénom: NEW_PERSON.first_name,
      Nom: 'Nouveau',
      'E-mail': NEW_PERSON.email,
      Statut: 'prospect',
      Entreprise: '+33 Conseil',
      Secteur: '@Industrie',
      "Ce que j'offre": NEW_PERSON.offers,
      'Ce que je recherche': '-2+3 clients',
      Téléphone: '+33 6 12 34 56 78',
      "Accepte d'être nommé·e": 'oui',
    });
    expect(m["Date d'adhésion"]).toEqual({ serial: serialOf(dayOf(2026, 11, 20)) });
    for (const s of model.sheets) expect([...s.formulas.entries()], s.name).toEqual([]);
    // The header grew by the columns the tab lacked, in the club's language.
    expect(sheet(model, 'Membres').values[0]!.slice(7)).toEqual([
      'Entreprise',
      'Secteur',
      'Téléphone',
      "Ce que j'offre",
      'Ce que je recherche',
      "Accepte d'être nommé·e",
    ]);
  });

  it('fills only the blanks of the member with the same e-mail, never what a volunteer typed', () => {
    const model = fixtureWorkbook();
    const { bundle } = createForm(model);
    const before = completion(refresh(model));
    const report = signUp(bundle, [
      {
        first_name: 'Alicia',
        last_name: 'Martin-Durand',
        email: 'ALICE@exemple.fr',
        company: 'Martin Conseil',
        phone: '06 11 22 33 44',
        agrees_to_be_named: 'non',
      },
    ]);
    expect(report.submitted).toBe(1);
    expect(members(model)).toHaveLength(5);
    expect(member(model, 'M1')).toMatchObject({
      Prénom: 'Alice',
      Nom: 'Martin',
      'E-mail': 'alice@exemple.fr',
      Entreprise: 'Martin Conseil',
      Téléphone: '06 11 22 33 44',
      "Accepte d'être nommé·e": 'non',
    });
    // A second answer with another phone changes nothing that is filled now.
    signUp(bundle, [{ first_name: 'A', last_name: 'B', email: 'alice@exemple.fr', phone: '07 00 00 00 00' }]);
    expect(member(model, 'M1')['Téléphone']).toBe('06 11 22 33 44');
    // Profile completion rises: Alice (active) has one of the six profile fields now.
    const after = completion(refresh(model));
    expect(before).toBe(0);
    expect(after).toBeCloseTo(1 / 6 / 4, 10);
  });

  it('makes active members of sign-ups when Settings say so, and skips a bad e-mail with its row', () => {
    const model = fixtureWorkbook();
    sheet(model, 'Paramètres').values.push(['signups_are_members', 'oui']);
    const { bundle } = createForm(model);
    const sync = () =>
      bundle.call('syncMembershipAnswers') as { skipped: Array<{ row: number; reason: string }> };
    signUp(bundle, [
      { first_name: 'Zoé', last_name: 'Sans', email: 'pas-une-adresse' },
      { first_name: 'Yann', last_name: 'Actif', email: 'yann@exemple.fr' },
    ]);
    expect(member(model, 'M006')).toMatchObject({ Prénom: 'Yann', Statut: 'actif' });
    expect(members(model)).toHaveLength(6);
    // The bad answer stays in the response tab, and is not taken in again.
    expect(sheet(model, 'Réponses au formulaire 1').values[1]).toContain('pas-une-adresse');
    expect(sync().skipped).toEqual([]);
  });

  it('takes in at the next refresh an answer the trigger missed, exactly once', () => {
    const model = fixtureWorkbook();
    const { bundle } = createForm(model);
    // The trigger is gone (removed by hand, or a test deployment that could not install it).
    model.meta.triggers = [];
    signUp(bundle, [{ first_name: 'Paul', last_name: 'Tard', email: 'paul@exemple.fr' }]);
    expect(members(model)).toHaveLength(5);
    refresh(model);
    expect(member(model, 'M006')).toMatchObject({ Prénom: 'Paul', Statut: 'prospect' });
    // A volunteer deletes the phone-less row's name: a second refresh writes nothing again.
    const row = sheet(model, 'Membres').values.findIndex((r) => r[0] === 'M006');
    sheet(model, 'Membres').values[row]![1] = '';
    refresh(model);
    expect(members(model)).toHaveLength(6);
    expect(member(model, 'M006')['Prénom']).toBe('');
  });

  // docs/PLATFORM.md: what a response tab's getFormUrl() gives, and when it is listed, are not settled.
  for (const platform of [
    { sheetFormUrlHasFormId: true },
    { sheetFormUrlHasFormId: false },
    { responseTabListedAtOnce: false },
  ] as Array<Partial<PlatformChoices>>) {
    it(`finds its response tab and takes answers in under each platform answer (${JSON.stringify(platform)})`, () => {
      const model = fixtureWorkbook();
      const bundle = run(model, platform);
      const result = bundle.call('createMembershipForm') as MembershipFormResult;
      expect(result).toMatchObject({ ok: true, responseTab: 'Réponses au formulaire 1', warning: null });
      signUp(bundle, [{ first_name: 'Inès', last_name: 'Neuve', email: 'ines@exemple.fr' }]);
      expect(member(model, 'M006')).toMatchObject({ Prénom: 'Inès', Statut: 'prospect' });
      expect(formsOf(model)).toHaveLength(1);
    });
  }
});
