// The emulated FormApp, form-submit events and MailApp, one test per fact of reference §4, §5.3,
// §5.4 and §6 (texts marked UNCONFIRMED in forms.ts are our wording and are tested as such).
import { describe, expect, test } from 'vitest';
import { FORM_MSG, formsOf } from '../../../src/local/emulator/forms';
import { submitFormAsRespondent } from '../../../src/local/emulator/index';
import { emulator, expectException, workbook } from './helpers';

type Form = GoogleAppsScript.Forms.Form;

/** The response tab placed first (platform.ts `responseTabAppended: false`), as these tests check. */
function formWithDestination(locale = 'fr_FR') {
  const em = emulator(workbook(['Feuille 1'], { locale }), { platform: { responseTabAppended: false } });
  const { FormApp } = em.globals;
  const form = FormApp.create('Enquête');
  form.setTitle('Enquête');
  form.addScaleItem().setTitle('Note').setBounds(0, 10);
  form.addParagraphTextItem().setTitle('Commentaire');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, em.ss.getId());
  return { em, form, FormApp };
}

/** Publishing as the add-on does it. */
function publish(form: Form): void {
  (form as unknown as { setPublished(b: boolean): Form }).setPublished(true);
  form.setAcceptingResponses(true);
}

describe('FormApp.create', () => {
  test('the Drive file takes the title but getTitle() is empty until setTitle() (live quirk)', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('Mon enquête');
    expect(form.getTitle()).toBe('');
    expect(formsOf(em.workbook)[0]!.fileName).toBe('Mon enquête');
    form.setTitle('Autre titre');
    expect(form.getTitle()).toBe('Autre titre');
    expect(formsOf(em.workbook)[0]!.fileName).toBe('Mon enquête');
  });

  test('an empty title throws', () => {
    const em = emulator();
    expectException(() => em.globals.FormApp.create(''), FORM_MSG.emptyTitle);
  });

  test('settings default to false and are kept', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('x');
    expect([form.collectsEmail(), form.canEditResponse(), form.hasLimitOneResponsePerUser()]).toEqual([
      false,
      false,
      false,
    ]);
    form.setCollectEmail(true).setAllowResponseEdits(true).setLimitOneResponsePerUser(true);
    form.setDescription('desc').setConfirmationMessage('merci');
    expect([form.collectsEmail(), form.canEditResponse(), form.hasLimitOneResponsePerUser()]).toEqual([
      true,
      true,
      true,
    ]);
    expect(form.getDescription()).toBe('desc');
    expect(form.getConfirmationMessage()).toBe('merci');
  });

  test('a script-made form starts unpublished; setPublished(true) publishes it', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('x') as unknown as Form & {
      isPublished(): boolean;
      setPublished(b: boolean): Form;
    };
    expect(form.isPublished()).toBe(false);
    form.setPublished(true);
    expect(form.isPublished()).toBe(true);
  });

  test('forms are kept in meta.forms and reopen by id and by URL', () => {
    const em = emulator();
    const { FormApp } = em.globals;
    const form = FormApp.create('x');
    form.setTitle('Titre');
    expect(em.workbook.meta.forms).toHaveLength(1);
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Titre');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(FormApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
    expectException(() => FormApp.openByUrl('http://invalid.url/'), 'Invalid argument: url');
    expectException(() => FormApp.openById('nope'), FORM_MSG.noSuchForm);
  });
});

