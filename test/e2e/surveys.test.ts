// Surveys through the built bundle (dist/Code.js) in the local runtime, on the hand-made fixture
// club: creating the hot survey of E1 (twice → one form), the Surveys tab, the event's hot_survey
// cell, the response tab found by form URL, respondents answering through the emulated form (the
// form-submit trigger takes answers in, once), refresh picking up what the trigger missed,
// anonymous mode, pre-filled links from one toPrefilledUrl call, emails within the daily quota,
// text kept as text, and tracking tabs left alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InvitationResult, RefreshResult, SurveyLinksResult, SurveyResult } from '../../src/core/api';
import { MEMBER_ITEM } from '../../src/core/surveys';
import { formsOf } from '../../src/local/emulator/forms';
import { submitFormAsRespondent } from '../../src/local/emulator/index';
import { loadBundle } from '../../src/local/runtime';
import { answerSurvey } from '../../src/local/surveys';
import type { SheetModel, WorkbookModel } from '../../src/local/workbook/model';
import { FIXTURE_TODAY, fixtureWorkbook } from './club-fixture';

const code = readFileSync('dist/Code.js', 'utf8');
/** Answers are submitted on 2026-11-20 10:00 UTC (before the fixture's today, 2026-11-27). */
const SUBMITTED_AT = Date.UTC(2026, 10, 20, 10);

function run(model: WorkbookModel, options: { now?: () => number; mailDailyQuota?: number } = {}) {
  return loadBundle(code, {
    workbook: model,
    userLocale: 'fr',
    now: options.now ?? (() => SUBMITTED_AT),
    ...options,
  });
}

const sheet = (model: WorkbookModel, name: string): SheetModel => {
  const s = model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const responseRows = (model: WorkbookModel) =>
  sheet(model, 'Réponses').values.filter((r) => r.some((v) => v !== ''));

function createE1(model: WorkbookModel, bundle = run(model)) {
  const result = bundle.call('createHotSurvey', 'E1') as SurveyResult;
  if (!result.ok) throw new Error(result.message);
  return { bundle, result };
}

function refresh(model: WorkbookModel) {
  const result = run(model).call('refreshKpis', { period: '2026-S1', today: FIXTURE_TODAY }) as RefreshResult;
  expect(result.ok).toBe(true);
}

describe('creating a hot survey', () => {
  it('makes one published form linked to this spreadsheet, registers it, links the event, and reuses it when asked again', () => {
    const model = fixtureWorkbook();
    const { bundle, result } = createE1(model);
    if (!result.ok) return;
    expect(result.created).toBe(true);
    expect(result.warning).toBeNull();
    const forms = formsOf(model);
    expect(forms).toHaveLength(1);
    expect(forms[0]!.published).toBe(true);
    expect(forms[0]!.acceptingResponses).toBe(true);
    expect(forms[0]!.title).toBe('Votre avis : Petit-déjeuner de mars (12/03/2026)');
    expect(forms[0]!.items.map((i) => i.type)).toEqual([
      'TEXT',
      'SCALE',
      'SCALE',
      'TEXT',
      'TEXT',
      'SCALE',
      'PARAGRAPH_TEXT',
    ]);
    expect(forms[0]!.items.filter((i) => i.type === 'SCALE').map((i) => [i.lower, i.upper])).toEqual([
      [1, 5],
      [0, 10],
      [1, 5],
    ]);

    // The response tab, found by its form URL.
    const responseTab = model.sheets.find((s) => s.formUrl !== null)!;
    expect(responseTab.name).toBe('Réponses au formulaire 1');
    expect(responseTab.values[0]![0]).toBe('Horodateur');

    // The Surveys tab.
    const surveys = sheet(model, 'Enquêtes');
    expect(surveys.values[0]).toEqual([
      'ID enquête',
      'Type',
      'Événement ou semestre',
      'Lien public',
      "Lien d'édition",
      'Onglet des réponses',
      'Créée le',
      'Réponses',
      'ID formulaire',
    ]);
    const row = surveys.values[1]!;
    expect(row.slice(0, 6)).toEqual([
      'HOT-E1',
      'chaud',
      'E1',
      result.survey.publicUrl,
      result.survey.editUrl,
      'Réponses au formulaire 1',
    ]);
    expect(row[7]).toBe(0);
    expect(row[8]).toBe(forms[0]!.id);
    expect(result.survey.publicUrl).toMatch(/\/viewform$/);

    // The event's hot_survey cell: the fixture has no such column, so its header is added.
    const events = sheet(model, 'Événements');
    expect(events.values[0]![4]).toBe('Enquête à chaud');
    expect(events.values[1]![4]).toBe(result.survey.publicUrl);
    expect(events.values[2]![4] ?? '').toBe('');

    // One trigger.
    expect(model.meta.triggers).toEqual([
      expect.objectContaining({ handlerFunction: 'onSurveySubmit', eventType: 'ON_FORM_SUBMIT' }),
    ]);
    const before = bundle.emulator.counter.byMethod.get('FormApp.create');
    expect(before).toBe(1);

    // Again, in another execution: the same form, no second registry row, still one trigger.
    const again = run(model).call('createHotSurvey', 'E1') as SurveyResult;
    expect(again).toMatchObject({ ok: true, created: false });
    if (again.ok) expect(again.survey.publicUrl).toBe(result.survey.publicUrl);
    expect(formsOf(model)).toHaveLength(1);
    expect(surveys.values.filter((r) => r[0] === 'HOT-E1')).toHaveLength(1);
    expect(model.meta.triggers).toHaveLength(1);
    expect(model.sheets.filter((s) => s.formUrl !== null)).toHaveLength(1);
  });

  it('refuses an unknown event and a bad semester with a sentence', () => {
    const bundle = run(fixtureWorkbook());
    expect(bundle.call('createHotSurvey', 'E42')).toMatchObject({
      ok: false,
      code: 'unknown_event',
      message: 'Événement « E42 » introuvable dans l’onglet Événements.',
    });
    expect(bundle.call('createColdSurvey', '2026-S3')).toMatchObject({ ok: false, code: 'bad_period' });
  });

  it('creates a cold survey COLD-2026-S1 with checkbox formats', () => {
    const model = fixtureWorkbook();
    const result = run(model).call('createColdSurvey', '2026-S1') as SurveyResult;
    expect(result).toMatchObject({
      ok: true,
      created: true,
      survey: { surveyId: 'COLD-2026-S1', kind: 'cold' },
    });
    const form = formsOf(model)[0]!;
    const formats = form.items.find((i) => i.type === 'CHECKBOX')!;
    expect(formats.choices).toContain('petit-déjeuner');
    expect(form.items.map((i) => i.title)).toContain(
      "Qu'avez-vous retiré de plus bénéfique sur les 3 derniers mois ?",
    );
    // The event tab is not touched by a cold survey.
    expect(sheet(model, 'Événements').values[0]).toHaveLength(4);
  });

  it('lists events without a survey first', () => {
    const model = fixtureWorkbook();
    createE1(model);
    const targets = run(model).call('listSurveyTargets') as {
      events: Array<{ eventId: string; hasSurvey: boolean; upcoming: boolean }>;
      semesters: Array<{ period: string }>;
    };
    // All three events are past on the fixture's today (2026-11-27).
    expect(targets.events.map((e) => [e.eventId, e.hasSurvey, e.upcoming])).toEqual([
      ['E3', false, false],
      ['E2', false, false],
      ['E1', true, false],
    ]);
    expect(targets.semesters.length).toBeGreaterThan(0);
  });
});

describe('answers', () => {
  it('a respondent answers: the trigger adds one Responses row, with text kept as text', () => {
    const model = fixtureWorkbook();
    const { bundle } = createE1(model);
    const before = responseRows(model).length;
    const report = answerSurvey(bundle, 'HOT-E1', [
      {
        member: 'M1',
        satisfaction: '4',
        nps: '9',
        contacts_made: '3',
        decisive_contacts: '1',
        connection_value: '5',
        comment: '=HYPERLINK("http://evil.example","clic")',
      },
    ]);
    expect(report).toMatchObject({ submitted: 1, skipped: [] });
    const rows = responseRows(model);
    expect(rows).toHaveLength(before + 1);
    const header = rows[0]!;
    const added = rows[rows.length - 1]!;
    const by = (label: string) => added[header.indexOf(label)];
    expect(by('ID enquête')).toBe('HOT-E1');
    expect(by("Type d'enquête")).toBe('chaud');
    expect(by('ID événement')).toBe('E1');
    expect(by('Membre')).toBe('M1');
    expect(by('NPS')).toBe(9);
    expect(by('Satisfaction')).toBe(4);
    // Columns the fixture's Responses tab lacked were added at its end.
    expect(header.slice(7)).toEqual([
      'Contacts noués',
      'Contacts décisifs',
      'Valeur de la rencontre',
      'Commentaire',
    ]);
    expect(by('Contacts noués')).toBe(3);
    expect(by('Commentaire')).toBe('=HYPERLINK("http://evil.example","clic")');
    expect(sheet(model, 'Réponses').formulas.size).toBe(0);
    // The Surveys tab counts the answer.
    expect(sheet(model, 'Enquêtes').values[1]![7]).toBe(1);
  });

  it('two triggers firing for one answer, then a refresh, add it once', () => {
    const model = fixtureWorkbook();
    const { bundle } = createE1(model);
    // A second organiser's trigger on the same spreadsheet.
    model.meta.triggers.push({ ...model.meta.triggers[0]!, uniqueId: '999' });
    const before = responseRows(model).length;
    const report = answerSurvey(bundle, 'HOT-E1', [{ member: 'M3', satisfaction: '5', nps: '10' }]);
    expect(report.submitted).toBe(1);
    expect(responseRows(model)).toHaveLength(before + 1);
    refresh(model);
    refresh(model);
    expect(responseRows(model)).toHaveLength(before + 1);
  });

  it('an answer given while the trigger was not installed is taken in by the next refresh, once', () => {
    const model = fixtureWorkbook();
    const { bundle } = createE1(model);
    model.meta.triggers = [];
    const before = responseRows(model).length;
    answerSurvey(bundle, 'HOT-E1', [
      { member: 'M1', satisfaction: '3', nps: '7' },
      { member: 'M3', satisfaction: '5', nps: '10', comment: '<script>alert(1)</script>' },
    ]);
    expect(responseRows(model)).toHaveLength(before);
    refresh(model);
    expect(responseRows(model)).toHaveLength(before + 2);
    expect(responseRows(model).some((r) => r.includes('<script>alert(1)</script>'))).toBe(true);
    refresh(model);
    expect(responseRows(model)).toHaveLength(before + 2);
  });

  it('finds the response tab by its form URL after the user renamed it', () => {
    const model = fixtureWorkbook();
    const { bundle } = createE1(model);
    model.sheets.find((s) => s.formUrl !== null)!.name = 'Mes réponses E1';
    const before = responseRows(model).length;
    answerSurvey(bundle, 'HOT-E1', [{ member: 'M1', satisfaction: '4', nps: '8' }]);
    expect(responseRows(model)).toHaveLength(before + 1);
    expect(sheet(model, 'Enquêtes').values[1]![5]).toBe('Mes réponses E1');
  });

  it('a value the form refuses is reported and that answer skipped', () => {
    const model = fixtureWorkbook();
    const { bundle } = createE1(model);
    const before = responseRows(model).length;
    const report = answerSurvey(bundle, 'HOT-E1', [
      { member: 'M1', satisfaction: '4', nps: '12' },
      { member: 'M3', satisfaction: '4', nps: '8' },
    ]);
    expect(report.submitted).toBe(1);
    expect(report.skipped).toEqual([
      {
        index: 1,
        // The form's own text (its wording is not confirmed: platform.ts unconfirmedErrorTextsAsGuessed).
        message: expect.stringMatching(/\S/),
        kind: 'invalid',
        question: expect.any(String),
      },
    ]);
    expect(responseRows(model)).toHaveLength(before + 1);
  });

  it('with answers from the survey, refresh computes NPS, satisfaction and response rate by hand', () => {
    // E2 (2026-05-28, in 2026-S1): attendees M1 and M5 (M3's attendance is unknown) → 2.
    // Fixture answers of E2: M5 NPS 3, satisfaction 2 (2026-05-29, no time); M1 NPS 10,
    // satisfaction 5 (2026-05-30). Our two new answers for E2, submitted 2026-05-29 11:00 in Paris:
    // M1 NPS 9, satisfaction 4; M5 NPS 0, satisfaction 1.
    // One answer per member per survey counts, the latest (SPEC §12): M5's new answer replaces the
    // fixture's (same day, later time); M1's fixture answer (05-30) stays the latest, the new one
    // (05-29) is the earlier. Two duplicate_answer issues.
    // NPS over S1: E1 10, 9, 7; E2 0 (M5), 10 (M1) → promoters 3, detractors 1 of 5 → +40.
    // satisfaction: (5 + 4 + 4 + 1 + 5) ÷ 5 = 3.8.
    // response rate: events of P with a hot survey = E2 only (E1 has no hot_survey link here);
    //   hot answers naming E2 that count: 2, attendees 2 → 1.
    const model = fixtureWorkbook();
    const bundle = run(model, { now: () => Date.UTC(2026, 4, 29, 9) });
    expect((bundle.call('createHotSurvey', 'E2') as SurveyResult).ok).toBe(true);
    answerSurvey(bundle, 'HOT-E2', [
      { member: 'M1', satisfaction: '4', nps: '9' },
      { member: 'M5', satisfaction: '1', nps: '0' },
    ]);
    const result = run(model).call('refreshKpis', {
      period: '2026-S1',
      today: FIXTURE_TODAY,
      withReport: true,
    }) as RefreshResult;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const kpi = (id: string) => result.report!.kpis.find((k) => k.id === id)!;
    expect(kpi('nps').value).toBeCloseTo(40, 6);
    expect(kpi('nps').n).toBe(5);
    expect(kpi('event_satisfaction').value).toBeCloseTo(3.8, 6);
    expect(kpi('survey_response_rate').value).toBe(1);
    const duplicates = result.report!.issues.filter((i) => i.code === 'duplicate_answer');
    expect(duplicates.map((i) => i.value).sort()).toEqual(['M1', 'M5']);
  });
});

describe('anonymous surveys', () => {
  it('store no member code anywhere: no code question, no personal link, no member in answers', () => {
    const model = fixtureWorkbook();
    sheet(model, 'Paramètres').values.push(['anonymous_surveys', 'oui']);
    const { bundle, result } = createE1(model);
    if (!result.ok) return;
    const form = formsOf(model)[0]!;
    expect(form.items.map((i) => i.title).join()).not.toMatch(/Code membre/);
    const links = bundle.call('surveyLinks', 'HOT-E1') as SurveyLinksResult;
    expect(links.ok && links.anonymous).toBe(true);
    if (links.ok) expect(new Set(links.links.map((l) => l.url))).toEqual(new Set([result.survey.publicUrl]));
    const before = responseRows(model).length;
    const report = answerSurvey(bundle, 'HOT-E1', [{ member: 'M1', satisfaction: '4', nps: '9' }]);
    expect(report.unknownFields).toEqual(['member']);
    const rows = responseRows(model);
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1]![rows[0]!.indexOf('Membre')]).toBe('');
    expect(Object.keys(model.meta.documentProperties).filter((k) => k.includes('prefill'))).toEqual([]);
    const responseTab = model.sheets.find((s) => s.formUrl !== null)!;
    const stored = JSON.stringify([formsOf(model), responseTab.values]);
    for (const code of ['M1', 'M3', 'M5']) expect(stored).not.toContain(code);
    // Emails: the log keeps a hash of the address, not the member id.
    bundle.call('sendSurveyInvitations', 'HOT-E1');
    expect(JSON.stringify(sheet(model, 'Journal des envois').values)).not.toMatch(/"M\d"/);
  });
});