describe('items', () => {
  test('a scale item defaults to 1..5; lower must be 0 or 1 and upper 3..10', () => {
    const em = emulator();
    const item = em.globals.FormApp.create('x').addScaleItem();
    expect([item.getLowerBound(), item.getUpperBound()]).toEqual([1, 5]);
    item.setBounds(0, 10);
    expect([item.getLowerBound(), item.getUpperBound()]).toEqual([0, 10]);
    expectException(() => item.setBounds(2, 5), FORM_MSG.badBounds);
    expectException(() => item.setBounds(1, 2), FORM_MSG.badBounds);
    expectException(() => item.setBounds(1, 11), FORM_MSG.badBounds);
  });

  test('choice items start with one empty choice; setChoiceValues([]) throws', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('x');
    const mc = form.addMultipleChoiceItem();
    expect(mc.getChoices().map((c) => c.getValue())).toEqual(['']);
    const cb = form.addCheckboxItem();
    expectException(() => cb.setChoiceValues([]), FORM_MSG.emptyChoices);
    cb.setChoiceValues(['a', 'b']);
    expect(cb.getChoices().map((c) => c.getValue())).toEqual(['a', 'b']);
  });

  test('getItems in form order, getIndex 0-based, getId, required and help text', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('x');
    form.addTextItem().setTitle('A').setRequired(true).setHelpText('aide');
    form.addParagraphTextItem().setTitle('B');
    const items = form.getItems();
    expect(items.map((i) => [i.getTitle(), i.getIndex(), String(i.getType())])).toEqual([
      ['A', 0, 'TEXT'],
      ['B', 1, 'PARAGRAPH_TEXT'],
    ]);
    expect(items[0]!.asTextItem().isRequired()).toBe(true);
    expect(items[0]!.getHelpText()).toBe('aide');
    expect(form.getItemById(items[1]!.getId())!.getTitle()).toBe('B');
    expect(form.getItemById(12345)).toBeNull();
  });
});

describe('destination', () => {
  test('getDestinationId throws without a destination', () => {
    const em = emulator();
    expectException(() => em.globals.FormApp.create('x').getDestinationId(), FORM_MSG.noDestination);
  });

  test('a French spreadsheet gets "Réponses au formulaire 1" first, Horodateur then the questions, and its form URL', () => {
    const { em, form } = formWithDestination('fr_FR');
    expect(form.getDestinationId()).toBe(em.ss.getId());
    const sheet = em.ss.getSheets()[0]!;
    expect(sheet.getName()).toBe('Réponses au formulaire 1');
    expect(sheet.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['Horodateur', 'Note', 'Commentaire']);
    expect(sheet.getFormUrl()).toBe(form.getEditUrl());
    expect(em.globals.FormApp.openByUrl(sheet.getFormUrl()!).getId()).toBe(form.getId());
  });

  test('an English spreadsheet gets "Form Responses N" with Timestamp; N counts up', () => {
    const { em, FormApp } = formWithDestination('en_GB');
    const second = FormApp.create('y');
    second.setDestination(FormApp.DestinationType.SPREADSHEET, em.ss.getId());
    expect(em.ss.getSheets().map((s) => s.getName())).toEqual([
      'Form Responses 2',
      'Form Responses 1',
      'Feuille 1',
    ]);
    expect(em.ss.getSheets()[1]!.getRange(1, 1).getValue()).toBe('Timestamp');
  });

  test('a question added later gets its column; renaming it renames the column', () => {
    const { em, form } = formWithDestination();
    const item = form.addTextItem().setTitle('Ajout');
    const sheet = em.ss.getSheets()[0]!;
    expect(sheet.getRange(1, 4).getValue()).toBe('Ajout');
    item.setTitle('Ajout renommé');
    expect(sheet.getRange(1, 4).getValue()).toBe('Ajout renommé');
  });
});

describe('URLs and responses', () => {
  test('published URL has /viewform, edit URL the form id, short URL no /viewform', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('x');
    expect(form.getPublishedUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform$/);
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    const short = form.shortenFormUrl(form.getPublishedUrl());
    expect(short).toMatch(/^https:\/\/forms\.gle\/\w+$/);
    expect(short).not.toContain('viewform');
    expectException(() => form.shortenFormUrl('https://example.com/'), 'Invalid argument: url');
  });

  test('toPrefilledUrl carries entry.N parameters; withItemResponse keeps the last per item', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('x');
    const code = form.addTextItem().setTitle('Code');
    const r = form
      .createResponse()
      .withItemResponse(code.createResponse('first'))
      .withItemResponse(code.createResponse('M 1'));
    const url = r.toPrefilledUrl();
    expect(url.startsWith(`${form.getPublishedUrl()}?usp=pp_url&entry.`)).toBe(true);
    expect(url).toMatch(/=M\+1$/);
    expect(url).not.toContain('first');
  });

  test('scale responses are strings; out of bounds and unknown choices throw', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('x');
    const scale = form.addScaleItem().setTitle('S').setBounds(0, 10);
    expect(scale.createResponse(4).getResponse()).toBe('4');
    expectException(() => scale.createResponse(11), FORM_MSG.badResponse('S'));
    // A respondent picks a point of the scale: "1e1", "0x5" or "7.0" typed in an answers file is no point
    // (`club-pulse answer` hands the file's text over as it is).
    const asTyped = scale as unknown as { createResponse(v: unknown): { getResponse(): unknown } };
    expect(asTyped.createResponse('10').getResponse()).toBe('10');
    for (const typed of ['1e1', '0x5', '7.0', '+3', '−7'])
      expectException(() => asTyped.createResponse(typed), FORM_MSG.badResponse('S'));
    const cb = form.addCheckboxItem().setTitle('C').setChoiceValues(['a', 'b']);
    expect(cb.createResponse(['a']).getResponse()).toEqual(['a']);
    expectException(() => cb.createResponse(['z']), FORM_MSG.badResponse('C'));
  });

  test('submit appends to the destination sheet, does not fire triggers, and cannot run twice', () => {
    const { em, form } = formWithDestination();
    em.globals.ScriptApp.newTrigger('onSubmit').forSpreadsheet(em.ss).onFormSubmit().create();
    const fired: string[] = [];
    em.setTriggerRunner((name) => fired.push(name));
    const [note, comment] = form.getItems();
    const r = form
      .createResponse()
      .withItemResponse(note!.asScaleItem().createResponse(9))
      .withItemResponse(comment!.asParagraphTextItem().createResponse('=HYPERLINK("x")'));
    r.submit();
    const sheet = em.ss.getSheets()[0]!;
    const row = sheet.getRange(2, 1, 1, 3).getValues()[0]!;
    expect(Object.prototype.toString.call(row[0])).toBe('[object Date]');
    expect(row.slice(1)).toEqual([9, '=HYPERLINK("x")']);
    expect(sheet.getRange(2, 3).getFormula()).toBe('');
    expect(fired).toEqual([]);
    expectException(() => r.submit(), FORM_MSG.alreadySubmitted);
    expect(form.getResponses()).toHaveLength(1);
    expect(
      form
        .getResponses()[0]!
        .getItemResponses()
        .map((i) => i.getResponse()),
    ).toEqual(['9', '=HYPERLINK("x")']);
  });

  test('a form limited to one response per user refuses script submission', () => {
    const em = emulator();
    const form = em.globals.FormApp.create('x');
    form.setLimitOneResponsePerUser(true);
    expectException(() => form.createResponse().submit(), FORM_MSG.limitOneResponse);
  });
});