describe('switching to anonymous surveys after a form exists (issue 14)', () => {
  const hasCode = (form: { items: Array<{ title: string }> }) =>
    form.items.some((i) => /Code membre/.test(i.title));

  it('says plainly that the reused form asks for the member code, then makes a new anonymous one', () => {
    const model = fixtureWorkbook();
    const { bundle, result: first } = createE1(model);
    answerSurvey(bundle, 'HOT-E1', [{ member: 'M1', satisfaction: '4', nps: '9' }]);
    const signedAnswers = responseRows(model).length;
    sheet(model, 'Paramètres').values.push(['anonymous_surveys', 'oui']);

    const again = run(model).call('createHotSurvey', 'E1') as SurveyResult;
    expect(again.ok && again.created).toBe(false);
    if (!again.ok) return;
    expect(again.signedForm).toBe(true);
    expect(again.warning).toContain('demande encore le code membre');
    expect(again.warning).toContain('Créez un nouveau formulaire anonyme');
    expect(formsOf(model)).toHaveLength(1);

    const replaced = run(model).call('createHotSurvey', 'E1', { newAnonymousForm: true }) as SurveyResult;
    expect(replaced.ok && replaced.created).toBe(true);
    if (!replaced.ok || !first.ok) return;
    expect(replaced.signedForm).toBe(false);
    expect(replaced.warning).toBeNull();
    const [old, fresh] = formsOf(model);
    expect(hasCode(old!)).toBe(true);
    expect(old!.acceptingResponses).toBe(false);
    expect(hasCode(fresh!)).toBe(false);
    expect(fresh!.acceptingResponses).toBe(true);
    // One row for HOT-E1 in the Surveys tab, now with the new form's link; no pre-filled template.
    const registry = sheet(model, 'Enquêtes').values.filter((r) => r[0] === 'HOT-E1');
    expect(registry).toHaveLength(1);
    expect(replaced.survey.publicUrl).not.toBe(first.survey.publicUrl);
    expect(registry[0]).toContain(replaced.survey.publicUrl);
    expect(Object.keys(model.meta.documentProperties).filter((k) => k.includes('prefill'))).toEqual([]);

    // The answer already received is kept; a new answer comes in from the new form, without a code.
    const bundle2 = run(model);
    const report = answerSurvey(bundle2, 'HOT-E1', [{ member: 'M1', satisfaction: '2', nps: '3' }]);
    expect(report.unknownFields).toEqual(['member']);
    const rows = responseRows(model);
    expect(rows).toHaveLength(signedAnswers + 1);
    expect(rows[rows.length - 1]![rows[0]!.indexOf('Membre')]).toBe('');
    expect(rows[rows.length - 1]![rows[0]!.indexOf('NPS')]).toBe(3);
    // Asking again reuses the anonymous form, without a warning.
    const third = run(model).call('createHotSurvey', 'E1') as SurveyResult;
    expect(third.ok && [third.created, third.signedForm, third.warning]).toEqual([false, false, null]);
  });

  it('never stores a member code for a survey created while anonymous mode was on', () => {
    const model = fixtureWorkbook();
    sheet(model, 'Paramètres').values.push(['anonymous_surveys', 'oui']);
    const { bundle } = createE1(model);
    // Anonymous mode switched off again, and someone adds a member code question to the form by hand.
    const settings = sheet(model, 'Paramètres').values;
    settings.splice(settings.length - 1, 1);
    const form = formsOf(model)[0]!;
    bundle.emulator.globals.FormApp.openById(form.id).addTextItem().setTitle(MEMBER_ITEM.title.fr);
    const answered = run(model);
    const title = (re: RegExp) => form.items.find((i) => re.test(i.title))!.title;
    submitFormAsRespondent(answered.emulator, form.id, {
      [MEMBER_ITEM.title.fr]: 'M1',
      [title(/recommanderiez/i)]: '9',
      [title(/satisfait/i)]: '4',
    });
    // The response tab has the code; the Responses tab never gets it (trigger, then refresh).
    expect(JSON.stringify(model.sheets.find((s) => s.formUrl !== null)!.values)).toContain('M1');
    refresh(model);
    const rows = responseRows(model);
    expect(rows[rows.length - 1]![rows[0]!.indexOf('Membre')]).toBe('');
  });
});

describe('personal links', () => {
  it('are made from one toPrefilledUrl call per form, each carrying the attendee’s member code', () => {
    const model = fixtureWorkbook();
    const { bundle } = createE1(model);
    const first = bundle.call('surveyLinks', 'HOT-E1') as SurveyLinksResult;
    bundle.call('surveyLinks', 'HOT-E1');
    expect(bundle.emulator.counter.byMethod.get('FormResponse.toPrefilledUrl')).toBe(1);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    // E1 attendees: M1, Chloé Durand (M3) and emma@exemple.fr (M5, then a guest); M2 did not come.
    expect(first.links.map((l) => l.memberId)).toEqual(['M1', 'M3', 'M5']);
    for (const link of first.links) expect(link.url).toMatch(new RegExp(`entry\\.\\d+=${link.memberId}$`));
    // A link opened and answered as is gives the member code to the answer.
    const form = formsOf(model)[0]!;
    const codeItem = form.items[0]!;
    expect(first.links[0]!.url).toContain(`entry.${codeItem.entryId}=M1`);
  });
});

describe('emails', () => {
  it('stop at the daily quota and resume the next day, never twice', () => {
    const model = fixtureWorkbook();
    const day1 = Date.UTC(2026, 10, 20, 9);
    const sent: string[] = [];
    const first = run(model, { now: () => day1, mailDailyQuota: 2 });
    createE1(model, first);
    const r1 = first.call('sendSurveyInvitations', 'HOT-E1') as InvitationResult;
    expect(r1).toMatchObject({ ok: true, invitations: 2, reminders: 0, pending: 1, quotaLeft: 0 });
    sent.push(...first.emulator.sentMail.map((m) => m.to.join()));
    // Same day, another run: the quota is spent, nothing is sent.
    const again = run(model, { now: () => day1 + 3_600_000, mailDailyQuota: 2 });
    expect(again.call('sendSurveyInvitations', 'HOT-E1')).toMatchObject({ invitations: 0, pending: 1 });
    // Next day: the one left.
    const second = run(model, { now: () => day1 + 86_400_000, mailDailyQuota: 2 });
    const r2 = second.call('sendSurveyInvitations', 'HOT-E1') as InvitationResult;
    expect(r2).toMatchObject({ ok: true, invitations: 1, pending: 0 });
    sent.push(...second.emulator.sentMail.map((m) => m.to.join()));
    expect(sent.sort()).toEqual(['alice@exemple.fr', 'chloe@exemple.fr', 'emma@exemple.fr']);
    const mail = second.emulator.sentMail[0]!;
    expect(mail.subject).toBe('Votre avis sur « Petit-déjeuner de mars »');
    expect(mail.body).toContain('entry.');
  });
});