describe('a respondent and the spreadsheet form-submit event', () => {
  test('an unpublished form cannot be answered', () => {
    const { em, form } = formWithDestination();
    expect(() => submitFormAsRespondent(em, form.getId(), { Note: 5 })).toThrow(/not published/);
  });

  test('the row is appended, then each onFormSubmit trigger fires with values, namedValues and range made in the realm', () => {
    const { em, form } = formWithDestination();
    publish(form);
    const trigger = em.globals.ScriptApp.newTrigger('onSubmit').forSpreadsheet(em.ss).onFormSubmit().create();
    const events: Array<Record<string, unknown>> = [];
    em.setTriggerRunner((name, event) => {
      expect(name).toBe('onSubmit');
      events.push(event as Record<string, unknown>);
    });
    const result = submitFormAsRespondent(em, form.getId(), { Note: 8, Commentaire: 'Très bien' });
    expect(result).toMatchObject({ row: 2, sheetName: 'Réponses au formulaire 1', fired: ['onSubmit'] });
    expect(events).toHaveLength(1);
    const e = events[0]! as {
      values: string[];
      namedValues: Record<string, string[]>;
      range: GoogleAppsScript.Spreadsheet.Range;
      triggerUid: string;
      authMode: string;
    };
    expect(e.values).toHaveLength(3);
    expect(e.values[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(e.values.slice(1)).toEqual(['8', 'Très bien']);
    expect(e.namedValues.Note).toEqual(['8']);
    expect(Object.keys(e.namedValues)).toEqual(['Horodateur', 'Note', 'Commentaire']);
    expect(e.range.getRow()).toBe(2);
    expect(e.range.getSheet().getFormUrl()).toBe(form.getEditUrl());
    expect(e.triggerUid).toBe(trigger.getUniqueId());
    expect(String(e.authMode)).toBe('FULL');
    expect(Array.isArray(e.values)).toBe(true);
  });

  test('required questions, bounds and choices are checked as the form page does', () => {
    const { em, form } = formWithDestination();
    publish(form);
    form.getItems()[0]!.asScaleItem().setRequired(true);
    expect(() => submitFormAsRespondent(em, form.getId(), { Commentaire: 'x' })).toThrow(/required/);
    expect(() => submitFormAsRespondent(em, form.getId(), { Note: 12 })).toThrow(/Invalid response/);
    expect(em.ss.getSheets()[0]!.getLastRow()).toBe(1);
  });
});

describe('ScriptApp form-submit triggers', () => {
  test('the 21st trigger throws the documented text', () => {
    const em = emulator();
    const { ScriptApp } = em.globals;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).forSpreadsheet(em.ss).onFormSubmit().create();
    expectException(
      () => ScriptApp.newTrigger('g').forSpreadsheet(em.ss).onFormSubmit().create(),
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  test('FormApp, MailApp and triggers need FULL authorization', () => {
    const em = emulator(workbook(), { authMode: 'LIMITED' });
    expect(() => em.globals.FormApp.create('x')).toThrow(/permission/);
    expect(() => em.globals.MailApp.getRemainingDailyQuota()).toThrow(/permission/);
  });
});

describe('MailApp', () => {
  test('each recipient counts against a daily quota kept in meta.mailSent, by day', () => {
    let now = Date.UTC(2026, 5, 1, 10);
    const em = emulator(workbook(), { mailDailyQuota: 3, now: () => now });
    const { MailApp } = em.globals;
    expect(MailApp.getRemainingDailyQuota()).toBe(3);
    MailApp.sendEmail('a@x.fr', 'Sujet', 'Corps');
    MailApp.sendEmail({ to: 'b@x.fr,c@x.fr', subject: 'S', body: 'B' });
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(em.workbook.meta.mailSent).toEqual({ '2026-06-01': 3 });
    expectException(
      () => MailApp.sendEmail('d@x.fr', 'S', 'B'),
      'Service invoked too many times for one day: email.',
    );
    expect(em.sentMail.map((m) => m.to)).toEqual([['a@x.fr'], ['b@x.fr', 'c@x.fr']]);
    now += 86_400_000;
    expect(MailApp.getRemainingDailyQuota()).toBe(3);
  });

  test('the default quota is 100 recipients a day (consumer account)', () => {
    expect(emulator().globals.MailApp.getRemainingDailyQuota()).toBe(100);
  });
});

describe('persistence', () => {
  test('forms, their response tab and its form URL survive saving the workbook to .xlsx and loading it back', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadWorkbook, saveWorkbook } = await import('../../../src/local/workbook/xlsx');
    const { em, form } = formWithDestination();
    publish(form);
    submitFormAsRespondent(em, form.getId(), { Note: 7, Commentaire: '=1+1' });
    const path = join(mkdtempSync(join(tmpdir(), 'forms-')), 'club.xlsx');
    await saveWorkbook(em.workbook, path);
    const loaded = await loadWorkbook(path);
    expect(formsOf(loaded)).toEqual(formsOf(em.workbook));
    const tab = loaded.sheets.find((s) => s.name === 'Réponses au formulaire 1')!;
    expect(tab.formUrl).toBe(form.getEditUrl());
    expect(tab.values[1]!.slice(1)).toEqual([7, '=1+1']);
    expect(tab.formulas.size).toBe(0);
  });
});