describe('reminders', () => {
  it('go the next day to the invited attendees who have not answered, once', () => {
    const model = fixtureWorkbook();
    const day1 = Date.UTC(2026, 10, 20, 9);
    const first = run(model, { now: () => day1, mailDailyQuota: 10 });
    createE1(model, first);
    // Day 1: the three attendees of E1 who are members (Alice, Chloé, and Emma by her email) are invited.
    expect(first.call('sendSurveyInvitations', 'HOT-E1')).toMatchObject({
      ok: true,
      invitations: 3,
      reminders: 0,
    });
    answerSurvey(first, 'HOT-E1', [{ member: 'M1', satisfaction: '5', nps: '10' }]);
    // Same day again: nobody is reminded on the day of the invitation.
    const sameDay = run(model, { now: () => day1 + 3_600_000, mailDailyQuota: 10 });
    expect(sameDay.call('sendSurveyInvitations', 'HOT-E1')).toMatchObject({ invitations: 0, reminders: 0 });
    // Day 2: Alice has just answered and Chloé's answer (M3) was already in the Responses tab of
    // the fixture: only Emma gets a reminder.
    const second = run(model, { now: () => day1 + 86_400_000, mailDailyQuota: 10 });
    expect(second.call('sendSurveyInvitations', 'HOT-E1')).toMatchObject({
      ok: true,
      invitations: 0,
      reminders: 1,
    });
    expect(second.emulator.sentMail.map((m) => m.to.join())).toEqual(['emma@exemple.fr']);
    // Day 3: reminded already, not again.
    const third = run(model, { now: () => day1 + 2 * 86_400_000, mailDailyQuota: 10 });
    expect(third.call('sendSurveyInvitations', 'HOT-E1')).toMatchObject({ invitations: 0, reminders: 0 });
  });
});

describe('tracking tabs', () => {
  it('only Events.hot_survey and appended Responses rows change', () => {
    const model = fixtureWorkbook();
    const tracking = model.sheets.map((s) => [s.name, JSON.stringify(s.values)] as const);
    const events = JSON.stringify(sheet(model, 'Événements').values.map((r) => r.slice(0, 4)));
    const responses = JSON.stringify(sheet(model, 'Réponses').values.map((r) => r.slice(0, 7)));
    const { bundle } = createE1(model);
    answerSurvey(bundle, 'HOT-E1', [{ member: 'M1', satisfaction: '4', nps: '9', comment: '+33 6 00' }]);
    bundle.call('sendSurveyInvitations', 'HOT-E1');
    refresh(model);
    for (const [name, values] of tracking) {
      if (name === 'Événements' || name === 'Réponses') continue;
      expect(JSON.stringify(sheet(model, name).values), name).toBe(values);
    }
    expect(JSON.stringify(sheet(model, 'Événements').values.map((r) => r.slice(0, 4)))).toBe(events);
    const after = sheet(model, 'Réponses').values;
    expect(JSON.stringify(after.slice(0, 6).map((r) => r.slice(0, 7)))).toBe(
      JSON.parse(JSON.stringify(responses)),
    );
    expect(after.at(-1)).toContain('+33 6 00');
  });
});
